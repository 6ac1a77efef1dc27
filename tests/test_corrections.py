"""One corrections service: the admin, the API, the review screen and import change an item the same way."""

import datetime as dt
import json

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.test import Client
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from statements.extract.records import Extraction
from statements.models import Event, Statement
from statements.search.query import LexemesQuery
from statements.services import corrections, exchange
from tests.factories import agreement, event, make_editor, make_statement

pytestmark = pytest.mark.django_db

BODY = ("Россия и Япония договорились продолжить консультации. "
        "Следующий раунд пройдёт 10-12 марта 2099 года в Токио. "
        "Россия и Китай подтвердили готовность к сотрудничеству.")
AGREED = "Россия и Япония договорились продолжить консультации."
ROUND = "Следующий раунд пройдёт 10-12 марта 2099 года в Токио."
CHINA = "Россия и Китай подтвердили готовность к сотрудничеству."


def talks(title: str = "Переговоры", published_on=dt.date(2019, 4, 1)) -> Statement:
    return make_statement(
        title=title, body=BODY, published_on=published_on,
        extraction=Extraction(
            agreements=[agreement(BODY, AGREED), agreement(BODY, CHINA, kind="reaffirmed", parties=("CN", "RU"))],
            events=[event(BODY, ROUND, dt.date(2099, 3, 10), dt.date(2099, 3, 12), countries=("JP",))],
            countries={"JP": 1, "RU": 2, "CN": 1}),
    ).statement


@pytest.fixture
def editor(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return make_editor()


@pytest.fixture
def admin_client(editor):
    client = Client()
    client.force_login(editor)
    return client


@pytest.fixture
def api(editor):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor).key}")
    return client


def outcome(item) -> tuple:
    """What must not depend on the way a change came: countries, origin, the history entries."""
    item = type(item).objects.get(pk=item.pk)
    history = [(e.user.username, e.action_flag, e.get_change_message())
               for e in LogEntry.objects.filter(object_id=str(item.pk)).order_by("pk")]
    return item.parties, sorted(item.countries.values_list("code", flat=True)), item.origin, item.text, history


def change_in_admin(client, item, parties: str):
    response = client.post(f"/admin/statements/agreement/{item.pk}/change/", {
        "kind": item.kind, "parties": parties, "start": item.start, "end": item.end, "_save": "Save"})
    assert response.status_code == 302, response.content.decode()[:2000]


def change_through_api(client, item, parties: list):
    response = client.patch(f"/api/agreements/{item.pk}/", {"parties": parties}, format="json")
    assert response.status_code == 200, response.content


def change_by_import(editor, item, parties: list, tmp_path):
    statement = Statement.objects.get(pk=item.statement_id)
    record = exchange.statement_record(Statement.objects.prefetch_related(
        "agreements__countries", "events__countries").get(pk=statement.pk))
    exported = next(a for a in record["agreements"] if a["start"] == item.start)
    # Edited in another archive: the export says who made it and what it says now.
    exported.update(parties=parties, origin="editor", countries=["XX-stale"])
    path = tmp_path / f"export-{item.pk}.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    summary = exchange.import_file(path, editor=editor)
    assert (summary.imported, summary.skipped, summary.failures) == (0, 1, [])


def test_parties_changed_in_the_admin_the_api_and_by_import_end_the_same(admin_client, api, editor, tmp_path):
    items = [talks(f"Переговоры {n}").agreements.get(start=0) for n in range(3)]
    assert outcome(items[0])[1:3] == (["JP", "RU"], "machine")

    change_in_admin(admin_client, items[0], "RU,CN,UN")
    change_through_api(api, items[1], ["RU", "CN", "UN"])
    change_by_import(editor, items[2], ["RU", "CN", "UN"], tmp_path)

    results = [outcome(item) for item in items]
    assert results[0] == results[1] == results[2]
    parties, countries, origin, text, history = results[0]
    assert (parties, countries, origin, text) == (["RU", "CN", "UN"], ["CN", "RU"], "editor", AGREED)
    assert history == [("editor", 2, "Изменено стороны.")]


