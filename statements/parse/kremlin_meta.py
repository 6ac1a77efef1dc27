"""kremlin.ru's page furniture in a flattened item: the metadata block after the
body and the tooltips inside it.

After the body every item carries "География Китай Темы Великая Отечественная
война Внешняя политика Лица Си Цзиньпин Статус материала Опубликован в
разделе: Новости Дата публикации: 8 мая 2025 года, 10:10 Ссылка на материал:
kremlin.ru/d/76870 Текстовая версия" (each part optional but the status). Inside
the body, a linked name drags its tooltip along: "Сергей Лавров Лавров Сергей
Викторович Министр иностранных дел Российской Федерации , ..." — the name
again in the site's "Surname Given Patronymic" order, the post, and the blank
a link leaves before the next punctuation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from statements.parse.kremlin_vocabulary import KREMLIN_GEOGRAPHY, KREMLIN_TOPICS

STATUS = "Статус материала"
# The list markers in the order the site prints them.
LIST_MARKERS = ("География", "Темы", "Лица")
# The block sits within this many characters before the status line.
BLOCK_WINDOW = 2000
# List items carry no sentence punctuation.
NOT_A_LIST = re.compile(r"[.!?:;«»(),\"]")
# The site's "show more" button inside a list.
SHOW_MORE = re.compile(r"(?<!\s)\s*+\bЕщё \d+\b")  # (?<!\s): from where the blanks start
PUBLISHED = re.compile(r"Дата публикации:\s*(?P<date>\d{1,2} \S+ \d{4} года)(?:,\s*(?P<time>\d{1,2}:\d{2}))?")

# A Russian patronymic ends a person in the people list.
# (in any case: "Александрович", "Александровича", "Сергеевной").
PATRONYMIC = re.compile(r"^[А-ЯЁ][а-яё]+(?:(?:ович|евич|ьич|овн|евн|ичн)[а-яё]{0,3}|оглы|кызы)$")
# A capitalised adjective glues to the next word of a country name ("Саудовская Аравия").
ADJECTIVE = re.compile(r"^[А-ЯЁ][\w-]*(?:ая|яя|ое|ее|ий|ый|ой|ие|ые)$")
# Persons without a patronymic take this many name units each.
UNITS_PER_FOREIGN_PERSON = 2
MAX_UNITS_FOR_ONE_PERSON = 3


@dataclass(slots=True)
class SiteMeta:
    countries: list[str] = field(default_factory=list)
    topics: list[str] = field(default_factory=list)
    people: list[str] = field(default_factory=list)
    published: str | None = None  # "8 мая 2025 года"
    published_time: str | None = None  # "10:10"


def split_meta_block(text: str) -> tuple[str, SiteMeta]:
    """The text before the metadata block, and the block parsed."""
    meta = SiteMeta()
    status = text.rfind(STATUS)
    if status < 0:
        return text, meta
    if match := PUBLISHED.search(text, status):
        meta.published, meta.published_time = match["date"], match["time"]
    head = text[:status].rstrip()
    lists: dict[str, str] = {}
    for marker in reversed(LIST_MARKERS):
        position = head.rfind(f" {marker} ")
        if position < 0 and head.endswith(f" {marker}"):
            position = len(head) - len(marker) - 1
        if position < 0 or len(head) - position > BLOCK_WINDOW:
            continue
        items = head[position + len(marker) + 2 :]
        if NOT_A_LIST.search(items):
            continue
        lists[marker] = SHOW_MORE.sub("", items).strip()
        head = head[:position].rstrip()
    meta.countries = split_geography(lists.get("География", ""))
    meta.topics = split_topics(lists.get("Темы", ""))
    meta.people = split_people(lists.get("Лица", ""))
    return head, meta


def split_known(words: list[str], vocabulary: tuple[str, ...], fallback) -> list[str]:
    """Items of a flattened list: the longest vocabulary name that starts at each
    word, the fallback rule for words no name covers."""
    known = sorted((name.split() for name in vocabulary), key=len, reverse=True)
    items: list[str] = []
    loose: list[str] = []
    index = 0
    while index < len(words):
        for name in known:
            if words[index : index + len(name)] == name:
                items.extend(fallback(loose))
                loose = []
                items.append(" ".join(name))
                index += len(name)
                break
        else:
            loose.append(words[index])
            index += 1
    items.extend(fallback(loose))
    return items


def group_topic_words(words: list[str]) -> list[str]:
    """A topic starts with a capital; lower-case words continue it ("Наука и инновации")."""
    items: list[str] = []
    for word in words:
        if items and (not word[:1].isupper() or items[-1].split()[-1] == "и"):
            items[-1] += f" {word}"
        else:
            items.append(word)
    return items


def group_geography_words(words: list[str]) -> list[str]:
    """Lower-case words ("область", "автономный округ") continue a name, "и" and
    "—" glue the next word, and so do a capitalised adjective and "Республика"."""
    items: list[str] = []
    glue = False
    for word in words:
        if items and (glue or not word[:1].isupper()):
            items[-1] += f" {word}"
        else:
            items.append(word)
        glue = word in {"и", "—", "–"} or bool(ADJECTIVE.match(word)) or word == "Республика"
    return items


def split_topics(text: str) -> list[str]:
    return split_known(text.split(), KREMLIN_TOPICS, group_topic_words)


def split_geography(text: str) -> list[str]:
    return split_known(text.split(), KREMLIN_GEOGRAPHY, group_geography_words)


# "Аль Нахайян": a prefix glues to the next word; "Мухаммед бен Заид": a
# connector glues to both neighbours, and so does any lower-case word ("и всея").
NAME_PREFIXES = {"аль", "эль", "де", "ди", "ван", "фон", "ле", "ла"}
NAME_CONNECTORS = {"бен", "бин", "ибн"}


def name_units(words: list[str]) -> list[str]:
    """Words of foreign names grouped into name units."""
    units: list[str] = []
    glue_next = False
    for word in words:
        lowered = word.lower()
        if units and (glue_next or lowered in NAME_CONNECTORS or not word[:1].isupper()):
            units[-1] += f" {word}"
            glue_next = lowered in NAME_CONNECTORS or not word[:1].isupper()
            continue
        units.append(word)
        glue_next = lowered in NAME_PREFIXES
    return units


def split_foreign(words: list[str]) -> list[str]:
    units = name_units(words)
    if not units:
        return []
    if len(units) <= MAX_UNITS_FOR_ONE_PERSON:
        return [" ".join(units)]
    step = UNITS_PER_FOREIGN_PERSON
    people = [" ".join(units[i : i + step]) for i in range(0, len(units), step)]
    if len(people) > 1 and len(people[-1].split()) == 1:  # an odd unit out joins the last person
        people[-2] += f" {people.pop()}"
    return people


def split_people(text: str) -> list[str]:
    """People of the "Лица" list, written "Surname Given Patronymic" and sorted
    by surname: a patronymic closes a Russian name of three words; names without
    one ("Си Цзиньпин", "Аль Нахайян Мухаммед бен Заид") are grouped by units."""
    words = text.split()
    people: list[str] = []
    start = 0
    for index, word in enumerate(words):
        if PATRONYMIC.match(word) and index - start >= 2:
            people.extend(split_foreign(words[start : index - 2]))
            people.append(" ".join(words[index - 2 : index + 1]))
            start = index + 1
    people.extend(split_foreign(words[start:]))
    return people


# A tooltip ends at the blank a link leaves before punctuation (a token of
# its own: " ,", " :") or at a speaker label's note ("(как переведено) :").
BARE_PUNCTUATION = {",", ".", ":", ";"}
DASHES = {"–", "—", "-"}
TRAILING_MARKS = frozenset(",.:;!?»)]…")
SENTENCE_PUNCTUATION = re.compile(r"[,.:;!?…]$")
MAX_TOOLTIP_WORDS = 40
STEM = 4


def stem(word: str) -> str:
    """The first letters of a name, without initials or an opening bracket: "А.Репик" -> "репи"."""
    start = 0
    while start < len(word) and not word[start].isalpha():
        start += 1
    while start + 1 < len(word) and word[start + 1] == "." and word[start].isupper():
        start += 2  # an initial
    return word[start : start + STEM].lower()


def is_tooltip_start(words: list[str], index: int) -> bool:
    """A tooltip opens with the linked name again, surname first: a capitalised
    word repeating the stem of one of the two words before it ("Сергей Лавров
    Лавров Сергей ...", "Си Цзиньпину Си Цзиньпин ...", "А.Репик Репик ...")."""
    if index == 0 or index + 1 >= len(words):
        return False
    word = words[index]
    if len(word) < 2 or not word[0].isupper() or not words[index + 1][:1].isupper():
        return False
    previous = words[index - 1]
    if not previous or previous[-1] in TRAILING_MARKS or word[-1] in TRAILING_MARKS or PATRONYMIC.match(word):
        return False
    own = stem(word)
    if len(own) < 2:
        return False
    return own == stem(previous) or (index >= 2 and own == stem(words[index - 2]))


def tooltip_end(words: list[str], start: int) -> int | None:
    """Index of the word after a whole tooltip, when its end can be seen."""
    for index in range(start + 1, min(len(words), start + MAX_TOOLTIP_WORDS)):
        word = words[index]
        if word in BARE_PUNCTUATION or word.startswith("("):
            return index
        if word in DASHES:
            continue
        if SENTENCE_PUNCTUATION.search(word):
            return None
        # Another tooltip after this one's name: where this one's post ends cannot be told.
        if index > start + tooltip_name_length(words[start:]) and is_tooltip_start(words, index):
            return None
    return None


def tooltip_name_length(words: list[str]) -> int:
    """Words of the name a tooltip opens with: up to a patronymic, else two."""
    for index, word in enumerate(words[:3]):
        if PATRONYMIC.match(word):
            return index + 1
    return min(2, len(words))


def remove_tooltips(text: str) -> str:
    """The text without the tooltips of linked names. A tooltip whose end shows
    goes whole; otherwise only its name goes, leaving the post as an apposition
    ("Биньямин Нетаньяху Премьер-министр Израиля обменялись ...")."""
    words = text.split(" ")
    kept: list[str] = []
    index = 0
    while index < len(words):
        if is_tooltip_start(words, index):
            end = tooltip_end(words, index)
            index = end if end is not None else index + tooltip_name_length(words[index:])
            continue
        kept.append(words[index])
        index += 1
    return " ".join(kept)


# kremlin.ru's glossary pop-up: "... БРИКС Краткая справка БРИКС (англ. BRICS) в Казани".
GLOSSARY = "Краткая справка"
GLOSSARY_NOTE = re.compile(r"^\s*\([^()]{1,80}\)")
MAX_GLOSSARY_WORDS = 6


def remove_glossary(text: str) -> str:
    """Drop "Краткая справка" and the term it repeats (with its note in brackets)."""
    while (position := text.find(GLOSSARY)) >= 0:
        before = text[:position].split()
        after = text[position + len(GLOSSARY) :]
        after_words = after.split()
        repeated = 0
        for size in range(min(MAX_GLOSSARY_WORDS, len(before), len(after_words)), 0, -1):
            if all(stem(a) == stem(b) for a, b in zip(after_words[:size], before[-size:], strict=True)):
                repeated = size
                break
        rest = after
        for word in after_words[:repeated]:
            rest = rest[rest.index(word) + len(word) :]
        rest = GLOSSARY_NOTE.sub("", rest)
        text = text[:position].rstrip() + " " + rest.lstrip()
    return text
