"""The meta fields of shared/gold/dev.jsonl and dev-2.jsonl, per field, against the parse of the corpus."""

import json

import pytest

from statements.parse import parse_record
from statements.parse.files import RawItem, iter_file
from tests.shared import SHARED

FIELDS = ("published_on", "doc_number", "kind", "speakers", "place")
REQUIRED_ACCURACY = 0.95


def load_record(source: dict) -> dict:
    if "file" in source:
        (item,) = list(iter_file(SHARED / source["file"]))
        assert isinstance(item, RawItem), item
        return item.record
    with (SHARED / source["jsonl"]).open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if number == source["line"]:
                return json.loads(line)
    raise LookupError(source)


def predicted(record: dict) -> dict:
    statement = parse_record(record)
    return {
        "published_on": statement.published_on.isoformat() if statement.published_on else None,
        "doc_number": statement.doc_number,
        "kind": statement.kind,
        "speakers": set(statement.speakers),
        "place": statement.place,
    }


@pytest.mark.shared
@pytest.mark.slow  # the whole dev set, parsed and extracted
def test_dev_meta_fields_are_right_for_95_percent():
    lines = [
        line
        for name in ("dev.jsonl", "dev-2.jsonl")
        for line in (SHARED / "gold" / name).read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    gold = [json.loads(line) for line in lines]
    assert len(gold) == 88
    right = dict.fromkeys(FIELDS, 0)
    misses = []
    for reference in gold:
        got = predicted(load_record(reference["source"]))
        expected = {**{field: reference[field] for field in FIELDS}, "speakers": set(reference["speakers"])}
        for field in FIELDS:
            if got[field] == expected[field]:
                right[field] += 1
            else:
                misses.append((reference["id"], field, got[field], expected[field]))
    accuracy = {field: right[field] / len(gold) for field in FIELDS}
    assert all(value >= REQUIRED_ACCURACY for value in accuracy.values()), (accuracy, misses)
