"""Russian names in Latin letters (statements.text.translit): the English interface's form of a name the
archive knows only in Russian."""

import pytest

from statements.text.translit import latin


@pytest.mark.parametrize("russian, english", [
    ("Сергей Лавров", "Sergey Lavrov"),
    ("Мария Захарова", "Mariya Zakharova"),
    ("Юрий Ушаков", "Yuriy Ushakov"),  # й is y
    ("Елена Андреева", "Yelena Andreyeva"),  # е is ye at the start and after a vowel
    ("Борис Ельцин", "Boris Yeltsin"),  # ь leaves no mark
    ("Подъячев", "Podyachev"),  # nor ъ
    ("Фёдор Воробьёв", "Fyodor Vorobyov"),  # ё is yo
    ("Михаил Горбачёв", "Mikhail Gorbachev"),  # but e after ч, ж, ш, щ
    ("Щукин", "Shchukin"),
    ("ЖУКОВ", "ZHUKOV"),  # a word in capitals stays in capitals
    ("В.В.Путин", "V.V.Putin"),  # initials and punctuation kept
    ("аш-Шараа", "ash-Sharaa"),
    ("Sergey Lavrov", "Sergey Lavrov"),  # Latin letters untouched
    ("", ""),
])
def test_a_russian_name_in_latin_letters(russian, english):
    assert latin(russian) == english
