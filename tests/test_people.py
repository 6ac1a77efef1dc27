"""One person, one row: names written with and without initials, in either script, meet in one person,
at ingestion and through `manage.py merge_people` for an archive ingested before."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from statements.extract import extract
from statements.extract.people import key_parts, resolve_keys
from statements.models import Person, PersonName, Statement, StatementPerson
from statements.services.store import store_statement
from tests.factories import parsed_statement


@pytest.mark.parametrize(("keys", "expected"), [
    # A bare surname beside the one fuller writing of it in the statement.
    (["agapova", "agapova-v"], {"agapova": "agapova-v", "agapova-v": "agapova-v"}),
    # "Ivanov" beside "Игорь Иванов" (a person of the table) is him; "И.Иванов" too.
    (["ivanov", "ivanov-igor"], {"ivanov": "ivanov-igor", "ivanov-igor": "ivanov-igor"}),
    (["ivanov", "ivanov-i", "ivanov-igor"], {"ivanov": "ivanov-igor", "ivanov-i": "ivanov-igor",
                                             "ivanov-igor": "ivanov-igor"}),
    # Two people of that surname: the bare one could be either, and stays.
    (["ivanov", "ivanov-i", "ivanov-n"], {"ivanov": "ivanov", "ivanov-i": "ivanov-i", "ivanov-n": "ivanov-n"}),
    # Another initial is another person.
    (["zakharova-a", "zakharova-maria"], {"zakharova-a": "zakharova-a", "zakharova-maria": "zakharova-maria"}),
    # A longer surname is another surname.
    (["lvova", "lvova-belova-maria"], {"lvova": "lvova", "lvova-belova-maria": "lvova-belova-maria"}),
])
def test_a_bare_surname_or_initials_go_to_the_fuller_writing_in_the_statement(keys, expected):
    assert resolve_keys(keys) == expected


def test_key_parts_read_both_scripts_of_a_table_row():
    lavrov = key_parts("lavrov-sergey")
    assert lavrov.table and lavrov.surnames == {"lavrov"} and "s" in lavrov.initials
    assert key_parts("lavrov").could_be(lavrov) and key_parts("lavrov-s").could_be(lavrov)
    assert not key_parts("lavrov-a").could_be(lavrov)
    assert key_parts("bkhutto-zardari-b").surnames == {"bkhutto-zardari"}


def ingest(body: str, *, lang: str = "ru", speakers=()):
    parsed = parsed_statement(body=body, lang=lang, speakers=list(speakers))
    return store_statement(parsed=parsed, extraction=extract(parsed), record={"title": parsed.title}).statement


def people_of(statement) -> set[str]:
    return set(StatementPerson.objects.filter(statement=statement).values_list("person__key", flat=True))


@pytest.mark.django_db
def test_a_transcript_naming_someone_with_and_without_initials_links_one_person():
    statement = ingest("Вопрос к В.Агаповой. В.Агапова: Спасибо. Агапова: Добавлю.",
                       speakers=["В.Агапова", "Агапова"])
    assert people_of(statement) == {"agapova-v"}
    assert Person.objects.filter(key__startswith="agapova").count() == 1
    assert set(PersonName.objects.filter(person__key="agapova-v").values_list("name", flat=True)) >= {
        "В.Агапова", "Агапова"}


@pytest.mark.django_db
def test_a_bare_surname_ingested_first_is_absorbed_by_the_fuller_name_that_comes_later():
    first = ingest("Агапова: Добрый день.", speakers=["Агапова"])
    assert people_of(first) == {"agapova"}
    second = ingest("В.Агапова: Добрый вечер.", speakers=["В.Агапова"])
    assert people_of(second) == {"agapova-v"} and people_of(first) == {"agapova-v"}
    assert not Person.objects.filter(key="agapova").exists()
    # And a bare surname after that goes straight to her.
    assert people_of(ingest("Агапова: До свидания.", speakers=["Агапова"])) == {"agapova-v"}
    # The search by person finds all three: their vectors name the one row.
    person = Person.objects.get(key="agapova-v")
    assert Statement.objects.search("", required=[f"@person:{person.pk}"]).count() == 3


@pytest.mark.django_db
def test_a_speaker_labelled_by_surname_is_the_person_of_that_name_the_statement_names():
    # "Ivanov:" alone could be any of three Ivanovs of the table; the text names Igor Ivanov.
    statement = ingest("Igor Ivanov met the press. The talks went well.", lang="en", speakers=["Ivanov"])
    assert people_of(statement) == {"ivanov-igor"}
    assert Person.objects.get(key="ivanov-igor").name_in("en") == "Igor Ivanov"
    assert Person.objects.get(key="ivanov-igor").name_in("ru") == "Игорь Иванов"


SIX = ["В.Агапова", "С.Лавров", "М.Захарова", "Д.Песков", "Ю.Ушаков", "А.Руденко"]


@pytest.mark.django_db
def test_storing_a_statement_reads_the_people_once_for_all_its_names():
    """The archive's people and name variants are read in one query each for all of a statement's names
    (services.people.ArchivePeople): a statement naming six known people costs no more queries than one
    naming two."""
    ingest("Добрый день.", speakers=SIX)

    def queries(speakers) -> int:
        with CaptureQueriesContext(connection) as captured:
            statement = ingest("Добрый вечер.", speakers=speakers)
        assert len(people_of(statement)) == len(speakers)
        return len(captured)

    assert queries(SIX) == queries(SIX[:2])
    assert Person.objects.count() == 6 and set(PersonName.objects.values_list("name", flat=True)) >= set(SIX)


def duplicate(key: str, name_ru: str = "", name_en: str = "", *statements):
    person = Person.objects.create(key=key, name_ru=name_ru, name_en=name_en)
    PersonName.objects.create(person=person, name=name_ru or name_en)
    for statement in statements:
        StatementPerson.objects.create(statement=statement, person=person, role="speaker")
    return person


@pytest.mark.django_db
def test_merge_people_merges_the_duplicates_of_an_archive_ingested_before(capsys):
    # Rows as the matching before this fix left them: a row per writing.
    one, two, three = (ingest(f"Текст номер {n}.") for n in range(3))
    duplicate("kurenkov", "", "Kurenkov", one)
    duplicate("kurenkov-a", "А.Куренков", "", two)
    duplicate("ivanov", "", "Ivanov", one, three)
    duplicate("ivanov-igor", "Игорь Иванов", "Igor Ivanov", one)
    duplicate("ivanov-n", "Н.Иванов", "", two)
    with connection.cursor() as cursor:  # the people's lexemes in the vectors, as the store writes them
        cursor.execute("UPDATE statements_statement s SET search_vector = search_vector || "
                       "coalesce((SELECT array_to_tsvector(array_agg(DISTINCT '@person:' || person_id)) "
                       "FROM statements_statementperson WHERE statement_id = s.id), '')")

    call_command("merge_people", "--dry-run")
    assert "would merge" in capsys.readouterr().out
    assert Person.objects.filter(key="kurenkov").exists()  # a dry run changes nothing

    call_command("merge_people")
    out = capsys.readouterr().out
    assert "kurenkov merged into kurenkov-a" in out
    assert "ivanov links moved to ivanov-igor" in out
    assert not Person.objects.filter(key="kurenkov").exists()
    kurenkov = Person.objects.get(key="kurenkov-a")
    assert (kurenkov.name_ru, kurenkov.name_en) == ("А.Куренков", "Kurenkov")  # the other script kept
    assert set(kurenkov.statement_links.values_list("statement", flat=True)) == {one.pk, two.pk}
    assert "Kurenkov" in set(kurenkov.names.values_list("name", flat=True))
    # "Ivanov" in the statement naming Igor Ivanov is him; in the other it could be anyone, and stays.
    assert people_of(one) >= {"ivanov-igor"} and "ivanov" not in people_of(one)
    assert "ivanov" in people_of(three)
    # The moved links are found by a search for the person they now name.
    found = Statement.objects.search("", required=[f"@person:{kurenkov.pk}"])
    assert set(found.values_list("pk", flat=True)) == {one.pk, two.pk}
    # A second run finds nothing left to do.
    call_command("merge_people")
    assert "merged 0 row(s); 0 change(s)" in capsys.readouterr().out


@pytest.mark.django_db
def test_roles_of_the_people_of_the_table_follow_people_csv_after_migrate():
    from statements.services.vocabularies import sync_people

    lavrov = Person.objects.create(key="lavrov-sergey", name_ru="Сергей Лавров")  # as ingested before roles
    other = Person.objects.create(key="agapova-v", name_ru="В.Агапова")
    assert sync_people(Person) == 1
    lavrov.refresh_from_db()
    assert lavrov.role_en == "Foreign Minister of Russia" and lavrov.role_ru == "Министр иностранных дел России"
    assert lavrov.name_en == "Sergey Lavrov"  # a missing name filled, a present one kept
    other.refresh_from_db()
    assert (other.role_ru, other.role_en) == ("", "")
    assert sync_people(Person) == 0  # nothing left to change


@pytest.mark.django_db
def test_the_archive_people_of_a_surname_are_read_by_its_prefix_taken_literally():
    """A surname's rows are its key and the keys that start with "surname-"; "_" and "%" in a surname match
    only themselves (they are LIKE's wildcards)."""
    from statements.services.people import ArchivePeople

    for key in ("o_neil", "o_neil-p", "oxneil-p", "o_neilson-p", "o%neil-k", "ozzneil-k"):
        Person.objects.create(key=key)
    people = ArchivePeople()
    people.load(surnames={"o_neil", "o%neil"})
    assert set(people.ids) == {"o_neil", "o_neil-p", "o%neil-k"}
    assert people.covers("o_neil-x") and not people.covers("oxneil-p")
