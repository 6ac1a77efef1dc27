"""Background jobs: queued by the admin, run by `manage.py worker` through the database queue, resumed after a crash."""

from __future__ import annotations

import json
import signal
from pathlib import Path

import psycopg
import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.db import connection
from django.tasks import task_backends
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from statements.choices import Origin
from statements.models import Agreement, Event, Job, Statement
from statements.services import tasks
from statements.services.ingest import ingest_paths
from tests.factories import make_editor

pytestmark = pytest.mark.django_db

DATA = Path(__file__).resolve().parent / "data"
# Real records of several sources (mid.ru's are left out: their document numbers
# would make variants of one record the same statement).
RECORDS = [json.loads(p.read_text()) for d in ("kremlin", "telegram", "ungd", "generic")
           for p in sorted((DATA / d).glob("*.in.json"))]


def write_records(path: Path, copies: int = 1) -> Path:
    """The records as a JSON Lines file; `copies` > 1 gives each copy its own address, so its own statement."""
    with path.open("w", encoding="utf-8") as out:
        for n in range(copies):
            for index, record in enumerate(RECORDS):
                # A record without an address gets one of its own (only http(s) addresses are stored).
                url = record.get("url") or f"https://archive.test/record/{index}"
                out.write(json.dumps({**record, "url": f"{url}?copy={n}"}, ensure_ascii=False) + "\n")
    return path


@pytest.fixture
def archive_of_records(tmp_path):
    summary = ingest_paths([write_records(tmp_path / "records.jsonl")])
    assert summary.failed == 0 and summary.created == len(RECORDS)
    return Statement.objects.order_by("pk")


@pytest.fixture
def editor(client):
    user = make_editor()
    client.force_login(user)
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"  # the messages checked below are the English ones
    return user


