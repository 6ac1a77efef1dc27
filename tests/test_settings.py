"""Settings come from the environment and fail loudly."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run_manage(*args, **env):
    unset = {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    clean = {k: v for k, v in os.environ.items() if k not in unset}
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, capture_output=True, text=True,
                          env={**clean, **env})


def test_debug_is_off_and_secret_key_required_by_default():
    result = run_manage("check")
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


@pytest.mark.parametrize("value", ["maybe", "2"])
def test_a_boolean_that_is_not_one_is_refused(value):
    result = run_manage("check", DEBUG=value)
    assert result.returncode != 0
    assert f"DEBUG={value!r} is not a boolean" in result.stderr


def test_check_deploy_is_clean_with_production_settings():
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING",
        SECRET_KEY="x" * 20 + "-production-secret-key-of-enough-length-and-variety-9f8e7d",
        ALLOWED_HOSTS="archive.example.org", SECURE_SSL_REDIRECT="1", SECURE_HSTS_SECONDS="31536000",
        SECURE_HSTS_PRELOAD="1",
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_database_url_must_be_postgres():
    result = run_manage("check", DEBUG="1", DATABASE_URL="sqlite:///tmp/x.db")
    assert result.returncode != 0
    assert "needs PostgreSQL" in result.stderr


def test_a_number_that_is_not_one_is_refused():
    result = run_manage("check", DEBUG="1", DB_RANDOM_PAGE_COST="fast")
    assert result.returncode != 0
    assert "DB_RANDOM_PAGE_COST='fast' is not a number" in result.stderr


@pytest.mark.django_db
def test_every_connection_prices_random_reads_for_ssds_and_sorts_in_memory():
    """Without these the planner reads every search vector from TOAST for common words (bench/RESULTS.md)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('random_page_cost'), current_setting('work_mem')")
        assert cursor.fetchone() == ("1.1", "16MB")


def _cache_backend(**env) -> str:
    code = "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    result = run_manage("shell", "-c", code, DEBUG="1", **env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]  # after the shell's own note of what it imported


def test_one_cache_for_the_whole_site_in_postgresql_or_redis():
    assert _cache_backend() == "django.core.cache.backends.db.DatabaseCache"
    assert _cache_backend(REDIS_URL="redis://localhost:6379/1") == "django.core.cache.backends.redis.RedisCache"


@pytest.mark.django_db
def test_the_cache_is_shared_through_the_database():
    """What one worker process caches, another reads: the entry lives in the cache table."""
    from django.core.cache import cache
    from django.db import connection

    cache.set("shared-entry", 42, 60)
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM archive_cache WHERE cache_key LIKE %s", ["%shared-entry"])
        assert cursor.fetchone()[0] == 1
