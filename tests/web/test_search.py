"""Search behaves as a reader expects: Russian forms, web-search syntax, snippets, facets."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from statements.models import Statement
from statements.search.filters import StatementFilter
from tests.factories import make_statement

pytestmark = pytest.mark.django_db

SEED_TITLE = "два плюс два"


@pytest.fixture
def kuril_archive(archive):
    """`archive` and two statements more: one in English on Japan, one with "Курилах" in its title."""
    make_statement(title="Statement on Japan", lang="en", body="Japan and Russia discussed the Kuril islands.",
                   published_on=dt.date(2020, 5, 1))
    make_statement(title="Заявление о Курилах", body="Курилы являются неотъемлемой частью России. Япония молчит.",
                   published_on=dt.date(2021, 6, 1))


def titles(query: str) -> list[str]:
    return list(Statement.objects.search(query).order_by("-rank").values_list("title", flat=True))


@pytest.mark.parametrize("query", [
    "Курильский остров",  # nominative: the russian stemmer alone gives "остр", the text has "островах"
    "Лавров",  # "Лавров" stems to "лавр", the text has "Лаврова"
    "договорённость",  # with ё; the text has "договоренностей"
    "договоренность",
    '"два плюс два"',  # a phrase
    "наркополицейские",
    "бизнес-миссия",
])
def test_russian_forms_find_the_seed(kuril_archive, query):
    assert any(SEED_TITLE in title for title in titles(query)), query


def test_phrase_search_needs_the_words_in_order(kuril_archive):
    assert titles('"плюс два два"') == []


def test_minus_excludes_and_or_widens(kuril_archive):
    found = titles("Япония -Курилы")
    assert any(SEED_TITLE in t for t in found)
    assert "Заявление о Курилах" not in found
    assert "Заявление о Курилах" in titles("Япония")
    either = titles("Japan OR Китай")
    assert "Statement on Japan" in either and "Комментарий о переговорах с Китаем" in either


def test_blank_query_finds_nothing():
    assert list(Statement.objects.search("  ")) == []


def test_title_outranks_body(kuril_archive):
    # "Курилах" is in one statement's title and only in the seed's body.
    assert titles("Курилы")[0] == "Заявление о Курилах"


def test_snippet_marks_matches_and_escapes_text(client):
    make_statement(title="Hostile", body="<script>alert(1)</script> Переговоры A&B в Женеве прошли успешно.")
    html = client.get("/statements/", {"q": "переговоры"}).content.decode()
    assert "<mark>Переговоры</mark> A&amp;B в Женеве" in html
    assert "<script>alert(1)</script>" not in html


def snippet_of(client, query: str, title: str) -> str:
    response = client.get("/statements/", {"q": query})
    return next(s.headline for s in response.context["page"] if s.title == title)


def test_a_snippet_is_cut_around_a_match_deep_in_a_long_body(client):
    """ts_headline reads a window of the body around the first match (querysets.SnippetWindow), not the
    whole body: the match is marked wherever it stands, no word is cut in two at the window's edges."""
    filler = " ".join(f"слово{n}" for n in range(2000))
    make_statement(title="Глубоко", body=f"Начало текста. {filler} Стороны обсудили санкции и договорённости. "
                   f"{filler} Конец.")
    snippet = snippet_of(client, "санкции", "Глубоко")
    assert "\x02санкции\x03" in snippet and "Начало" not in snippet
    words = snippet.replace("\x02", "").replace("\x03", "").replace(" … ", " ").split()
    assert all(w.startswith("слово") and w[5:].isdigit() or w in ("Стороны", "обсудили", "санкции", "и",
                                                                    "договорённости.") for w in words), words


def test_a_snippet_finds_the_match_after_a_word_that_only_begins_like_it(client):
    """The window is placed at the first word that begins with a stem of the query and ends in an
    inflection: "Россыпь" for "Россия" (росс + ыпь), which the stemmer does not take for it. When the
    window so placed marks nothing, the snippet is taken from the whole body."""
    filler = " ".join(f"текст{n}" for n in range(600))
    make_statement(title="Россия далеко", body=f"Россыпь звёзд. {filler} Визит в Россию.")
    assert "\x02Россию\x03" in snippet_of(client, "Россия", "Россия далеко")


