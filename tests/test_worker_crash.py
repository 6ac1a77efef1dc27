"""A worker killed in the middle of a re-extraction: the next one finishes it, nothing lost, nothing done twice."""

from __future__ import annotations

import subprocess
import time

import pytest
from django_tasks_db.models import DBTaskResult

from statements.models import Job, Statement
from statements.services import tasks
from statements.services.ingest import ingest_paths
from tests.hardening.server import PYTHON, ROOT, environment
from tests.test_tasks import RECORDS, assert_editors_work_kept, assert_no_duplicate_items, editors_work, write_records

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

COPIES = 12  # 12 copies of the 14 records: long enough a job to kill a worker in the middle of it
TIMEOUT = 300


def start_worker(*args: str) -> subprocess.Popen:
    return subprocess.Popen([PYTHON, "manage.py", "worker", "--no-startup-delay", "--interval", "0.2", *args],
                            cwd=ROOT, env=environment(DEBUG="1"), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True)


def wait_for(condition, what: str, timeout: float = TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.05)


def test_a_killed_worker_leaves_a_job_that_the_next_one_finishes(tmp_path):
    summary = ingest_paths([write_records(tmp_path / "records.jsonl", copies=COPIES)])
    assert summary.failed == 0 and Statement.objects.count() == COPIES * len(RECORDS)
    statements = list(Statement.objects.order_by("pk"))
    work = editors_work(statements)
    job = tasks.start_reextract(Statement.objects.all())
    first_task = job.task_id
    total = len(statements)

    worker = start_worker()
    try:
        wait_for(lambda: Job.objects.get(pk=job.pk).done >= 20, "the first worker's progress")
    finally:
        worker.kill()  # SIGKILL: no clean-up of any kind, as when a machine dies
        output = worker.communicate(timeout=30)[0]
    at_kill = Job.objects.get(pk=job.pk)
    assert at_kill.state == Job.State.RUNNING and 20 <= at_kill.done < total, output
    assert at_kill.cursor == at_kill.statement_ids[at_kill.done - 1]  # progress and cursor committed together
    assert DBTaskResult.objects.get(pk=first_task).status == "RUNNING"  # the dead worker's claim

    second = start_worker("--batch")
    try:
        output = second.communicate(timeout=TIMEOUT)[0]
    finally:
        if second.poll() is None:
            second.kill()
            second.wait()
    assert second.returncode == 0, output

    job.refresh_from_db()
    # Each statement counted once: a statement done twice would push `done` past the total.
    assert (job.state, job.done, job.failed, job.total) == (Job.State.DONE, total, 0, total), output
    assert job.outcomes == {"reextracted": total} and job.cursor == statements[-1].pk
    assert job.params["attempts"] == 1
    lost = DBTaskResult.objects.get(pk=first_task)
    assert lost.status == "FAILED" and lost.exception_class_path.endswith("WorkerLost")
    assert DBTaskResult.objects.get(pk=job.task_id).status == "SUCCESSFUL"
    assert_editors_work_kept(work)
    assert_no_duplicate_items()


def test_serve_runs_the_web_server_and_a_worker_and_ctrl_c_stops_both(tmp_path):
    """`make run`'s command: pages answer, a queued job gets done, and one Ctrl-C ends every process it started."""
    import signal
    import urllib.request

    import psutil

    from tests.hardening.server import free_port

    ingest_paths([write_records(tmp_path / "records.jsonl")])
    job = tasks.start_reextract(Statement.objects.all())
    port = free_port()
    serve = subprocess.Popen([PYTHON, "manage.py", "serve", f"127.0.0.1:{port}"], cwd=ROOT,
                             env=environment(DEBUG="1"), stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        def answers() -> bool:
            try:
                return urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5).status == 200
            except OSError:
                return False

        wait_for(answers, "the web server")
        wait_for(lambda: Job.objects.get(pk=job.pk).state == Job.State.DONE, "the worker to do the job")
        started = [p.pid for p in psutil.Process(serve.pid).children(recursive=True)]
        assert len(started) >= 2  # the worker and the web server (with its autoreloader's child)
        serve.send_signal(signal.SIGINT)
        serve.communicate(timeout=30)
    finally:
        if serve.poll() is None:
            serve.kill()
            serve.communicate()
    assert serve.returncode == 0
    assert not [pid for pid in started if psutil.pid_exists(pid) and psutil.Process(pid).status() != "zombie"]
    assert not answers()
