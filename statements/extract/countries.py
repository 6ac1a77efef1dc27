"""Find the countries a Russian or English text names.

A country is named by its name or an alternative name ("Японии", "ФРГ",
"the US", "Russia's"), an adjective ("японских", "российско-японских",
"Sino-Russian"), a demonym ("американцы", "Ukrainians") or its capital
standing for its government ("Вашингтон требует", "Kiev is ...").  The
forms come from statements/data/countries.csv; the context rules from
statements/extract/country_forms.py.

How it works: every name, adjective and demonym is split into words, and
each Russian word is inflected once with pymorphy3 (all case forms of
"Япония", "японский", "американец"), giving a table "word form -> word
keys".  A text is cut into words by one regular expression; each word is
looked up in that table and the longest sequence of keys that forms an
entry wins ("Гвинея-Бисау" before "Гвинея", "Латинская Америка" before
"Америка").  The tables are built at first use (well under a second) and
cached; matching is dictionary look-ups, a few milliseconds for a
10,000-character text.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from itertools import accumulate

from statements.data import rows
from statements.extract import country_forms as rules
from statements.extract.records import CountryMatch
from statements.text.morph import analyzer
from statements.text.scripts import is_cyrillic

# Words: letters only, so "российско-японских" is two words joined by a
# hyphen and "Russia's" is "Russia" + "s"; in English, dotted abbreviations
# ("U.S.", "U.K.") are one word.  The texts are lower-cased, then split
# into [gap, word, gap, word, ..., gap]: the fastest way to cut a text
# into words in Python (a narrow letter class is faster than \w).
LETTERS = "a-zа-яё\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f"
SPLIT_RE = {
    "ru": re.compile(f"([{LETTERS}]+)"),
    "en": re.compile(f"((?:[a-z]\\.){{2,}}|[{LETTERS}]+)"),
}
# What may stand between the words of one name: spaces, hyphens, dashes,
# apostrophes ("Гвинея-Бисау", "Папуа — Новая Гвинея", "Côte d'Ivoire").
NAME_GAP_RE = re.compile(r"[\s\-‐‑–—'’]{1,4}")
# A compound prefix is glued to the next word by a hyphen ("российско-японских").
PREFIX_GAP_RE = re.compile(r"\s?[-‐‑–—]\s?")
PLAIN_SPACE_RE = re.compile(r"[ \t\u00a0]+")
# Between the items of a list of adjectives ("English, French and Spanish").
LIST_GAP_RE = re.compile(r"\s*[,/]\s*|\s+|-")
BEFORE_WORD_RE = re.compile(r"\.?\s+")
TIME_BEFORE_RE = re.compile(r"\d{1,2}:\d{2}\s*$")  # "10:10 Москва"
DATE_BEFORE_RE = re.compile(r"\d,\s*$")  # "(February 25, 2026, Moscow)"
POSSESSIVE_RE = re.compile(r"['’]s\b")
CURRENCY_AFTER_RE = re.compile(r"[\d$]")  # "US$", "$US25"
# Matched at the end of a name; (?<!\s) keeps a search from rereading a run of blanks at each of its places.
AFTER_COMMA_RE = re.compile(r"(?<!\s)\s*+,\s*+(\d|[^\W\d_]++)")
SENTENCE_END = ".!?…"
OPENING_MARKS = "«\"“„'‘(["

_BOILERPLATE_RE = re.compile("|".join(f"(?:{p})" for p in rules.BOILERPLATE_PATTERNS))

# Entry kinds, in the order that breaks ties between entries of equal length.
OVERRIDE, NAME, ADJECTIVE, DEMONYM, CAPITAL, PREFIX = range(6)

# Parts of speech a Russian word of each kind may be inflected as.
_POS_BY_KIND = {
    OVERRIDE: {"NOUN", "ADJF", "PRTF"},
    NAME: {"NOUN", "ADJF", "PRTF"},
    ADJECTIVE: {"ADJF", "PRTF"},
    DEMONYM: {"NOUN"},
}


@dataclass(frozen=True, slots=True)
class _Entry:
    keys: tuple[str, ...]  # one key per word: "~nominative" (inflected) or "=form" (exact)
    code: str | None  # None: an override that names no country
    kind: int
    head: int  # index of the word that must be capitalised in the text, -1 for none
    abbreviation: bool  # all-capital abbreviation, matched only in capitals ("US", "США")


@dataclass(frozen=True, slots=True)
class _Starts:
    """The entries a word form may begin: one-word entries, and longer ones
    by the key of their second word (so a word like "Республика" or
    "Republic" does not try every "Republic of ..." in turn)."""

    single: tuple[_Entry, ...]
    longer: dict[str, tuple[_Entry, ...]]


@dataclass(slots=True)
class _Lexicon:
    forms: dict[str, tuple[str, ...]]  # lower-cased word form -> keys of inflected words
    starts: dict[str, _Starts]  # lower-cased word form -> the entries it may begin

    def keys(self, low: str) -> tuple[str, ...]:
        return self.forms.get(low, ()) + ("=" + low,)


def _norm(word: str) -> str:
    return word.lower().replace("ё", "е").replace("’", "'")


def _inflect(word: str, kind: int) -> set[str]:
    """Every form of one Russian word of a name, adjective or demonym."""
    low = word.lower()
    allowed = _POS_BY_KIND[kind]
    parses = [
        p
        for p in analyzer().parse(low)
        if p.tag.POS in allowed and "nomn" in p.tag and "Apro" not in p.tag and p.word == low
    ]
    if not parses:  # unknown to the dictionary ("Дагомея") or indeclinable ("Того", "Бисау")
        return _inflect_unknown(word) if kind == NAME and word[0].isupper() else {_norm(word)}
    if kind in (NAME, OVERRIDE):
        parses.sort(key=lambda p: "Geox" not in p.tag)
    elif kind == DEMONYM:
        parses.sort(key=lambda p: "anim" not in p.tag)
    best = parses[0]
    keep_number = kind == NAME and best.tag.POS == "NOUN" and best.tag.number
    forms = {_norm(word)}
    for form in best.lexeme:
        if form.tag.POS != best.tag.POS:
            continue
        if keep_number and form.tag.number != best.tag.number:
            continue  # "Штаты" names the US, "Штат" does not
        forms.add(_norm(form.word))
    return forms


def _inflect_unknown(word: str) -> set[str]:
    """Case forms of a proper name pymorphy3 does not know, by its ending:
    "Дагомея" -> "Дагомеи", "Формоза" -> "Формозой", "Питкэрн" -> "Питкэрна";
    names ending in -и, -о, -у, -е, -э ("Эсватини") do not decline."""
    low = _norm(word)
    for ending, replacements in rules.RU_NAME_ENDINGS:
        if low.endswith(ending):
            stem = low[: len(low) - len(ending)]
            return {low} | {stem + r for r in replacements}
    return {low}


def _split(phrase: str, lang: str) -> list[str]:
    """The words of a phrase, as written (cut where the texts are cut)."""
    lowered = _norm(phrase)
    words, pos = [], 0
    for n, part in enumerate(SPLIT_RE[lang].split(lowered)):
        if n % 2:
            words.append(phrase[pos : pos + len(part)])
        pos += len(part)
    return words


def _listed(value: str) -> list[str]:
    return [item.strip() for item in value.split(";") if item.strip()]


class _Builder:
    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.forms: dict[str, set[str]] = {}
        self.entries: dict[tuple[tuple[str, ...], str | None, int], _Entry] = {}

    def add(self, phrase: str, code: str | None, kind: int) -> None:
        words = _split(phrase, self.lang)
        if not words:
            return
        abbreviation = len(words) == 1 and len(words[0]) > 1 and words[0].isupper()
        keys = []
        for word in words:
            exact = self.lang == "en" or kind in (CAPITAL, PREFIX) or (len(word) > 1 and word.isupper())
            if exact:
                keys.append("=" + _norm(word))
                continue
            key = "~" + _norm(word)
            if key not in self.forms:
                self.forms[key] = _inflect(word, kind)
            keys.append(key)
        head = next((n for n, word in enumerate(words) if word[0].isupper()), -1)
        entry = _Entry(tuple(keys), code, kind, head, abbreviation)
        self.entries.setdefault((entry.keys, code, kind), entry)

    def build(self) -> _Lexicon:
        by_form: dict[str, set[str]] = {}
        for key, forms in self.forms.items():
            for form in forms:
                by_form.setdefault(form, set()).add(key)
        index: dict[str, list[_Entry]] = {}  # key of an entry's first word -> entries
        for entry in self.entries.values():
            index.setdefault(entry.keys[0], []).append(entry)
        # The matcher's inner loop is one look-up per word in `starts`, which
        # merges the entries of every key a form may have.
        single: dict[str, list[_Entry]] = {}
        longer: dict[str, dict[str, list[_Entry]]] = {}
        for key, entries in index.items():
            forms = self.forms[key] if key.startswith("~") else (key[1:],)
            for form in forms:
                for entry in entries:
                    if len(entry.keys) == 1:
                        single.setdefault(form, []).append(entry)
                    else:
                        longer.setdefault(form, {}).setdefault(entry.keys[1], []).append(entry)
        starts = {
            form: _Starts(
                single=tuple(_best_first(single.get(form, []))),
                longer={key: tuple(_best_first(entries)) for key, entries in longer.get(form, {}).items()},
            )
            for form in single.keys() | longer.keys()
        }
        return _Lexicon(
            forms={form: tuple(sorted(keys)) for form, keys in by_form.items()},
            starts=starts,
        )


def _best_first(entries: list[_Entry]) -> list[_Entry]:
    return sorted(entries, key=lambda e: (-len(e.keys), e.kind))


def _rows() -> tuple[dict[str, str], ...]:
    return rows("countries.csv")


def country_names() -> dict[str, tuple[str, str]]:
    """Code -> (English name, Russian name), for every ISO 3166-1 alpha-2 code."""
    return {row["code"]: (row["name_en"], row["name_ru"]) for row in _rows()}


@functools.cache
def _lexicon(lang: str) -> _Lexicon:
    builder = _Builder(lang)
    for row in _rows():
        code = row["code"]
        for column in rules.NAME_COLUMNS[lang]:
            for phrase in _listed(row[column]):
                builder.add(phrase, code, NAME)
        for phrase in _listed(row[rules.ADJECTIVE_COLUMNS[lang]]):
            builder.add(phrase, code, ADJECTIVE)
            if lang == "ru" and "-" not in phrase and phrase.endswith(rules.RU_PREFIX_ADJECTIVE_ENDINGS):
                builder.add(phrase[:-2] + "о", code, PREFIX)  # российский -> российско-
        for phrase in _listed(row[rules.DEMONYM_COLUMNS[lang]]):
            builder.add(phrase, code, DEMONYM)
        for column in rules.CAPITAL_COLUMNS[lang]:
            for phrase in _listed(row[column]):
                if _norm(phrase) not in rules.CAPITALS_NOT_GOVERNMENT:
                    builder.add(phrase, code, CAPITAL)
        for phrase in _listed(row[rules.PREFIX_COLUMN]):
            if is_cyrillic(phrase) == (lang == "ru"):
                builder.add(phrase, code, PREFIX)
    for phrase, code in rules.OVERRIDES[lang]:
        builder.add(phrase, code, OVERRIDE)
    return builder.build()


class _Text:
    """A text cut into words, with the look-ups the context rules need."""

    def __init__(self, text: str, lexicon: _Lexicon, lang: str) -> None:
        self.text = text
        self.lexicon = lexicon
        masked = _BOILERPLATE_RE.sub(lambda m: " " * len(m.group()), text)
        lowered = _norm(masked)
        if len(lowered) != len(text):  # a letter whose lower case is longer ("İ")
            lowered = _norm("".join(ch if len(ch.lower()) > 1 else ch.lower() for ch in masked))
        parts = SPLIT_RE[lang].split(lowered)  # the lengths of the pieces give the offsets
        self.lows = parts[1::2]
        self._offsets = list(accumulate(map(len, parts), initial=0))
        self._keys: dict[int, tuple[str, ...]] = {}

    def span(self, i: int) -> tuple[int, int]:
        return self._offsets[2 * i + 1], self._offsets[2 * i + 2]

    def start(self, i: int) -> int:
        return self._offsets[2 * i + 1]

    def end(self, i: int) -> int:
        return self._offsets[2 * i + 2]

    def keys(self, i: int) -> tuple[str, ...]:
        keys = self._keys.get(i)
        if keys is None:
            keys = self._keys[i] = self.lexicon.keys(self.lows[i])
        return keys

    def word(self, i: int) -> str:
        s, e = self.span(i)
        return self.text[s:e]

    def gap(self, i: int) -> str:
        """The characters between word i-1 and word i."""
        return self.text[self.end(i - 1) : self.start(i)]

    def is_capitalised(self, i: int) -> bool:
        return self.word(i)[0].isupper()

    def is_shouted(self, i: int) -> bool:
        return len(self.word(i)) > 1 and self.word(i).isupper()

    def sentence_initial(self, i: int) -> bool:
        pos = self.start(i) - 1
        while pos >= 0 and (self.text[pos].isspace() or self.text[pos] in OPENING_MARKS):
            if self.text[pos] == "\n":
                return True
            pos -= 1
        if pos < 0:
            return True
        if self.text[pos] not in SENTENCE_END:
            return False
        if self.text[pos] == "." and i > 0 and self.end(i - 1) == pos:
            before = self.lows[i - 1]
            if len(before) == 1 or before in rules.NON_FINAL_ABBREVIATIONS:
                return False  # "Mr. Jordan", "В. Путин"
        return True

    def prev_word(self, i: int) -> int | None:
        """Index of the word just before word i, when only spaces separate them."""
        if i > 0 and BEFORE_WORD_RE.fullmatch(self.gap(i)):
            return i - 1
        return None

    def next_word(self, i: int, gap_re: re.Pattern = PLAIN_SPACE_RE) -> int | None:
        if i + 1 < len(self.lows) and gap_re.fullmatch(self.gap(i + 1)):
            return i + 1
        return None

    def prev_in_list(self, i: int) -> int | None:
        if i > 0 and LIST_GAP_RE.fullmatch(self.gap(i)):
            return i - 1
        return None


def _is_adjective(t: _Text, n: int, lexicon: _Lexicon) -> bool:
    found = lexicon.starts.get(t.lows[n])
    return found is not None and any(e.kind == ADJECTIVE for e in found.single)


def _names_language(t: _Text, i: int, last: int, lexicon: _Lexicon, lang: str) -> bool:
    """Whether the adjective at i..last, alone or in a list of adjectives,
    names a language: "русский язык", "English, French and Spanish
    translation", "in Russian with English subtitles"."""
    stop = t.next_word(last, LIST_GAP_RE)
    while stop is not None:
        item = stop
        if t.lows[item] in rules.LIST_CONJUNCTIONS:
            item = t.next_word(item, LIST_GAP_RE)
        if item is None or not _is_adjective(t, item, lexicon) or (lang == "en" and not t.is_capitalised(item)):
            break
        stop = t.next_word(item, LIST_GAP_RE)
    if stop is not None and t.lows[stop].startswith(rules.LANGUAGE_NOUN_PREFIXES):
        return True
    if lang != "en" or (stop is not None and t.lows[stop] not in rules.EN_WORDS_AFTER_LANGUAGE):
        return False
    first = i
    while True:
        prev = t.prev_in_list(first)
        if prev is not None and t.lows[prev] in rules.LIST_CONJUNCTIONS:
            prev = t.prev_in_list(prev)
        if prev is None or not _is_adjective(t, prev, lexicon):
            break
        first = prev
    before = t.prev_word(first)
    return before is not None and t.lows[before] == rules.EN_LANGUAGE_PREPOSITION