@pytest.fixture
def run_worker(monkeypatch):
    """`manage.py worker --batch` in this process: the real queue and worker, until the queue is empty.

    The package's loop closes "old" connections between tasks, which inside a
    test's transaction would close the test's own; a worker in a process of its
    own does that for real in the slow test below.
    """
    from django_tasks_db.management.commands import db_worker

    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}

    def run():
        call_command("worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)

    yield run
    for sig, handler in saved.items():
        signal.signal(sig, handler)


def editors_work(statements) -> dict[str, object]:
    """One of each kind of editor's work on machine items: verified, edited, rejected, and one added."""
    items = list(Agreement.objects.filter(statement__in=statements, origin=Origin.MACHINE).order_by("pk")[:3])
    items += list(Event.objects.filter(statement__in=statements, origin=Origin.MACHINE).order_by("pk")[:1])
    assert len(items) == 4, "the records give at least three agreements and an event"
    verified, edited, rejected, event = items
    verified.verified = True
    verified.save()
    edited.text, edited.origin = edited.text + " (уточнено)", Origin.EDITOR
    edited.save()
    rejected.rejected = True
    rejected.save()
    event.title, event.origin, event.verified = "Визит (проверено редактором)", Origin.EDITOR, True
    event.save()
    added = Agreement.objects.create(statement=verified.statement, text="Добавлено редактором.", start=0, end=5,
                                     origin=Origin.EDITOR, kind=verified.kind, parties=["RU"])
    return {"verified": verified, "edited": edited, "rejected": rejected, "event": event, "added": added}


def assert_editors_work_kept(work) -> None:
    for obj in work.values():
        kept = type(obj).objects.get(pk=obj.pk)
        for field in ("text", "origin", "verified", "rejected", "start", "end"):
            assert getattr(kept, field) == getattr(obj, field), (obj, field)
    assert Event.objects.get(pk=work["event"].pk).title == "Визит (проверено редактором)"
    # A rejected or edited item's sentence does not come back as a new machine item beside it.
    for key in ("rejected", "edited"):
        obj = work[key]
        assert Agreement.objects.filter(statement=obj.statement, start=obj.start, end=obj.end).count() == 1


def assert_no_duplicate_items() -> None:
    for model in (Agreement, Event):
        spans = list(model.objects.values_list("statement_id", "start", "end"))
        assert len(spans) == len(set(spans))


def test_the_admin_action_queues_the_filtered_set_and_returns_at_once(client, editor, archive_of_records,
                                                                      run_worker):
    statements = list(archive_of_records)
    work = editors_work(statements)
    machine_before = set(Agreement.objects.filter(origin=Origin.MACHINE, verified=False, rejected=False)
                         .values_list("pk", flat=True))
    response = client.post("/admin/statements/statement/", {
        "action": "reextract", "select_across": "1", "index": "0", "_selected_action": [statements[0].pk]})
    assert response.status_code == 302
    job = Job.objects.get()
    assert (job.kind, job.state, job.total, job.done) == (Job.Kind.REEXTRACT, Job.State.QUEUED, len(statements), 0)
    assert job.statement_ids == [s.pk for s in statements] and job.requested_by == editor
    # Nothing was re-extracted inside the request: the task waits in the database queue.
    task_row = DBTaskResult.objects.get(pk=job.task_id)
    assert (task_row.status, task_row.task_path) == ("READY", "statements.services.tasks.run_job")
    assert set(Agreement.objects.filter(origin=Origin.MACHINE, verified=False, rejected=False)
               .values_list("pk", flat=True)) == machine_before
    page = client.get(response.url, follow=True).content.decode()
    assert f"/admin/statements/job/{job.pk}/change/" in page and "follow its progress" in page

    run_worker()

    job.refresh_from_db()
    assert (job.state, job.done, job.failed, job.cursor) == (Job.State.DONE, len(statements), 0, statements[-1].pk)
    assert job.outcomes == {"reextracted": len(statements)}
    assert DBTaskResult.objects.get(pk=job.task_id).status == "SUCCESSFUL"
    # The machine's unverified items were replaced; every editor's item stayed as the editor left it.
    assert machine_before.isdisjoint(Agreement.objects.values_list("pk", flat=True))
    assert_editors_work_kept(work)
    assert_no_duplicate_items()
    page = client.get(f"/admin/statements/job/{job.pk}/change/").content.decode()
    assert f'<progress max="{len(statements)}" value="{len(statements)}">' in page
    assert 'http-equiv="refresh"' not in page  # a finished job's page stops reloading


def test_only_the_selected_statements_are_queued(client, editor, archive_of_records):
    chosen = [s.pk for s in archive_of_records[:3]]
    client.post("/admin/statements/statement/", {"action": "reextract", "index": "0", "_selected_action": chosen})
    job = Job.objects.get()
    assert job.statement_ids == sorted(chosen) and job.total == 3
    page = client.get(f"/admin/statements/job/{job.pk}/change/").content.decode()
    assert 'http-equiv="refresh"' in page and '<progress max="3" value="0">' in page


def test_a_statement_that_fails_fails_alone(archive_of_records, run_worker):
    statements = list(archive_of_records)
    broken = statements[1]
    # A record that no longer parses: re-extraction of this one statement raises.
    Statement.objects.filter(pk=broken.pk).update(record={"title": "", "date": "not a date"}, raw_text="")
    Statement.objects.filter(pk=statements[2].pk).delete()
    job = tasks.start_reextract(Statement.objects.filter(pk__in=[s.pk for s in statements]))
    run_worker()
    job.refresh_from_db()
    assert job.state == Job.State.DONE and job.done == len(statements) - 1
    assert job.failed == 1 and job.failures[0].startswith(f"statement {broken.pk}: ")
    assert job.outcomes == {"reextracted": len(statements) - 2}


def test_an_uploaded_file_is_ingested_by_the_worker(client, editor, tmp_path, run_worker, settings):
    settings.MEDIA_ROOT = tmp_path / "media"
    lines = write_records(tmp_path / "upload.jsonl").read_bytes().splitlines()
    body = b"\n".join([*lines[:3], b"{not json", *lines[3:]]) + b"\n"
    response = client.post("/admin/statements/job/ingest/",
                           {"file": SimpleUploadedFile("from-editor.jsonl", body, "application/jsonl")})
    assert response.status_code == 302
    job = Job.objects.get()
    assert job.kind == Job.Kind.INGEST and job.state == Job.State.QUEUED and Statement.objects.count() == 0
    assert Path(job.file.path).is_file() and Path(job.file.path).is_relative_to(settings.MEDIA_ROOT)

    run_worker()

    job.refresh_from_db()
    assert (job.state, job.total, job.done, job.failed) == (Job.State.DONE, len(RECORDS) + 1, len(RECORDS) + 1, 1)
    assert job.outcomes == {"created": len(RECORDS)} and Statement.objects.count() == len(RECORDS)
    # The failure names the file as the editor knows it, and the line.
    assert job.failures[0].startswith("from-editor.jsonl:4: "), job.failures


def test_an_upload_of_another_kind_of_file_is_refused(client, editor):
    response = client.post("/admin/statements/job/ingest/",
                           {"file": SimpleUploadedFile("archive.zip", b"PK\x03\x04", "application/zip")})
    assert response.status_code == 200
    assert "Only .txt, .jsonl and .csv files can be ingested." in response.content.decode()
    assert not Job.objects.exists()


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_an_export_is_written_by_the_worker_and_downloaded_from_the_admin(client, editor, archive_of_records,
                                                                         run_worker, settings, tmp_path, fmt):
    settings.MEDIA_ROOT = tmp_path / "media"
    english = archive_of_records.filter(language="en")
    assert 0 < english.count() < archive_of_records.count()
    response = client.post("/admin/statements/job/export/", {"format": fmt, "filter": "language=en"})
    assert response.status_code == 302
    job = Job.objects.get()
    assert client.get(f"/admin/statements/job/{job.pk}/download/").status_code == 404  # not written yet

    run_worker()

    job.refresh_from_db()
    assert (job.state, job.done, job.total) == (Job.State.DONE, english.count(), english.count())
    response = client.get(f"/admin/statements/job/{job.pk}/download/")
    assert response.status_code == 200
    assert f'filename="archive-export-{job.pk}.{fmt}"' in response["Content-Disposition"]
    text = b"".join(response.streaming_content).decode()
    if fmt == "jsonl":
        keys = {json.loads(line)["key"] for line in text.splitlines()}
        assert keys == set(english.values_list("key", flat=True))
    else:
        assert text.startswith("id,title,") and len(text.splitlines()) >= english.count() + 1
    assert "/download/" in client.get("/admin/statements/job/").content.decode()


@pytest.mark.parametrize("query, message", [("date_from=yesterday", "date_from"),
                                            ("lang=en", "Unknown filter(s): lang.")])
def test_an_export_with_a_bad_filter_is_refused_in_the_form(client, editor, query, message):
    response = client.post("/admin/statements/job/export/", {"format": "csv", "filter": query})
    assert response.status_code == 200 and message in response.content.decode()
    assert not Job.objects.exists()


def test_jobs_are_for_editors_only(client, archive_of_records):
    outsider = User.objects.create_user("outsider", password="pw-outsider-1", is_staff=True)
    client.force_login(outsider)
    assert client.get("/admin/statements/job/ingest/").status_code == 302  # to the login page


def hold_job_lock(job_id: int):
    """Another session holding the job's lock, as a live worker running it does."""
    own = psycopg.connect(**connection.get_connection_params(), autocommit=True)
    own.execute("SELECT pg_advisory_lock(%s, %s)", [tasks.JOB_LOCK_SPACE, job_id])
    return own


def test_a_job_whose_worker_died_is_queued_again_and_one_that_runs_is_left_alone(archive_of_records):
    job = tasks.start_reextract(archive_of_records)
    # A worker claimed the task, started the job, and died (its session, and so its lock, gone).
    task_row = DBTaskResult.objects.get(pk=job.task_id)
    task_row.claim("dead-worker")
    Job.objects.filter(pk=job.pk).update(state=Job.State.RUNNING, started_at=timezone.now(), done=2,
                                         cursor=job.statement_ids[1])
    live = hold_job_lock(job.pk)
    try:
        assert tasks.recover_stalled_jobs() == []  # its worker is alive: left alone
    finally:
        live.close()
    assert tasks.recover_stalled_jobs() == [job.pk]
    job.refresh_from_db()
    assert job.state == Job.State.QUEUED and job.task_id != str(task_row.pk) and job.params["attempts"] == 1
    assert job.done == 2  # the progress made stays
    task_row.refresh_from_db()
    assert task_row.status == "FAILED" and task_row.exception_class_path.endswith("WorkerLost")
    assert DBTaskResult.objects.get(pk=job.task_id).status == "READY"
    assert tasks.recover_stalled_jobs() == []  # queued and waiting: nothing to do


def test_a_job_that_kills_its_worker_again_and_again_fails_in_the_end(archive_of_records):
    job = tasks.start_reextract(archive_of_records)
    for _ in range(tasks.MAX_ATTEMPTS):
        DBTaskResult.objects.get(pk=Job.objects.get(pk=job.pk).task_id).claim("dying-worker")
        Job.objects.filter(pk=job.pk).update(state=Job.State.RUNNING)
        assert tasks.recover_stalled_jobs() == [job.pk]
    DBTaskResult.objects.get(pk=Job.objects.get(pk=job.pk).task_id).claim("dying-worker")
    Job.objects.filter(pk=job.pk).update(state=Job.State.RUNNING)
    assert tasks.recover_stalled_jobs() == []
    job.refresh_from_db()
    assert job.state == Job.State.FAILED and "stopped 5 times" in job.error


def test_a_job_running_in_another_worker_is_not_run_twice(archive_of_records):
    job = tasks.start_reextract(archive_of_records)
    live = hold_job_lock(job.pk)
    try:
        assert tasks.run_job.call(job.pk) == {"skipped": "running in another worker"}
    finally:
        live.close()
    job.refresh_from_db()
    assert (job.state, job.done) == (Job.State.QUEUED, 0)


def test_the_default_backend_is_the_database_queue():
    assert type(task_backends["default"]).__module__.startswith("django_tasks_db")
