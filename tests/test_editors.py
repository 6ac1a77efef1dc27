"""Editors' work survives re-extraction; the admin is theirs alone."""

import datetime as dt

import pytest
from django.contrib.auth.models import Group, User
from django.core.exceptions import ValidationError

from statements.choices import Origin
from statements.extract.records import Extraction
from statements.models import Agreement, Event
from statements.services.store import reextract_statement
from tests.factories import agreement, event, make_statement, parsed_statement

pytestmark = pytest.mark.django_db

BODY = (
    "Договорились продолжать сотрудничество.\n\n"
    "Подтвердили готовность к взаимодействию.\n\n"
    "Миссия состоится 16-20 августа этого года.\n\n"
    "Консультации пройдут в сентябре."
)


def machine_extraction():
    return Extraction(
        agreements=[agreement(BODY, "Договорились продолжать сотрудничество."),
                    agreement(BODY, "Подтвердили готовность к взаимодействию.", kind="reaffirmed")],
        events=[event(BODY, "Миссия состоится 16-20 августа этого года.", dt.date(2018, 8, 16), dt.date(2018, 8, 20)),
                event(BODY, "Консультации пройдут в сентябре.", dt.date(2018, 9, 1), dt.date(2018, 9, 30),
                      precision="month")],
        countries={"JP": 1, "RU": 2},
    )


@pytest.fixture
def statement():
    return make_statement(body=BODY, published_on=dt.date(2018, 7, 31), extraction=machine_extraction()).statement


def reextract(statement):
    parsed = parsed_statement(body=BODY, published_on=dt.date(2018, 7, 31))
    reextract_statement(statement=statement, parsed=parsed, extraction=machine_extraction())


def test_reextract_replaces_untouched_machine_items(statement):
    before = set(Agreement.objects.values_list("pk", flat=True))
    reextract(statement)
    assert Agreement.objects.count() == 2
    assert set(Agreement.objects.values_list("pk", flat=True)).isdisjoint(before)


@pytest.mark.parametrize("work", ["verify", "edit", "reject", "add"])
def test_each_kind_of_editor_work_survives_reextract(statement, work):
    item = Event.objects.get(text__startswith="Миссия")
    if work == "verify":
        item.verified = True
    elif work == "edit":
        item.starts_on, item.ends_on, item.origin = dt.date(2018, 8, 17), dt.date(2018, 8, 21), Origin.EDITOR
    elif work == "reject":
        item.rejected = True
    item.save()
    added = None
    if work == "add":
        added = Agreement.objects.create(statement=statement, text="Консультации пройдут в сентябре.",
                                         start=BODY.index("Консультации"), end=len(BODY), origin=Origin.EDITOR)
    reextract(statement)
    reextract(statement)

    if added:
        assert Agreement.objects.get(pk=added.pk).origin == Origin.EDITOR
        assert Agreement.objects.filter(statement=statement).count() == 3
    else:
        kept = Event.objects.get(pk=item.pk)
        assert (kept.verified, kept.rejected, kept.starts_on) == (item.verified, item.rejected, item.starts_on)
    # The machine's version of the same sentence does not come back beside it.
    assert Event.objects.filter(statement=statement, start=item.start).count() == 1
    assert Event.objects.filter(rejected=False).count() == (1 if work == "reject" else 2)


@pytest.mark.parametrize("changes, field", [
    ({"starts_on": dt.date(2018, 8, 20), "ends_on": dt.date(2018, 8, 16)}, "ends_on"),
    ({"starts_on": dt.date(2018, 9, 3), "ends_on": dt.date(2018, 9, 12), "precision": "decade"}, "precision"),
    ({"starts_on": dt.date(2018, 9, 3), "ends_on": dt.date(2018, 9, 30), "precision": "month"}, "precision"),
    ({"start": 0, "end": 10_000}, "end"),
])
def test_event_validation_names_the_field(statement, changes, field):
    item = Event.objects.first()
    for name, value in changes.items():
        setattr(item, name, value)
    with pytest.raises(ValidationError) as error:
        item.full_clean()
    assert field in error.value.message_dict


def test_a_party_must_be_a_known_country_or_organisation(statement):
    item = Agreement.objects.first()
    item.parties = ["RU", "XX"]
    with pytest.raises(ValidationError, match="XX"):
        item.full_clean()
    item.parties = ["RU", "UN"]
    item.full_clean()


def test_editors_group_has_the_rights_the_work_needs():
    group = Group.objects.get(name="Editors")
    codenames = set(group.permissions.values_list("codename", flat=True))
    assert {"change_agreement", "add_event", "view_statement", "change_eventreview"} <= codenames
    assert not {"delete_statement", "delete_agreement", "add_statement", "change_country"} & codenames


def test_admin_refuses_staff_outside_the_editors_group(client):
    outsider = User.objects.create_user("outsider", password="pw-outsider-1", is_staff=True)
    client.force_login(outsider)
    assert client.get("/admin/").status_code == 302
    editor = User.objects.create_user("editor", password="pw-editor-1", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/statements/eventreview/").status_code == 200
