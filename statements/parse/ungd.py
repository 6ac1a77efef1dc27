"""UN General Assembly general-debate speeches (UN General Debate Corpus).

The title is derived: "Union of Soviet Socialist Republics: statement in the
UN General Assembly general debate, session 1 (1946) — Mr. Molotov"; the date
is a bare year.
"""

from __future__ import annotations

import datetime as dt
import re

from statements.parse.names import english_surname
from statements.parse.published import parse_record_date
from statements.parse.records import ParsedStatement, ParseError
from statements.parse.text import join_paragraphs, paragraphs_of, squash_spaces

TITLE_SPEAKER = re.compile(r"\s[—–-]\s(?P<speaker>[^—–]+)$")
TITLE_SESSION = re.compile(r"\bsession (?P<session>\d+)\b.*?\((?P<year>\d{4})\)")
# The general debate meets at UN Headquarters, but for the sessions held in
# Paris (the third, 1948, and the sixth, 1951).
SESSION_PLACES = {3: "Paris", 6: "Paris"}
HEADQUARTERS = "New York"
SEPTEMBER = 9
TUESDAY = 1  # date.weekday()


def debate_date(year: int) -> dt.date:
    """The day a speech of that year's general debate is filed under.

    The corpus gives only the year, and the database needs a day. The regular
    session opened on the third Tuesday of September under the rules of
    procedure for most of the corpus's years (today: the Tuesday of the third
    week), and the general debate follows within days and lasts a week or
    more; so the third Tuesday of September is used. It is a convention, not
    the day of the speech, but it keeps the speech in its session's weeks,
    where January 1 would put it eight months early.
    """
    first = dt.date(year, SEPTEMBER, 1)
    first_tuesday = first + dt.timedelta(days=(TUESDAY - first.weekday()) % 7)
    return first_tuesday + dt.timedelta(weeks=2)


def parse_ungd(record: dict) -> ParsedStatement:
    raw = record["text"]
    title = squash_spaces(record.get("title") or "")
    meta = record.get("meta") or {}
    body = join_paragraphs(paragraphs_of(raw))
    if not body:
        raise ParseError("no text")

    record_date = parse_record_date(record.get("date"))
    year = record_date.year or meta.get("year")
    session_match = TITLE_SESSION.search(title)
    if year is None and session_match:
        year = int(session_match["year"])
    published_on = record_date.date or (debate_date(int(year)) if year else None)

    session = meta.get("session") or (int(session_match["session"]) if session_match else None)
    speaker_name = meta.get("speaker")
    if not speaker_name and (match := TITLE_SPEAKER.search(title)):
        speaker_name = match["speaker"]
    surname = english_surname(speaker_name) if speaker_name else None

    return ParsedStatement(
        title=title or body.split("\n", 1)[0][:200],
        body=body,
        raw_text=raw,
        lang="en",
        published_on=published_on,
        kind="speech",
        speakers=[surname] if surname else [],
        place=SESSION_PLACES.get(session, HEADQUARTERS) if isinstance(session, int) else HEADQUARTERS,
        url=record.get("url"),
        source=record.get("source"),
    )
