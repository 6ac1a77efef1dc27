"""Anonymous clients are rate limited; editors are not; password guessing is slowed down for everyone."""

import pytest
from rest_framework.throttling import AnonRateThrottle

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_a_minute(monkeypatch):
    # The rate comes from API_ANON_RATE when the settings load; a test cannot wait for 1200 requests.
    monkeypatch.setattr(AnonRateThrottle, "THROTTLE_RATES", {"anon": "3/minute"})


def test_an_anonymous_client_is_slowed_down(archive, anonymous, three_a_minute):
    statuses = [anonymous.get("/api/statements/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    refused = anonymous.get("/api/countries/")
    assert refused.status_code == 429
    assert int(refused["Retry-After"]) > 0
    assert "detail" in refused.json()


def test_exports_count_too(archive, anonymous, three_a_minute, settings):
    settings.EXPORT_ANON_BURST = "100/minute"  # exports' own limits: tests/hardening/test_web_limits.py
    statuses = [anonymous.get("/api/export/statements.jsonl").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]


def test_an_editor_is_not(archive, editor_client, three_a_minute):
    assert {editor_client.get("/api/statements/").status_code for _ in range(5)} == {200}


def test_guessing_passwords_for_a_token(archive, editor, anonymous):
    attempts = [anonymous.post("/api/token/", {"username": "editor", "password": f"guess-{n}"}).status_code
                for n in range(11)]
    assert attempts == [400] * 10 + [429]
    # Even the right password waits now.
    assert anonymous.post("/api/token/", {"username": "editor", "password": "pw-editor-1"}).status_code == 429
