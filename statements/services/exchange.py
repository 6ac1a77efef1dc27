"""The archive as JSON Lines: export everything, editors' work included, and import it back.

One line per statement, with its text, metadata, links and every agreement
and event (machine-made or not, verified, rejected). Importing into an empty
database reproduces the same statements and extractions.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from statements.models import (
    Agreement,
    Event,
    Person,
    Statement,
    StatementCountry,
    StatementPerson,
    StatementTopic,
    Topic,
)
from statements.parse.files import binary_lines
from statements.parse.limits import url_problem
from statements.parse.records import ParseError
from statements.search.document import SearchDocument, search_document
from statements.services import corrections
from statements.services.store import parse_ingested, write_search_vector

FORMAT_VERSION = 1
STATEMENT_FIELDS = ["key", "title", "kind", "published_on", "published_at", "place", "language", "doc_number",
                    "source_url", "source", "body", "raw_text", "record", "checksum"]
ITEM_FIELDS = ["text", "start", "end", "origin", "verified", "rejected"]
CSV_COLUMNS = ["id", "title", "kind", "published_on", "place", "language", "doc_number", "source_url", "speakers",
               "countries", "topics", "agreements", "events", "body"]


def export_queryset(statements):
    # A narrow search's matches are found by the GIN index and then sorted by id: the primary key's
    # index would walk every statement and read its vector. A search matching much of the archive
    # ("cooperation": 70,000 of 100,000) walks that index instead: sorting all its matches to export
    # the first thousand took 2.7 s.
    return statements.sorted("id", narrow=statements.is_narrow_search()).prefetch_related(
        "agreements__countries", "events__countries", "country_links", "topic_links__topic",
        "person_links__person__names",
    )


def _iso(value):
    return value.isoformat() if isinstance(value, dt.date | dt.time) else value


def statement_record(statement: Statement) -> dict:
    record = {"format": FORMAT_VERSION}
    record.update({name: _iso(getattr(statement, name)) for name in STATEMENT_FIELDS})
    record["countries"] = {link.country_id: link.mentions for link in statement.country_links.all()}
    record["topics"] = [{"slug": link.topic.slug, "evidence": link.evidence} for link in statement.topic_links.all()]
    record["people"] = [
        {"key": link.person.key, "role": link.role, "mentions": link.mentions, "name_ru": link.person.name_ru,
         "name_en": link.person.name_en, "surname_ru": link.person.surname_ru, "surname_en": link.person.surname_en,
         "names": sorted(n.name for n in link.person.names.all())}
        for link in statement.person_links.all()
    ]
    record["agreements"] = [
        {**{f: getattr(a, f) for f in ITEM_FIELDS}, "kind": a.kind, "parties": a.parties,
         "countries": sorted(c.code for c in a.countries.all())}
        for a in statement.agreements.all()
    ]
    record["events"] = [
        {**{f: getattr(e, f) for f in ITEM_FIELDS}, "title": e.title, "starts_on": _iso(e.starts_on),
         "ends_on": _iso(e.ends_on), "precision": e.precision, "place": e.place,
         "countries": sorted(c.code for c in e.countries.all())}
        for e in statement.events.all()
    ]
    return record


def _first(statements, limit: int | None):
    rows = export_queryset(statements)
    return (rows if limit is None else rows[:limit]).iterator(chunk_size=200)


def exceeds(statements, limit: int) -> bool:
    """Whether the selection holds more than `limit` statements: one id read past the limit, not a count."""
    ids = statements.sorted("id", narrow=statements.is_narrow_search()).values_list("pk", flat=True)
    return bool(list(ids[limit:limit + 1]))


def iter_jsonl(statements, limit: int | None = None) -> Iterator[str]:
    """One line per statement, the first `limit` by id (all without one)."""
    for statement in _first(statements, limit):
        yield json.dumps(statement_record(statement), ensure_ascii=False) + "\n"


# Spreadsheet formulas (OWASP, "CSV Injection"): Excel and LibreOffice run a
# cell that begins with = + - @, a tab or a carriage return as a formula
# (`=HYPERLINK(...)`, `-2+3+cmd|'...'!A0`), so such a cell gets a leading
# apostrophe, which they show as text. Only the CSV is changed: it is for
# spreadsheets, and a cell so changed differs from the stored text by that
# apostrophe. JSON Lines, which `import` reads back, keeps every text as it is.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    return "'" + value if isinstance(value, str) and value.startswith(FORMULA_STARTS) else value


def iter_csv(statements, limit: int | None = None) -> Iterator[str]:
    """One row per statement, the first `limit` by id (all without one); extractions as JSON in their cells."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    yield buffer.getvalue()  # the header alone, so an empty export still has one
    buffer.seek(0)
    buffer.truncate()
    for statement in _first(statements, limit):
        r = statement_record(statement)
        writer.writerow(spreadsheet_safe(cell) for cell in [
            statement.pk, r["title"], r["kind"], r["published_on"], r["place"], r["language"], r["doc_number"] or "",
            r["source_url"], ";".join(p["key"] for p in r["people"] if p["role"] == "speaker"),
            ";".join(sorted(r["countries"])), ";".join(t["slug"] for t in r["topics"]),
            json.dumps(r["agreements"], ensure_ascii=False), json.dumps(r["events"], ensure_ascii=False), r["body"],
        ])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()


