"""A topic's lexeme in the search vector names it by slug ("@topic:energy"), not by id.

A query that names a topic ("energy", "климат") then matches the topic's
statements from the vocabulary alone (statements.search.entities), as a
country's code does, with no lookup of the topic's id in the database.
"""

from django.db import migrations

TOPIC_LEXEMES_SQL = """
    UPDATE statements_statement statement SET search_vector =
        ts_delete(statement.search_vector, ARRAY(SELECT '@topic:' || {old} FROM statements_statementtopic link
                                                 JOIN statements_topic topic ON topic.id = link.topic_id
                                                 WHERE link.statement_id = statement.id))
        || (SELECT array_to_tsvector(array_agg(DISTINCT '@topic:' || {new})) FROM statements_statementtopic link
            JOIN statements_topic topic ON topic.id = link.topic_id WHERE link.statement_id = statement.id)
    WHERE EXISTS (SELECT FROM statements_statementtopic link WHERE link.statement_id = statement.id)
"""


class Migration(migrations.Migration):
    dependencies = [("statements", "0014_salient_terms_by_length")]

    operations = [
        migrations.RunSQL(TOPIC_LEXEMES_SQL.format(old="topic.id", new="topic.slug"),
                          TOPIC_LEXEMES_SQL.format(old="topic.slug", new="topic.id")),
    ]
