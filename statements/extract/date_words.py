"""Word tables for the date normaliser (statements/extract/dates.py).

Everything here is data: the regexes in dates.py are built from these tables
and from the month names in statements/text/months.py (which publication
dates share), so a missing word form is fixed by adding it to a table, not
by a new branch. Russian keys are lower case (matching is case-insensitive);
English month names are matched case-sensitively, because "may" and "march"
are also verbs.
"""

from __future__ import annotations

# Relative words: stem -> years (or months, weeks, seasons) from today's.
# Stems take any ending: этого/этом/этот/этой, следующего/следующем/следующей.
# Longer stems are tried first, so позапрошл wins over прошл.
RELATIVE_STEMS_RU: dict[str, int] = {
    "эт": 0,
    "текущ": 0,
    "нынешн": 0,
    "сего": 0,
    "уходящ": 0,  # "в уходящем году": said in December of that year
    "будущ": 1,
    "следующ": 1,
    "наступающ": 1,
    "грядущ": 1,
    "прошл": -1,
    "предыдущ": -1,
    "минувш": -1,
    "истекш": -1,
    "позапрошл": -2,
}

RELATIVE_WORDS_EN: dict[str, int] = {
    "this": 0,
    "current": 0,
    "the current": 0,
    "next": 1,
    "coming": 1,
    "the coming": 1,
    "upcoming": 1,
    "the upcoming": 1,
    "last": -1,
    "past": -1,
    "previous": -1,
    "the previous": -1,
}

# Season -> (first month, last month); winter runs over the new year.
SEASON_MONTHS: dict[str, tuple[int, int]] = {
    "spring": (3, 5),
    "summer": (6, 8),
    "autumn": (9, 11),
    "winter": (12, 2),
}

# Russian season forms. The instrumental ("летом") is an adverb of time on
# its own; the other cases ("лето", "к лету", "до осени") only count next to a
# year, a relative word or a preposition (see SEASON_PREPOSITIONS_RU).
SEASONS_RU: dict[str, str] = {
    "весной": "spring", "весна": "spring", "весну": "spring", "весне": "spring", "весны": "spring",
    "летом": "summer", "лето": "summer", "лету": "summer", "лета": "summer",
    "осенью": "autumn", "осень": "autumn", "осени": "autumn",
    "зимой": "winter", "зима": "winter", "зиму": "winter", "зиме": "winter", "зимы": "winter",
}  # fmt: skip
SEASON_ADVERBS_RU = frozenset({"весной", "летом", "осенью", "зимой"})
SEASON_PREPOSITIONS_RU = ("к", "до", "на", "с", "со", "в течение", "не позднее", "вплоть до")

SEASONS_EN: dict[str, str] = {
    "spring": "spring",
    "summer": "summer",
    "autumn": "autumn",
    "fall": "autumn",
    "winter": "winter",
}

# Ordinal stems for декада, квартал, полугодие, половина.
ORDINAL_STEMS_RU: dict[str, int] = {"перв": 1, "втор": 2, "трет": 3, "четверт": 4, "четвёрт": 4}
ROMAN_NUMERALS: dict[str, int] = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
ORDINALS_EN: dict[str, int] = {
    "first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4, "latter": 2,
}  # fmt: skip

# Parts of a month or a year: начало/середина/конец, early/mid/late.
# Each key names a part in dates.py's MONTH_PARTS / YEAR_PARTS.
EDGES_RU: dict[str, str] = {
    "начало": "begin", "начала": "begin", "начале": "begin", "началу": "begin",
    "середина": "middle", "середины": "middle", "середине": "middle", "середину": "middle",
    "конец": "end", "конца": "end", "конце": "end", "концу": "end",
    "первых числах": "begin", "первых чисел": "begin", "последних числах": "end", "последних чисел": "end",
    # "на 20-е числа февраля", "в 10-х числах мая": the days 20..29, 10..19 of the month.
    "10-е числа": "tens", "10-х числах": "tens", "10-х чисел": "tens",
    "20-е числа": "twenties", "20-х числах": "twenties", "20-х чисел": "twenties",
}  # fmt: skip
EDGES_EN: dict[str, str] = {
    "early": "begin", "beginning of": "begin", "start of": "begin", "first days of": "begin",
    "mid": "middle", "middle of": "middle", "the middle of": "middle",
    "late": "end", "end of": "end", "last days of": "end",
}  # fmt: skip
HALVES_RU: dict[str, str] = {"перв": "first_half", "втор": "second_half"}

