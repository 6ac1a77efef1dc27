"""Ingest and re-extraction of the corpus's kremlin.ru and Telegram statements, one process against two (issue 17).

Parent side: `measure()` empties the bench database and runs, each in a child
process, `ingest` with --jobs 1 and --jobs 2 (what `manage.py ingest --jobs N`
runs: statements.services.ingest.ingest_parallel), a second ingest of the same
files (every record found unchanged), and `reextract --all` with --jobs 1
and 2 (statements.services.ingest.reextract_many). Child side:
`python -m bench.throughput ingest|reextract --jobs N` reports the seconds
from the first record to the last (Django set up and the finders warmed
before, in this process and in each spawned worker: a fixed cost of a second
or two per run, not per statement, reported apart), and the
peak RSS (VmHWM) of each worker at half way and at the end: equal figures
mean a worker's memory does not grow with the number of statements.
"""

from __future__ import annotations

import argparse
import os
import time
from contextlib import contextmanager
from pathlib import Path

from bench.common import KREMLIN, TELEGRAM, emit, peak_rss_mb, psql, run_child, setup_django
from bench.ingest import empty_database

FILES = [KREMLIN, TELEGRAM]
# Tables a statement writes to, for the size per statement (SCALING.md).
TABLES = ["statements_statement", "statements_statementcountry", "statements_statementtopic",
          "statements_statementperson", "statements_agreement", "statements_agreement_countries",
          "statements_event", "statements_event_countries", "statements_person", "statements_personname"]


# --- parent side ------------------------------------------------------------------------------------------------

def measure() -> dict:
    runs = []
    for jobs in (1, 2):
        empty_database()
        runs.append({"work": "ingest", "jobs": jobs, **run_child("throughput", "ingest", "--jobs", str(jobs))})
    runs.append({"work": "ingest again (all unchanged)", "jobs": 2,
                 **run_child("throughput", "ingest", "--jobs", "2")})
    sizes = table_sizes()
    for jobs in (1, 2):
        runs.append({"work": "reextract --all", "jobs": jobs,
                     **run_child("throughput", "reextract", "--jobs", str(jobs))})
    return {"files": [str(Path(f).relative_to(Path(f).parents[2])) for f in FILES], "runs": runs, "sizes": sizes}


def table_sizes() -> dict:
    """Bytes on disk after ingesting the files: each table with its TOAST and its indexes, per statement."""
    psql("VACUUM (ANALYZE) " + ", ".join(TABLES))
    statements = psql("SELECT count(*) FROM statements_statement", fetch=True)[0][0]
    rows = psql(
        "SELECT c.relname, pg_table_size(c.oid), pg_indexes_size(c.oid) FROM pg_class c "
        "WHERE c.relname = ANY(%s)", [TABLES], fetch=True)
    gin = psql("SELECT pg_relation_size('statement_search_gin')", fetch=True)[0][0]
    psql("REINDEX INDEX statement_search_gin")  # as a bulk load would leave it: no pending list, no split pages
    gin_rebuilt = psql("SELECT pg_relation_size('statement_search_gin')", fetch=True)[0][0]
    toast = psql("SELECT pg_total_relation_size(reltoastrelid) FROM pg_class WHERE relname = 'statements_statement'",
                 fetch=True)[0][0]
    return {"statements": statements, "tables": {name: {"table": table, "indexes": indexes}
                                                 for name, table, indexes in rows},
            "search_gin": gin, "search_gin_rebuilt": gin_rebuilt, "statement_toast": toast}


# --- child side -------------------------------------------------------------------------------------------------

def worker_peaks_mb() -> list[float]:
    """VmHWM of this process's children (the pool's workers); this process's own when it has none (--jobs 1).
    The resource tracker that spawned pools start beside their workers is no worker."""
    pids = []
    for task in Path(f"/proc/{os.getpid()}/task").iterdir():
        children = (task / "children").read_text().split() if (task / "children").exists() else []
        pids.extend(children)
    peaks = []
    for pid in pids:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
            if b"resource_tracker" in Path(f"/proc/{pid}/cmdline").read_bytes():
                continue
        except OSError:
            continue
        peaks.extend(int(line.split()[1]) / 1024 for line in status.splitlines() if line.startswith("VmHWM:"))
    return peaks or [peak_rss_mb()]


