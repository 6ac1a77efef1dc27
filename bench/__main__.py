"""`make bench` (python -m bench [--quick]): ingest, extraction, search, pages and API figures.

Everything runs against its own database, archive_bench, on the archive's
server; the archive's data is never touched. Results go to bench/RESULTS.md
(bench/report.py writes it; bench/ANALYSIS.md, written by hand, is appended).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import subprocess
import sys
import time

from bench import corpus, ingest, mixed, relevance, report, search, throughput
from bench import http as load
from bench.common import BENCH_DB, RESULTS, ROOT, UNGD, WORK, child_env, database_url, psql, run_child

FULL = {"ungd_checkpoints": [500, 1000, 2000], "two_processes": 1000, "base": 2000, "sizes": [10_000, 100_000],
        "reps": 15, "http_seconds": 10, "mixed_seconds": 60}
QUICK = {"ungd_checkpoints": [100, 200], "two_processes": 200, "base": 300, "sizes": [2_000, 10_000],
         "reps": 5, "http_seconds": 3, "mixed_seconds": 10}


def say(message: str) -> None:
    print(f"[bench {dt.datetime.now():%H:%M:%S}] {message}", file=sys.stderr, flush=True)


def prepare_database() -> None:
    """Start the embedded server if it is the one in use, create archive_bench, migrate it."""
    import psycopg

    if not os.environ.get("DATABASE_URL"):
        from archive import embedded_db

        embedded_db.start()
    admin_url = database_url().rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin_url, autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [BENCH_DB]).fetchone():
            conn.execute(f'CREATE DATABASE "{BENCH_DB}"')
    for command in (["migrate", "--no-input", "-v0"], ["createcachetable"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=child_env(), check=True)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smaller corpora and shorter loads (a few minutes)")
    parser.add_argument("--no-http", action="store_true", help="skip the gunicorn load test")
    parser.add_argument("--render", action="store_true",
                        help="only write RESULTS.md again from the last run's figures (after editing ANALYSIS.md)")
    parser.add_argument("--mixed-only", type=int, metavar="N",
                        help="only the mixed load, at N statements (the bench database grown to N if smaller); "
                        "its section of RESULTS.md is written again")
    parser.add_argument("--throughput", action="store_true",
                        help="only ingest and re-extraction with --jobs 1 and 2 (issue 17), put into RESULTS.md "
                             "beside the figures already there (about five minutes)")
    args = parser.parse_args()
    if args.throughput:
        say("database: migrate")
        prepare_database()
        say("ingest and re-extraction of kremlin.ru and Telegram statements, --jobs 1 and 2")
        figures = throughput.measure()
        WORK.mkdir(parents=True, exist_ok=True)
        (WORK / "throughput.json").write_text(json.dumps(figures, default=str, indent=1), encoding="utf-8")
        RESULTS.write_text(report.splice_throughput(RESULTS.read_text(encoding="utf-8"), figures), encoding="utf-8")
        say(f"done: {RESULTS.relative_to(ROOT)}")
        return
    if args.mixed_only:
        mixed_only(args.mixed_only, QUICK if args.quick else FULL)
        return
    if args.render:
        results = json.loads((WORK / "results.json").read_text(encoding="utf-8"))
        results["started"] = dt.datetime.fromisoformat(results["started"])
        RESULTS.write_text(report.render(results), encoding="utf-8")
        return
    config = QUICK if args.quick else FULL
    started = time.perf_counter()
    results: dict = {"config": config, "quick": args.quick, "machine": report.machine(),
                     "started": dt.datetime.now().astimezone(), "page_cases": search.PAGE_CASES}

    say("database archive_bench: migrate")
    prepare_database()
    results["versions"] = report.versions()

    say("extraction speed (200 kremlin.ru statements)")
    results["extraction"] = ingest.extraction()

    say("ranking quality: the shared corpus and the judged queries")
    results["relevance"] = relevance.run()

    say("ingest and re-extraction of kremlin.ru and Telegram statements, --jobs 1 and 2")
    results["throughput"] = throughput.measure()

    say(f"ingest {max(config['ungd_checkpoints'])} UN speeches, one process")
    results["ingest_one"] = ingest.one_process(UNGD, config["ungd_checkpoints"])
    say(f"ingest {config['two_processes']} UN speeches, two processes")
    results["ingest_two"] = ingest.two_processes(UNGD, config["two_processes"])

    say(f"search corpus: generate {config['base']} statements and ingest them (two processes)")
    base = corpus.build_base(config["base"])
    results["base"] = base
    results["sizes"] = []
    for n in config["sizes"]:
        say(f"grow to {n:,} statements")
        grown = corpus.grow_to(n, base["base_max_id"])
        entry = {"n": n, "grow": grown, "disk": corpus.sizes()}
        say(f"search and pages at {n:,}")
        entry["measure"] = run_child("search", "measure", "--reps", str(config["reps"]))
        slowest = max((c for c in entry["measure"]["search"]["cases"] if "p50" in c and "q" in c["params"]),
                      key=lambda c: c["p50"], default=None)
        if slowest:
            from urllib.parse import urlencode

            entry["explain"] = run_child("search", "explain", urlencode(slowest["params"]))
        if not args.no_http:
            say(f"gunicorn under load at {n:,} ({config['http_seconds']} s per endpoint)")
            entry["http"] = load.measure(config["http_seconds"])
            say(f"mixed load of {mixed.CLIENTS} clients at {n:,} ({config['mixed_seconds']} s)")
            entry["mixed"] = mixed.run(config["mixed_seconds"])
        results["sizes"].append(entry)
    corpus.remove_work_files(base)

    results["machine"]["load_after"] = report.loadavg()
    results["seconds"] = time.perf_counter() - started
    WORK.mkdir(parents=True, exist_ok=True)
    (WORK / "results.json").write_text(json.dumps(results, default=str, indent=1), encoding="utf-8")
    RESULTS.write_text(report.render(results), encoding="utf-8")
    say(f"done in {results['seconds'] / 60:.1f} min: {RESULTS.relative_to(ROOT)}")


def mixed_only(n: int, config: dict) -> None:
    """The mixed load alone, for a change that touches the web side: its section of RESULTS.md is replaced."""
    say("database archive_bench: migrate")
    prepare_database()
    stored = psql("SELECT count(*) FROM statements_statement", fetch=True)[0][0]
    if stored < n:
        say(f"search corpus: generate {config['base']} statements and ingest them (two processes)")
        base = corpus.build_base(config["base"])
        say(f"grow to {n:,} statements")
        corpus.grow_to(n, base["base_max_id"])
        corpus.remove_work_files(base)
    say(f"mixed load of {mixed.CLIENTS} clients ({config['mixed_seconds']} s)")
    entry = {"n": max(n, stored), "mixed": mixed.run(config["mixed_seconds"])}
    WORK.mkdir(parents=True, exist_ok=True)
    (WORK / "mixed.json").write_text(json.dumps(entry, default=str, indent=1), encoding="utf-8")
    section = "\n".join(mixed.render([entry])) + "\n"
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else ""
    heading = "## Mixed load"
    if heading in text:
        start = text.index(heading)
        end = text.find("\n## ", start + 1)
        text = text[:start] + section + ("\n" + text[end + 1:] if end >= 0 else "")
    else:
        anchor = text.find("\n## The slowest search case")
        text = text + "\n" + section if anchor < 0 else text[:anchor + 1] + section + "\n" + text[anchor + 1:]
    RESULTS.write_text(text, encoding="utf-8")
    say(f"API list p95 {entry['mixed']['kinds']['api list']['p95']:,.0f} ms, "
        f"{entry['mixed']['server_errors']} 5xx: {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
