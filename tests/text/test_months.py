"""The month table that publication dates and the date normaliser share."""

import pytest

from statements.text.months import MONTH_BY_WORD, MONTHS_RU_GENITIVE


@pytest.mark.parametrize(
    ("word", "month"),
    [("августа", 8), ("мае", 5), ("сентябрём", 9), ("june", 6), ("sept", 9), ("dec", 12), ("may", 5)],
)
def test_month_by_word(word, month):
    assert MONTH_BY_WORD[word] == month


def test_the_genitive_of_each_month():
    assert list(MONTHS_RU_GENITIVE.values()) == [
        "января", "февраля", "марта", "апреля", "мая", "июня",
        "июля", "августа", "сентября", "октября", "ноября", "декабря",
    ]  # fmt: skip
