"""Reading files: encodings, formats, and failures that name the file and line."""

import codecs
import json
from pathlib import Path

import pytest

from statements.parse import files
from statements.parse.files import ParseFailure, RawItem, iter_file

PAGE = (
    "20:31\n\n"
    "Выступление Министра иностранных дел России С.В.Лаврова, Москва, 31 июля 2018 года\n\n"
    "1430-31-07-2018\n\n"
    "Уважаемые дамы и господа,\n\n"
    "Мы сегодня провели третий раунд консультаций.\n"
)


def only_item(path: Path) -> RawItem | ParseFailure:
    (item,) = list(iter_file(path))
    return item


@pytest.mark.parametrize(
    ("name", "encode"),
    [
        ("utf8.txt", lambda text: text.encode("utf-8")),
        ("utf8-bom.txt", lambda text: codecs.BOM_UTF8 + text.encode("utf-8")),
        ("utf16.txt", lambda text: text.encode("utf-16")),
        ("utf16-be.txt", lambda text: codecs.BOM_UTF16_BE + text.encode("utf-16-be")),
        ("cp1251.txt", lambda text: text.encode("cp1251")),
    ],
)
def test_page_encodings(tmp_path, name, encode):
    path = tmp_path / name
    path.write_bytes(encode(PAGE))
    item = only_item(path)
    assert isinstance(item, RawItem)
    assert item.line == 1
    assert item.record == {"text": PAGE, "title": None, "date": None, "url": None, "lang": None}


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary file"),
        (b"", "empty file"),
        (b"  \n\n \n", "empty file"),
        (bytes(range(128, 256)) * 4, "undecodable"),
    ],
)
def test_unreadable_pages_fail_naming_the_file(tmp_path, content, reason):
    path = tmp_path / "page.txt"
    path.write_bytes(content)
    item = only_item(path)
    assert isinstance(item, ParseFailure)
    assert reason in item.reason
    assert str(item).startswith(f"{path}:1: ")


def test_an_oversized_page_fails(tmp_path, monkeypatch):
    monkeypatch.setattr(files, "MAX_ITEM_BYTES", 100)
    path = tmp_path / "big.txt"
    path.write_text("Текст. " * 100, encoding="utf-8")
    item = only_item(path)
    assert isinstance(item, ParseFailure) and "too large" in item.reason


def records(*items: dict) -> list[str]:
    return [json.dumps(item, ensure_ascii=False) for item in items]


def test_a_broken_json_line_fails_alone(tmp_path):
    lines = (
        records({"title": "Первое", "text": "Один."})
        + ['{"title": "broken', ""]
        + records({"title": "Третье", "text": "Три."})
    )
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(iter_file(path))
    assert [(type(item).__name__, item.line) for item in items] == [
        ("RawItem", 1),
        ("ParseFailure", 2),
        ("RawItem", 4),
    ]
    assert "broken JSON" in items[1].reason
    assert items[2].record["title"] == "Третье"


def test_a_json_line_that_is_no_object_fails(tmp_path):
    path = tmp_path / "records.jsonl"
    path.write_text('["a list"]\n', encoding="utf-8")
    item = only_item(path)
    assert isinstance(item, ParseFailure) and "JSON object" in item.reason


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1251"])
def test_json_lines_encodings(tmp_path, encoding):
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(records({"title": "Заявление", "text": "Текст заявления."})) + "\n", encoding=encoding)
    item = only_item(path)
    assert isinstance(item, RawItem) and item.record["title"] == "Заявление"


def test_an_oversized_json_line_fails_alone(tmp_path, monkeypatch):
    monkeypatch.setattr(files, "MAX_ITEM_BYTES", 200)
    lines = records({"title": "Длинное", "text": "слово " * 100}, {"title": "Короткое", "text": "Да."})
    path = tmp_path / "records.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(iter_file(path))
    assert isinstance(items[0], ParseFailure) and "too long" in items[0].reason
    assert isinstance(items[1], RawItem) and items[1].line == 2


def test_csv_records_start_lines_and_meta(tmp_path):
    path = tmp_path / "records.csv"
    path.write_text(
        "title,date,url,lang,text,meta\n"
        '"First",2023-01-02,https://example.org/1,en,"Line one.\nLine two.",\n'
        '"Second",,,ru,"Текст.","{""place"": ""Москва""}"\n'
        '"Third",,,ru,"Текст.","{broken"\n',
        encoding="utf-8",
    )
    items = list(iter_file(path))
    assert [(type(item).__name__, item.line) for item in items] == [
        ("RawItem", 2),
        ("RawItem", 4),
        ("ParseFailure", 5),
    ]
    assert items[0].record["text"] == "Line one.\nLine two."
    assert items[1].record["meta"] == {"place": "Москва"}
    assert items[1].record["date"] is None


def test_csv_needs_its_header(tmp_path):
    path = tmp_path / "records.csv"
    path.write_text("name,body\nA,B\n", encoding="utf-8")
    item = only_item(path)
    assert isinstance(item, ParseFailure) and "header" in item.reason


def test_an_unknown_suffix_fails(tmp_path):
    path = tmp_path / "statement.docx"
    path.write_bytes(b"PK\x03\x04")
    item = only_item(path)
    assert isinstance(item, ParseFailure) and "unsupported" in item.reason


def test_failure_names_file_and_line():
    assert str(ParseFailure(Path("/data/a.jsonl"), 7, "broken JSON")) == "/data/a.jsonl:7: broken JSON"
