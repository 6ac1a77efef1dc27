"""A bounded load test on loopback: gunicorn serving the archive to 100 concurrent clients, no 5xx.

Speed is measured by `make bench`; this test only prints the rate it saw.
"""

import http.client
import itertools
import signal
import subprocess
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import quote

import pytest
from django.core.management import call_command

from statements.models import Statement
from tests.hardening.server import PYTHON, ROOT, environment, free_port
from tests.shared import CORPUS

pytestmark = [pytest.mark.shared, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

CLIENTS = 100
SECONDS = 15
MAX_REQUESTS = 30_000
STARTUP_SECONDS = 60


def production_env(static_root) -> dict[str, str]:
    return environment(
        DEBUG="0", SECRET_KEY="load-test-secret-key-" + "k" * 40, ALLOWED_HOSTS="127.0.0.1",
        STATIC_ROOT=str(static_root), API_ANON_RATE="1000000/minute", LOG_LEVEL="ERROR",
    )


def get(port: int, path: str, timeout: float = 30) -> int:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


@pytest.fixture
def server(tmp_path):
    """gunicorn on a free loopback port, against the test database, stopped whatever happens."""
    env = production_env(tmp_path / "static")
    subprocess.run([PYTHON, "manage.py", "collectstatic", "--no-input", "-v0"], cwd=ROOT, env=env, check=True,
                   timeout=300)
    port = free_port()
    log = (tmp_path / "gunicorn.log").open("w")
    process = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "gunicorn"), "archive.wsgi", "--bind", f"127.0.0.1:{port}",
         "--workers", "2", "--threads", "16", "--backlog", "512", "--timeout", "60", "--graceful-timeout", "5"],
        cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            assert process.poll() is None, (tmp_path / "gunicorn.log").read_text()
            try:
                if get(port, "/", timeout=5) == 200:
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, "gunicorn did not answer in time"
            time.sleep(0.3)
        yield port, tmp_path / "gunicorn.log"
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def test_100_concurrent_clients_get_no_server_error(server, record_property):
    call_command("ingest", "--no-progress", str(ROOT / "sample"), str(CORPUS / "midru"))
    port, log = server
    ids = list(Statement.objects.values_list("pk", flat=True))
    assert len(ids) == 11
    paths = ["/", f"/statements/?q={quote('консультации')}", f"/statements/?q={quote('Курильские острова')}",
             "/api/statements/", f"/api/statements/?q={quote('Япония')}"]
    paths += [f"/statements/{pk}/" for pk in ids] + [f"/api/statements/{pk}/" for pk in ids]
    for path in paths:
        assert get(port, path) == 200, path

    statuses: Counter = Counter()
    errors: Counter = Counter()
    lock = threading.Lock()
    budget = itertools.count()
    stop_at = time.monotonic() + SECONDS

    def client(number: int) -> None:
        mine: Counter = Counter()
        failures: Counter = Counter()
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        for step in itertools.count(number):
            if time.monotonic() >= stop_at or next(budget) >= MAX_REQUESTS:
                break
            path = paths[step % len(paths)]
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                mine[response.status] += 1
                if response.getheader("Connection", "").lower() == "close":
                    connection.close()
            except (OSError, http.client.HTTPException) as error:
                failures[type(error).__name__] += 1
                connection.close()
        connection.close()
        with lock:
            statuses.update(mine)
            errors.update(failures)

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
        list(pool.map(client, range(CLIENTS)))
    elapsed = time.monotonic() - started
    total = sum(statuses.values())
    rate = total / elapsed
    print(f"\n{CLIENTS} clients, {elapsed:.1f} s: {total} responses, {rate:.0f} requests/s, "
          f"statuses {dict(statuses)}, connection errors {dict(errors)}")
    record_property("requests_per_second", round(rate))
    record_property("statuses", dict(statuses))
    server_errors = {status: n for status, n in statuses.items() if status >= 500}
    assert not server_errors, (server_errors, log.read_text()[-3000:])
    assert not errors, (errors, log.read_text()[-3000:])
    assert statuses[200] > 0 and set(statuses) <= {200, 304, 429}
