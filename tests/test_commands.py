"""`extract`, `evaluate` and `reextract` as people call them."""

import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from statements.models import Agreement, Event, Statement
from tests.shared import SHARED

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "sample" / "lavrov-2018-07-31-russia-japan-2plus2.txt"


def test_extract_prints_the_contract_fields_of_the_seed(capsys):
    call_command("extract", str(SEED))
    data = json.loads(capsys.readouterr().out)
    assert {"published_on", "doc_number", "kind", "speakers", "place", "countries", "agreements", "events",
            "title", "lang", "topics"} <= set(data)
    assert (data["published_on"], data["doc_number"], data["place"]) == ("2018-07-31", "1430-31-07-2018", "Москва")
    mission = next(e for e in data["events"] if e["starts_on"] == "2018-08-16")
    assert (mission["ends_on"], mission["precision"]) == ("2018-08-20", "day")
    forum = next(e for e in data["events"] if "Владивосток" in e["text"])
    assert (forum["starts_on"], forum["ends_on"], forum["precision"]) == ("2018-09-01", "2018-09-10", "decade")
    for item in data["agreements"] + data["events"]:
        assert item["end"] > item["start"] >= 0


@pytest.mark.shared
def test_extract_line_and_all_of_a_jsonl(capsys):
    path = SHARED / "corpus" / "midru" / "midru-statements.jsonl"
    call_command("extract", str(path), "--line", "4")
    assert json.loads(capsys.readouterr().out)["published_on"] == "2022-02-22"
    call_command("extract", str(path), "--all")
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 10 and all(json.loads(line)["title"] for line in lines)


@pytest.mark.parametrize("args, message", [
    (["/nonexistent.jsonl"], "no such file"),
    pytest.param([str(SHARED / "corpus" / "midru" / "midru-statements.jsonl"), "--line", "99"], "no record at line 99",
                 marks=pytest.mark.shared),
])
def test_extract_errors_are_clear(args, message):
    with pytest.raises(CommandError, match=message):
        call_command("extract", *args)


@pytest.mark.shared
@pytest.mark.slow  # the whole dev set, parsed and extracted
def test_evaluate_scores_both_dev_files_and_a_held_out_part(capsys):
    call_command("evaluate", "--json")
    report = json.loads(capsys.readouterr().out)
    assert report["statements"] == 88
    assert report["parts"]["in_view"]["statements"] == 59
    assert report["parts"]["held_out"]["statements"] == 29
    for field in ("agreements", "events", "countries"):
        assert report[field]["f1"] >= 0.95
    assert min(report["meta_accuracy"].values()) >= 0.95
    # The held-out part's misses are not shown unless asked for.
    assert "misses" not in report["parts"]["held_out"]
    in_view_ids = {m["id"] for m in report["parts"]["in_view"]["misses"]}
    assert all(m["id"] in in_view_ids for m in report["misses"])


@pytest.mark.shared
@pytest.mark.slow  # the whole dev set, parsed and extracted
def test_evaluate_prints_each_part(capsys):
    call_command("evaluate", "--quiet")
    out = capsys.readouterr().out
    assert "all: 88 statement(s)" in out
    assert "in view (all but every third): 59 statement(s)" in out
    assert "held out (every third): 29 statement(s)" in out


def test_evaluate_refuses_a_hold_out_of_one():
    with pytest.raises(CommandError, match="--hold-out"):
        call_command("evaluate", "--hold-out", "1")


@pytest.mark.shared
def test_evaluate_prints_a_table_and_names_misses(tmp_path, capsys):
    gold = json.loads((SHARED / "gold" / "dev.jsonl").read_text(encoding="utf-8").splitlines()[0])
    gold["countries"] = [*gold["countries"], "FR"]  # a country the text never names
    gold["source"] = {"jsonl": str(SHARED / "corpus" / "kremlin" / "kremlin-2025.jsonl"), "line": 1}
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(gold, ensure_ascii=False) + "\n", encoding="utf-8")
    call_command("evaluate", str(path))
    out = capsys.readouterr().out
    assert "countries" in out and "meta field accuracy" in out
    assert "FR" in out.split("misses")[1]


