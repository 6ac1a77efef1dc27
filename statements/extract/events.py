"""Upcoming events: sentences announcing a dated happening after the statement.

See shared/gold/GUIDELINES.md, "Upcoming events"; the word tables are in
event_rules.py, the calendar work in dates.py.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from statements.extract import event_rules as rules
from statements.extract.countries import find_countries
from statements.extract.dates import find_dates
from statements.extract.records import PRECISIONS, DateMatch, Event
from statements.extract.sentences import Sentence
from statements.text.morph import analyzer

FLAGS = re.IGNORECASE
WORD = re.compile(r"[\w][\w'’-]*")
# A verb that names the happening stands for this noun in a title.
VERB_TITLES_RU = (
    (re.compile(r"^(?:возглав|буд)", FLAGS), "председательство"),
    (re.compile(r"^встрет", FLAGS), "встреча"),
    (re.compile(r"^(?:посет|прибуд|приед)", FLAGS), "визит"),
)
VERB_TITLES_EN = (
    (re.compile(r"\b(?:chair|preside|presidency|chairmanship)\b", FLAGS), "presidency"),
    (re.compile(r"\bmeet\b", FLAGS), "meeting"),
    (re.compile(r"\b(?:visit|travel)\b", FLAGS), "visit"),
    (re.compile(r"\b(?:hold|host)\b", FLAGS), "event"),
)
# Prepositions and conjunctions left dangling at the end of a title.
TITLE_TRAILING = frozenset("in on at for of to by and or with в во на к по с со до и или для от".split())
# Words that cannot stand before the head noun of an English event title.
EN_TITLE_STOPWORDS = frozenset(
    "a an the her his their its our my your will would to on in at of and or by with for is are was were be been "
    "hold holds held host hosts hosted have has had pay pays paid make attend chair visit meet meets also".split()
)
# Parts of speech that may stand before a Russian head noun in its phrase.
RU_MODIFIERS = {"ADJF", "PRTF", "NUMR", "ADJS"}
# A date without a year further ahead than this is taken for a past one;
# sooner when the sentence is told in the past.
YEAR_LESS_LIMIT = 300
YEAR_LESS_LIMIT_PAST = 180
# Strong matches that are verbs ("встретится", "will meet"), not nouns.
VERB_LIKE = re.compile(r"^(?:встрет|посет|прибуд|приед|возглав|буд|will)", FLAGS)
EN_PLACE = re.compile(r"\b(?:in|at)\s+(?:the\s+)?((?-i:[A-Z])[\w'’-]*(?:\s+(?-i:[A-Z])[\w'’-]*){0,3})", FLAGS)
HERE = {"ru": re.compile(r"\b(?:здесь|у\s+нас\s+в\s+стране|к\s+нам)\b", FLAGS), "en": re.compile(r"\bhere\b", FLAGS)}


@dataclass(frozen=True, slots=True)
class _Rules:
    strong: re.Pattern[str]
    weak: re.Pattern[str]
    future: re.Pattern[str]
    past: re.Pattern[str] | None
    holiday: re.Pattern[str]
    participation: re.Pattern[str]
    negated: re.Pattern[str]
    hope: re.Pattern[str]
    scheduled: re.Pattern[str]
    date_hint: re.Pattern[str]
    anniversary_of: re.Pattern[str]
    plan_period: re.Pattern[str]
    title_stop: re.Pattern[str]
    invitation: re.Pattern[str]


@functools.cache
def compiled_rules(lang: str) -> _Rules:
    lang = "en" if lang == "en" else "ru"
    past = rules.PAST_MARKERS.get(lang)
    return _Rules(
        strong=re.compile(rules.EVENT_NOUNS_STRONG[lang], FLAGS),
        weak=re.compile(rules.EVENT_NOUNS_WEAK[lang], FLAGS),
        future=re.compile(rules.FUTURE_MARKERS[lang], FLAGS),
        past=re.compile(past, FLAGS) if past else None,
        holiday=re.compile(rules.HOLIDAY[lang], FLAGS),
        participation=re.compile(rules.PARTICIPATION[lang], FLAGS),
        negated=re.compile(rules.NEGATED[lang], FLAGS),
        hope=re.compile(rules.HOPE[lang], FLAGS),
        scheduled=re.compile(rules.SCHEDULED[lang], FLAGS),
        date_hint=re.compile(rules.DATE_HINT[lang], FLAGS),
        anniversary_of=re.compile(rules.ANNIVERSARY_OF[lang], FLAGS),
        plan_period=re.compile(rules.PLAN_PERIOD[lang], FLAGS),
        title_stop=re.compile(rules.TITLE_STOP[lang], FLAGS),
        invitation=re.compile(rules.INVITATION[lang], FLAGS),
    )


@functools.lru_cache(maxsize=50_000)
def _is_past_verb_ru(word: str) -> bool:
    # Only words that can be a past-tense form are parsed at all.
    if not re.search(r"(?:л|ла|ло|ли|лся|лась|лось|лись|н|на|но|ны|т|та|то|ты)$", word):
        return False
    return any(
        parse.tag.POS in {"VERB", "PRTS"} and "past" in parse.tag and parse.score >= 0.2
        for parse in analyzer().parse(word)
    )


def told_in_past(text: str, lang: str) -> bool:
    if lang == "en":
        past = compiled_rules(lang).past
        return bool(past and past.search(text))
    return any(_is_past_verb_ru(word.lower()) for word in WORD.findall(text))


def happenings(text: str, compiled: _Rules) -> tuple[list[re.Match[str]], list[re.Match[str]]]:
    """Strong and weak words naming a happening, leaving out what an
    anniversary counts from."""
    strong = [m for m in compiled.strong.finditer(text) if not compiled.anniversary_of.search(text[: m.start()])]
    weak = [m for m in compiled.weak.finditer(text) if not compiled.anniversary_of.search(text[: m.start()])]
    return strong, weak


def _distance(match: re.Match[str], date: DateMatch) -> int:
    if match.end() <= date.start:
        return date.start - match.end()
    if date.end <= match.start():
        return match.start() - date.end
    return 0


def choose_date(dates: list[DateMatch], anchors: list[re.Match[str]]) -> DateMatch:
    """The date nearest the event's noun or future verb (a sentence may carry
    several: "до конца года договорились провести консультации ...")."""
    if not anchors:
        return dates[0]
    return min(dates, key=lambda date: min(_distance(a, date) for a in anchors))


def title_anchor(strong: list[re.Match[str]], weak: list[re.Match[str]], date: DateMatch) -> re.Match[str] | None:
    """The noun the title is built on: the strong noun nearest the date, else
    a verb standing for one, else a weak noun."""
    nouns = [m for m in strong if not VERB_LIKE.match(m.group(0))]
    for group in (nouns, strong, weak):
        if group:
            return min(group, key=lambda m: _distance(m, date))
    return None


FINE_PRECISIONS = {"day", "week", "decade"}
# Finer first, as records.PRECISIONS lists them.
PRECISION_RANK = {name: rank for rank, name in enumerate(PRECISIONS)}


def _inside_a_past_date(date: DateMatch, all_dates: list[DateMatch], today: dt.date) -> bool:
    """Whether the date is the frame of a finer one that has already come:
    "В 2025 году ... проходят 26-27 марта" said on 27 March lies behind."""
    return any(
        other.ends_on <= today
        and PRECISION_RANK.get(other.precision, 9) < PRECISION_RANK.get(date.precision, 9)
        and date.starts_on <= other.starts_on
        and other.ends_on <= date.ends_on
        for other in all_dates
    )


def _year_less_far_date(date: DateMatch, today: dt.date, days: int) -> bool:
    """A day or month without a year that lands most of a year ahead: that is
    last time's date ("the agreements reached in November"), not next time's."""
    return not re.search(r"\d{4}|год|year", date.text, FLAGS) and (date.starts_on - today).days > days


def is_event_sentence(sentence: Sentence, lang: str) -> bool:
    """Cheap wording test, before any date is resolved."""
    compiled = compiled_rules(lang)
    text = sentence.text
    if sentence.in_question or text.rstrip().endswith("?"):
        return False
    if not (compiled.strong.search(text) or compiled.weak.search(text) or compiled.invitation.search(text)):
        return False
    return bool(compiled.date_hint.search(text))


def _dates_ahead(
    text: str,
    all_dates: list[DateMatch],
    today: dt.date,
    compiled: _Rules,
    *,
    future: bool,
    past: bool,
    strong: bool,
) -> list[DateMatch]:
    """The dates of the sentence that can be an upcoming event's."""
    dates = [
        d
        for d in all_dates
        if d.ends_on > today
        and not _year_less_far_date(d, today, YEAR_LESS_LIMIT_PAST if past else YEAR_LESS_LIMIT)
        and not compiled.plan_period.search(text[: d.start])
    ]
    if future:
        return dates
    # Without a future word the sentence must not be told in the past; a
    # deadline ("до конца года") belongs to a joint action announced with one
    # ("договорились провести"), not to a plan's horizon; and a happening may
    # span the statement's date only over a coarse period ("в этом году у вас
    # выборы"), not a week it is already in.
    if past:
        return []
    return [
        d
        for d in dates
        if d.precision != "by" and (d.starts_on > today or (strong and d.precision not in FINE_PRECISIONS))
    ]


