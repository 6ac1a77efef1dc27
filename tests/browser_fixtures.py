"""Headless Chromium driven by Playwright against pytest-django's live server.

Chromium comes from Debian's `chromium` package (`make test` installs it),
else from Playwright's own download where the network allows it. The flags
keep it from calling home, which this network refuses. A screenshot of the
page is kept in test-artifacts/ when a test fails.
"""

import os
import shutil
from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"  # every public page at both widths (tests/browser/test_pages.py)
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"]


def _executable() -> str | None:
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    return None  # Playwright's own browser


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls
    # the tests make around it are ordinary synchronous ones.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=_executable(), args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)


@pytest.hookimpl(tryfirst=True, hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


@pytest.fixture
def page(browser, request):
    context = browser.new_context(locale="ru-RU", viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()



_SESSION_STARTED = [0.0]


def pytest_sessionstart(session):
    import time

    _SESSION_STARTED[0] = time.time()


def pytest_terminal_summary(terminalreporter):
    """Say where the page screenshots are, when this run took any, so a person can look at them."""
    shots = sorted(SCREENSHOTS.glob("*.png")) if SCREENSHOTS.is_dir() else []
    fresh = [p for p in shots if p.stat().st_mtime >= _SESSION_STARTED[0]]
    if fresh:
        terminalreporter.write_sep("-", "screenshots")
        terminalreporter.write_line(f"{len(fresh)} page screenshots (390x844 and 1366x900) in {SCREENSHOTS}")
