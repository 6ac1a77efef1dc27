"""Which alphabet a word is written in: the archive mixes Russian and English."""

from __future__ import annotations

import re

CYRILLIC = re.compile(r"[А-Яа-яЁё]")


def is_cyrillic(text: str) -> bool:
    """Any Cyrillic letter in it: a Russian word or name ("Лавров", "аш-Шараа")."""
    return CYRILLIC.search(text) is not None
