"""Extraction: a parsed statement in, its agreements, events, countries,
people and topics out (pure Python, no Django).

    from statements.extract import extract
    extraction = extract(parse_record(record))

Sentences are cut once and shared by the agreement and event finders; the
countries are counted over the title and the body, site boilerplate left out.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from typing import TYPE_CHECKING

from statements.extract.records import CountryMatch, Extraction

if TYPE_CHECKING:
    from statements.parse.records import ParsedStatement

__all__ = ["country_matches", "extract", "is_domestic", "speaker_country", "statement_counterpart"]

# The finders are imported on first use, not here: importing any module of
# this package (the models import records.py) runs this file, and the finders
# compile their tables at import, which takes a good part of a second.

# The archive's statements come from the Russian side unless the title says
# otherwise ("Peru: statement in the UN General Assembly general debate").
DEFAULT_SPEAKER_COUNTRY = "RU"
SPEAKER_IN_TITLE = re.compile(r"^\s*([^:]{2,80}):\s*(?:statement|speech|address)\b", re.IGNORECASE)

# Kinds of statement whose "you" is a journalist.
PRESS_DIALOGUES = frozenset({"interview", "press_conference", "briefing"})

# Site boilerplate that names a country without the statement doing so: a
# copyright line, and the site's name after a title.
COPYRIGHT_LINE = re.compile(r"^[^\S\n]*+©[^\n]*", re.MULTILINE)
BOILERPLATE = re.compile(
    r"\s[-–—|]\s*+(?:Министерство иностранных дел Российской Федерации"
    r"|Ministry of Foreign Affairs of the Russian Federation)\s*$"
)


def _without_boilerplate(text: str) -> str:
    """The text with its boilerplate blanked out rather than cut, so spans stay valid.

    A copyright line is blanked with the blank lines before it. Those are found
    by stepping back from the line rather than by a pattern starting at every
    line: from each line start inside a run of blank lines, "^\\s*©" would read
    the rest of the run again.
    """
    pieces, done = [], 0
    for match in COPYRIGHT_LINE.finditer(text):
        first = match.start()
        while first > done and text[first - 1].isspace():
            first -= 1
        if first > 0:  # the blanking starts at the first line start after the last word
            newline = text.find("\n", first, match.start())
            first = newline + 1 if newline >= 0 else match.start()
        pieces.append(text[done:first])
        pieces.append(" " * (match.end() - first))
        done = match.end()
    pieces.append(text[done:])
    return BOILERPLATE.sub(lambda m: " " * len(m.group(0)), "".join(pieces))


def country_matches(parsed: ParsedStatement) -> tuple[list[CountryMatch], list[CountryMatch]]:
    """Country mentions of the title and of the body (spans into each)."""
    from statements.extract.countries import find_countries

    lang = parsed.lang
    title = _without_boilerplate(parsed.title or "")
    body = _without_boilerplate(parsed.body or "")
    return find_countries(title, lang=lang), find_countries(body, lang=lang)


def speaker_country(parsed: ParsedStatement) -> str:
    from statements.extract.countries import find_countries

    match = SPEAKER_IN_TITLE.match(parsed.title or "")
    if match:
        codes = [m.code for m in find_countries(match.group(1), lang=parsed.lang)]
        if codes:
            return codes[0]
    return DEFAULT_SPEAKER_COUNTRY


def statement_counterpart(
    parsed: ParsedStatement,
    title_matches: list[CountryMatch],
    body_counts: Counter[str],
    speaker: str,
) -> str | None:
    """The statement's main other party: the first foreign country of the
    title, else of the site's own geography block, else an organisation the
    title names, else the body's most-named foreign country or organisation."""
    from statements.extract.agreements import organisations_in
    from statements.extract.countries import find_countries

    for match in title_matches:
        if match.code != speaker:
            return match.code
    if parsed.meta_countries:
        for match in find_countries("; ".join(parsed.meta_countries), lang=parsed.lang):
            if match.code != speaker:
                return match.code
    organisations = organisations_in(parsed.title or "", parsed.lang)
    if organisations:
        return organisations[0]
    foreign = [(count, code) for code, count in body_counts.items() if code != speaker]
    if foreign:
        return max(foreign)[1]
    organisations = organisations_in(parsed.body or "", parsed.lang)
    return organisations[0] if organisations else None


def is_domestic(parsed: ParsedStatement, foreign_in_title_or_geography: bool) -> bool:
    """A statement of a site that files its geography (kremlin.ru) with no
    foreign country there nor in the title: a domestic meeting."""
    return bool(parsed.meta_topics or parsed.meta_countries) and not foreign_in_title_or_geography


def title_dated_lead(parsed: ParsedStatement, sentences: list, *, lang: str) -> list:
    """An announcement whose title carries the date ("26 февраля состоятся
    переговоры ...") and whose first sentence tells the happening without it:
    the event is the first sentence, dated by the title."""
    from statements.extract.events import compiled_rules, event_from_sentence, happenings
    from statements.extract.sentences import Sentence

    title = parsed.title or ""
    if not (title and sentences and parsed.published_on):
        return []
    event = event_from_sentence(
        Sentence(start=0, end=len(title), text=title, paragraph=0), lang=lang, today=parsed.published_on
    )
    lead = sentences[0]
    if event is None or lead.in_question or not any(happenings(lead.text, compiled_rules(lang))):
        return []
    return [replace(event, start=lead.start, end=lead.end, text=lead.text)]


def extract(parsed: ParsedStatement) -> Extraction:
    """The one entry point of extraction. Never raises on an empty body."""
    from statements.extract.agreements import find_agreements
    from statements.extract.countries import find_countries
    from statements.extract.events import find_events
    from statements.extract.people import find_people
    from statements.extract.sentences import mark_questions, split_sentences
    from statements.extract.topics import find_topics

    body = parsed.body or ""
    lang = parsed.lang or "ru"
    sentences = mark_questions(split_sentences(body), parsed.turns)

    title_matches, body_matches = country_matches(parsed)
    counts: Counter[str] = Counter(m.code for m in title_matches)
    body_counts: Counter[str] = Counter(m.code for m in body_matches)
    counts.update(body_counts)

    speaker = speaker_country(parsed)
    counterpart = statement_counterpart(parsed, title_matches, body_counts, speaker)
    foreign_named = any(m.code != speaker for m in title_matches) or any(
        m.code != speaker for m in find_countries("; ".join(parsed.meta_countries), lang=lang)
    )
    today = parsed.published_on
    agreements = find_agreements(
        sentences,
        lang=lang,
        speaker_country=speaker,
        today=today,
        counterpart=counterpart,
        domestic=is_domestic(parsed, foreign_named),
        press=parsed.kind in PRESS_DIALOGUES,
        joint_document=parsed.kind == "joint_statement",
    )
    events = find_events(sentences, lang=lang, today=today, place_hint=parsed.place)
    if not events:
        events = title_dated_lead(parsed, sentences, lang=lang)
    people = find_people(body, lang=lang) if body else []
    topic_text = "\n\n".join(part for part in (parsed.title, body) if part)
    topics = find_topics(topic_text, lang=lang, meta_topics=tuple(parsed.meta_topics))
    return Extraction(
        agreements=agreements,
        events=events,
        countries=dict(sorted(counts.items())),
        people=people,
        topics=topics,
    )
