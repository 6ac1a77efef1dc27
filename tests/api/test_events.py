"""/api/events/: events overlapping a range, by country, upcoming and past."""

import datetime as dt

import pytest

from statements.models import Event
from tests.api.ids import query_id

pytestmark = pytest.mark.django_db

ROUND = "Следующий раунд переговоров состоится 10-12 марта 2099 года в Токио."  # 2099-03-10..12, JP
SEMINAR = "Семинар прошёл 1 мая 2019 года в Москве."  # 2019-05-01, RU
SUMMIT = "The summit will take place in October 2019 in Beijing."  # 2019-10-01..31, CN


def texts(client, path="/api/events/", **params) -> list[str]:
    response = client.get(path, params)
    assert response.status_code == 200, response.content
    return [row["text"] for row in response.json()["results"]]



@pytest.mark.parametrize("params, expected", [
    ({}, [SEMINAR, SUMMIT, ROUND]),  # soonest first
    ({"start": "2019-05-01", "end": "2019-05-01"}, [SEMINAR]),
    ({"start": "2019-10-15"}, [SUMMIT, ROUND]),  # the summit is still going on that day
    ({"end": "2019-09-30"}, [SEMINAR]),
    ({"start": "2019-10-31", "end": "2019-11-01"}, [SUMMIT]),  # overlapping by its last day
    ({"start": "2019-09-01", "end": "2019-10-01"}, [SUMMIT]),  # by its first day
    ({"start": "2019-11-01", "end": "2099-03-09"}, []),
    ({"month": "2019-10"}, [SUMMIT]),
    ({"month": "2099-03"}, [ROUND]),
    ({"month": "2019-06"}, []),
    ({"month": "9999-12"}, []),  # the last month there is
    ({"start": "0001-01-01", "end": "9999-12-31"}, [SEMINAR, SUMMIT, ROUND]),
    ({"country": "JP"}, [ROUND]),
    ({"country": ["JP", "CN"]}, [SUMMIT, ROUND]),
    ({"precision": "month"}, [SUMMIT]),
    ({"verified": "true"}, []),
    ({"sort": "latest"}, [ROUND, SUMMIT, SEMINAR]),
    ({"sort": "newest_statement"}, [SUMMIT, ROUND, SEMINAR]),
], ids=query_id)
def test_events_overlapping_a_range_by_country(archive, anonymous, params, expected):
    assert texts(anonymous, **params) == expected


@pytest.mark.parametrize("path, params, expected", [
    ("/api/events/upcoming/", {}, [ROUND]),
    ("/api/events/upcoming/", {"country": "CN"}, []),
    ("/api/events/past/", {}, [SUMMIT, SEMINAR]),  # the latest first
    ("/api/events/past/", {"sort": "soonest"}, [SEMINAR, SUMMIT]),
    ("/api/events/past/", {"country": "RU"}, [SEMINAR]),
    ("/api/events/past/", {"start": "2019-10-01"}, [SUMMIT]),
])
def test_upcoming_and_past(archive, anonymous, path, params, expected):
    assert texts(anonymous, path, **params) == expected


def test_an_event_ending_today_is_still_upcoming(archive, anonymous):
    from django.utils import timezone

    today = timezone.localdate()
    Event.objects.filter(text=SEMINAR).update(starts_on=today - dt.timedelta(days=2), ends_on=today)
    assert texts(anonymous, "/api/events/upcoming/") == [SEMINAR, ROUND]
    assert texts(anonymous, "/api/events/past/") == [SUMMIT]


def test_undated_and_rejected_events(archive, anonymous):
    talks = archive["talks"]
    undated = Event.objects.create(statement=talks, text=talks.body[:65], start=0, end=65, title="Консультации")
    Event.objects.filter(text=SUMMIT).update(rejected=True)
    assert texts(anonymous) == [SEMINAR, ROUND]  # the list is of dated events
    assert anonymous.get(f"/api/events/{undated.pk}/").json()["starts_on"] is None
    assert anonymous.get(f"/api/events/{Event.objects.get(text=SUMMIT).pk}/").status_code == 404


def test_an_event_row(archive, anonymous):
    row = anonymous.get("/api/events/", {"country": "JP"}).json()["results"][0]
    assert {k: row[k] for k in ("starts_on", "ends_on", "precision", "place", "countries", "origin")} == {
        "starts_on": "2099-03-10", "ends_on": "2099-03-12", "precision": "day", "place": "Токио",
        "countries": ["JP"], "origin": "machine"}
    assert row["statement"]["id"] == archive["talks"].pk


@pytest.mark.parametrize("path, params, field", [
    ("/api/events/", {"start": "2019-02-30"}, "start"),
    ("/api/events/", {"end": "soon"}, "end"),
    ("/api/events/", {"month": "2019-13"}, "month"),
    ("/api/events/", {"month": "May"}, "month"),
    ("/api/events/", {"month": "10000-01"}, "month"),
    ("/api/events/", {"precision": "fortnight"}, "precision"),
    ("/api/events/", {"country": "ZZ"}, "country"),
    ("/api/events/", {"verified": "sure"}, "verified"),
    ("/api/events/upcoming/", {"sort": "starts_on"}, "sort"),
    ("/api/events/past/", {"page_size": "1000"}, "page_size"),
])
def test_bad_parameters_are_400_naming_the_parameter(archive, anonymous, path, params, field):
    response = anonymous.get(path, params)
    assert response.status_code == 400
    assert list(response.json()) == [field]


def test_upcoming_and_past_have_no_detail_route(archive, anonymous):
    event = Event.objects.get(text=ROUND)
    assert anonymous.get(f"/api/events/upcoming/{event.pk}/").status_code == 404
    assert anonymous.get(f"/api/events/{event.pk}/").json()["text"] == ROUND
