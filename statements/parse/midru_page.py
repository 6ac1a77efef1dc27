"""A mid.ru page copied as text (the seed, shared/corpus/seed/*.txt).

    20:31
    <title>, Москва, 31 июля 2018 года
    1430-31-07-2018
    <body>
    <the page's leftovers in the UI language: 补充资料 / 视频 / ... / 高级设置>

The time and the document number may be missing; the leftovers go with
leftovers.py.
"""

from __future__ import annotations

from statements.parse.generic import build_statement, record_lang
from statements.parse.midru import strip_site_name, take_doc_number
from statements.parse.published import parse_clock
from statements.parse.records import ParsedStatement, ParseError
from statements.parse.text import join_wrapped, split_lines


def parse_midru_page(record: dict) -> ParsedStatement:
    raw = record["text"]
    lines = split_lines(raw)
    published_at = parse_clock(lines[0]) if lines else None
    if published_at is not None:
        lines = lines[1:]
    if not lines:
        raise ParseError("no text: the page holds only its time")
    title = strip_site_name(lines[0])
    doc_number, paragraphs = take_doc_number(join_wrapped(lines[1:]))
    return build_statement(
        record=record,
        title=title,
        paragraphs=paragraphs,
        raw_text=raw,
        lang=record_lang(record, raw),
        doc_number=doc_number,
        published_at=published_at,
    )
