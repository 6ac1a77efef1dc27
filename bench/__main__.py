"""`make bench`: ingest, extraction and search figures, written to bench/RESULTS.md.

Runs against its own database (archive_bench) on the same server, so the
archive's data is never touched. Each ingest figure is measured in a fresh
child process, so peak memory (ru_maxrss) belongs to that run alone.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
UNGD = CORPUS / "ungd" / "ungd-speeches.jsonl"
RESULTS = ROOT / "bench" / "RESULTS.md"
BENCH_DB = "archive_bench"

SEARCH_QUERIES = ["Курильский остров", "Лавров", "договорённость", '"два плюс два"', "Япония -Курилы",
                  "Japan OR Китай", "nuclear disarmament", "sanctions", "Путин Си Цзиньпин", "Security Council"]


def _env() -> dict:
    env = dict(os.environ, DEBUG="1", DJANGO_SETTINGS_MODULE="archive.settings")
    return env


def _django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "archive.settings")
    os.environ.setdefault("DEBUG", "1")
    import django

    django.setup()


def child_ingest(n: int, path: str) -> None:
    """Run in a child process: ingest the first n records of `path` into an empty bench database."""
    import resource

    _django()
    from django.db import connection

    from statements.models import Statement
    from statements.parse.files import iter_file
    from statements.pipeline import Summary, ingest_items

    Statement.objects.all().delete()
    summary = Summary()
    items = (item for i, item in zip(range(n), iter_file(Path(path)), strict=False))
    start = time.perf_counter()
    for _ in ingest_items(items, summary):
        pass
    seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    chars = sum(len(b) for b in Statement.objects.values_list("body", flat=True))
    connection.close()
    print(json.dumps({"n": n, "seconds": seconds, "rate": n / seconds, "peak_mb": peak_mb,
                      "failed": summary.failed, "chars": chars}))


def run_child(*args: str) -> dict:
    out = subprocess.run([sys.executable, "-m", "bench", *args], cwd=ROOT, env=_bench_env(), check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def _bench_env() -> dict:
    env = _env()
    if not env.get("DATABASE_URL"):
        from archive import embedded_db

        cluster = embedded_db.Cluster.from_env()
        env["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:{cluster.port}/{BENCH_DB}"
    return env


def prepare_database() -> None:
    env = _bench_env()
    if not os.environ.get("DATABASE_URL"):
        import psycopg

        from archive import embedded_db

        cluster = embedded_db.start()
        with psycopg.connect(host="127.0.0.1", port=cluster.port, user="postgres", dbname="postgres",
                             autocommit=True) as conn:
            if not conn.execute("SELECT 1 FROM pg_database WHERE datname=%s", [BENCH_DB]).fetchone():
                conn.execute(f'CREATE DATABASE "{BENCH_DB}"')
    subprocess.run([sys.executable, "manage.py", "migrate", "--no-input", "-v0"], cwd=ROOT, env=env, check=True)


def bench_extraction() -> dict:
    sys.path.insert(0, str(ROOT))
    from statements.extract import extract
    from statements.parse import parse_record

    records = [json.loads(line) for line in (CORPUS / "kremlin" / "kremlin-2025.jsonl").open(encoding="utf-8")]
    parsed = [parse_record(r) for r in records]
    for p in parsed[:5]:
        extract(p)  # warm the caches (pymorphy3, gazetteers)
    times = []
    for p in parsed:
        start = time.perf_counter()
        extract(p)
        times.append((time.perf_counter() - start, len(p.body)))
    total_chars = sum(c for _, c in times)
    total_seconds = sum(t for t, _ in times)
    long = [t for t, c in times if c >= 8000]
    return {"statements": len(times), "chars_per_second": total_chars / total_seconds,
            "ms_per_10k_chars": 10_000 / (total_chars / total_seconds) * 1000,
            "p95_ms": statistics.quantiles([t * 1000 for t, _ in times], n=20)[-1],
            "max_ms_long": max(long) * 1000 if long else None}


def child_search() -> None:
    _django()
    from statements.models import Statement

    results = {}
    for query in SEARCH_QUERIES:
        samples = []
        for _ in range(7):
            start = time.perf_counter()
            list(Statement.objects.search(query).order_by("-rank")[:20].values_list("pk", flat=True))
            samples.append((time.perf_counter() - start) * 1000)
        results[query] = statistics.median(samples)
    all_ms = sorted(results.values())
    print(json.dumps({"per_query_ms": results, "p50": statistics.median(all_ms), "max": all_ms[-1],
                      "statements": Statement.objects.count()}))


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "child-ingest":
        child_ingest(int(sys.argv[2]), sys.argv[3])
        return
    if len(sys.argv) > 1 and sys.argv[1] == "child-search":
        child_search()
        return
    prepare_database()
    lines = [f"# Benchmarks\n\nMeasured {dt.date.today()} on {platform.node() or 'this machine'}: "
             f"{os.cpu_count()} cores, Python {platform.python_version()}, {platform.platform()}.\n"]
    extraction = bench_extraction()
    lines.append("## Extraction (parse excluded), 200 kremlin.ru statements\n")
    lines.append(f"- {extraction['chars_per_second']:,.0f} characters per second "
                 f"({extraction['ms_per_10k_chars']:.1f} ms per 10,000 characters); "
                 f"p95 per statement {extraction['p95_ms']:.1f} ms; "
                 f"slowest statement of 8,000+ characters {extraction['max_ms_long'] or 0:.1f} ms\n")
    lines.append("## Ingest (parse, extract, store), UN General Debate speeches, one process\n")
    lines.append("| statements | seconds | statements/s | characters | peak memory (MB) | failed |")
    lines.append("|---|---|---|---|---|---|")
    for n in (500, 2000):
        r = run_child("child-ingest", str(n), str(UNGD))
        lines.append(f"| {r['n']} | {r['seconds']:.1f} | {r['rate']:.1f} | {r['chars']:,} | {r['peak_mb']:.0f} |"
                     f" {r['failed']} |")
    s = run_child("child-search")
    lines.append(f"\n## Search over {s['statements']} statements (median of 7 runs per query)\n")
    lines.append("| query | ms |\n|---|---|")
    for query, ms in s["per_query_ms"].items():
        lines.append(f"| `{query}` | {ms:.1f} |")
    lines.append(f"\nMedian {s['p50']:.1f} ms, slowest {s['max']:.1f} ms.\n")
    RESULTS.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(RESULTS.read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
