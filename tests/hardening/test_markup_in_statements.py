"""Statements carrying markup and control characters are stored as text and shown escaped everywhere."""

import datetime as dt
import json
import re
from xml.dom import minidom

import pytest
from django.core.management import call_command

from statements.models import Agreement, Event, Statement

pytestmark = [pytest.mark.slow, pytest.mark.django_db]

TITLE_SCRIPT = '<script>alert("title")</script>'
BODY_SCRIPT = '<script>alert("body")</script>'
IMG = "<img src=x onerror=alert(1)>"
PAYLOADS = (TITLE_SCRIPT, BODY_SCRIPT, IMG)
ESCAPED = (
    "&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;",
    "&lt;script&gt;alert(&quot;body&quot;)&lt;/script&gt;",
    "&lt;img src=x onerror=alert(1)&gt;",
)
MONTHS = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября",
          "декабря"]


def page_text(today: dt.date) -> str:
    """A statement page copied as text, scripts and all."""
    return (
        f"20:31\n\n{TITLE_SCRIPT} Заявление МИД России о консультациях с Японией, Москва, "
        f"{today.day} {MONTHS[today.month - 1]} {today.year} года\n\n"
        f"{BODY_SCRIPT} Россия и Япония договорились продолжить консультации {IMG}.\n\n"
        f"Следующий раунд переговоров {BODY_SCRIPT} состоится в следующем году в Москве.\n"
    )


@pytest.fixture
def statements(tmp_path):
    """Two statements with markup, both with an agreement and an upcoming event: a page and a JSON record."""
    today = dt.date.today()
    page = tmp_path / "page.txt"
    page.write_text(page_text(today), encoding="utf-8")
    record = {
        "title": f"{TITLE_SCRIPT} Statement by the Ministry of Foreign Affairs {IMG}",
        "date": today.isoformat(), "url": "https://mid.example/<script>", "lang": "en",
        "text": f"Russia and Japan agreed to continue the consultations. {BODY_SCRIPT}\n\n"
                f"The next round {IMG} of consultations will take place in Moscow in March next year.",
    }
    records = tmp_path / "records.jsonl"
    records.write_text(json.dumps(record) + "\n", encoding="utf-8")
    call_command("ingest", "--no-progress", str(page), str(records))
    found = list(Statement.objects.order_by("language"))
    assert [s.language for s in found] == ["en", "ru"]
    for statement in found:
        assert TITLE_SCRIPT in statement.title and BODY_SCRIPT in statement.body  # stored as text, not stripped
        assert Agreement.objects.filter(statement=statement).exists()
        assert Event.objects.filter(statement=statement, ends_on__gte=today).exists()
    return found


def assert_escaped(html: str, shown: bool = True) -> None:
    for payload in PAYLOADS:
        assert payload not in html
    assert not re.search(r"<script\b[^>]*>\s*alert", html)
    if shown:
        assert any(escaped in html for escaped in ESCAPED)


# Pages that show a statement's title, a search snippet or an agreement's sentence.
@pytest.mark.parametrize("path", ["/", "/statements/", "/statements/?q=консультации", "/statements/?q=consultations",
                                  "/statements/?q=alert", "/agreements/", "/countries/JP/"])
def test_list_pages_show_the_markup_escaped(client, statements, path):
    response = client.get(path)
    assert response.status_code == 200
    assert_escaped(response.content.decode())


# Pages that may show none of it (the calendar shows events' short titles; PostgreSQL's
# parser skips "<script>" as a tag, so searching "script" finds nothing): still nothing raw.
@pytest.mark.parametrize("path", ["/events/", "/statements/?q=script", "/statements/?q=<script>",
                                  "/statements/?q=%3Cimg+src%3Dx%3E"])
def test_other_pages_show_no_raw_markup(client, statements, path):
    response = client.get(path)
    assert response.status_code == 200
    assert_escaped(response.content.decode(), shown=False)


def test_statement_pages_show_the_markup_escaped(client, statements):
    for statement in statements:
        response = client.get(f"/statements/{statement.pk}/")
        assert response.status_code == 200
        html = response.content.decode()
        assert_escaped(html)
        assert '<mark id="agreement-' in html and '<mark id="event-' in html


def test_the_api_returns_the_markup_as_json_strings(client, statements):
    listing = client.get("/api/statements/")
    assert listing.status_code == 200 and listing["Content-Type"] == "application/json"
    assert {item["title"] for item in listing.json()["results"]} == {s.title for s in statements}
    for statement in statements:
        response = client.get(f"/api/statements/{statement.pk}/")
        assert response["Content-Type"] == "application/json"
        assert response["X-Content-Type-Options"] == "nosniff"
        data = response.json()
        assert data["title"] == statement.title and BODY_SCRIPT in data["body"]


def test_the_browsable_api_shows_the_markup_escaped(client, statements):
    for path in ["/api/statements/", f"/api/statements/{statements[0].pk}/"]:
        response = client.get(path, HTTP_ACCEPT="text/html")
        assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
        html = response.content.decode()
        for payload in PAYLOADS:
            assert payload not in html
        assert "&lt;script&gt;" in html


def test_the_atom_feed_carries_the_markup_as_text(client, statements):
    response = client.get("/feeds/statements.atom")
    assert response.status_code == 200
    document = minidom.parseString(response.content)
    titles = [node.firstChild.data for node in document.getElementsByTagName("title")[1:]]
    assert sorted(titles) == sorted(s.title for s in statements)
    assert b"<script>" not in response.content


CONTROL = "\x01\x02\x03\x07\x1b[31m\x7f"


def test_control_characters_do_not_break_pages_feeds_or_snippets(client, tmp_path):
    record = {"title": f"Заявление{CONTROL} МИД России", "date": "2024-03-01", "url": "https://mid.example/ctl",
              "lang": "ru", "text": f"Россия и Япония{CONTROL} договорились продолжить консультации."}
    path = tmp_path / "records.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    call_command("ingest", "--no-progress", str(path))
    statement = Statement.objects.get()
    for path in ["/", "/statements/", f"/statements/{statement.pk}/", "/api/statements/",
                 f"/api/statements/{statement.pk}/", "/feeds/statements.atom", "/feeds/events.ics"]:
        assert client.get(path).status_code == 200, path
    minidom.parseString(client.get("/feeds/statements.atom").content)  # well-formed XML
    html = client.get("/statements/", {"q": "консультации"}).content.decode()
    # The search snippet marks the query's words only: no stray <mark> from the text's own \x02 and \x03.
    assert html.count("<mark>") == html.count("</mark>") >= 1
