"""Dates of a statement: the record's date field, a title's dateline, a mid.ru
document number."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from statements.parse.records import ParseError
from statements.text.months import MONTH_ABBREVIATIONS_EN, MONTH_BY_WORD, MONTHS_EN, MONTHS_RU_GENITIVE

# Month words of dates: Russian in the genitive ("31 июля"), English in any
# form ("April 19", "19 Sept. 2022"), the longest first so that "June" is not cut to "Jun".
RU_MONTH_WORD = "(?:" + "|".join(MONTHS_RU_GENITIVE.values()) + ")"
EN_MONTH_FORMS = sorted(
    (form for table in (MONTHS_EN, MONTH_ABBREVIATIONS_EN) for forms in table.values() for form in forms),
    key=len,
    reverse=True,
)
EN_MONTH_WORD = "(?:" + "|".join(EN_MONTH_FORMS) + r")\.?"

# "31 июля 2018 года", "5 мая 2023 г."
RU_DATE = re.compile(
    rf"\b(?P<day>\d{{1,2}})\s+(?P<month>{RU_MONTH_WORD})\s+(?P<year>\d{{4}})(?:\s*(?:года|г\.))?", re.I
)
# "April 19, 2022", "JANUARY 23, 2003", "19 April 2022"
EN_DATE_MDY = re.compile(rf"\b(?P<month>{EN_MONTH_WORD})\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})\b", re.I)
EN_DATE_DMY = re.compile(rf"\b(?P<day>\d{{1,2}})\s+(?P<month>{EN_MONTH_WORD}),?\s+(?P<year>\d{{4}})\b", re.I)
TITLE_DATES = (RU_DATE, EN_DATE_MDY, EN_DATE_DMY)

# mid.ru document numbers: a running number, then the day, month and year.
DOC_NUMBER = re.compile(r"\b(?P<number>\d{1,5})-(?P<day>\d{2})-(?P<month>\d{2})-(?P<year>\d{4})\b")

ISO_DATE = re.compile(r"^(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})$")
ISO_DATETIME = re.compile(
    r"^(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})"
    r"[T ](?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?"
    r"(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?$"
)
DOTTED_DATE = re.compile(r"^(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>\d{4})$")
BARE_YEAR = re.compile(r"^(?P<year>\d{4})$")
CLOCK = re.compile(r"^(?P<hour>[01]?\d|2[0-3]):(?P<minute>[0-5]\d)$")


@dataclass(frozen=True, slots=True)
class RecordDate:
    """What a record's date field says: a day (and time), or only a year."""

    date: dt.date | None = None
    time: dt.time | None = None
    year: int | None = None  # set when the field is a bare year ("1946")


@dataclass(frozen=True, slots=True)
class FoundDate:
    date: dt.date
    start: int  # span of the date phrase in the text searched
    end: int


def make_date(year: int, month: int, day: int) -> dt.date | None:
    """The day, or None for an impossible one ("31 февраля"); extract/dates.py uses it too."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_record_date(value: object) -> RecordDate:
    """The record's own date field; an impossible or unreadable date raises ParseError."""
    if value is None:
        return RecordDate()
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise ParseError(f"date is not a string: {value!r}")
    text = value.strip()
    if not text:
        return RecordDate()
    if match := BARE_YEAR.match(text):
        return RecordDate(year=int(match["year"]))
    for pattern in (ISO_DATE, ISO_DATETIME, DOTTED_DATE):
        if match := pattern.match(text):
            date = make_date(int(match["year"]), int(match["month"]), int(match["day"]))
            if date is None:
                raise ParseError(f"impossible date {value!r}")
            time = None
            if pattern is ISO_DATETIME:
                try:
                    time = dt.time(int(match["hour"]), int(match["minute"]), int(match["second"] or 0))
                except ValueError:
                    raise ParseError(f"impossible time in {value!r}") from None
            return RecordDate(date=date, time=time)
    found = find_date(text)
    if found is not None and found.start == 0 and found.end >= len(text.rstrip(". ")):
        return RecordDate(date=found.date)
    raise ParseError(f"unreadable date {value!r}")


def iter_dates(text: str):
    """Every valid day-month-year date phrase in the text, in order."""
    found = []
    for pattern in TITLE_DATES:
        for match in pattern.finditer(text):
            month = MONTH_BY_WORD.get(match["month"].lower().rstrip("."))
            date = make_date(int(match["year"]), month, int(match["day"])) if month else None
            if date is not None:
                found.append(FoundDate(date, match.start(), match.end()))
    return sorted(found, key=lambda f: f.start)


def find_date(text: str) -> FoundDate | None:
    dates = iter_dates(text)
    return dates[0] if dates else None


def find_last_date(text: str) -> FoundDate | None:
    """The last date of a title: its dateline ("..., Москва, 31 июля 2018 года")."""
    dates = iter_dates(text)
    return dates[-1] if dates else None


def date_from_doc_number(number: str | None) -> dt.date | None:
    """ "1430-31-07-2018" -> 2018-07-31."""
    if not number:
        return None
    match = DOC_NUMBER.search(number)
    if not match:
        return None
    return make_date(int(match["year"]), int(match["month"]), int(match["day"]))


def parse_clock(text: str) -> dt.time | None:
    match = CLOCK.match(text.strip())
    return dt.time(int(match["hour"]), int(match["minute"])) if match else None
