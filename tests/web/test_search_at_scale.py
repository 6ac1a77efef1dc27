"""How a query is read, and what search does when it matches too much to rank or count.

The GIN index must answer every query alone (no phrase operator, no weight in
the tsquery): that is what keeps search fast over a hundred thousand
statements (bench/RESULTS.md). Phrases are looked up as adjacent word pairs,
hyphenated words as their parts.
"""

import datetime as dt

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from statements import querysets
from statements.models import Statement
from statements.search import filters
from statements.search.document import lead, phrase_words, word_pairs
from statements.search.query import Term, parse
from tests.factories import make_statement

pytestmark = pytest.mark.slow  # builds archives of thousands of statements


@pytest.mark.parametrize("query, groups", [
    ("Лавров", [["Лавров"]]),
    ("Япония -Курилы", [["Япония", "-Курилы"]]),
    ("Japan OR Китай", [["Japan"], ["Китай"]]),
    ("a b OR c d", [["a", "b"], ["c", "d"]]),  # AND binds tighter, as in websearch_to_tsquery
    ('"Совет Безопасности" ООН', [['"Совет Безопасности"', "ООН"]]),
    ('-"Совет Безопасности"', [['-"Совет Безопасности"']]),
    ('"незакрытая кавычка', [['"незакрытая кавычка"']]),
    ("OR Лавров OR", [["Лавров"]]),
    ("— , ; !!", []),
    ("", []),
])
def test_query_syntax(query, groups):
    def show(term: Term) -> str:
        text = f'"{term.text}"' if term.phrase else term.text
        return ("-" if term.negated else "") + text

    assert [[show(t) for t in group] for group in parse(query)] == groups


def test_a_long_query_is_cut_at_max_terms():
    assert sum(len(g) for g in parse(" ".join(f"слово{i}" for i in range(100)))) == 32


@pytest.mark.parametrize("text, words", [
    ("Совета Безопасности ООН", ["совет", "безопасность", "оон"]),
    ("российско-японских отношений", ["российско", "японский", "отношение"]),
    ("the Security Council's decision", ["the", "security", "council", "s", "decision"]),
])
def test_phrase_words_are_lemmas_or_lower_case(text, words):
    assert phrase_words(text) == words


def test_word_pairs_are_adjacent_words_once_each_and_bounded():
    assert word_pairs("два плюс два плюс два") == ("два плюс", "плюс два")
    assert word_pairs("один два", "три четыре") == ("один два", "три четыре")  # not across title and body
    assert len(word_pairs(" ".join(f"w{i}" for i in range(1000)), limit=10)) == 10


def test_the_lead_is_cut_at_a_word():
    assert lead("слово " * 200, size=30) == "слово слово слово слово слово"
    assert lead("  коротко  ") == "коротко"


@pytest.mark.django_db
@pytest.mark.parametrize("query", [
    '"Совет Безопасности"', "российско-японских", "Курильские острова", "Япония -Курилы", "Japan OR Китай",
])
def test_no_query_makes_postgres_reread_stored_vectors(query):
    """A phrase operator or a weight in the tsquery would mean a recheck of every candidate (TOAST reads)."""
    sql, params = Statement.objects.search(query).query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
    condition = plan[plan.index("search_vector @@"):].split("\n")[0]
    assert "<->" not in condition and "<" not in condition.replace("@@", ""), condition
    assert ":A" not in condition and ":B" not in condition, condition


@pytest.fixture
def security_council():
    make_statement(title="Заявление", body="Совет Безопасности ООН собрался на заседание.",
                   published_on=dt.date(2020, 1, 1))
    make_statement(title="Комментарий", body="Безопасность региона обсудил совет министров.",
                   published_on=dt.date(2021, 1, 1))
    make_statement(title="Statement", lang="en", body="The Security Council met; council members spoke.",
                   published_on=dt.date(2022, 1, 1))


@pytest.mark.django_db
@pytest.mark.parametrize("query, found", [
    ('"Совет Безопасности"', ["Заявление"]),  # both words are in "Комментарий", but apart and reversed
    ('"Совета Безопасности"', ["Заявление"]),  # any case form
    ('"совет министров"', ["Комментарий"]),
    ('"Security Council"', ["Statement"]),
    ('"council security"', []),
    ('Совет -"Совет Безопасности"', ["Комментарий"]),
])
def test_phrases_by_word_pairs(security_council, query, found):
    assert sorted(Statement.objects.search(query).values_list("title", flat=True)) == found


