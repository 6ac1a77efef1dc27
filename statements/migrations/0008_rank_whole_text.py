"""Rank by the whole text: the body's most frequent words and word pairs join the rank vector.

archive_salient_terms keeps a body vector's `top` most frequent lexemes that
are not stop words, weighted by how often they occur (B four times or more,
C two or three, D once), with their positions, so ts_rank reads both weight
and frequency. The store service calls it for every statement it writes
(statements.search.document); this gives the statements already stored
their new rank vectors, from their title, body and language.
"""

from django.db import migrations

SALIENT_TERMS_SQL = """
CREATE OR REPLACE FUNCTION archive_salient_terms(body tsvector, top integer) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    WITH terms AS (
        SELECT lexeme, cardinality(positions) AS tf
        FROM unnest(body)
        -- stop words (Russian ones survive the `simple` configuration used for lemmas) and short tokens
        WHERE length(lexeme) > 2 AND to_tsvector('russian', lexeme) <> ''::tsvector
        ORDER BY cardinality(positions) DESC, positions[1]
        LIMIT top
    )
    SELECT setweight(setweight(setweight(
        ts_delete(body, ARRAY(SELECT lexeme FROM unnest(body) EXCEPT SELECT lexeme FROM terms)), 'D'),
        'C', ARRAY(SELECT lexeme FROM terms WHERE tf BETWEEN 2 AND 3)),
        'B', ARRAY(SELECT lexeme FROM terms WHERE tf >= 4))
$$
"""

BATCH = 200


def rebuild_rank_vectors(apps, schema_editor):
    from statements.search.document import rank_fields

    Statement = apps.get_model("statements", "Statement")
    rows = Statement.objects.order_by("pk").values_list("pk", "language", "title", "body")
    with schema_editor.connection.cursor() as cursor:
        for pk, language, title, body in rows.iterator(chunk_size=BATCH):
            cursor.execute(RANK_VECTOR_SQL, {**rank_fields(title=title, body=body, lang=language),
                                            "salient_terms": 48, "id": pk})  # the number of words 0008 kept


RANK_VECTOR_SQL = """
    UPDATE statements_statement SET rank_vector =
        setweight(to_tsvector(%(rank_config)s::regconfig, %(rank_title)s), 'A')
        || setweight(to_tsvector(%(rank_config)s::regconfig, %(rank_lead)s), 'B')
        || archive_salient_terms(to_tsvector(%(rank_config)s::regconfig, %(rank_body)s), %(salient_terms)s)
        || %(rank_pairs)s::tsvector
    WHERE id = %(id)s
"""


class Migration(migrations.Migration):
    dependencies = [("statements", "0007_organisation_lexemes")]

    operations = [
        migrations.RunSQL(SALIENT_TERMS_SQL, "DROP FUNCTION IF EXISTS archive_salient_terms(tsvector, integer)"),
        migrations.RunPython(rebuild_rank_vectors, migrations.RunPython.noop, elidable=True),
    ]