def _name_gap_ok(t: _Text, i: int) -> bool:
    gap = t.gap(i)
    if NAME_GAP_RE.fullmatch(gap):
        return True
    # "St. Kitts", "D.R. Congo": a dot after a short abbreviation.
    return gap.startswith(".") and len(t.word(i - 1)) <= 2 and NAME_GAP_RE.fullmatch(gap[1:]) is not None


def _next_to_a_name(t: _Text, i: int, last: int, lang: str) -> bool:
    neighbours = (t.prev_word(i), t.next_word(last)) if lang == "en" else (t.next_word(last),)
    for n in neighbours:
        if n is None or not t.is_capitalised(n) or t.is_shouted(n):
            continue
        if t.lows[n] in rules.PERSON_GUARD_ALLOWED or (n < i and t.sentence_initial(n)):
            continue
        return True
    return False


def _list_start(t: _Text, i: int) -> int:
    """The first item of a list of capitalised names that ends with word i
    ("Paris, Brussels, Bamako and Ouagadougou"; "Нью-Дели и Рангуне")."""
    first = i
    while True:
        prev = t.prev_in_list(first)
        if prev is not None and t.lows[prev] in rules.LIST_CONJUNCTIONS:
            prev = t.prev_in_list(prev)
        if prev is None or not t.is_capitalised(prev) or t.sentence_initial(first):
            return first
        first = prev


