import os

import pytest


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings_parallel_suffix):
    """Bring up the embedded PostgreSQL before pytest-django creates the test database."""
    if not os.environ.get("DATABASE_URL"):
        from archive import embedded_db

        embedded_db.start()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Whole-archive aggregates are cached for minutes; each test starts without them."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


# Chromium through Playwright, for tests/browser and the API docs test.
pytest_plugins = ["tests.browser_fixtures"]
