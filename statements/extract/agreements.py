"""Agreements: sentences reporting that the sides agreed, signed or reaffirmed.

The rules live in agreement_rules.py; this module applies them to sentences
and works out the parties. See shared/gold/GUIDELINES.md, "Agreements".
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from statements.extract import agreement_rules as rules
from statements.extract.countries import find_countries
from statements.extract.records import Agreement
from statements.extract.sentences import Sentence
from statements.text.patterns import alternation

# How far before a trigger the subject is looked for.
SUBJECT_WINDOW = 120
# "Договорились." or "Договорились, так и сделаем." closing a dialogue turn.
BARE_REPLY = re.compile(r"^\s*(?:[.!?…»]|$|,\s*(?:так|хорошо|да|ладно|ok|okay|fine)\b)", re.IGNORECASE)
# Where the subject of an English verb can begin: a clause break or a verb
# taking a clause ("We know the Armenian leadership expressed ...").
EN_CLAUSE_BREAK = re.compile(
    r"[,;:(—–]|\b(?:that|know|knew|believe|think|hope|noted?|said|says|stated|recall(?:ed)?)\b", re.IGNORECASE
)
# A segment that is an adverbial, not a subject ("in a very friendly manner").
EN_ADVERBIAL = re.compile(
    r"^\s*(?:in|with|at|on|by|for|during|after|before|following|despite|amid|under|as|through|via|once|again|also)\b",
    re.IGNORECASE,
)
# A name set off by commas ("his counterpart, Karamoko Traoré, signed"). Runs are
# possessive: a capital is also a word character, and trying every way to cut
# "THE RUSSIAN FEDERATION" into capitalised words is exponential.
EN_APPOSITION = re.compile(r"^\s*+(?:(?-i:[A-Z])[\w'’.-]*+\s*+)++$")
QUESTION_START = re.compile(r"^\W*(?:вопрос|question)\b", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Trigger:
    name: str
    pattern: re.Pattern[str]
    kind: str
    needs: str


@dataclass(frozen=True, slots=True)
class _Rules:
    triggers: tuple[_Trigger, ...]
    hints: re.Pattern[str]
    joint: re.Pattern[str]
    mutual: re.Pattern[str]
    single_holder: re.Pattern[str]
    plural_subject: re.Pattern[str]
    unilateral: re.Pattern[str]
    negated_before: re.Pattern[str]
    not_only: re.Pattern[str]
    modal_before: re.Pattern[str]
    future_before: re.Pattern[str]
    relative_before: re.Pattern[str]
    relative_adverbial: re.Pattern[str]
    shared_start: re.Pattern[str]
    after_trigger: re.Pattern[str]
    sentence_exclusions: tuple[re.Pattern[str], ...]
    history: tuple[re.Pattern[str], ...]
    frame_start: re.Pattern[str]
    anaphoric_start: re.Pattern[str]
    first_person: re.Pattern[str]
    organisations: tuple[tuple[re.Pattern[str], str], ...]


@functools.cache
def compiled_rules(lang: str) -> _Rules:
    lang = "en" if lang == "en" else "ru"
    flags = rules.FLAGS
    triggers = tuple(
        _Trigger(name, re.compile(pattern, flags), kind, needs) for name, pattern, kind, needs in rules.TRIGGERS[lang]
    )
    return _Rules(
        triggers=triggers,
        # One alternation is several times faster than testing each stem in turn.
        hints=re.compile(alternation(rules.TRIGGER_HINTS[lang])),
        joint=re.compile(rules.JOINT_SUBJECT[lang], flags),
        mutual=re.compile(rules.MUTUAL[lang], flags),
        single_holder=re.compile(rules.SINGLE_HOLDER[lang], flags),
        plural_subject=re.compile(rules.EN_PLURAL_SUBJECT, flags),
        unilateral=re.compile(rules.UNILATERAL_OBJECT[lang], flags),
        negated_before=re.compile(rules.NEGATED_BEFORE[lang], flags),
        not_only=re.compile(rules.NOT_ONLY[lang] + r"\s*$", flags),
        modal_before=re.compile(rules.MODAL_BEFORE[lang], flags),
        future_before=re.compile(rules.FUTURE_BEFORE[lang], flags),
        relative_before=re.compile(rules.RELATIVE_BEFORE[lang], flags),
        relative_adverbial=re.compile(rules.RELATIVE_ADVERBIAL[lang], flags),
        shared_start=re.compile(rules.SHARED_START[lang], flags),
        after_trigger=re.compile(rules.AFTER_TRIGGER_EXCLUSIONS[lang], flags),
        sentence_exclusions=tuple(re.compile(p, flags) for p in rules.SENTENCE_EXCLUSIONS[lang]),
        history=tuple(re.compile(p, flags) for p in rules.HISTORY[lang]),
        frame_start=re.compile(rules.FRAME_START[lang], flags),
        anaphoric_start=re.compile(rules.ANAPHORIC_START[lang], flags),
        first_person=re.compile(rules.FIRST_PERSON[lang], flags),
        organisations=tuple((re.compile(p), code) for p, code in rules.ORGANISATIONS[lang]),
    )


_YEAR_BEFORE = re.compile(rules.YEAR_NOT_HISTORY_BEFORE, re.IGNORECASE)
_YEAR_AFTER = re.compile(rules.YEAR_NOT_HISTORY_AFTER, re.IGNORECASE)
_YEAR_OF_DOCUMENT = re.compile(rules.YEAR_OF_DOCUMENT_BEFORE, re.IGNORECASE)


def is_question(sentence: Sentence) -> bool:
    text = sentence.text.rstrip()
    return sentence.in_question or text.endswith("?") or bool(QUESTION_START.match(text))


def past_years(text: str, today: dt.date | None) -> list[int]:
    """Explicit years earlier than the statement's own, not the end of a plan."""
    if today is None:
        return []
    years = []
    for match in rules.YEAR_RANGE.finditer(text):
        first, last = match.group(1), match.group(2)
        end = int(last) if len(last) == 4 else int(first[:2] + last)
        if end < today.year:
            years.append(end)
    for match in rules.YEAR.finditer(text):
        year = int(match.group(1))
        if year >= today.year:
            continue
        if _YEAR_BEFORE.search(text[max(0, match.start() - 30) : match.start()]):
            continue
        if _YEAR_OF_DOCUMENT.search(text[max(0, match.start() - 40) : match.start()]):
            continue
        if _YEAR_AFTER.match(text[match.end() : match.end() + 20]):
            continue
        years.append(year)
    return years


