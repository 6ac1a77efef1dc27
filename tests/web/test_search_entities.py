"""A query that names a country, an organisation, a person or a phrase with equivalents finds what it names,
in any form and either language (issue: search that knows who and what you mean)."""

import pytest

from statements.extract import extract
from statements.models import Statement
from statements.search.entities import meaning_of, organisations_in
from statements.services.store import store_statement
from tests.factories import parsed_statement

pytestmark = pytest.mark.django_db


def ingest(title: str, body: str, lang: str = "ru") -> Statement:
    parsed = parsed_statement(title=title, body=body, lang=lang)
    return store_statement(parsed=parsed, extraction=extract(parsed), record={"title": title}).statement


def found(query: str) -> set[str]:
    return set(Statement.objects.search(query).values_list("title", flat=True))


@pytest.fixture
def statements():
    ingest("Комментарий о Китае", "Министры России и Китая обсудили торговлю.")
    ingest("Statement on the United Nations", "The UN Security Council met on Syria.", lang="en")
    ingest("Заявление по Курилам", "Курильские острова — неотъемлемая часть России.")
    ingest("Брифинг о санкциях", "Новые санкции против России незаконны.")
    ingest("Statement on sanctions", "Sanctions against Russia are illegal.", lang="en")
    ingest("Интервью С.В.Лаврова", "Сергей Лавров ответил на вопросы о переговорах с Японией.")
    ingest("Remarks by Sergey Lavrov", "Sergey Lavrov spoke about relations with Japan.", lang="en")
    ingest("Пресс-конференция", "Переговоры в формате «два плюс два» прошли в Москве.")
    ingest("Доклад", "Организация Объединённых Наций отметила годовщину.")


@pytest.mark.parametrize(("query", "expected"), [
    ("КНР", {"Комментарий о Китае"}),
    ("PRC", {"Комментарий о Китае"}),
    ("ООН", {"Statement on the United Nations", "Доклад"}),
    ("оон", {"Statement on the United Nations", "Доклад"}),
    ("United Nations", {"Statement on the United Nations", "Доклад"}),
    ("Организация Объединённых Наций", {"Statement on the United Nations", "Доклад"}),
    ("Курилы", {"Заявление по Курилам"}),
    ("sanctions", {"Брифинг о санкциях", "Statement on sanctions"}),
    ("санкции", {"Брифинг о санкциях", "Statement on sanctions"}),
    ("2+2", {"Пресс-конференция"}),
])
def test_a_name_finds_what_it_names(statements, query, expected):
    assert expected <= found(query), query


@pytest.mark.parametrize("query", ["Лавров", "Lavrov", "лаврова", "LAVROV"])
def test_a_person_is_found_in_either_script_and_any_case(statements, query):
    assert {"Интервью С.В.Лаврова", "Remarks by Sergey Lavrov"} <= found(query)


def test_a_name_narrows_with_the_other_words(statements):
    assert found("ООН Сирия") == found("UN Syria") == {"Statement on the United Nations"}


def test_short_acronyms_only_in_capitals():
    assert meaning_of(["us"]) is None and meaning_of(["US"]) is not None
    assert meaning_of(["eu"]) is None and meaning_of(["оон"]) is not None


def test_organisations_are_found_in_documents_by_acronym_and_name():
    text = "Совет Безопасности ООН и Шанхайская организация сотрудничества; the EU and NATO; who knows."
    assert organisations_in(text) == ["@org:UN", "@org:EU", "@org:NATO", "@org:UNSC", "@org:SCO"]
    assert organisations_in("We told us what the eu says.") == []


def test_the_page_says_what_the_words_named(client, statements):
    html = client.get("/statements/", {"q": "КНР"}).content.decode()
    assert "«КНР» — Китай" in html


def test_the_api_says_what_the_words_named_and_corrects_like_the_page(client, statements):
    data = client.get("/api/statements/", {"q": "КНР"}).json()
    assert data["named"] == [{"text": "КНР", "also": ["Китай"]}]
    assert data["corrected_query"] is None and data["count"] >= 1
    misspelt = client.get("/api/statements/", {"q": "Лавраов"}).json()
    assert misspelt["corrected_query"] == "Лавров"
    assert misspelt["count"] >= 1
    page = client.get("/statements/", {"q": "Лавраов"}).content.decode()
    assert "«Лавров»" in page


def test_suggestions_name_people_countries_and_organisations_with_counts(client, statements):
    data = client.get("/api/suggest/", {"q": "Лавров"}).json()
    [person] = [item for item in data["results"] if item["kind"] == "person"]
    assert person["statements"] == 2 and person["url"].startswith("/people/")
    kinds = {item["kind"]: item for item in client.get("/api/suggest/", {"q": "ООН КНР"}).json()["results"]}
    assert kinds["country"]["value"] == "CN" and kinds["organisation"]["value"] == "UN"
    assert kinds["organisation"]["statements"] == 2


