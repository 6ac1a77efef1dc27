"""Search input that is no valid tsquery: results or a 400, never a 500."""

import pytest
from django.contrib.auth.models import User

from statements.models import Statement
from tests.factories import make_statement

pytestmark = [pytest.mark.slow, pytest.mark.django_db]

QUERIES = [
    '"unclosed', 'a & | b', "!!!", "(((", ")))", ":*", "'", "\\", "\\\\", "OR OR", "OR", "-", "--", "- -", "-Курилы",
    '""', '" "', "a:* & b:A", "<->", "a <-> b", "a <2> b", "!(a | b)", "&", "|", "*", "%", "_", "$1", "%s", "%(x)s",
    "';DROP TABLE statements_statement;--", "Япония" * 1000, "a " * 2500, "консультации " * 400,
    "Курильские острова OR \"мирный договор\" -США", "🇷🇺🇯🇵", "😀 консультации", "\u200b", "\ufeff", "\u0301",
    "\x01\x02\x03", "\t\n\r", "\x7f", "\ud7ff", "ﷺ", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "i̇", "ß", "x" * 5000, "Я" * 5000,
    "консульт:*", "остров:A", "2+2", "1430-31-07-2018", "31.07.2018", "https://www.mid.ru/?q=1&b=2",
]
NUL_QUERIES = ["\x00", "a\x00b", "Япония\x00", "\x00" * 100]


@pytest.fixture(autouse=True)
def statement():
    return make_statement(title="Консультации России и Японии по Курильским островам",
                          body="Стороны провели консультации по мирному договору.").statement


def test_a_valid_query_finds_the_statement(client):
    assert Statement.objects.search("консультации Япония").count() == 1
    assert client.get("/statements/", {"q": "консультации"}).context["page"].paginator.count == 1
    assert client.get("/api/statements/", {"q": "консультации"}).json()["count"] == 1


@pytest.mark.parametrize("query", QUERIES)
def test_any_text_is_a_query(client, query):
    assert len(Statement.objects.search(query).with_headline(query)) <= 1
    assert client.get("/statements/", {"q": query}).status_code in (200, 400)
    response = client.get("/api/statements/", {"q": query})
    assert response.status_code in (200, 400)
    assert response["Content-Type"] == "application/json"
    response.json()


@pytest.mark.parametrize("query", NUL_QUERIES)
def test_a_nul_byte_is_the_clients_mistake(client, query):
    assert client.get("/statements/", {"q": query}).status_code == 400
    response = client.get("/api/statements/", {"q": query})
    assert response.status_code == 400 and "q" in response.json()


@pytest.mark.parametrize("path", ["/feeds/statements.atom", "/agreements/", "/api/agreements/",
                                  "/api/export/statements.jsonl"])
@pytest.mark.parametrize("query", ['"unclosed', "a & | b", "(((", "\x00", "x" * 5000])
def test_other_places_taking_q_answer_200_or_400(client, path, query):
    response = client.get(path, {"q": query})
    assert response.status_code in (200, 400)
    b"".join(response.streaming_content) if response.streaming else response.content


@pytest.mark.parametrize("query", ['"unclosed', "a & | b", "(((", "\x00", "x" * 5000, "консультации"])
def test_the_admin_search_answers_200_or_400(client, query):
    client.force_login(User.objects.create(username="admin", is_staff=True, is_superuser=True))
    response = client.get("/admin/statements/statement/", {"q": query})
    assert response.status_code in (200, 400)
