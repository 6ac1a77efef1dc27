"""Which alphabet a word is written in."""

import pytest

from statements.text.scripts import is_cyrillic


@pytest.mark.parametrize(
    ("text", "cyrillic"),
    [("Лавров", True), ("аш-Шараа", True), ("Ёж", True), ("US-Россия", True), ("Lavrov", False), ("", False)],
)
def test_is_cyrillic(text, cyrillic):
    assert is_cyrillic(text) is cyrillic
