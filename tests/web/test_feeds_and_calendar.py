import datetime as dt
from xml.etree import ElementTree

import pytest
from icalendar import Calendar

from statements.extract.records import Extraction
from tests.factories import event, make_statement

pytestmark = pytest.mark.django_db

BODY = "Консультации пройдут в первой декаде сентября. Визит состоится 16-20 августа."
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def statement():
    extraction = Extraction(
        events=[event(BODY, "Консультации пройдут в первой декаде сентября.", dt.date(2018, 9, 1),
                      dt.date(2018, 9, 10), precision="decade", title="консультации", countries=["JP"]),
                event(BODY, "Визит состоится 16-20 августа.", dt.date(2018, 8, 16), dt.date(2018, 8, 20),
                      title="визит", place="Токио")],
        countries={"JP": 1},
    )
    return make_statement(title="Заявление о Японии", body=BODY, published_on=dt.date(2018, 7, 31),
                          extraction=extraction).statement


def test_calendar_shows_events_at_their_precision(client, statement):
    html = client.get("/events/", {"month": "2018-09"}).content.decode()
    assert "первая декада сентября 2018" in html
    html = client.get("/events/", {"month": "2018-08"}).content.decode()
    assert "16 августа 2018 – 20 августа 2018" in html
    assert html.count('class="cal-event"') == 5  # one entry on each day of 16-20 August


def test_calendar_with_nothing_upcoming_offers_the_latest_months(client, statement):
    html = client.get("/events/").content.decode()
    assert "Предстоящих событий не объявлено" in html
    assert "?month=2018-09" in html and "?month=2018-08" in html


@pytest.mark.parametrize("params", [{"month": "2018-13"}, {"month": "soon"}, {"country": "XX"}])
def test_calendar_bad_parameters_are_400(client, params):
    response = client.get("/events/", params)
    assert response.status_code == 400
    if "month" in params:  # the message the events API gives too: one parser of months
        assert "2018-08" in response.content.decode()


def test_ical_feed_spans_whole_periods(client, statement):
    response = client.get("/feeds/events.ics")
    assert response["Content-Type"].startswith("text/calendar")
    events = [c for c in Calendar.from_ical(response.content).walk("VEVENT")]
    periods = {str(e["summary"]): (e.decoded("dtstart"), e.decoded("dtend")) for e in events}
    assert periods["консультации"] == (dt.date(2018, 9, 1), dt.date(2018, 9, 11))  # DTEND is exclusive
    assert periods["визит"] == (dt.date(2018, 8, 16), dt.date(2018, 8, 21))
    only_japan = Calendar.from_ical(client.get("/feeds/events/jp.ics").content).walk("VEVENT")
    assert [str(e["summary"]) for e in only_japan] == ["консультации"]


@pytest.mark.parametrize("url", ["/feeds/statements.atom", "/feeds/statements.atom?q=Японии",
                                 "/feeds/countries/JP.atom"])
def test_atom_feeds_list_new_statements(client, statement, url):
    response = client.get(url)
    assert response.status_code == 200
    entries = ElementTree.fromstring(response.content).findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}title").text for e in entries] == ["Заявление о Японии"]


def test_country_page_shows_statements_events_and_a_chart(client, statement):
    html = client.get("/countries/jp/").content.decode()
    assert "Заявление о Японии" in html
    assert "<svg" in html and "/statements/?country=JP&amp;date_from=2018-07-01&amp;date_to=2018-07-31" in html
    assert client.get("/countries/XX/").status_code == 404


def test_english_interface(client, statement):
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = client.get("/").content.decode()
    assert 'lang="en"' in html and "Latest statements" in html
