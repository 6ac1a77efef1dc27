"""`manage.py ingest`: idempotent, a bad record fails alone."""

import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from statements.models import Agreement, Event, Statement, StatementRevision
from tests.shared import CORPUS

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "sample" / "lavrov-2018-07-31-russia-japan-2plus2.txt"


def snapshot():
    return {
        "statements": list(Statement.objects.order_by("pk").values_list("pk", "checksum", "updated_at")),
        "agreements": list(Agreement.objects.order_by("pk").values_list("pk", "text")),
        "events": list(Event.objects.order_by("pk").values_list("pk", "starts_on", "ends_on")),
    }


def test_seed_is_ingested_with_title_date_and_clean_body(capsys):
    call_command("ingest", str(SEED))
    statement = Statement.objects.get()
    assert statement.title.startswith("Выступление Министра иностранных дел России С.В.Лаврова")
    assert str(statement.published_on) == "2018-07-31"
    assert statement.doc_number == "1430-31-07-2018"
    assert statement.body.startswith("Уважаемые дамы и господа")
    assert statement.body.rstrip().endswith("по различным каналам.")
    assert "补充资料" not in statement.body and "相册" not in statement.body
    assert "补充资料" in statement.raw_text  # the raw text is kept verbatim
    assert "created 1" in capsys.readouterr().out


def test_ingesting_the_same_file_twice_changes_nothing(capsys):
    call_command("ingest", str(SEED))
    before = snapshot()
    call_command("ingest", str(SEED))
    assert snapshot() == before
    assert "unchanged 1" in capsys.readouterr().out


def test_a_changed_text_updates_the_statement_and_keeps_a_revision(tmp_path):
    first = tmp_path / "a.jsonl"
    record = {"title": "Комментарий официального представителя", "date": "2024-03-01",
              "url": "https://mid.example/1", "lang": "ru", "text": "Первый вариант текста комментария."}
    first.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    call_command("ingest", str(first))
    record["text"] = "Исправленный вариант текста комментария."
    first.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    call_command("ingest", str(first))
    statement = Statement.objects.get()
    assert statement.body == "Исправленный вариант текста комментария."
    revision = StatementRevision.objects.get(statement=statement)
    assert revision.body == "Первый вариант текста комментария."


def test_a_folder_with_broken_files_stores_the_good_and_reports_the_bad(tmp_path, capsys):
    good = {"title": "Заявление МИД России", "date": "2024-02-02", "url": "https://mid.example/2", "lang": "ru",
            "text": "Россия и Китай договорились продолжить консультации."}
    (tmp_path / "good.jsonl").write_text(
        json.dumps(good, ensure_ascii=False) + "\n{broken json\n"
        + json.dumps({**good, "url": "https://mid.example/3", "date": "2024-02-31"}) + "\n",
        encoding="utf-8",
    )
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.jsonl").write_bytes(b"\x00\x01\x02\xff" * 100)
    with pytest.raises(CommandError, match="failed"):
        call_command("ingest", str(tmp_path))
    assert list(Statement.objects.values_list("source_url", flat=True)) == ["https://mid.example/2"]
    err = capsys.readouterr().err
    assert f"{tmp_path / 'good.jsonl'}:2:" in err
    assert f"{tmp_path / 'good.jsonl'}:3:" in err
    assert f"{tmp_path / 'empty.txt'}" in err
    assert f"{tmp_path / 'binary.jsonl'}" in err


def test_a_missing_path_is_a_clear_error():
    with pytest.raises(CommandError, match="no such file or folder"):
        call_command("ingest", "/nonexistent/statements.jsonl")


@pytest.mark.shared
@pytest.mark.slow  # a corpus folder, ingested twice
def test_the_midru_sample_ingests_once_and_then_changes_nothing(capsys):
    # Three of its English records share one URL (a scraping error kept in the
    # corpus): they are three statements, not one edited three times.
    midru = CORPUS / "midru"
    call_command("ingest", str(midru))
    assert "created 10, updated 0, unchanged 0, failed 0" in capsys.readouterr().out
    call_command("ingest", str(midru))
    assert "created 0, updated 0, unchanged 10, failed 0" in capsys.readouterr().out
    assert StatementRevision.objects.count() == 0
