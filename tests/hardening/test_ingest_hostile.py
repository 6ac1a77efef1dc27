"""`manage.py ingest` on hostile files: each bad record is a clear `file:line: reason`,
nothing of it is stored, and the good records beside it are."""

import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from statements.extract import extract
from statements.models import Agreement, Event, Statement
from statements.parse import parse_record

pytestmark = [pytest.mark.slow, pytest.mark.django_db]

TEXT = ("Россия и Япония договорились продолжить консультации. "
        "Следующий раунд переговоров состоится 16-20 августа этого года в Москве.")
GOOD = {"title": "Заявление МИД России", "date": "2018-07-31", "lang": "ru", "text": TEXT}
MAX_ITEM_BYTES = 20 * 1024 * 1024
# Latin-1 bytes decode as CP1251 Cyrillic ("Dйclaration"): they must fail, not be stored garbled.
FRENCH = {"title": "Déclaration du ministère", "date": "2018-07-31", "lang": "fr", "url": "https://mid.example/fr",
          "text": "Le ministère des Affaires étrangères a déclaré à la presse."}


def record(url: str, **fields) -> dict:
    return {**GOOD, "url": f"https://mid.example/{url}", **fields}


def line(item: dict) -> bytes:
    return json.dumps(item, ensure_ascii=False).encode("utf-8")


def counts() -> tuple[int, int, int]:
    return Statement.objects.count(), Agreement.objects.count(), Event.objects.count()


def expected_counts(good: int) -> tuple[int, int, int]:
    """What `good` good records store: each has the agreement and the event of TEXT."""
    extraction = extract(parse_record(record("x")))
    assert len(extraction.agreements) == 1 and len(extraction.events) == 1  # so that a half-stored record shows
    return good, good, good


def ingest_failing(*paths: Path, capsys) -> list[str]:
    with pytest.raises(CommandError, match="failed"):
        call_command("ingest", "--no-progress", *map(str, paths))
    return capsys.readouterr().err.splitlines()


# One bad JSON line between two good ones: (bad line's bytes, what the error says).
BAD_LINES = {
    "truncated JSON": (line(record("cut"))[:60], "broken JSON"),
    "a record lacking text": (line({k: v for k, v in record("no-text").items() if k != "text"}), "no text"),
    "text null": (line(record("null-text", text=None)), "no text"),
    "text not a string": (line(record("list-text", text=["Текст."])), "text is not a string"),
    "impossible date": (line(record("feb-31", date="2023-02-31")), "impossible date '2023-02-31'"),
    "year 99999": (line(record("year-99999", date="99999-01-01")), "date '99999-01-01'"),
    "year 99999 dotted": (line(record("year-99999-dots", date="01.01.99999")), "date '01.01.99999'"),
    "Latin-1 line in a UTF-8 file": (
        json.dumps(FRENCH, ensure_ascii=False).encode("latin-1"),
        "undecodable",
    ),
    "NUL character": (line(record("nul", text=TEXT + " \x00 конец.")), "NUL"),
    "NUL in meta": (line(record("nul-meta", meta={"place": "Моск\x00ва"})), "NUL"),
    "meta not an object": (line(record("meta-str", meta="Москва")), "meta is not an object"),
    "url not a string": (line({**GOOD, "url": 12}), "url is not a string"),
    "url too long to be a key": (line(record("u" * 600)), "too long"),
    "source too long": (line(record("long-source", source="s" * 400)), "too long"),
    "a JSON array": (b'["not", "a", "record"]', "a record must be a JSON object, not list"),
    "a lone surrogate": (
        json.dumps(record("surrogate", text="Текст \ud800.")).encode("utf-8", "surrogatepass").replace(
            b"\\ud800", "\ud800".encode("utf-8", "surrogatepass")),
        "undecodable",
    ),
}


@pytest.mark.parametrize("bad, reason", BAD_LINES.values(), ids=BAD_LINES.keys())
def test_a_bad_json_line_fails_alone_and_stores_nothing(tmp_path, capsys, bad, reason):
    path = tmp_path / "records.jsonl"
    path.write_bytes(line(record("first")) + b"\n" + bad + b"\n" + line(record("third")) + b"\n")
    assert counts() == (0, 0, 0)
    errors = ingest_failing(path, capsys=capsys)
    assert len(errors) == 1
    assert errors[0].startswith(f"{path}:2: ") and reason in errors[0], errors
    assert counts() == expected_counts(2)
    assert set(Statement.objects.values_list("source_url", flat=True)) == {
        "https://mid.example/first", "https://mid.example/third"}


def big_line(size: int) -> bytes:
    """One JSON record of `size` bytes or more: a long text of Russian words."""
    words = "слово " * (size // len("слово ".encode()) + 1)
    return line(record("huge", text=words))


# Whole files that cannot be read, each beside a good file: (name, bytes, line, reason).
BAD_FILES = {
    "binary .jsonl": ("binary.jsonl", b"\x00\x01\x02\xff" * 1000, 1, "binary file"),
    "binary .txt (a PNG)": ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 40, 1,
                            "binary file"),
    "Latin-1 .jsonl": ("latin.jsonl", json.dumps(FRENCH, ensure_ascii=False).encode("latin-1") + b"\n", 1,
                       "undecodable"),
    "an empty .jsonl": ("empty.jsonl", b"", 1, "empty file"),
    "blank lines only": ("blank.jsonl", b"\n \n\t\n", 1, "empty file"),
    "unsupported suffix": ("records.json", line(record("json")), 1, "unsupported file type .json"),
}