def is_history(text: str, lang: str, today: dt.date | None) -> bool:
    compiled = compiled_rules(lang)
    if any(pattern.search(text) for pattern in compiled.history):
        return True
    return bool(past_years(text, today))


# An agreement dated more than this before the statement was reached at other
# talks than those the statement covers ("understandings were reached at the
# summit on August 15", said in December).
EARLIER_TALKS_DAYS = 31


def dated_earlier(text: str, lang: str, today: dt.date | None, before: int | None = None) -> bool:
    """Whether the sentence dates what it tells to a day or month well before
    the statement. Only dates before `before` (the trigger) frame the report:
    those after it belong to what was agreed ("договорились встретиться 9 мая").
    A yearless date there is the latest such date before the statement."""
    from statements.extract.dates import find_dates

    if today is None:
        return False
    for date in find_dates(text[:before], today=today, lang=lang):
        if date.precision not in {"day", "decade", "month"}:
            continue
        if _YEAR_OF_DOCUMENT.search(text[max(0, date.start - 40) : date.start]):
            continue
        ends_on = date.ends_on
        if ends_on > today and not re.search(r"\d{4}", date.text):
            ends_on = _a_year_earlier(ends_on)
        if (today - ends_on).days > EARLIER_TALKS_DAYS:
            return True
    return False


def _a_year_earlier(day: dt.date) -> dt.date:
    return day.replace(year=day.year - 1, day=28) if (day.month, day.day) == (2, 29) else day.replace(year=day.year - 1)


def sets_past_frame(text: str, lang: str, today: dt.date | None) -> bool:
    """Whether the sentence opens with an earlier year ("In 2025, ..."), the frame of what follows."""
    match = compiled_rules(lang).frame_start.match(text)
    return bool(match and today is not None and int(match.group(1)) < today.year)


def _subject_is_plural_en(prefix: str, compiled: _Rules) -> bool:
    """Whether the clause before an English verb has a plural or joint subject."""
    window = prefix[-SUBJECT_WINDOW:]
    if not re.search(r"\w", window):
        return True  # the verb opens the sentence
    segments = EN_CLAUSE_BREAK.split(window)
    for segment in reversed(segments):
        if not re.search(r"\w", segment):
            continue
        plural = bool(compiled.joint.search(segment) or compiled.plural_subject.search(segment))
        if plural:
            return True
        if not (EN_ADVERBIAL.match(segment) or EN_APPOSITION.match(segment)):
            return False
    return False


