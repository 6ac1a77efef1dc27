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
from collections.abc import Iterable, Iterator

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
    # A search's matches are found by the GIN index and then sorted by id; the
    # primary key's index would walk every statement and read its vector.
    return statements.sorted("id", narrow=statements.is_search()).prefetch_related(
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
    ids = statements.sorted("id", narrow=statements.is_search()).values_list("pk", flat=True)
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


def import_records(lines: Iterable[str], *, editor=None) -> tuple[int, int]:
    """Import exported lines; returns (imported, skipped as already present).

    With an `editor`, the editors' work on statements already present is
    applied to them as that editor's corrections (corrections.apply_exported_work):
    how one archive's reviews reach another. They still count as skipped.
    """
    imported = skipped = 0
    for line in lines:
        if not line.strip():
            continue
        record = json.loads(line)
        if record.get("format") != FORMAT_VERSION:
            raise ValueError(f"not an archive export of format {FORMAT_VERSION}")
        if import_record(record, editor=editor):
            imported += 1
        else:
            skipped += 1
    return imported, skipped


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
