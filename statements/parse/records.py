"""Plain records produced by the parsers: no Django, no database."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Turn:
    """One turn of a Q&A transcript, as a character span of the cleaned body."""

    start: int
    end: int
    speaker: str | None  # surname in the text's script, nominative; None when unknown
    is_question: bool


@dataclass(slots=True)
class ParsedStatement:
    title: str
    body: str  # cleaned body; paragraphs separated by a blank line ("\n\n")
    raw_text: str  # the input text, verbatim
    lang: str  # "ru" or "en"
    published_on: dt.date | None = None
    published_at: dt.time | None = None
    doc_number: str | None = None  # mid.ru document number, "1430-31-07-2018"
    kind: str = "other"  # vocabulary of shared/gold/GUIDELINES.md
    speakers: list[str] = field(default_factory=list)  # surnames, nominative
    place: str | None = None  # city, nominative
    url: str | None = None
    source: str | None = None  # provenance of the record (repository:file)
    # Metadata some sites publish beside the text (kremlin.ru's
    # "География / Темы / Лица" block): names as the site writes them.
    meta_countries: list[str] = field(default_factory=list)
    meta_topics: list[str] = field(default_factory=list)
    meta_people: list[str] = field(default_factory=list)
    turns: list[Turn] = field(default_factory=list)


class ParseError(ValueError):
    """A record that cannot become a statement; the message says why."""
