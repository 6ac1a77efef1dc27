"""The review screen and its queue: one statement's items together, one action each, then the next statement."""

import datetime as dt

import pytest
from django.contrib.admin.models import LogEntry
from django.contrib.auth.models import User
from django.test import Client

from statements.admin import measure, review
from statements.extract.records import Extraction
from statements.extract.scoring import score
from statements.models import Agreement, Event
from statements.services import corrections
from tests.factories import agreement, event, make_editor, make_statement

pytestmark = pytest.mark.django_db

BODY = ("Россия и Япония договорились продолжить консультации. "
        "Следующий раунд пройдёт 10-12 марта 2099 года в Токио. "
        "Стороны обсудили ситуацию в регионе.")
AGREED = "Россия и Япония договорились продолжить консультации."
ROUND = "Следующий раунд пройдёт 10-12 марта 2099 года в Токио."
REGION = "Стороны обсудили ситуацию в регионе."


def statement(title: str, published_on: dt.date, *, events: int = 1):
    extraction = Extraction(
        agreements=[agreement(BODY, AGREED)],
        events=[event(BODY, ROUND, dt.date(2099, 3, 10), dt.date(2099, 3, 12), countries=("JP",))][:events],
        countries={"JP": 1, "RU": 1})
    return make_statement(title=title, body=BODY, published_on=published_on, extraction=extraction).statement


