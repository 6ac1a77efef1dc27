"""The home page leads with what the archive is for: what comes next and what was agreed."""

import datetime as dt
from html.parser import HTMLParser

import pytest

from statements.extract.records import Extraction
from tests.factories import agreement, event, make_statement

pytestmark = pytest.mark.django_db

BODY = ("Стороны договорились продолжить консультации. Министры встретятся 10 марта 2099 года в Токио. "
        "Форум пройдёт в 2099 году.")


@pytest.fixture
def statement():
    return make_statement(title="Переговоры", body=BODY, extraction=Extraction(
        agreements=[agreement(BODY, "Стороны договорились продолжить консультации.")],
        events=[event(BODY, "Министры встретятся 10 марта 2099 года в Токио.", dt.date(2099, 3, 10),
                      dt.date(2099, 3, 10), title="встреча министров"),
                event(BODY, "Форум пройдёт в 2099 году.", dt.date(2099, 1, 1), dt.date(2099, 12, 31),
                      precision="year", title="форум")],
    )).statement


def test_upcoming_dated_events_and_agreements_come_before_the_feed(client, statement):
    html = client.get("/").content.decode()
    upcoming, agreed, latest = (html.index(f'id="{name}-heading"') for name in ("upcoming", "agreements", "latest"))
    assert upcoming < agreed < latest
    section = html[upcoming:agreed]
    assert "встреча министров" in section
    assert "форум" not in section  # a year alone is for the calendar


class Inputs(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = {}

    def handle_starttag(self, tag, attrs):
        if tag == "input":
            self.found[dict(attrs).get("id")] = dict(attrs)


def test_the_search_syntax_is_explained_and_the_placeholder_stays_whole(client):
    html = client.get("/statements/").content.decode()
    parser = Inputs()
    parser.feed(html)
    box = parser.found["id_q"]
    assert box["placeholder"].endswith("Japan OR Китай")
    assert f'id="{box["aria-describedby"]}"' in html
