"""Security headers on pages and API answers; HSTS only when configured.

(`manage.py check --deploy` with production settings: tests/test_settings.py.)
"""

import json
import subprocess

import pytest
from django.test import override_settings

from tests.factories import make_statement
from tests.hardening.server import PYTHON, ROOT, environment

pytestmark = [pytest.mark.slow, pytest.mark.django_db]

PATHS = [
    "/", "/statements/", "/statements/?q=консультации", "/statements/{pk}/", "/agreements/", "/events/",
    "/countries/JP/", "/feeds/statements.atom", "/feeds/events.ics", "/admin/login/",
    "/api/statements/", "/api/statements/{pk}/", "/api/events/", "/api/schema/", "/api/docs/",
    # Errors carry them too.
    "/statements/999999999/", "/api/statements/999999999/", "/statements/?date_from=yesterday",
    "/api/statements/?country=ZZ", "/no/such/page/",
]


@pytest.fixture
def pk():
    return make_statement(body="Стороны провели консультации.").statement.pk


@pytest.mark.parametrize("path", PATHS)
def test_every_answer_carries_the_security_headers(client, pk, path):
    response = client.get(path.format(pk=pk))
    assert response.status_code in (200, 400, 404)
    policy = response["Content-Security-Policy"]
    directives = dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == "'self'"  # no inline script, no eval, no CDN
    assert directives["object-src"] == "'none'" and directives["frame-ancestors"] == "'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "Strict-Transport-Security" not in response


def test_no_hsts_when_not_configured_even_over_https(client):
    response = client.get("/", secure=True)
    assert response.status_code == 200
    assert "Strict-Transport-Security" not in response


@override_settings(SECURE_HSTS_SECONDS=31536000, SECURE_HSTS_INCLUDE_SUBDOMAINS=True)
def test_hsts_over_https_when_configured(client):
    assert client.get("/", secure=True)["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert client.get("/api/statements/", secure=True)["Strict-Transport-Security"].startswith("max-age=31536000")
    assert "Strict-Transport-Security" not in client.get("/")  # never over plain HTTP


PROBE = """
import json, django
django.setup()
from django.test import Client
response = Client().get("/api/statements/", secure=True)
print(json.dumps({"status": response.status_code, "hsts": response.headers.get("Strict-Transport-Security")}))
"""


@pytest.mark.parametrize("extra, hsts", [
    ({}, None),
    ({"SECURE_HSTS_SECONDS": "0"}, None),
    ({"SECURE_HSTS_SECONDS": "3600"}, "max-age=3600; includeSubDomains"),
    ({"SECURE_HSTS_SECONDS": "31536000", "SECURE_HSTS_PRELOAD": "1"}, "max-age=31536000; includeSubDomains; preload"),
])
def test_hsts_follows_the_environment(extra, hsts):
    env = environment(DEBUG="0", SECRET_KEY="headers-test-secret-key-" + "s" * 40, ALLOWED_HOSTS="testserver",
                      DJANGO_SETTINGS_MODULE="archive.settings", **extra)
    for name in ("SECURE_HSTS_SECONDS", "SECURE_HSTS_PRELOAD"):
        if name not in extra:
            env.pop(name, None)
    result = subprocess.run([PYTHON, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    answer = json.loads(result.stdout.strip().splitlines()[-1])
    assert answer == {"status": 200, "hsts": hsts}