@pytest.mark.django_db
def test_title_and_lead_rank_above_a_mention_further_down():
    filler = "Прочие вопросы повестки дня. " * 40
    deep = make_statement(title="Брифинг", body=filler + "Упомянута Монголия.",
                          published_on=dt.date(2024, 1, 1)).statement
    lead_hit = make_statement(title="Брифинг", body="Монголия и Россия провели переговоры. " + filler,
                              published_on=dt.date(2020, 1, 1)).statement
    title_hit = make_statement(title="Визит в Монголию", body=filler, published_on=dt.date(2019, 1, 1)).statement
    ranked = list(filters.StatementFilter({"q": "Монголия"}, queryset=Statement.objects.all()).qs)
    assert ranked == [title_hit, lead_hit, deep]


@pytest.mark.django_db
def test_too_many_matches_to_rank_come_newest_first(client, settings):
    older = make_statement(title="Визит в Монголию", body="Монголия.", published_on=dt.date(2019, 1, 1)).statement
    newer = make_statement(title="Брифинг", body="Прочее. Монголия упомянута.",
                           published_on=dt.date(2024, 1, 1)).statement
    settings.SEARCH_RANK_LIMIT = 0
    settings.SEARCH_RANK_FLOOR = 0
    filterset = filters.StatementFilter({"q": "Монголия"}, queryset=Statement.objects.all())
    assert list(filterset.qs) == [newer, older]
    assert filterset.ranked is False
    page = client.get("/statements/", {"q": "Монголия"}).content.decode()
    assert "сначала идут новые" in page and "больше 0 заявлений" in page
    settings.SEARCH_RANK_LIMIT = 100
    settings.SEARCH_RANK_FLOOR = 1_000
    settings.SEARCH_SORT_LIMIT = 1_000
    assert list(filters.StatementFilter({"q": "Монголия"}, queryset=Statement.objects.all()).qs) == [older, newer]


@pytest.mark.django_db
def test_too_many_matches_to_count_are_estimated_and_said_so(client, settings):
    for year in range(2015, 2020):
        make_statement(title=f"Монголия {year}", body="Монголия.", published_on=dt.date(year, 1, 1))
    settings.SEARCH_EXACT_COUNT_LIMIT = 0
    api = client.get("/api/statements/", {"q": "Монголия"}).json()
    assert api["count"] >= 1 and len(api["results"]) == 5 and api["count_is_estimate"] is True
    # The page counts exactly up to SEARCH_PAGE_EXACT_LIMIT results; past it the total and the facets
    # come from a sample, and the page says so.
    settings.SEARCH_PAGE_EXACT_LIMIT = 2
    page = client.get("/statements/", {"q": "Монголия"})
    paginator = page.context["page"].paginator
    assert paginator.estimated and paginator.count >= 3 and len(page.context["page"].object_list) == 5
    html = page.content.decode()
    assert f"около {paginator.count} заявлений" in html
    values = [value for values in page.context["facets"].values() for value in values]
    assert values and all(value.approximate for value in values)
    assert "Числа со знаком ≈ оценены по выборке" in html and html.count('data-approximate') == len(values)
    settings.SEARCH_EXACT_COUNT_LIMIT = 20_000
    settings.SEARCH_PAGE_EXACT_LIMIT = 1_000
    cache.clear()  # the page keeps a search's counts for a couple of minutes
    page = client.get("/statements/", {"q": "Монголия"})
    assert not page.context["page"].paginator.estimated and page.context["page"].paginator.count == 5
    api = client.get("/api/statements/", {"q": "Монголия"}).json()
    assert api["count"] == 5 and api["count_is_estimate"] is False
    values = [value for values in page.context["facets"].values() for value in values]
    assert values and not any(value.approximate for value in values)
    assert page.context["facets"]["language"][0].count == 5
    assert "≈" not in page.content.decode()


