"""On a phone (390x844) the home page's first screen shows a dated event and an agreement; charts and
the calendar fit the screen."""

import datetime as dt

import pytest

from statements.extract.records import Extraction
from tests.factories import agreement, event, make_statement

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
AHEAD = dt.date.today().year + 1
BODY = ("Президент Российской Федерации и Председатель КНР договорились продолжить тесную координацию "
        "внешнеполитических шагов и поддерживать регулярные контакты на высшем уровне. "
        "Министры иностранных дел двух стран встретятся 14 мая в Пекине для подготовки визита. "
        "Российско-китайский форум по энергетике пройдёт в следующем году в Москве.")


@pytest.fixture
def busy_archive():
    sentences = [s if s.endswith(".") else s + "." for s in BODY.split(". ")]
    for n in range(12):
        make_statement(title="Заявление МИД России о долгосрочном сотрудничестве в области стратегической "
                             f"стабильности и контроля над вооружениями, часть {n}", body=BODY,
                       published_on=dt.date(2025, 1, 1) + dt.timedelta(days=40 * n),
                       extraction=Extraction(
                           agreements=[agreement(BODY, sentences[0], parties=("CN", "RU"))],
                           events=[event(BODY, sentences[1], dt.date(AHEAD, 5, 14), dt.date(AHEAD, 5, 14),
                                         title=f"встреча министров {n}", countries=["CN"]),
                                   event(BODY, sentences[2], dt.date(AHEAD, 1, 1), dt.date(AHEAD, 12, 31),
                                         precision="year", title="форум по энергетике")],
                           countries={"CN": 1, "RU": 1}))


@pytest.fixture
def phone(browser):
    context = browser.new_context(locale="ru-RU", viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def fits_the_screen(page):
    return page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_the_first_screen_shows_a_dated_event_and_an_agreement(phone, live_server, busy_archive):
    phone.goto(f"{live_server.url}/")
    event_box = phone.locator(".home-columns .event-item").first.bounding_box()
    agreement_box = phone.locator(".home-columns .agreement-item").first.bounding_box()
    assert "14 мая" in phone.locator(".home-columns .event-item").first.inner_text()
    assert event_box["y"] + event_box["height"] <= PHONE["height"]
    assert agreement_box["y"] + 40 <= PHONE["height"]  # at least its first lines
    assert fits_the_screen(phone)


@pytest.mark.parametrize("url", ["/events/", "/countries/CN/", "/agreements/", "/no-such-page/"])
def test_pages_do_not_scroll_sideways_on_a_phone(phone, live_server, busy_archive, url):
    phone.goto(f"{live_server.url}{url}")
    assert fits_the_screen(phone)
    if url == "/countries/CN/":
        figure = phone.locator(".chart-figure")
        assert figure.locator("figcaption").inner_text().startswith("Заявления по месяцам")
        # The axis labels keep a readable size when the chart is squeezed.
        size = phone.locator(".chart-x span").first.evaluate("e => parseFloat(getComputedStyle(e).fontSize)")
        assert size >= 11
