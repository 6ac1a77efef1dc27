"""A reader's path through the archive, in a real browser."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def test_search_filter_open_a_statement_and_follow_a_country(page, live_server, archive):
    page.goto(f"{live_server.url}/")
    page.get_by_role("searchbox").fill("Курильский остров")
    page.get_by_role("search").get_by_role("button").click()

    rows = page.locator(".statement-row")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("два плюс два")
    expect(rows.first.locator(".snippet mark").first).to_be_visible()

    # Narrow by a country: the facet's count is the number of results the click gives.
    item = page.locator(".facet[data-facet=country] li", has=page.locator("a[data-value=JP]"))
    count = int(item.locator(".count").inner_text())
    item.locator("a").click()
    expect(page).to_have_url(re.compile(r"[?&]country=JP\b"))
    expect(page.locator(".statement-row")).to_have_count(count)

    page.locator(".statement-row h3 a").first.click()
    expect(page.locator("h1")).to_contain_text("Лаврова")
    expect(page.locator("mark.agreement").first).to_be_visible()
    expect(page.locator("mark.event").first).to_be_visible()
    expect(page.locator(".body")).not_to_contain_text("补充资料")

    page.locator("dd a[href='/countries/JP/']").click()
    expect(page.locator("h1")).to_contain_text("Япония")
    expect(page.locator(".statement-row")).to_have_count(1)


def test_calendar_shows_the_announced_business_mission_at_its_precision(page, live_server, archive):
    page.goto(f"{live_server.url}/events/?month=2018-08")
    august = page.locator(".month")
    expect(august).to_contain_text("16 августа 2018")
    page.goto(f"{live_server.url}/events/?month=2018-09")
    expect(page.locator(".month")).to_contain_text("первая декада сентября 2018")
