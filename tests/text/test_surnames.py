"""A Russian surname in the nominative, read in the cases its context allows."""

import pytest

from statements.text.surnames import GENITIVE, NOMINATIVE, TITLE_CASES, surname_nominative


@pytest.mark.parametrize(
    ("word", "nominative"),
    [
        ("Лаврова", "Лавров"),  # "Интервью ... С.В.Лаврова": his genitive
        ("Лавровым", "Лавров"),
        ("Захаровой", "Захарова"),
        ("Путина", "Путин"),
        ("Путину", "Путин"),
        ("Шойгу", "Шойгу"),
        ("Лавров", "Лавров"),
        ("Силуанов", "Силуанов"),  # not a plural "Силуаны"
    ],
)
def test_in_a_title(word, nominative):
    assert surname_nominative(word, cases=TITLE_CASES) == nominative


@pytest.mark.parametrize(
    ("word", "nominative"),
    [
        ("Лаврова", "Лаврова"),  # "Е.Лаврова": her nominative
        ("Корочкиной", "Корочкина"),
        ("Лавровым", "Лавров"),
        ("Эмбало", "Эмбало"),  # foreign, does not decline
        ("Бен", "Бен"),  # a particle
        ("Lavrov", "Lavrov"),
    ],
)
def test_in_running_text(word, nominative):
    assert surname_nominative(word, cases=NOMINATIVE) == nominative


@pytest.mark.parametrize(
    ("word", "nominative"),
    [("Ломоносова", "Ломоносов"), ("Иоффе", "Иоффе")],  # "имени М.В.Ломоносова", "имени А.Ф.Иоффе"
)
def test_after_imeni(word, nominative):
    assert surname_nominative(word, cases=GENITIVE) == nominative
