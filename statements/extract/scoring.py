"""Scoring extraction against reference annotations (shared/gold/*.jsonl).

Implements shared/gold/GUIDELINES.md, "How the archive is scored":
agreements and events match when their sentences overlap (lower-cased word
sets with Jaccard similarity of at least 0.5, or one sentence containing the
other), events also need equal starts_on and ends_on; precision, recall and
F1 are micro-averaged over all statements, each reference item matched at most
once; countries are compared as sets per statement; predicted events without
a date are left out. Pure functions: predictions and references are the JSON
shapes of the gold files (see prediction_record).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from statements.extract.records import Extraction
from statements.parse.records import ParsedStatement

JACCARD_THRESHOLD = 0.5
WORD = re.compile(r"\w+")
SPACE = re.compile(r"\s+")
# Statement fields scored by accuracy, and how each one is compared.
META_FIELDS = ("published_on", "doc_number", "kind", "speakers", "place")


@dataclass(slots=True)
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass(frozen=True, slots=True)
class Miss:
    statement_id: str
    field: str  # "agreements" | "events" | "countries" | a meta field
    error: str  # "fp" (predicted, not in the reference) | "fn" (missed) | "wrong"
    text: str  # the sentence, the country code, or "predicted != expected"


@dataclass(slots=True)
class Report:
    statements: int = 0
    agreements: Counts = field(default_factory=Counts)
    events: Counts = field(default_factory=Counts)
    countries: Counts = field(default_factory=Counts)
    meta_correct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(META_FIELDS, 0))
    misses: list[Miss] = field(default_factory=list)

    @property
    def meta_accuracy(self) -> dict[str, float]:
        return {name: (ok / self.statements if self.statements else 0.0) for name, ok in self.meta_correct.items()}

    def as_dict(self) -> dict[str, Any]:
        return {
            "statements": self.statements,
            "agreements": self.agreements.as_dict(),
            "events": self.events.as_dict(),
            "countries": self.countries.as_dict(),
            "meta_accuracy": {name: round(value, 4) for name, value in self.meta_accuracy.items()},
            "misses": [{"id": m.statement_id, "field": m.field, "error": m.error, "text": m.text} for m in self.misses],
        }


# --------------------------------------------------------------------------
# Matching
# --------------------------------------------------------------------------


def words(text: str) -> set[str]:
    return set(WORD.findall(text.lower()))


def jaccard(a: str, b: str) -> float:
    left, right = words(a), words(b)
    union = left | right
    return len(left & right) / len(union) if union else 0.0


def _flat(text: str) -> str:
    return SPACE.sub(" ", text.lower()).strip()


def sentences_overlap(a: str, b: str) -> bool:
    """The scoring rule: Jaccard of word sets >= 0.5, or one text inside the other."""
    flat_a, flat_b = _flat(a), _flat(b)
    if flat_a and flat_b and (flat_a in flat_b or flat_b in flat_a):
        return True
    return jaccard(a, b) >= JACCARD_THRESHOLD


def _same_dates(predicted: Mapping[str, Any], expected: Mapping[str, Any]) -> bool:
    return _iso(predicted.get("starts_on")) == _iso(expected.get("starts_on")) and _iso(
        predicted.get("ends_on")
    ) == _iso(expected.get("ends_on"))


def match_items(
    predicted: list[Mapping[str, Any]],
    expected: list[Mapping[str, Any]],
    also: Callable[[Mapping[str, Any], Mapping[str, Any]], bool] | None = None,
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Pairs (predicted index, expected index), then the unmatched of each side.

    Each item is matched at most once; the most similar pairs are taken first
    so that one loose match does not steal a better partner.
    """
    candidates = []
    for i, p in enumerate(predicted):
        for j, e in enumerate(expected):
            text_p, text_e = str(p.get("text", "")), str(e.get("text", ""))
            if sentences_overlap(text_p, text_e) and (also is None or also(p, e)):
                candidates.append((-jaccard(text_p, text_e), i, j))
    candidates.sort()
    used_p: set[int] = set()
    used_e: set[int] = set()
    pairs = []
    for _, i, j in candidates:
        if i in used_p or j in used_e:
            continue
        used_p.add(i)
        used_e.add(j)
        pairs.append((i, j))
    unmatched_p = [i for i in range(len(predicted)) if i not in used_p]
    unmatched_e = [j for j in range(len(expected)) if j not in used_e]
    return pairs, unmatched_p, unmatched_e


# --------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------


