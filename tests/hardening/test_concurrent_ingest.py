"""Two processes ingesting the same files at once store each statement once."""

import subprocess
from collections import Counter

import pytest

from statements.models import Statement
from tests.hardening.server import PYTHON, ROOT, environment
from tests.shared import CORPUS

pytestmark = [pytest.mark.shared, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

MIDRU = CORPUS / "midru" / "midru-statements.jsonl"
SAMPLE = ROOT / "sample"
TIMEOUT = 300


def ingest_at_once(*orders: list[str]) -> list[subprocess.CompletedProcess]:
    env = environment(DEBUG="1")
    processes = [
        subprocess.Popen([PYTHON, "manage.py", "ingest", "--no-progress", *paths], cwd=ROOT, env=env,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for paths in orders
    ]
    results = []
    try:
        for process in processes:
            out, err = process.communicate(timeout=TIMEOUT)
            results.append(subprocess.CompletedProcess(process.args, process.returncode, out, err))
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.wait()
    return results


def assert_stored_once(results: list[subprocess.CompletedProcess]) -> None:
    for result in results:
        assert result.returncode == 0, result.stderr
        assert "failed 0" in result.stdout, result.stdout
    assert Statement.objects.count() == 11
    keys = Counter(Statement.objects.values_list("key", flat=True))
    numbers = Counter(Statement.objects.exclude(doc_number=None).values_list("doc_number", flat=True))
    assert max(keys.values()) == 1 and max(numbers.values()) == 1
    # Between them the two runs created each statement once; the other run found it there.
    created = sum(int(r.stdout.split("created ")[1].split(",")[0]) for r in results)
    unchanged = sum(int(r.stdout.split("unchanged ")[1].split(",")[0]) for r in results)
    assert (created, unchanged) == (11, 11)


def test_the_same_files_ingested_by_two_processes_at_once():
    assert Statement.objects.count() == 0
    assert_stored_once(ingest_at_once([str(MIDRU), str(SAMPLE)], [str(MIDRU), str(SAMPLE)]))


def test_the_same_files_in_opposite_orders_at_once():
    assert_stored_once(ingest_at_once([str(MIDRU), str(SAMPLE)], [str(SAMPLE), str(MIDRU)]))
