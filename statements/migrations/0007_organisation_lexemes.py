"""Organisations a statement names as lexemes of its search vector ("@org:UN", statements.search.entities).

New and re-extracted statements get them from the store service; this gives
them to the statements already stored, from their title and body.
"""

from django.db import migrations

BATCH = 500


def add_organisation_lexemes(apps, schema_editor):
    from statements.search.entities import organisations_in

    Statement = apps.get_model("statements", "Statement")
    rows = Statement.objects.order_by("pk").values_list("pk", "title", "body")
    with schema_editor.connection.cursor() as cursor:
        for pk, title, body in rows.iterator(chunk_size=BATCH):
            lexemes = organisations_in(f"{title}\n{body}")
            if lexemes:
                cursor.execute(
                    "UPDATE statements_statement SET search_vector = "
                    "coalesce(search_vector, ''::tsvector) || array_to_tsvector(%s::text[]) WHERE id = %s",
                    [lexemes, pk],
                )


class Migration(migrations.Migration):
    dependencies = [("statements", "0006_feed_and_address_indexes")]

    operations = [migrations.RunPython(add_organisation_lexemes, migrations.RunPython.noop, elidable=True)]
