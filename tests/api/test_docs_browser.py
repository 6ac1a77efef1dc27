"""The interactive docs work in a real browser, under the site's Content-Security-Policy, with no CDN."""

import pytest
from playwright.sync_api import expect

# serialized_rollback: the countries come from a migration, and a live server needs a real commit.
pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_swagger_ui_lists_the_operations_and_tries_one(page, live_server):
    problems, hosts = [], set()
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("request", lambda request: hosts.add(request.url.split("/")[2]))
    page.goto(f"{live_server.url}/api/docs/")

    operations = page.locator(".opblock")
    expect(operations.first).to_be_visible()
    assert operations.count() >= 20
    expect(page.locator(".opblock-summary-path", has_text="/api/events/past/")).to_have_count(1)

    # Try it out: the page calls the API itself.
    page.locator("#operations-countries-countries_retrieve .opblock-summary").click()
    page.get_by_role("button", name="Try it out").click()
    page.get_by_placeholder("code").fill("JP")
    page.get_by_role("button", name="Execute").click()
    expect(page.locator(".live-responses-table tbody .response-col_status").first).to_have_text("200")
    expect(page.locator(".live-responses-table")).to_contain_text("Japan")

    assert hosts == {live_server.url.split("/")[2]}  # nothing fetched from anywhere else
    assert not [p for p in problems if "Content Security Policy" in p], problems