def test_an_event_changed_through_the_api_and_the_admin_is_logged_alike(admin_client, api):
    one, two = (talks(f"Переговоры {n}").events.get() for n in range(2))
    response = api.patch(f"/api/events/{one.pk}/", {"ends_on": "2099-03-13", "countries": ["JP", "RU"]},
                         format="json")
    assert response.status_code == 200, response.content
    response = admin_client.post(f"/admin/statements/event/{two.pk}/change/", {
        "title": two.title, "starts_on": "2099-03-10", "ends_on": "2099-03-13", "precision": "day",
        "place": "", "countries": ["JP", "RU"], "start": two.start, "end": two.end, "_save": "Save"})
    assert response.status_code == 302, response.content.decode()[:2000]
    for item in (one, two):
        item = Event.objects.get(pk=item.pk)
        assert (item.ends_on, item.origin, sorted(item.countries.values_list("code", flat=True))) == (
            dt.date(2099, 3, 13), "editor", ["JP", "RU"])
        entry = LogEntry.objects.get(object_id=str(item.pk))
        assert entry.get_change_message() == "Изменено окончание и страны."


def test_verifying_keeps_the_item_the_machines_and_a_no_op_writes_nothing(editor):
    item = talks().agreements.get(start=0)
    corrections.correct_item(item, {"parties": ["JP", "RU"], "kind": "agreed"}, editor=editor)
    assert not LogEntry.objects.exists()
    corrections.verify_items([item], editor=editor)
    item.refresh_from_db()
    assert (item.verified, item.origin) == (True, "machine")
    corrections.reject_items([item], editor=editor)
    item.refresh_from_db()
    assert (item.verified, item.rejected) == (False, True)
    assert LogEntry.objects.count() == 2


def test_a_new_span_brings_its_sentence(editor):
    item = talks().agreements.get(start=0)
    start = BODY.index(CHINA)
    saved = corrections.correct_item(item, {"start": start, "end": start + len(CHINA)}, editor=editor)
    assert (saved.text, saved.origin) == (CHINA, "editor")


@pytest.mark.parametrize("changes, field", [
    ({"parties": ["RU", "JP", "RU"]}, "parties"),
    ({"text": "Россия и Япония договорились."}, "text"),
    ({"start": 5, "end": 2}, "end"),
])
def test_the_service_refuses_what_breaks_a_rule_and_writes_nothing(editor, changes, field):
    item = talks().agreements.get(start=0)
    with pytest.raises(ValidationError) as error:
        corrections.correct_item(item, changes, editor=editor)
    assert field in error.value.message_dict
    assert outcome(item)[:3] == (["JP", "RU"], ["JP", "RU"], "machine")


# --- The API's hardening (issue 18) ----------------------------------------------------------------


@pytest.mark.parametrize("changes, field, words", [
    ({"parties": ["RU", "JP", "RU"]}, "parties", "RU"),
    ({"text": "Россия и Япония договорились о другом."}, "text", AGREED),
    ({"start": 0, "end": 10, "text": AGREED}, "text", "Россия и Я"),
])
def test_the_api_refuses_repeated_parties_and_a_sentence_not_at_the_span(api, changes, field, words):
    item = talks().agreements.get(start=0)
    response = api.patch(f"/api/agreements/{item.pk}/", changes, format="json")
    assert response.status_code == 400
    assert words in " ".join(response.json()[field])
    assert outcome(item)[:3] == (["JP", "RU"], ["JP", "RU"], "machine")


@pytest.mark.parametrize("path", ["agreements", "events"])
def test_the_api_refuses_moving_an_item_to_another_statement(api, path):
    one, other = talks("Один"), talks("Другой")
    item = (one.agreements if path == "agreements" else one.events).first()
    response = api.patch(f"/api/{path}/{item.pk}/", {"statement_id": other.pk}, format="json")
    assert response.status_code == 400
    assert "statement_id" in response.json()
    assert type(item).objects.get(pk=item.pk).statement_id == one.pk
    # Naming its own statement is no change.
    assert api.patch(f"/api/{path}/{item.pk}/", {"statement_id": one.pk}, format="json").status_code == 200


def test_the_api_creates_an_item_with_the_sentence_of_its_span(api):
    statement = talks()
    start = BODY.index(CHINA)
    response = api.post("/api/events/", {"statement_id": statement.pk, "start": start, "end": start + len(CHINA),
                                         "title": "Сотрудничество"}, format="json")
    assert response.status_code == 201, response.content
    created = Event.objects.get(pk=response.json()["id"])
    assert (created.text, created.origin) == (CHINA, "editor")
    assert LogEntry.objects.get(object_id=str(created.pk)).action_flag == 1


# --- The admin -------------------------------------------------------------------------------------