@functools.lru_cache(maxsize=4096)
def _is_transitive_verb(word: str) -> bool:
    tag = analyzer().parse(word)[0].tag
    return tag.POS in rules.RU_VERB_POS and tag.transitivity == "tran"


def _capital_is_government(t: _Text, i: int, last: int, lang: str) -> bool:
    if lang == "en":
        nxt = t.next_word(last)
        if nxt is not None and t.lows[nxt] in rules.EN_GOVERNMENT_NOUNS:
            return True  # "the criminal Kiev regime", "the Kyiv authorities"
        if POSSESSIVE_RE.match(t.text, t.end(last)):
            return True  # "according to Paris's calculations"
    venue_words = rules.RU_VENUE_WORDS if lang == "ru" else rules.EN_VENUE_WORDS
    before_list = t.prev_word(_list_start(t, i))
    if before_list is not None and t.lows[before_list] in venue_words:
        return False  # "в Анкаре", "talks in Geneva", "bombs in Paris, Brussels, Bamako"
    prev = t.prev_word(i)
    if lang == "ru" and prev is not None and _is_transitive_verb(t.lows[prev]):
        return False  # "посетили Маскат": the object of a verb, a place
    start, end = t.start(i), t.end(last)
    if t.text[start - 1 : start] == "-" or t.text[end : end + 1] == "-":
        return False  # "Baku-Tbilisi-Ceyhan pipeline", "Москва-Сити"
    if t.text[start - 1 : start] == "(" and t.text[end : end + 1] == ")":
        return False  # "7.00 pm CST (Beijing)": a label
    if TIME_BEFORE_RE.search(t.text, max(0, start - 12), start):
        return False  # "10:10 Москва, Кремль"
    if DATE_BEFORE_RE.search(t.text, max(0, start - 6), start) and t.text[end : end + 1] in (")", "\n", ""):
        return False  # "(February 25, 2026, Moscow)"
    after = AFTER_COMMA_RE.match(t.text, end)
    if after and (after.group(1)[0].isdigit() or _norm(after.group(1)) in rules.DATELINE_NEXT_WORDS):
        return False  # "Москва, 31 июля 2018 года"
    if lang == "en":
        nxt = t.next_word(last)
        if prev is not None and t.lows[prev] == "the":
            return False  # "the Lima meeting" (but "the Kiev regime", above)
        if nxt is not None and (t.lows[nxt] in rules.EN_CAPITAL_ATTRIBUTIVES or t.is_capitalised(nxt)):
            return False  # "Paris Agreement", "Washington Post"
        if nxt is not None and t.lows[nxt] in rules.EN_VENUE_WORDS_AFTER:
            after = t.next_word(nxt)
            if t.lows[nxt] != "will" or (after is not None and t.lows[after].startswith("host")):
                return False  # "Abu Dhabi will host a meeting"
        if prev is not None and t.is_capitalised(prev) and not t.sentence_initial(prev):
            return False  # "George Washington"
    return True


