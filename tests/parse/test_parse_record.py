"""parse_record: source detection and the records that cannot be statements."""

import pytest

from statements.parse import detect_source, parse_record
from statements.parse.records import ParseError


@pytest.mark.parametrize(
    ("record", "source"),
    [
        ({"url": "https://www.mid.ru/ru/foreign_policy/news/1867466/", "text": "x"}, "midru"),
        ({"url": "https://mid.ru/en/foreign_policy/news/1610000/", "text": "x"}, "midru"),
        ({"url": "http://kremlin.ru/events/president/news/76870", "text": "x"}, "kremlin"),
        ({"url": "http://en.kremlin.ru/events/president/news/63591", "text": "x"}, "kremlin"),
        ({"url": "https://t.me/MFARussia/27748", "text": "x"}, "telegram"),
        (
            {"url": None, "source": "SarahFranzen/Emotions_in_the_United_Nations_General_Debates:x", "text": "x"},
            "ungd",
        ),
        (
            {"text": "20:31\n\nЗаявление\n\nТекст.", "title": None, "date": None, "url": None, "lang": None},
            "midru_page",
        ),
        ({"url": "https://www.fmprc.gov.cn/eng/", "title": "Remarks", "text": "x"}, "generic"),
        ({"title": "Remarks", "text": "x"}, "generic"),
    ],
)
def test_source_detection(record, source):
    assert detect_source(record) == source


@pytest.mark.parametrize(
    ("record", "reason"),
    [
        ({"title": "Заявление", "text": ""}, "no text"),
        ({"title": "Заявление"}, "no text"),
        ({"title": "Заявление", "text": "   \n "}, "no text"),
        ({"title": "Заявление", "text": ["Текст."]}, "text is not a string"),
        ({"title": "Заявление", "text": "Текст.", "date": "2023-02-31"}, "impossible date"),
        ({"title": "Заявление", "text": "Текст.", "date": "вчера"}, "unreadable date"),
        ({"title": 12, "text": "Текст."}, "title is not a string"),
        ({"text": "20:31\n\n\n"}, "no text"),
        ({"url": "https://www.mid.ru/ru/1/", "title": "", "text": "1430-31-07-2018"}, "no text"),
        ({"url": "https://www.mid.ru/ru/1/", "title": "", "text": "Текст заявления."}, "no title"),
    ],
)
def test_records_that_cannot_be_statements(record, reason):
    with pytest.raises(ParseError, match=reason):
        parse_record(record)


def test_body_and_raw_text():
    raw = "Заявление МИД России\n\nПервый   абзац,\nпродолжение.\n\n\n\nВторой\u00a0абзац.  \n"
    statement = parse_record({"title": "Заявление МИД России", "text": raw, "lang": "ru"})
    assert statement.raw_text == raw
    assert statement.body == "Заявление МИД России\n\nПервый абзац, продолжение.\n\nВторой абзац."


def test_a_generic_record_without_a_title_takes_its_first_line():
    statement = parse_record({"url": "https://example.org/1", "text": "Заявление МИД России\n\nТекст заявления."})
    assert statement.title == "Заявление МИД России"
    assert statement.kind == "statement"
    assert statement.lang == "ru"
