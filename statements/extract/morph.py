"""One pymorphy3 analyser for the whole process (loading it takes ~0.3 s)."""

from __future__ import annotations

import re
from functools import cache, lru_cache

CYRILLIC_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")


@cache
def analyzer():
    import pymorphy3

    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The dictionary form of a Russian word, lower-cased ("островах" -> "остров")."""
    return analyzer().parse(word.lower())[0].normal_form.replace("ё", "е")


def lemmas(text: str) -> list[str]:
    return [lemma(m.group()) for m in CYRILLIC_WORD.finditer(text)]
