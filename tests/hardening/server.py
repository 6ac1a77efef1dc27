"""Subprocesses of the archive against the test database (for tests that need other processes)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from urllib.parse import quote

from django.db import connection

ROOT = Path(__file__).resolve().parents[2]
PYTHON = str(Path(sys.executable))


def test_database_url() -> str:
    """The test database as a DATABASE_URL, for processes started by a transaction=True test."""
    settings = connection.settings_dict
    auth = quote(settings["USER"] or "", safe="")
    if settings.get("PASSWORD"):
        auth += ":" + quote(settings["PASSWORD"], safe="")
    return f"postgres://{auth}@{settings['HOST']}:{settings['PORT']}/{quote(settings['NAME'], safe='')}"


def environment(**extra: str) -> dict[str, str]:
    """This process's environment pointed at the test database, with `extra` on top."""
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE", "TEST_DATABASE_NAME"}}
    return {**env, "DATABASE_URL": test_database_url(), "PYTHONUNBUFFERED": "1", **extra}


def free_port() -> int:
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
