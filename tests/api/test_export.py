"""Bulk export: streamed, filtered like the list, and an export imported into an empty archive gives it back."""

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command

from statements.choices import Origin
from statements.models import Agreement, Event, Person, Statement
from statements.services.exchange import STATEMENT_FIELDS
from tests.shared import CORPUS

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "sample" / "lavrov-2018-07-31-russia-japan-2plus2.txt"
MIDRU = CORPUS / "midru"


def body(response) -> str:
    assert response.streaming
    return b"".join(response.streaming_content).decode()


def test_json_lines_of_the_filtered_list(archive, anonymous):
    response = anonymous.get("/api/export/statements.jsonl", {"country": "RU", "sort": "oldest"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/x-ndjson"
    assert response["Content-Disposition"] == 'attachment; filename="statements.jsonl"'
    records = [json.loads(line) for line in body(response).splitlines()]
    assert [r["title"] for r in records] == ["Переговоры с Японией", "Briefing on China"]
    talks = records[0]
    assert talks["countries"] == {"JP": 2, "RU": 1}
    assert [(e["starts_on"], e["countries"]) for e in talks["events"]] == [("2099-03-10", ["JP"]),
                                                                          ("2019-05-01", ["RU"])]
    assert talks["agreements"][0]["parties"] == ["JP", "RU"]


def test_csv_one_row_per_statement_with_its_extractions(archive, anonymous):
    response = anonymous.get("/api/export/statements.csv", {"has_agreements": "true"}, HTTP_ACCEPT="text/csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(body(response))))
    assert [r["title"] for r in rows] == ["Переговоры с Японией", "Briefing on China"]  # by id
    talks = rows[0]
    assert (talks["countries"], talks["topics"], talks["speakers"]) == ("JP;RU", "peace-treaty", "lavrov-sergey")
    assert [a["kind"] for a in json.loads(talks["agreements"])] == ["agreed"]
    assert len(json.loads(talks["events"])) == 2
    assert talks["body"] == archive["talks"].body


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
@pytest.mark.parametrize("params, field", [({"country": "ZZ"}, "country"), ({"date_from": "2019-99-01"}, "date_from"),
                                           ({"has_events": "maybe"}, "has_events")])
def test_a_bad_filter_is_400_json_whatever_the_format(archive, anonymous, fmt, params, field):
    response = anonymous.get(f"/api/export/statements.{fmt}", params, HTTP_ACCEPT="text/csv")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert list(response.json()) == [field]


def snapshot() -> dict:
    """Everything an export must carry, keyed by what survives an import (not database ids or timestamps)."""
    def item(obj, *fields):
        return (obj.start, obj.end, obj.text, obj.origin, obj.verified, obj.rejected,
                *(getattr(obj, f) for f in fields), tuple(sorted(c.code for c in obj.countries.all())))

    statements = {}
    for s in Statement.objects.prefetch_related("agreements__countries", "events__countries"):
        statements[s.key] = {
            "fields": {name: getattr(s, name) for name in STATEMENT_FIELDS},
            "countries": sorted(s.country_links.values_list("country_id", "mentions")),
            "topics": sorted(s.topic_links.values_list("topic__slug", "evidence")),
            "people": sorted(s.person_links.values_list("person__key", "role", "mentions")),
            "agreements": sorted(item(a, "kind", "parties") for a in s.agreements.all()),
            "events": sorted(item(e, "title", "starts_on", "ends_on", "precision", "place") for e in s.events.all()),
        }
    people = sorted((p.key, p.name_ru, p.name_en, p.surname_ru, p.surname_en,
                     tuple(sorted(p.names.values_list("name", flat=True)))) for p in Person.objects.all())
    return {"statements": statements, "people": people}


def editors_work(seed: Statement) -> None:
    """A bit of everything editors do: verify, reject, correct, add."""
    agreements = list(seed.agreements.order_by("start"))
    events = list(seed.events.order_by("start"))
    Agreement.objects.filter(pk=agreements[0].pk).update(verified=True)
    Agreement.objects.filter(pk=agreements[1].pk).update(rejected=True)
    Event.objects.filter(pk=events[0].pk).update(starts_on=dt.date(2019, 1, 1), ends_on=dt.date(2019, 6, 30),
                                                 precision="half", origin=Origin.EDITOR, verified=True)
    added = Event.objects.create(statement=seed, text=agreements[2].text, start=agreements[2].start,
                                 end=agreements[2].end, title="Added by an editor", starts_on=dt.date(2018, 9, 1),
                                 ends_on=dt.date(2018, 9, 30), precision="month", origin=Origin.EDITOR)
    added.countries.set(["JP"])


@pytest.mark.shared
@pytest.mark.slow
def test_an_exported_archive_imported_into_an_empty_one_is_the_same(db, anonymous, tmp_path):
    call_command("ingest", str(SEED), str(MIDRU), "--no-progress")
    seed = Statement.objects.get(doc_number="1430-31-07-2018")
    editors_work(seed)
    before = snapshot()
    assert len(before["statements"]) >= 10
    found = set(Statement.objects.search("Лавров").values_list("key", flat=True))

    export = tmp_path / "archive.jsonl"
    call_command("export", "--output", str(export))
    # The API streams the same lines as the command.
    assert body(anonymous.get("/api/export/statements.jsonl")) == export.read_text(encoding="utf-8")

    Statement.objects.all().delete()
    Person.objects.all().delete()
    assert snapshot() == {"statements": {}, "people": []}

    call_command("import", str(export))
    after = snapshot()
    assert after == before
    assert set(Statement.objects.search("Лавров").values_list("key", flat=True)) == found != set()
    # Re-extraction after the import still keeps every editor's work.
    call_command("reextract", "--no-progress")
    kept = Statement.objects.get(doc_number="1430-31-07-2018")
    assert snapshot()["statements"][kept.key]["events"] == before["statements"][kept.key]["events"]
    assert Event.objects.get(title="Added by an editor").origin == Origin.EDITOR


def test_importing_twice_changes_nothing(archive, tmp_path, capsys):
    export = tmp_path / "archive.jsonl"
    call_command("export", "--output", str(export), "--filter", "language=ru")
    before = snapshot()
    call_command("import", str(export))
    assert "imported 0, skipped 2 already present, failed 0" in capsys.readouterr().out
    assert snapshot() == before
