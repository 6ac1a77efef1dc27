"""Topics of a statement, from keyword evidence and the site's own topic names.

The vocabulary lives in ``statements/data/topics.csv``: a slug, names, and
``keywords_ru`` / ``keywords_en`` (";"-separated) that are evidence for it.
How a keyword is written says how it matches:

- a Russian word matches any of its forms ("терроризм" hits "терроризмом"):
  every form of every keyword is generated once with pymorphy3, so a text is
  matched by dictionary lookups, not by analysing each of its words;
- an English word matches itself and its plural;
- ``кибер*`` / ``terror*``: any word that starts so;
- ``ООН``, ``ПРО`` (all capitals): only that exact word, so "про" is not ПРО;
- ``Сирия``, ``Газа`` (capitalised): only capitalised words, so the gas in
  "газа" is not the Gaza Strip; a lower-case keyword matches a capitalised
  word only at the start of a sentence;
- a phrase of several words is strong evidence on its own, unless written
  ``~мирный договор``.

A topic needs strong evidence or several hits (more in long transcripts,
which touch on everything), or a topic name in the site's metadata.
"""

from __future__ import annotations

import csv
import functools
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from statements.extract.records import TopicMatch
from statements.extract.sentences import at_sentence_start
from statements.text.morph import analyzer
from statements.text.scripts import is_cyrillic

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "topics.csv"

MIN_WEIGHT = 2  # hits needed: two ordinary keywords, or one strong phrase
CHARS_PER_WEIGHT = 5_000  # a long transcript needs one more hit per this many characters
STRONG_WEIGHT = 2
META_BONUS = 100  # the site's own topics sort first
MAX_EVIDENCE = 6

TOKEN_RE = re.compile(r"\w+(?:[-‐]\w+)*")
# Between the words of one phrase: spaces and dashes ("Север – Юг").
PHRASE_GAP_RE = re.compile(r"[\s\u00a0—–-]*")
# Proper-noun readings preferred for capitalised keywords ("Газа" is a place).
PROPER_TAGS = ("Geox", "Orgn", "Name", "Surn", "Trad")


def _fold(word: str) -> str:
    word = word.lower()
    return word.replace("ё", "е") if "ё" in word else word


# ---------------------------------------------------------------- the vocabulary


@dataclass(frozen=True, slots=True)
class _Keyword:
    slug: str
    text: str
    units: tuple[str, ...]  # "lemma", "^lemma" (capitalised only) or "=WORD" (exact)
    prefix: bool  # the last unit is a word beginning
    strong: bool


@dataclass(slots=True)
class _Matcher:
    forms: dict[str, set[str]] = field(default_factory=dict)  # folded word form -> units
    keywords: dict[str, list[_Keyword]] = field(default_factory=dict)  # first unit -> keywords
    prefixes: dict[str, list[_Keyword]] = field(default_factory=dict)  # first 4 letters -> keywords
    starts: set[str] = field(default_factory=set)  # folded words that can begin a keyword


def _load_rows() -> list[dict]:
    with DATA_FILE.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _russian_forms(word: str) -> tuple[str, set[str]]:
    """(lemma, every form) of a Russian keyword word."""
    parses = analyzer().parse(word.lower())
    chosen = parses[0]
    if word[:1].isupper():
        proper = [p for p in parses if any(tag in p.tag for tag in PROPER_TAGS)]
        chosen = proper[0] if proper else chosen
    else:
        exact = [p for p in parses if p.normal_form == word.lower()]
        chosen = exact[0] if exact else chosen
    forms = {_fold(f.word) for f in chosen.lexeme} | {_fold(word)}
    return _fold(chosen.normal_form), forms


def _english_forms(word: str) -> tuple[str, set[str]]:
    base = word.lower()
    forms = {base, base + "s", base + "es"}
    if base.endswith("y"):
        forms.add(base[:-1] + "ies")
    return base, forms


def _unit(word: str, matcher: _Matcher) -> str:
    """The lookup unit of one keyword word, registering its forms."""
    if len(word) > 1 and word.isupper():
        return "=" + _fold(word).upper()
    lemma, forms = _russian_forms(word) if is_cyrillic(word) else _english_forms(word)
    unit = ("^" if word[:1].isupper() else "") + lemma
    for form in forms:
        matcher.forms.setdefault(form, set()).add(unit)
    return unit


def _keyword(slug: str, text: str, matcher: _Matcher) -> _Keyword:
    strong = not text.startswith("~")
    words = TOKEN_RE.findall(text.lstrip("~"))
    prefix = text.endswith("*")
    units = [_unit(w, matcher) for w in (words[:-1] if prefix else words)]
    if prefix:
        last = words[-1]
        units.append(("^" if last[:1].isupper() else "") + _fold(last))
    return _Keyword(slug, text.lstrip("~"), tuple(units), prefix, strong and len(words) > 1)


@functools.cache
def _matcher(lang: str) -> _Matcher:
    matcher = _Matcher()
    column = "keywords_ru" if lang == "ru" else "keywords_en"
    for row in _load_rows():
        for text in filter(None, (k.strip() for k in row[column].split(";"))):
            kw = _keyword(row["slug"], text, matcher)
            if kw.prefix and len(kw.units) == 1:
                matcher.prefixes.setdefault(kw.units[0].lstrip("^")[:4], []).append(kw)
            else:
                matcher.keywords.setdefault(kw.units[0], []).append(kw)
    for group in matcher.keywords.values():
        group.sort(key=lambda k: -len(k.units))
    first_units = set(matcher.keywords)
    matcher.starts = {form for form, units in matcher.forms.items() if units & first_units}
    matcher.starts |= {unit[1:].lower() for unit in first_units if unit.startswith("=")}
    return matcher


