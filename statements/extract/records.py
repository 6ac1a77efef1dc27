"""Plain records produced by extraction: no Django, no database."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# Precision vocabulary of shared/gold/GUIDELINES.md.
PRECISIONS = ("day", "week", "decade", "month", "season", "quarter", "half", "year", "by")


@dataclass(frozen=True, slots=True)
class DateMatch:
    start: int  # character span of the date phrase in the text it was found in
    end: int
    text: str
    starts_on: dt.date
    ends_on: dt.date
    precision: str


@dataclass(frozen=True, slots=True)
class CountryMatch:
    start: int
    end: int
    text: str
    code: str  # ISO 3166-1 alpha-2


@dataclass(frozen=True, slots=True)
class Agreement:
    start: int  # span of the sentence in the cleaned body
    end: int
    text: str
    kind: str  # "agreed" | "reaffirmed"
    parties: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Event:
    start: int
    end: int
    text: str
    title: str
    starts_on: dt.date | None
    ends_on: dt.date | None
    precision: str | None
    place: str | None = None
    countries: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class PersonMention:
    name: str  # canonical display name, e.g. "Сергей Лавров" / "Sergey Lavrov"
    surname: str  # nominative surname in the text's script
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class TopicMatch:
    slug: str
    evidence: str  # the words that assigned it


@dataclass(slots=True)
class Extraction:
    agreements: list[Agreement] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    countries: dict[str, int] = field(default_factory=dict)  # code -> mentions
    people: list[PersonMention] = field(default_factory=list)
    topics: list[TopicMatch] = field(default_factory=list)
