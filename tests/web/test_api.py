import datetime as dt

import pytest

from statements.extract.records import Extraction
from tests.factories import agreement, make_statement

pytestmark = pytest.mark.django_db


def test_statement_list_is_paginated_json(client):
    for _ in range(3):
        make_statement()
    response = client.get("/api/statements/", {"page_size": 2})
    assert response.status_code == 200
    data = response.json()
    assert data["count"] == 3
    assert len(data["results"]) == 2
    assert data["next"].endswith("page=2&page_size=2")
    first = data["results"][0]
    assert {"id", "title", "kind", "published_on", "language", "countries", "speakers"} <= set(first)


def test_statement_detail_carries_extractions(client):
    body = "Стороны договорились продолжить консультации."
    extraction = Extraction(agreements=[agreement(body, body)], countries={"RU": 1, "JP": 1})
    statement = make_statement(body=body, extraction=extraction, published_on=dt.date(2020, 5, 5)).statement
    data = client.get(f"/api/statements/{statement.pk}/").json()
    assert data["published_on"] == "2020-05-05"
    assert data["agreements"][0]["text"] == body
    assert data["agreements"][0]["parties"] == ["JP", "RU"]
    assert {c["code"] for c in data["countries"]} == {"JP", "RU"}


@pytest.mark.parametrize("params", [{"date_from": "yesterday"}, {"country": "ZZ"}, {"kind": "poem"}])
def test_bad_parameters_are_400_json_naming_the_field(client, params):
    response = client.get("/api/statements/", params)
    assert response.status_code == 400
    assert set(response.json()) == set(params)


def test_missing_statement_is_404_json(client):
    response = client.get("/api/statements/999999/")
    assert response.status_code == 404
    assert "detail" in response.json()


def test_anonymous_write_is_refused(client):
    assert client.post("/api/statements/", {"title": "x"}).status_code in (401, 403, 405)


def test_schema_and_docs_are_served_without_cdn(client):
    assert client.get("/api/schema/").status_code == 200
    docs = client.get("/api/docs/").content.decode()
    assert "cdn" not in docs.lower()
