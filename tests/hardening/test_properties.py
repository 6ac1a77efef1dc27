"""Parsing and extraction on generated input: a ParsedStatement or a ParseError, and sound spans."""

import datetime as dt
import re

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from statements.extract import extract
from statements.extract.dates import find_dates
from statements.parse import ParsedStatement, parse_record
from statements.parse.records import ParseError

pytestmark = pytest.mark.slow

CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
BOUNDED = settings(max_examples=200, deadline=None, derandomize=True, database=None,
                   suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# Pieces of real statements, so that generated texts reach the date, agreement,
# event and country rules, not only their "nothing here" paths.
FRAGMENTS = [
    "Россия и Япония договорились продолжить консультации.",
    "Стороны подтвердили приверженность Договору.",
    "Следующий раунд переговоров состоится 16-20 августа этого года в Москве.",
    "Визит запланирован на первую декаду сентября.",
    "в следующем году весной", "до конца года", "31 февраля", "29 февраля 2023 года", "31 июля 2018 года",
    "на следующей неделе", "в третьем квартале", "во второй половине 2019 года", "с 30 декабря по 2 января",
    "The parties agreed to hold the next round in Geneva on 12-14 March.",
    "The summit will take place next month in Beijing.", "by the end of 2099", "in the spring of 10000",
    "Вопрос: Когда состоится встреча?", "Ответ: В ближайшее время.", "С.В.Лавров:", "Ответ (С.В.Лавров):",
    "1430-31-07-2018", "20:31", "© Министерство иностранных дел Российской Федерации", "Китай", "США",
    "Сирийская Арабская Республика", "Germany", "Côte d'Ivoire", "КНДР", "ООН", "БРИКС", "ШОС", "ЕС",
    "补充资料", "相册", "\n\n", "\n", " ", "\t", "\r\n", "\u00a0", "\u2028", "\ufeff", "\u200b",
]
# Cyrillic, Latin, digits, punctuation, emoji, control characters and odd spaces.
ALPHABET = st.one_of(
    st.characters(min_codepoint=0x400, max_codepoint=0x4FF),
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),
    st.characters(min_codepoint=0x1F300, max_codepoint=0x1FAFF),
    st.characters(min_codepoint=0x0, max_codepoint=0x1F),
    st.sampled_from("«»–—…№„“”’\u00a0\u2009\u200b\u202f\ufeff\u0301\ufffd"),
    st.characters(codec="utf-8"),
)
WORDS = st.text(ALPHABET, max_size=40)
LONG_LINE = st.builds(lambda piece, n: piece * n, st.sampled_from(["а", "слово ", "🇷🇺", "x" * 9 + ".", "16 августа "]),
                      st.integers(min_value=1_000, max_value=3_000))
# Long lines are costly: one in a text at most, drawn rarely.
TEXTS = st.one_of(
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), WORDS), max_size=25).map("".join),
    st.tuples(st.lists(st.sampled_from(FRAGMENTS), max_size=5), LONG_LINE).map(lambda t: "".join(t[0]) + t[1]),
)
DATES = st.one_of(
    st.none(),
    st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2030, 12, 31)).map(str),
    st.sampled_from(["2018-07-31", "2023-02-31", "99999-01-01", "0000-01-01", "2024-02-29", "2023-02-29",
                     "31.07.2018", "31 июля 2018 года", "2018", "2018-07-31T20:31:00", "2018-07-31T25:61:00",
                     "July 31, 2018", "вчера", "", "  ", "-1", "1e9"]),
    st.integers(min_value=-(10**12), max_value=10**12),
    WORDS,
    st.dates().map(str),
)
TITLES = st.one_of(st.none(), WORDS, TEXTS, st.sampled_from(["Заявление МИД России", "", " \n "]), st.integers())
URLS = st.one_of(
    st.none(),
    st.sampled_from(["https://www.mid.ru/ru/foreign_policy/news/1867466/", "http://kremlin.ru/events/president/news/1",
                     "https://t.me/MFARussia/27748", "http://[::1", "mid.ru", "https://", ""]),
    WORDS,
)
# Values of another type than the field's: numbers, lists, objects.
ODD = st.one_of(st.none(), WORDS, st.integers(), st.booleans(), st.lists(WORDS, max_size=2),
                st.dictionaries(WORDS, WORDS, max_size=2))
# Keys the parsers read from "meta" (kremlin, telegram, ungd records).
META_KEYS = st.sampled_from(["upstream", "place", "datetime", "year", "session", "speaker", "country", "title",
                             "title_is_derived", "geography", "topics", "people", "url"])
RECORDS = st.fixed_dictionaries(
    {"text": st.one_of(TEXTS, TEXTS, TEXTS, st.none(), st.integers(), st.lists(WORDS, max_size=2))},
    optional={
        "title": TITLES,
        "date": DATES,
        "url": st.one_of(URLS, ODD),
        "lang": st.one_of(st.none(), st.sampled_from(["ru", "en", "RU", "xx", "", "русский"]), WORDS),
        "speaker": st.one_of(ODD, st.sampled_from(["С.В.Лавров", "Sergey Lavrov"])),
        "source": st.one_of(ODD, st.sampled_from(["UNGDC:x", "kremlin.ru", "mid.ru"])),
        "meta": st.one_of(st.none(), WORDS, st.lists(WORDS, max_size=2), st.dictionaries(META_KEYS, ODD, max_size=4)),
    },
)

