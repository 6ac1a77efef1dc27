"""The one pymorphy3 analyser of the process, shared by parse and extract.

Each analyser loads its own copy of the dictionaries (about 20 MB, a tenth of
a second), so every module asks analyzer() instead of building one.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

CYRILLIC_WORD = re.compile(r"[А-Яа-яЁё]+(?:-[А-Яа-яЁё]+)*")


@cache
def analyzer():
    import pymorphy3  # loaded at first use: importing a module should stay cheap

    return pymorphy3.MorphAnalyzer(lang="ru")


@lru_cache(maxsize=50_000)
def parses(word: str) -> tuple:
    """Every reading of a word, likeliest first; cached, as names repeat in every text."""
    return tuple(analyzer().parse(word))


@lru_cache(maxsize=200_000)
def lemma(word: str) -> str:
    """The dictionary form of a Russian word, lower-cased ("островах" -> "остров")."""
    return analyzer().parse(word.lower())[0].normal_form.replace("ё", "е")


def lemmas(text: str) -> list[str]:
    return [lemma(m.group()) for m in CYRILLIC_WORD.finditer(text)]
