"""Bounds on one input record and the checks that enforce them, before any parsing.

Each bound is far above any real statement, so that only hostile or broken
input meets it, and low enough that what passes is parsed in seconds: the
sentence splitter (razdel) slows down on long runs of punctuation (a megabyte
of ")" took 31 s, two megabytes of ". " 83 s, where ordinary text takes about
8 s a megabyte). Measured on ../shared/corpus (2,715 records): the
largest record is 232,238 bytes, the longest text 114,703 characters (all on
one line), the longest run of one character and the longest word 58 (a ruler
of "_" in a UN speech), the longest run of blanks 11, the longest title 271
characters.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# The largest .txt page or single JSON Lines line read from a file (parse/files.py).
MAX_ITEM_BYTES = 20 * 1024 * 1024
# A record's text: about nine times the largest real one (parse and extraction
# take 4 to 10 s for a million characters, of prose or of punctuation).
MAX_TEXT_CHARS = 1_000_000
# One line of any field: about four times the longest real one (a whole speech on one line).
MAX_LINE_CHARS = 500_000
# One character repeated: rulers of "_" or "=" are the longest real runs.
MAX_RUN = 1_000
# One word: letters, digits, "_", and the hyphens, apostrophes and dots inside
# names ("Ростов-на-Дону", "O'Neill", "U.S."); the longest real one is a ruler of
# 58 "_". A rule like "Шанхайск\w+\s+организаци" or "[А-ЯЁ][\w-]+\s+и\s+" reads a
# word to its end from each place its stem or a capital starts, so a megabyte-long
# word of repeated stems ("А-А-А-...") would cost it hours; 500 characters, seconds.
MAX_WORD = 500
WORD_CHARACTER = r"[\w'’.-]"
# Only where a word starts, so that the check itself stays linear.
LONG_WORD = re.compile(rf"(?<!{WORD_CHARACTER}){WORD_CHARACTER}{{{MAX_WORD + 1}}}")
# Levels of lists and objects in a record's meta: real ones are flat.
MAX_NESTING = 10
# The schemes a source link may have: anything else (javascript:, data:) could run in the reader's browser.
URL_SCHEMES = ("http", "https")


def bounds_problem(name: str, value: str) -> str | None:
    """Why a field's text is out of bounds, or None."""
    if name == "text" and len(value) > MAX_TEXT_CHARS:
        return f"{name} too long: {len(value)} characters, at most {MAX_TEXT_CHARS}"
    if len(value) > MAX_LINE_CHARS:
        lines = value.replace("\r", "\n").split("\n")
        number, longest = max(enumerate(lines, start=1), key=lambda pair: len(pair[1]))
        if len(longest) > MAX_LINE_CHARS:
            return f"{name}: line {number} too long: {len(longest)} characters, at most {MAX_LINE_CHARS}"
    if len(value) > MAX_RUN:
        # A substring search per distinct character: linear, and done in C.
        for char in set(value):
            if char * (MAX_RUN + 1) in value:
                return f"{name}: more than {MAX_RUN} {char!r} characters in a row"
    word = LONG_WORD.search(value)
    if word:
        return f"{name}: a word of more than {MAX_WORD} characters at character {word.start()}: {word[0][:20]}..."
    return None


def nesting_problem(name: str, value: object) -> str | None:
    """Why a field's lists and objects nest too deeply to be walked, or None; without recursion."""
    level, current = 0, [value]
    while current:
        level += 1
        if level > MAX_NESTING:
            return f"{name} nested more than {MAX_NESTING} levels deep"
        current = [item for v in current if isinstance(v, dict | list)
                   for item in (v.values() if isinstance(v, dict) else v)]
    return None


def url_problem(url: str | None) -> str | None:
    """Why a source URL cannot be stored and linked to, or None (a missing URL is fine)."""
    if url is None or not url.strip():
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError as error:  # "http://[::1": an unclosed IPv6 bracket
        return f"url is not a URL: {error}"
    if parts.scheme.lower() not in URL_SCHEMES:
        shown = f"{parts.scheme}:" if parts.scheme else "none"
        return f"url must be an http or https address, not {shown[:40]}"
    if not parts.hostname:
        return "url has no host"
    return None
