"""Paragraphs for a text whose line breaks were flattened into single spaces.

Later code never lets a sentence cross a paragraph, so the paragraphs must
fall between sentences: the text is cut at hard breaks first (a speaker label,
"* * *"), then razdel splits each piece into sentences, and a few sentences
make a paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from razdel import sentenize

# A new paragraph after this many sentences, or once it is this long.
SENTENCES_PER_PARAGRAPH = 3
PARAGRAPH_CHARS = 450
MARK_CHARS = 3
# The asterisks kremlin.ru sets between the report and the transcript.
SEPARATOR = re.compile(r"(?<!\s)\s*+\*\s\*\s\*\s*+")  # (?<!\s): from where the blanks start


def group_sentences(sentences: Iterable[str]) -> list[str]:
    paragraphs: list[str] = []
    current: list[str] = []
    length = 0
    for sentence in sentences:
        if len(sentence) <= MARK_CHARS and not current and paragraphs:
            paragraphs[-1] += f" {sentence}"  # "<…>" marks an omission; it has no paragraph of its own
            continue
        current.append(sentence)
        length += len(sentence) + 1
        if len(current) >= SENTENCES_PER_PARAGRAPH or length >= PARAGRAPH_CHARS:
            paragraphs.append(" ".join(current))
            current, length = [], 0
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def reflow(text: str, breaks: Iterable[int] = ()) -> list[str]:
    """Paragraphs of a flattened text; each offset in breaks starts a new paragraph."""
    cuts = sorted({0, *breaks, len(text)})
    paragraphs: list[str] = []
    for start, end in zip(cuts, cuts[1:], strict=False):
        for piece in SEPARATOR.split(text[start:end]):
            piece = piece.strip()
            if piece:
                paragraphs.extend(group_sentences(s.text for s in sentenize(piece)))
    return paragraphs
