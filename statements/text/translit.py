"""Russian names in Latin letters, for the English interface where the archive knows no English name.

The system is BGN/PCGN 1947 as English-language newspapers write it, without
its diacritics and apostrophes (Сергей Лавров: Sergey Lavrov, Юрий: Yuriy,
Фёдор: Fyodor, Щёкин: Shchekin): the form a reader of English is used to for
Russian names. A pure function of its text; anything that is not a Russian
letter is kept as it is.
"""

from __future__ import annotations

import re

# Each letter alone (lower case); the letters whose form depends on what stands before them are below.
LETTERS = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya",
}
VOWELS = set("аеёиоуыэюя")
# е is ye at the start of a word, after a vowel and after ъ or ь (Елена: Yelena, Андреев: Andreyev).
YE_AFTER = VOWELS | {"ъ", "ь"}
# ё is e after ж, ч, ш, щ (Горбачёв: Gorbachev), where the sound of y is already in the consonant.
PLAIN_YO_AFTER = {"ж", "ч", "ш", "щ"}
RUSSIAN_WORD = re.compile(r"[А-Яа-яЁё]+")


def _word(word: str) -> str:
    capitals = len(word) > 1 and word.isupper()
    out = []
    for i, char in enumerate(word):
        lower = char.lower()
        before = word[i - 1].lower() if i else ""
        if lower == "е" and (not before or before in YE_AFTER):
            latin = "ye"
        elif lower == "ё" and before in PLAIN_YO_AFTER:
            latin = "e"
        else:
            latin = LETTERS[lower]
        if char != lower:
            # A capital: the whole digraph in a word written in capitals (ЖУКОВ: ZHUKOV), else its first
            # letter (Жуков: Zhukov, Юрий: Yuriy).
            latin = latin.upper() if capitals else latin.capitalize()
        out.append(latin)
    return "".join(out)


def latin(text: str) -> str:
    """The text with every Russian word in Latin letters: "Мария Захарова" -> "Mariya Zakharova"."""
    return RUSSIAN_WORD.sub(lambda match: _word(match.group()), text)
