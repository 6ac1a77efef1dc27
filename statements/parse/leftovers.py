"""Page leftovers after the body: the site's UI chrome, in whatever UI language.

A copied mid.ru page ends with the page's furniture: "补充资料 / 视频 / 图片 /
相册 / 1 из 1 照片专辑 / 不正确的日期 / 高级设置" on the Chinese site,
"Дополнительные материалы / Видео / Фото / 1 из 1 фотографий в альбоме /
Некорректно указаны даты / Расширенный поиск" on the Russian one, "© Министерство
иностранных дел Российской Федерации" under all of them. Rather than list
every language's words, the body is taken to end at its last paragraph of
real prose: trailing paragraphs that are short and carry no sentence
punctuation, or that are written in another script than the statement, or
that are a copyright or photo-counter line, are dropped.
"""

from __future__ import annotations

import re

from statements.parse.text import letters_script, script_of_lang

# Short lines of chrome are at most this long.
CHROME_MAX_CHARS = 60
# A paragraph in another script than the statement is chrome up to this length.
FOREIGN_SCRIPT_MAX_CHARS = 200
# Lines that are chrome whatever their length or script.
CHROME_LINES = (
    re.compile(r"^[©®]"),
    re.compile(r"^\d+\s+(?:из|of|de|von|sur|/|个|张)\s+\d+\b", re.I),  # photo counter "1 из 1 фотографий"
    re.compile(r"^[•·▪●■◦\-–—*]\s*\S{0,40}$"),  # a bullet of a menu
)
# What a paragraph of prose ends with.
PROSE_END = re.compile(r"[.!?…:;,»\"”’)\]]\s*$")


def is_chrome(paragraph: str, lang: str) -> bool:
    text = paragraph.strip()
    if not text:
        return True
    if any(pattern.search(text) for pattern in CHROME_LINES):
        return True
    if len(text) <= CHROME_MAX_CHARS and not PROSE_END.search(text):
        return True
    script = letters_script(text)
    return script is not None and script != script_of_lang(lang) and len(text) <= FOREIGN_SCRIPT_MAX_CHARS


def strip_trailing_chrome(paragraphs: list[str], lang: str, keep: int = 1) -> list[str]:
    """The paragraphs without the chrome after the last paragraph of prose.

    keep: never cut below this many paragraphs, so that a post that is all
    one short line keeps its line.
    """
    end = len(paragraphs)
    while end > keep and is_chrome(paragraphs[end - 1], lang):
        end -= 1
    return paragraphs[:end]
