"""Q&A transcripts: the turns of a cleaned body, each with its speaker.

A turn starts at a paragraph that opens with a speaker label ("Вопрос:",
"С.В.Лавров:", "С.В.Лавров (перевод с английского языка):", "Sergey Lavrov:",
"Х.Бен Тарек Аль Саид (как переведено):") and runs to the next label. The
labels stay in the body; turns only mark spans, so that extraction can tell a
journalist's question from the minister's answer.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass

from statements.parse.names import surname_of
from statements.parse.records import Turn
from statements.text.morph import analyzer

NAME_WORD = r"[A-ZА-ЯЁ][\w’'-]*"
# Lower-case particles a label's name may hold: a subset of statements/text/particles.py's.
PARTICLE = r"(?:аль|бен|бин|ибн|de|da|van|von|bin|al|ibn|ould)"
# A label opens a paragraph: a name (with or without initials), an optional
# note in brackets, a colon.
LABEL = re.compile(
    rf"""^(?P<name>
        (?:[A-ZА-ЯЁ]\.\s?){{1,2}}{NAME_WORD}(?:\s(?:{NAME_WORD}|{PARTICLE})){{0,4}}
      | {NAME_WORD}(?:\s(?:{NAME_WORD}|{PARTICLE})){{0,4}}
    )
    (?:\s?\((?P<note>[^()]{{1,80}})\))?
    \s?:(?=\s|$)""",
    re.VERBOSE,
)

# Labels of a journalist's (or the audience's) words, and of the answer.
QUESTION_LABELS = {
    "вопрос", "question", "реплика", "q", "журналист", "journalist", "корреспондент", "correspondent",
    "ведущий", "ведущая", "host", "interviewer", "moderator", "модератор",
}  # fmt: skip
ANSWER_LABELS = {"ответ", "answer", "a"}

# Words that open a paragraph with a colon but name nobody.
NOT_NAMES = {
    "текст", "указа", "указ", "справка", "примечание", "подробнее", "смотрите", "источник", "фото",
    "видео", "дополнительно", "key", "points", "note", "read", "source", "photo", "video", "update",
    "background", "reference", "summary", "links", "link", "details", "important", "also",
    "минск", "москва", "moscow", "внимание", "quote", "цитата",
    # Organisations post under their name too ("Russian Paralympic Committee:").
    "committee", "ministry", "embassy", "service", "council", "mission", "department", "federation",
    "government", "office", "organisation", "organization", "agency", "delegation", "union", "assembly",
    "operation", "ballet", "news", "channel", "centre", "center", "fund", "bank", "company", "group",
    "forum", "university", "museum", "theatre", "theater", "republic", "kingdom", "state", "states",
    "nations", "region", "day", "emercom", "комитет", "министерство", "посольство", "служба", "совет",
    "представительство", "департамент", "правительство", "агентство", "делегация", "союз", "фонд",
}  # fmt: skip

# A journalist is a labelled person whose turns mostly end with a question,
# or who opens with their outlet or "my question" ("Наталья Бреус, «Первый
# информационный», Беларусь.", "Первый вопрос Владимиру Владимировичу: ...").
QUESTIONER_SHARE = 0.6
JOURNALIST_INTRO = re.compile(
    r"[А-ЯЁA-Z][а-яёa-z]+ [А-ЯЁA-Z][а-яёa-z]+, (?:«|телеканал|агентств|газет|радио|журнал|РИА|ТАСС|Интерфакс)"
    r"|\b(?:[Пп]ервый|[Мм]ой|[Тт]акой|[Сс]ледующий|[Кк]ороткий|[Оо]дин|у меня) вопрос\b"
    r"|\b(?:[Mm]y|[Ff]irst|[Oo]ne) question\b|\b(?:correspondent|корреспондент)",
)
INTRO_CHARS = 200


@dataclass(frozen=True, slots=True)
class Label:
    start: int  # where the label (and the turn) starts in the body
    name: str
    note: str | None


def paragraph_offsets(body: str) -> list[tuple[int, int]]:
    spans, position = [], 0
    for chunk in body.split("\n\n"):
        spans.append((position, position + len(chunk)))
        position += len(chunk) + 2
    return spans


def is_cyrillic_name_like(words: list[str]) -> bool:
    """A Russian label names a person when some word is a name or unknown to the dictionary
    ("Российская Федерация:" names nobody; "Н.Бреус:", "Умару Сиссоку Эмбало:" do)."""
    analyser = analyzer()
    for word in words:
        for part in word.split("-"):
            if not part:
                continue
            if not analyser.word_is_known(part.lower()):
                return True
            if any({"Name", "Surn", "Patr"} & set(p.tag.grammemes) for p in analyser.parse(part)[:2]):
                return True
    return False


def read_label(paragraph: str) -> tuple[str, str | None] | None:
    match = LABEL.match(paragraph)
    if not match:
        return None
    name = match["name"].strip()
    words = name.replace(".", ". ").split()
    lowered = {w.lower().strip(".") for w in words}
    if name.lower() in QUESTION_LABELS or name.lower() in ANSWER_LABELS:
        return name, match["note"]
    if lowered & NOT_NAMES:
        return None
    if "." in name or match["note"]:  # initials ("С.В.Лавров") or a note ("Ван И (как переведено)")
        return name, match["note"]
    plain = name.split()
    if len(plain) < 2:
        return None
    if re.search("[А-ЯЁа-яё]", name) and not is_cyrillic_name_like(plain):
        return None
    if any(word.isupper() and len(word) > 1 for word in plain):
        return None  # "READ MORE:", "EMERCOM:" are headings, not people
    return name, match["note"]


def find_labels(body: str) -> list[Label]:
    labels = []
    for start, end in paragraph_offsets(body):
        found = read_label(body[start:end])
        if found:
            labels.append(Label(start, found[0], found[1]))
    return labels


def find_turns(body: str, main_speakers: list[str]) -> tuple[list[Turn], list[str]]:
    """The turns of a transcript and the surnames of the people whose words it records.

    main_speakers: surnames known from the title or the record (the minister
    of an interview); the "Answer:" label gives the first of them, and none of
    them is ever taken for a journalist.
    """
    labels = find_labels(body)
    if not labels:
        return [], []
    bounds = [label.start for label in labels] + [len(body)]
    raw: list[tuple[int, int, str | None, bool]] = []
    for label, end in zip(labels, bounds[1:], strict=True):
        text = body[label.start : end].rstrip()
        key = label.name.lower()
        if key in QUESTION_LABELS:
            raw.append((label.start, label.start + len(text), None, True))
        elif key in ANSWER_LABELS:
            speaker = main_speakers[0] if main_speakers else None
            raw.append((label.start, label.start + len(text), speaker, False))
        else:
            raw.append((label.start, label.start + len(text), surname_of(label.name), False))

    # A named person whose turns mostly end in a question is a journalist
    # ("Н.Бреус: ... повлияет ли ...?"), unless the record names them the speaker.
    asked: Counter[str] = Counter()
    spoke: defaultdict[str, int] = defaultdict(int)
    introduced: set[str] = set()
    for start, end, speaker, _ in raw:
        if speaker:
            if not spoke[speaker] and JOURNALIST_INTRO.search(body, start, min(end, start + INTRO_CHARS)):
                introduced.add(speaker)
            spoke[speaker] += 1
            if body[start:end].rstrip().endswith("?"):
                asked[speaker] += 1
    journalists = {
        s for s, n in spoke.items() if s not in main_speakers and (s in introduced or asked[s] / n >= QUESTIONER_SHARE)
    }

    turns = [Turn(start, end, speaker, question or speaker in journalists) for start, end, speaker, question in raw]
    speakers: list[str] = []
    for turn in turns:
        if turn.speaker and not turn.is_question and turn.speaker not in speakers:
            speakers.append(turn.speaker)
    return turns, speakers