def test_statement_texts_are_read_only_in_the_admin(admin_client):
    statement = talks()
    page = admin_client.get(f"/admin/statements/statement/{statement.pk}/change/").content.decode()
    assert 'name="title"' not in page and 'name="body"' not in page and 'name="source_url"' not in page
    assert "agreements-TOTAL_FORMS" not in page  # items are reviewed on the review screen
    response = admin_client.post(f"/admin/statements/statement/{statement.pk}/change/", {
        "title": "Подменённый заголовок", "body": "Подменённый текст", "kind": "meeting",
        "published_on": "2019-04-01", "place": "", "source": "",
        **{f"{prefix}-{name}": value for prefix in ("country_links", "person_links", "topic_links")
           for name, value in (("TOTAL_FORMS", 0), ("INITIAL_FORMS", 0))},
        "_save": "Save"})
    assert response.status_code in (200, 302)
    statement.refresh_from_db()
    assert (statement.title, statement.body) == ("Переговоры", BODY)


@pytest.mark.parametrize("url", [
    "/admin/statements/statement/?body__regex=(a%2B)%2B",
    "/admin/statements/agreement/?text__icontains=x",
    "/admin/statements/agreementreview/?statement__body__regex=x",
])
def test_admin_lists_refuse_lookups_that_are_not_their_filters(admin_client, url):
    talks()
    assert admin_client.get(url).status_code == 400


def test_admin_list_filters_still_work(admin_client):
    item = talks().agreements.get(start=0)
    corrections.verify_items([item], editor=User.objects.get())
    page = admin_client.get("/admin/statements/agreement/?verified__exact=1")
    assert page.status_code == 200
    assert list(page.context["cl"].result_list) == [item]
    assert admin_client.get("/admin/statements/statement/?kind__exact=meeting").status_code == 200