def event_from_sentence(
    sentence: Sentence, *, lang: str, today: dt.date, place_hint: str | None = None
) -> Event | None:
    """The upcoming event a sentence announces, or None."""
    if not is_event_sentence(sentence, lang):
        return None
    compiled = compiled_rules(lang)
    text = sentence.text
    strong, weak = happenings(text, compiled)
    invitations = list(compiled.invitation.finditer(text))
    if not (strong or weak or invitations) or compiled.negated.search(text):
        return None
    if compiled.hope.search(text) and not (compiled.scheduled.search(text) or invitations):
        return None
    # Future words, leaving out those of a holiday ("с предстоящим праздником");
    # an invitation looks ahead too.
    future = [m for m in compiled.future.finditer(text) if not compiled.holiday.match(text, m.end() + 1)]
    future += invitations
    # A holiday or an anniversary is an event only when someone comes to it
    # or a diplomatic happening is announced beside it.
    nouns = [m for m in strong if not VERB_LIKE.match(m.group(0))]
    taking_part = bool(invitations or compiled.participation.search(text))
    if compiled.holiday.search(text) and not ((nouns and future) or taking_part):
        return None
    # A parade or a ceremony alone is an event only with leaders or guests at it.
    if not strong and not taking_part:
        return None
    all_dates = find_dates(text, today=today, lang=lang)
    dates = _dates_ahead(
        text,
        all_dates,
        today,
        compiled,
        future=bool(future),
        past=told_in_past(text, lang),
        strong=bool(strong),
    )
    if not dates:
        return None
    date = choose_date(dates, future or strong or weak)
    if _inside_a_past_date(date, all_dates, today):
        return None
    anchor = title_anchor(strong, weak, date)
    title = event_title(text, lang=lang, anchor=anchor, dates=dates) if anchor else rules.INVITATION_TITLE[_lang(lang)]
    return Event(
        start=sentence.start,
        end=sentence.end,
        text=text,
        title=title,
        starts_on=date.starts_on,
        ends_on=date.ends_on,
        precision=date.precision,
        place=event_place(text, lang=lang) or (place_hint if HERE[_lang(lang)].search(text) else None),
        countries=tuple(sorted({m.code for m in find_countries(text, lang=lang)})),
    )


