"""Ingest through the real pipeline (parse, extract, store): rate and peak memory.

Parent side: `one_process`, `two_processes` and `extraction` start children and
collect their JSON. Child side: `python -m bench.ingest run FILE --limit N
[--checkpoints 500,2000] [--shard I/M]` ingests the first N records of FILE
(the I-th of every M when sharded) with statements.services.ingest.ingest_items and
reports, at each checkpoint, the seconds so far and the process's peak RSS
(ru_maxrss, a high-water mark: equal figures at 500 and 2,000 mean memory does
not grow with N). `python -m bench.ingest extract` times extraction alone.
"""

from __future__ import annotations

import argparse
import time
from itertools import islice
from pathlib import Path

from bench.common import KREMLIN, emit, finish_child, peak_rss_mb, psql, run_child, setup_django, start_child

TABLES_FILLED_BY_INGEST = ["statements_statement", "statements_person", "statements_personname"]


def empty_database() -> None:
    """What ingest writes goes; countries and topics (migrations' data) stay."""
    psql(f"TRUNCATE {', '.join(TABLES_FILLED_BY_INGEST)} RESTART IDENTITY CASCADE")


# --- parent side ------------------------------------------------------------------------------------------------

def one_process(path: Path, checkpoints: list[int]) -> dict:
    empty_database()
    return run_child("ingest", "run", str(path), "--limit", str(max(checkpoints)),
                     "--checkpoints", ",".join(map(str, checkpoints)))


def two_processes(path: Path, n: int) -> dict:
    """The first n records split between two processes started together; the rate is n over the slower one."""
    empty_database()
    start = time.perf_counter()
    children = [start_child("ingest", "run", str(path), "--limit", str(n), "--shard", f"{i}/2") for i in range(2)]
    results = [finish_child(child) for child in children]
    wall = time.perf_counter() - start
    return {"n": sum(r["n"] for r in results), "seconds": wall, "rate": sum(r["n"] for r in results) / wall,
            "peak_mb": [r["peak_mb"] for r in results], "failed": sum(r["failed"] for r in results),
            "failures": [f for r in results for f in r["failures"]][:5],
            "child_seconds": [r["seconds"] for r in results]}


def extraction() -> dict:
    return run_child("ingest", "extract")


# --- child side -------------------------------------------------------------------------------------------------

def child_run(path: Path, limit: int, checkpoints: list[int], shard: tuple[int, int]) -> None:
    setup_django()
    from statements.parse.files import iter_file
    from statements.services.ingest import Summary, ingest_items

    index, of = shard
    items = (item for i, item in enumerate(islice(iter_file(path), limit)) if i % of == index)
    summary = Summary()
    marks = []
    wanted = sorted(checkpoints)
    start = time.perf_counter()
    done = 0
    for _ in ingest_items(items, summary):
        done += 1
        if wanted and done == wanted[0]:
            wanted.pop(0)
            seconds = time.perf_counter() - start
            marks.append({"n": done, "seconds": seconds, "rate": done / seconds, "peak_mb": peak_rss_mb()})
    seconds = time.perf_counter() - start
    from statements.models import Statement

    stored = Statement.objects.count()
    emit({"n": done, "seconds": seconds, "rate": done / seconds if seconds else 0, "peak_mb": peak_rss_mb(),
          "checkpoints": marks, "created": summary.created, "failed": summary.failed,
          "failures": summary.failures[:5], "stored": stored})


def child_extract() -> None:
    """Extraction alone (issue 4) over the 200 kremlin.ru statements, and parse+extract+search document."""
    import json
    import statistics

    setup_django()
    from statements.extract import extract
    from statements.parse import parse_record
    from statements.search.document import search_document

    with KREMLIN.open(encoding="utf-8") as handle:
        parsed = [parse_record(json.loads(line)) for line in handle if line.strip()]
    for statement in parsed[:5]:
        search_document(statement, extract(statement))  # warm: pymorphy3, gazetteers, compiled rules
    rows = []
    for statement in parsed:
        t0 = time.perf_counter()
        extraction = extract(statement)
        t1 = time.perf_counter()
        search_document(statement, extraction)
        t2 = time.perf_counter()
        rows.append((len(statement.body), (t1 - t0) * 1000, (t2 - t1) * 1000))
    chars = sum(c for c, _, _ in rows)
    extract_ms = sum(e for _, e, _ in rows)
    document_ms = sum(d for _, _, d in rows)
    around_10k = [e for c, e, _ in rows if 8_000 <= c <= 12_000]
    emit({
        "statements": len(rows), "chars": chars,
        "chars_per_second": chars / (extract_ms / 1000),
        "ms_per_10k_chars": extract_ms / chars * 10_000,
        "p95_ms": statistics.quantiles([e for _, e, _ in rows], n=20)[-1],
        "max_ms": max(e for _, e, _ in rows), "max_chars": max(c for c, _, _ in rows),
        "around_10k": {"n": len(around_10k), "median_ms": statistics.median(around_10k) if around_10k else None,
                       "max_ms": max(around_10k) if around_10k else None},
        "search_document_ms_per_10k_chars": document_ms / chars * 10_000,
    })


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.ingest")
    sub = parser.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run")
    run.add_argument("path", type=Path)
    run.add_argument("--limit", type=int, required=True)
    run.add_argument("--checkpoints", default="")
    run.add_argument("--shard", default="0/1")
    sub.add_parser("extract")
    args = parser.parse_args()
    if args.command == "extract":
        child_extract()
        return
    index, of = (int(x) for x in args.shard.split("/"))
    checkpoints = [int(x) for x in args.checkpoints.split(",") if x]
    child_run(args.path, args.limit, checkpoints, (index, of))


if __name__ == "__main__":
    main()
