"""mid.ru records (JSON Lines or CSV) as others scraped them.

The title carries the site's name ("... - Министерство иностранных дел
Российской Федерации"), the text opens with the document number
("867-05-05-2023") and may end with the page's leftovers; the date may be
missing, and then the title's dateline or the document number gives it.
"""

from __future__ import annotations

import re

from statements.parse.generic import build_statement, record_lang
from statements.parse.published import DOC_NUMBER
from statements.parse.records import ParsedStatement
from statements.parse.text import paragraphs_of, squash_spaces

SITE_SUFFIX = re.compile(
    r"(?<!\s)\s++[-–—|]\s++(?:Министерство иностранных дел Российской Федерации|МИД России"
    r"|(?:The )?Ministry of Foreign Affairs of the Russian Federation|MFA Russia)\s*$",
    re.IGNORECASE,
)


def strip_site_name(title: str) -> str:
    return SITE_SUFFIX.sub("", squash_spaces(title)).strip()


def take_doc_number(paragraphs: list[str]) -> tuple[str | None, list[str]]:
    """The document number standing alone at the top of the text, and the rest."""
    if paragraphs and DOC_NUMBER.fullmatch(paragraphs[0]):
        return paragraphs[0], paragraphs[1:]
    return None, paragraphs


def parse_midru(record: dict) -> ParsedStatement:
    raw = record["text"]
    doc_number, paragraphs = take_doc_number(paragraphs_of(raw))
    return build_statement(
        record=record,
        title=strip_site_name(record.get("title") or ""),
        paragraphs=paragraphs,
        raw_text=raw,
        lang=record_lang(record, raw),
        doc_number=doc_number,
    )
