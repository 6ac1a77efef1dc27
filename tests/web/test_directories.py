"""The directories' search box and initials, and person pages in the interface's language."""

import re

import pytest

from statements.extract import extract
from statements.models import Person
from statements.services.store import store_statement
from tests.factories import parsed_statement

pytestmark = pytest.mark.django_db


def ingest(body: str, lang: str = "ru", speakers=()):
    parsed = parsed_statement(body=body, lang=lang, speakers=list(speakers))
    return store_statement(parsed=parsed, extraction=extract(parsed), record={"title": parsed.title}).statement


@pytest.fixture
def named():
    ingest("Сергей Лавров обсудил с Японией мирный договор.")
    ingest("Сергей Лавров и Мария Захарова говорили о Китае.")
    ingest("Владимир Путин встретился с президентом Бразилии.")
    ingest("В.Агапова: Добрый день.", speakers=["В.Агапова"])


def letters(html: str) -> dict[str, int]:
    nav = html[html.index('class="letters"'):html.index("</nav>", html.index('class="letters"'))]
    return {letter: int(n) for letter, n in re.findall(r'letter=[^"]*"[^>]*>(\w) <span class="count">(\d+)', nav)}


def test_people_are_filed_under_their_surnames_initial_with_counts(client, named):
    html = client.get("/people/").content.decode()
    assert letters(html) == {"Л": 1, "З": 1, "П": 1, "А": 1}  # Лавров, Захарова, Путин, Агапова
    listed = client.get("/people/", {"letter": "Л"}).content.decode()
    assert "Сергей Лавров" in listed and "Мария Захарова" not in listed
    assert 'aria-current="page">Л' in listed


def test_the_initials_follow_the_interfaces_language(client, named):
    client.cookies["django_language"] = "en"
    html = client.get("/people/").content.decode()
    # В.Агапова has no English name in the archive: she is filed under her surname in Latin letters.
    assert letters(html) == {"L": 1, "Z": 1, "P": 1, "A": 1}
    assert list(letters(html)) == ["A", "L", "P", "Z"]
    assert "Sergey Lavrov" in client.get("/people/", {"letter": "L"}).content.decode()


def test_an_unknown_letter_shows_everyone(client, named):
    html = client.get("/people/", {"letter": "Ъ"}).content.decode()
    assert "Сергей Лавров" in html and "Мария Захарова" in html


def test_alphabetical_within_a_letter(client):
    for body in ("Сергей Лавров выступил.", "Дмитрий Медведев выступил.", "Михаил Мишустин выступил.",
                 "Дмитрий Медведев и Михаил Мишустин выступили."):
        ingest(body)
    html = client.get("/people/", {"letter": "М"}).content.decode()
    assert html.index("Дмитрий Медведев") < html.index("Михаил Мишустин")  # Медведев before Мишустин


def test_every_directory_has_a_search_box_that_filters_it(client, named):
    for url, query, found, missing in (("/countries/", "Япон", "Япония", "Бразилия"),
                                       ("/people/", "Захар", "Мария Захарова", "Сергей Лавров")):
        html = client.get(url, {"q": query}).content.decode()
        assert 'type="search"' in html
        listed = html[html.index('class="entity-index"'):]
        assert found in listed and missing not in listed
    assert 'type="search"' in client.get("/topics/").content.decode()


def test_people_are_found_by_any_way_the_archive_writes_them(client, named):
    html = client.get("/people/", {"q": "В.Агапова"}).content.decode()
    assert "/people/agapova-v/" in html


def test_a_person_page_names_them_in_the_interfaces_language_with_role_and_variants(client, named):
    ingest("Sergey Lavrov said the talks went well.", lang="en")
    html = client.get("/people/lavrov-sergey/").content.decode()
    assert "<h1>Сергей Лавров</h1>" in html
    assert "Министр иностранных дел" in html  # the role, from people.csv
    assert "Sergey Lavrov" in html  # the other script
    client.cookies["django_language"] = "en"
    html = client.get("/people/lavrov-sergey/").content.decode()
    assert "<h1>Sergey Lavrov</h1>" in html and "Foreign Minister" in html and "Сергей Лавров" in html
    assert Person.objects.get(key="lavrov-sergey").role_en in html


def test_a_person_known_only_in_russian_is_named_in_latin_letters_in_english(client, named):
    person = Person.objects.get(key="agapova-v")
    assert person.name_en == "" and person.name_ru == "В.Агапова"
    client.cookies["django_language"] = "en"
    html = client.get("/people/agapova-v/").content.decode()
    assert "<h1>V.Agapova</h1>" in html and "В.Агапова" in html  # the Russian form too, as "In Russian"
    index = client.get("/people/").content.decode()
    assert "V.Agapova" in index and "В.Агапова" not in index
    search = client.get("/statements/", {"q": "Агапова"}).content.decode()
    facet = search[search.index('data-facet="person"'):]
    assert "V.Agapova" in facet[:facet.index("</section>")]
    # The Russian interface keeps the Russian name.
    client.cookies["django_language"] = "ru"
    assert "<h1>В.Агапова</h1>" in client.get("/people/agapova-v/").content.decode()
