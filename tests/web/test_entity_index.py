"""/countries/, /people/ and /topics/: what the archive names, most named first, each one click from the menu."""

import pytest

from statements.extract import extract
from statements.services.store import store_statement
from tests.factories import parsed_statement

pytestmark = pytest.mark.django_db


def ingest(title: str, body: str, lang: str = "ru"):
    parsed = parsed_statement(title=title, body=body, lang=lang)
    return store_statement(parsed=parsed, extraction=extract(parsed), record={"title": title}).statement


@pytest.fixture
def named():
    ingest("О Японии", "Сергей Лавров обсудил с Японией мирный договор.")
    ingest("О Японии и Китае", "Япония и Китай провели консультации. Сергей Лавров выступил.")
    ingest("О Китае", "Китай предложил переговоры.")
    ingest("О Китае и России", "Китай и Россия подписали соглашение.")


def test_countries_most_named_first_with_counts(client, named):
    html = client.get("/countries/").content.decode()
    assert html.index("Китай") < html.index("Япония") < html.index("Россия")
    assert "/countries/JP/" in html and "3 заявления" in html and "1 заявление" in html
    assert "Бразилия" not in html  # named nowhere


def test_people_are_found_by_name_in_either_language(client, named):
    html = client.get("/people/", {"q": "Лавров"}).content.decode()
    assert "/people/" in html and "Лавров" in html and "2 заявления" in html
    assert "Никто с таким именем" in client.get("/people/", {"q": "Незнакомцев"}).content.decode()


def test_topics_and_the_menu_lead_to_the_indexes(client, named):
    assert client.get("/topics/").status_code == 200
    home = client.get("/").content.decode()
    for url in ("/countries/", "/people/", "/topics/"):
        assert f'href="{url}"' in home


def test_a_page_past_the_last_is_the_last(client, named):
    assert client.get("/countries/", {"page": "99"}).status_code == 200
    assert client.get("/countries/", {"page": "x"}).status_code == 200
