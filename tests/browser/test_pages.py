"""Every public page at a phone's and a desktop's width: axe-core finds no serious or critical violation,
nothing scrolls sideways, and a screenshot of each is kept for a person to look at.

axe-core runs inside the page from the copy the axe-playwright-python package ships, so nothing is
fetched at run time. The screenshots go to test-artifacts/screenshots/ (`make test` names the folder
at its end).
"""

from __future__ import annotations

import pytest

from tests.browser_fixtures import SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

WIDTHS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1366, "height": 900}}
BLOCKING = ("serious", "critical")


def _paths() -> dict[str, str]:
    """The public pages, over the seed statement (an agreement, events, Japan, Lavrov, topics)."""
    from statements.models import Person, Statement, Topic

    seed = Statement.objects.get(title__contains="два плюс два")
    person = Person.objects.filter(statement_links__statement=seed).order_by("-statement_links__mentions").first()
    topic = Topic.objects.filter(statements=seed).first()
    return {
        "home": "/",
        "search": "/statements/?q=Курильские+острова",
        "search-filtered": "/statements/?q=Япония&country=JP&date_after=2018-01-01",
        "statement": seed.get_absolute_url(),
        "country": "/countries/JP/",
        "person": person.get_absolute_url(),
        "topic": topic.get_absolute_url(),
        "countries": "/countries/",
        "people": "/people/",
        "topics": "/topics/",
        "calendar": "/events/?month=2018-08",
        "agreements": "/agreements/",
        "not-found": "/statements/999999/",
    }


PAGES = ["home", "search", "search-filtered", "statement", "country", "person", "topic", "countries", "people",
         "topics", "calendar", "agreements", "not-found"]


def _blocking(results: dict) -> list[str]:
    return [f"{v['id']} ({v['impact']}): {v['help']} -- " + "; ".join(" ".join(n["target"]) for n in v["nodes"][:5])
            for v in results["violations"] if v["impact"] in BLOCKING]


@pytest.mark.parametrize("name", PAGES)
def test_page_is_accessible_and_fits_the_screen(browser, live_server, archive, name):
    from axe_playwright_python.sync_playwright import Axe

    path = _paths()[name]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    problems = []
    for label, viewport in WIDTHS.items():
        context = browser.new_context(locale="ru-RU", viewport=viewport)
        page = context.new_page()
        page.set_default_timeout(15_000)
        try:
            response = page.goto(live_server.url + path)
            assert response.status == (404 if name == "not-found" else 200), f"{path}: {response.status}"
            page.screenshot(path=str(SCREENSHOTS / f"{name}-{label}.png"), full_page=True)
            overflow = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            if overflow[0] > overflow[1]:
                wide = page.evaluate("""() => [...document.querySelectorAll('body *')]
                    .filter(e => e.getBoundingClientRect().right > window.innerWidth + 0.5
                                 || (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible'))
                    .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : ''))""")
                problems.append(f"{label}: the page is {overflow[0]} px wide on a {overflow[1]} px screen ({wide})")
            problems += [f"{label}: {v}" for v in _blocking(Axe().run(page).response)]
        finally:
            context.close()
    assert not problems, f"{path}\n" + "\n".join(problems)


def test_the_bibtex_entry_is_copied_with_one_tap(browser, live_server, archive):
    from statements.models import Statement

    seed = Statement.objects.get(title__contains="два плюс два")
    context = browser.new_context(locale="ru-RU", viewport=WIDTHS["phone"])
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page = context.new_page()
    try:
        page.goto(live_server.url + seed.get_absolute_url())
        button = page.get_by_role("button", name="Копировать")
        button.click()  # hidden without scripts; shown and working with them
        page.get_by_role("status").filter(has_text="Скопировано").wait_for()
        copied = page.evaluate("navigator.clipboard.readText()")
        assert copied.startswith("@misc{lavrov2018-") and "date = 2018-07-31" in copied
        box = button.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44  # a tap target on a phone
    finally:
        context.close()


# Every control of the site's header: the name, the sections, the language switch.
HEADER_TARGETS = """() => [...document.querySelectorAll(
    '.site-header a, .site-header button, .site-header select, .site-header input:not([type=hidden])')]
  .filter(e => e.getClientRects().length)
  .map(e => { const box = e.getBoundingClientRect();
              return [e.outerHTML.slice(0, 60), box.width, box.height, box.top, box.left]; })"""


@pytest.mark.parametrize("lang", ["ru-RU", "en-GB"])
def test_the_headers_tap_targets_on_a_phone_and_its_row_on_a_desktop(browser, live_server, archive, lang):
    """On a phone every target of the header is at least 44 px each way (WCAG 2.5.5) and none overlaps
    another; on a desktop the sections stay one row beside the archive's name."""
    context = browser.new_context(locale=lang, viewport=WIDTHS["phone"], is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        page.goto(live_server.url + "/")
        page.locator(".site-header").screenshot(path=str(SCREENSHOTS / f"header-phone-{lang}.png"))
        targets = page.evaluate(HEADER_TARGETS)
        assert len(targets) >= 8, targets  # the name, six sections, the language's list and button
        small = [t for t in targets if t[1] < 44 or t[2] < 44]
        assert not small, small
        boxes = [(left, top, left + width, top + height) for _, width, height, top, left in targets]
        overlapping = [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:]  # (half a pixel of rounding)
                       if a[0] < b[2] - .5 and b[0] < a[2] - .5 and a[1] < b[3] - .5 and b[1] < a[3] - .5]
        assert not overlapping, overlapping
        assert page.evaluate("document.documentElement.scrollWidth") <= WIDTHS["phone"]["width"]
        # The other language is one tap away, named in its own language.
        other, section = ("English", "Statements") if lang == "ru-RU" else ("Русский", "Заявления")
        page.get_by_role("button", name=other).click()
        page.locator(".site-header nav a", has_text=section).wait_for()
    finally:
        context.close()
    context = browser.new_context(locale=lang, viewport=WIDTHS["desktop"])
    page = context.new_page()
    try:
        page.goto(live_server.url + "/")
        page.locator(".site-header").screenshot(path=str(SCREENSHOTS / f"header-desktop-{lang}.png"))
        sections = page.locator(".site-header nav a")
        tops = {round(sections.nth(i).bounding_box()["y"]) for i in range(sections.count())}
        assert len(tops) == 1, tops  # one row
        brand = page.locator(".site-header .brand").bounding_box()
        assert abs(brand["y"] + brand["height"] / 2 - (min(tops) + sections.first.bounding_box()["height"] / 2)) < 12
        assert page.locator(".site-header").bounding_box()["height"] <= 90
    finally:
        context.close()
