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
    dated, _, apart = html[upcoming:agreed].partition('class="long-periods"')
    assert "встреча министров" in dated and "форум" not in dated  # a year alone is named apart
    assert "форум" in apart


def test_with_nothing_dated_ahead_the_home_shows_the_latest_dated_events(client):
    body = "Министры встретились 10 марта 2019 года в Токио."
    make_statement(title="Встреча", body=body, extraction=Extraction(events=[
        event(body, body, dt.date(2019, 3, 10), dt.date(2019, 3, 10), title="встреча министров")]))
    html = client.get("/").content.decode()
    section = html[html.index('id="upcoming-heading"'):html.index('id="agreements-heading"')]
    assert "Последние события с датой" in section and "встреча министров" in section
    assert "10 марта 2019" in section


@pytest.mark.parametrize("title, kind, on_front", [
    ("Russian Paralympic Committee:", "other", False),
    ("Ambassador at Large of the Russian Foreign Ministry Rodion Miroshnik:", "other", False),
    ("Statement by Russian Deputy Foreign Minister Dmitry Lyubinsky on the opening of the 61th Session:",
     "statement", True),
    ("Today marks the 92th birthday anniversary of Yury Gagarin", "other", True),
])
def test_fragments_without_a_title_stay_off_the_front_page_but_are_found(client, title, kind, on_front):
    make_statement(title=title, kind=kind, body="Paralympians win gold in Cortina.", lang="en")
    assert (title in client.get("/").content.decode()) is on_front
    assert title in client.get("/statements/", {"q": "Paralympians"}).content.decode()


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


def test_events_with_a_day_come_before_those_with_a_month_only(client):
    body = "Визит состоится в январе 2099 года. Министры встретятся 10 марта 2099 года."
    make_statement(title="Анонс", body=body, extraction=Extraction(events=[
        event(body, "Визит состоится в январе 2099 года.", dt.date(2099, 1, 1), dt.date(2099, 1, 31),
              precision="month", title="визит"),
        event(body, "Министры встретятся 10 марта 2099 года.", dt.date(2099, 3, 10), dt.date(2099, 3, 10),
              title="встреча министров")]))
    html = client.get("/").content.decode()
    assert html.index("встреча министров") < html.index("визит") < html.index('id="agreements-heading"')
