"""A Russian surname in the nominative: "Лаврова" -> "Лавров", "Захаровой" ->
"Захарова", "Лавровым" -> "Лавров".

One word can be two readings ("Лаврова" is his genitive and her nominative),
so the caller says which cases its context allows: running text most often
names a person in the nominative, a title ("Интервью С.В.Лаврова") in an
oblique case, "имени М.В.Ломоносова" in the genitive.
"""

from __future__ import annotations

import re

from statements.text.morph import parses
from statements.text.particles import NAME_PARTICLES
from statements.text.scripts import is_cyrillic

# The cases a context allows, likeliest first.
NOMINATIVE = ("nomn",)
GENITIVE = ("gent",)
TITLE_CASES = ("gent", "datv", "ablt", "accs", "loct", "nomn")  # in the order titles use them

# A word pymorphy3 reads as no surname stays as it is where a nominative fits:
# foreign surnames in a vowel do not decline ("Эмбало"), and these endings
# are a nominative's ("Иванов", "Иванова", "Мединская").
UNDECLINED_FINALS = "еиоуэю"
NOMINATIVE_ENDING = re.compile(r"(?:ов|ев|ёв|ин|ын|ский|цкий|ской|ова|ева|ёва|ина|ына|ская|цкая)$")
NOT_GENITIVE_FINALS = "еиуэю"  # "имени А.Ф.Иоффе": an indeclinable surname
# (ending, replacement) for the other words pymorphy3 reads as no surname.
NOMINATIVE_RULES = (
    (re.compile(r"(ов|ев|ин|ын)(ой|у)$"), r"\1а"),
    (re.compile(r"(ов|ев|ин|ын)(а|у|ым|е)$"), r"\1"),
    (re.compile(r"(ск|цк)(ого|ому|им|ом)$"), r"\1ий"),
    (re.compile(r"(ск|цк)(ой|ую)$"), r"\1ая"),
)


def surname_nominative(word: str, *, cases: tuple[str, ...] = NOMINATIVE) -> str:
    """One word of a surname in the nominative, read in the cases the context allows.

    A surname reading beats a given-name one, and an allowed case the others.
    Words pymorphy3 reads as no surname go by their endings.
    """
    lower = word.lower()
    if lower in NAME_PARTICLES or not is_cyrillic(lower):
        return word
    readings = [p for p in parses(lower) if "sing" in p.tag and ("Surn" in p.tag or "Name" in p.tag)]
    nominative = "nomn" in cases
    if nominative and not any("Surn" in p.tag for p in readings):
        if lower[-1] in UNDECLINED_FINALS or NOMINATIVE_ENDING.search(lower):
            return word
    if cases == GENITIVE and lower[-1] in NOT_GENITIVE_FINALS:
        return word

    def rank(parse) -> tuple[bool, int]:
        # Surname readings by the cases allowed; given-name ones after, likeliest first.
        if "Surn" not in parse.tag:
            return True, 0
        return False, cases.index(parse.tag.case) if parse.tag.case in cases else len(cases)

    for reading in sorted(readings, key=rank):
        if nominative and reading.tag.case == "nomn":
            return word
        form = reading.inflect({"nomn"})
        if form:
            return restore_case(word, form.word)
    return restore_case(word, nominative_by_rule(lower))


def nominative_by_rule(word: str) -> str:
    for pattern, replacement in NOMINATIVE_RULES:
        if pattern.search(word):
            return pattern.sub(replacement, word)
    return word


def restore_case(model: str, word: str) -> str:
    """word in model's capitals: all of them ("ЛАВРОВ"), else each part's first."""
    if model.isupper() and len(model) > 1:
        return word.upper()
    return "-".join(part[:1].upper() + part[1:] for part in word.split("-"))