def _accept(entry: _Entry, t: _Text, i: int, lexicon: _Lexicon, lang: str) -> bool:
    last = i + len(entry.keys) - 1
    if entry.abbreviation:
        if t.word(i) != t.word(i).upper():
            return False  # "us", "Us"
        start, end = t.span(i)
        if CURRENCY_AFTER_RE.match(t.text, end) or t.text[start - 1 : start] == "$":
            return False  # "$US25", "US$ 10"
        if t.lows[i] in rules.SHOUTABLE_ABBREVIATIONS:
            neighbours = [n for n in (t.prev_word(i), t.next_word(i)) if n is not None]
            if any(t.is_shouted(n) for n in neighbours):
                return False  # "LET US" in an all-capital title
    if entry.head >= 0 and not t.is_capitalised(i + entry.head):
        return False  # "china", "грузия": proper names are capitalised
    word = t.word(i)
    if (
        not entry.abbreviation
        and entry.kind in (NAME, ADJECTIVE, DEMONYM)
        and len(word) > 2
        and word.isalpha()
        and t.is_shouted(i)
    ):
        neighbours = [n for n in (t.prev_word(i), t.next_word(last)) if n is not None]
        if neighbours and not any(t.is_shouted(n) for n in neighbours):
            return False  # "the GUAM area", "SAMOA Pathway": an acronym, not the name
    if entry.kind == NAME:
        if t.lows[i] in rules.NOT_AT_SENTENCE_START and t.sentence_initial(i):
            return False  # "Того же мнения ..."
        if t.lows[i] in rules.PERSON_LIKE_NAMES[lang] and _next_to_a_name(t, i, last, lang):
            return False  # "Michael Jordan", "Израиль Бескин"
        prev = t.prev_word(i)
        if lang == "ru" and prev is not None and t.lows[prev] in rules.RU_SETTLEMENT_WORDS:
            if t.lows[i] == entry.keys[0][1:]:
                return False  # "в посёлке Голландия" (the nominative form)
    elif entry.kind == DEMONYM and lang == "ru":
        if t.is_capitalised(i) and not t.is_shouted(i) and not t.sentence_initial(i):
            return False  # "Дмитрий Поляков", "Чехов": a surname, not "поляков", "чехов"
    elif entry.kind == ADJECTIVE:
        return not _names_language(t, i, last, lexicon, lang)
    elif entry.kind == CAPITAL:
        return _capital_is_government(t, i, last, lang)
    elif entry.kind == PREFIX:
        return t.next_word(i, PREFIX_GAP_RE) is not None
    return True


