"""Date and period expressions in a sentence, resolved to calendar dates.

    find_dates("состоится 16-20 августа этого года", today=date(2018, 7, 31), lang="ru")
    -> [DateMatch(text="16-20 августа этого года", starts_on=2018-08-16, ends_on=2018-08-20, precision="day")]

How it works:
1. Every RULE (a compiled regex built from the word tables in date_words.py
   and statements/text/months.py, plus a small resolver) finds its
   candidates in the text, searching only near the trigger words its phrases
   hold (a month, a unit word such as "году" or "week", a date-like number):
   see TRIGGER_REACH.
2. A candidate right after a deadline word ("до", "к", "by", "before") gets a
   longer twin with precision "by".
3. The longest candidates win, left to right, without overlaps; a candidate
   that names an impossible date ("31 февраля") still wins its span, so that
   "февраля" alone is not read as a month, and is then dropped.
4. A bare year phrase next to a yearless period ("в следующем году весной")
   is merged into one match.

Resolution follows shared/gold/GUIDELINES.md: relative words count from
`today` (the statement's publication date); a phrase without a year is the
next such day or period that has not ended on `today` ("10 мая" said on
6 May is the same year, said on 20 May the next; "в сентябре" said in
September is this September).
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from statements.extract import date_words as W
from statements.extract.records import DateMatch
from statements.parse.published import make_date
from statements.text import months as M
from statements.text.patterns import alternation

ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Period:
    starts_on: dt.date
    ends_on: dt.date
    precision: str
    # Where "до/к/by" + this phrase ends, when it is not simply the start or
    # the end of the period: "до конца года" ends on 12-31, not before December.
    deadline: dt.date | None = None


# A resolver's answer for a match that turns out not to be a date at all
# ("the fall of Berlin"); None means a date phrase naming an impossible date.
NOT_A_DATE = Period(dt.date.min, dt.date.min, "none")

Resolver = Callable[[re.Match[str], dt.date, int | None], Period | None]


# --------------------------------------------------------------------------
# Pattern pieces, built from the tables
# --------------------------------------------------------------------------


WEEKDAY_BY_WORD: dict[str, int] = {
    form.lower(): number
    for table in (W.WEEKDAYS_RU, W.WEEKDAYS_EN)
    for number, forms in table.items()
    for form in forms
}

_RU_MONTHS = alternation(form for forms in M.MONTHS_RU.values() for form in forms)
_EN_MONTHS = alternation(form for forms in M.MONTHS_EN.values() for form in forms)
_EN_MONTHS_ABBR = alternation(form for forms in M.MONTH_ABBREVIATIONS_EN.values() for form in forms)
# A relative stem takes an adjective ending: этот/этого/этой, следующему, прошлую.
_RU_RELATIVE = (
    rf"(?:{alternation(W.RELATIVE_STEMS_RU)})"
    r"(?:ого|его|ому|ему|ом|ем|ой|ей|ий|ый|ую|юю|ая|яя|ое|ее|им|ым|от|у|а|о)?(?![а-яё])"
)
_EN_RELATIVE = alternation(W.RELATIVE_WORDS_EN)
_RU_EDGES = alternation(W.EDGES_RU)
_EN_EDGES = alternation(W.EDGES_EN)
_RU_WEEKDAYS = alternation(form for forms in W.WEEKDAYS_RU.values() for form in forms)
_EN_WEEKDAYS = alternation(form for forms in W.WEEKDAYS_EN.values() for form in forms)
_RU_ORDINALS = rf"(?:{alternation(W.ORDINAL_STEMS_RU)})[а-яё]*|{alternation(W.ROMAN_NUMERALS)}|[1-4]-?(?:м|й|го|ом)?"
_EN_ORDINALS = alternation(W.ORDINALS_EN)
# Year words after a number: "2019 года", "2019 г.", "2019-2020 гг.", "2019-м году".
_RU_YEAR_WORD = r"(?:-?(?:м|го|й)(?![а-яё]))?\s*(?:годах|годов|годы|годом|года|году|год|гг\.|г\.|гг|г)(?![а-яё])"

# Each {PIECE:name} in a rule template becomes a named group (or several,
# named name_*); {PIECE} alone is a fixed piece.  Year groups are all named
# y*, which is how a match tells whether it carried its own year.
_PIECES: dict[str, dict[str, Callable[[str], str]]] = {
    "ru": {
        # A phrase never starts inside a word, a number or a document
        # number such as 1430-31-07-2018.
        "START": lambda _: r"(?<![\w.:/–—-])",
        "D": lambda n: rf"(?P<{n}>\d{{1,2}})(?!\d)(?:-?(?:го|е|ое)(?![а-яё]))?",
        "MON": lambda n: rf"(?P<{n}>{_RU_MONTHS})(?![а-яё])",
        "YR": lambda n: (
            rf"(?:(?P<{n}_num>\d{{4}})(?!\d)(?:{_RU_YEAR_WORD})?(?!-?[а-яё])"
            rf"|(?P<{n}_rel>{_RU_RELATIVE})\s+(?:год|года|году|годом)(?![а-яё])"
            rf"|(?P<{n}_sg>[ст]\.\s?г\.))"
        ),
        "YWORD": lambda _: _RU_YEAR_WORD,
        "REL": lambda n: rf"(?P<{n}>{_RU_RELATIVE})",
        "EDGE": lambda n: rf"(?P<{n}>{_RU_EDGES})(?![а-яё])",
        "ORD": lambda n: rf"(?P<{n}>{_RU_ORDINALS})",
        "WD": lambda n: rf"(?P<{n}>{_RU_WEEKDAYS})(?![а-яё])",
        "IN": lambda _: r"(?:(?:в|во)\s+)?",
        "AT": lambda _: r"(?:(?:в|во|с|со)\s+)?",
        "SEP": lambda _: r"(?:\s*[-–—]\s*|\s+(?:по|до|и)\s+)",
        "SEPX": lambda _: r"(?:\s*[-–—]\s*|\s+(?:по|до)\s+)",
    },
    "en": {
        "START": lambda _: r"(?<![\w.:/–—-])",
        "D": lambda n: rf"(?P<{n}>\d{{1,2}})(?!\d)(?:st|nd|rd|th)?(?![\w])",
        "MON": lambda n: rf"(?-i:(?P<{n}>{_EN_MONTHS}))(?![A-Za-z])",
        # Abbreviated months only next to a day number (see statements/text/months.py).
        "MONA": lambda n: rf"(?-i:(?P<{n}>{_EN_MONTHS}|{_EN_MONTHS_ABBR}))(?:\.|(?![A-Za-z]))",
        "YR": lambda n: (
            rf"(?:(?:\s*,\s*|\s+)(?:of\s+)?(?P<{n}_num>\d{{4}})(?![\d%])"
            rf"|\s+(?:of\s+)?(?P<{n}_rel>{_EN_RELATIVE})\s+year(?![\w']))"
        ),
        "REL": lambda n: rf"(?P<{n}>{_EN_RELATIVE})",
        "EDGE": lambda n: rf"(?:the\s+)?(?P<{n}>{_EN_EDGES})(?:\s*-\s*|\s+)",
        "ORD": lambda n: rf"(?P<{n}>{_EN_ORDINALS})",
        "WD": lambda n: rf"(?P<{n}>{_EN_WEEKDAYS})(?![a-z])",
        "IN": lambda _: r"(?:(?:in|at|during|from|towards?)\s+)?",
        "SEP": lambda _: r"(?:\s*[-–—]\s*|\s+(?:to|through|till|until|and|&)\s+)",
        "SEPX": lambda _: r"(?:\s*[-–—]\s*|\s+(?:to|through|till|until)\s+)",
    },
}

_PLACEHOLDER = re.compile(r"\{([A-Z]+)(?::(\w+))?\}")


def _expand(template: str, lang: str) -> re.Pattern[str]:
    pieces = _PIECES[lang]
    pattern = _PLACEHOLDER.sub(lambda m: pieces[m.group(1)](m.group(2) or ""), template)
    return re.compile(pattern, re.IGNORECASE)


# --------------------------------------------------------------------------
# Calendar helpers
# --------------------------------------------------------------------------


def _month_end(year: int, month: int) -> int:
    return calendar.monthrange(year, month)[1]


def _shift_month(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


def _period(start: dt.date | None, end: dt.date | None, precision: str, deadline: dt.date | None = None):
    if start is None or end is None or end < start:
        return None
    return Period(start, end, precision, deadline)


def _days(y1: int, m1: int, d1: int, y2: int, m2: int, d2: int) -> Period | None:
    return _period(make_date(y1, m1, d1), make_date(y2, m2, d2), "day")


def _months(y1: int, m1: int, y2: int, m2: int, precision: str = "month") -> Period | None:
    if not (1 <= m1 <= 12 and 1 <= m2 <= 12 and 1 <= y2 <= 9999):
        return None
    return _period(make_date(y1, m1, 1), make_date(y2, m2, _month_end(y2, m2)), precision)


def _season(year: int, season: str) -> Period | None:
    first, last = W.SEASON_MONTHS[season]
    return _months(year, first, year + (last < first), last, "season")


def _week(monday: dt.date, first: int = 0, last: int = 6) -> Period:
    return Period(monday + dt.timedelta(days=first), monday + dt.timedelta(days=last), "week")


def _in_year(build: Callable[[int], Period | None], today: dt.date, year: int | None) -> Period | None:
    """`build` for the given year, or for the first year whose period has not ended by `today`."""
    if year is not None:
        return build(year) if 1 <= year <= 9998 else None
    for candidate in range(today.year - 1, today.year + 9):  # 9 years reach the next 29 February
        period = build(candidate)
        if period is not None and period.ends_on >= today:
            return period
    return None


# --------------------------------------------------------------------------
# Reading groups
# --------------------------------------------------------------------------


def _words(text: str) -> str:
    return " ".join(text.lower().split())


def _relative(word: str | None) -> int:
    """Offset of a relative word: этого -> 0, следующего -> 1, last -> -1."""
    if not word:
        return 0
    word = _words(word)
    if word in W.RELATIVE_WORDS_EN:
        return W.RELATIVE_WORDS_EN[word]
    for stem in sorted(W.RELATIVE_STEMS_RU, key=len, reverse=True):
        if word.startswith(stem):
            return W.RELATIVE_STEMS_RU[stem]
    return 0


def _year(m: re.Match[str], name: str, today: dt.date) -> int | None:
    groups = m.groupdict()
    if groups.get(f"{name}_num"):
        return int(groups[f"{name}_num"])
    if groups.get(f"{name}_rel"):
        return today.year + _relative(groups[f"{name}_rel"])
    if groups.get(f"{name}_sg") or groups.get(f"{name}_the"):  # с.г. (сего года), т.г., "the year"
        return today.year
    return None


def _has_year(m: re.Match[str]) -> bool:
    return any(value for key, value in m.groupdict().items() if key.startswith("y"))


def _month(m: re.Match[str], name: str = "m") -> int:
    return M.MONTH_BY_WORD[m.group(name).lower().rstrip(".")]


def _ordinal(word: str) -> int:
    word = _words(word)
    if word in W.ORDINALS_EN:
        return W.ORDINALS_EN[word]
    if word in W.ROMAN_NUMERALS:
        return W.ROMAN_NUMERALS[word]
    if word[0].isdigit():
        return int(word[0])
    for stem, number in W.ORDINAL_STEMS_RU.items():
        if word.startswith(stem):
            return number
    return 0


def _preceded_by(m: re.Match[str], pattern: re.Pattern[str]) -> bool:
    return pattern.search(m.string, max(0, m.start() - 40), m.start()) is not None


# --------------------------------------------------------------------------
# Resolvers: (match, today, year given by a neighbouring phrase) -> Period
# --------------------------------------------------------------------------


def _resolve_day(m, today, year):
    day, month = int(m["d"]), _month(m)
    return _in_year(lambda y: _days(y, month, day, y, month, day), today, _year(m, "y", today) or year)


def _resolve_day_range(m, today, year):
    first, last, month = int(m["d1"]), int(m["d2"]), _month(m)
    return _in_year(lambda y: _days(y, month, first, y, month, last), today, _year(m, "y", today) or year)


def _resolve_cross_range(m, today, year):
    """30 июня - 2 июля [2025 года]; 30 декабря - 2 января runs into the next year."""
    d1, m1, d2, m2 = int(m["d1"]), _month(m, "m1"), int(m["d2"]), _month(m, "m2")
    wrap = int((m2, d2) < (m1, d1))
    y1, y2 = _year(m, "y1", today), _year(m, "y2", today)
    if y1 is not None and y2 is not None:
        return _days(y1, m1, d1, y2, m2, d2)
    if y2 is not None:
        y1 = y2 - wrap
    return _in_year(lambda y: _days(y, m1, d1, y + wrap, m2, d2), today, y1 or year)


def _night(first: int, second: int, month: int) -> tuple[int, int, int, int]:
    """The night "с 31 на 1 июня" starts in the month before the one named."""
    if first > second:
        return (*_shift_month(2000, month, -1)[1:], first, month, second)
    return month, first, month, second


def _resolve_night_range(m, today, year):
    """с нуля часов с 7 на 8 мая до нуля часов с 10 на 11 мая: 8 May .. 10 May."""
    _, _, start_month, start_day = _night(int(m["a1"]), int(m["a2"]), _month(m, "ma"))
    end_month, end_day, _, _ = _night(int(m["b1"]), int(m["b2"]), _month(m, "mb"))
    wrap = int((end_month, end_day) < (start_month, start_day))
    explicit = _year(m, "y1", today) or _year(m, "y2", today) or year
    return _in_year(lambda y: _days(y, start_month, start_day, y + wrap, end_month, end_day), today, explicit)


def _resolve_night(m, today, year):
    """в ночь с 7 на 8 мая, в ночь с 31 мая на 1 июня: both days."""
    m1, d1, m2, d2 = _night(int(m["a1"]), int(m["a2"]), _month(m, "ma"))
    if m["m1"]:
        m1 = _month(m, "m1")
    wrap = int(m1 > m2)
    return _in_year(lambda y: _days(y - wrap, m1, d1, y, m2, d2), today, _year(m, "y", today) or year)


def _resolve_numeric(m, today, year):
    y, month, day = int(m["ynum"]), int(m["mo"]), int(m["d"])
    if not 1 <= month <= 12:
        return None
    return _days(y, month, day, y, month, day)


# Parts of a month: (first day, last day or None for the month's end,
# deadline day: 0 = the day before the month, None = the month's end).
MONTH_PARTS: dict[str, tuple[int, int | None, int | None]] = {
    "begin": (1, 10, 0),
    "middle": (11, 20, 15),
    "end": (21, None, None),
    "first_half": (1, 15, 0),
    "second_half": (16, None, 15),
    # "20-е числа февраля" is 02-20..02-28 (GUIDELINES.md, settled calls); "10-е числа" 10..19.
    "tens": (10, 19, 9),
    "twenties": (20, None, 19),
}
DECADE_PARTS = {1: "begin", 2: "middle", 3: "end"}


def _month_part(year: int, month: int, part: str) -> Period | None:
    first, last, deadline_day = MONTH_PARTS[part]
    end = _month_end(year, month)
    if deadline_day is None:
        deadline = dt.date(year, month, end)
    else:
        deadline = dt.date(year, month, 1) + dt.timedelta(days=deadline_day - 1)
    return _period(dt.date(year, month, first), dt.date(year, month, last or end), "decade", deadline)


def _part_of(m: re.Match[str]) -> str:
    groups = m.groupdict()
    if groups.get("edge"):
        return (W.EDGES_RU | W.EDGES_EN)[_words(m["edge"])]
    if groups.get("half"):
        return "first_half" if _ordinal(m["half"]) == 1 else "second_half"
    return DECADE_PARTS.get(_ordinal(m["ord"]), "")


def _resolve_month_part(m, today, year):
    """в первой декаде сентября, в конце мая, in mid-September, the second half of May."""
    part, month = _part_of(m), _month(m)
    if not part:
        return None
    return _in_year(lambda y: _month_part(y, month, part), today, _year(m, "y", today) or year)


def _resolve_this_month_part(m, today, year):
    """в конце месяца, в начале следующего месяца."""
    y, month = _shift_month(today.year, today.month, _relative(m["rel"]))
    return _month_part(y, month, _part_of(m))


# Parts of a year: (first month, last month, precision, deadline month and day;
# month 0 = the last day of the year before).
YEAR_PARTS: dict[str, tuple[int, int, str, tuple[int, int]]] = {
    "begin": (1, 1, "month", (0, 0)),
    "middle": (6, 7, "month", (6, 30)),
    "end": (12, 12, "month", (12, 31)),
    "first_half": (1, 6, "half", (6, 30)),
    "second_half": (7, 12, "half", (12, 31)),
}


def _resolve_year_part(m, today, year):
    """в конце текущего года, в первой половине 2026 года, mid-2026, the end of the year."""
    first, last, precision, (deadline_month, deadline_day) = YEAR_PARTS[_part_of(m)]
    y = _year(m, "y", today) or year or today.year
    period = _months(y, first, y, last, precision)
    if period is None:
        return None
    deadline = dt.date(y - 1, 12, 31) if deadline_month == 0 else dt.date(y, deadline_month, deadline_day)
    return Period(period.starts_on, period.ends_on, precision, deadline)


# Parts of a week (Monday = 0): first day, last day, deadline day (-1 = the Sunday before).
WEEK_PARTS: dict[str, tuple[int, int, int]] = {"begin": (0, 1, -1), "middle": (2, 3, 2), "end": (4, 6, 6)}


def _monday(today: dt.date, weeks: int = 0) -> dt.date:
    return today - dt.timedelta(days=today.weekday()) + dt.timedelta(weeks=weeks)


def _resolve_week_part(m, today, year):
    first, last, deadline = WEEK_PARTS.get(_part_of(m), (0, 6, 6))
    monday = _monday(today, _relative(m["rel"]))
    period = _week(monday, first, last)
    return Period(period.starts_on, period.ends_on, "week", monday + dt.timedelta(days=deadline))


def _resolve_month(m, today, year):
    month = _month(m)
    groups = m.groupdict()
    if m["m"].isascii() and not (_has_year(m) or groups.get("rel") or _preceded_by(m, _EN_CONTEXT_BEFORE)):
        return NOT_A_DATE  # a bare English "May" is a verb as often as a month: "in May" is a month
    if groups.get("rel"):
        return _relative_month(month, _relative(m["rel"]), today)
    return _in_year(lambda y: _months(y, month, y, month), today, _year(m, "y", today) or year)


_MONTH_BY_ADJECTIVE = {stem: month for month, stem in W.MONTH_ADJECTIVES_RU.items()}


def _resolve_month_adjective(m, today, year):
    """"ноябрьский саммит": the month, as "в ноябре" would be ("майские праздники" are left to the caller)."""
    month = _MONTH_BY_ADJECTIVE[m["madj"].lower()]
    return _in_year(lambda y: _months(y, month, y, month), today, _year(m, "y", today) or year)


def _relative_month(month: int, offset: int, today: dt.date) -> Period | None:
    """this September (this year's), next September (the first after this month), last September."""
    if offset == 0:
        return _months(today.year, month, today.year, month)
    year = today.year + (month <= today.month if offset > 0 else -(month >= today.month))
    return _months(year, month, year, month)


def _resolve_month_range(m, today, year):
    """июнь-июль 2023 г., в июне–июле, с сентября по ноябрь, November-January."""
    m1, m2 = _month(m, "m1"), _month(m, "m2")
    wrap = int(m2 < m1)
    y1, y2 = _year(m, "y1", today), _year(m, "y2", today)
    if y1 is not None and y2 is not None:
        return _months(y1, m1, y2, m2)
    if y2 is not None:
        y1 = y2 - wrap
    return _in_year(lambda y: _months(y, m1, y + wrap, m2), today, y1 or year)


def _resolve_relative_month(m, today, year):
    """в следующем месяце, this month."""
    y, month = _shift_month(today.year, today.month, _relative(m["rel"]))
    return _months(y, month, y, month)


def _season_of_today(today: dt.date) -> int:
    """The year a season named as "this" belongs to: this winter in January began last December."""
    return today.year - (today.month <= 2)


def _resolve_season(m, today, year):
    season_word = _words(m["season"])
    season = W.SEASONS_RU.get(season_word) or W.SEASONS_EN[season_word]
    if m["season"][0].isupper() and m["season"].isascii() and m.start("season") > m.start():
        return NOT_A_DATE  # a name inside a sentence: "the upcoming Spring Festival"
    explicit = _year(m, "y", today) or year
    if explicit is not None:
        return _season(explicit, season)
    if m.groupdict().get("srel"):
        return _relative_season(season, _relative(m["srel"]), today)
    if not _season_is_time(m, season_word):
        return NOT_A_DATE
    return _in_year(lambda y: _season(y, season), today, None)


def _season_is_time(m: re.Match[str], word: str) -> bool:
    """ "летом" is a time; "лето", "весна" only after к/до/на ("к лету"); English after in/by/until."""
    if word in W.SEASON_ADVERBS_RU:
        return True
    if word in W.SEASONS_RU:
        return _preceded_by(m, _RU_SEASON_CONTEXT) or _preceded_by(m, _RU_DEADLINE_BEFORE)
    return m.groupdict().get("need") is None or _preceded_by(m, _EN_DEADLINE_BEFORE)


def _relative_season(season: str, offset: int, today: dt.date) -> Period | None:
    if offset == 0:
        return _season(_season_of_today(today) if season == "winter" else today.year, season)
    years = range(today.year - 2, today.year + 3)
    periods = [p for p in (_season(y, season) for y in years) if p is not None]
    if offset > 0:
        return next((p for p in periods if p.starts_on > today), None)
    return next((p for p in reversed(periods) if p.ends_on < today), None)


def _resolve_quarter(m, today, year):
    groups = m.groupdict()
    quarter = 4 if groups.get("last") else int(m["qn"]) if groups.get("qn") else _ordinal(m["ord"])
    if not 1 <= quarter <= 4:
        return None
    first = 3 * quarter - 2
    return _in_year(lambda y: _months(y, first, y, first + 2, "quarter"), today, _year(m, "y", today) or year)


def _resolve_half(m, today, year):
    half = int(m["hn"]) if m.groupdict().get("hn") else _ordinal(m["half"])
    if not 1 <= half <= 2:
        return None
    first = 6 * half - 5
    return _in_year(lambda y: _months(y, first, y, first + 5, "half"), today, _year(m, "y", today) or year)


def _resolve_year(m, today, year):
    y = _year(m, "y", today)
    return NOT_A_DATE if y is None else _months(y, 1, y, 12, "year")


def _resolve_bare_year(m, today, year):
    """A bare English number is a year only between 1800 and 2199 and after "in", "by", "during"...:
    "in 1000 cases", "the 2030 Agenda" are not years."""
    y = int(m["y_num"])
    if not (1800 <= y <= 2199 and _preceded_by(m, _EN_CONTEXT_BEFORE)):
        return NOT_A_DATE
    return _months(y, 1, y, 12, "year")


def _resolve_year_range(m, today, year):
    """в 2019-2020 годах, from 2019 to 2021, 2019-20."""
    first, last = m["y1_num"], m["y2_num"]
    if len(last) == 2:
        last = first[:2] + last
    return _months(int(first), 1, int(last), 12, "year")


def _resolve_bare_year_range(m, today, year):
    """English "from 2019 to 2021": only years 1800..2199 ("from 1000 to 1500 people" is no period)."""
    period = _resolve_year_range(m, today, year)
    if period is None or not (1800 <= period.starts_on.year and period.ends_on.year <= 2199):
        return NOT_A_DATE
    return period


def _resolve_week(m, today, year):
    return _week(_monday(today, _relative(m["rel"])))


def _resolve_weekday(m, today, year):
    """в среду, on Monday: the next such day after today; this Monday: on or after; last Monday: before."""
    weekday = WEEKDAY_BY_WORD[m["wd"].lower()]
    rel = _words(m.groupdict().get("rel") or m.groupdict().get("rel2") or "")
    if _relative(rel) < 0:
        back = (today.weekday() - weekday) % 7 or 7
        day = today - dt.timedelta(days=back)
    elif rel == "this" or rel.startswith("эт"):
        day = today + dt.timedelta(days=(weekday - today.weekday()) % 7)
    else:
        day = today + dt.timedelta(days=(weekday - today.weekday()) % 7 or 7)
    return Period(day, day, "day")


def _resolve_relative_day(m, today, year):
    before = m.string[: m.start()].rstrip()
    if m["rd"][0].isupper() and before and before[-1].isalpha():
        return NOT_A_DATE  # a name inside a sentence: "India Today"
    offset = (W.RELATIVE_DAYS_RU | W.RELATIVE_DAYS_EN)[_words(m["rd"])]
    day = today + dt.timedelta(days=offset)
    return Period(day, day, "day")


# --------------------------------------------------------------------------
# Rules
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    pattern: re.Pattern[str]
    resolve: Resolver
    # A yearless phrase that may take its year from a neighbouring year phrase
    # ("в следующем году весной").
    mergeable: bool = False
    # A single-year phrase that may give its year to such a neighbour.
    anchor: bool = False
    # Kinds of trigger words (TRIGGER_REACH) one of which every match holds.
    triggers: tuple[str, ...] = ("month",)


# Which trigger a rule's phrases hold, where it is not a month name.
RULE_TRIGGERS: dict[str, tuple[str, ...]] = {
    "numeric": ("number",),
    "iso": ("number",),
    "this_month_part": ("unit",),
    "week_part": ("unit",),
    "year_part": ("unit", "number"),  # "в конце года", "mid-2026"
    "year_half": ("unit",),
    "relative_month": ("unit",),
    "relative_year": ("unit",),
    "quarter": ("unit",),
    "quarter_code": ("unit",),
    "half": ("unit",),
    "half_code": ("unit",),
    "year_range": ("unit", "number"),
    "year": ("unit", "number"),
    "week": ("unit",),
    "season": ("season",),
    "weekday": ("weekday",),
    "relative_day": ("relative_day",),
}


def _rules(lang: str, table: Iterable[tuple]) -> tuple[Rule, ...]:
    return tuple(
        Rule(
            name,
            _expand(template, lang),
            resolve,
            mergeable=flag == "merge",
            anchor=flag == "anchor",
            triggers=RULE_TRIGGERS.get(name, ("month",)),
        )
        for name, template, resolve, flag in table
    )


_RU_WEEKDAY_PREFIX = r"(?:(?:(?:в|во)\s+)?{WD:wd}\s*,?\s+)?"
_EN_WEEKDAY_PREFIX = r"(?:(?:on\s+)?{WD:wd}\s*,?\s+)?"

RU_RULES = _rules(
    "ru",
    [
        ("night_range",
         r"{START}(?:с\s+(?:нуля|0|00[:.]00)\s+час(?:ов|а)?\s+)?(?:в\s+ночь\s+)?с\s+{D:a1}\s+на\s+{D:a2}\s+{MON:ma}"
         r"(?:\s+{YR:y1})?\s+до\s+(?:(?:нуля|0|00[:.]00|24[:.]00|24)\s+час(?:ов|а)?\s+)?(?:в\s+ночь\s+)?"
         r"с\s+{D:b1}\s+на\s+{D:b2}\s+{MON:mb}(?:\s+{YR:y2})?",
         _resolve_night_range, "merge"),
        ("night", r"{START}в\s+ночь\s+с\s+{D:a1}(?:\s+{MON:m1})?\s+на\s+{D:a2}\s+{MON:ma}(?:\s+{YR:y})?",
         _resolve_night, "merge"),
        ("cross_range",
         r"{START}(?:с\s+)?{D:d1}\s+{MON:m1}(?:\s+{YR:y1})?{SEPX}{D:d2}\s+{MON:m2}(?:\s+{YR:y2})?",
         _resolve_cross_range, "merge"),
        ("day_range",
         r"{START}(?:с\s+)?{D:d1}(?:\s*,\s*\d{1,2}(?!\d)){0,31}+{SEP}{D:d2}\s+{MON:m}(?:\s+{YR:y})?",
         _resolve_day_range, "merge"),
        ("day", r"{START}" + _RU_WEEKDAY_PREFIX + r"{D:d}\s+{MON:m}(?:\s+{YR:y})?", _resolve_day, "merge"),
        ("numeric", r"{START}{D:d}\.(?P<mo>\d{1,2})\.(?P<ynum>\d{4})(?![\d.]\d)(?:\s*(?:года|г\.))?",
         _resolve_numeric, ""),
        ("iso", r"{START}(?P<ynum>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})(?![\d-])", _resolve_numeric, ""),
        ("decade", r"{START}{AT}{ORD:ord}\s+декад[аеуы]\s+{MON:m}(?:\s+{YR:y})?",
         _resolve_month_part, "merge"),
        ("month_part", r"{START}{AT}{EDGE:edge}\s+{MON:m}(?:\s+{YR:y})?", _resolve_month_part, "merge"),
        ("month_half",
         r"{START}{AT}(?P<half>перв|втор)[а-яё]*\s+половин[а-яё]*\s+{MON:m}(?:\s+{YR:y})?",
         _resolve_month_part, "merge"),
        ("this_month_part", r"{START}{AT}{EDGE:edge}\s+(?:{REL:rel}\s+)?месяц[аеу]?(?![а-яё])",
         _resolve_this_month_part, ""),
        ("week_part", r"{START}{AT}{EDGE:edge}\s+(?:{REL:rel}\s+)?недел[иеюя](?![а-яё])",
         _resolve_week_part, ""),
        ("year_part", r"{START}{AT}{EDGE:edge}\s+(?:{YR:y}|год[ау]?(?![а-яё]))", _resolve_year_part, ""),
        ("year_half",
         r"{START}(?:(?:в|во|на)\s+)?(?P<half>перв|втор)[а-яё]*\s+половин[а-яё]*\s+(?:{YR:y}|год[ау]?(?![а-яё]))",
         _resolve_year_part, ""),
        ("month_range", r"{START}{AT}{MON:m1}(?:\s+{YR:y1})?{SEP}{MON:m2}(?:\s+{YR:y2})?",
         _resolve_month_range, "merge"),
        ("month", r"{START}{IN}{MON:m}(?:\s+{YR:y})?", _resolve_month, "merge"),
        ("relative_month", r"{START}(?:(?:в|во)\s+)?{REL:rel}\s+месяц[аеу]?(?![а-яё])", _resolve_relative_month, ""),
        ("month_adjective",
         r"{START}(?P<madj>" + alternation(W.MONTH_ADJECTIVES_RU.values())
         + r")(?:ий|ая|ое|ие|ого|ой|ому|ую|им|ом|их|ими)(?![а-яё])",
         _resolve_month_adjective, "merge"),
        ("season",
         r"{START}(?:(?:в|во)\s+)?(?:(?P<srel>" + _RU_RELATIVE + r")\s+)?(?P<season>"
         + alternation(W.SEASONS_RU) + r")(?![а-яё])(?:\s+{YR:y})?",
         _resolve_season, "merge"),
        ("quarter", r"{START}(?:(?:в|во|на)\s+)?{ORD:ord}\s+квартал(?:а|е|у|ом)?(?![а-яё])(?:\s+{YR:y})?",
         _resolve_quarter, "merge"),
        ("half", r"{START}(?:(?:в|во|на)\s+)?(?P<half>перв|втор)[а-яё]*\s+полугоди(?:е|я|и|ю|ем)(?:\s+{YR:y})?",
         _resolve_half, "merge"),
        ("year_range",
         r"{START}(?:(?:в|во|с|со|на)\s+)?(?P<y1_num>\d{4})(?:-?(?:го|м))?(?:\s*[-–—]\s*|\s+(?:по|до)\s+)"
         r"(?P<y2_num>\d{4}|\d{2})(?!\d){YWORD}",
         _resolve_year_range, ""),
        ("year",
         r"{START}(?:(?:в|во|на|за)\s+)?(?:(?P<y_num>\d{4})(?!\d){YWORD}(?!-?[а-яё])"
         r"|(?P<y_rel>" + _RU_RELATIVE + r")\s+(?:год|года|году|годом)(?![а-яё]))",
         _resolve_year, "anchor"),
        ("week", r"{START}(?:на\s+)?{REL:rel}\s+недел[еиюя](?![а-яё])", _resolve_week, ""),
        ("weekday", r"{START}(?:в|во)\s+(?:{REL:rel}\s+)?{WD:wd}", _resolve_weekday, ""),
        ("relative_day", r"{START}(?P<rd>" + alternation(W.RELATIVE_DAYS_RU) + r")(?![а-яё])",
         _resolve_relative_day, ""),
    ],
)  # fmt: skip

_EN_THE_YEAR = (
    r"(?:(?P<y_num>\d{4})(?![\d%])|(?:the\s+)?(?P<y_rel>" + _EN_RELATIVE + r")\s+year|(?P<y_the>the\s+year))(?![\w'])"
)

EN_RULES = _rules(
    "en",
    [
        ("cross_range",
         r"{START}(?:(?:from|between)\s+)?(?:the\s+)?{D:d1}(?:\s+of)?\s+{MONA:m1}(?:{YR:y1})?{SEPX}"
         r"(?:the\s+)?{D:d2}(?:\s+of)?\s+{MONA:m2}(?:{YR:y2})?",
         _resolve_cross_range, "merge"),
        ("cross_range_mdy",
         r"{START}(?:(?:from|between)\s+)?{MONA:m1}\s+{D:d1}(?:{YR:y1})?{SEPX}{MONA:m2}\s+{D:d2}(?:{YR:y2})?",
         _resolve_cross_range, "merge"),
        ("day_range",
         r"{START}(?:(?:from|between)\s+)?(?:the\s+)?{D:d1}(?:\s*,\s*\d{1,2}(?!\d)(?:st|nd|rd|th)?){0,31}+{SEP}"
         r"(?:the\s+)?{D:d2}(?:\s+of)?\s+{MONA:m}(?:{YR:y})?",
         _resolve_day_range, "merge"),
        ("day_range_mdy", r"{START}(?:(?:from|between)\s+)?{MONA:m}\s+{D:d1}{SEP}{D:d2}(?:{YR:y})?",
         _resolve_day_range, "merge"),
        ("day", r"{START}" + _EN_WEEKDAY_PREFIX + r"(?:the\s+)?{D:d}(?:\s+of)?\s+{MONA:m}(?:{YR:y})?",
         _resolve_day, "merge"),
        ("day_mdy", r"{START}" + _EN_WEEKDAY_PREFIX + r"{MONA:m}\s+(?:the\s+)?{D:d}(?:{YR:y})?", _resolve_day, "merge"),
        ("numeric", r"{START}{D:d}\.(?P<mo>\d{1,2})\.(?P<ynum>\d{4})(?![\d.]\d)", _resolve_numeric, ""),
        ("iso", r"{START}(?P<ynum>\d{4})-(?P<mo>\d{2})-(?P<d>\d{2})(?![\d-])", _resolve_numeric, ""),
        ("month_part", r"{START}{IN}{EDGE:edge}{MON:m}(?:{YR:y})?", _resolve_month_part, "merge"),
        ("month_half", r"{START}{IN}(?:the\s+)?(?P<half>first|second|latter)\s+half\s+of\s+{MON:m}(?:{YR:y})?",
         _resolve_month_part, "merge"),
        ("this_month_part", r"{START}{IN}{EDGE:edge}(?:the|{REL:rel})\s+month(?![\w'])", _resolve_this_month_part, ""),
        ("week_part", r"{START}{IN}{EDGE:edge}(?:the|{REL:rel})\s+week(?![\w'])", _resolve_week_part, ""),
        ("year_part", r"{START}{IN}{EDGE:edge}" + _EN_THE_YEAR, _resolve_year_part, ""),
        ("year_half",
         r"{START}{IN}(?:the\s+)?(?P<half>first|second|latter|1st|2nd)\s+half\s+of\s+" + _EN_THE_YEAR,
         _resolve_year_part, ""),
        ("month_range",
         r"{START}(?:(?:in|during|from|between)\s+)?{MON:m1}(?:{YR:y1})?{SEP}{MON:m2}(?:{YR:y2})?",
         _resolve_month_range, "merge"),
        ("month", r"{START}(?:(?P<rel>this|next|last)\s+)?{MON:m}(?:{YR:y})?", _resolve_month, "merge"),
        ("relative_month", r"{START}{REL:rel}\s+month(?![\w'])", _resolve_relative_month, ""),
        ("season",
         r"{START}(?:(?:in|during|for|throughout)\s+(?P<prep>the\s+)?|(?P<srel>" + _EN_RELATIVE + r")\s+|(?P<need>))"
         r"(?P<season>spring|summer|autumn|fall|winter)(?![\w'])(?:\s+(?:of\s+)?(?P<y_num>\d{4})(?![\d%])"
         r"|\s+of\s+(?:the\s+)?(?P<y_rel>" + _EN_RELATIVE + r")\s+year)?(?!\s+of\b)",
         _resolve_season, "merge"),
        ("quarter",
         r"{START}(?:(?:in|during|for)\s+)?(?:the\s+)?(?:{ORD:ord}|(?P<last>last))\s+quarter(?![-\w])(?!\s+centur)"
         r"(?:\s+of\s+" + _EN_THE_YEAR + r")?(?!\s+of\b)",
         _resolve_quarter, "merge"),
        ("quarter_code", r"{START}(?-i:Q)(?P<qn>[1-4])(?:\s*(?P<y_num>\d{4}))?(?![\w])", _resolve_quarter, "merge"),
        ("half_code", r"{START}(?-i:H)(?P<hn>[12])\s*(?P<y_num>\d{4})(?![\w])", _resolve_half, ""),
        ("year_range",
         r"{START}(?:in|during|from|between|for|throughout)\s+(?:the\s+(?:years|period)\s+)?"
         r"(?P<y1_num>\d{4})(?:\s*[-–—]\s*|\s+(?:to|and|through|until)\s+)(?P<y2_num>\d{4}|\d{2})(?![\w%])",
         _resolve_bare_year_range, ""),
        ("year", r"{START}(?P<y_num>\d{4})(?![\w%]|[.,]\d)", _resolve_bare_year, "anchor"),
        ("relative_year", r"{START}(?:the\s+)?(?P<y_rel>this|next|last|current|coming)\s+year(?![\w])",
         _resolve_year, "anchor"),
        ("week", r"{START}(?:the\s+)?{REL:rel}\s+week(?![\w])", _resolve_week, ""),
        ("weekday", r"{START}(?:on\s+(?:(?P<rel>this|next|last|coming)\s+)?|(?P<rel2>next|this|last|coming)\s+){WD:wd}",
         _resolve_weekday, ""),
        ("relative_day", r"{START}(?P<rd>" + alternation(W.RELATIVE_DAYS_EN) + r")(?![\w])",
         _resolve_relative_day, ""),
    ],
)  # fmt: skip

RULES = {"ru": RU_RULES, "en": EN_RULES}

# Deadline words right before a phrase (see date_words.py).
_RU_DEADLINE_BEFORE = re.compile(
    rf"(?<![\w-])(?P<p>{alternation(W.DEADLINES_EXCLUSIVE_RU + W.DEADLINES_INCLUSIVE_RU)})\s+$", re.IGNORECASE
)
_EN_DEADLINE_BEFORE = re.compile(
    rf"(?<![\w-])(?P<p>{alternation(W.DEADLINES_EXCLUSIVE_EN + W.DEADLINES_INCLUSIVE_EN)})\s+(?:the\s+)?$",
    re.IGNORECASE,
)
DEADLINE_BEFORE = {"ru": _RU_DEADLINE_BEFORE, "en": _EN_DEADLINE_BEFORE}
# Words that make a bare English month or year a date ("in May", "by 2030").
_EN_CONTEXT_BEFORE = re.compile(
    rf"(?<![\w-])(?:{alternation(W.CONTEXT_WORDS_EN + W.DEADLINES_EXCLUSIVE_EN + W.DEADLINES_INCLUSIVE_EN)})"
    r"\s+(?:the\s+(?:month|year)\s+(?:of\s+)?)?$",
    re.IGNORECASE,
)
EXCLUSIVE_DEADLINES = frozenset(W.DEADLINES_EXCLUSIVE_RU + W.DEADLINES_EXCLUSIVE_EN)
BY_START_DEADLINES = frozenset(W.DEADLINES_BY_START_RU + W.DEADLINES_BY_START_EN)
_RU_SEASON_CONTEXT = re.compile(rf"(?<![\w-])(?:{alternation(W.SEASON_PREPOSITIONS_RU)})\s+$", re.IGNORECASE)
# Only spaces and commas between a year phrase and the yearless phrase it dates.
_MERGE_GAP = re.compile(r"[\s,]*")


# --------------------------------------------------------------------------
# Finding
# --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int
    end: int
    period: Period | None  # None: an impossible date that still blocks its span
    rule: Rule
    match: re.Match[str]


# Every phrase holds a trigger: a month, season, weekday or unit word, a
# relative day or a date-like number. Running ~25 rules over a whole speech
# costs ~20 ms per 10,000 characters; running them only in windows around
# triggers costs a few ms. TRIGGER_REACH says how far a phrase may start
# before its trigger ("с нуля часов с 7 на 8 мая": 22 characters before
# "мая") and end after it ("мая 2025 года").
TRIGGER_REACH: dict[str, tuple[int, int]] = {
    "month": (60, 30),
    "season": (30, 30),
    "weekday": (30, 40),
    "relative_day": (25, 0),
    "unit": (40, 10),
    "number": (40, 30),
}


def _both_cases(words: Iterable[str]) -> set[str]:
    return {form for word in words for form in (word, word[0].upper() + word[1:])}


_DATE_NUMBERS = r"\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d\d-\d\d"
TRIGGER_KINDS: dict[str, dict[str, str]] = {
    "ru": {
        **{form: "month" for forms in M.MONTHS_RU.values() for form in forms},
        **{stem: "month" for stem in W.MONTH_ADJECTIVES_RU.values()},
        **{form: "season" for form in W.SEASONS_RU},
        **{form: "weekday" for forms in W.WEEKDAYS_RU.values() for form in forms},
        **{form: "relative_day" for form in W.RELATIVE_DAYS_RU},
        **{form: "unit" for form in W.UNIT_WORDS_RU},
    },
    "en": {
        **{form: "month" for forms in (*M.MONTHS_EN.values(), *M.MONTH_ABBREVIATIONS_EN.values()) for form in forms},
        **{form: "season" for form in W.SEASONS_EN},
        **{form.lower(): "weekday" for forms in W.WEEKDAYS_EN.values() for form in forms},
        **{phrase.split()[-1]: "relative_day" for phrase in W.RELATIVE_DAYS_EN},
        **{form: "unit" for form in (*W.UNIT_WORDS_EN, "Q1", "Q2", "Q3", "Q4", "H1", "H2")},
    },
}  # fmt: skip
# Matched case-sensitively, which is several times faster than IGNORECASE:
# English months as written ("May", not the verb "may"), other words in
# lower case and capitalised.
TRIGGER_WORDS = {
    lang: re.compile(
        alternation(word if word[0].isupper() else form for word in kinds for form in _both_cases([word]))
    )
    for lang, kinds in TRIGGER_KINDS.items()
}
TRIGGER_NUMBERS = {
    "ru": re.compile(rf"\d{{4}}\s*гг?\.?(?![а-яё])|[стСТ]\.\s?г\.|{_DATE_NUMBERS}"),
    "en": re.compile(rf"(?:1[89]|2[01])\d\d(?!\d)|{_DATE_NUMBERS}"),
}
_SPACE = re.compile(r"\s")


def _windows(text: str, lang: str) -> dict[str, list[tuple[int, int]]]:
    """Kind of trigger -> stretches of `text` around its triggers, cut at spaces."""
    kinds = TRIGGER_KINDS[lang]
    words = TRIGGER_WORDS[lang].finditer(text)
    triggers = [(t.start(), t.end(), kinds.get(t.group()) or kinds.get(t.group().lower(), "month")) for t in words]
    triggers += [(t.start(), t.end(), "number") for t in TRIGGER_NUMBERS[lang].finditer(text)]
    windows: dict[str, list[tuple[int, int]]] = {}
    for first, last, kind in triggers:
        if first and text[first - 1].isalnum():
            continue  # inside a word: "погода" holds no "год"
        before, after = TRIGGER_REACH[kind]
        start = text.rfind(" ", 0, max(0, first - before)) + 1
        space = _SPACE.search(text, min(len(text), last + after))
        windows.setdefault(kind, []).append((start, space.start() if space else len(text)))
    return windows


def _merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _candidates(text: str, today: dt.date, lang: str) -> list[_Candidate]:
    found: list[_Candidate] = []
    by_kind = {kind: _merged(spans) for kind, spans in _windows(text, lang).items()}
    if not by_kind:
        return found
    windows: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for rule in RULES[lang]:
        spans = windows.get(rule.triggers)
        if spans is None:
            kinds = [by_kind[kind] for kind in rule.triggers if kind in by_kind]
            spans = windows[rule.triggers] = kinds[0] if len(kinds) == 1 else _merged(s for k in kinds for s in k)
        for start, end in spans:
            for m in rule.pattern.finditer(text, start, end):
                _add(found, text, m, rule, today, lang)
    return found


def _add(found: list[_Candidate], text: str, m: re.Match[str], rule: Rule, today: dt.date, lang: str) -> None:
    try:
        period = rule.resolve(m, today, None)
    except (ValueError, OverflowError):  # a year at the calendar's edge ("31.12.9999")
        period = None
    if period is NOT_A_DATE:
        return
    found.append(_Candidate(m.start(), m.end(), period, rule, m))
    deadline = _as_deadline(text, m, period, today, lang)
    if deadline is not None:
        found.append(deadline)


def _as_deadline(text: str, m: re.Match[str], period: Period | None, today: dt.date, lang: str) -> _Candidate | None:
    """ "до 1 сентября" -> today..08-31; "не позднее 1 сентября", "by 1 September" -> today..09-01."""
    if period is None or period.precision == "by" or text.startswith(("'s", "’s"), m.end()):
        return None  # "by this year's theme" is no deadline
    if any(_relative(word) < 0 for key, word in m.groupdict().items() if key.endswith("rel") and word):
        return None  # "к прошлому году" compares with last year; it sets no deadline
    before = DEADLINE_BEFORE[lang].search(text, max(0, m.start() - 40), m.start())
    if before is None:
        return None
    if period.deadline is not None:
        end = period.deadline
    elif _words(before["p"]) in EXCLUSIVE_DEADLINES or (
            _words(before["p"]) in BY_START_DEADLINES and period.precision in W.PERIODS_ENDING_BY_START):
        if period.starts_on == dt.date.min:
            return None  # the calendar has no day before its first
        end = period.starts_on - ONE_DAY
    else:
        end = period.ends_on
    # A deadline already past on `today` is kept as the single day it names.
    by = Period(min(today, end), end, "by")
    return _Candidate(before.start(), m.end(), by, _DEADLINE_RULE, m)


_DEADLINE_RULE = Rule("deadline", re.compile(""), lambda m, today, year: None)


def _select(candidates: list[_Candidate]) -> list[_Candidate]:
    """Longest first, then leftmost; no overlaps; returned in text order."""
    # The taken spans do not overlap, so kept in order their ends are in order
    # too: only the last one starting before a candidate ends can overlap it.
    # (A scan of all taken spans per candidate was quadratic on a long text.)
    spans: list[tuple[int, int]] = []
    taken: list[_Candidate] = []
    for candidate in sorted(candidates, key=lambda c: (c.start - c.end, c.start)):
        before = bisect.bisect_left(spans, (candidate.end, candidate.end))  # spans[:before] start before its end
        if before and spans[before - 1][1] > candidate.start:
            continue
        at = bisect.bisect_left(spans, (candidate.start, candidate.end))
        spans.insert(at, (candidate.start, candidate.end))
        taken.insert(at, candidate)
    return taken


def _merge_years(text: str, chosen: list[_Candidate], today: dt.date) -> list[_Candidate]:
    """ "в следующем году весной", "в этом году в сентябре": one phrase dated by its year phrase."""
    merged: list[_Candidate] = []
    index = 0
    while index < len(chosen):
        current = chosen[index]
        following = chosen[index + 1] if index + 1 < len(chosen) else None
        combined = _combine(text, current, following, today) if following else None
        if combined is not None:
            merged.append(combined)
            index += 2
        else:
            merged.append(current)
            index += 1
    return merged


def _combine(text: str, first: _Candidate, second: _Candidate, today: dt.date) -> _Candidate | None:
    if _MERGE_GAP.fullmatch(text, first.end, second.start) is None:
        return None
    for anchor, dated in ((first, second), (second, first)):
        if not (anchor.rule.anchor and anchor.period is not None and dated.period is not None):
            continue
        if not dated.rule.mergeable or _has_year(dated.match):
            continue
        if dated.period.precision == "by":
            continue
        period = dated.rule.resolve(dated.match, today, anchor.period.starts_on.year)
        if period is None or period is NOT_A_DATE:
            return None
        return _Candidate(first.start, second.end, period, dated.rule, dated.match)
    return None


def find_dates(text: str, *, today: dt.date, lang: str) -> list[DateMatch]:
    """Every date or period phrase in `text`, in order, resolved against `today`.

    `lang` is "ru" or "en" (anything else finds nothing). Never raises on odd
    input: a phrase naming an impossible date ("31 февраля") is skipped.
    """
    if lang not in RULES or not text:
        return []
    chosen = _merge_years(text, _select(_candidates(text, today, lang)), today)
    return [
        DateMatch(c.start, c.end, text[c.start : c.end], c.period.starts_on, c.period.ends_on, c.period.precision)
        for c in chosen
        if c.period is not None
    ]