@pytest.mark.parametrize("query, body, marked", [
    ("договорённость", "Стороны достигли ДОГОВОРЕННОСТИ о встрече.", "ДОГОВОРЕННОСТИ"),  # е for ё, any case
    ("countries", "Many COUNTRY delegations came.", "COUNTRY"),  # the stem countri
    ("переговоры", "Переговоры прошли в Женеве.", "Переговоры"),  # the body's first word kept
    ("Женева", "Переговоры прошли в Женеве", "Женеве"),  # and its last
])
def test_a_snippet_marks_the_forms_of_a_word(client, query, body, marked):
    make_statement(title="Форма", body=body)
    snippet = snippet_of(client, query, "Форма")
    # (ts_headline ends a snippet on a word: the full stop stays out.)
    assert f"\x02{marked}\x03" in snippet and snippet.replace("\x02", "").replace("\x03", "") == body.rstrip(".")


def test_snippet_patterns_take_inflections_first():
    from statements.querysets import snippet_patterns

    assert snippet_patterns([]) is None
    tight, loose = snippet_patterns(["росс", "countri"])
    assert "[рР][оО][сС][сС]" in tight and "[cC][oO][uU][nN][tT][rR][iIyY]" in loose
    assert "{0,4}" in tight and "{0,4}" not in loose


def test_facet_counts_equal_the_results_a_click_gives(client, kuril_archive):
    response = client.get("/statements/", {"q": "Япония OR Китай OR Japan"})
    facets = response.context["facets"]
    checked = 0
    for name in ("country", "kind", "language", "has_agreements", "has_events"):
        for value in facets[name]:
            clicked = client.get(f"/statements/?{value.query}")
            assert clicked.status_code == 200
            assert clicked.context["page"].paginator.count == value.count, (name, value)
            checked += 1
    assert checked >= 6


@pytest.mark.parametrize("params", [{}, {"q": "Япония"}, {"q": "Япония", "country": "JP", "sort": "newest"}])
def test_list_and_search_run_a_fixed_number_of_queries_whatever_the_page_size(client, params):
    for n in range(25):
        make_statement(title=f"Япония и Россия {n}", body=f"Япония и Россия, встреча номер {n}.",
                       extraction=None)
    client.get("/statements/", params)  # the suggestions' cache filled (statements.search.suggest)
    counts = []
    for size in (5, 20):
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/statements/", {**params, "page_size": size})
            assert response.status_code == 200
        counts.append(len(queries))
    with CaptureQueriesContext(connection) as queries:
        client.get("/api/statements/", {**params, "page_size": 5})
    small_api = len(queries)
    with CaptureQueriesContext(connection) as queries:
        client.get("/api/statements/", {**params, "page_size": 20})
    assert counts[0] == counts[1]
    assert small_api == len(queries)


def test_one_filterset_serves_page_and_api(client, kuril_archive):
    page = client.get("/statements/", {"q": "Япония", "language": "ru"}).context["page"].paginator.count
    api = client.get("/api/statements/", {"q": "Япония", "language": "ru"}).json()["count"]
    direct = StatementFilter({"q": "Япония", "language": "ru"}, queryset=Statement.objects.all()).qs.count()
    assert page == api == direct >= 2


def test_a_misspelt_name_falls_back_to_the_nearest_known_one(client, kuril_archive):
    response = client.get("/statements/", {"q": "Лавраов"})
    assert response.status_code == 200
    assert response.context["corrected"] == "Лавров"
    assert any(SEED_TITLE in s.title for s in response.context["page"])
    assert "Лавров" in response.content.decode()


def test_html_page_size_is_bounded(client):
    for _ in range(3):
        make_statement()
    assert len(client.get("/statements/", {"page_size": 2}).context["page"].object_list) == 2
    assert client.get("/statements/", {"page_size": 10_000}).context["page"].paginator.per_page == 100
    assert client.get("/statements/", {"page_size": "lots"}).status_code == 200


def test_a_nul_byte_in_a_query_is_ignored_not_an_error(kuril_archive):
    assert list(Statement.objects.search("Япония\x00").with_headline("Япония\x00").values_list("pk", flat=True))