# Weekday index (Monday = 0) -> forms after "в/во" and in "понедельник, 10 марта".
WEEKDAYS_RU: dict[int, tuple[str, ...]] = {
    0: ("понедельник",),
    1: ("вторник",),
    2: ("среду", "среда"),
    3: ("четверг",),
    4: ("пятницу", "пятница"),
    5: ("субботу", "суббота"),
    6: ("воскресенье",),
}
WEEKDAYS_EN: dict[int, tuple[str, ...]] = {
    0: ("Monday",),
    1: ("Tuesday",),
    2: ("Wednesday",),
    3: ("Thursday",),
    4: ("Friday",),
    5: ("Saturday",),
    6: ("Sunday",),
}

# Days relative to today.
RELATIVE_DAYS_RU: dict[str, int] = {"позавчера": -2, "вчера": -1, "сегодня": 0, "завтра": 1, "послезавтра": 2}
RELATIVE_DAYS_EN: dict[str, int] = {
    "the day before yesterday": -2, "yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1,
    "the day after tomorrow": 2,
}  # fmt: skip

# Adjectives of the months: "ноябрьский саммит", "на сентябрьской сессии".
MONTH_ADJECTIVES_RU: dict[int, str] = {
    1: "январск", 2: "февральск", 3: "мартовск", 4: "апрельск", 5: "майск", 6: "июньск",
    7: "июльск", 8: "августовск", 9: "сентябрьск", 10: "октябрьск", 11: "ноябрьск", 12: "декабрьск",
}  # fmt: skip

# Deadline words before a date: "до 1 сентября", "by 1 September".
# Exclusive ones end the day before the date ("до 1 сентября" -> 31 August,
# as GUIDELINES.md says); the others include it ("не позднее 1 сентября").
DEADLINES_EXCLUSIVE_RU = ("до",)
# "по" is left out: "по прошлому году" means "for last year", not a deadline.
DEADLINES_INCLUSIVE_RU = ("к", "ко", "не позднее", "не позже", "вплоть до")
DEADLINES_EXCLUSIVE_EN = ("before", "prior to")
# "к лету", "к сентябрю", "by September" mean by the time the season or month
# begins; with a day or a year they include it ("к 2030 году", "by 1 September").
DEADLINES_BY_START_RU = ("к", "ко")
DEADLINES_BY_START_EN = ("by",)
PERIODS_ENDING_BY_START = ("month", "season")
DEADLINES_INCLUSIVE_EN = ("by", "until", "till", "through", "up to", "no later than", "not later than")

# Words that make a bare English month or year a date: "in May", "during 2019".
# Deadline words count too; "since"/"after" do not (they open a range).
CONTEXT_WORDS_EN = (
    "in", "during", "throughout", "for", "of", "from", "to", "and", "or", "in the year", "by the year",
    # A year naming an edition to come: "the upcoming 2026 Review Conference".
    "upcoming", "forthcoming", "the upcoming", "the forthcoming",
)  # fmt: skip

# Unit words that every period phrase without a month, season or weekday
# contains ("в этом году", "на следующей неделе", "next month", "Q1").
# Only text near one of these, a month or a date-like number is searched.
UNIT_WORDS_RU = ("год", "недел", "месяц", "квартал", "полугоди", "декад", "половин")
UNIT_WORDS_EN = ("year", "week", "month", "quarter", "half")
