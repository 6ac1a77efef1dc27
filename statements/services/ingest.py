"""From a file on disk to stored statements: parse -> extract -> store.

One record at a time in this process (ingest_items), or spread over worker
processes (ingest_parallel, `manage.py ingest --jobs N`), each with its own
database connection. Either way each statement is stored in its own
transaction, a record already stored with the same text is skipped before
extraction, and a bad record, or one that takes longer than
settings.INGEST_RECORD_SECONDS, fails alone with its file:line.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from django.conf import settings
from django.db import connection, connections

from statements.extract import extract
from statements.parse import parse_record
from statements.parse.files import ParseFailure, RawItem, iter_file
from statements.parse.records import ParseError
from statements.services.store import UNCHANGED, content_checksum, store_statement, stored_checksum

SUFFIXES = (".txt", ".jsonl", ".csv")
FAILED = "failed"
# Records handed to a worker at a time: enough to keep it busy between hand-overs, few enough that the
# progress bar moves and the order of results costs little waiting.
CHUNK = 4


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files as given; folders walked for statement files, in a stable order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        else:
            yield path


def default_jobs() -> int:
    """The processes `ingest` and `reextract` use unless told: one per core this process may run on."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


@dataclass
class Summary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)

    def count(self, outcome: str) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)

    def add(self, outcome: str, failure: str | None) -> None:
        if failure is not None:
            self.failures.append(failure)
        else:
            self.count(outcome)

    def __str__(self) -> str:
        return (f"created {self.created}, updated {self.updated}, unchanged {self.unchanged}, "
                f"failed {self.failed}")


class RecordTimeout(Exception):
    """A record took longer than its time budget."""


