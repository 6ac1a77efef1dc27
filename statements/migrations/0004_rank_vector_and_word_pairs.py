"""rank_vector beside search_vector; adjacent word pairs and link lexemes in search_vector (statements.search.document).

Existing statements get both from their stored title and body: the pairs are
added to the vector they have, the rank vector is computed as the store
service computes it. The table's rows are kept narrow (long text goes to
TOAST from 512 bytes) and rank_vector stays in the row, so ranking many
matches reads one small row each.
"""

import django.contrib.postgres.search
from django.db import migrations

BATCH = 500


def fill(apps, schema_editor):
    from statements.search.document import lead, lemmatised, rank_config, word_pairs

    Statement = apps.get_model("statements", "Statement")
    rows = Statement.objects.order_by("pk").values_list("pk", "language", "title", "body")
    with schema_editor.connection.cursor() as cursor:
        for pk, language, title, body in rows.iterator(chunk_size=BATCH):
            cursor.execute(
                """
                UPDATE statements_statement SET
                    search_vector = coalesce(search_vector, ''::tsvector) || array_to_tsvector(%(pairs)s::text[])
                        || coalesce((SELECT array_to_tsvector(array_agg(DISTINCT '@country:' || country_id))
                                     FROM statements_statementcountry WHERE statement_id = %(id)s), '')
                        || coalesce((SELECT array_to_tsvector(array_agg(DISTINCT '@topic:' || topic_id))
                                     FROM statements_statementtopic WHERE statement_id = %(id)s), '')
                        || coalesce((SELECT array_to_tsvector(array_agg(DISTINCT '@person:' || person_id))
                                     FROM statements_statementperson WHERE statement_id = %(id)s), ''),
                    rank_vector =
                        setweight(to_tsvector(%(rank_config)s::regconfig, %(rank_title)s), 'A')
                        || setweight(to_tsvector(%(rank_config)s::regconfig, %(rank_lead)s), 'B')
                WHERE id = %(id)s
                """,
                {"id": pk, "rank_config": rank_config(language), "rank_title": lemmatised(title),
                 "rank_lead": lemmatised(lead(body)), "pairs": list(word_pairs(title, body))},
            )


class Migration(migrations.Migration):
    dependencies = [("statements", "0003_editors_group")]

    operations = [
        migrations.AddField(
            model_name="statement",
            name="rank_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunSQL(
            "ALTER TABLE statements_statement ALTER COLUMN rank_vector SET STORAGE MAIN, SET (toast_tuple_target = 512)",
            "ALTER TABLE statements_statement ALTER COLUMN rank_vector SET STORAGE EXTENDED, RESET (toast_tuple_target)",
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
    ]
