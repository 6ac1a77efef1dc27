"""Posts of the Foreign Ministry's Telegram channels (t.me).

A post is a few lines with emoji, flags and hashtags; a "📍 Cairo, December 19"
line tells where it happened. The scraper derived the title from the first
line (meta.title_is_derived), cut at about 170 characters with "…".
"""

from __future__ import annotations

import re

from statements.parse.generic import record_lang
from statements.parse.kinds import detect_kind
from statements.parse.leftovers import strip_trailing_chrome
from statements.parse.places import place_from_title, place_of_happening, tidy_place
from statements.parse.published import EN_MONTH_WORD, parse_record_date
from statements.parse.records import ParsedStatement
from statements.parse.speakers import english_officials, english_title_speakers, merge, russian_title_speakers
from statements.parse.text import (
    join_paragraphs,
    join_wrapped,
    split_lines,
    squash_spaces,
    tidy_punctuation,
)
from statements.parse.turns import find_turns

# Pictographs, dingbats, arrows, geometric bullets, regional-indicator flags,
# variation selectors and joiners.
EMOJI = re.compile(
    "[\U0001f000-\U0001faff\U0001f1e6-\U0001f1ff\u2190-\u21ff\u2300-\u23ff\u25a0-\u25ff"
    "\u2600-\u27bf\u2900-\u297f\u2b00-\u2bff\u3030\u303d\ufe0e\ufe0f\u200d\u20e3]"
)
HASHTAG_LINE = re.compile(r"^(?:#\w+[\s,]*)+$")
HASHTAG = re.compile(r"#(?=\w)")
PIN = "📍"
# A pin line that is a dateline: "📍 Cairo, December 19", "📍 January 15, 2026, Geneva".
# (Posts also use the pin as a bullet for whole sentences.)
PIN_DATE = rf"(?:{EN_MONTH_WORD} \d{{1,2}}(?:,? \d{{4}})?|\d{{1,2}} {EN_MONTH_WORD}(?:,? \d{{4}})?)"
PIN_PLACE_FIRST = re.compile(rf"^(?P<place>[A-Z][^,\d]{{1,40}}?)\s*,\s*{PIN_DATE}\W*$")
PIN_DATE_FIRST = re.compile(rf"^{PIN_DATE}\s*,\s*(?P<place>[A-Z][^,\d]{{1,40}}?)\W*$")
# Buttons and links that stand on a line of their own.
UI_LINES = re.compile(r"^(?:Read in full|Read more|Full text|Watch the video|Subscribe|Читать полностью)\.?$", re.I)
ANNOUNCEMENT_TAG = re.compile(r"#(?:Announcement|Анонс)\b", re.I)
SENTENCE_STOP = re.compile(r"[.!?](?=\s|$)")
MAX_TITLE_CHARS = 300


def clean_line(line: str) -> str:
    return squash_spaces(tidy_punctuation(HASHTAG.sub("", EMOJI.sub(" ", line))))


def full_title(title: str, paragraphs: list[str]) -> str:
    """The scraper's title cut with "…" completed to its first sentence from the body."""
    if not title.endswith("…"):
        return title
    prefix = title[:-1].rstrip()
    for paragraph in paragraphs:
        if paragraph.startswith(prefix):
            stop = SENTENCE_STOP.search(paragraph, len(prefix))
            end = stop.end() if stop else len(paragraph)
            if end <= MAX_TITLE_CHARS:
                return paragraph[:end]
            break
    return title


def parse_telegram(record: dict) -> ParsedStatement:
    raw = record["text"]
    place = None
    lines: list[str] = []
    for line in split_lines(raw):
        if line.startswith(PIN):
            pinned = PIN_PLACE_FIRST.match(clean_line(line)) or PIN_DATE_FIRST.match(clean_line(line))
            if pinned:
                place = place or tidy_place(pinned["place"])
                continue
        if HASHTAG_LINE.match(line):
            continue
        cleaned = clean_line(line)
        if cleaned and not UI_LINES.match(cleaned) and re.search(r"\w", cleaned):
            lines.append(cleaned)
    lang = record_lang(record, raw)
    paragraphs = strip_trailing_chrome(join_wrapped(lines), lang)
    body = join_paragraphs(paragraphs)

    title = clean_line(record.get("title") or "") or (paragraphs[0] if paragraphs else "")
    title = full_title(title, paragraphs)

    record_date = parse_record_date(record.get("date"))
    meta = record.get("meta") or {}
    stamp = parse_record_date(meta.get("datetime")) if meta.get("datetime") else record_date
    published_on = record_date.date or stamp.date
    # Telegram's clock is UTC, and so is the time kept here; the date is the
    # record's own (also the UTC day).
    published_at = stamp.time or record_date.time

    kind = "announcement" if ANNOUNCEMENT_TAG.search(raw) else detect_kind(title)
    if lang == "ru":
        named = russian_title_speakers(title)
    else:
        # The title names the post's speaker ("Article by ...", "Russia's Foreign
        # Minister Sergey Lavrov ..."); others the body mentions are only quoted
        # or cited then. A title naming nobody leaves it to the body's officials.
        named = english_title_speakers(title) or english_officials(body)
    turns, labelled = find_turns(body, named)

    return ParsedStatement(
        title=title,
        body=body,
        raw_text=raw,
        lang=lang,
        published_on=published_on,
        published_at=published_at,
        kind=kind,
        speakers=merge(named, labelled),
        place=place or place_from_title(title) or (place_of_happening(title) if lang == "en" else None),
        url=record.get("url"),
        source=record.get("source"),
        turns=turns,
    )
