"""An editor's morning in the admin, in a real browser: nothing they do is undone by re-extraction."""

import datetime as dt
import signal
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from statements.models import Agreement, Event, Statement
from tests.factories import make_editor

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

SEED = Path(__file__).resolve().parents[2] / "sample" / "lavrov-2018-07-31-russia-japan-2plus2.txt"
PASSWORD = "correct-horse-battery-staple-42"


@pytest.fixture
def editor():
    call_command("ingest", str(SEED), "--no-progress")
    return make_editor(password=PASSWORD)


def run_worker_until_the_queue_is_empty():
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    try:
        call_command("worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)
    finally:
        for sig, handler in saved.items():
            signal.signal(sig, handler)


def test_editor_fixes_a_date_rejects_an_agreement_verifies_the_rest_and_reextracts(page, live_server, editor):
    statement = Statement.objects.get()
    event = Event.objects.get(statement=statement, starts_on=dt.date(2018, 8, 16))  # the business mission
    wrong = Agreement.objects.filter(statement=statement).order_by("-start").first()
    assert event and wrong

    page.goto(f"{live_server.url}/admin/login/?next=/admin/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    expect(page.locator("#site-name")).to_be_visible()

    # Fix the event's dates.
    page.goto(f"{live_server.url}/admin/statements/event/{event.pk}/change/")
    page.fill("#id_starts_on", "2018-08-17")
    page.fill("#id_ends_on", "2018-08-21")
    page.click("input[name=_save]")
    expect(page.locator(".messagelist")).to_be_visible()

    # Reject a wrong agreement from the review queue.
    page.goto(f"{live_server.url}/admin/statements/agreementreview/")
    page.check(f"input[name=_selected_action][value='{wrong.pk}']")
    page.select_option("select[name=action]", "reject")
    page.click("button[name=index]")
    expect(page.locator(".messagelist")).to_contain_text("1")

    # Verify everything else left in the queue.
    for queue in ("agreementreview", "eventreview"):
        page.goto(f"{live_server.url}/admin/statements/{queue}/")
        if page.locator("input[name=_selected_action]").count():
            page.check("#action-toggle")
            page.select_option("select[name=action]", "verify")
            page.click("button[name=index]")
        expect(page.locator("input[name=_selected_action]")).to_have_count(0)

    # Re-extract from the statement list.
    page.goto(f"{live_server.url}/admin/statements/statement/")
    page.check(f"input[name=_selected_action][value='{statement.pk}']")
    page.select_option("select[name=action]", "reextract")
    page.click("button[name=index]")
    expect(page.locator(".messagelist")).to_contain_text("1")
    # Queued for a worker: the message links to the job, whose page shows it done once a worker ran it.
    page.click(".messagelist a")
    expect(page.locator('progress[max="1"][value="0"]')).to_be_visible()
    run_worker_until_the_queue_is_empty()
    page.reload()
    expect(page.locator('progress[max="1"][value="1"]')).to_be_visible()

    fixed = Event.objects.get(pk=event.pk)
    assert (fixed.starts_on, fixed.ends_on, fixed.origin) == (dt.date(2018, 8, 17), dt.date(2018, 8, 21), "editor")
    assert Agreement.objects.get(pk=wrong.pk).rejected
    assert not Agreement.objects.filter(statement=statement, start=wrong.start, rejected=False).exists()
    assert not Agreement.objects.filter(statement=statement, verified=False, rejected=False).exists()
    assert not Event.objects.filter(statement=statement, verified=False, origin="machine").exists()

    # The history shows who did it.
    page.goto(f"{live_server.url}/admin/statements/event/{event.pk}/history/")
    expect(page.locator("#change-history")).to_contain_text("editor")
