import datetime as dt
import os
from pathlib import Path

import pytest

from tests.shared import MISSING, shared_is_here

SEED = Path(__file__).resolve().parents[1] / "sample" / "lavrov-2018-07-31-russia-japan-2plus2.txt"


def pytest_collection_modifyitems(config, items):
    """Tests marked `shared` are skipped, saying why, when ../shared is not beside the clone."""
    if shared_is_here():
        return
    skip = pytest.mark.skip(reason=MISSING)
    for item in items:
        if item.get_closest_marker("shared"):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """Bring up the embedded PostgreSQL before pytest-django creates the test database."""
    if not os.environ.get("DATABASE_URL"):
        from archive import embedded_db

        embedded_db.start()


@pytest.fixture(autouse=True)
def _fresh_cache(request):
    """Whole-archive aggregates are cached for minutes; each test starts without them.

    The cache is a table of the database (settings.CACHES), so only a test
    with database access can have anything cached. The table is emptied on a
    connection of its own: a DELETE inside the test's transaction would hold
    the rows, and a server process the test starts (gunicorn, a subprocess)
    would wait on them to count its throttle until the test gave up.
    """
    marker = request.node.get_closest_marker("django_db")
    names = set(request.fixturenames)
    if marker is None and not names & {"db", "transactional_db", "live_server"}:
        yield
        return
    empty = request.getfixturevalue("_cache_emptier")
    empty()
    yield
    empty()


@pytest.fixture(scope="session")
def _cache_emptier(django_db_setup):
    """Empties the cache table on one autocommit connection of its own, opened once for the session."""
    from django.conf import settings
    from django.core.cache import cache
    from django.db import connection

    if not settings.CACHES["default"]["BACKEND"].endswith("DatabaseCache"):
        yield cache.clear  # Redis: no transactions to mind
        return
    import psycopg

    with psycopg.connect(**connection.get_connection_params(), autocommit=True) as own:
        yield lambda: own.execute(f'DELETE FROM "{settings.CACHES["default"]["LOCATION"]}"')


@pytest.fixture
def archive(db):
    """The seed statement, ingested as `make run` does, and a short comment on China beside it.
    (tests/api has an `archive` of its own, made to measure for the API.)"""
    from django.core.management import call_command

    from tests.factories import make_statement

    call_command("ingest", str(SEED), "--no-progress")
    make_statement(title="Комментарий о переговорах с Китаем", body="Россия и Китай провели консультации в Пекине.",
                   published_on=dt.date(2019, 3, 1))


# Chromium through Playwright, for tests/browser and the API docs test.
pytest_plugins = ["tests.browser_fixtures"]
