"""Ranking quality: nDCG@10 of the archive's search on the judged researcher queries (bench.queries).

Child side, on a database holding the shared corpus (`make bench` ingests it
into archive_bench first; by hand, any database that holds it):

- `python -m bench.relevance measure` prints, per query and on average, the
  nDCG@10 of the search as the page and the API run it (StatementFilter,
  relevance order), and of a plain BM25 over the statements' lemmas for
  comparison;
- `python -m bench.relevance judge` grades every stored statement for every
  query (bench.queries) and writes bench/judgments.json.

Judgments are keyed by the statement's identity key (statements.services.store.identity_key),
which does not depend on the order of ingestion.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections import Counter
from pathlib import Path

from bench.common import CORPUS, ROOT, child_env, emit, run_child, setup_django

JUDGMENTS = Path(__file__).with_name("judgments.json")
CUTOFF = 10
LEAD = 400


def grade(title: str, body: str, groups: list[re.Pattern]) -> int:
    """How much of a statement is about a query (the scale in bench.queries)."""
    counts = [len(group.findall(f"{title}\n{body}")) for group in groups]
    if not all(counts):
        return 0
    lead = body[:LEAD]
    if all(group.search(title) for group in groups) or min(counts) >= 6:
        return 3
    if min(counts) >= 3 or all(group.search(lead) for group in groups):
        return 2
    return 1


def judge() -> dict[str, dict[str, int]]:
    from bench.queries import QUERIES
    from statements.models import Statement

    compiled = [(query, [re.compile(p, re.IGNORECASE) for p in groups]) for query, groups in QUERIES]
    judgments: dict[str, dict[str, int]] = {query: {} for query, _ in QUERIES}
    for key, title, body in Statement.objects.order_by("key").values_list("key", "title", "body").iterator():
        for query, groups in compiled:
            value = grade(title, body, groups)
            if value:
                judgments[query][key] = value
    return judgments


def dcg(gains: list[int]) -> float:
    return sum((2**g - 1) / math.log2(rank + 2) for rank, g in enumerate(gains[:CUTOFF]))


def ndcg(ranked_keys: list[str], grades: dict[str, int]) -> float:
    ideal = dcg(sorted(grades.values(), reverse=True))
    return dcg([grades.get(key, 0) for key in ranked_keys]) / ideal if ideal else 0.0


def archive_ranking(query: str) -> list[str]:
    from statements.models import Statement
    from statements.search.filters import StatementFilter

    found = StatementFilter({"q": query}, queryset=Statement.objects.for_list())
    found.loosen_when_few = True  # as the page and the API's list
    return [s.key for s in found.qs[:CUTOFF]]


class BM25:
    """A plain BM25 (k1 1.2, b 0.75) over each statement's title and body as PostgreSQL lexemes:
    Russian words as lemmas, English ones as English stems, the baseline the archive must beat."""

    def __init__(self):
        from django.db import connection

        from statements.models import Statement
        from statements.search.document import lemmatised, rank_config

        self.docs: dict[str, Counter] = {}
        with connection.cursor() as cursor:
            for key, lang, title, body in Statement.objects.values_list("key", "language", "title", "body"):
                cursor.execute("SELECT lexeme, array_length(positions, 1) FROM unnest(to_tsvector(%s::regconfig, %s))",
                               [rank_config(lang), lemmatised(f"{title}\n{body}")])
                self.docs[key] = Counter({lexeme: count or 1 for lexeme, count in cursor.fetchall()})
        self.df = Counter(lexeme for terms in self.docs.values() for lexeme in terms)
        self.average = sum(sum(t.values()) for t in self.docs.values()) / max(1, len(self.docs))

    def terms(self, query: str) -> set[str]:
        from django.db import connection

        from statements.search.document import lemmatised

        with connection.cursor() as cursor:
            cursor.execute("SELECT array_cat(tsvector_to_array(to_tsvector('simple', %s)),"
                           " tsvector_to_array(to_tsvector('english', %s)))", [lemmatised(query), query])
            return set(cursor.fetchone()[0])

    def ranking(self, query: str) -> list[str]:
        terms, n = self.terms(query), len(self.docs)
        scores = {}
        for key, tf in self.docs.items():
            length = sum(tf.values())
            score = 0.0
            for term in terms & tf.keys():
                idf = math.log(1 + (n - self.df[term] + 0.5) / (self.df[term] + 0.5))
                score += idf * tf[term] * 2.2 / (tf[term] + 1.2 * (0.25 + 0.75 * length / self.average))
            if score:
                scores[key] = score
        return sorted(scores, key=lambda k: -scores[k])[:CUTOFF]


def measure(*, baseline: bool = True) -> dict:
    from bench.queries import QUERIES

    judgments = json.loads(JUDGMENTS.read_text(encoding="utf-8"))
    bm25 = BM25() if baseline else None
    cases = []
    for query, _ in QUERIES:  # in the order of bench.queries, which the halves are cut from
        grades = judgments[query]
        case = {"query": query, "judged": len(grades), "archive": round(ndcg(archive_ranking(query), grades), 4)}
        if bm25:
            case["bm25"] = round(ndcg(bm25.ranking(query), grades), 4)
        cases.append(case)
    result = {"queries": len(cases), "cases": cases}
    for system in ("archive", "bm25") if bm25 else ("archive",):
        result[system] = _mean(cases, system)
        # Ranking was tuned on the queries in even places of bench.queries; the others were held out.
        result[f"{system}_tuned_on"] = _mean(cases[0::2], system)
        result[f"{system}_held_out"] = _mean(cases[1::2], system)
    return result


def _mean(cases: list[dict], system: str) -> float:
    return round(sum(c[system] for c in cases) / max(1, len(cases)), 4)


# --- parent side ------------------------------------------------------------------------------------------------

# What the judgments were made on: the shared corpus's statements (716), as `make run` and the
# ministry's Telegram channel give them.
CORPUS_PARTS = ("seed", "midru", "kremlin", "telegram-en")
GOAL = 0.9


def run() -> dict:
    """Into an emptied archive_bench: the shared corpus, then the judged queries measured (a child)."""
    import subprocess
    import sys

    from bench.ingest import empty_database

    empty_database()
    subprocess.run([sys.executable, "manage.py", "ingest", "--no-progress", *(str(CORPUS / p) for p in CORPUS_PARTS)],
                   cwd=ROOT, env=child_env(), check=True, capture_output=True)
    return run_child("relevance", "measure")


def report(result: dict) -> list[str]:
    """The section of bench/RESULTS.md."""
    out = ["", "## Ranking quality (issue 14)", ""]
    out.append(f"nDCG@10 of the search (StatementFilter, relevance order, as the page and the API run it) on "
               f"{result['queries']} judged researcher queries over the shared corpus (bench/queries.py says "
               "how they were judged, bench/judgments.json holds the grades), beside a plain BM25 over the "
               "statements' lemmas and stems. Ranking was tuned on the queries in even places and the others "
               "were held out.")
    out += ["", "| | all | tuned on | held out |", "|---|---|---|---|"]
    for system, name in (("archive", "the archive"), ("bm25", "plain BM25")):
        out.append(f"| {name} | {result[system]:.3f} | {result[f'{system}_tuned_on']:.3f} | "
                   f"{result[f'{system}_held_out']:.3f} |")
    out += ["", "<details><summary>Per query</summary>", "", "| query | judged | archive | BM25 |", "|---|---|---|---|"]
    out += [f"| {c['query']} | {c['judged']} | {c['archive']:.3f} | {c['bm25']:.3f} |" for c in result["cases"]]
    out += ["", "</details>"]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.relevance")
    parser.add_argument("action", choices=["measure", "judge"])
    parser.add_argument("--no-baseline", action="store_true")
    parser.add_argument("--table", action="store_true", help="print a table to stderr as well")
    args = parser.parse_args()
    setup_django()
    if args.action == "judge":
        judgments = judge()
        JUDGMENTS.write_text(json.dumps(judgments, ensure_ascii=False, indent=1, sort_keys=True) + "\n",
                             encoding="utf-8")
        emit({q: len(g) for q, g in judgments.items()})
        return
    result = measure(baseline=not args.no_baseline)
    if args.table:
        for case in result["cases"]:
            print(f"{case['archive']:.3f} {case.get('bm25', 0):.3f} {case['judged']:4d}  {case['query']}",
                  file=sys.stderr)
        print(f"mean archive {result['archive']:.3f} (tuned on {result['archive_tuned_on']:.3f}, held out "
              f"{result['archive_held_out']:.3f})  bm25 {result.get('bm25', 0):.3f}", file=sys.stderr)
    emit(result)


if __name__ == "__main__":
    main()