def find_events(
    sentences: Iterable[Sentence], *, lang: str, today: dt.date | None, place_hint: str | None = None
) -> list[Event]:
    """Dated upcoming events, one per sentence. Without the statement's date
    nothing can be told to lie ahead, so nothing is found."""
    if today is None:
        return []
    found = []
    for sentence in sentences:
        event = event_from_sentence(sentence, lang=lang, today=today, place_hint=place_hint)
        if event is not None:
            found.append(event)
    return found


# --------------------------------------------------------------------------
# Title and place
# --------------------------------------------------------------------------


def _lang(lang: str) -> str:
    return "en" if lang == "en" else "ru"


def event_title(text: str, *, lang: str, anchor: re.Match[str] | None, dates: list[DateMatch]) -> str:
    """A short phrase naming the event, as the text does, in the nominative."""
    if anchor is None:
        return ""
    compiled = compiled_rules(lang)
    head = anchor.group(0)
    if _lang(lang) == "ru":
        for pattern, noun in VERB_TITLES_RU:
            if pattern.match(head) and not head.lower().startswith(("встреч", "визит")):
                return noun
    else:
        for pattern, noun in VERB_TITLES_EN:
            if head.lower().startswith("will") and pattern.search(head):
                return noun
    # Right edge: the first stop word, date or end of the sentence.
    end = len(text)
    stop = compiled.title_stop.search(text, anchor.end())
    if stop:
        end = stop.start()
    for date in dates:
        if anchor.end() <= date.start < end:
            end = date.start
    future = compiled.future.search(text, anchor.end(), end)
    if future:
        end = future.start()
    right_words = WORD.findall(text[anchor.end() : end])
    phrase_words = WORD.findall(head)
    tail = right_words[: max(0, rules.TITLE_MAX_WORDS - len(phrase_words))]
    left = _left_modifiers(text[: anchor.start()], lang)
    if _lang(lang) == "ru":
        left, phrase_words = _nominative_ru(left, phrase_words)
    words = left + phrase_words + tail
    while len(words) > 1 and words[-1].lower() in TITLE_TRAILING:
        words.pop()
    return " ".join(words)


