"""kremlin.ru items, as the scraper saved them: all whitespace flattened.

"События <title> <summary> 8 мая 2025 года 10:10 Москва, Кремль <body>
География ... Темы ... Лица ... Статус материала ... Текстовая версия".
Announcements carry "Анонс на 10 мая 2025 года Добавить в Календарь ..."
instead of the dateline.
"""

from __future__ import annotations

import re

from statements.parse.kinds import detect_kind
from statements.parse.kremlin_meta import remove_glossary, remove_tooltips, split_meta_block
from statements.parse.places import city_of_place_field
from statements.parse.published import RU_MONTH_WORD, find_date, parse_clock, parse_record_date
from statements.parse.records import ParsedStatement
from statements.parse.reflow import reflow
from statements.parse.text import join_paragraphs, squash_spaces, tidy_punctuation
from statements.parse.turns import NOT_NAMES, QUESTION_LABELS, find_turns, is_cyrillic_name_like

# The President is the speaker of every item on his site; others join when
# the item records their words.
SITE_SPEAKER = "Путин"
SECTION = re.compile(r"^(?:События|Новости|Выступления и стенограммы|Анонсы)\s+")
DATELINE = re.compile(rf"(?P<date>\d{{1,2}} {RU_MONTH_WORD} \d{{4}} года) (?P<time>\d{{1,2}}:\d{{2}})(?=\s|$)")
DATELINE_WINDOW = 3000
# A place after the dateline when the record has no place field.
PLACE_AFTER_TIME = re.compile(r"^(?:[А-ЯЁ][\w-]+, Кремль|[А-ЯЁ][\w-]+ (?:область|край), [А-ЯЁ][\w-]+)(?=\s)")
ANNOUNCEMENT = re.compile(
    rf"Анонс на (?:\d{{1,2}}\s*[−–-]\s*)?\d{{1,2}} {RU_MONTH_WORD} \d{{4}} года"
    r"(?: Добавить в Календарь)?(?: Календари)?(?: Яндекс)?(?: iCal)?(?: Google)?"
)
# A link to another item: "Смотрите также <its title> <its date>".
LINK_MARKERS = ("Смотрите также", "Дополнительно")
# (The linked title starts with a capital: "Дополнительно сообщаем ..." is prose.)
SEE_ALSO = re.compile(
    rf"(?:Смотрите также|Дополнительно)\s+(?=[А-ЯЁA-Z«])[^.!?]{{1,300}}?\d{{1,2}} {RU_MONTH_WORD} \d{{4}} года"
)
# Links left after the last sentence, before the metadata block.
# (Their titles and file names may hold dots, "Указ № 205 pdf, 949.8 кБ", but no sentence end.)
TRAILING_LINKS = re.compile(r"(?:Смотрите также|Дополнительно)\s+(?=[А-ЯЁA-Z«])(?:(?![.!?](?:\s|$)).)*$")


def remove_links(text: str) -> str:
    """Drop kremlin.ru's links to other items, inside the text and after its last sentence."""
    for marker in LINK_MARKERS:
        position = text.find(marker)
        while position >= 0:
            match = SEE_ALSO.match(text, position) or TRAILING_LINKS.match(text, position)
            if match and (position == 0 or not text[position - 1].isalnum()):
                text = text[:position].rstrip() + " " + text[match.end() :].lstrip()
                position = text.find(marker, position)
            else:
                position = text.find(marker, position + len(marker))
    return text.strip()


# Speaker labels inside the flattened text, where a new paragraph must start.
# Each is matched against the stretch of text that ends with a colon.
INLINE_LABELS = (
    # "В.Путин:", "Х.Бен Тарек Аль Саид (как переведено):"
    re.compile(r"(?<![\w.])(?:[А-ЯЁ]\.){1,2}\s?[А-ЯЁ][\w-]+(?: [А-ЯЁ][\w-]+){0,4}(?: \([^()]{1,60}\))?:$"),
    # "Ван И (как переведено):"
    re.compile(r"(?:^|(?<=[.!?…»>)] ))(?:[А-ЯЁ][\w-]* ){0,4}[А-ЯЁ][\w-]* \((?:как переведено|по-[\w-]+)\):$"),
    # "Вопрос:", "Реплика:"
    re.compile(r"(?:^|(?<=[.!?…»>)] ))(?:Вопрос|Реплика)(?: \([^()]{1,60}\))?:$"),
)
# "Умару Сиссоку Эмбало:" after a sentence: a name only if it reads as one.
PLAIN_LABEL = re.compile(r"(?:^|(?<=[.!?…»>)] ))(?P<name>(?:[А-ЯЁ][\w-]* ){1,4}[А-ЯЁ][\w-]*):$")
LABEL_REACH = 120  # characters before a colon a label may span
AFTER_SENTENCE = re.compile(r"[.!?…»>)] $")


