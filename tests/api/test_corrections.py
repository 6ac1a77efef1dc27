"""Editors' corrections through the API: the admin's rules, and they outlive re-extraction."""

import datetime as dt

import pytest
from django.core.management import call_command

from statements.models import Agreement, Event

pytestmark = pytest.mark.django_db

MISSION = "третья бизнес-миссия"  # the seed's event of 16-20 August 2018


@pytest.fixture
def talks(archive):
    return archive["talks"]


@pytest.fixture
def event(talks):
    return Event.objects.get(statement=talks, starts_on=dt.date(2099, 3, 10))


@pytest.mark.parametrize("changes, field", [
    ({"starts_on": "2099-03-12", "ends_on": "2099-03-10"}, "ends_on"),  # ends before it starts
    ({"starts_on": "2099-03-12", "ends_on": None}, "ends_on"),  # one date without the other
    ({"starts_on": "2099-03-03", "ends_on": "2099-03-12", "precision": "decade"}, "precision"),
    ({"starts_on": "2099-03-01", "ends_on": "2099-03-30", "precision": "month"}, "precision"),  # March has 31
    ({"precision": "fortnight"}, "precision"),
    ({"start": 0, "end": 10_000}, "end"),  # outside the statement's body
    ({"start": 10, "end": 5}, "end"),
    ({"start": -1}, "start"),
    ({"start": 2**31}, "start"),  # no database error for a number PostgreSQL cannot hold
    ({"starts_on": "2099-02-30"}, "starts_on"),
    ({"countries": ["ZZ"]}, "countries"),
    ({"statement_id": 999999}, "statement_id"),
    ({"title": "x" * 301}, "title"),
    ({"verified": "perhaps"}, "verified"),
])
def test_an_event_correction_that_breaks_a_rule_is_400_naming_the_field(event, editor_client, changes, field):
    before = Event.objects.filter(pk=event.pk).values().get()
    response = editor_client.patch(f"/api/events/{event.pk}/", changes, format="json")
    assert response.status_code == 400
    assert field in response.json()
    assert Event.objects.filter(pk=event.pk).values().get() == before


@pytest.mark.parametrize("changes, field", [
    ({"parties": ["RU", "XX"]}, "parties"),  # not a country, not an organisation
    ({"kind": "signed"}, "kind"),
    ({"end": 1000}, "end"),
])
def test_an_agreement_correction_that_breaks_a_rule_is_400(talks, editor_client, changes, field):
    agreement = talks.agreements.get()
    response = editor_client.patch(f"/api/agreements/{agreement.pk}/", changes, format="json")
    assert response.status_code == 400
    assert field in response.json()


