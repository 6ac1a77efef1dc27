"""One pymorphy3 analyser for the process, and the lemmas search indexes."""

import gc

import pymorphy3
import pytest

from statements.extract.countries import find_countries
from statements.extract.people import find_people
from statements.extract.topics import find_topics
from statements.parse.speakers import russian_title_speakers
from statements.text.morph import analyzer, lemma, lemmas, parses


def test_parse_and_extract_share_one_analyser():
    russian_title_speakers("Интервью Министра иностранных дел России С.В.Лаврова")
    find_people("С.В.Лавров встретился с Т.Коно", lang="ru")
    find_countries("Переговоры с Японией", lang="ru")
    find_topics("Борьба с терроризмом", lang="ru")
    # type(), not isinstance(): asking a lazy object or a dead weak proxy for its
    # __class__ runs code (Django's lazy GEOS import) or raises.
    built = [thing for thing in gc.get_objects() if type(thing) is pymorphy3.MorphAnalyzer]
    assert built == [analyzer()]


def test_parses_are_cached():
    assert parses("лаврова") is parses("лаврова")


@pytest.mark.parametrize(
    ("word", "expected"),
    [("островах", "остров"), ("Курилах", "курилы"), ("переговорами", "переговоры"), ("всё", "все")],
)
def test_lemma(word, expected):
    assert lemma(word) == expected


def test_lemmas_of_the_russian_words_of_a_text():
    assert lemmas("Переговоры в Токио (Japan) об островах") == ["переговоры", "в", "токио", "о", "остров"]
