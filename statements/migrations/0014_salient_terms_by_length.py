"""Rank vectors keep more of a long body's words.

A transcript of 80,000 characters that comes back to sanctions four times
ranked as if it never spoke of them: its 48 most frequent words were all
more common ones. archive_salient_terms now keeps `base` words plus one for
every `per_distinct` distinct words of the body, so a long text keeps the
words it repeats, and at most `max_positions` positions of each (ts_rank
reads little more from a fifth mention; the weight says how often: B four
times or more, C two or three, D once). The rank vectors of the statements
already stored are rebuilt from their title, body and language.
"""

from django.db import migrations

SALIENT_TERMS_SQL = r"""
CREATE OR REPLACE FUNCTION archive_salient_terms(body tsvector, base integer, per_distinct integer,
                                                 max_positions integer) RETURNS tsvector
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    WITH terms AS (
        SELECT lexeme, positions, cardinality(positions) AS tf
        FROM unnest(body)
        -- stop words (Russian ones survive the `simple` configuration used for lemmas) and short tokens
        WHERE length(lexeme) > 2 AND to_tsvector('russian', lexeme) <> ''::tsvector
        ORDER BY cardinality(positions) DESC, positions[1]
        LIMIT base + length(body) / per_distinct
    )
    SELECT coalesce(string_agg(
        '''' || replace(replace(lexeme, '\', '\\'), '''', '''''') || ''':'
        || (SELECT string_agg(p::text || CASE WHEN tf >= 4 THEN 'B' WHEN tf >= 2 THEN 'C' ELSE 'D' END, ',')
            FROM unnest(positions[1:max_positions]) AS p),
        ' '), '')::tsvector
    FROM terms
$$
"""

BATCH = 200

RANK_VECTOR_SQL = """
    UPDATE statements_statement SET rank_vector =
        setweight(to_tsvector(%(rank_config)s::regconfig, %(rank_title)s), 'A')
        || setweight(to_tsvector(%(rank_config)s::regconfig, %(rank_lead)s), 'B')
        || archive_salient_terms(to_tsvector(%(rank_config)s::regconfig, %(rank_body)s), %(salient_terms)s,
                                 %(salient_per_distinct)s, %(salient_positions)s)
        || %(rank_pairs)s::tsvector
    WHERE id = %(id)s
"""


def rebuild_rank_vectors(apps, schema_editor):
    from statements.search.document import SALIENT_PARAMS, rank_fields

    Statement = apps.get_model("statements", "Statement")
    rows = Statement.objects.order_by("pk").values_list("pk", "language", "title", "body")
    with schema_editor.connection.cursor() as cursor:
        for pk, language, title, body in rows.iterator(chunk_size=BATCH):
            cursor.execute(RANK_VECTOR_SQL, {**rank_fields(title=title, body=body, lang=language),
                                            **SALIENT_PARAMS, "id": pk})


class Migration(migrations.Migration):
    dependencies = [("statements", "0013_event_ends_index")]

    operations = [
        migrations.RunSQL(SALIENT_TERMS_SQL,
                          "DROP FUNCTION IF EXISTS archive_salient_terms(tsvector, integer, integer, integer)"),
        migrations.RunPython(rebuild_rank_vectors, migrations.RunPython.noop, elidable=True),
    ]
