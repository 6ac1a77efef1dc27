"""What a query names: countries, organisations and equivalent phrases.

Researchers type the name they know: "КНР" or "China" for Китай, "ООН" or
"United Nations", "Курилы" for the Курильские острова, "sanctions" for
санкции. A run of query words that is such a name matches, beside its own
words, what the name stands for:

- a country, an organisation or a topic: its lexeme in the search vector
  ("@country:CN", "@org:UN", "@topic:energy"), so every statement naming it
  in any form or language, or filed under the topic, is found by the GIN
  index alone;
- an equivalent phrase (statements/data/equivalents.csv, a small bilingual
  glossary and aliases): the other phrases of its row, as words, and the
  topic the row names when it names one as a whole ("климат": the topic
  Climate and environment; "нефть" names no topic, being only part of Energy).

Names are compared as statements.search.document.phrase_words sees them
(Russian words as lemmas, others lower-cased), so any case form matches.
Acronyms (all capitals: ООН, US, EU) are compared as written in documents;
in queries those of three letters or more in any case ("оон"), shorter ones
only in capitals, since "us" and "eu" are words too.

The data: statements/data/countries.csv (names and alternative names),
organisations.csv, topics.csv (their names) and equivalents.csv. People are found through the
database (statements.search.filters).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from statements.data import rows
from statements.search.document import PHRASE_WORD, phrase_words

# The longest name looked for, in words ("Организация по безопасности и сотрудничеству в Европе").
MAX_NAME_WORDS = 8
ACRONYM = re.compile(r"^[A-ZА-ЯЁ][A-ZА-ЯЁ0-9]+$")
# Acronyms shorter than this are taken in a query only when typed in capitals.
CASELESS_ACRONYM = 3


@dataclass(frozen=True, slots=True)
class Meaning:
    """What a name stands for: lexemes of the search vector, and equivalent phrases."""

    lexemes: frozenset[str] = frozenset()
    phrases: frozenset[str] = frozenset()

    def __or__(self, other: Meaning) -> Meaning:
        return Meaning(self.lexemes | other.lexemes, self.phrases | other.phrases)


@dataclass(frozen=True, slots=True)
class Vocabulary:
    names: dict[tuple[str, ...], Meaning] = field(default_factory=dict)
    acronyms: dict[str, Meaning] = field(default_factory=dict)  # as written: "ООН", "US"
    # Organisation names by their first word, longest first, for finding them in documents.
    organisation_names: dict[str, list[tuple[tuple[str, ...], str]]] = field(default_factory=dict)

    def acronym(self, word: str) -> Meaning | None:
        """A query word as an acronym: short ones only as written."""
        if word in self.acronyms:
            return self.acronyms[word]
        if len(word) >= CASELESS_ACRONYM:
            return self.acronyms.get(word.upper())
        return None


def _split(value: str) -> list[str]:
    return [part.strip() for part in (value or "").split(";") if part.strip()]


def _add(vocabulary: Vocabulary, name: str, meaning: Meaning) -> None:
    if ACRONYM.match(name.replace(".", "")):
        key = name.replace(".", "")
        vocabulary.acronyms[key] = vocabulary.acronyms.get(key, Meaning()) | meaning
        return
    words = tuple(phrase_words(name))
    if words and len(words) <= MAX_NAME_WORDS:
        vocabulary.names[words] = vocabulary.names.get(words, Meaning()) | meaning


@cache
def vocabulary() -> Vocabulary:
    found = Vocabulary()
    for row in rows("countries.csv"):
        meaning = Meaning(lexemes=frozenset({f"@country:{row['code']}"}))
        for name in [row["name_ru"], row["name_en"], *_split(row["alt_ru"]), *_split(row["alt_en"])]:
            _add(found, name, meaning)
    for row in rows("organisations.csv"):
        lexeme = f"@org:{row['code']}"
        meaning = Meaning(lexemes=frozenset({lexeme}))
        for name in [*_split(row["names_ru"]), *_split(row["names_en"])]:
            _add(found, name, meaning)
            words = tuple(phrase_words(name))
            if words and not ACRONYM.match(name.replace(".", "")):
                found.organisation_names.setdefault(words[0], []).append((words, lexeme))
    for names in found.organisation_names.values():
        names.sort(key=lambda item: len(item[0]), reverse=True)
    for row in rows("topics.csv"):
        for name in (row["name_ru"], row["name_en"]):
            _add(found, name, Meaning(lexemes=frozenset({f"@topic:{row['slug']}"})))
    for row in rows("equivalents.csv"):
        phrases = _split(row["phrases"])
        topic = frozenset({f"@topic:{row['topic']}"} if row["topic"] else ())
        for phrase in phrases:
            _add(found, phrase, Meaning(lexemes=topic, phrases=frozenset(p for p in phrases if p != phrase)))
    return found


def meaning_of(words: list[str]) -> Meaning | None:
    """What the query words, together, name; None when they name nothing known."""
    known = vocabulary()
    if len(words) == 1 and (acronym := known.acronym(words[0])):
        return acronym
    key = tuple(w for text in words for w in phrase_words(text))
    return known.names.get(key) if key else None


def organisations_in(text: str, *, words: list[str] | None = None) -> list[str]:
    """The "@org:" lexemes of the organisations a text names, by acronym or name, in order of appearance.

    `words`: the text's phrase_words(), when the caller has them already (they cost a lemma each).
    """
    known = vocabulary()
    found: dict[str, None] = {}
    for token in PHRASE_WORD.findall(text):
        meaning = known.acronyms.get(token)
        if meaning:
            found.update(dict.fromkeys(sorted(m for m in meaning.lexemes if m.startswith("@org:"))))
    words = phrase_words(text) if words is None else words
    for start, word in enumerate(words):
        for name, lexeme in known.organisation_names.get(word, ()):
            if tuple(words[start : start + len(name)]) == name:
                found[lexeme] = None
                break
    return list(found)


@cache
def _names() -> dict[str, tuple[str, ...]]:
    """Lexeme -> every name of the country or organisation, in both languages."""
    names = {f"@country:{row['code']}": (row["name_ru"], row["name_en"], *_split(row["alt_ru"]),
                                         *_split(row["alt_en"])) for row in rows("countries.csv")}
    for row in rows("organisations.csv"):
        names[f"@org:{row['code']}"] = (*_split(row["names_ru"]), *_split(row["names_en"]))
    return names  # a topic's names say more than the query ("климат": Климат и экология), so none rank


def meaning_names(meaning: Meaning) -> list[str]:
    """The words a statement may use for what a query names: its equivalent phrases and the names of
    its countries and organisations (for ranking: statements.search.query.rank_query)."""
    found = dict.fromkeys(sorted(meaning.phrases))
    for lexeme in sorted(meaning.lexemes):
        found.update(dict.fromkeys(name for name in _names().get(lexeme, ()) if name))
    return list(found)


@cache
def _labels() -> dict[str, tuple[str, str]]:
    """Lexeme -> (Russian name, English name) of the countries, organisations and topics."""
    labels = {f"@country:{row['code']}": (row["name_ru"], row["name_en"]) for row in rows("countries.csv")}
    for row in rows("organisations.csv"):
        ru, en = _split(row["names_ru"]), _split(row["names_en"])
        labels[f"@org:{row['code']}"] = ((ru or en)[0], (en or ru)[-1] if len(en) > 1 else (en or ru)[0])
    for row in rows("topics.csv"):
        labels[f"@topic:{row['slug']}"] = (row["name_ru"], row["name_en"])
    return labels


def label(lexeme: str, lang: str) -> str:
    """A country's, an organisation's or a topic's name for a reader ("@org:UN" -> "ООН" or "United Nations")."""
    names = _labels().get(lexeme)
    if names is None:
        return lexeme
    return names[1] if lang == "en" else names[0]