def _trigger_holds(
    trigger: _Trigger,
    match: re.Match[str],
    text: str,
    compiled: _Rules,
    lang: str,
    press: bool = False,
    joint_document: bool = False,
) -> bool:
    before = text[: match.start()]
    after = text[match.end() :]
    if compiled.negated_before.search(before) and not compiled.not_only.search(before):
        return False
    if compiled.modal_before.search(before) or compiled.future_before.search(before):
        return False
    relative = compiled.relative_before.search(before)
    if relative and not compiled.relative_adverbial.search(before[: relative.start()]):
        return False
    if compiled.after_trigger.match(after):
        return False
    # A bare "Договорились." in a dialogue is a reply, not a report.
    single_word = len(match.group(0).split()) == 1
    if trigger.kind == "agreed" and not trigger.needs and single_word and BARE_REPLY.match(after):
        if len(re.findall(r"\w+", before.rsplit(":", 1)[-1])) < 3:
            return False
    if trigger.kind == "reaffirmed":
        if compiled.single_holder.search(text):
            return False
        if compiled.unilateral.search(text) and not compiled.mutual.search(text):
            return False
    if trigger.needs == "joint":
        return bool(compiled.joint.search(before[-SUBJECT_WINDOW:]))
    if trigger.needs == "mutual":
        return bool(compiled.mutual.search(text)) and not compiled.single_holder.search(text)
    if trigger.needs == "shared":
        return bool(
            compiled.first_person.search(text) or compiled.joint.search(text) or compiled.shared_start.match(text)
        )
    if trigger.needs == "counterpart":
        return not press
    if trigger.needs == "joint_document":
        return joint_document
    if trigger.needs == "plural":
        return _subject_is_plural_en(before, compiled)
    if trigger.needs == "plural_clause":
        # A participle's subject is the clause's: the start of the sentence.
        return _subject_is_plural_en(EN_CLAUSE_BREAK.split(before, maxsplit=1)[0][:SUBJECT_WINDOW], compiled)
    return True


def classify(text: str, lang: str, *, press: bool = False, joint_document: bool = False) -> str | None:
    """The kind of agreement a sentence reports by its wording alone, or None.

    `press`: the statement is a dialogue with journalists (an interview, a
    briefing), where "I agree with you" is said to a journalist, not to a
    counterpart. `joint_document`: the statement is the sides' joint text, whose
    "we" is all of them. History, questions and parties are judged by the caller.
    """
    found = first_trigger(text, lang, press=press, joint_document=joint_document)
    return found[1] if found else None


def first_trigger(
    text: str, lang: str, *, press: bool = False, joint_document: bool = False
) -> tuple[int, str] | None:
    """(where, kind) of the first trigger that holds in the sentence, or None."""
    compiled = compiled_rules(lang)
    lowered = text.lower()
    if not compiled.hints.search(lowered):
        return None
    if any(pattern.search(text) for pattern in compiled.sentence_exclusions):
        return None
    found: list[tuple[int, str]] = []
    for trigger in compiled.triggers:
        for match in trigger.pattern.finditer(text):
            if _trigger_holds(trigger, match, text, compiled, lang, press, joint_document):
                found.append((match.start(), trigger.kind))
                break
    return min(found) if found else None


def organisations_in(text: str, lang: str) -> list[str]:
    return [code for pattern, code in compiled_rules(lang).organisations if pattern.search(text)]


def parties_of(text: str, *, lang: str, speaker_country: str | None, counterpart: str | None) -> tuple[str, ...]:
    """Countries named in the sentence, the speaker's side, and the counterpart
    of the statement when the sentence names no other party."""
    codes = {match.code for match in find_countries(text, lang=lang)}
    if speaker_country:
        codes.add(speaker_country)
    others = codes - {speaker_country}
    if not others and counterpart and counterpart != speaker_country:
        codes.add(counterpart)
    if not (codes - {speaker_country}):
        codes.update(organisations_in(text, lang))
    return tuple(sorted(codes))


def find_agreements(
    sentences: Iterable[Sentence],
    *,
    lang: str,
    speaker_country: str | None = "RU",
    today: dt.date | None,
    counterpart: str | None = None,
    domestic: bool = False,
    press: bool = False,
    joint_document: bool = False,
) -> list[Agreement]:
    """Agreements reported as facts in the sentences (one per sentence).

    `counterpart` is the statement's main other party (a country code or an
    organisation acronym), added to the parties of a sentence that names no
    other. In a `domestic` statement (a governor's report, a cabinet meeting)
    "мы договорились" is between officials, not countries: only a sentence
    naming a foreign party counts there. In a `press` dialogue (an interview,
    a briefing) "согласен с Вами" answers a journalist; in a `joint_document`
    "we reaffirm" speaks for all the signatories.
    """
    found = []
    previous: Sentence | None = None
    previous_frame = False
    for sentence in sentences:
        text = sentence.text
        framed = (
            previous_frame
            and previous is not None
            and previous.paragraph == sentence.paragraph
            and bool(compiled_rules(lang).anaphoric_start.match(text))
        )
        previous, previous_frame = sentence, sets_past_frame(text, lang, today)
        trigger = first_trigger(text, lang, press=press, joint_document=joint_document)
        if trigger is None or is_question(sentence) or framed or is_history(text, lang, today):
            continue
        at, kind = trigger
        # A reaffirmation may cite an earlier date; an agreement dated then is history.
        if kind == "agreed" and dated_earlier(text, lang, today, before=at):
            continue
        parties = parties_of(
            text, lang=lang, speaker_country=speaker_country, counterpart=None if domestic else counterpart
        )
        if domestic and len(parties) < 2:
            continue
        found.append(Agreement(start=sentence.start, end=sentence.end, text=text, kind=kind, parties=parties))
    return found
