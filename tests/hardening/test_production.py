"""The archive as served in production, in processes of its own: gunicorn with DEBUG off, after the documented steps.

A web process's queries are cut off by the statement timeout, a command's are
not; the secret key must be a real one; `make static` collects the files a
DEBUG-off page names; the login limit holds across two gunicorn workers,
whatever X-Forwarded-For says.
"""

import http.client
import json
import re
import subprocess
import threading
import urllib.parse
from collections import Counter

import psycopg
import pytest
from django.contrib.auth.models import Group, User
from django.db import connection

from tests.factories import make_statement
from tests.hardening.server import PYTHON, ROOT, environment, get, gunicorn, production_env

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

SHOW_TIMEOUT = "from django.db import connection; print(connection.cursor().execute('SHOW statement_timeout')" \
               ".fetchone()[0])"


def shown_timeout(code_before: str, **env: str) -> str:
    result = subprocess.run([PYTHON, "-c", f"{code_before}\n{SHOW_TIMEOUT}"], cwd=ROOT, capture_output=True,
                            text=True, timeout=120, env=environment(**env))
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


WEB = "import archive.wsgi"
COMMAND = "import os, django; os.environ['DJANGO_SETTINGS_MODULE'] = 'archive.settings'; django.setup()"


def test_web_processes_have_a_statement_timeout_and_commands_none():
    assert shown_timeout(WEB, DEBUG="1") == "5s"
    assert shown_timeout(WEB, DEBUG="1", WEB_STATEMENT_TIMEOUT="750ms") == "750ms"
    assert shown_timeout(COMMAND, DEBUG="1") == "0"
    assert shown_timeout(COMMAND, DEBUG="1", COMMAND_STATEMENT_TIMEOUT="1min") == "1min"
    result = subprocess.run([PYTHON, "manage.py", "shell", "-c", SHOW_TIMEOUT], cwd=ROOT, capture_output=True,
                            text=True, timeout=120, env=environment(DEBUG="1"))
    assert result.stdout.strip().splitlines()[-1] == "0", result.stderr  # ingest, reextract, migrate alike


def test_a_nonsense_timeout_is_refused():
    result = subprocess.run([PYTHON, "-c", WEB], cwd=ROOT, capture_output=True, text=True, timeout=120,
                            env=environment(DEBUG="1", WEB_STATEMENT_TIMEOUT="5s; DROP"))
    assert result.returncode != 0
    assert "is not a duration" in result.stderr


def test_a_query_past_the_timeout_is_a_503_not_a_500(tmp_path):
    make_statement(title="Заявление", body="Стороны провели консультации.")
    # Without the API's cache: the second read of the list must reach the locked table (api/caching.py).
    env = production_env(tmp_path / "static", WEB_STATEMENT_TIMEOUT="500ms", STATIC_MANIFEST="0",
                         API_CACHE_SECONDS="0")
    with gunicorn(env, tmp_path / "gunicorn.log", "--workers", "1") as port:
        assert get(port, "/api/statements/") == 200
        # Another session holds the table: every read of it waits, until the timeout cancels it.
        with psycopg.connect(**connection.get_connection_params()) as other:
            other.execute("LOCK TABLE statements_statement IN ACCESS EXCLUSIVE MODE")
            for path, content_type in [("/api/statements/", "application/json"), ("/statements/", "text/plain")]:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                conn.request("GET", path)
                response = conn.getresponse()
                body = response.read().decode()
                conn.close()
                assert response.status == 503, (path, body[:500])
                assert response.getheader("Content-Type").startswith(content_type)
                assert response.getheader("Retry-After") == "30"
            other.rollback()
        assert get(port, "/api/statements/") == 200  # and the workers go on


@pytest.mark.parametrize("key", ["short", "x" * 49, "django-insecure-" + "abcdefghij" * 5, "ab" * 30,
                                 "insecure-development-key-only-used-with-DEBUG-on"])
def test_a_short_or_placeholder_secret_key_is_refused_when_debug_is_off(key):
    result = subprocess.run([PYTHON, "manage.py", "check"], cwd=ROOT, capture_output=True, text=True, timeout=120,
                            env=environment(DEBUG="0", SECRET_KEY=key, ALLOWED_HOSTS="archive.example.org"))
    assert result.returncode != 0
    assert "SECRET_KEY is too short or a placeholder" in result.stderr


def test_a_real_secret_key_is_accepted_and_any_key_with_debug_on():
    import secrets

    for env in ({"DEBUG": "0", "SECRET_KEY": secrets.token_urlsafe(50)}, {"DEBUG": "1", "SECRET_KEY": "short"}):
        result = subprocess.run([PYTHON, "manage.py", "check"], cwd=ROOT, capture_output=True, text=True,
                                timeout=120, env=environment(ALLOWED_HOSTS="archive.example.org", **env))
        assert result.returncode == 0, result.stderr