@functools.cache
def _meta_index() -> dict[str, tuple[str, ...]]:
    """Folded topic names (kremlin.ru's "Темы", names, slugs) -> slugs."""
    index: dict[str, list[str]] = {}
    for row in _load_rows():
        names = [row["slug"], row["name_ru"], row["name_en"], *row["kremlin_names"].split(";")]
        for name in filter(None, (n.strip() for n in names)):
            slugs = index.setdefault(_fold(name), [])
            if row["slug"] not in slugs:
                slugs.append(row["slug"])
    return {k: tuple(v) for k, v in index.items()}


# ---------------------------------------------------------------- matching


@dataclass(slots=True)
class _Text:
    text: str
    tokens: list[re.Match]  # over the folded text, which keeps the original's offsets
    _units: dict[int, frozenset[str]] = field(default_factory=dict)

    def word(self, i: int) -> str:
        return self.text[self.tokens[i].start() : self.tokens[i].end()]

    def units(self, i: int, matcher: _Matcher) -> frozenset[str]:
        """Units token i can stand for: lemma forms, capitalised ones, the exact word."""
        if i not in self._units:
            word = self.word(i)
            units = {"=" + self.tokens[i].group().upper()} if word.isupper() else set()
            found = matcher.forms.get(self.tokens[i].group(), ())
            if found:
                capital = word[:1].isupper()
                lower_ok = not capital or at_sentence_start(self.text, self.tokens[i].start(), window=20)
                units.update(u for u in found if (u[0] == "^") == capital or (lower_ok and u[0] != "^"))
            self._units[i] = frozenset(units)
        return self._units[i]

    def adjacent(self, i: int) -> bool:
        """Token i+1 follows token i within one phrase."""
        gap = self.text[self.tokens[i].end() : self.tokens[i + 1].start()]
        return PHRASE_GAP_RE.fullmatch(gap) is not None


def _prefix_unit_matches(unit: str, word: str) -> bool:
    if unit.startswith("^") and not word[:1].isupper():
        return False
    return _fold(word).startswith(unit.lstrip("^"))


def _matches(doc: _Text, matcher: _Matcher, kw: _Keyword, i: int) -> bool:
    n = len(kw.units)
    if i + n > len(doc.tokens):
        return False
    for j, unit in enumerate(kw.units):
        if j and not doc.adjacent(i + j - 1):
            return False
        if kw.prefix and j == n - 1:
            if not _prefix_unit_matches(unit, doc.word(i + j)):
                return False
        elif unit not in doc.units(i + j, matcher):
            return False
    return True


def _hits(text: str, lang: str) -> list[tuple[_Keyword, str]]:
    """Keyword hits, longest phrase first at each word: (keyword, words as written)."""
    matcher = _matcher(lang)
    doc = _Text(text, list(TOKEN_RE.finditer(_fold(text))))  # "ё" -> "е" keeps the length
    keys = [m.group() for m in doc.tokens]
    starts, prefixes = matcher.starts, matcher.prefixes
    hits = []
    free = 0  # the first token not inside an earlier hit
    for i in [i for i, key in enumerate(keys) if key in starts or key[:4] in prefixes]:
        if i < free:
            continue
        candidates = [kw for u in doc.units(i, matcher) for kw in matcher.keywords.get(u, ())]
        candidates += prefixes.get(keys[i][:4], ())
        best, matched = 0, []
        for kw in sorted(candidates, key=lambda k: -len(k.units)):
            if len(kw.units) < best:
                break
            if _matches(doc, matcher, kw, i):
                best = len(kw.units)
                matched.append(kw)
        if not matched:
            continue
        surface = text[doc.tokens[i].start() : doc.tokens[i + best - 1].end()]
        by_slug: dict[str, _Keyword] = {}
        for kw in matched:  # one hit per topic, however many of its keywords fit
            if kw.slug not in by_slug or kw.strong > by_slug[kw.slug].strong:
                by_slug[kw.slug] = kw
        hits.extend((kw, surface) for kw in by_slug.values())
        free = i + best
    return hits


def _required_weight(text: str) -> int:
    return max(MIN_WEIGHT, math.ceil(len(text) / CHARS_PER_WEIGHT))


# ---------------------------------------------------------------- public API


def find_topics(text: str, *, lang: str, meta_topics: Sequence[str] = ()) -> list[TopicMatch]:
    """Topics of a statement, strongest first, each with the words that assigned it."""
    weights: dict[str, int] = {}
    evidence: dict[str, list[str]] = {}
    seen_per_slug: dict[str, set[str]] = {}
    for kw, surface in _hits(text, lang):
        weights[kw.slug] = weights.get(kw.slug, 0) + (STRONG_WEIGHT if kw.strong else 1)
        seen = seen_per_slug.setdefault(kw.slug, set())
        if _fold(surface) not in seen:
            seen.add(_fold(surface))
            evidence.setdefault(kw.slug, []).append(surface)
    required = _required_weight(text)
    strength = {slug: w for slug, w in weights.items() if w >= required}
    meta_index = _meta_index()
    for name in meta_topics:
        for slug in meta_index.get(_fold(name.strip()), ()):
            if strength.get(slug, 0) < META_BONUS:
                strength[slug] = strength.get(slug, weights.get(slug, 0)) + META_BONUS
                evidence.setdefault(slug, []).insert(0, name.strip())
    ranked = sorted(strength, key=lambda slug: (-strength[slug], slug))
    return [TopicMatch(slug=slug, evidence="; ".join(evidence[slug][:MAX_EVIDENCE])) for slug in ranked]


def topic_vocabulary() -> list[dict]:
    """The topics (slug, name_ru, name_en), for seeding the database."""
    return [{"slug": r["slug"], "name_ru": r["name_ru"], "name_en": r["name_en"]} for r in _load_rows()]