@pytest.mark.django_db
def test_reextract_keeps_verified_items_and_rebuilds_the_rest(capsys):
    call_command("ingest", str(SEED), "--no-progress")
    statement = Statement.objects.get()
    verified = Agreement.objects.filter(statement=statement).first()
    verified.verified = True
    verified.save()
    machine_events = set(Event.objects.values_list("pk", flat=True))
    agreements = Agreement.objects.filter(statement=statement).count()
    call_command("reextract", "--no-progress", "--all")
    assert "re-extracted 1 statement(s)" in capsys.readouterr().out
    assert Agreement.objects.filter(pk=verified.pk, verified=True).exists()
    assert Agreement.objects.filter(statement=statement).count() == agreements  # nothing doubled
    assert set(Event.objects.values_list("pk", flat=True)).isdisjoint(machine_events)
    assert Event.objects.count() == len(machine_events)



@pytest.mark.django_db
def test_reextracting_one_statement_by_id_matches_the_ingested_one_and_skips_a_deleted_one():
    from statements.services.ingest import reextract_one

    call_command("ingest", str(SEED), "--no-progress")
    statement = Statement.objects.get()
    found = sorted(Agreement.objects.values_list("start", "end", "kind"))
    vector = statement.search_vector
    Agreement.objects.all().delete()
    assert reextract_one(statement.pk) == (statement.pk, None)
    assert sorted(Agreement.objects.values_list("start", "end", "kind")) == found
    assert Statement.objects.get().search_vector == vector
    assert reextract_one(statement.pk + 1000) == (statement.pk + 1000, None)  # deleted since the run began

@pytest.mark.shared
@pytest.mark.slow  # other processes
@pytest.mark.django_db(transaction=True)  # the workers commit on their own connections
def test_reextract_with_two_processes_resumes_and_keeps_editors_work(tmp_path, capsys):
    from statements.extract.version import extractor_version

    lines = (SHARED / "corpus" / "kremlin" / "kremlin-2025.jsonl").read_text(encoding="utf-8").splitlines()[:12]
    path = tmp_path / "kremlin.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    call_command("ingest", str(path), "--no-progress", "--jobs", "2")
    assert set(Statement.objects.values_list("extracted_with", flat=True)) == {extractor_version()}
    # Nothing to do: the current extraction made every statement.
    call_command("reextract", "--no-progress", "--jobs", "2")
    assert "re-extracted 0 statement(s), skipped 12 already done, failed 0" in capsys.readouterr().out
    # A run stopped after the first five: the other seven still carry an older extraction's mark.
    ids = list(Statement.objects.order_by("pk").values_list("pk", flat=True))
    Statement.objects.filter(pk__in=ids[5:]).update(extracted_with="older")
    verified = Agreement.objects.filter(statement_id__in=ids[5:]).first()
    verified.verified, verified.text = True, "Стороны договорились (исправлено редактором)."
    verified.save()
    machine = set(Agreement.objects.filter(statement_id__in=ids[5:], verified=False).values_list("pk", flat=True))
    untouched = set(Agreement.objects.filter(statement_id__in=ids[:5]).values_list("pk", flat=True))
    count = Agreement.objects.count()
    call_command("reextract", "--no-progress", "--jobs", "2")
    assert "re-extracted 7 statement(s), skipped 5 already done, failed 0" in capsys.readouterr().out
    assert set(Statement.objects.values_list("extracted_with", flat=True)) == {extractor_version()}
    assert Agreement.objects.filter(pk=verified.pk, verified=True, text__contains="редактором").exists()
    assert Agreement.objects.filter(pk__in=machine).count() == 0  # the seven were redone
    assert untouched <= set(Agreement.objects.values_list("pk", flat=True))  # the five were not
    assert Agreement.objects.count() == count  # nothing doubled, nothing lost
    # --all redoes every statement.
    call_command("reextract", "--no-progress", "--jobs", "2", "--all")
    assert "re-extracted 12 statement(s), skipped 0 already done, failed 0" in capsys.readouterr().out
    assert Agreement.objects.filter(pk=verified.pk, verified=True).exists()
    assert Agreement.objects.count() == count
