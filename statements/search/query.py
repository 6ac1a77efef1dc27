"""How a query in web-search syntax becomes the tsqueries that find and rank statements.

The syntax is PostgreSQL's websearch_to_tsquery's: words are all required,
"a quoted phrase" keeps its words together, OR between two terms accepts
either, a leading minus excludes (`Япония -Курилы`, `Japan OR Китай`).
We read it ourselves rather than hand it to websearch_to_tsquery because of
what the index can answer alone (statements.search.document):

- each word is looked up three ways, Russian stems, English stems and
  lemmas, OR-ed: a nominative "остров" finds "островах" through its lemma;
- a phrase becomes its adjacent word pairs, lexemes of their own, AND-ed;
- a hyphenated word is its parts AND-ed, never `<->`;
- a run of words naming a country, an organisation or a phrase with
  equivalents also matches what it names (statements.search.entities), and a
  surname the person it names.

A tsquery without phrase operators or weights is decided by the GIN index
without re-reading a single stored vector, which is what keeps a search over
a hundred thousand statements in milliseconds.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import reduce

from django.contrib.postgres.search import SearchConfig, SearchQuery, SearchQueryField
from django.db.models import Func, Value

from statements.search.document import PHRASE_WORD, lemmatised, phrase_words
from statements.search.entities import MAX_NAME_WORDS, Meaning, meaning_of

# A query longer than this many terms is cut: each term is a few SQL functions.
MAX_TERMS = 32
# "a phrase" (an unclosed quote runs to the end), or a run of anything but spaces and quotes.
TOKEN = re.compile(r'(-?)"([^"]*)"?|(\S[^\s"]*)')


@dataclass(frozen=True)
class Term:
    text: str
    phrase: bool = False
    negated: bool = False


def parse(query: str) -> list[list[Term]]:
    """The query as OR-ed groups of AND-ed terms (`a b OR c` is (a AND b) OR c, as in PostgreSQL)."""
    groups: list[list[Term]] = [[]]
    or_pending = False
    count = 0
    for match in TOKEN.finditer(query.replace("\x00", "")):
        minus, phrase, word = match.groups()
        if word is not None and word.lower() == "or":
            or_pending = bool(groups[-1])
            continue
        if word is not None:
            negated = word.startswith("-")
            text = word.lstrip("-")
            term = Term(text, negated=negated)
        else:
            term = Term(phrase, phrase=True, negated=bool(minus))
        if not PHRASE_WORD.search(term.text):
            continue  # punctuation alone: nothing to look up
        count += 1
        if count > MAX_TERMS:
            break
        if or_pending:
            groups.append([])
            or_pending = False
        groups[-1].append(term)
    return [group for group in groups if group]


class _Query(SearchQuery):
    """A tsquery built by its own SQL template (a SearchQuery, so that `search_vector=` takes it as it is)."""

    def __init__(self, *expressions, config: str | None = None):
        self.config = SearchConfig(config) if config else None
        self.invert = False
        Func.__init__(self, *expressions, output_field=SearchQueryField())


class PlainQuery(_Query):
    """plainto_tsquery of one word, with any phrase operator (from a hyphen) made an AND."""

    template = "regexp_replace(plainto_tsquery(%(expressions)s)::text, '<(?:[0-9]+|-)>', '&', 'g')::tsquery"

    def __init__(self, text: str, config: str):
        super().__init__(SearchConfig(config), Value(text), config=config)


class LexemesQuery(_Query):
    """Lexemes taken as they are (no parser, no stemmer), AND-ed."""

    template = "%(expressions)s::tsquery"

    def __init__(self, lexemes: list[str]):
        quoted = " & ".join("'" + lexeme.replace("\\", "\\\\").replace("'", "''") + "'" for lexeme in lexemes)
        super().__init__(Value(quoted))


class NotQuery(_Query):
    template = "!!(%(expressions)s)"


def word_query(text: str):
    """One word: its Russian stem, its English stem or its lemma."""
    return PlainQuery(text, "russian") | PlainQuery(text, "english") | PlainQuery(lemmatised(text), "simple")


def term_query(term: Term):
    words = phrase_words(term.text)
    if term.phrase and len(words) > 1:
        query = LexemesQuery([f"{a} {b}" for a, b in zip(words, words[1:], strict=False)])
    elif term.phrase:
        query = PlainQuery(" ".join(words), "simple")  # one quoted word: as written, lemma and all
    else:
        query = word_query(term.text)
    return NotQuery(query) if term.negated else query


def _any(queries):
    return reduce(operator.or_, queries)


def _all(queries):
    return reduce(operator.and_, queries)


# Who the query's words may name, beside their own letters: word -> "@person:" lexemes, from the database.
PeopleLookup = Mapping[str, list[str]]


def surname_candidates(query: str) -> list[str]:
    """The query's required single words: those a surname lookup may take (see match_query's `people`)."""
    return [term.text for group in parse(query) for term in group if not (term.negated or term.phrase)]


def match_query(query: str, *, people: PeopleLookup | None = None):
    """The tsquery that finds the statements, or None when the query holds no word.

    A run of words that names a country, an organisation or a phrase with
    equivalents (statements.search.entities) also matches what it names;
    a word `people` maps to persons (querysets.person_lexemes) also matches them.
    """
    groups = parse(query)
    return _any(_group_query(group, people) for group in groups) if groups else None


def named_in(query: str) -> list[tuple[str, Meaning]]:
    """The runs of the query that name something, as typed, with what they name (for the page to say)."""
    found = []
    for group in parse(query):
        start = 0
        while start < len(group):
            length, meaning = _named_run(group, start)
            if meaning:
                found.append((" ".join(term.text for term in group[start : start + length]), meaning))
            start += length or 1
    return found


def _named_run(group: list[Term], start: int) -> tuple[int, Meaning | None]:
    """The longest run of required terms from `start` that names something: (its length, the meaning)."""
    longest = min(MAX_NAME_WORDS, len(group) - start)
    for length in range(longest, 0, -1):
        run = group[start : start + length]
        if any(term.negated for term in run) or (length > 1 and any(term.phrase for term in run)):
            continue
        meaning = meaning_of([term.text for term in run])
        if meaning:
            return length, meaning
    return 0, None


def _meaning_query(meaning: Meaning):
    queries = [LexemesQuery([lexeme]) for lexeme in sorted(meaning.lexemes)]
    for phrase in sorted(meaning.phrases):
        queries.append(term_query(Term(phrase, phrase=True)))
    return _any(queries)


def _group_query(group: list[Term], people: PeopleLookup | None):
    parts = []
    start = 0
    while start < len(group):
        length, meaning = _named_run(group, start)
        if meaning:
            run = group[start : start + length]
            parts.append(_all(term_query(term) for term in run) | _meaning_query(meaning))
            start += length
            continue
        term = group[start]
        query = term_query(term)
        persons = people.get(term.text, []) if people and not (term.negated or term.phrase) else []
        if persons:
            query = query | _any(LexemesQuery([lexeme]) for lexeme in persons)
        parts.append(query)
        start += 1
    return _all(parts)


def rank_query(query: str):
    """Any word the query asks for, as rank_vector holds it: lemma or English stem."""
    words = [word for group in parse(query) for term in group if not term.negated
             for word in PHRASE_WORD.findall(term.text)]
    if not words:
        return None
    return _any(PlainQuery(lemmatised(word), "simple") | PlainQuery(word, "english")
                for word in dict.fromkeys(words))