def test_the_documented_production_path_serves_pages_with_hashed_static_files(tmp_path):
    """`make static` (as `make migrate` and `make serve` run it) under the Makefile's own DEBUG=1, then gunicorn
    with DEBUG off: pages are 200 and name their files by hashed names that are served."""
    make_statement(title="Заявление", body="Стороны провели консультации.")
    static = tmp_path / "static"
    # -o: the virtual environment is the one running this test; do not reinstall it.
    made = subprocess.run(["make", "--no-print-directory", "-o", ".stamps/venv", "static"], cwd=ROOT,
                          capture_output=True, text=True, timeout=600,
                          env=environment(DEBUG="1", STATIC_ROOT=str(static)))
    assert made.returncode == 0, made.stdout + made.stderr
    assert (static / "staticfiles.json").exists()
    with gunicorn(production_env(static), tmp_path / "gunicorn.log", "--workers", "1") as port:
        for path in ["/", "/statements/", "/admin/login/", "/api/docs/"]:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
            conn.request("GET", path)
            response = conn.getresponse()
            page = response.read().decode()
            conn.close()
            assert response.status == 200, (path, (tmp_path / "gunicorn.log").read_text()[-2000:])
            hashed = re.findall(r'/static/[^"\']+\.[0-9a-f]{12}\.(?:css|js)', page)
            assert hashed, (path, page[:1000])
            for url in set(hashed):
                assert get(port, url) == 200, url


def admin_login(port: int, password: str) -> int:
    """The admin's form as a browser sends it: its CSRF cookie and token first, then the POST."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    conn.request("GET", "/admin/login/")
    response = conn.getresponse()
    form = response.read().decode()
    cookie = re.search(r"csrftoken=([^;]+)", response.getheader("Set-Cookie")).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    conn.request("POST", "/admin/login/", urllib.parse.urlencode(
        {"username": "editor", "password": password, "csrfmiddlewaretoken": token}),
        {"Content-Type": "application/x-www-form-urlencoded", "Cookie": f"csrftoken={cookie}",
         "X-Forwarded-For": "203.0.113.78", "Referer": f"http://127.0.0.1:{port}/admin/login/"})
    response = conn.getresponse()
    response.read()
    conn.close()
    return response.status


def test_the_eleventh_wrong_password_in_a_minute_is_refused_across_two_workers(tmp_path):
    user = User.objects.create_user("editor", password="the right password 42", is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    log = tmp_path / "gunicorn.log"
    env = production_env(tmp_path / "static", STATIC_MANIFEST="0")
    with gunicorn(env, log, "--workers", "2") as port:
        statuses: list[int] = []
        lock = threading.Lock()

        def guess(n: int) -> None:
            # Each guess claims another address; the server only believes the connection's.
            body = json.dumps({"username": "editor", "password": f"guess-{n}"})
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            conn.request("POST", "/api/token/", body, {"Content-Type": "application/json",
                                                       "X-Forwarded-For": f"198.51.100.{n}"})
            status = conn.getresponse().status
            conn.close()
            with lock:
                statuses.append(status)

        # Eleven guesses at once, so that both workers answer some of them.
        threads = [threading.Thread(target=guess, args=(n,)) for n in range(11)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert Counter(statuses) == {400: 10, 429: 1}

        # The right password too, at the admin as at the token endpoint.
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        conn.request("POST", "/api/token/", json.dumps({"username": "editor", "password": "the right password 42"}),
                     {"Content-Type": "application/json", "X-Forwarded-For": "203.0.113.77"})
        response = conn.getresponse()
        assert response.status == 429 and int(response.getheader("Retry-After")) > 0
        response.read()
        conn.close()
        assert admin_login(port, "the right password 42") == 429
    workers = {line.split()[0] for line in log.read_text().splitlines() if "POST /api/token/" in line}
    assert len(workers) == 2, log.read_text()


@pytest.mark.parametrize("env, proxies", [({}, 0), ({"BEHIND_TLS_PROXY": "1"}, 1),
                                          ({"BEHIND_TLS_PROXY": "1", "NUM_PROXIES": "2"}, 2),
                                          ({"NUM_PROXIES": "2"}, 0)])
def test_x_forwarded_for_is_read_only_behind_a_proxy(env, proxies):
    code = "from django.conf import settings; print(settings.REST_FRAMEWORK['NUM_PROXIES'])"
    result = subprocess.run([PYTHON, "manage.py", "shell", "-c", code], cwd=ROOT, capture_output=True, text=True,
                            timeout=120, env=environment(DEBUG="1", **env))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == str(proxies)
