"""Subprocesses of the archive against the test database (for tests that need other processes)."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
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
    # ARCHIVE_WEB_PROCESS: archive/wsgi.py's mark, were it ever imported here, is for this process alone.
    env = {k: v for k, v in os.environ.items()
           if k not in {"DJANGO_SETTINGS_MODULE", "TEST_DATABASE_NAME", "ARCHIVE_WEB_PROCESS"}}
    return {**env, "DATABASE_URL": test_database_url(), "PYTHONUNBUFFERED": "1", **extra}


def free_port() -> int:
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


STARTUP_SECONDS = 60


def production_env(static_root, **extra: str) -> dict[str, str]:
    """DEBUG off, as served in production, against the test database."""
    return environment(DEBUG="0", SECRET_KEY="hardening-test-secret-key-" + "k" * 40, ALLOWED_HOSTS="127.0.0.1",
                       STATIC_ROOT=str(static_root), LOG_LEVEL="ERROR", **extra)


def get(port: int, path: str, timeout: float = 30, headers: dict | None = None) -> int:
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


@contextlib.contextmanager
def gunicorn(env: dict[str, str], log_path: Path, *args: str):
    """gunicorn serving archive.wsgi on a free loopback port (yielded), stopped by its own pid whatever happens.
    Its access log, one line per request with the worker's pid first, goes to `log_path`."""
    port = free_port()
    log = log_path.open("w")
    process = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "archive.wsgi", "--bind", f"127.0.0.1:{port}",
         "--timeout", "60", "--graceful-timeout", "5", "--access-logfile", "-",
         "--access-logformat", "%(p)s %(s)s %(r)s", *args],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            assert process.poll() is None, log_path.read_text()
            try:
                if get(port, "/api/", timeout=5) in (200, 404):
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, "gunicorn did not answer in time"
            time.sleep(0.3)
        yield port
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
