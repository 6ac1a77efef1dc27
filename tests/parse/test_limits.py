"""Input bounds, source URLs and invisible direction marks, checked by parse_record before any parsing."""

import json
import time

import pytest

from statements.extract import extract
from statements.parse import parse_record
from statements.parse.files import ParseFailure, RawItem, iter_file
from statements.parse.limits import MAX_LINE_CHARS, MAX_RUN, MAX_TEXT_CHARS, MAX_WORD
from statements.parse.places import place_from_title
from statements.parse.records import ParseError

TEXT = "Россия и Япония договорились продолжить консультации."


def record(**fields) -> dict:
    return {"title": "Заявление МИД России", "date": "2018-07-31", "lang": "ru", "url": "https://mid.example/a",
            "text": TEXT, **fields}


@pytest.fixture(scope="module", autouse=True)
def _loaded():
    """Dictionaries and rule tables load on first use (seconds): not what the time bound is about."""
    for lang, text in (("ru", TEXT), ("en", "Russia and Japan agreed to continue consultations.")):
        extract(parse_record(record(lang=lang, text=text)))


def parse_quickly(item: dict):
    """parse_record and extract, failing when they take a second of processor time (which a busy machine does
    not stretch): the bound a hostile record must keep."""
    start = time.process_time()
    try:
        parsed = parse_record(item)
        extract(parsed)
        return parsed
    finally:
        assert time.process_time() - start < 1.0


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"text": "Слово. " * (MAX_TEXT_CHARS // 7 + 1)},
         f"text too long: {(MAX_TEXT_CHARS // 7 + 1) * 7} characters, at most {MAX_TEXT_CHARS}"),
        ({"text": ". " * 300_000}, f"text: line 1 too long: 600000 characters, at most {MAX_LINE_CHARS}"),
        ({"text": TEXT + "\n" + "слово " * (MAX_LINE_CHARS // 6 + 1)}, "text: line 2 too long"),
        ({"text": ")" * 1_000_000}, "text: line 1 too long: 1000000 characters"),
        ({"text": TEXT + "\n" + ")" * (MAX_RUN + 1)}, f"text: more than {MAX_RUN} ')' characters in a row"),
        ({"text": TEXT + " " + "-" * 5000}, f"more than {MAX_RUN} '-' characters in a row"),
        ({"title": "Заявление " + "!" * (MAX_RUN + 1)}, f"title: more than {MAX_RUN} '!'"),
        ({"text": TEXT + " " + "А-" * 10_000}, f"text: a word of more than {MAX_WORD} characters at character 54"),
        ({"text": TEXT + " " + "Шанхайск" * 100}, f"a word of more than {MAX_WORD} characters"),
        ({"meta": {"place": "Москва" + "." * (MAX_RUN + 1)}}, "meta.place: more than"),
        ({"url": "javascript:alert(document.cookie)//x"}, "url must be an http or https address, not javascript:"),
        ({"url": " JavaScript:alert(1)"}, "not javascript:"),
        ({"url": "data:text/html,<script>alert(1)</script>"}, "not data:"),
        ({"url": "vbscript:msgbox"}, "not vbscript:"),
        ({"url": "//mid.example/a"}, "not none"),
        ({"url": "mid.example/a"}, "not none"),
        ({"url": "https:///nohost"}, "url has no host"),
        ({"url": "http://[::1"}, "url is not a URL"),
    ],
)
def test_a_record_out_of_bounds_or_with_a_scripting_url_fails_fast(fields, reason):
    start = time.process_time()
    with pytest.raises(ParseError) as error:
        parse_record(record(**fields))
    assert time.process_time() - start < 1.0
    assert reason in str(error.value)


@pytest.mark.parametrize("url", [None, "", "  ", "https://mid.ru/ru/foreign_policy/news/1", "HTTP://kremlin.ru/x"])
def test_http_urls_and_none_pass(url):
    assert parse_record(record(url=url)).title == "Заявление МИД России"


def test_the_longest_real_shapes_pass():
    """A ruler of 58 "_", a 114,703-character line and a 230 kB text, as in the corpus, are fine."""
    text = TEXT + " " + "_" * 58 + "\n" + ("Россия и Япония провели консультации. " * 3100)[:114_703] + "\n" + TEXT
    assert parse_record(record(text=text)).body.startswith(TEXT)


@pytest.mark.parametrize("mark", ["\u202e", "\u202a", "\u202b", "\u202c", "\u202d", "\u2066", "\u2067", "\u2068",
                                  "\u2069"])
def test_directional_formatting_characters_are_dropped_from_title_and_body(mark):
    parsed = parse_record(record(title=f"Заявление {mark}txt.exe{mark} МИД", text=f"{mark}Россия{mark} и Япония."))
    assert parsed.title == "Заявление txt.exe МИД"
    assert parsed.body == "Россия и Япония."


def test_a_dateline_of_repeated_on_don_parses_in_a_second():
    """The probe's title: "-на-Дону" twenty times made PLACE_NAME backtrack for minutes."""
    title = "Заявление, Ростов" + "-на-Дону" * 20 + "?, 31 июля 2018 года"
    start = time.process_time()
    assert place_from_title(title) is None
    assert place_from_title("Заявление, Ростов-на-Дону, 31 июля 2018 года") == "Ростов-на-Дону"
    assert time.process_time() - start < 1.0
    assert parse_quickly(record(title=title, url=None, date=None)).published_on.isoformat() == "2018-07-31"


@pytest.mark.parametrize("text", [
    "Officials said " + "A" * 30 + "/ agreed to hold consultations in Moscow.",
    "THE RUSSIAN FEDERATION DELEGATION head agreed to hold consultations in Moscow.",
    "Officials said, " + "B" * 400 + ", agreed to hold consultations in Moscow.",
])
def test_capitals_before_an_english_trigger_extract_in_a_second(text):
    parse_quickly(record(title="Statement", lang="en", text=text))


def test_an_apposition_is_still_told(tmp_path):
    from statements.extract.agreements import EN_APPOSITION

    assert EN_APPOSITION.match(" Karamoko Traoré ") and EN_APPOSITION.match("THE RUSSIAN FEDERATION")
    assert not EN_APPOSITION.match(" the minister ") and not EN_APPOSITION.match("A" * 30 + "/")


def write_lines(path, *lines: bytes):
    path.write_bytes(b"\n".join(lines) + b"\n")
    return list(iter_file(path))


def test_a_damaged_utf8_line_fails_alone_instead_of_reading_as_cp1251(tmp_path):
    good = json.dumps(record(title="Заявление министерства"), ensure_ascii=False).encode()
    damaged = good[:40] + b"\xff" + good[40:]  # reads as CP1251 "Р—Р°СЏРІ..." otherwise
    cut = good[:41] + good[42:]  # half of a two-byte letter lost
    items = write_lines(tmp_path / "r.jsonl", good, damaged, cut, good)
    assert [type(item) for item in items] == [RawItem, ParseFailure, ParseFailure, RawItem]
    assert str(items[1]) == f"{tmp_path / 'r.jsonl'}:2: undecodable as utf-8 at byte 40 of the line"
    assert str(items[2]).startswith(f"{tmp_path / 'r.jsonl'}:3: undecodable as utf-8 at byte 40")
    assert items[3].record["title"] == "Заявление министерства"


def test_a_cp1251_line_in_a_utf8_file_is_still_read(tmp_path):
    good = json.dumps(record(), ensure_ascii=False)
    items = write_lines(tmp_path / "r.jsonl", good.encode(), json.dumps(record(title="«Вёл» переговоры"),
                                                                          ensure_ascii=False).encode("cp1251"))
    assert [item.record["title"] for item in items] == ["Заявление МИД России", "«Вёл» переговоры"]