@pytest.mark.django_db
def test_a_sample_of_the_results_estimates_their_number_and_kinds(settings):
    """Past SEARCH_PAGE_EXACT_LIMIT the facets count a sample: about half the limit, from ranges of ids all
    over the archive, scaled up to the results. Half the statements here name Mongolia, every fourth of
    those is a briefing, and the ids of the matches follow no pattern."""
    import random

    from django.http import QueryDict

    from statements.search import facets

    chance = random.Random(7)
    matches = kinds = 0
    for n in range(400):
        if chance.random() < 0.5:
            kind = "briefing" if matches % 4 == 0 else "statement"
            kinds += kind == "briefing"
            matches += 1
            make_statement(title=f"Монголия {n}", body="О Монголии.", kind=kind)
        else:
            make_statement(title=f"Прочее {n}", body="О другом.")
    settings.SEARCH_PAGE_EXACT_LIMIT = 100
    filterset = filters.StatementFilter(QueryDict("q=Монголия"), queryset=Statement.objects.all())
    counted = facets.tally(filterset.unordered)
    assert not counted.exact and 25 <= len(counted.rows) <= 100
    assert abs(counted.total - matches) <= 0.25 * matches, (counted.total, matches)
    found = Statement.objects.search("Монголия").values_list("pk", flat=True)
    assert set(counted.ids) <= set(found)  # a sample of the results, nothing else
    values = facets.compute(filterset, lang="ru", counted=counted)
    briefings = next(value for value in values["kind"] if value.value == "briefing")
    assert briefings.approximate and abs(briefings.count - kinds) <= 0.5 * kinds, (briefings.count, kinds)
    assert values["language"][0].count == counted.total
    # The same search counts the same each time; at or under the limit, exactly.
    assert facets.tally(filterset.unordered).ids == counted.ids
    settings.SEARCH_PAGE_EXACT_LIMIT = 1_000
    exact = facets.tally(filterset.unordered)
    assert exact.exact and exact.total == matches


@pytest.mark.django_db
def test_a_sampled_search_with_a_language_chosen_reads_the_sample_once(settings):
    """A language facet counts the search without its language. With a sample, the search without it is read
    in the sample's ranges once, and the search's own rows are those in the chosen language: the same facets
    as the search and the search without its language read apart, for one query of the two."""
    import random

    from django.http import QueryDict

    from statements.search import facets

    chance = random.Random(11)
    for n in range(400):
        lang = "en" if chance.random() < 0.8 else "ru"
        if chance.random() < 0.6:
            make_statement(title=f"Монголия {n}", body="О Монголии.", lang=lang)
        else:
            make_statement(title=f"Прочее {n}", body="О другом.", lang=lang)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE statements_statement")
    settings.SEARCH_PAGE_EXACT_LIMIT = 100

    def searched():
        filterset = filters.StatementFilter(QueryDict("q=Монголия&language=en"), queryset=Statement.objects.all())
        list(filterset.qs[:20])
        return filterset

    def searches(queries):
        return [q for q in queries.captured_queries if "search_vector" in q["sql"] and "EXPLAIN" not in q["sql"]]

    filterset = searched()
    with CaptureQueriesContext(connection) as once:
        counted, others = facets.tally_search(filterset)
        values = facets.compute(filterset, lang="ru", counted=counted, others=others)
    assert set(others) == {"language"} and not counted.exact
    filterset = searched()
    with CaptureQueriesContext(connection) as apart:
        alone = facets.tally(filterset.unordered, filterset.size)
        expected = facets.compute(filterset, lang="ru", counted=alone)
    assert values == expected and counted.ids == alone.ids and counted.total == alone.total
    assert len(searches(once)) == 1 and len(searches(apart)) == 2
    english = Statement.objects.search("Монголия").filter(language="en").values_list("pk", flat=True)
    assert set(counted.ids) <= set(english)
    languages = {value.value: value for value in values["language"]}
    assert set(languages) == {"en", "ru"} and languages["en"].active and languages["ru"].approximate


