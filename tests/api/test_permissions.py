"""Everyone reads; only editors write, with a token or with a session and its CSRF token."""

import datetime as dt

import pytest
from django.contrib.auth.models import Permission, User
from rest_framework.test import APIClient

from statements.models import Agreement, Event

pytestmark = pytest.mark.django_db


@pytest.fixture
def event(archive):
    return Event.objects.get(statement=archive["talks"], starts_on=dt.date(2099, 3, 10))


def writes(archive, event):
    """One write of each kind the API offers, each valid for an editor."""
    talks = archive["talks"]
    return [
        ("post", "/api/agreements/", {"statement_id": talks.pk, "text": talks.body[:65], "start": 0, "end": 65,
                                      "kind": "agreed", "parties": ["JP", "RU"]}),
        ("post", "/api/events/", {"statement_id": talks.pk, "text": talks.body[:65], "start": 0, "end": 65,
                                  "starts_on": "2099-04-01", "ends_on": "2099-04-30", "precision": "month"}),
        ("patch", f"/api/events/{event.pk}/", {"starts_on": "2099-03-11"}),
        ("put", f"/api/agreements/{talks.agreements.get().pk}/", {
            "statement_id": talks.pk, "text": talks.body[:65], "start": 0, "end": 65, "kind": "reaffirmed",
            "parties": ["JP"], "verified": True}),
    ]


@pytest.mark.parametrize("index", range(4))
def test_anonymous_writes_are_refused_and_change_nothing(archive, event, anonymous, index):
    method, path, data = writes(archive, event)[index]
    before = (Agreement.objects.count(), Event.objects.count(), list(Event.objects.values_list("starts_on")))
    response = getattr(anonymous, method)(path, data, format="json")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert (Agreement.objects.count(), Event.objects.count(), list(Event.objects.values_list("starts_on"))) == before


@pytest.mark.parametrize("index", range(4))
def test_a_signed_in_reader_who_is_not_an_editor_is_refused(archive, event, reader_client, index):
    method, path, data = writes(archive, event)[index]
    assert getattr(reader_client, method)(path, data, format="json").status_code == 403


@pytest.mark.parametrize("index, status", [(0, 201), (1, 201), (2, 200), (3, 200)])
def test_an_editor_with_a_token_may(archive, event, editor_client, index, status):
    method, path, data = writes(archive, event)[index]
    response = getattr(editor_client, method)(path, data, format="json")
    assert response.status_code == status, response.content
    assert response.json()["origin"] == "editor"


def test_a_permission_granted_by_hand_outside_the_editors_group_is_not_enough(archive, event):
    # The admin's rule: only the Editors group (or a superuser) edits.
    user = User.objects.create_user("clerk", is_staff=True)
    user.user_permissions.add(*Permission.objects.filter(codename__in=["change_event", "add_event"]))
    client = APIClient()
    client.force_authenticate(user)
    assert client.patch(f"/api/events/{event.pk}/", {"starts_on": "2099-03-11"}, format="json").status_code == 403
    superuser = User.objects.create_superuser("root", password="pw-root-1")
    client.force_authenticate(superuser)
    assert client.patch(f"/api/events/{event.pk}/", {"starts_on": "2099-03-11"}, format="json").status_code == 200


def test_a_session_needs_its_csrf_token(archive, event, editor):
    client = APIClient(enforce_csrf_checks=True)
    client.force_login(editor)
    path, data = f"/api/events/{event.pk}/", {"starts_on": "2099-03-11"}
    refused = client.patch(path, data, format="json")
    assert refused.status_code == 403
    assert "CSRF" in refused.json()["detail"]
    client.get("/admin/login/")  # any form page hands out the CSRF cookie
    accepted = client.patch(path, data, format="json", HTTP_X_CSRFTOKEN=client.cookies["csrftoken"].value)
    assert accepted.status_code == 200
    assert Event.objects.get(pk=event.pk).starts_on == dt.date(2099, 3, 11)


def test_a_token_for_a_password(archive, event, editor):
    client = APIClient()
    assert client.post("/api/token/", {"username": "editor", "password": "wrong"}, format="json").status_code == 400
    response = client.post("/api/token/", {"username": "editor", "password": "pw-editor-1"}, format="json")
    assert response.status_code == 200
    client.credentials(HTTP_AUTHORIZATION=f"Token {response.json()['token']}")
    assert client.patch(f"/api/events/{event.pk}/", {"verified": True}, format="json").status_code == 200


def test_a_bad_token_is_401_even_for_reading(archive, anonymous):
    anonymous.credentials(HTTP_AUTHORIZATION="Token not-a-token")
    assert anonymous.get("/api/statements/").status_code == 401


@pytest.mark.parametrize("client_name", ["anonymous", "editor_client"])
def test_nobody_deletes_through_the_api(archive, event, request, client_name):
    # Rejecting keeps an item, so that extraction does not bring it back; deleting would.
    client = request.getfixturevalue(client_name)
    assert client.delete(f"/api/events/{event.pk}/").status_code == 405
    assert client.delete(f"/api/agreements/{archive['talks'].agreements.get().pk}/").status_code == 405
    assert Event.objects.filter(pk=event.pk).exists()