def label_breaks(text: str) -> list[int]:
    """Offsets where a speaker label starts (looked for only before colons)."""
    starts: list[int] = []
    colon = text.find(":")
    while colon >= 0:
        if colon + 1 == len(text) or text[colon + 1].isspace():
            offset = max(0, colon - LABEL_REACH)
            stretch = text[offset : colon + 1]
            match = next((m for p in INLINE_LABELS if (m := p.search(stretch))), None)
            if match is None and (plain := PLAIN_LABEL.search(stretch)):
                words = plain["name"].split()
                if not {w.lower() for w in words} & (NOT_NAMES | QUESTION_LABELS) and is_cyrillic_name_like(words):
                    match = plain
            # A match at the stretch's cut edge must stand after a sentence, as "^" there proves nothing.
            if match and (match.start() > 0 or offset == 0 or AFTER_SENTENCE.match(text, offset - 2, offset)):
                starts.append(offset + match.start())
        colon = text.find(":", colon + 1)
    return starts


def strip_title(text: str, title: str) -> str:
    """The text after the section word and the title the page repeats first."""
    text = SECTION.sub("", text, count=1)
    if title and text.startswith(title):
        return text[len(title) :].lstrip()
    return text


def parse_kremlin(record: dict) -> ParsedStatement:
    raw = record["text"]
    title = squash_spaces(record.get("title") or "")
    meta = record.get("meta") or {}
    text = squash_spaces(raw)

    text, site = split_meta_block(text)
    text = strip_title(text, title)

    announced = ANNOUNCEMENT.search(text)
    if announced:
        text = (text[: announced.start()] + " " + text[announced.end() :]).strip()

    summary, published_at, dateline_place = "", None, None
    dateline = DATELINE.search(text, 0, DATELINE_WINDOW)
    if dateline:
        summary = text[: dateline.start()].strip()
        published_at = parse_clock(dateline["time"])
        text = text[dateline.end() :].lstrip()
        site_place = (meta.get("place") or "").strip()
        if site_place and text.startswith(site_place):
            dateline_place, text = site_place, text[len(site_place) :].lstrip()
        elif match := PLACE_AFTER_TIME.match(text):
            dateline_place, text = match.group(0), text[match.end() :].lstrip()
        if title and text.startswith(title):  # a photo caption repeating the title
            text = text[len(title) :].lstrip()

    text = remove_links(text)
    text = tidy_punctuation(remove_glossary(remove_tooltips(text)))
    summary = tidy_punctuation(remove_tooltips(summary))
    paragraphs = ([summary] if summary else []) + reflow(text, label_breaks(text))
    body = join_paragraphs(paragraphs)

    record_date = parse_record_date(record.get("date"))
    published_on = record_date.date
    if published_on is None:
        found = find_date(site.published or (dateline["date"] if dateline else ""))
        published_on = found.date if found else None
    if published_at is None and site.published_time:
        published_at = parse_clock(site.published_time)
    published_at = published_at or record_date.time

    place = city_of_place_field(meta.get("place") or dateline_place)
    kind = "announcement" if announced else detect_kind(title)
    turns, labelled = find_turns(body, [SITE_SPEAKER])
    speakers = [SITE_SPEAKER, *(s for s in labelled if s != SITE_SPEAKER)]

    return ParsedStatement(
        title=title,
        body=body,
        raw_text=raw,
        lang="ru",
        published_on=published_on,
        published_at=published_at,
        kind=kind,
        speakers=speakers,
        place=place,
        url=record.get("url"),
        source=record.get("source"),
        meta_countries=site.countries,
        meta_topics=site.topics,
        meta_people=site.people,
        turns=turns,
    )