@pytest.mark.django_db
def test_link_filters_as_lexemes_give_what_the_link_tables_say():
    import json
    from pathlib import Path

    from django.http import QueryDict

    from statements.extract import extract
    from statements.models import StatementCountry, StatementPerson, StatementTopic
    from statements.parse import parse_record
    from statements.services.store import store_statement

    for path in sorted((Path(__file__).resolve().parents[1] / "data").glob("*/*.in.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        parsed = parse_record(record)
        store_statement(parsed=parsed, extraction=extract(parsed), record=record)
    checks = {("country", link.country_id, ("countries", link.country_id)) for link in StatementCountry.objects.all()}
    checks |= {("topic", link.topic.slug, ("topics", link.topic_id)) for link in StatementTopic.objects.all()}
    checks |= {("person", link.person.key, ("people", link.person_id)) for link in StatementPerson.objects.all()}
    assert Statement.objects.count() > 10 and len(checks) > 50
    for name, value, (field, pk) in sorted(checks):
        for words in ("", "Россия"):
            data = QueryDict(mutable=True)
            data.update({name: value, "q": words})
            filterset = filters.StatementFilter(data, queryset=Statement.objects.all())
            assert filterset.is_valid(), filterset.errors
            expected = Statement.objects.filter(**{field: pk})
            if words:
                expected = expected & Statement.objects.search(words)
            assert set(filterset.qs) == set(expected), (name, value, words)


@pytest.mark.django_db
def test_a_search_narrowed_to_a_country_is_one_tsquery():
    from django.http import QueryDict

    filterset = filters.StatementFilter(QueryDict("q=Лавров&country=CN&topic=security"),
                                        queryset=Statement.objects.all())
    assert filterset.is_valid(), filterset.errors
    sql = str(filterset.qs.query)
    assert "statements_statementcountry" not in sql and "statements_statementtopic" not in sql
    assert "@country:CN" in sql


@pytest.mark.django_db
def test_words_in_more_than_a_quarter_of_a_large_archive_are_not_ranked(monkeypatch, settings):
    make_statement(title="Монголия", body="Монголия.", published_on=dt.date(2019, 1, 1))
    make_statement(title="Брифинг", body="Прочее. Монголия.", published_on=dt.date(2024, 1, 1))
    settings.SEARCH_RANK_FLOOR = 0
    monkeypatch.setattr(Statement.objects, "estimated_count", lambda: 4)  # the whole archive's estimate
    assert querysets.rank_limit() == 1
    monkeypatch.setattr(Statement.objects, "estimated_count", lambda: 400)
    assert querysets.rank_limit() == 100
    monkeypatch.setattr(Statement.objects, "estimated_count", lambda: 4_000_000)
    assert querysets.rank_limit() == settings.SEARCH_RANK_LIMIT
    assert querysets.sort_limit() == settings.SEARCH_SORT_LIMIT > settings.SEARCH_RANK_LIMIT


@pytest.mark.django_db
@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_a_narrow_search_in_date_order_is_sorted_after_the_index_finds_it(sort):
    for year in (2016, 2021, 2018):
        make_statement(title=f"Монголия {year}", body="Монголия.", published_on=dt.date(year, 1, 1))
    make_statement(title="Другое", body="Китай.", published_on=dt.date(2019, 1, 1))
    from django.http import QueryDict

    filterset = filters.StatementFilter(QueryDict(f"q=Монголия&sort={sort}"), queryset=Statement.objects.all())
    queryset = filterset.qs
    assert "+ 0) " in str(queryset.query)  # no index can give this order: the GIN index finds, then a sort
    years = [s.published_on.year for s in queryset]
    assert years == ([2021, 2018, 2016] if sort == "newest" else [2016, 2018, 2021])


@pytest.mark.django_db
def test_the_search_feed_and_export_follow_the_search():
    make_statement(title="Монголия", body="Монголия.", published_on=dt.date(2019, 1, 1))
    make_statement(title="Другое", body="Китай.", published_on=dt.date(2020, 1, 1))
    from django.test import Client

    client = Client()
    feed = client.get("/feeds/statements.atom", {"q": "Монголия"}).content.decode()
    assert "Монголия" in feed and "Другое" not in feed
    lines = b"".join(client.get("/api/export/statements.jsonl", {"q": "Монголия"}).streaming_content).splitlines()
    assert len(lines) == 1


@pytest.mark.django_db
def test_editors_find_a_statement_by_document_number_or_address(admin_client):
    make_statement(title="Брифинг", body="Текст.", doc_number="1430-31-07-2018",
                   url="https://mid.ru/ru/foreign_policy/news/1430/")
    make_statement(title="Заявление о Монголии", body="Монголия.")
    for term, found in [("1430-31-07-2018", "Брифинг"), ("https://mid.ru/ru/foreign_policy/news/1430/", "Брифинг"),
                        ("Монголия", "Заявление о Монголии"), ("Брифинг", "Брифинг")]:
        page = admin_client.get("/admin/statements/statement/", {"q": term})
        assert page.status_code == 200
        assert [s.title for s in page.context["cl"].result_list] == [found], term


@pytest.mark.django_db
def test_an_exclusion_is_ranked_only_when_the_words_it_narrows_are_few_enough(settings):
    # The planner takes "A -B" to remove far more than it does (100,000 statements: "Япония -Курилы"
    # estimated at 1,974 of 9,300): the matches of the words asked for bound the search instead.
    for n in range(120):
        make_statement(title=f"Брифинг {n}", body="Монголия и её соседи." + (" Курилы." if n % 10 == 0 else ""))
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE statements_statement")
    assert querysets.relevance_and_cost("Монголия -Курилы")[2] >= 100
    settings.SEARCH_RANK_FLOOR, settings.SEARCH_RANK_SHARE = 0, 1.0
    settings.SEARCH_RANK_LIMIT = 50
    found = filters.StatementFilter({"q": "Монголия -Курилы"}, queryset=Statement.objects.all())
    assert len(list(found.qs)) == 108 and found.ranked is False
    settings.SEARCH_RANK_LIMIT = 500
    found = filters.StatementFilter({"q": "Монголия -Курилы"}, queryset=Statement.objects.all())
    assert len(list(found.qs)) == 108 and found.ranked is True