def test_review_queues_show_the_statement_and_the_sentence_and_read_naturally(admin_client):
    statement = talks()
    page = admin_client.get("/admin/statements/agreementreview/", HTTP_ACCEPT_LANGUAGE="en")
    text = page.content.decode()
    assert page.status_code == 200
    assert "Agreements to review" in text and "Select agreement to review to change" not in text
    assert "Archive administration" in text
    assert statement.title in text and "<mark>Россия и Япония договорились продолжить консультации.</mark>" in text
    assert "Verified" not in page.context["cl"].list_display
    ru = admin_client.get("/admin/statements/eventreview/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "События на проверку" in ru and "Администрирование архива" in ru


def test_the_admin_index_counts_what_waits(admin_client, editor):
    talks()
    item = talks("Второй").agreements.get(start=0)
    corrections.verify_items([item], editor=editor)
    page = admin_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en")
    assert (page.context["waiting_agreements"], page.context["waiting_events"],
            page.context["waiting_statements"]) == (3, 2, 2)
    by_country = {row["country_id"]: row["n"] for row in page.context["waiting_by_country"]}
    assert by_country == {"CN": 2, "JP": 2, "RU": 2}
    assert "/admin/review/?country=JP" in page.content.decode()


def test_an_item_added_in_the_admin_is_the_editors_with_its_sentence_and_countries(admin_client):
    statement = talks()
    start = BODY.index(CHINA)
    response = admin_client.post("/admin/statements/agreement/add/", {
        "statement": statement.pk, "kind": "agreed", "parties": "RU,CN", "start": start, "end": start + len(CHINA),
        "_save": "Save"})
    assert response.status_code == 302, response.content.decode()[:2000]
    added = statement.agreements.get(start=start, origin="editor")
    assert (added.text, sorted(added.countries.values_list("code", flat=True))) == (CHINA, ["CN", "RU"])
    assert outcome(added)[4] == [("editor", 1, "Добавлено.")]


def test_the_import_command_applies_editors_work_only_under_an_editors_name(editor, tmp_path, capsys):
    from django.core.management import CommandError, call_command

    item = talks().agreements.get(start=0)
    export = tmp_path / "archive.jsonl"
    call_command("export", "--output", str(export))
    record = json.loads(export.read_text(encoding="utf-8"))
    record["agreements"][0].update(parties=["RU", "JP", "UN"], origin="editor")
    export.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")

    call_command("import", str(export))  # without an editor: present statements are skipped
    assert outcome(item)[:3] == (["JP", "RU"], ["JP", "RU"], "machine")
    with pytest.raises(CommandError, match="no editor named 'nobody'"):
        call_command("import", str(export), "--editor", "nobody")
    call_command("import", str(export), "--editor", "editor")
    assert "imported 0, skipped 1" in capsys.readouterr().out
    assert outcome(item)[:3] == (["RU", "JP", "UN"], ["JP", "RU"], "editor")
    call_command("import", str(export), "--editor", "editor")  # twice: nothing more
    assert LogEntry.objects.count() == 1


# --- A statement's links, edited in the admin ------------------------------------------------------

def post_links(client, statement, *, countries, topics):
    """The statement's change form as an editor sends it: countries [(link or None, code, delete)], topics
    [(link or None, topic id)]."""
    data = {"kind": statement.kind, "published_on": str(statement.published_on), "published_at": "",
            "place": statement.place, "source": statement.source, "_save": "Save",
            "person_links-TOTAL_FORMS": 0, "person_links-INITIAL_FORMS": 0}
    initial = [c for c in countries if c[0] is not None]
    data.update({"country_links-TOTAL_FORMS": len(countries), "country_links-INITIAL_FORMS": len(initial)})
    for i, (link, code, delete) in enumerate(countries):
        data.update({f"country_links-{i}-id": link.pk if link else "", f"country_links-{i}-statement": statement.pk,
                     f"country_links-{i}-country": code, f"country_links-{i}-mentions": link.mentions if link else 1})
        if delete:
            data[f"country_links-{i}-DELETE"] = "on"
    data.update({"topic_links-TOTAL_FORMS": len(topics), "topic_links-INITIAL_FORMS": 0})
    for i, (_, topic) in enumerate(topics):
        data.update({f"topic_links-{i}-id": "", f"topic_links-{i}-statement": statement.pk,
                     f"topic_links-{i}-topic": topic.pk, f"topic_links-{i}-evidence": "by hand"})
    response = client.post(f"/admin/statements/statement/{statement.pk}/change/", data)
    assert response.status_code == 302, (response.context["adminform"].form.errors,
                                         [f.formset.errors for f in response.context["inline_admin_formsets"]])


def reextract_talks(statement):
    from statements.services.store import reextract_statement
    from tests.factories import parsed_statement

    parsed = parsed_statement(title="Переговоры", body=BODY, published_on=dt.date(2019, 4, 1))
    reextract_statement(statement=statement, parsed=parsed, extraction=Extraction(
        agreements=[agreement(BODY, AGREED)], countries={"JP": 1, "RU": 2, "CN": 1}))


def test_links_an_editor_adds_or_removes_in_the_admin_survive_reextraction(admin_client):
    from statements.models import RemovedLink, StatementCountry, Topic

    statement = talks()
    topic = Topic.objects.order_by("pk").first()
    china = statement.country_links.get(country="CN")
    keep = [(link, link.country_id, False) for link in statement.country_links.exclude(pk=china.pk)]
    post_links(admin_client, statement, countries=[*keep, (china, "CN", True), (None, "KZ", False)],
               topics=[(None, topic)])
    links = dict(statement.country_links.values_list("country", "origin"))
    assert links == {"JP": "machine", "RU": "machine", "KZ": "editor"}
    assert RemovedLink.objects.filter(statement=statement).values_list("kind", "value").get() == ("country", "CN")
    # Searches see the links at once: by the country added, not by the one removed, by the topic added.
    assert Statement.objects.search("Казахстан").filter(pk=statement.pk).exists()
    assert not Statement.objects.search("КНР").filter(pk=statement.pk).exists()
    assert Statement.objects.filter(pk=statement.pk, search_vector=LexemesQuery([f"@topic:{topic.slug}"])).exists()

    reextract_talks(statement)  # the machine finds China again, and no Kazakhstan, no topic
    assert dict(statement.country_links.values_list("country", "origin")) == links
    assert list(statement.topic_links.values_list("topic", "origin")) == [(topic.pk, "editor")]
    assert not Statement.objects.search("КНР").filter(pk=statement.pk).exists()
    assert Statement.objects.search("Казахстан").filter(pk=statement.pk).exists()
    assert StatementCountry.objects.filter(statement=statement, country="JP", origin="machine").exists()


def test_a_removed_link_an_editor_adds_again_is_theirs_and_no_longer_a_removal(admin_client):
    from statements.models import RemovedLink

    statement = talks()
    china = statement.country_links.get(country="CN")
    rest = [(link, link.country_id, False) for link in statement.country_links.exclude(pk=china.pk)]
    post_links(admin_client, statement, countries=[*rest, (china, "CN", True)], topics=[])
    rest = [(link, link.country_id, False) for link in statement.country_links.all()]
    post_links(admin_client, statement, countries=[*rest, (None, "CN", False)], topics=[])
    assert not RemovedLink.objects.exists()
    reextract_talks(statement)
    assert statement.country_links.get(country="CN").origin == "editor"
