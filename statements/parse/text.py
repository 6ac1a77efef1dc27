"""Whitespace, paragraphs, scripts: the text helpers every source parser shares.

The cleaned body keeps one convention that later code relies on: paragraphs
separated by exactly one blank line, single spaces inside a paragraph, no
blanks at either end (statements/extract/sentences.py never lets a sentence
cross a paragraph).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from statements.text.scripts import CYRILLIC

# Invisible characters that scraping leaves in: zero-width spaces and joiners,
# soft hyphens, byte-order marks inside the text, and control characters (XML,
# hence the Atom feed, refuses them; \x02 and \x03 mark search snippets).
# And the explicit directional formatting characters (embeddings, overrides,
# isolates, U+202A-U+202E and U+2066-U+2069): in Russian and English text they
# mean nothing, and a right-to-left override makes a title read backwards
# ("txt.exe" shown as "exe.txt") and spills over what the page shows after it.
INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\u00ad\ufeff\x00-\x08\x0e-\x1b\x7f\u202a-\u202e\u2066-\u2069]")
# Any run of horizontal whitespace, the no-break spaces included.
# (Single plain spaces are left alone: rewriting each one costs time on long texts.)
SPACES = re.compile(r"[^\S\n]{2,}|[^\S \n]")
# A space that a link or a tooltip left before punctuation: "разговор ." / "Lavrov 's".
SPACE_BEFORE_PUNCTUATION = re.compile(r"(?<=\S) +(?=[,.:;!?)\]»”](?:[\s,.:;!?)\]»”]|$)|['’]s\b)")
SPACE_AFTER_OPENING = re.compile(r"(?<=[(\[«“]) +")

# The end of a sentence: what a line of real prose ends with.
SENTENCE_END = re.compile(r"[.!?…:;»\"”)\]>]\s*$")
# A line that continues the previous one: a wrapped line starts in lower case.
CONTINUATION_START = re.compile(r"^[a-zа-яё(«\"“,;]")

LATIN = re.compile(r"[A-Za-z]")
CJK = re.compile(r"[\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")


def squash_spaces(text: str) -> str:
    """One line of text with single spaces and no blanks at the ends."""
    return SPACES.sub(" ", INVISIBLE.sub("", text)).strip()


def tidy_punctuation(text: str) -> str:
    """Drop the blanks scraped links leave around punctuation."""
    return SPACE_AFTER_OPENING.sub("", SPACE_BEFORE_PUNCTUATION.sub("", text))


def split_lines(text: str) -> list[str]:
    """Non-blank lines of a text, each squashed to single spaces."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = (squash_spaces(line) for line in text.split("\n"))
    return [line for line in lines if line]


def join_wrapped(lines: Iterable[str]) -> list[str]:
    """Paragraphs from lines: every line is a paragraph unless it continues one.

    Scraped texts break lines both between paragraphs and, now and then, in the
    middle of a sentence ("Russia and Lesotho\\ncollaborate ..."); a line that
    starts in lower case after a line without a sentence end is glued back.
    """
    paragraphs: list[str] = []
    for line in lines:
        if paragraphs and not SENTENCE_END.search(paragraphs[-1]) and CONTINUATION_START.match(line):
            paragraphs[-1] = f"{paragraphs[-1]} {line}"
        else:
            paragraphs.append(line)
    return paragraphs


def paragraphs_of(text: str) -> list[str]:
    """The paragraphs of a text whose line breaks mark paragraphs."""
    return join_wrapped(split_lines(text))


def join_paragraphs(paragraphs: Iterable[str]) -> str:
    return "\n\n".join(p for p in (squash_spaces(p) for p in paragraphs) if p)


def letters_script(text: str) -> str | None:
    """ "cyrillic", "latin" or "cjk": the script most letters of the text are in."""
    counts = {
        "cyrillic": len(CYRILLIC.findall(text)),
        "latin": len(LATIN.findall(text)),
        "cjk": len(CJK.findall(text)),
    }
    script, count = max(counts.items(), key=lambda item: item[1])
    return script if count else None


def detect_lang(text: str) -> str:
    """ "ru" when most letters are Cyrillic, else "en" (the archive's two languages)."""
    sample = text[:20000]
    return "ru" if len(CYRILLIC.findall(sample)) >= len(LATIN.findall(sample)) and CYRILLIC.search(sample) else "en"


def script_of_lang(lang: str) -> str:
    return "cyrillic" if lang == "ru" else "latin"
