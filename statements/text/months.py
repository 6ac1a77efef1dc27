"""Month names, Russian and English: the one table that publication dates
(parse/published.py) and the date normaliser (extract/dates.py) read."""

from __future__ import annotations

# Month number -> the forms a Russian text uses: nominative (июнь-июль),
# genitive (16 августа), prepositional (в сентябре), dative/instrumental
# (к сентябрю, перед маем). The genitive is always second.
MONTHS_RU: dict[int, tuple[str, ...]] = {
    1: ("январь", "января", "январе", "январю", "январём", "январем"),
    2: ("февраль", "февраля", "феврале", "февралю", "февралём", "февралем"),
    3: ("март", "марта", "марте", "марту", "мартом"),
    4: ("апрель", "апреля", "апреле", "апрелю", "апрелем"),
    5: ("май", "мая", "мае", "маю", "маем"),
    6: ("июнь", "июня", "июне", "июню", "июнем"),
    7: ("июль", "июля", "июле", "июлю", "июлем"),
    8: ("август", "августа", "августе", "августу", "августом"),
    9: ("сентябрь", "сентября", "сентябре", "сентябрю", "сентябрём", "сентябрем"),
    10: ("октябрь", "октября", "октябре", "октябрю", "октябрём", "октябрем"),
    11: ("ноябрь", "ноября", "ноябре", "ноябрю", "ноябрём", "ноябрем"),
    12: ("декабрь", "декабря", "декабре", "декабрю", "декабрём", "декабрем"),
}
MONTHS_RU_GENITIVE: dict[int, str] = {number: forms[1] for number, forms in MONTHS_RU.items()}

MONTHS_EN: dict[int, tuple[str, ...]] = {
    1: ("January",),
    2: ("February",),
    3: ("March",),
    4: ("April",),
    5: ("May",),
    6: ("June",),
    7: ("July",),
    8: ("August",),
    9: ("September",),
    10: ("October",),
    11: ("November",),
    12: ("December",),
}

# Abbreviations are trusted only next to a day number ("Sept. 5", "5 Aug"):
# alone, "Mar" or "Dec" are as likely names as months.
MONTH_ABBREVIATIONS_EN: dict[int, tuple[str, ...]] = {
    1: ("Jan",),
    2: ("Feb",),
    3: ("Mar",),
    4: ("Apr",),
    6: ("Jun",),
    7: ("Jul",),
    8: ("Aug",),
    9: ("Sep", "Sept"),
    10: ("Oct",),
    11: ("Nov",),
    12: ("Dec",),
}

# Any form above, lower-cased -> the month's number.
MONTH_BY_WORD: dict[str, int] = {
    form.lower(): number
    for table in (MONTHS_RU, MONTHS_EN, MONTH_ABBREVIATIONS_EN)
    for number, forms in table.items()
    for form in forms
}
