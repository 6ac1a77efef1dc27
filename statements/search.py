"""What the search vector is made of, and how a query is read.

Postgres' `russian` snowball stemmer misses nominative forms (остров -> остр
but островах -> остров; Лавров -> лавр but Лаврова -> лавров), so beside the
stemmed text we index pymorphy3 lemmas under the `simple` configuration, and a
query is matched against both (statements.querysets.StatementQuerySet.search).
"""

from __future__ import annotations

from dataclasses import dataclass

from statements.extract.morph import lemmas
from statements.extract.records import Extraction
from statements.parse.records import ParsedStatement

CONFIGS = {"ru": "russian", "en": "english"}


@dataclass(frozen=True)
class SearchDocument:
    config: str
    title: str
    title_lemmas: str
    names: str
    body: str
    body_lemmas: str

    def as_params(self) -> dict:
        return {
            "config": self.config, "title": self.title, "title_lemmas": self.title_lemmas,
            "names": self.names, "body": self.body, "body_lemmas": self.body_lemmas,
        }


def lemma_text(text: str) -> str:
    return " ".join(lemmas(text))


def search_document(parsed: ParsedStatement, extraction: Extraction) -> SearchDocument:
    from statements.extract.countries import country_names

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
    )