@dataclass
class ImportSummary:
    imported: int = 0
    skipped: int = 0  # already present
    failures: list[str] = field(default_factory=list)  # "file:line: reason"

    def __str__(self) -> str:
        return (f"imported {self.imported}, skipped {self.skipped} already present, "
                f"failed {len(self.failures)}")


def import_file(path: Path, *, editor=None) -> ImportSummary:
    """Import an exported archive line by line: a bad line fails alone, named by its file and line.

    With an `editor`, the editors' work on statements already present is
    applied to them as that editor's corrections (corrections.apply_exported_work):
    how one archive's reviews reach another. They still count as skipped.
    """
    summary = ImportSummary()
    with path.open("rb") as handle:
        for number, data, problem in binary_lines(handle):
            if data is not None and not data.strip():
                continue
            try:
                if data is None:
                    raise ImportProblem(problem)
                present = not import_record(exported_record(data), editor=editor)
            except Exception as exc:  # noqa: BLE001 - one bad line must not stop an import
                summary.failures.append(f"{path}:{number}: {import_reason(exc)}")
            else:
                if present:
                    summary.skipped += 1
                else:
                    summary.imported += 1
    return summary


class ImportProblem(ValueError):
    """A line that is not an exported statement; the message says why."""


def exported_record(data: bytes) -> dict:
    """One line of an export, checked for what the import relies on before anything is written."""
    record = json.loads(data.decode("utf-8").lstrip("\ufeff"))
    if not isinstance(record, dict):
        raise ImportProblem(f"a record must be a JSON object, not {type(record).__name__}")
    if record.get("format") != FORMAT_VERSION:
        raise ImportProblem(f"not an archive export of format {FORMAT_VERSION}")
    missing = [name for name in [*STATEMENT_FIELDS, "countries", "topics", "people", "agreements", "events"]
               if name not in record]
    if missing:
        raise ImportProblem(f"lacks {', '.join(missing)}")
    if not isinstance(record["record"], dict):
        raise ImportProblem("record is not an object")
    problem = url_problem(record["source_url"]) if isinstance(record["source_url"], str) else "url is not a string"
    if problem:
        raise ImportProblem(f"source_{problem}")
    return record


def import_reason(exc: Exception) -> str:
    """One line saying why a line was not imported."""
    if isinstance(exc, UnicodeDecodeError):
        return f"undecodable as UTF-8 at byte {exc.start} of the line"
    if isinstance(exc, json.JSONDecodeError):
        return f"broken JSON: {exc.msg} at column {exc.colno}"
    if isinstance(exc, ImportProblem | ParseError):
        return str(exc)
    # Database errors carry DETAIL and CONTEXT lines.
    return f"{type(exc).__name__}: {(str(exc).splitlines() or [''])[0]}"


def import_record(record: dict, *, editor=None) -> bool:
    """One exported statement with its items, kept as exported (editors' work included); False if present."""
    if editor is not None:
        present = Statement.objects.filter(key=record["key"]).first()
        if present is not None:
            with transaction.atomic():
                corrections.apply_exported_work(present, record, editor=editor)
            return False
    # The search document is parsed and lemmatised before the transaction opens, as in store.py.
    parsed, extraction = parse_ingested(record["record"], record["raw_text"])
    document = search_document(parsed, extraction)
    with transaction.atomic():
        return _write_imported(record, document)


def _write_imported(record: dict, document: SearchDocument) -> bool:
    if Statement.objects.filter(key=record["key"]).exists():
        return False
    statement = Statement.objects.create(**{name: record[name] for name in STATEMENT_FIELDS})
    StatementCountry.objects.bulk_create(
        StatementCountry(statement=statement, country_id=code, mentions=n) for code, n in record["countries"].items())
    topics = {t.slug: t for t in Topic.objects.filter(slug__in=[t["slug"] for t in record["topics"]])}
    StatementTopic.objects.bulk_create(
        StatementTopic(statement=statement, topic=topics[t["slug"]], evidence=t["evidence"])
        for t in record["topics"] if t["slug"] in topics)
    for p in record["people"]:
        person, _ = Person.objects.get_or_create(key=p["key"], defaults={
            k: p[k] for k in ("name_ru", "name_en", "surname_ru", "surname_en")})
        for name in p["names"]:
            person.names.get_or_create(name=name)
        StatementPerson.objects.create(statement=statement, person=person, role=p["role"], mentions=p["mentions"])
    # An agreement's countries follow its parties, as everywhere; the exported ones are not trusted apart.
    for a in record["agreements"]:
        corrections.restore_item(Agreement, statement=statement, fields={k: v for k, v in a.items()
                                                                          if k != "countries"})
    for e in record["events"]:
        corrections.restore_item(Event, statement=statement, fields=e)
    write_search_vector(statement, document)
    return True
