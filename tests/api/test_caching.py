"""Anonymous reads of the statements' API come from the cache for API_CACHE_SECONDS; editors' never do
(api/caching.py)."""

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from tests.factories import make_statement

pytestmark = pytest.mark.django_db


@pytest.fixture
def cached(settings):
    settings.API_CACHE_SECONDS = 60
    cache.clear()
    yield
    cache.clear()


def titles(client, path="/api/statements/", **params):
    response = client.get(path, params)
    assert response.status_code == 200, response.content
    return [s["title"] for s in response.json()["results"]]


def test_a_reader_is_answered_from_the_cache_until_it_expires(cached, settings):
    make_statement(title="Первое заявление")
    reader = APIClient()
    assert titles(reader) == ["Первое заявление"]
    make_statement(title="Второе заявление")
    assert titles(reader) == ["Первое заявление"]
    response = reader.get("/api/statements/")
    assert response["Cache-Control"] == "max-age=60"
    settings.API_CACHE_SECONDS = 0
    assert set(titles(reader)) == {"Первое заявление", "Второе заявление"}


def test_an_editor_reads_the_database_and_is_never_stored_for_readers(cached, editor_client):
    make_statement(title="Первое заявление")
    assert titles(editor_client, page_size=5) == ["Первое заявление"]
    make_statement(title="Второе заявление")
    # The editor's answer was not stored: a reader asking the same gets the database's.
    assert set(titles(APIClient(), page_size=5)) == {"Первое заявление", "Второе заявление"}
    make_statement(title="Третье заявление")
    assert len(titles(editor_client, page_size=5)) == 3


def test_a_session_is_not_answered_from_the_cache(cached, client):
    from tests.factories import make_editor

    make_statement(title="Первое заявление")
    assert titles(APIClient()) == ["Первое заявление"]
    make_statement(title="Второе заявление")
    client.force_login(make_editor())
    assert len(titles(client)) == 2


def test_an_error_is_not_stored(cached):
    response = APIClient().get("/api/statements/", {"date_from": "not-a-date"})
    assert response.status_code == 400 and "max-age" not in response.get("Cache-Control", "")
