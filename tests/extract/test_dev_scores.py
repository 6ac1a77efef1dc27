"""The bar on the development set: parse + extract every statement of
shared/gold/dev.jsonl and dev-2.jsonl and score it with the archive's own
scorer, the whole set and its held-out part; and the extraction entry point on
edge cases."""

import datetime as dt
import json
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from statements.extract import extract
from statements.extract.scoring import prediction_record, score, split_held_out
from statements.parse import parse_record
from statements.parse.records import ParsedStatement
from tests.shared import SHARED

DEV_FILES = (SHARED / "gold" / "dev.jsonl", SHARED / "gold" / "dev-2.jsonl")

# Both files together, as `manage.py evaluate` scores them by default.
TARGETS = {"agreements": 0.95, "events": 0.95, "countries": 0.95}
META_TARGET = 0.95
# The held-out part (every third statement, never read while writing rules)
# is the honest estimate on unseen statements; these floors catch a rule
# change that buys the dev set at the cost of everything else.
HELD_OUT_FLOORS = {"agreements": 0.82, "events": 0.90, "countries": 0.95}


def source_record(source: dict) -> dict:
    """The record a gold line points at: a page-text file or line N of a JSON Lines file."""
    if "file" in source:
        return {"text": (SHARED / source["file"]).read_text(encoding="utf-8"), "title": None}
    with (SHARED / source["jsonl"]).open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if number == source["line"]:
                return json.loads(line)
    raise LookupError(f"{source['jsonl']} has no line {source['line']}")


@cache
def dev_gold_and_predictions():
    lines = [line for path in DEV_FILES for line in path.read_text(encoding="utf-8").splitlines()]
    gold = [json.loads(line) for line in lines if line.strip()]
    predictions = {}
    for record in gold:
        parsed = parse_record(source_record(record["source"]))
        predictions[record["id"]] = prediction_record(parsed, extract(parsed))
    return gold, predictions


@cache
def dev_report():
    gold, predictions = dev_gold_and_predictions()
    return score(predictions, gold)


def _misses(field: str) -> str:
    return "\n".join(f"{m.statement_id} {m.error}: {m.text[:160]}" for m in dev_report().misses if m.field == field)


@pytest.mark.shared
@pytest.mark.slow  # the whole dev set, parsed and extracted
def test_both_dev_files_are_scored():
    gold, _ = dev_gold_and_predictions()
    assert len(gold) == 88
    assert len({record["id"] for record in gold}) == 88


@pytest.mark.shared
@pytest.mark.slow
@pytest.mark.parametrize(("field", "target"), TARGETS.items())
def test_dev_f1_meets_the_target(field, target):
    counts = getattr(dev_report(), field)
    assert counts.f1 >= target, f"{field} F1 {counts.f1:.3f} < {target}\n{_misses(field)}"


@pytest.mark.shared
@pytest.mark.slow
@pytest.mark.parametrize("field", ["kind", "speakers", "place", "published_on", "doc_number"])
def test_dev_meta_accuracy_meets_the_target(field):
    assert dev_report().meta_accuracy[field] >= META_TARGET


@pytest.mark.shared
@pytest.mark.slow
@pytest.mark.parametrize(("field", "floor"), HELD_OUT_FLOORS.items())
def test_held_out_part_holds(field, floor):
    gold, predictions = dev_gold_and_predictions()
    _, held = split_held_out(gold)
    assert len(held) == 29
    counts = getattr(score(predictions, held), field)
    # No misses in the message: the held-out part stays out of view.
    assert counts.f1 >= floor, f"held-out {field} F1 {counts.f1:.3f} < {floor}"


# --------------------------------------------------------------------------
# The entry point itself
# --------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ru", "en"])
def test_extract_takes_an_empty_statement(lang):
    parsed = ParsedStatement(title="", body="", raw_text="", lang=lang)
    extraction = extract(parsed)
    assert (extraction.agreements, extraction.events, extraction.countries, extraction.people) == ([], [], {}, [])


def test_extract_counts_countries_of_title_and_body_without_boilerplate():
    parsed = ParsedStatement(
        title="Телефонный разговор с Президентом Сербии - Министерство иностранных дел Российской Федерации",
        body="Подчёркнут обоюдный настрой на укрепление российско-сербского партнёрства.\n\n"
        "© Министерство иностранных дел Российской Федерации",
        raw_text="",
        lang="ru",
        published_on=dt.date(2025, 3, 7),
    )
    extraction = extract(parsed)
    assert extraction.countries == {"RS": 2, "RU": 1}
    [agreement] = extraction.agreements
    assert (agreement.kind, agreement.parties) == ("reaffirmed", ("RS", "RU"))


@settings(max_examples=60, deadline=None)
@given(body=st.text(max_size=400), lang=st.sampled_from(["ru", "en"]))
def test_extract_never_raises(body, lang):
    parsed = ParsedStatement(title="", body=body, raw_text=body, lang=lang, published_on=dt.date(2025, 1, 1))
    extraction = extract(parsed)
    for item in [*extraction.agreements, *extraction.events]:
        assert body[item.start : item.end] == item.text
