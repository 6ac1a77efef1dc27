"""What the search vectors are made of.

Postgres' `russian` snowball stemmer misses nominative forms (остров -> остр
but островах -> остров; Лавров -> лавр but Лаврова -> лавров), so beside the
stemmed text we index pymorphy3 lemmas under the `simple` configuration, and a
query is matched against both (statements.search.query).

Two vectors per statement, both written by the store service:

- `search_vector` finds statements. It holds title (A), people and countries
  (B) and body (C), stems and lemmas, plus every pair of adjacent words
  ("совет безопасность") as one lexeme, and its countries, topics and people
  as lexemes of their own ("@country:JP"), and the organisations it names
  ("@org:UN", statements.search.entities). A quoted phrase is looked up as its
  pairs, so the GIN index answers it alone: phrase operators (<->) would make
  PostgreSQL re-read every candidate's vector from TOAST, about 20-60 µs each,
  seconds for a phrase found in thousands of statements.
- `rank_vector` orders them, from the whole text but small enough to stay
  in the table row (STORAGE MAIN), so ranking thousands of matches reads no
  TOAST: the title (A), the lead (B), the body's most frequent words
  (SALIENT_TERMS of them and one more per SALIENT_PER_DISTINCT distinct words,
  so that a long text keeps what it repeats; weighted by how often they occur:
  B four times or more, C two or three, D once; the SQL function
  archive_salient_terms) and
  the body's repeated word pairs (SALIENT_PAIRS, weighted the same way),
  which is how an exact phrase ranks above the same words scattered. Russian
  words are lemmas, English ones English stems, pairs as phrase_words.
  A statement about a subject names it in its title and lead or comes back
  to it in its body; one that mentions it once, far down, ranks below.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from statements.extract.records import Extraction
from statements.parse.records import ParsedStatement
from statements.text.morph import CYRILLIC_WORD, lemma, lemmas
from statements.text.scripts import CYRILLIC

CONFIGS = {"ru": "russian", "en": "english"}

# A word as phrases see it: letters and digits, split at hyphens and
# apostrophes, as PostgreSQL's parser splits them too.
PHRASE_WORD = re.compile(r"[^\W_]+")
# Longer "words" are noise (tables, encodings) and a lexeme has a size limit.
MAX_WORD = 60
# A tsvector holds at most 1 MB: phrases are found within the first 20,000
# distinct pairs of a statement (a 150-page text).
MAX_PAIRS = 20_000
# The lead: the body's first characters, cut at a word.
LEAD_CHARS = 400
# How much of the body the rank vector keeps: the most frequent words (48 for
# a short text, about 600 for a transcript of 80,000 characters, where a word
# said four times ranks 381st) and word pairs, as PostgreSQL's ts_rank reads them.
SALIENT_TERMS = 48
SALIENT_PER_DISTINCT = 4
SALIENT_PAIRS = 24
# What separates the pairs and the entities handed to the SQL (SearchDocument.as_params); phrase words and
# entity lexemes hold none.
LINES = "\n"
# Weight classes by frequency in the body (ts_rank weighs A..D); a lexeme's positions beyond these say little more.
PAIR_WEIGHTS = ((4, "B"), (2, "C"))
MAX_POSITIONS = 4
# archive_salient_terms's arguments beside the body (statements/migrations/0014_salient_terms_by_length.py).
SALIENT_PARAMS = {"salient_terms": SALIENT_TERMS, "salient_per_distinct": SALIENT_PER_DISTINCT,
                  "salient_positions": MAX_POSITIONS}


@dataclass(frozen=True)
class SearchDocument:
    config: str
    title: str
    title_lemmas: str
    names: str
    body: str
    body_lemmas: str
    rank_config: str
    rank_title: str
    rank_lead: str
    rank_body: str
    rank_pairs: str
    pairs: tuple[str, ...]
    # Lexemes of what the text names that no link table holds: organisations ("@org:UN").
    entities: tuple[str, ...] = ()

    def as_params(self) -> dict:
        return {
            "config": self.config, "title": self.title, "title_lemmas": self.title_lemmas,
            "names": self.names, "body": self.body, "body_lemmas": self.body_lemmas,
            "rank_config": self.rank_config, "rank_title": self.rank_title, "rank_lead": self.rank_lead,
            "rank_body": self.rank_body, "rank_pairs": self.rank_pairs, **SALIENT_PARAMS,
            # One line each rather than arrays: psycopg quotes an array of thousands of pairs element by
            # element in Python (about 1 ms a statement); the SQL cuts the lines apart (LINES).
            "pairs": LINES.join(self.pairs), "entities": LINES.join(self.entities),
        }


def lemma_text(text: str) -> str:
    return " ".join(lemmas(text))


def lemmatised(text: str) -> str:
    """The text with each Russian word replaced by its lemma, everything else kept."""
    return CYRILLIC_WORD.sub(lambda m: lemma(m.group()), text)


def rank_config(lang: str) -> str:
    """English text ranks by English stems; Russian by lemmas, which `simple` keeps as they are."""
    return "english" if lang == "en" else "simple"


def phrase_words(text: str) -> list[str]:
    """The words of a text in order, Russian ones as lemmas, others lower-cased."""
    return [lemma(w) if CYRILLIC.search(w) else w.lower()
            for w in PHRASE_WORD.findall(text) if len(w) <= MAX_WORD]


def word_pairs(*texts: str, limit: int = MAX_PAIRS) -> tuple[str, ...]:
    """Every pair of adjacent words of each text ("совет безопасность"), each once, in order of appearance."""
    return pairs_of([phrase_words(text) for text in texts], limit=limit)


def adjacent_pairs(words: list[str]) -> list[str]:
    """Each pair of adjacent words as the one lexeme the vectors hold for it: ["совет", "безопасность"] ->
    ["совет безопасность"]."""
    return [f"{first} {second}" for first, second in zip(words, words[1:], strict=False)]


def pairs_of(word_lists: list[list[str]], *, limit: int = MAX_PAIRS) -> tuple[str, ...]:
    """word_pairs() of texts already cut into phrase_words()."""
    seen: dict[str, None] = {}
    for words in word_lists:
        for pair in adjacent_pairs(words):
            seen[pair] = None
            if len(seen) >= limit:
                return tuple(seen)
    return tuple(seen)


def tsvector_literal(entries: list[tuple[str, int, str]]) -> str:
    """A tsvector in PostgreSQL's text form: (lexeme, how many positions, weight) ->
    "'совет безопасность':1C,2C". Positions are counts here, not places: ts_rank reads only their number."""
    parts = []
    for lexeme, count, weight in entries:
        quoted = lexeme.replace("\\", "\\\\").replace("'", "''")
        parts.append(f"'{quoted}':" + ",".join(f"{n}{weight}" for n in range(1, count + 1)))
    return " ".join(parts)


def salient_pairs(title_words: list[str], body_words: list[str], *, limit: int = SALIENT_PAIRS) -> str:
    """The title's word pairs (A) and the body's most repeated ones, as a tsvector literal for rank_vector."""
    title = pairs_of([title_words])
    # Pairs of two words longer than two letters, judged by the words rather than by splitting each pair again.
    pairs = zip(adjacent_pairs(body_words), body_words, body_words[1:], strict=False)
    body = Counter(pair for pair, first, second in pairs if len(first) > 2 and len(second) > 2)
    entries = [(pair, 1, "A") for pair in title]
    for pair, count in body.most_common(limit):
        if count < 2:
            break
        if pair not in title:
            weight = next((w for least, w in PAIR_WEIGHTS if count >= least), "D")
            entries.append((pair, min(count, MAX_POSITIONS), weight))
    return tsvector_literal(entries)


def link_lexeme(kind: str, value) -> str:
    """A country, topic or person of a statement as one lexeme of its search vector: "@country:JP".

    A search narrowed to a country is then one tsquery ("курилы & @country:JP")
    that the GIN index answers alone, where a join with the link table let
    the planner check the words statement by statement, reading each vector
    from TOAST. Words of a query never become such lexemes: the parser drops
    the "@". statements.services.store writes them with the vectors (store.Links).
    """
    return f"@{kind}:{value}"


def lead(body: str, size: int = LEAD_CHARS) -> str:
    text = body.strip()
    if len(text) <= size:
        return text
    cut = text.rfind(" ", 0, size)
    return text[: cut if cut > 0 else size]


def rank_fields(*, title: str, body: str, lang: str, title_words: list[str] | None = None,
                body_words: list[str] | None = None) -> dict[str, str]:
    """What rank_vector is made of (SearchDocument's rank_* fields); `*_words`: phrase_words() if known."""
    title_words = phrase_words(title) if title_words is None else title_words
    body_words = phrase_words(body) if body_words is None else body_words
    return {
        "rank_config": rank_config(lang),
        "rank_title": lemmatised(title),
        "rank_lead": lemmatised(lead(body)),
        "rank_body": lemmatised(body),
        "rank_pairs": salient_pairs(title_words, body_words),
    }


def search_document(parsed: ParsedStatement, extraction: Extraction) -> SearchDocument:
    from statements.extract.countries import country_names
    from statements.search.entities import organisations_in

    title_words, body_words = phrase_words(parsed.title), phrase_words(parsed.body)

    names_by_code = country_names()
    names = [p.name for p in extraction.people] + list(parsed.speakers)
    for code in extraction.countries:
        names.extend(names_by_code.get(code, ()))
    names_text = " ".join(dict.fromkeys(names))
    return SearchDocument(
        config=CONFIGS.get(parsed.lang, "simple"),
        title=parsed.title,
        title_lemmas=lemma_text(parsed.title),
        names=f"{names_text} {lemma_text(names_text)}",
        body=parsed.body,
        body_lemmas=lemma_text(parsed.body),
        **rank_fields(title=parsed.title, body=parsed.body, lang=parsed.lang,
                      title_words=title_words, body_words=body_words),
        pairs=pairs_of([title_words, body_words]),
        entities=tuple(organisations_in(f"{parsed.title}\n{parsed.body}", words=[*title_words, *body_words])),
    )
