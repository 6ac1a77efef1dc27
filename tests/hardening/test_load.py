"""A bounded load test on loopback: gunicorn serving the archive to 100 concurrent clients, no 5xx.

Speed is measured by `make bench`; this test only prints the rate it saw.
"""

import http.client
import itertools
import subprocess
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import quote

import pytest
from django.core.management import call_command

from statements.models import Statement
from tests.hardening.server import PYTHON, ROOT, get, gunicorn, production_env
from tests.shared import CORPUS

pytestmark = [pytest.mark.shared, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

CLIENTS = 100
SECONDS = 15
MAX_REQUESTS = 30_000


@pytest.fixture
def server(tmp_path):
    """gunicorn with DEBUG off on a free loopback port, against the test database; throttling out of reach."""
    env = production_env(tmp_path / "static", API_ANON_RATE="1000000/minute")
    subprocess.run([PYTHON, "manage.py", "collectstatic", "--no-input", "-v0"], cwd=ROOT, env=env, check=True,
                   timeout=300)
    log = tmp_path / "gunicorn.log"
    with gunicorn(env, log, "--workers", "2", "--threads", "16", "--backlog", "512") as port:
        yield port, log


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
