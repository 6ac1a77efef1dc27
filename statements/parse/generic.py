"""Records from any site: title, date and text as given; everything else from them.

The mid.ru parsers build on this too, after taking their own furniture off.
"""

from __future__ import annotations

import datetime as dt

from statements.parse.kinds import detect_kind
from statements.parse.leftovers import strip_trailing_chrome
from statements.parse.places import place_from_title
from statements.parse.published import date_from_doc_number, find_last_date, parse_record_date
from statements.parse.records import ParsedStatement, ParseError
from statements.parse.speakers import english_title_speakers, merge, record_speaker, russian_title_speakers
from statements.parse.text import detect_lang, join_paragraphs, paragraphs_of, squash_spaces
from statements.parse.turns import find_turns

# A title derived from the first line is cut here.
MAX_DERIVED_TITLE = 250


# Below this many letters the text's script says too little to overrule the record.
MIN_LETTERS_TO_DETECT = 20


def record_lang(record: dict, text: str) -> str:
    """The record's "lang" unless the text's script plainly says otherwise (a
    Russian post in the English channel: "С Наступающим Новым Годом!")."""
    given = record.get("lang")
    given = given.strip().lower()[:2] if isinstance(given, str) else None
    if given not in {"ru", "en"} or sum(c.isalpha() for c in text[:2000]) >= MIN_LETTERS_TO_DETECT:
        return detect_lang(text)
    return given


def title_speakers(title: str, lang: str) -> list[str]:
    if lang == "ru":
        return russian_title_speakers(title)
    return english_title_speakers(title)


def build_statement(
    *,
    record: dict,
    title: str,
    paragraphs: list[str],
    raw_text: str,
    lang: str,
    doc_number: str | None = None,
    published_at: dt.time | None = None,
) -> ParsedStatement:
    """A statement from a title and cleaned paragraphs, with what they tell."""
    paragraphs = strip_trailing_chrome(paragraphs, lang)
    body = join_paragraphs(paragraphs)
    if not body:
        raise ParseError("no text")
    if not title:
        raise ParseError("no title and none derivable from the text")

    record_date = parse_record_date(record.get("date"))
    published_on = record_date.date
    if published_on is None and (found := find_last_date(title)):
        published_on = found.date
    if published_on is None:
        published_on = date_from_doc_number(doc_number)

    named = merge(title_speakers(title, lang), [s for s in [record_speaker(record.get("speaker"), lang)] if s])
    turns, labelled = find_turns(body, named)
    return ParsedStatement(
        title=title,
        body=body,
        raw_text=raw_text,
        lang=lang,
        published_on=published_on,
        published_at=published_at or record_date.time,
        doc_number=doc_number,
        kind=detect_kind(title),
        speakers=merge(named, labelled),
        place=place_from_title(title),
        url=record.get("url"),
        source=record.get("source") if isinstance(record.get("source"), str) else None,
        turns=turns,
    )


def derive_title(paragraphs: list[str]) -> str:
    if not paragraphs:
        return ""
    first = paragraphs[0]
    if len(first) <= MAX_DERIVED_TITLE:
        return first
    cut = first.rfind(" ", 0, MAX_DERIVED_TITLE)
    return first[: cut if cut > 0 else MAX_DERIVED_TITLE] + "…"


def parse_generic(record: dict) -> ParsedStatement:
    raw = record["text"]
    paragraphs = paragraphs_of(raw)
    title = squash_spaces(record.get("title") or "") or derive_title(paragraphs)
    return build_statement(
        record=record, title=title, paragraphs=paragraphs, raw_text=raw, lang=record_lang(record, raw)
    )
