"""The scorer of shared/gold/GUIDELINES.md, "How the archive is scored"."""

import datetime as dt

import pytest

from statements.extract.records import Agreement, Event, Extraction, TopicMatch
from statements.extract.scoring import jaccard, prediction_record, score, sentences_overlap
from statements.parse.records import ParsedStatement

SENTENCE = "Президенты договорились оставаться в контакте по всем затронутым вопросам."


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (SENTENCE, SENTENCE, True),
        # Case, spacing and punctuation do not matter.
        ("Кроме того, подписан пакет документов .", "кроме того, подписан пакет документов.", True),
        # One inside the other.
        ("Президенты договорились оставаться в контакте", SENTENCE, True),
        # Word-set Jaccard: 3/7, 2/6 and 3/9 fall short; 3/5 and exactly 4/8 match.
        ("a b c d", "a b c e f g", False),
        ("a b c d", "a b e f", False),
        ("a b c d e f", "a b c g h i", False),
        ("a b c d", "a b c e", True),
        ("a b c d e f", "a b c d g h", True),
        ("Стороны продолжат взаимодействие.", "Лидеры обменялись поздравлениями.", False),
    ],
)
def test_sentences_overlap(a, b, expected):
    assert sentences_overlap(a, b) is expected


def test_jaccard():
    assert jaccard("a b c", "b c d") == pytest.approx(0.5)
    assert jaccard("", "") == 0.0


def _gold(**fields):
    record = {
        "id": "s1",
        "published_on": "2025-03-18",
        "doc_number": None,
        "kind": "phone_call",
        "speakers": ["Путин"],
        "place": None,
        "countries": ["RU", "US"],
        "agreements": [],
        "events": [],
    }
    record.update(fields)
    return record


def test_agreements_match_once_each():
    gold = [_gold(agreements=[{"text": SENTENCE, "kind": "agreed", "parties": ["RU", "US"]}])]
    predictions = {"s1": {"agreements": [{"text": SENTENCE}, {"text": SENTENCE}]}}
    report = score(predictions, gold)
    assert (report.agreements.tp, report.agreements.fp, report.agreements.fn) == (1, 1, 0)
    assert report.agreements.precision == pytest.approx(0.5)
    assert report.agreements.recall == pytest.approx(1.0)
    assert report.agreements.f1 == pytest.approx(2 / 3)


def test_events_need_equal_dates_and_undated_ones_are_left_out():
    event = {"text": "10 мая Президент России проведёт переговоры.", "starts_on": "2025-05-10", "ends_on": "2025-05-10"}
    gold = [_gold(events=[event])]
    wrong_day = dict(event, starts_on="2025-05-11", ends_on="2025-05-11")
    undated = dict(event, starts_on=None, ends_on=None)
    report = score({"s1": {"events": [wrong_day, undated]}}, gold)
    assert (report.events.tp, report.events.fp, report.events.fn) == (0, 1, 1)
    report = score({"s1": {"events": [event, undated]}}, gold)
    assert (report.events.tp, report.events.fp, report.events.fn) == (1, 0, 0)


def test_micro_averages_over_statements_and_missing_predictions_count_as_empty():
    gold = [
        _gold(id="a", agreements=[{"text": "one two three"}, {"text": "four five six"}]),
        _gold(id="b", agreements=[{"text": "seven eight nine"}]),
    ]
    predictions = {"a": {"agreements": [{"text": "one two three"}, {"text": "ten eleven"}]}}
    report = score(predictions, gold)
    assert (report.agreements.tp, report.agreements.fp, report.agreements.fn) == (1, 1, 2)
    misses = {(m.statement_id, m.field, m.error, m.text) for m in report.misses}
    assert ("a", "agreements", "fp", "ten eleven") in misses
    assert ("b", "agreements", "fn", "seven eight nine") in misses


def test_countries_as_sets_and_meta_accuracy():
    gold = [_gold(id="a"), _gold(id="b", place="Москва", speakers=["Лавров", "Ван"])]
    predictions = {
        "a": {
            "countries": ["RU", "US", "UA"],
            "published_on": "2025-03-18",
            "kind": "phone_call",
            "speakers": ["Путин"],
        },
        "b": {"countries": ["RU"], "published_on": "2025-03-19", "kind": "phone_call", "speakers": ["Ван", "Лавров"]},
    }
    report = score(predictions, gold)
    assert (report.countries.tp, report.countries.fp, report.countries.fn) == (3, 1, 1)
    accuracy = report.meta_accuracy
    assert accuracy["published_on"] == pytest.approx(0.5)
    assert accuracy["speakers"] == pytest.approx(1.0)
    assert accuracy["doc_number"] == pytest.approx(1.0)
    assert accuracy["place"] == pytest.approx(0.5)
    assert report.as_dict()["countries"]["f1"] == pytest.approx(0.75)


def test_empty_scores_are_zero_not_errors():
    report = score({}, [])
    assert report.agreements.f1 == 0.0
    assert report.meta_accuracy["kind"] == 0.0


def test_prediction_record_has_the_gold_shape():
    parsed = ParsedStatement(
        title="Телефонный разговор с Президентом США",
        body=SENTENCE,
        raw_text=SENTENCE,
        lang="ru",
        published_on=dt.date(2025, 3, 18),
        kind="phone_call",
        speakers=["Путин"],
    )
    extraction = Extraction(
        agreements=[Agreement(0, len(SENTENCE), SENTENCE, "agreed", ("RU", "US"))],
        events=[
            Event(
                0, 10, "10 мая ...", "переговоры", dt.date(2025, 5, 10), dt.date(2025, 5, 10), "day", "Москва", ("RU",)
            )
        ],
        countries={"US": 1, "RU": 2},
        topics=[TopicMatch("diplomacy", "переговоры")],
    )
    record = prediction_record(parsed, extraction)
    assert record["published_on"] == "2025-03-18"
    assert record["countries"] == ["RU", "US"]
    assert record["agreements"] == [
        {"text": SENTENCE, "kind": "agreed", "parties": ["RU", "US"], "start": 0, "end": len(SENTENCE)}
    ]
    assert record["events"][0] == {
        "text": "10 мая ...",
        "title": "переговоры",
        "starts_on": "2025-05-10",
        "ends_on": "2025-05-10",
        "precision": "day",
        "place": "Москва",
        "start": 0,
        "end": 10,
    }
    assert record["topics"] == ["diplomacy"]
    assert {"title", "lang", "doc_number", "kind", "speakers", "place"} <= record.keys()
    # A prediction scores perfectly against itself.
    report = score({"s": record}, [dict(record, id="s")])
    assert report.agreements.f1 == report.events.f1 == report.countries.f1 == 1.0
