"""Background work on Django's Tasks framework: re-extraction, an editor's file to ingest, exports.

The web process records a Job and enqueues `run_job(job_id)`; `manage.py
worker` (on any number of machines) runs it. Each step of a job commits with
its progress: a re-extracted statement or an ingested record and the job's
`done`/`cursor` in one transaction. A job runs in one worker at a time (a
PostgreSQL session lock on its id, released when the worker's connection
ends, however it ends), and a job whose worker died is queued again by the
next worker that looks (`recover_stalled_jobs`); it goes on after its last
committed step, so nothing is lost and nothing is done twice.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import islice
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.tasks import task
from django.utils import timezone

from statements.models import Job, Statement

log = logging.getLogger(__name__)

# Export rows written between two progress updates.
EXPORT_PROGRESS_EVERY = 200
# The two-key form of PostgreSQL's advisory locks, so as never to meet the
# one-key locks that storing a statement takes (store.py).
JOB_LOCK_SPACE = 0x4A4F4221  # "JOB!"
# A task claimed by a worker that has not taken its job's lock after this long: the worker died.
CLAIM_GRACE = dt.timedelta(seconds=60)
# A job whose worker died this many times fails instead of being queued again
# (a statement that kills the process would otherwise loop for ever).
MAX_ATTEMPTS = 5


class WorkerLost(Exception):
    """Recorded on a task whose worker died while running it."""


# --- asking for work (the web process) ------------------------------------------------------------

def start_reextract(statements, *, requested_by=None) -> Job:
    """Queue the re-extraction of these statements; returns at once (one query for their ids)."""
    ids = sorted(statements.order_by().values_list("pk", flat=True).distinct())
    return _enqueue_new(Job(kind=Job.Kind.REEXTRACT, total=len(ids), statement_ids=ids, requested_by=requested_by))


def start_ingest(upload, *, requested_by=None) -> Job:
    """Queue the ingestion of an uploaded file, saved where the worker reads it (MEDIA_ROOT)."""
    job = Job(kind=Job.Kind.INGEST, requested_by=requested_by, params={"name": upload.name})
    job.file.save(f"upload{Path(upload.name).suffix.lower()}", upload, save=False)
    return _enqueue_new(job)


def start_export(*, format: str, filter: str = "", requested_by=None) -> Job:
    """Queue an export of the statements a filter query string selects (all when empty)."""
    return _enqueue_new(Job(kind=Job.Kind.EXPORT, params={"format": format, "filter": filter},
                            requested_by=requested_by))


def _enqueue_new(job: Job) -> Job:
    # The job and its task in one transaction: a worker never sees one without the other.
    with transaction.atomic():
        job.save()
        job.task_id = run_job.enqueue(job.pk).id
        Job.objects.filter(pk=job.pk).update(task_id=job.task_id)
    return job


# --- doing it (the worker) ------------------------------------------------------------------------

@contextmanager
def job_lock(job_id: int) -> Iterator[bool]:
    """Hold the job's session lock for the block; yields False when another worker holds it."""
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s, %s)", [JOB_LOCK_SPACE, job_id])
        acquired = cursor.fetchone()[0]
    try:
        yield acquired
    finally:
        if acquired:
            with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [JOB_LOCK_SPACE, job_id])


@task()
def run_job(job_id: int) -> dict:
    """Run (or go on with) one job; a job already finished or running elsewhere is left alone."""
    with job_lock(job_id) as acquired:
        if not acquired:
            return {"skipped": "running in another worker"}
        job = Job.objects.get(pk=job_id)
        if job.state in (Job.State.DONE, Job.State.FAILED):
            return {"skipped": f"already {job.state}"}
        job.state = Job.State.RUNNING
        job.started_at = job.started_at or timezone.now()
        Job.objects.filter(pk=job.pk).update(state=job.state, started_at=job.started_at)
        try:
            RUNNERS[job.kind](job)
        except BaseException as exc:  # noqa: BLE001 - a stopped job says why, then the task fails as usual
            if isinstance(exc, KeyboardInterrupt | SystemExit):
                raise  # the worker is being stopped: the job stays running, to be resumed
            reason = (str(exc).splitlines() or [""])[0]
            Job.objects.filter(pk=job.pk).update(state=Job.State.FAILED, finished_at=timezone.now(),
                                                 error=f"{type(exc).__name__}: {reason}"[:2000])
            raise
        Job.objects.filter(pk=job.pk).update(state=Job.State.DONE, finished_at=timezone.now())
        return {"done": job.done, "failed": job.failed, **job.outcomes}


def _step(job: Job, *, cursor: int | None = None, outcome: str | None = None, failure: str | None = None,
          done: int = 1) -> None:
    """Count one step of a job; called inside the step's own transaction (one writer per job: the lock)."""
    job.done += done
    if cursor is not None:
        job.cursor = cursor
    if outcome:
        job.outcomes[outcome] = job.outcomes.get(outcome, 0) + 1
    if failure:
        job.failed += 1
        if len(job.failures) < Job.MAX_FAILURE_LINES:
            job.failures.append(failure)
    Job.objects.filter(pk=job.pk).update(done=job.done, cursor=job.cursor, outcomes=job.outcomes,
                                         failed=job.failed, failures=job.failures)


def _reason(exc: BaseException) -> str:
    # One line per failure: database errors carry DETAIL/CONTEXT lines.
    return f"{type(exc).__name__}: {(str(exc).splitlines() or [''])[0]}"


