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

from statements.search.document import PHRASE_WORD, adjacent_pairs, lemmatised, phrase_words
from statements.search.entities import MAX_NAME_WORDS, Meaning, meaning_names, meaning_of
from statements.text.scripts import CYRILLIC

# A query longer than this many terms is cut: each term is a few SQL functions.
MAX_TERMS = 32
# Longer queries are refused, on the page (a 400 saying so) as in the API (api.filters.MAX_TEXT_LENGTH).
MAX_QUERY_LENGTH = 500
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
        query = LexemesQuery(adjacent_pairs(words))
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


def match_query(query: str, *, people: PeopleLookup | None = None, loose: bool = False):
    """The tsquery that finds the statements, or None when the query holds no word.

    A run of words that names a country, an organisation or a phrase with
    equivalents (statements.search.entities) also matches what it names;
    a word `people` maps to persons (querysets.person_lexemes) also matches them.
    `loose`: any of the things asked for instead of all of them (exclusions still hold).
    """
    groups = parse(query)
    if not groups:
        return None
    if not loose:
        return _any(_all(c.match for c in _concepts(group, people)) for group in groups)
    wanted = [c.match for group in groups for c in _concepts(group, people) if not c.negated]
    excluded = [c.match for group in groups for c in _concepts(group, people) if c.negated]
    return _all([_any(wanted), *excluded]) if wanted else None


def required_count(query: str) -> int:
    """How many things the query's most demanding group asks for (a loose search needs two or more)."""
    return max((sum(1 for c in _concepts(group, None) if not c.negated) for group in parse(query)), default=0)


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
        # One word ("terrorism" for терроризм) in any form, as typed words are; longer ones as phrases.
        one_word = len(phrase_words(phrase)) == 1
        queries.append(word_query(phrase) if one_word else term_query(Term(phrase, phrase=True)))
    return _any(queries)


@dataclass(frozen=True)
class Concept:
    """One thing a query asks for: a word, a quoted phrase, or a run of words naming something.

    `match` finds it in search_vector; `rank` weighs it in rank_vector (statements.search.document):
    the words as lemmas or English stems, and for a name all its names in either language ("КНР":
    Китай, China, PRC), so a statement about China ranks by how much it says of China in any words;
    names of several words as their pairs of words ("совет безопасность"), never their words apart.
    """

    match: SearchQuery
    rank: SearchQuery | None
    negated: bool = False


def _rank_word(word: str):
    """A word as rank_vector holds it, each form once (ts_rank counts a form asked twice twice): a
    Russian word as its lemma; another as its English stem (English statements) or as written (a Latin
    word in a Russian statement)."""
    if CYRILLIC.search(word):
        return PlainQuery(lemmatised(word), "simple")
    return PlainQuery(word, "english") | PlainQuery(word, "simple")


def _rank_words(words: list[str], pairs: list[str] = ()):
    queries = [_rank_word(word) for word in dict.fromkeys(words)]
    queries += [LexemesQuery([pair]) for pair in dict.fromkeys(pairs)]
    return _any(queries) if queries else None


def _concepts(group: list[Term], people: PeopleLookup | None) -> list[Concept]:
    found = []
    start = 0
    while start < len(group):
        length, meaning = _named_run(group, start)
        if meaning:
            run = group[start : start + length]
            # A name of several words ranks by its pairs of words, as a phrase: "совет", "безопасность" and
            # "ООН" said often and apart say nothing of the Security Council.
            typed = [w for term in run for w in PHRASE_WORD.findall(term.text)]
            words, pairs = (typed if len(typed) == 1 else []), []
            for name in meaning_names(meaning):
                name_words = phrase_words(name)
                if len(name_words) == 1:
                    words.extend(PHRASE_WORD.findall(name))
                pairs.extend(adjacent_pairs(name_words))
            match = _all(term_query(term) for term in run) | _meaning_query(meaning)
            found.append(Concept(match, _rank_words(words, pairs)))
            start += length
            continue
        term = group[start]
        query = term_query(term)
        persons = people.get(term.text, []) if people and not (term.negated or term.phrase) else []
        if persons:
            query = query | _any(LexemesQuery([lexeme]) for lexeme in persons)
        words = phrase_words(term.text)
        rank = None if term.negated else _rank_words(PHRASE_WORD.findall(term.text),
                                                     adjacent_pairs(words))
        found.append(Concept(query, rank, negated=term.negated))
        start += 1
    return found


@dataclass(frozen=True)
class RankPart:
    """One thing ranking weighs: `rank` against rank_vector, `match` telling how common it is in the
    archive (rarer things weigh more: querysets.relevance), `boost` beside that."""

    rank: SearchQuery
    match: SearchQuery
    boost: float = 1.0


# An exact phrase counts for each of its pairs of words, and twice that: the words together say
# more than each word (ts_rank divides by the number of pairs; this undoes it).
PHRASE_BOOST = 2.0
# Each part costs the planner an estimate (querysets.relevance): a long query ranks by its first ones.
MAX_RANK_PARTS = 8


def rank_parts(query: str) -> list[RankPart]:
    """What ranks the matches: each thing the query asks for, then the pairs of its adjacent words,
    so that an exact phrase ranks above the same words scattered."""
    parts = []
    for group in parse(query):
        concepts = [c for c in _concepts(group, None) if c.rank is not None]
        parts.extend(RankPart(c.rank, c.match) for c in concepts)
        if len(concepts) < 2:
            continue  # one word, or one name whose own phrases rank it
        run: list[str] = []  # adjacent required words, across terms: "Курильские острова" unquoted too
        for term in group:
            if term.negated:
                run = []
                continue
            run.extend(phrase_words(term.text))
        pairs = adjacent_pairs(run)
        if pairs:
            phrase = _any(LexemesQuery([p]) for p in dict.fromkeys(pairs))
            parts.append(RankPart(phrase, LexemesQuery(pairs), boost=PHRASE_BOOST * len(set(pairs))))
    return parts[:MAX_RANK_PARTS]