def _left_modifiers(before: str, lang: str) -> list[str]:
    words = WORD.findall(before)[-3:]
    taken: list[str] = []
    for word in reversed(words):
        if _lang(lang) == "ru":
            parse = analyzer().parse(word.lower())[0]
            if parse.tag.POS not in RU_MODIFIERS and not re.search(r"-\w+(?:ая|ое|ый|ий|ие|ые|ой)$", word):
                break
        else:
            if word.lower() in EN_TITLE_STOPWORDS or not re.match(r"[A-Za-z]", word):
                break
            if re.search(r"(?:ed|ing)$", word) and word[0].islower():
                break
        taken.append(word)
    return list(reversed(taken))


def _nominative_ru(left: list[str], head_words: list[str]) -> tuple[list[str], list[str]]:
    """Put the head noun and the adjectives before it into the nominative."""
    if not head_words:
        return left, head_words
    head = head_words[0]
    noun = next((p for p in analyzer().parse(head.lower()) if p.tag.POS == "NOUN"), None)
    if noun is None or noun.tag.case == "nomn":
        return left, head_words
    number = noun.tag.number or "sing"
    inflected = noun.inflect({"nomn", number})
    new_head = _keep_case(head, inflected.word) if inflected else head
    new_left = []
    for word in left:
        parse = next((p for p in analyzer().parse(word.lower()) if p.tag.POS in RU_MODIFIERS), None)
        grammemes = {"nomn", number} if number == "plur" else {"nomn", "sing", noun.tag.gender or "masc"}
        form = parse.inflect(grammemes) if parse is not None else None
        new_left.append(_keep_case(word, form.word) if form else word)
    return new_left, [new_head, *head_words[1:]]


def _keep_case(original: str, form: str) -> str:
    return form[:1].upper() + form[1:] if original[:1].isupper() else form


def event_place(text: str, *, lang: str) -> str | None:
    """The city after "в/во" ("во Владивостоке" -> "Владивосток"), or after
    "in/at" in English, as written in the nominative; None when none is named."""
    if _lang(lang) == "en":
        for match in EN_PLACE.finditer(text):
            place = match.group(1)
            if place.split()[0] not in rules.NOT_PLACES_EN:
                return place
        return None
    for match in re.finditer(r"\b(?:в|во|на)\s+((?-i:[А-ЯЁ])[\w-]+)", text, FLAGS):
        word = match.group(1)
        if word.isupper():
            continue  # an acronym (СНГ, ООН), not a city
        for parse in analyzer().parse(word):
            if parse.tag.POS == "NOUN" and "Geox" in parse.tag and parse.tag.case in {"loct", "loc2", "accs"}:
                return "-".join(part[:1].upper() + part[1:] for part in parse.normal_form.split("-"))
    return None
