"""`manage.py ingest` on hostile files: each bad record is a clear `file:line: reason`,
nothing of it is stored, and the good records beside it are."""

import json
import time
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from statements.extract import extract
from statements.models import Agreement, Event, Statement
from statements.parse import parse_record
from statements.parse.records import ParseError

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
    "100,000 [": (b"[" * 100_000, "broken JSON: nested too deeply"),
    "meta nested 100,000 deep": (b'{"text": "x", "meta": {"a": ' + b"[" * 100_000 + b"]" * 100_000 + b"}}",
                                 "broken JSON: nested too deeply"),
    "meta nested 500 deep": (line(record("deep", meta={"a": json.loads("[" * 500 + "]" * 500)})),
                             "meta nested more than 10 levels deep"),
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


# The probe's hostile records, each between two good ones: (fields, what the error says, or None when the record
# is a statement and must simply be stored in time).
HOSTILE = {
    "a dateline of twenty -на-Дону": (
        {"title": "Заявление, Ростов" + "-на-Дону" * 20 + "?, 31 июля 2018 года"}, None),
    "capitals before an English trigger": (
        {"title": "Statement", "lang": "en",
         "text": "Officials said " + "A" * 30 + "/ agreed to hold consultations in Moscow."}, None),
    "an upper-case delegation before an English trigger": (
        {"title": "Statement", "lang": "en",
         "text": "THE RUSSIAN FEDERATION DELEGATION head agreed to hold consultations in Moscow."}, None),
    "a megabyte of )": ({"text": ")" * 1024 * 1024}, "text too long: 1048576 characters, at most 1000000"),
    "600 kB of ) on one line": ({"text": ")" * 600_000}, "text: line 1 too long: 600000 characters, at most 500000"),
    "two megabytes of '. '": ({"text": ". " * 1024 * 1024}, "text too long: 2097152 characters, at most 1000000"),
    "a megabyte of '. '": ({"text": ". " * 512 * 1024}, "text too long: 1048576 characters, at most 1000000"),
    "a megabyte of ) over short lines": ({"text": (")" * 1000 + "\n") * 900 + ")" * 1001},
                                         "text: more than 1000 ')' characters in a row"),
    "a hyphenated word of 200 kB": ({"text": TEXT + " " + "А-" * 100_000}, "text: a word of more than 500"),
    "a javascript: source": ({"url": "javascript:alert(document.cookie)//x"},
                             "url must be an http or https address, not javascript:"),
    "a data: source": ({"url": "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="},
                       "url must be an http or https address, not data:"),
}


@pytest.mark.parametrize("fields, reason", HOSTILE.values(), ids=HOSTILE.keys())
def test_a_hostile_record_fails_alone_in_a_second_and_its_neighbours_are_stored(tmp_path, capsys, fields, reason):
    extract(parse_record(record("warm-up")))  # dictionaries load on first use: not what is timed
    hostile = {**record("hostile"), **fields}
    start = time.process_time()  # the work done, which a busy machine does not stretch
    try:
        extract(parse_record(hostile))
    except ParseError as error:
        assert reason is not None and reason in str(error)
    else:
        assert reason is None
    assert time.process_time() - start < 1.0

    path = tmp_path / "records.jsonl"
    path.write_bytes(line(record("first")) + b"\n" + line(hostile) + b"\n" + line(record("third")) + b"\n")
    if reason is None:
        call_command("ingest", "--no-progress", str(path))
        stored = {"https://mid.example/first", "https://mid.example/hostile", "https://mid.example/third"}
    else:
        errors = ingest_failing(path, capsys=capsys)
        assert len(errors) == 1 and errors[0].startswith(f"{path}:2: {reason}"), errors
        assert counts() == expected_counts(2)
        stored = {"https://mid.example/first", "https://mid.example/third"}
    assert set(Statement.objects.values_list("source_url", flat=True)) == stored


def test_a_right_to_left_override_is_not_stored_in_a_title(tmp_path):
    path = tmp_path / "records.jsonl"
    path.write_bytes(line(record("rlo", title="Заявление \u202eexe.txt\u202c МИД России",
                                 text="\u2067Россия\u2069 и Япония договорились продолжить консультации.")) + b"\n")
    call_command("ingest", "--no-progress", str(path))
    statement = Statement.objects.get()
    assert statement.title == "Заявление exe.txt МИД России"
    assert statement.body == "Россия и Япония договорились продолжить консультации."


def test_a_damaged_utf8_line_fails_alone_and_is_not_stored_as_cp1251(tmp_path, capsys):
    path = tmp_path / "records.jsonl"
    damaged = line(record("damaged", title="Заявление министерства"))
    path.write_bytes(line(record("first")) + b"\n" + damaged[:19] + b"\xff" + damaged[19:] + b"\n"
                     + line(record("third")) + b"\n")
    errors = ingest_failing(path, capsys=capsys)
    assert errors == [f"{path}:2: undecodable as utf-8 at byte 19 of the line"]
    assert counts() == expected_counts(2)
    assert not Statement.objects.filter(title__contains="Р—").exists()


def exported(tmp_path) -> list[dict]:
    """Two good statements ingested and exported, then the archive emptied: lines to import."""
    source = tmp_path / "records.jsonl"
    source.write_bytes(line(record("one")) + b"\n" + line(record("two")) + b"\n")
    call_command("ingest", "--no-progress", str(source))
    export = tmp_path / "export.jsonl"
    call_command("export", "--output", str(export))
    Statement.objects.all().delete()
    return [json.loads(text) for text in export.read_text(encoding="utf-8").splitlines()]


def test_import_reports_each_bad_line_with_its_file_and_line_and_imports_the_rest(tmp_path, capsys):
    one, two = exported(tmp_path)
    scripted = {**two, "key": "https://mid.example/js#2018-07-31", "source_url": "javascript:alert(1)//x"}
    lines = [
        line(one),
        line(one)[:50],  # cut short
        b'["not", "a", "record"]',
        line({**two, "format": 99}),
        line({k: v for k, v in two.items() if k != "body"}),
        line(scripted),
        line({**two, "raw_text": ")" * 2000}),
        line(two)[:30] + b"\xff" + line(two)[30:],
        b"",
        line(two),
    ]
    path = tmp_path / "import.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    with pytest.raises(CommandError, match="7 line\\(s\\) failed"):
        call_command("import", str(path))
    out, err = capsys.readouterr()
    assert err.splitlines() == [
        f"{path}:2: broken JSON: Unterminated string starting at column 50",
        f"{path}:3: a record must be a JSON object, not list",
        f"{path}:4: not an archive export of format 1",
        f"{path}:5: lacks body",
        f"{path}:6: source_url must be an http or https address, not javascript:",
        f"{path}:7: text: more than 1000 ')' characters in a row",
        f"{path}:8: undecodable as UTF-8 at byte 30 of the line",
    ] or err
    assert "imported 2, skipped 0 already present, failed 7" in out
    assert set(Statement.objects.values_list("source_url", flat=True)) == {
        "https://mid.example/one", "https://mid.example/two"}


def test_import_of_good_lines_exits_cleanly(tmp_path, capsys):
    one, two = exported(tmp_path)
    path = tmp_path / "import.jsonl"
    path.write_bytes(line(one) + b"\n" + line(two))  # no final newline
    call_command("import", str(path))
    assert "imported 2, skipped 0 already present, failed 0" in capsys.readouterr().out
    assert Statement.objects.count() == 2
