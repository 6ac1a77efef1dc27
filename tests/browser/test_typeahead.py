"""Type-ahead in the search box (static/js/suggest.js): what the typed words name, as links, by keyboard."""

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def test_typing_offers_what_the_words_name_and_the_keyboard_reaches_it(page, live_server, archive):
    page.goto(f"{live_server.url}/statements/")
    box = page.locator("#id_q")
    box.press_sequentially("Япон", delay=30)
    offered = page.locator("#typeahead a")
    expect(offered.first).to_be_visible()
    expect(page.locator("#typeahead")).to_contain_text("Япония")
    expect(page.locator("#typeahead")).to_contain_text("страна")  # what it is, in the page's language
    expect(box).to_have_attribute("aria-controls", "typeahead")

    box.press("ArrowDown")
    expect(offered.first).to_be_focused()
    page.keyboard.press("Escape")
    expect(box).to_be_focused()
    expect(page.locator("#typeahead")).to_be_hidden()

    box.press_sequentially("ия", delay=30)
    expect(offered.first).to_be_visible()
    box.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{live_server.url}/countries/JP/")


def test_a_single_letter_asks_for_nothing(page, live_server, archive):
    asked = []
    page.on("request", lambda request: asked.append(request.url) if "/api/suggest/" in request.url else None)
    page.goto(f"{live_server.url}/statements/")
    page.locator("#id_q").press_sequentially("Я")
    page.wait_for_timeout(500)
    assert asked == []
    expect(page.locator("#typeahead")).to_be_hidden()