def _match_at(t: _Text, i: int, starts: _Starts, lexicon: _Lexicon, lang: str) -> _Entry | None:
    n = len(t.lows)
    if starts.longer and i + 1 < n and _name_gap_ok(t, i + 1):
        longer: list[_Entry] = []
        for key in t.keys(i + 1):
            longer.extend(starts.longer.get(key, ()))
        for entry in _best_first(longer) if len(longer) > 1 else longer:
            size = len(entry.keys)
            if i + size > n:
                continue
            if all(entry.keys[j] in t.keys(i + j) and _name_gap_ok(t, i + j) for j in range(2, size)):
                if _accept(entry, t, i, lexicon, lang):
                    return entry
    for entry in starts.single:
        if _accept(entry, t, i, lexicon, lang):
            return entry
    return None


def _overtaken(t: _Text, i: int, last: int, lexicon: _Lexicon, lang: str) -> bool:
    """Whether a match that starts inside words i..last runs past them."""
    for j in range(i + 1, last + 1):
        found = lexicon.starts.get(t.lows[j])
        inner = _match_at(t, j, found, lexicon, lang) if found else None
        if inner is not None and j + len(inner.keys) - 1 > last:
            return True
    return False


def _languages(lang: str) -> tuple[str, ...]:
    lang = (lang or "").lower()[:2]
    return (lang,) if lang in ("ru", "en") else ("ru", "en")


def find_countries(text: str, *, lang: str) -> list[CountryMatch]:
    """Every mention of a country in `text`, in order, with its span.

    `lang` is "ru" or "en" (anything else: both vocabularies).  A compound
    adjective gives one match per part: "российско-японских" -> RU
    ("российско") and JP ("японских").
    """
    matches: list[CountryMatch] = []
    for language in _languages(lang):
        lexicon = _lexicon(language)
        t = _Text(text, lexicon, language)
        starts = lexicon.starts
        after = 0  # words before this one are part of an earlier match
        for i in [i for i, low in enumerate(t.lows) if low in starts]:
            if i < after:
                continue
            entry = _match_at(t, i, starts[t.lows[i]], lexicon, language)
            if entry is None:
                continue
            last = i + len(entry.keys) - 1
            if last > i and _overtaken(t, i, last, lexicon, language):
                continue  # "Republic of Guinea-Bissau" is not "Republic of Guinea"
            if entry.code is not None:
                start, end = t.start(i), t.end(last)
                matches.append(CountryMatch(start=start, end=end, text=text[start:end], code=entry.code))
            after = last + 1
    matches.sort(key=lambda m: (m.start, m.end))
    return matches
