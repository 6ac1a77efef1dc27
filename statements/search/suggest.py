"""What a search offers beside its results: misspelt names corrected by trigrams (a second chance for a
search that found nothing), and the countries, organisations, people and topics a query names."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from django.contrib.postgres.search import TrigramSimilarity
from django.core.cache import cache
from django.db.models import Q
from django.db.models.functions import Greatest
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from statements.models import Country, Person, Statement, Topic
from statements.search.entities import label
from statements.search.query import LexemesQuery, named_in

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


# A query of more words than this that found nothing is no misspelt name: each word would cost two
# trigram searches, and a long made-up query would tie up the page (tests/hardening).
MAX_CORRECTED_WORDS = 4


def corrected_query(query: str) -> str | None:
    """The query with misspelt names replaced by the nearest known ones, or None."""
    if len(WORD.findall(query)) > MAX_CORRECTED_WORDS:
        return None
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


@dataclass(frozen=True, slots=True)
class Suggestion:
    """Something a query names or begins to name, with how many statements name it."""

    kind: str  # "country" | "organisation" | "person" | "topic"
    value: str  # the country code, organisation acronym, person key or topic slug
    label: str
    statements: int
    url: str

    @property
    def description(self) -> str:
        """What it is and how much the archive holds of it, in the interface's language: "person · 316 statements"."""
        kinds = {"country": _("country"), "person": _("person"), "topic": _("topic"), "organisation": _("organisation")}
        count = ngettext("%(n)d statement", "%(n)d statements", self.statements) % {"n": self.statements}
        return f"{kinds.get(self.kind, self.kind)} · {count}"


MAX_SUGGESTIONS = 8
# Prefixes shorter than this complete to too much to be useful.
MIN_PREFIX = 2


def _name(entity, lang: str) -> str:
    first, second = (entity.name_en, entity.name_ru) if lang == "en" else (entity.name_ru, entity.name_en)
    return first or second


# Counting a person's or an organisation's statements reads tens of thousands of links in a large
# archive; the counts of a suggestion may be a few minutes old.
SUGGESTION_SECONDS = 300


def suggestions(query: str, *, lang: str = "ru") -> list[Suggestion]:
    """Countries, organisations, people and topics the query names (any form, either language) or whose
    names begin with its last word, most named first: for the search page and /api/suggest/."""
    query = _words(query)
    return cache.get_or_set(cache_key(query, lang), lambda: _suggestions(query, lang), SUGGESTION_SECONDS)


def _words(query: str) -> str:
    """The query as suggestions() reads it: its words, one space apart, the first 100 characters."""
    return " ".join(query.split())[:100]


def cache_key(query: str, lang: str) -> str:
    """Where the suggestions of a query are kept."""
    return "suggest:" + hashlib.sha256(f"{lang}:{_words(query)}".encode()).hexdigest()


# Entities a query's words may name before their counts are taken in one query as before: a prefix of two
# letters begins a few dozen names at most.
MATCHED = 50


def _most_named(entities, kind: str, limit: int) -> list:
    """The `limit` of `entities` named in most statements, with `statement_count`, those named in none left out.

    Each one's count is kept SUGGESTION_SECONDS for every query that names it, not for one query only:
    counting a person's statements reads all their links, distinct (Lavrov's 50,000 at 100,000 statements:
    25 ms), and a different query naming him ("Лавров Ван И") would otherwise count them again.
    """
    matched = list(entities.order_by("pk")[:MATCHED + 1])
    if len(matched) > MATCHED:
        return list(entities.with_statement_counts()[:limit])
    keys = {entity.pk: f"statements-of:{kind}:{entity.pk}" for entity in matched}
    kept = cache.get_many(list(keys.values()))
    counts = {pk: kept[key] for pk, key in keys.items() if key in kept}
    if missing := [pk for pk in keys if pk not in counts]:
        fresh = dict.fromkeys(missing, 0)
        fresh.update(entities.model.objects.filter(pk__in=missing).with_statement_counts()
                     .values_list("pk", "statement_count"))
        cache.set_many({keys[pk]: n for pk, n in fresh.items()}, SUGGESTION_SECONDS)
        counts.update(fresh)
    for entity in matched:
        entity.statement_count = counts[entity.pk]
    named = [entity for entity in matched if entity.statement_count > 0]
    return sorted(named, key=lambda entity: (-entity.statement_count, entity.pk))[:limit]


def _suggestions(query: str, lang: str) -> list[Suggestion]:
    found: dict[tuple[str, str], Suggestion] = {}
    countries, organisations = set(), set()
    for _text, meaning in named_in(query):
        for lexeme in meaning.lexemes:
            kind, _, value = lexeme.removeprefix("@").partition(":")
            (countries if kind == "country" else organisations).add(value)
    words = WORD.findall(query) or ([query] if len(query) >= MIN_PREFIX else [])
    last = words[-1] if words else ""
    by_name = Q()
    if len(last) >= MIN_PREFIX:
        by_name = Q(name_ru__istartswith=last) | Q(name_en__istartswith=last)
    for country in _most_named(Country.objects.filter(Q(code__in=countries) | by_name), "country", MAX_SUGGESTIONS):
        found[("country", country.code)] = Suggestion("country", country.code, _name(country, lang),
                                                     country.statement_count, f"/countries/{country.code}/")
    for code in sorted(organisations):
        count = Statement.objects.filter(search_vector=LexemesQuery([f"@org:{code}"])).count()
        if count:
            found[("organisation", code)] = Suggestion("organisation", code, label(f"@org:{code}", lang), count,
                                                       f"/statements/?q={code}")
    people = Q()
    for word in words:
        if len(word) >= MIN_PREFIX:
            people |= Q(surname_ru__istartswith=word) | Q(surname_en__istartswith=word)
    if people:
        for person in _most_named(Person.objects.filter(people), "person", MAX_SUGGESTIONS):
            found[("person", person.key)] = Suggestion("person", person.key, person.name_in(lang),
                                                      person.statement_count, f"/people/{person.key}/")
    if by_name:
        for topic in _most_named(Topic.objects.filter(by_name), "topic", 3):
            found[("topic", topic.slug)] = Suggestion("topic", topic.slug, _name(topic, lang),
                                                      topic.statement_count, f"/topics/{topic.slug}/")
    return sorted(found.values(), key=lambda s: -s.statements)[:MAX_SUGGESTIONS]