@pytest.mark.parametrize("name, content, number, reason", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_an_unreadable_file_fails_naming_it_and_the_good_file_is_stored(tmp_path, capsys, name, content, number,
                                                                       reason):
    bad = tmp_path / name
    bad.write_bytes(content)
    good = tmp_path / "good.jsonl"
    good.write_bytes(line(record("good")) + b"\n")
    errors = ingest_failing(bad, good, capsys=capsys)
    assert len(errors) == 1
    assert errors[0].startswith(f"{bad}:{number}: ") and reason in errors[0], errors
    assert counts() == expected_counts(1)


def test_a_page_over_20_mb_fails_and_the_file_beside_it_is_stored(tmp_path, capsys):
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.write("20:31\n\nЗаявление МИД России, 31 июля 2018 года\n\n".encode())
        chunk = ("Россия и Япония договорились продолжить консультации. " * 1000 + "\n\n").encode()
        while handle.tell() <= MAX_ITEM_BYTES:
            handle.write(chunk)
    good = tmp_path / "good.jsonl"
    good.write_bytes(line(record("good")) + b"\n")
    errors = ingest_failing(huge, good, capsys=capsys)
    assert errors == [f"{huge}:1: too large: {huge.stat().st_size} bytes, over {MAX_ITEM_BYTES} for one page"]
    assert counts() == expected_counts(1)


def test_a_json_line_over_20_mb_fails_alone(tmp_path, capsys):
    path = tmp_path / "records.jsonl"
    huge = big_line(MAX_ITEM_BYTES + 1)
    assert len(huge) > MAX_ITEM_BYTES
    path.write_bytes(line(record("first")) + b"\n" + huge + b"\n" + line(record("third")) + b"\n")
    errors = ingest_failing(path, capsys=capsys)
    assert errors == [f"{path}:2: line too long: over {MAX_ITEM_BYTES} bytes"]
    assert counts() == expected_counts(2)


def test_a_json_line_over_20_mb_without_a_final_newline_fails(tmp_path, capsys):
    path = tmp_path / "records.jsonl"
    path.write_bytes(line(record("first")) + b"\n" + big_line(MAX_ITEM_BYTES + 1))
    errors = ingest_failing(path, capsys=capsys)
    assert errors == [f"{path}:2: line too long: over {MAX_ITEM_BYTES} bytes"]
    assert counts() == expected_counts(1)


def test_a_truncated_last_line_fails_and_the_lines_before_it_are_stored(tmp_path, capsys):
    path = tmp_path / "records.jsonl"
    whole = line(record("first")) + b"\n" + line(record("second")) + b"\n" + line(record("third"))
    path.write_bytes(whole[: len(whole) - 25])  # the download stopped mid-record
    errors = ingest_failing(path, capsys=capsys)
    assert len(errors) == 1 and errors[0].startswith(f"{path}:3: broken JSON"), errors
    assert counts() == expected_counts(2)


def test_a_truncated_utf8_character_at_the_end_fails_alone(tmp_path, capsys):
    path = tmp_path / "records.jsonl"
    path.write_bytes(line(record("first")) + b"\n" + line(record("second"))[:-3] + "ж".encode()[:1])
    errors = ingest_failing(path, capsys=capsys)
    assert len(errors) == 1 and errors[0].startswith(f"{path}:2: "), errors
    assert counts() == expected_counts(1)


@pytest.mark.parametrize("first, second", [("utf-8", "cp1251"), ("cp1251", "cp1251"), ("cp1251", "utf-8")])
def test_russian_in_cp1251_is_still_read_beside_utf8(tmp_path, first, second):
    path = tmp_path / "records.jsonl"
    path.write_bytes(json.dumps(record("one"), ensure_ascii=False).encode(first) + b"\n"
                     + json.dumps(record("two"), ensure_ascii=False).encode(second) + b"\n")
    call_command("ingest", "--no-progress", str(path))
    assert counts() == expected_counts(2)
    assert set(Statement.objects.values_list("title", flat=True)) == {GOOD["title"]}


def test_a_latin1_row_in_a_utf8_csv_fails_alone(tmp_path, capsys):
    path = tmp_path / "records.csv"
    row = '"{title}",2018-07-31,https://mid.example/{url},{lang},"{text}"\n'
    path.write_bytes(
        b"title,date,url,lang,text\n"
        + row.format(title=GOOD["title"], url="one", lang="ru", text=TEXT).encode()
        + row.format(title=FRENCH["title"], url="fr", lang="fr", text=FRENCH["text"]).encode("latin-1")
        + row.format(title=GOOD["title"], url="three", lang="ru", text=TEXT).encode()
    )
    errors = ingest_failing(path, capsys=capsys)
    assert errors == [f"{path}:3: undecodable as utf-8"]
    assert counts() == expected_counts(2)
    assert set(Statement.objects.values_list("title", flat=True)) == {GOOD["title"]}