def _reextract(job: Job) -> None:
    from statements.services.store import reextract_stored

    for pk in (pk for pk in job.statement_ids if pk > job.cursor):
        try:
            with transaction.atomic():
                # (False: deleted since the job was asked for.)
                _step(job, cursor=pk, outcome="reextracted" if reextract_stored(pk) else "deleted")
        except Exception as exc:  # noqa: BLE001 - one bad statement must not stop the rest
            with transaction.atomic():
                _step(job, cursor=pk, failure=f"statement {pk}: {_reason(exc)}")


def _ingest(job: Job) -> None:
    from statements.parse.files import iter_file
    from statements.services.ingest import Summary, ingest_items

    path = Path(job.file.path)
    if job.total is None:
        job.total = sum(1 for _ in iter_file(path))
        Job.objects.filter(pk=job.pk).update(total=job.total)
    summary = Summary()
    # A resumed job skips the records already counted: their store committed with the count.
    steps = ingest_items(islice(iter_file(path), job.done, None), summary)
    while True:
        with transaction.atomic():
            before = (summary.created, summary.updated, summary.unchanged, summary.failed)
            if next(steps, StopIteration) is StopIteration:
                break
            after = (summary.created, summary.updated, summary.unchanged, summary.failed)
            if after[3] > before[3]:
                _step(job, failure=summary.failures[-1].replace(str(path), job.params.get("name", path.name)))
            else:
                grew = [a > b for a, b in zip(after[:3], before[:3], strict=True)]
                outcome = ("created", "updated", "unchanged")[grew.index(True)]
                _step(job, outcome=outcome)


def _export(job: Job) -> None:
    """Write the export afresh (a resumed export starts over: it writes nothing in the database)."""
    from django.http import QueryDict

    from archive.routers import reading_from_replica
    from statements.search.filters import StatementFilter
    from statements.services import exchange

    fmt = job.params["format"]
    query = job.params.get("filter", "")
    with reading_from_replica():
        filterset = StatementFilter(QueryDict(query) if query else None, queryset=Statement.objects.all())
        if query and not filterset.is_valid():
            raise ValueError(f"bad filter: {filterset.errors.as_text()}")
        statements = filterset.qs
        job.total, job.done = statements.count(), 0
        Job.objects.filter(pk=job.pk).update(total=job.total, done=0)
        lines = exchange.iter_jsonl(statements) if fmt == "jsonl" else exchange.iter_csv(statements)
        name = default_storage.save(f"jobs/exports/archive-{job.pk}.{fmt}", ContentFile(b""))
        path = default_storage.path(name)
        rows = -1 if fmt == "csv" else 0  # the CSV header is not a statement
        with open(path, "w", encoding="utf-8", newline="") as out:
            for line in lines:
                out.write(line)
                rows += 1
                if rows > 0 and rows % EXPORT_PROGRESS_EVERY == 0:
                    Job.objects.filter(pk=job.pk).update(done=rows)
            out.flush()
            os.fsync(out.fileno())
    job.done = max(rows, 0)
    job.file.name = name
    Job.objects.filter(pk=job.pk).update(done=job.done, total=job.done, file=name)


RUNNERS = {Job.Kind.REEXTRACT: _reextract, Job.Kind.INGEST: _ingest, Job.Kind.EXPORT: _export}


# --- jobs whose worker died -------------------------------------------------------------------------

def recover_stalled_jobs() -> list[int]:
    """Queue again every unfinished job whose worker is gone; returns their ids.

    A job is stalled when no session holds its lock while it is running, or
    while a worker has claimed its task for longer than CLAIM_GRACE without
    starting it. Its old task is marked failed (WorkerLost) and a new one
    queued. Safe to run from several workers at once: each job row is taken
    with SKIP LOCKED, and a job queued twice still runs once (its lock, its state).
    """
    from django_tasks_db.models import DBTaskResult

    requeued = []
    for job_id in Job.objects.filter(state__in=[Job.State.QUEUED, Job.State.RUNNING]).values_list("pk", flat=True):
        with transaction.atomic():
            job = Job.objects.select_for_update(skip_locked=True).filter(
                pk=job_id, state__in=[Job.State.QUEUED, Job.State.RUNNING]).first()
            if job is None:
                continue
            task_row = DBTaskResult.objects.filter(pk=job.task_id).first() if job.task_id else None
            if job.state == Job.State.QUEUED and task_row is not None:
                if task_row.status == "READY":
                    continue  # waiting for a worker, as it should
                if task_row.status == "RUNNING" and task_row.started_at > timezone.now() - CLAIM_GRACE:
                    continue  # just claimed: its worker is about to take the lock
            with job_lock(job.pk) as free:
                if not free:
                    continue  # a live worker runs it
            attempts = job.params.get("attempts", 0) + 1
            if task_row is not None and task_row.status == "RUNNING":
                task_row.set_failed(WorkerLost(f"the worker running job {job.pk} stopped; queued again"))
            if attempts > MAX_ATTEMPTS:
                Job.objects.filter(pk=job.pk).update(
                    state=Job.State.FAILED, finished_at=timezone.now(),
                    error=f"its worker stopped {MAX_ATTEMPTS} times while running it")
                continue
            task_id = run_job.enqueue(job.pk).id
            Job.objects.filter(pk=job.pk).update(state=Job.State.QUEUED, task_id=task_id,
                                                 params={**job.params, "attempts": attempts})
            requeued.append(job.pk)
            log.warning("job %s: its worker stopped; queued again as task %s", job.pk, task_id)
    return requeued
