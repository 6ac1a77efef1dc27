"""Every machine-made agreement and event a page shows says whether an editor verified it; rejected ones
are shown nowhere."""

import datetime as dt

import pytest

from statements.choices import Origin
from statements.extract.records import Extraction, TopicMatch
from statements.models import Agreement, Event
from tests.factories import agreement, event, make_statement

pytestmark = pytest.mark.django_db

YEAR = dt.date.today().year + 1
BODY = ("Стороны договорились о безвизовых поездках. Стороны договорились о рыболовстве. "
        "Министры встретятся 10 марта в Токио. Эксперты встретятся 12 марта в Москве.")
VERIFIED, UNVERIFIED = "проверено редактором", "извлечено автоматически, не проверено"


@pytest.fixture
def statement():
    sentences = BODY.split(". ")
    statement = make_statement(title="Переговоры с Японией", body=BODY, extraction=Extraction(
        agreements=[agreement(BODY, sentences[0] + "."), agreement(BODY, sentences[1] + ".")],
        events=[event(BODY, sentences[2] + ".", dt.date(YEAR, 3, 10), dt.date(YEAR, 3, 10), title="министры",
                      countries=["JP"]),
                event(BODY, sentences[3], dt.date(YEAR, 3, 12), dt.date(YEAR, 3, 12), title="эксперты",
                      countries=["JP"])],
        countries={"JP": 2, "RU": 1}, topics=[TopicMatch("peace-treaty", "договорились")],
    )).statement
    Agreement.objects.filter(text__contains="безвизовых").update(verified=True)
    Agreement.objects.filter(text__contains="рыболовстве").update(rejected=True)
    Event.objects.filter(title="министры").update(origin=Origin.EDITOR)  # an editor's own event
    Event.objects.filter(title="эксперты").update(rejected=True)
    return statement


def item(html: str, text: str) -> str:
    """The list item (or grid cell) that shows `text`."""
    at = html.index(text)
    return html[html.rindex("<li", 0, at):html.index("</li>", at)]


PAGES = ["/", "/agreements/", "/events/?month={YEAR}-03", "/countries/JP/", "/topics/peace-treaty/", "{statement}"]


@pytest.mark.parametrize("url", PAGES)
def test_rejected_items_are_shown_nowhere(client, statement, url):
    response = client.get(url.format(YEAR=YEAR, statement=statement.get_absolute_url()))
    assert response.status_code == 200
    html = response.content.decode()
    # The statement page shows the whole text, in which only what was not rejected is marked.
    assert html.count('<mark id="agreement-') == (1 if url == "{statement}" else 0)
    assert html.count('<mark id="event-') == (1 if url == "{statement}" else 0)
    shown = html.split('<section class="body"')[0]
    assert "рыболовстве" not in shown and "эксперты" not in shown and "Эксперты" not in shown


@pytest.mark.parametrize("url, shows", [
    ("/", ("безвизовых", "министры")),
    ("/agreements/", ("безвизовых",)),
    ("/events/?month={YEAR}-03", ("министры",)),
    ("/countries/JP/", ("безвизовых", "министры")),
    ("{statement}", ("безвизовых", "министры")),
])
def test_verified_and_editor_made_items_say_an_editor_verified_them(client, statement, url, shows):
    html = client.get(url.format(YEAR=YEAR, statement=statement.get_absolute_url())).content.decode()
    for text in shows:
        mark = item(html.replace('<li class="statement-row"', "<div"), f"{text}")
        assert VERIFIED in mark and UNVERIFIED not in mark


def test_machine_items_say_they_are_not_yet_verified_in_either_language(client, statement):
    Agreement.objects.update(verified=False)
    html = client.get("/agreements/").content.decode()
    assert UNVERIFIED in item(html, "безвизовых") and VERIFIED not in html
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = client.get("/agreements/").content.decode()
    assert "machine-extracted, not yet verified" in item(html, "безвизовых")
    Agreement.objects.update(verified=True)
    assert "verified by an editor" in item(client.get("/agreements/").content.decode(), "безвизовых")


def test_a_country_page_lists_the_agreements_the_country_is_a_party_to(client, statement):
    other = "Россия и Китай договорились о поставках."
    make_statement(title="Заявление о Японии и Китае", body=other, extraction=Extraction(
        agreements=[agreement(other, other, parties=("CN", "RU"))], countries={"JP": 1, "CN": 1}))
    html = client.get("/countries/JP/").content.decode()
    assert "Заявление о Японии и Китае" in html  # the statement names Japan
    assert "поставках" not in html  # but Japan is no party to its agreement
    assert "поставках" in client.get("/countries/CN/").content.decode()


def test_the_ical_feed_says_who_made_each_event(client, statement):
    from icalendar import Calendar

    Event.objects.filter(title="эксперты").update(rejected=False)
    events = {str(e["summary"]): str(e["description"])
              for e in Calendar.from_ical(client.get("/feeds/events.ics").content).walk("VEVENT")}
    assert events["министры"].endswith("verified by an editor)")
    assert events["эксперты"].endswith("machine-extracted, not yet verified)")