# Records of the right shape with generated contents: most of them parse, so
# that extraction runs on many.
SENTENCES = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.sampled_from(FRAGMENTS), WORDS), min_size=1, max_size=20)
PLAUSIBLE_TEXTS = st.one_of(SENTENCES.map(" ".join), SENTENCES.map("".join), TEXTS)
PLAUSIBLE_RECORDS = st.fixed_dictionaries(
    {
        "text": PLAUSIBLE_TEXTS,
        "title": st.one_of(WORDS, st.sampled_from(["Заявление МИД России", "Remarks by Sergey Lavrov", None])),
        "date": st.one_of(st.sampled_from(["2018-07-31", "2024-12-30", "2025-02-28", None]),
                          st.dates().map(lambda d: d.isoformat())),
    },
    optional={
        "url": URLS,
        "lang": st.sampled_from(["ru", "en", None]),
        "source": st.one_of(st.none(), st.sampled_from(["UNGDC:x", "kremlin.ru", "mid.ru"])),
        "meta": st.dictionaries(META_KEYS, WORDS, max_size=3),
    },
)


def parse_or_none(record) -> ParsedStatement | None:
    try:
        return parse_record(record)
    except ParseError:
        return None


@BOUNDED
@given(st.one_of(RECORDS, PLAUSIBLE_RECORDS))
def test_parse_record_returns_a_statement_or_raises_parse_error(record):
    parsed = parse_or_none(record)
    event("parsed" if parsed is not None else "ParseError")
    if parsed is not None:
        assert isinstance(parsed, ParsedStatement)
        assert parsed.title and parsed.body
        assert parsed.lang in ("ru", "en")
        # What the store service writes must have the types it expects.
        assert isinstance(parsed.title, str) and isinstance(parsed.body, str) and isinstance(parsed.raw_text, str)
        assert parsed.published_on is None or isinstance(parsed.published_on, dt.date)
        for value in (parsed.url, parsed.source, parsed.place, parsed.doc_number):
            assert value is None or isinstance(value, str)
        for names in (parsed.speakers, parsed.meta_countries, parsed.meta_topics, parsed.meta_people):
            assert all(isinstance(name, str) for name in names)
        # Column limits of statements.models.Statement.
        assert len(parsed.place or "") <= 200 and len(parsed.doc_number or "") <= 40
        # Pages, the Atom feed (XML 1.0) and search snippets (\x02, \x03 markers) need no control characters.
        assert not CONTROL.search(parsed.title) and not CONTROL.search(parsed.body)
        for turn in parsed.turns:
            assert 0 <= turn.start <= turn.end <= len(parsed.body)


@BOUNDED
@given(st.one_of(st.none(), st.integers(), st.text(max_size=5), st.lists(st.integers(), max_size=2)))
def test_a_record_that_is_not_an_object_is_a_parse_error(record):
    with pytest.raises(ParseError, match=f"^a record must be an object, not {type(record).__name__}$"):
        parse_record(record)


@BOUNDED
@given(st.one_of(PLAUSIBLE_RECORDS, PLAUSIBLE_RECORDS, RECORDS))
def test_extraction_never_crashes_and_its_spans_lie_in_the_body(record):
    parsed = parse_or_none(record)
    if parsed is None:
        return
    extraction = extract(parsed)
    body = parsed.body
    event("has agreements" if extraction.agreements else "no agreements")
    event("has events" if extraction.events else "no events")
    for item in [*extraction.agreements, *extraction.events]:
        assert 0 <= item.start <= item.end <= len(body)
        assert body[item.start : item.end] == item.text
    for found in extraction.events:
        if found.starts_on is not None and found.ends_on is not None:
            assert found.starts_on <= found.ends_on
        assert len(found.place or "") <= 200  # statements.models.Event.place
    for code in extraction.countries:
        assert len(code) == 2 and code.isascii() and code.isalpha() and code.isupper()
    for agreement in extraction.agreements:
        assert all(len(party) >= 2 for party in agreement.parties)


@BOUNDED
@given(TEXTS, st.dates(), st.sampled_from(["ru", "en", "de", ""]))
def test_find_dates_spans_lie_in_the_text_and_periods_run_forward(text, today, lang):
    for match in find_dates(text, today=today, lang=lang):
        assert 0 <= match.start < match.end <= len(text)
        assert text[match.start : match.end] == match.text
        assert match.starts_on <= match.ends_on


@BOUNDED
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=6).map(" ".join),
       st.sampled_from([dt.date.min, dt.date(1, 1, 2), dt.date(9999, 12, 31), dt.date(9999, 1, 1),
                        dt.date(2024, 2, 29)]))
def test_find_dates_at_the_edges_of_the_calendar(text, today):
    for lang in ("ru", "en"):
        for match in find_dates(text, today=today, lang=lang):
            assert text[match.start : match.end] == match.text
            assert match.starts_on <= match.ends_on
