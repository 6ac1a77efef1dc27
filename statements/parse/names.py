"""People's names: the surname in a speaker label or a title ("С.В.Лавров",
"Х.Бен Тарек Аль Саид", an English "Mr. Molotov").

A title's "С.В.Лаврова" is put in the nominative by statements/text/surnames.py.
"""

from __future__ import annotations

import re

from statements.text.particles import NAME_PARTICLES

# "С.В.Лавров", "В.Путин", "Х.Бен Тарек Аль Саид", "S.Lavrov": initials glued
# to the surname, or followed by a blank.
# A bracketed aside with the blanks around it: "Лавров (по-русски)". Blanks from where
# they start; only up to the last ")" (see without_asides).
ASIDE = re.compile(r"(?:(?<!\s)\s*+)?\([^)]*+\)\s*+")
BLANKS = re.compile(r"\s*+")
INITIALS = re.compile(r"^(?:[A-ZА-ЯЁ]\.\s?){1,2}(?=[A-ZА-ЯЁ])")
# A person's name written with initials anywhere in a text.
INITIALLED_NAME = re.compile(
    r"(?<![\w.])(?P<initials>(?:[А-ЯЁ]\.\s?){1,2})(?P<surname>[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?)(?![\w.])"
)

# Surnames that come first in East Asian names written in Russian ("Ван И",
# "Си Цзиньпин", "Ли Хи Ён", "То Лам"): the first word is the surname there.
EAST_ASIAN_SURNAMES = {
    "ван", "ли", "чжан", "лю", "чэнь", "ян", "хуан", "чжао", "у", "чжоу", "сюй", "сунь", "ма", "чжу",
    "ху", "го", "хэ", "гао", "линь", "ло", "чжэн", "лян", "се", "сун", "тан", "хань", "фэн", "дэн",
    "цао", "пэн", "цзэн", "сяо", "тянь", "дун", "пань", "юань", "цай", "цзян", "юй", "ду", "е", "чэн",
    "вэй", "су", "люй", "дин", "жэнь", "шэнь", "яо", "лу", "цуй", "чжун", "тань", "лэй",
    "си", "цинь", "ким", "пак", "чхве", "чон", "кан", "чо", "юн", "чан", "лим", "хан", "о", "со", "син",
    "квон", "хван", "ан", "сон", "ю", "хон", "нгуен", "фам", "хоанг", "фан", "ву", "во", "данг", "буй",
    "до", "хо", "нго", "зыонг", "то",
    "wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "zhu",
    "hu", "guo", "gao", "lin", "luo", "zheng", "liang", "xie", "tang", "han", "feng", "deng", "cao",
    "peng", "zeng", "xiao", "tian", "dong", "pan", "yuan", "cai", "jiang", "ye", "cheng", "wei", "su",
    "ding", "ren", "shen", "yao", "cui", "zhong", "xi", "qin", "kim", "park", "choi", "chung", "kang",
    "cho", "yoon", "jang", "lim", "moon", "nguyen", "tran", "pham", "hoang", "phan", "vu", "vo", "dang",
    "bui", "ngo", "duong", "to",
}  # fmt: skip

# Titles and honorifics before an English name ("Mr. Molotov", "H.E. Mr").
HONORIFICS = re.compile(
    r"^(?:(?:Mr|Mrs|Ms|Miss|Dr|Prof|H\.E|HE|Sir|Sheikh|Shaikh|Sheikha|Prince|Princess|King|Queen|"
    r"His|Her|Excellency|Majesty|Highness|Royal|Archbishop|Cardinal|Monsignor|General|Gen|Lt|Colonel|Col)\.?\s+)+"
)


def strip_initials(name: str) -> str:
    return INITIALS.sub("", name.strip()).strip()


def attach_particles(words: list[str]) -> list[str]:
    """Group the words of a name into units, a particle joining the next word."""
    units: list[str] = []
    pending = ""
    for word in words:
        if word.lower().rstrip("-") in NAME_PARTICLES:  # "al- Sharaa" too
            pending = f"{pending} {word}".strip()
            continue
        units.append(f"{pending} {word}".strip())
        pending = ""
    if pending:
        units.append(pending)
    return units


def without_asides(name: str) -> str:
    """The name with each "(...)" and the blanks around it made one space.

    Only the part up to the last ")" (and the blanks after it) is searched: from
    each "(" after it, the engine would read to the end of the text in vain.
    """
    end = BLANKS.match(name, name.rfind(")") + 1).end() if ")" in name else 0
    return ASIDE.sub(" ", name[:end]) + name[end:]


def surname_of(name: str) -> str | None:
    """The surname in a name as a label or a title writes it.

    "С.В.Лавров" -> "Лавров"; "Х.Бен Тарек Аль Саид" -> "Бен Тарек Аль Саид";
    "Sergey Lavrov" -> "Lavrov"; "Ван И" -> "Ван"; "Умару Сиссоку Эмбало" ->
    "Эмбало"; "Тамим Бен Хамад Аль Тани" -> "Бен Хамад Аль Тани";
    "Foreign Minister Ivanov" -> "Ivanov"; "Mr. Lenin Moreno Garcés" -> "Garcés".
    """
    name = without_asides(name).strip(" ,:")
    name = HONORIFICS.sub("", name).strip()
    if not name:
        return None
    if INITIALS.match(name):
        return strip_initials(name) or None
    words = name.split()
    if len(words) == 1:
        return words[0]
    if words[0].lower() in EAST_ASIAN_SURNAMES and len(words) <= 3:
        return words[0]
    # An Arabic name in Russian: the surname runs from the first "Бен"/"Аль", as
    # kremlin.ru writes it ("Хейсам Бен Тарек Аль Саид" -> "Бен Тарек Аль Саид").
    # In English the family name stands last ("Badr bin Hamad Albusaidi" -> "Albusaidi").
    for index, word in enumerate(words[1:], start=1):
        if word.lower() in {"бен", "бин", "ибн", "аль"}:
            return " ".join(words[index:])
    units = attach_particles(words)
    return units[-1]


def english_surname(name: str) -> str | None:
    """The surname of an English-written name, honorifics and a post after a comma dropped."""
    return surname_of(name.split(",")[0])