def _iso(value: Any) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _meta_equal(name: str, predicted: Any, expected: Any) -> bool:
    if name == "speakers":
        return set(predicted or ()) == set(expected or ())
    if name == "published_on":
        return _iso(predicted) == _iso(expected)
    return (predicted or None) == (expected or None)


def _score_items(
    report_counts: Counts,
    misses: list[Miss],
    statement_id: str,
    name: str,
    predicted: list[Mapping[str, Any]],
    expected: list[Mapping[str, Any]],
    also: Callable[[Mapping[str, Any], Mapping[str, Any]], bool] | None = None,
) -> None:
    pairs, fps, fns = match_items(predicted, expected, also)
    report_counts.tp += len(pairs)
    report_counts.fp += len(fps)
    report_counts.fn += len(fns)
    for i in fps:
        misses.append(Miss(statement_id, name, "fp", _describe(predicted[i], name)))
    for j in fns:
        misses.append(Miss(statement_id, name, "fn", _describe(expected[j], name)))


def _describe(item: Mapping[str, Any], name: str) -> str:
    text = str(item.get("text", ""))
    if name == "events":
        return f"[{_iso(item.get('starts_on'))}..{_iso(item.get('ends_on'))}] {text}"
    return text


# Every third reference statement (the 3rd, 6th, ... across the files, in
# order) is held out: rules are written from the others' misses only, and the
# held-out part's score tells whether they generalise.
HOLD_OUT_EVERY = 3


def split_held_out(references: list[Any], every: int = HOLD_OUT_EVERY) -> tuple[list[Any], list[Any]]:
    """(in view, held out): every `every`-th reference is held out; 0 holds out nothing."""
    held = [r for i, r in enumerate(references, start=1) if every and i % every == 0]
    seen = [r for i, r in enumerate(references, start=1) if not (every and i % every == 0)]
    return seen, held


def score(predictions: Mapping[str, Mapping[str, Any]], gold: Iterable[Mapping[str, Any]]) -> Report:
    """Score predictions (statement id -> prediction record) against reference
    records; a statement with no prediction counts as predicting nothing."""
    report = Report()
    for expected in gold:
        statement_id = str(expected["id"])
        predicted = predictions.get(statement_id) or {}
        report.statements += 1
        _score_items(
            report.agreements,
            report.misses,
            statement_id,
            "agreements",
            list(predicted.get("agreements") or ()),
            list(expected.get("agreements") or ()),
        )
        dated = [e for e in predicted.get("events") or () if e.get("starts_on")]
        _score_items(
            report.events,
            report.misses,
            statement_id,
            "events",
            dated,
            list(expected.get("events") or ()),
            also=_same_dates,
        )
        got, want = set(predicted.get("countries") or ()), set(expected.get("countries") or ())
        report.countries.tp += len(got & want)
        report.countries.fp += len(got - want)
        report.countries.fn += len(want - got)
        report.misses.extend(Miss(statement_id, "countries", "fp", code) for code in sorted(got - want))
        report.misses.extend(Miss(statement_id, "countries", "fn", code) for code in sorted(want - got))
        for name in META_FIELDS:
            if _meta_equal(name, predicted.get(name), expected.get(name)):
                report.meta_correct[name] += 1
            else:
                report.misses.append(
                    Miss(statement_id, name, "wrong", f"{predicted.get(name)!r} != {expected.get(name)!r}")
                )
    return report


# --------------------------------------------------------------------------
# The prediction record of one statement
# --------------------------------------------------------------------------


def prediction_record(parsed: ParsedStatement, extraction: Extraction) -> dict[str, Any]:
    """One statement's parse and extraction in the JSON shape of the gold files
    (shared/gold/GUIDELINES.md), plus title, lang, topics and spans."""
    return {
        "title": parsed.title,
        "lang": parsed.lang,
        "published_on": _iso(parsed.published_on),
        "doc_number": parsed.doc_number,
        "kind": parsed.kind,
        "speakers": list(parsed.speakers),
        "place": parsed.place,
        "countries": sorted(extraction.countries),
        "agreements": [
            {"text": a.text, "kind": a.kind, "parties": list(a.parties), "start": a.start, "end": a.end}
            for a in extraction.agreements
        ],
        "events": [
            {
                "text": e.text,
                "title": e.title,
                "starts_on": _iso(e.starts_on),
                "ends_on": _iso(e.ends_on),
                "precision": e.precision,
                "place": e.place,
                "start": e.start,
                "end": e.end,
            }
            for e in extraction.events
        ],
        "topics": [t.slug for t in extraction.topics],
    }