@pytest.fixture
def editor(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    return make_editor()


@pytest.fixture
def client(editor):
    client = Client()
    client.force_login(editor)
    return client


def test_the_queue_puts_the_newest_first_then_the_fullest_and_next_walks_it():
    old = statement("Старое", dt.date(2018, 1, 1))
    small = statement("Новое, меньше", dt.date(2020, 1, 1), events=0)
    full = statement("Новое, больше", dt.date(2020, 1, 1))
    done = statement("Проверенное", dt.date(2021, 1, 1))
    Agreement.objects.filter(statement=done).update(verified=True)
    Event.objects.filter(statement=done).update(rejected=True)
    assert [s.title for s in review.queue()] == ["Новое, больше", "Новое, меньше", "Старое"]
    assert review.next_in_queue(full) == small
    assert review.next_in_queue(small) == old
    assert review.next_in_queue(old) == full  # from the end back to the start
    # Reviewing a statement does not move the others: next still follows the order.
    Agreement.objects.filter(statement=full).update(verified=True)
    Event.objects.filter(statement=full).update(verified=True)
    assert review.next_in_queue(full) == small


def test_the_screen_shows_the_statement_its_items_in_context_and_the_shortcuts(client):
    s = statement("Переговоры с Японией", dt.date(2020, 1, 1))
    other = statement("Другое", dt.date(2019, 1, 1))
    page = client.get(f"/admin/review/{s.pk}/", HTTP_ACCEPT_LANGUAGE="en")
    text = page.content.decode()
    assert page.status_code == 200
    assert "Переговоры с Японией" in text and "2020" in text
    assert f"<mark>{AGREED}</mark>" in text  # the sentence in its context
    # The text carries the spans as marks, nothing else, so offsets in it are the body's.
    a, e = Agreement.objects.get(statement=s), Event.objects.get(statement=s)
    assert f'<mark class="span pending" data-items="a{a.pk}">{AGREED}</mark> ' in text
    assert f'data-items="e{e.pk}">{ROUND}</mark> {REGION}</div>' in text
    assert "<kbd>v</kbd>" in text and "<kbd>j</kbd>" in text and "editors/review.js" in text
    # Date fields as a browser's date input reads them, whatever the language: saving the card unchanged
    # must not lose the dates.
    for lang in ("en", "ru"):
        assert 'value="2099-03-10"' in client.get(f"/admin/review/{s.pk}/", HTTP_ACCEPT_LANGUAGE=lang).content.decode()
    assert f'href="/admin/review/{other.pk}/"' in text  # next statement


def test_verify_reject_and_correct_are_one_action_each(client, editor):
    s = statement("Переговоры", dt.date(2020, 1, 1))
    a, e = Agreement.objects.get(statement=s), Event.objects.get(statement=s)
    url = f"/admin/review/{s.pk}/"

    response = client.post(url, {"item": f"a{a.pk}", "action": "verify"})
    assert response.status_code == 302
    assert response["Location"] == f"{url}#item-e{e.pk}"  # on to the next one waiting
    response = client.post(url, {"item": f"e{e.pk}", "action": "correct", f"e{e.pk}-title": e.title,
                                 f"e{e.pk}-starts_on": "2099-03-11", f"e{e.pk}-ends_on": "2099-03-12",
                                 f"e{e.pk}-precision": "day", f"e{e.pk}-place": "Токио",
                                 f"e{e.pk}-countries": "jp, ru", f"e{e.pk}-start": e.start,
                                 f"e{e.pk}-end": e.end})
    assert response.status_code == 302
    a.refresh_from_db()
    e.refresh_from_db()
    assert (a.verified, a.origin) == (True, "machine")
    assert (e.starts_on, e.place, e.origin, sorted(e.countries.values_list("code", flat=True))) == (
        dt.date(2099, 3, 11), "Токио", "editor", ["JP", "RU"])
    assert client.post(url, {"item": f"a{a.pk}", "action": "reject"}).status_code == 302
    a.refresh_from_db()
    assert (a.verified, a.rejected) == (False, True)
    assert [e.get_change_message() for e in LogEntry.objects.order_by("pk")] == [
        "Изменено проверено.", "Изменено начало, место и страны.", "Изменено проверено и отклонено."]


def test_a_correction_that_breaks_a_rule_shows_the_form_again_with_the_reason(client):
    s = statement("Переговоры", dt.date(2020, 1, 1))
    a = Agreement.objects.get(statement=s)
    response = client.post(f"/admin/review/{s.pk}/", {
        "item": f"a{a.pk}", "action": "correct", f"a{a.pk}-kind": "agreed", f"a{a.pk}-parties": "RU RU",
        f"a{a.pk}-start": a.start, f"a{a.pk}-end": a.end}, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 400
    assert "A party is named twice: RU." in response.content.decode()
    a.refresh_from_db()
    assert (a.parties, a.origin) == (["JP", "RU"], "machine")


def test_an_item_the_machine_missed_is_added_from_a_span(client):
    s = statement("Переговоры", dt.date(2020, 1, 1))
    start = BODY.index(REGION)
    response = client.post(f"/admin/review/{s.pk}/", {
        "item": "new-agreement", "action": "add", "new-agreement-kind": "agreed",
        "new-agreement-parties": "RU JP", "new-agreement-start": start, "new-agreement-end": start + len(REGION)})
    assert response.status_code == 302
    added = Agreement.objects.get(statement=s, start=start)
    assert (added.text, added.origin, sorted(added.countries.values_list("code", flat=True))) == (
        REGION, "editor", ["JP", "RU"])


def test_unknown_items_and_actions_are_not_found(client):
    s = statement("Переговоры", dt.date(2020, 1, 1))
    other = statement("Другое", dt.date(2020, 1, 2))
    foreign = Agreement.objects.get(statement=other)
    for data in ({"item": f"a{foreign.pk}", "action": "verify"}, {"item": "z1", "action": "verify"},
                 {"item": "a1", "action": "delete"}):
        assert client.post(f"/admin/review/{s.pk}/", data).status_code == 404
    assert not Agreement.objects.filter(verified=True).exists()


def test_outsiders_do_not_see_the_screens(db):
    s = statement("Переговоры", dt.date(2020, 1, 1))
    outsider = User.objects.create_user("staff", password="pw-staff-1", is_staff=True)
    client = Client()
    client.force_login(outsider)
    for url in (f"/admin/review/{s.pk}/", "/admin/review/", "/admin/measure/"):
        assert client.get(url).status_code == 302


def test_the_queue_page_and_its_country_filter(client):
    statement("Японское", dt.date(2020, 1, 1))
    page = client.get("/admin/review/?country=JP")
    assert page.status_code == 200 and "Японское" in page.content.decode()
    assert client.get("/admin/review/?country=CN").context["page_obj"].paginator.count == 0
    assert client.get("/admin/review/?country=ZZ").status_code == 404


def test_the_statement_page_links_to_the_review_screen_and_keeps_its_links_collapsed(client):
    s = statement("Переговоры", dt.date(2020, 1, 1))
    text = client.get(f"/admin/statements/statement/{s.pk}/change/").content.decode()
    assert f'href="/admin/review/{s.pk}/"' in text
    assert "1 agreement" in client.get(f"/admin/statements/statement/{s.pk}/change/",
                                       HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_editors_agreement_is_scored_per_editor_and_week(client, editor):
    s = statement("Переговоры", dt.date(2020, 1, 1))
    pending = statement("Не проверено", dt.date(2020, 1, 2))
    a, e = Agreement.objects.get(statement=s), Event.objects.get(statement=s)
    # The record is what extraction runs on again: the machine finds the agreement, not this event.
    corrections.verify_items([a], editor=editor)
    corrections.reject_items([e], editor=editor)
    page = client.get("/admin/measure/")
    assert page.status_code == 200
    [row] = page.context["rows"]
    statement_record = measure.gold_record(type(s).objects.for_detail().get(pk=s.pk))
    expected = score({statement_record["id"]: measure.prediction(s)}, [statement_record])
    assert (row["editor"], row["report"].statements) == ("editor", 1)
    assert row["report"].agreements.as_dict() == expected.agreements.as_dict()
    assert row["report"].events.as_dict() == expected.events.as_dict()
    assert row["week"] == dt.date.today() - dt.timedelta(days=dt.date.today().weekday())
    assert pending.pk not in [r["editor"] for r in page.context["rows"]]
    assert "editor" in page.content.decode()


def test_the_scoring_page_extracts_within_a_time_budget_and_scores_the_rest_later(editor):
    for n in range(2):
        s = statement(f"Переговоры {n}", dt.date(2020, 1, 1 + n))
        corrections.verify_items([*Agreement.objects.filter(statement=s), *Event.objects.filter(statement=s)],
                                 editor=editor)
    waiting = measure.table(budget=0)
    assert (waiting["rows"], waiting["unscored"]) == ([], 2)
    done = measure.table()
    assert (done["unscored"], done["total"].statements) == (0, 2)
    assert measure.table(budget=0)["total"].statements == 2  # the predictions are kept
