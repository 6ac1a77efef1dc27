"""The events calendar: the month it opens on, longer periods apart, past events in pages, bad parameters."""

import datetime as dt

import pytest

from statements.extract.records import Extraction
from statements.models import Event
from tests.factories import event, make_statement

pytestmark = pytest.mark.django_db

TODAY = dt.date.today()
AHEAD = TODAY.year + 2  # a year every test's "upcoming" lies in, whatever the day they run

SENTENCES = {
    "summit": "Саммит состоится 14 мая.",
    "forum": "Форум пройдёт в этом году.",
    "half": "Визит намечен на первое полугодие.",
    "quarter": "Консультации пройдут во втором квартале.",
    "deadline": "Доклад подготовят к 20 июня.",
}
BODY = " ".join(SENTENCES.values())


def announce(**periods):
    """A statement announcing the events named by SENTENCES' keys, each with (starts_on, ends_on, precision)."""
    return make_statement(title="Анонс", body=BODY, extraction=Extraction(events=[
        event(BODY, SENTENCES[name], start, end, precision=precision, title=name, countries=["JP"])
        for name, (start, end, precision) in periods.items()])).statement


@pytest.fixture
def ahead():
    return announce(
        summit=(dt.date(AHEAD, 5, 14), dt.date(AHEAD, 5, 14), "day"),
        forum=(dt.date(AHEAD, 1, 1), dt.date(AHEAD, 12, 31), "year"),
        half=(dt.date(AHEAD, 1, 1), dt.date(AHEAD, 6, 30), "half"),
        quarter=(dt.date(AHEAD, 4, 1), dt.date(AHEAD, 6, 30), "quarter"),
        deadline=(dt.date(AHEAD, 3, 1), dt.date(AHEAD, 6, 20), "by"),
    )


def section(html: str, heading: str) -> str:
    start = html.index(f'id="{heading}"')
    end = html.find("<section", start)
    return html[start:end if end > 0 else len(html)]


def test_the_calendar_opens_on_the_next_month_with_a_day_to_show(client, ahead):
    response = client.get("/events/")
    assert response.context["month"] == dt.date(AHEAD, 5, 1)  # not today's month, not January of the year
    grid = section(response.content.decode(), "month-heading")
    assert grid.count('class="cal-event"') == 1 and ">summit<" in grid


def test_a_deadline_goes_on_its_day_and_in_its_month_only(client, ahead):
    june = client.get("/events/", {"month": f"{AHEAD}-06"})
    days = {day.date: [e.title for e in day.events] for week in june.context["weeks"] for day in week}
    assert days[dt.date(AHEAD, 6, 20)] == ["deadline"] and days[dt.date(AHEAD, 6, 19)] == []
    assert [e.title for e in june.context["month_events"]] == ["deadline"]
    april = client.get("/events/", {"month": f"{AHEAD}-04"})
    assert april.context["month_events"] == []


def test_year_half_and_quarter_are_listed_apart_once_not_in_every_month(client, ahead):
    for month in ("01", "04", "05", "06"):
        html = client.get("/events/", {"month": f"{AHEAD}-{month}"}).content.decode()
        in_month = section(html, "month-heading")
        assert ">forum<" not in in_month and ">half<" not in in_month and ">quarter<" not in in_month
        apart = section(html, "long-heading")
        for name, heading in (("forum", str(AHEAD)), ("half", f"первое полугодие {AHEAD}"),
                              ("quarter", f"II квартал {AHEAD}")):
            assert apart.count(f">{name}<") == 1
            assert f'<h3 class="period-heading">{heading}</h3>' in apart
        assert ">summit<" not in apart


def test_with_nothing_ahead_the_calendar_opens_on_the_latest_month_with_a_day(client):
    announce(summit=(dt.date(2018, 8, 16), dt.date(2018, 8, 20), "day"),
             forum=(dt.date(2019, 1, 1), dt.date(2019, 12, 31), "year"))
    assert client.get("/events/").context["month"] == dt.date(2018, 8, 1)


def test_past_events_come_in_pages(client):
    body = " ".join(f"Встреча {n}." for n in range(35))
    make_statement(title="Хроника", body=body, extraction=Extraction(events=[
        event(body, f"Встреча {n}.", dt.date(2001, 1, 1) + dt.timedelta(days=n),
              dt.date(2001, 1, 1) + dt.timedelta(days=n), title=f"встреча {n}") for n in range(35)]))
    first = client.get("/events/")
    assert [e.title for e in first.context["past"]][:2] == ["встреча 34", "встреча 33"]
    assert len(first.context["past"]) == 30
    assert "past=2" in section(first.content.decode(), "past-heading")
    second = client.get("/events/", {"past": 2})
    assert [e.title for e in second.context["past"]] == [f"встреча {n}" for n in range(4, -1, -1)]


@pytest.mark.parametrize("params, message", [
    ({"month": "9999-12"}, "Календарь охватывает месяцы с 1800-01 по 2199-12"),
    ({"month": "0001-01"}, "Календарь охватывает месяцы с 1800-01 по 2199-12"),
    ({"month": "0-01"}, "2018-08"),
    ({"country": "\x00"}, "двухбуквенный код"),
    ({"country": "J\x00"}, "двухбуквенный код"),
    ({"country": "XX"}, "двухбуквенный код"),
])
def test_impossible_months_and_countries_are_a_400_that_says_why(client, params, message):
    response = client.get("/events/", params)
    assert response.status_code == 400
    assert message in response.content.decode()


@pytest.mark.parametrize("month, missing", [("2199-12", 'rel="next"'), ("1800-01", 'rel="prev"')])
def test_the_calendar_s_first_and_last_months_have_no_link_beyond(client, month, missing):
    response = client.get("/events/", {"month": month})
    assert response.status_code == 200
    assert missing not in section(response.content.decode(), "month-heading")


def test_rejected_events_are_nowhere_on_the_calendar_or_in_its_feed(client, ahead):
    Event.objects.filter(title__in=["summit", "forum"]).update(rejected=True)
    for params in ({}, {"month": f"{AHEAD}-05"}, {"country": "JP"}):
        html = client.get("/events/", params).content.decode()
        assert ">summit<" not in html and ">forum<" not in html
        assert ">half<" in html
    ical = client.get("/feeds/events.ics").content.decode()
    assert "SUMMARY:summit" not in ical and "SUMMARY:half" in ical