def test_an_entitys_count_is_taken_once_for_every_query_that_names_it(client, statements):
    """Counting a person's statements reads all their links: a second query naming the same person and
    country takes their counts from the first, and they are the statements that name them, each once."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from statements.models import StatementCountry

    first = {item["value"]: item["statements"] for item in client.get("/api/suggest/", {"q": "Лавров Япония"})
             .json()["results"]}
    japan = StatementCountry.objects.filter(country="JP").values("statement").distinct().count()
    assert first["lavrov-sergey"] == 2 and first["JP"] == japan >= 2
    with CaptureQueriesContext(connection) as queries:
        again = client.get("/api/suggest/", {"q": "Япония Лавров"}).json()["results"]
    assert {item["value"]: item["statements"] for item in again} == first
    assert not [q for q in queries.captured_queries if "COUNT(" in q["sql"] and "statement_id" in q["sql"]]


def test_suggestions_complete_a_prefix(client, statements):
    results = client.get("/api/suggest/", {"q": "Лавр"}).json()["results"]
    assert any(item["kind"] == "person" for item in results)
    assert any(item["value"] == "JP" for item in client.get("/api/suggest/", {"q": "Япо"}).json()["results"])


@pytest.mark.parametrize("params", [{}, {"q": ""}, {"q": "x" * 101}])
def test_suggestions_need_a_query(client, params):
    response = client.get("/api/suggest/", params)
    assert response.status_code == 400 and "q" in response.json()


def test_the_search_page_offers_what_the_query_names(client, statements):
    html = client.get("/statements/", {"q": "Lavrov"}).content.decode()
    assert 'class="suggestions"' in html and "/people/" in html and "2 заявления" in html


@pytest.fixture
def filed_under_topics():
    # Neither names its topic: extraction files them under Energy and Climate and environment by other words.
    ingest("Переговоры о поставках", "Стороны обсудили строительство газопровода и поставки СПГ. "
           "Газопровод будет построен к 2030 году.")
    ingest("Talks on the environment", "The ministers discussed greenhouse gas emissions and the Paris Agreement "
           "on emissions.", lang="en")


@pytest.mark.parametrize(("query", "expected"), [
    ("энергетика", {"Переговоры о поставках"}),
    ("Energy", {"Переговоры о поставках"}),
    ("климат", {"Talks on the environment"}),
    ("climate change", {"Talks on the environment"}),
])
def test_a_topic_named_finds_the_statements_filed_under_it(filed_under_topics, query, expected):
    assert found(query) == expected, query


@pytest.mark.parametrize("query", ["нефть", "oil"])
def test_a_word_for_part_of_a_topic_does_not_stand_for_the_whole_topic(filed_under_topics, query):
    # "нефть" is one of Energy's subjects, not its name: the gas talks say nothing of oil.
    assert found(query) == set(), query


def test_a_topic_chosen_as_a_filter_and_named_in_the_query_agree(client, filed_under_topics):
    page = client.get("/api/statements/", {"topic": "energy"}).json()
    assert [s["title"] for s in page["results"]] == ["Переговоры о поставках"]


def snippet(client, query: str, title: str) -> str:
    response = client.get("/statements/", {"q": query})
    return next(s.headline for s in response.context["page"] if s.title == title)


@pytest.mark.parametrize(("query", "title", "body", "lang", "marked"), [
    ("ООН", "Заметка", "Russia raised the matter at the United Nations in New York.", "en",
     "\x02United\x03 \x02Nations\x03"),  # an acronym, and the organisation's name
    ("санкции", "Заметка", "The European Union extended its sanctions for six months.", "en",
     "\x02sanctions\x03"),  # a glossary row
    ("Россия", "Заметка", "Talks between Japan and Russia resumed in Tokyo.", "en", "\x02Russia\x03"),
    ("Japan", "Заметка", "Переговоры с Японией возобновились в Токио.", "ru", "\x02Японией\x03"),
])
def test_a_snippet_marks_the_name_the_search_found_in_either_language(client, query, title, body, lang, marked):
    """A statement found through another name of what the query names is marked where it says that name."""
    ingest(title, body, lang=lang)
    assert marked in snippet(client, query, title)


def test_a_snippet_window_is_placed_by_one_word_names_not_by_a_word_of_a_longer_one():
    """Where a snippet's window starts: "China" or "КНР" for Китай, never "республика" alone (one word of
    "Китайская Народная Республика" would place it at any republic)."""
    from statements.querysets import query_lexemes

    lexemes = set(query_lexemes("Китай"))
    assert {"china", "кнр"} <= lexemes
    assert not any(lexeme.startswith("республик") for lexeme in lexemes)