@contextmanager
def time_budget(seconds: float | None):
    """RecordTimeout inside the block once `seconds` have passed (none or 0: no limit).

    SIGALRM interrupts pure Python and regular expressions alike, so a
    record that sends a pattern or a finder into a very long search fails
    alone. Signals reach the main thread only: elsewhere (a web request) the
    block runs without a limit.
    """
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        raise RecordTimeout(f"took longer than {seconds:g} s (INGEST_RECORD_SECONDS)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def record_budget() -> float:
    return settings.INGEST_RECORD_SECONDS


def failure_line(exc: Exception) -> str:
    if isinstance(exc, ParseError | RecordTimeout):
        return str(exc)
    # One line per failure: database errors carry DETAIL/CONTEXT lines.
    return f"{type(exc).__name__}: {(str(exc).splitlines() or [''])[0]}"


def drop_interrupted_connection() -> None:
    """After a timeout the connection may have been cut mid-query: the next record gets a fresh one.
    (Not inside a caller's transaction, which closing would end.)"""
    if not connection.in_atomic_block:
        connection.close()


def ingest_item(item: RawItem | ParseFailure, *, budget: float | None = None) -> tuple[str, str | None]:
    """Store one record: its outcome (created, updated, unchanged) or "failed" with the line that says why."""
    if isinstance(item, ParseFailure):
        return FAILED, str(item)
    try:
        with time_budget(budget):
            parsed = parse_record(item.record)
            stored = stored_checksum(parsed)
            if stored == content_checksum(parsed):
                return UNCHANGED, None
            result = store_statement(parsed=parsed, extraction=extract(parsed), record=item.record,
                                     seen_new=stored is None)
    except Exception as exc:  # noqa: BLE001 - one bad record must not stop a batch
        if isinstance(exc, RecordTimeout):
            drop_interrupted_connection()
        return FAILED, f"{item.path}:{item.line}: {failure_line(exc)}"
    return result.outcome, None


def warm() -> None:
    """Load the analyser and compile the finders' tables before the first record, so that the first record's
    time budget does not pay for them (each worker of --jobs does this once as it starts: archive/workers.py)."""
    from statements.search.document import search_document

    parsed = parse_record({"title": "Заявление", "date": "2020-01-01", "lang": "ru",
                           "text": "Россия и Китай подписали соглашение о сотрудничестве. Visit to Japan in May."})
    search_document(parsed, extract(parsed))


def ingest_items(items: Iterable[RawItem | ParseFailure], summary: Summary, *,
                 budget: float | None = None) -> Iterator[None]:
    """Store each item in this process; a bad one is recorded in the summary and the rest go on.

    Yields once per item so a caller can drive a progress bar. budget: seconds per record
    (default settings.INGEST_RECORD_SECONDS).
    """
    budget = record_budget() if budget is None else budget
    if budget:
        warm()
    for item in items:
        summary.add(*ingest_item(item, budget=budget))
        yield


@contextmanager
def worker_pool(jobs: int):
    """`jobs` spawned worker processes (archive/workers.py says why not forked), each with its own
    connection to the database this one uses. A caller may start them before handing them work (the
    bench does, to time the work apart from the second or so each takes to start)."""
    from archive import workers

    names = {alias: connections[alias].settings_dict["NAME"] for alias in connections}
    with multiprocessing.get_context("spawn").Pool(jobs, initializer=workers.start, initargs=(names,)) as pool:
        yield pool


def in_workers(work: Callable, tasks: Iterable, *, jobs: int, pool=None) -> Iterator:
    """work(task) for each task in `jobs` worker processes (worker_pool(), or the pool given), results in
    the tasks' order."""
    if pool is not None:
        yield from pool.imap(work, tasks, chunksize=CHUNK)
        return
    with worker_pool(jobs) as pool:
        yield from pool.imap(work, tasks, chunksize=CHUNK)


def can_fan_out(jobs: int) -> bool:
    """Workers see only committed data and commit on their own: inside a caller's transaction (a test's, an
    import's) the work stays in this process."""
    return jobs > 1 and not connection.in_atomic_block


def ingest_parallel(items: Iterable[RawItem | ParseFailure], summary: Summary, *, jobs: int,
                    budget: float | None = None, pool=None) -> Iterator[None]:
    """ingest_items() over `jobs` worker processes (of worker_pool(), or the pool given): the same outcomes,
    the failures in the records' order."""
    budget = record_budget() if budget is None else budget
    if not can_fan_out(jobs):
        yield from ingest_items(items, summary, budget=budget)
        return
    for outcome, failure in in_workers(partial(ingest_item, budget=budget), items, jobs=jobs, pool=pool):
        summary.add(outcome, failure)
        yield


def iter_paths(paths: Iterable[str | Path]) -> Iterator[RawItem | ParseFailure]:
    for path in expand_paths(paths):
        yield from iter_file(path)


def ingest_paths(paths: Iterable[str | Path], *, jobs: int = 1) -> Summary:
    summary = Summary()
    for _ in ingest_parallel(iter_paths(paths), summary, jobs=jobs):
        pass
    return summary


# --- re-extraction ----------------------------------------------------------------------------------------------

def reextract_pending(statements, *, force: bool = False) -> list[int]:
    """Ids of the statements (a queryset) that the current extraction has not made yet, in id order:
    a re-run after an interruption picks up where the last one stopped. force: all of them."""
    from statements.extract.version import extractor_version

    if not force:
        statements = statements.exclude(extracted_with=extractor_version())
    return list(statements.order_by("pk").values_list("pk", flat=True))


def reextract_one(pk: int, *, budget: float | None = None) -> tuple[int, str | None]:
    """Re-extract one statement in its own transaction: (pk, None), or (pk, why it failed)."""
    from statements.services.store import reextract_stored

    try:
        with time_budget(budget):
            reextract_stored(pk)  # False when deleted since the run began: nothing to do
    except Exception as exc:  # noqa: BLE001 - one bad statement must not stop the run
        if isinstance(exc, RecordTimeout):
            drop_interrupted_connection()
        return pk, f"statement {pk}: {failure_line(exc)}"
    return pk, None


def reextract_many(ids: Iterable[int], *, jobs: int, budget: float | None = None,
                   pool=None) -> Iterator[tuple[int, str | None]]:
    """reextract_one() for each id, over `jobs` worker processes (of worker_pool(), or the pool given) when
    the caller is not inside a transaction."""
    budget = record_budget() if budget is None else budget
    work = partial(reextract_one, budget=budget)
    if can_fan_out(jobs):
        yield from in_workers(work, ids, jobs=jobs, pool=pool)
        return
    if budget:
        warm()
    yield from map(work, ids)
