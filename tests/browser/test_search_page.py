"""The search page on a phone (390x844) and a desktop (1366x900), in a real browser."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from tests.factories import make_statement

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 900}

# Controls a finger must hit, in the page's main part. Links inside a sentence (a speaker's name in a
# result's line of facts, a notice) are exempt, as WCAG 2.5.8 exempts inline targets.
SMALL_TARGETS = """() => [...document.querySelectorAll(
    'main a, main button, main input:not([type=hidden]), main select, main summary')]
  .filter(e => e.getClientRects().length && !e.closest('p'))
  .map(e => [e.outerHTML.slice(0, 80), e.getBoundingClientRect().height])
  .filter(([, height]) => height < 44)"""


@pytest.fixture
def search_archive(archive):
    """The seed and its neighbour, and twenty statements on Japan: facets with several values, two pages."""
    for n in range(22):
        make_statement(title=f"Комментарий о Японии номер {n}", body=f"Япония и Россия: консультации номер {n}.",
                       published_on=dt.date(2020, 1, 1) + dt.timedelta(days=n), kind="comment" if n % 2 else "speech")


def open_search(page, live_server, viewport, query="q=Япония&kind=comment"):
    page.set_viewport_size(viewport)
    page.goto(f"{live_server.url}/statements/?{query}")
    expect(page.locator(".statement-row").first).to_be_visible()


def test_on_a_phone_the_first_result_is_on_the_first_screen(page, live_server, search_archive):
    open_search(page, live_server, PHONE)
    first = page.locator(".statement-row").first.bounding_box()
    assert first["y"] + 40 < PHONE["height"], first
    # The facets and the form wait behind "Filters", closed; the page does not open it.
    details = page.locator("details.filters")
    expect(details).not_to_have_attribute("open", re.compile(".*"))
    expect(page.locator(".facet").first).to_be_hidden()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert page.evaluate(SMALL_TARGETS) == []

    # Opened, the filters are usable with a finger too, and still no sideways scroll.
    page.locator("details.filters > summary").click()
    expect(page.locator(".facet[data-facet=kind]")).to_be_visible()
    assert page.evaluate(SMALL_TARGETS) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_on_a_phone_a_chip_removes_its_filter(page, live_server, search_archive):
    open_search(page, live_server, PHONE)
    expect(page.locator(".statement-row")).to_have_count(11)
    page.locator("a.chip[data-name=kind]").click()
    expect(page).not_to_have_url(re.compile(r"kind="))
    expect(page).to_have_url(re.compile(r"q=%D0%AF%D0%BF%D0%BE%D0%BD%D0%B8%D1%8F|q=Япония"))
    expect(page.locator("a.chip[data-name=kind]")).to_have_count(0)
    expect(page.locator("#results-heading")).to_contain_text("23")  # the seed names Japan too


def test_on_a_phone_a_country_is_chosen_by_typing_its_name(page, live_server, search_archive):
    open_search(page, live_server, PHONE, "q=Лавров")
    page.locator("details.filters > summary").click()
    page.locator("#id_country").fill("Япония")
    page.locator(".filter-form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"country=JP"))
    expect(page.locator("a.chip[data-name=country]")).to_contain_text("Япония")
    expect(page.locator(".statement-row")).to_have_count(1)


def test_on_a_desktop_the_facets_are_a_sidebar_beside_the_results(page, live_server, search_archive):
    open_search(page, live_server, DESKTOP, "q=Лавров OR Япония")
    facet = page.locator(".facet[data-facet=country]")
    expect(facet).to_be_visible()
    expect(page.locator("details.filters > summary")).to_be_hidden()
    results = page.locator(".results").bounding_box()
    sidebar = facet.bounding_box()
    assert sidebar["x"] + sidebar["width"] <= results["x"], (sidebar, results)
    assert page.locator(".statement-row").first.bounding_box()["y"] < DESKTOP["height"]
    assert page.evaluate("document.documentElement.scrollWidth") <= DESKTOP["width"]

    # A facet clicked is a chip; the facet, clicked again, takes it away.
    page.locator(".facet[data-facet=country] a[data-value=JP]").click()
    expect(page.locator("a.chip[data-name=country][data-value=JP]")).to_be_visible()
    page.locator(".facet[data-facet=country] a[data-value=JP]").click()
    expect(page.locator("a.chip[data-name=country]")).to_have_count(0)