def database_pids() -> set[int]:
    """The database server's processes that serve the bench database (one per connection)."""
    from bench.common import BENCH_DB

    pids = set()
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                if f" {BENCH_DB} " in (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace"):
                    pids.add(int(proc.name))
            except OSError:
                continue
    return pids


def cpu_seconds() -> dict[int, float]:
    """CPU time (user + system) so far of this process, its workers and the database's server processes that
    serve the bench database, by pid: on a machine shared with other work the wall-clock rate depends on the
    others' load, the CPU a statement costs does not."""
    pids = {os.getpid()} | database_pids()
    for task in Path(f"/proc/{os.getpid()}/task").iterdir():
        if (task / "children").exists():
            pids.update(int(pid) for pid in (task / "children").read_text().split())
    ticks = os.sysconf("SC_CLK_TCK")
    times = {}
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        times[pid] = (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
    return times


def drive(results, total: int) -> dict:
    """Consume one result per statement; peaks of the workers at half way and at the end, and the CPU spent."""
    half = end = {}
    done = failed = 0
    cpu_before = cpu_seconds()
    cpu = cpu_database = 0.0
    start = time.perf_counter()
    for failure in results:
        done += 1
        failed += bool(failure)
        if done == total // 2:
            half = {"n": done, "peaks_mb": worker_peaks_mb()}
        if done == total:  # before the pool's workers and their connections end
            end = {"n": done, "peaks_mb": worker_peaks_mb()}
            spent = {pid: t - cpu_before.get(pid, 0.0) for pid, t in cpu_seconds().items()}
            server = database_pids()
            cpu = sum(spent.values())
            cpu_database = sum(t for pid, t in spent.items() if pid in server)
    seconds = time.perf_counter() - start
    return {"n": done, "seconds": seconds, "rate": done / seconds, "failed": failed, "half": half, "end": end,
            "cpu_ms": cpu * 1000 / done if done else None,
            "database_cpu_ms": cpu_database * 1000 / done if done else None, "load": os.getloadavg()[0]}


def pid_after(pause: float) -> int:
    """A task for a worker of the pool: which process ran it (after its initializer: Django set up, finders warm)."""
    time.sleep(pause)
    return os.getpid()


@contextmanager
def started_workers(jobs: int):
    """The pool of --jobs N with every worker started (or None for one process), and the seconds that took:
    each spawned worker sets up Django and warms its finders once, a fixed cost per run that the rate
    leaves out as it leaves out this process's own start."""
    if jobs < 2:
        yield None, 0.0
        return
    from statements.services.ingest import worker_pool

    start = time.perf_counter()
    with worker_pool(jobs) as pool:
        ready: set[int] = set()
        while len(ready) < jobs:  # a worker runs tasks only once started: wait until each has run one
            ready.update(pool.map(pid_after, [0.05] * jobs, chunksize=1))
        yield pool, time.perf_counter() - start


def child_ingest(jobs: int) -> None:
    setup_django()
    from statements.services.ingest import Summary, ingest_parallel, iter_paths, warm

    items = list(iter_paths(FILES))
    warm()
    summary = Summary()
    with started_workers(jobs) as (pool, start_seconds):
        figures = drive((None for _ in ingest_parallel(iter(items), summary, jobs=jobs, pool=pool)), len(items))
    emit({**figures, "workers_start_seconds": start_seconds, "created": summary.created,
          "unchanged": summary.unchanged, "failed": summary.failed, "failures": summary.failures[:5]})


def child_reextract(jobs: int) -> None:
    setup_django()
    from statements.models import Statement
    from statements.services.ingest import reextract_many, reextract_pending, warm

    ids = reextract_pending(Statement.objects.all(), force=True)
    warm()
    with started_workers(jobs) as (pool, start_seconds):
        figures = drive((failure for _, failure in reextract_many(ids, jobs=jobs, pool=pool)), len(ids))
    emit({**figures, "workers_start_seconds": start_seconds})


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.throughput")
    parser.add_argument("work", choices=["ingest", "reextract"])
    parser.add_argument("--jobs", type=int, required=True)
    args = parser.parse_args()
    (child_ingest if args.work == "ingest" else child_reextract)(args.jobs)


if __name__ == "__main__":
    main()
