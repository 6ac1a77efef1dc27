"""A second chance for a search that found nothing: misspelt names, corrected by trigrams."""

from __future__ import annotations

import re

from django.contrib.postgres.search import TrigramSimilarity
from django.db.models.functions import Greatest

from statements.models import Country, Person

WORD = re.compile(r"[^\W\d_][\w-]{3,}")
# Similarity is 0..1; 0.35 lets "Лавраов" reach "Лавров" and keeps "Китай" from "Катар".
THRESHOLD = 0.35


def _closest(word: str) -> str | None:
    people = (Person.objects.annotate(s=Greatest(TrigramSimilarity("surname_ru", word),
                                                 TrigramSimilarity("surname_en", word)))
              .filter(s__gte=THRESHOLD).order_by("-s").values_list("s", "surname_ru", "surname_en")[:1])
    countries = (Country.objects.annotate(s=Greatest(TrigramSimilarity("name_ru", word),
                                                    TrigramSimilarity("name_en", word)))
                 .filter(s__gte=THRESHOLD).order_by("-s").values_list("s", "name_ru", "name_en")[:1])
    best = max([*people, *countries], default=None, key=lambda row: row[0])
    if best is None:
        return None
    _, ru, en = best
    cyrillic = bool(re.search("[а-яё]", word, re.IGNORECASE))
    name = (ru if cyrillic else en) or ru or en
    return None if name.lower() == word.lower() else name


def corrected_query(query: str) -> str | None:
    """The query with misspelt names replaced by the nearest known ones, or None."""
    changed = False

    def fix(match: re.Match) -> str:
        nonlocal changed
        better = _closest(match.group())
        if better:
            changed = True
            return better
        return match.group()

    corrected = WORD.sub(fix, query)
    return corrected if changed else None