def test_a_new_event_must_name_its_statement(talks, editor_client):
    response = editor_client.post("/api/events/", {"text": "x", "start": 0, "end": 1}, format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["statement_id"]


def test_a_corrected_agreement_keeps_its_countries_in_step_with_its_parties(talks, editor_client):
    agreement = talks.agreements.get()
    data = editor_client.patch(f"/api/agreements/{agreement.pk}/", {"parties": ["RU", "CN", "UN"]},
                               format="json").json()
    assert (data["parties"], sorted(data["countries"]), data["origin"]) == (["RU", "CN", "UN"], ["CN", "RU"],
                                                                          "editor")


def test_an_added_event_is_the_editors_and_shows_in_the_lists(talks, editor_client, anonymous):
    sentence = "Стороны договорились продолжить консультации по мирному договору."
    response = editor_client.post("/api/events/", {
        "statement_id": talks.pk, "text": sentence, "start": 0, "end": len(sentence), "title": "Консультации",
        "starts_on": "2099-06-01", "ends_on": "2099-08-31", "precision": "season", "countries": ["JP", "RU"],
    }, format="json")
    assert response.status_code == 201, response.content
    created = Event.objects.get(pk=response.json()["id"])
    assert (created.origin, created.precision, sorted(created.countries.values_list("code", flat=True))) == (
        "editor", "season", ["JP", "RU"])
    assert "Консультации" in [row["title"] for row in anonymous.get("/api/events/upcoming/").json()["results"]]


def test_verifying_and_rejecting(talks, event, editor_client, anonymous):
    agreement = talks.agreements.get()
    assert editor_client.patch(f"/api/agreements/{agreement.pk}/", {"verified": True}, format="json").json()[
        "verified"] is True
    assert [row["id"] for row in anonymous.get("/api/agreements/", {"verified": "true"}).json()["results"]] == [
        agreement.pk]
    assert editor_client.patch(f"/api/events/{event.pk}/", {"rejected": True}, format="json").status_code == 200
    assert event.pk not in [row["id"] for row in anonymous.get("/api/events/").json()["results"]]
    assert anonymous.get(f"/api/events/{event.pk}/").status_code == 404
    # Gone from sight, not from the editors: a rejection can be taken back.
    assert editor_client.patch(f"/api/events/{event.pk}/", {"rejected": False}, format="json").status_code == 200
    assert anonymous.get(f"/api/events/{event.pk}/").status_code == 200


def test_a_patch_that_changes_nothing_leaves_the_item_to_the_machine(event, editor_client):
    response = editor_client.patch(f"/api/events/{event.pk}/", {"starts_on": "2099-03-10", "countries": ["JP"]},
                                   format="json")
    assert response.json()["origin"] == "machine"


def test_a_correction_survives_reextract_and_shows_in_the_admin(seed, editor, editor_client):
    mission = Event.objects.get(statement=seed, text__contains=MISSION)
    assert (mission.starts_on, mission.origin) == (dt.date(2018, 8, 16), "machine")
    untouched = set(Event.objects.filter(statement=seed).exclude(pk=mission.pk).values_list("pk", flat=True))

    response = editor_client.patch(f"/api/events/{mission.pk}/", {
        "starts_on": "2018-08-17", "ends_on": "2018-08-21", "place": "Москва", "verified": True}, format="json")
    assert response.status_code == 200, response.content
    call_command("reextract", "--no-progress", "--all")

    kept = Event.objects.get(pk=mission.pk)
    assert (kept.starts_on, kept.ends_on, kept.place, kept.verified, kept.origin) == (
        dt.date(2018, 8, 17), dt.date(2018, 8, 21), "Москва", True, "editor")
    # The machine's reading of the same sentence does not come back beside the correction...
    assert Event.objects.filter(statement=seed, text__contains=MISSION).count() == 1
    # ...while the events nobody touched were extracted anew.
    others = set(Event.objects.filter(statement=seed).exclude(pk=mission.pk).values_list("pk", flat=True))
    assert len(others) == len(untouched) and others.isdisjoint(untouched)

    editor.is_staff = True  # the admin also wants staff status
    editor.save()
    from django.test import Client

    admin = Client()
    admin.force_login(editor)
    page = admin.get(f"/admin/statements/event/{mission.pk}/change/")
    assert page.status_code == 200
    form = page.context["adminform"].form
    assert (form.initial["starts_on"], form.initial["ends_on"], form.initial["verified"]) == (
        dt.date(2018, 8, 17), dt.date(2018, 8, 21), True)
    assert "Москва" in page.content.decode()
    # The API correction is in the item's admin history, with who made it and the fields by their names.
    history = admin.get(f"/admin/statements/event/{mission.pk}/history/").content.decode()
    assert editor.username in history and "Изменено начало, окончание, место и проверено." in history


def test_a_corrected_agreement_survives_reextract(seed, editor_client):
    agreement = Agreement.objects.filter(statement=seed, kind="reaffirmed").order_by("start").first()
    editor_client.patch(f"/api/agreements/{agreement.pk}/", {"kind": "agreed", "parties": ["JP", "RU", "UN"]},
                        format="json")
    call_command("reextract", str(seed.pk), "--no-progress")
    kept = Agreement.objects.get(pk=agreement.pk)
    assert (kept.kind, kept.parties, kept.origin) == ("agreed", ["JP", "RU", "UN"], "editor")
    assert Agreement.objects.filter(statement=seed, start=agreement.start).count() == 1
