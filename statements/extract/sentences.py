"""Sentences of a cleaned body, with spans into it.

razdel does not treat a blank line as a boundary, so the body is cut into
paragraphs first and razdel runs inside each one: a sentence never crosses a
paragraph, and a heading without a full stop does not swallow the next line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from razdel import sentenize

from statements.parse.records import Turn

# A paragraph break: a line break, optional blanks, another line break.
PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n")
# What stands between a sentence end (or the text's start) and a sentence's first
# word: blanks, quotes, brackets and dashes. Tried only where such a run starts:
# from each place inside it the engine would read the rest again.
SENTENCE_GAP = re.compile(r"(?<![\s«»\"“”„'(\[—–-])[\s«»\"“”„'(\[—–-]*+\Z")
SENTENCE_ENDS = ".!?…:;"


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int  # span in the body
    end: int
    text: str
    paragraph: int  # index of the paragraph, 0-based
    in_question: bool = False  # inside a journalist's question turn


def paragraph_spans(body: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank paragraph, blanks trimmed."""
    spans = []
    position = 0
    for match in PARAGRAPH_BREAK.finditer(body):
        spans.append((position, match.start()))
        position = match.end()
    spans.append((position, len(body)))
    trimmed = []
    for start, end in spans:
        chunk = body[start:end]
        stripped = chunk.strip()
        if not stripped:
            continue
        lead = len(chunk) - len(chunk.lstrip())
        trimmed.append((start + lead, start + lead + len(stripped)))
    return trimmed


def split_sentences(body: str) -> list[Sentence]:
    sentences = []
    for index, (start, end) in enumerate(paragraph_spans(body)):
        for piece in sentenize(body[start:end]):
            sentences.append(
                Sentence(
                    start=start + piece.start,
                    end=start + piece.stop,
                    text=piece.text,
                    paragraph=index,
                )
            )
    return sentences


def mark_questions(sentences: Sequence[Sentence], turns: Iterable[Turn]) -> list[Sentence]:
    """Flag the sentences that begin inside a question turn."""
    questions = sorted((turn.start, turn.end) for turn in turns if turn.is_question)
    if not questions:
        return list(sentences)
    marked = []
    for sentence in sentences:
        inside = any(start <= sentence.start < end for start, end in questions)
        marked.append(replace(sentence, in_question=inside) if inside else sentence)
    return marked


def at_sentence_start(text: str, start: int, *, window: int) -> bool:
    """The word at start opens a sentence, so its capital letter says nothing of
    the word (a name, a place). Only window characters before it are read: finders
    call this for many words."""
    before = text[max(0, start - window) : start]
    if start > window and not re.search(r"[.!?…:;\n]", before):
        return False
    gap = SENTENCE_GAP.search(before)  # always found: it may be empty
    return gap.start() == 0 or "\n" in gap[0] or before[gap.start() - 1] in SENTENCE_ENDS
