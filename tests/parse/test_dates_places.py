"""Dates and places: the record's date field, a title's dateline, a document number."""

import datetime as dt

import pytest

from statements.parse.places import city_of_place_field, place_from_title, place_of_happening
from statements.parse.published import date_from_doc_number, find_last_date, parse_record_date
from statements.parse.records import ParseError
from statements.parse.ungd import debate_date


@pytest.mark.parametrize(
    ("value", "date", "time", "year"),
    [
        ("2023-05-05", dt.date(2023, 5, 5), None, None),
        ("2025-12-19T15:06:58+00:00", dt.date(2025, 12, 19), dt.time(15, 6, 58), None),
        ("19.12.2025", dt.date(2025, 12, 19), None, None),
        ("1946", None, None, 1946),
        ("5 мая 2023 года", dt.date(2023, 5, 5), None, None),
        (None, None, None, None),
        ("", None, None, None),
    ],
)
def test_record_dates(value, date, time, year):
    found = parse_record_date(value)
    assert (found.date, found.time, found.year) == (date, time, year)


@pytest.mark.parametrize("value", ["2023-02-31", "2023-13-01", "yesterday", "31.02.2020", ["2023"]])
def test_impossible_or_unreadable_dates_fail(value):
    with pytest.raises(ParseError):
        parse_record_date(value)


@pytest.mark.parametrize(
    ("title", "date"),
    [
        ("Выступление ... в формате «два плюс два», Москва, 31 июля 2018 года", dt.date(2018, 7, 31)),
        (
            "Foreign Minister Sergey Lavrov’s interview with India Today television channel, Moscow, April 19, 2022",
            dt.date(2022, 4, 19),
        ),
        ("REPLIES BY ... ON THE RENMIN RIBAO WEBSITE, BEIJING, FEBRUARY 27, 2003", dt.date(2003, 2, 27)),
        ("Briefing by Maria Zakharova (Moscow, January 15, 2026)", dt.date(2026, 1, 15)),
        ("Российско-китайские переговоры", None),
        ("Интервью, Москва, 31 июня 2018 года", None),
    ],
)
def test_title_dates(title, date):
    found = find_last_date(title)
    assert (found.date if found else None) == date


@pytest.mark.parametrize(
    ("number", "date"),
    [
        ("1430-31-07-2018", dt.date(2018, 7, 31)),
        ("867-05-05-2023", dt.date(2023, 5, 5)),
        ("12-31-02-2020", None),
        (None, None),
    ],
)
def test_dates_from_doc_numbers(number, date):
    assert date_from_doc_number(number) == date


@pytest.mark.parametrize(
    ("title", "place"),
    [
        ("Выступление ... в формате «два плюс два», Москва, 31 июля 2018 года", "Москва"),
        ("Выступление и ответы на вопросы СМИ ... по итогам СМИД ШОС, Панаджи, 5 мая 2023 года", "Панаджи"),
        ("REPLIES BY ... ON THE RENMIN RIBAO WEBSITE, BEIJING, FEBRUARY 27, 2003", "Beijing"),
        ("Statement by Russian Foreign Minister Sergey Lavrov (Moscow, December 29, 2025)", "Moscow"),
        ("Opening remarks by President of Russia Vladimir Putin (January 22, 2026, Moscow)", "Moscow"),
        ("Article ..., published in Eurasian Dialogue (December 22, 2025)", None),
        ("P resident of Russia Vladimir Putin sent greetings ..., Diplomatic Worker’s Day (February 10, 2026).", None),
        ("On January 23, 1930, Tanya Savicheva, a schoolgirl who kept a diary, was born.", None),
        ('INTERVIEW ... PUBLISHED UNDER THE HEADLINE "IGOR IVANOV: WE HAVE COME TO THINK" ON JANUARY 23, 2003', None),
    ],
)
def test_place_from_title(title, place):
    assert place_from_title(title) == place


@pytest.mark.parametrize(
    ("field", "city"),
    [
        ("Москва, Кремль", "Москва"),
        ("Московская область, Ново-Огарёво", "Ново-Огарёво"),
        ("Санкт-Петербург", "Санкт-Петербург"),
        ("Курская область", None),
        ("", None),
        (None, None),
    ],
)
def test_city_of_a_place_field(field, city):
    assert city_of_place_field(field) == city


@pytest.mark.parametrize(
    ("year", "date"),
    [(1946, dt.date(1946, 9, 17)), (2023, dt.date(2023, 9, 19)), (2024, dt.date(2024, 9, 17))],
)
def test_general_debate_convention_is_the_third_tuesday_of_september(year, date):
    assert debate_date(year) == date
    assert debate_date(year).weekday() == 1


# Titles written for the test.
@pytest.mark.parametrize(
    ("title", "place"),
    [
        ("Foreign Minister Sergey Lavrov held a meeting in Minsk with his counterpart", "Minsk"),
        ("Consultations on migration were held in Rio de Janeiro on 3 May", "Rio de Janeiro"),
        ("The Deputy Minister met in New York with the UN Secretary-General", "New York"),
        ("Talks in Tashkent on transport corridors", "Tashkent"),
        # A country or a region is not a city; an announcement's city is not where it was said.
        ("Consultations were held in Egypt on regional security", None),
        ("A round table was held in Latin America", None),
        ("Sergey Lavrov will hold talks in Moscow with the Foreign Minister of Peru", None),
        ("Talks are scheduled to be held in Doha next week", None),
        ("Statement on the situation in Gaza", None),
    ],
)
def test_place_of_a_happening_in_an_english_title(title, place):
    assert place_of_happening(title) == place
