"""The planner's statistics of search_vector: the 1,000 most common lexemes, not the default 100.

Whether a search is ranked, and how, is decided from the planner's estimate
of its matches (querysets.StatementQuerySet.estimated_count). With the
default statistics a lexeme outside the 100 most common ones is guessed:
"Япония" (a country's lexeme, 9,300 of 100,000 statements) was taken for
1,974, ranked, and cost 90 ms instead of 20. ANALYZE then samples 300,000
rows: about 40 s at 100,000 statements, in autovacuum's background.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("statements", "0015_topic_lexemes_by_slug")]

    operations = [
        migrations.RunSQL("ALTER TABLE statements_statement ALTER COLUMN search_vector SET STATISTICS 1000",
                          "ALTER TABLE statements_statement ALTER COLUMN search_vector SET STATISTICS -1"),
    ]
