"""Mentions of people, and the keys that merge the variants of one person's name.

The archive writes one person many ways: "С.В.Лавров", "Сергея Лаврова",
"Лавровым", "Sergey Lavrov's", "Mr Lavrov". Known people live in
``statements/data/people.csv``; every case form of their names is generated
once (rules for Russian surname declension, pymorphy3 for given names and
dictionary surnames), so finding them in a text is a dictionary lookup per
token. People outside the table are caught in the mid.ru/kremlin.ru
"И.О.Фамилия" style ("Т.Коно", "Е.Корочкиной") and normalised to the
nominative.
"""

from __future__ import annotations

import csv
import functools
import itertools
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from statements.extract.records import PersonMention
from statements.extract.sentences import at_sentence_start
from statements.text.morph import analyzer, parses
from statements.text.particles import ALSO_NAMES, HYPHEN_PARTICLES, NAME_PARTICLES
from statements.text.patterns import alternation
from statements.text.scripts import is_cyrillic
from statements.text.surnames import GENITIVE, NOMINATIVE, surname_nominative

DATA_FILE = Path(__file__).resolve().parent.parent / "data" / "people.csv"

# Name particles: never capitalised evidence of a name on their own, kept as
# written in surnames ("Бен Тарек Аль Саид", "von der Leyen"); not the ones
# that are also names ("Ван И", "Ben Wallace").
PARTICLES = NAME_PARTICLES - ALSO_NAMES

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")

# Words before a surname that say a person is meant ("Президента России
# В.В.Путина", "Министр иностранных дел КНР Ван И", "President Xi").
TITLE_STEMS_RU = tuple(
    """
    президент вице-президент премьер министр замминистр председател зампред госсекретар
    секретар пресс-секретар помощник советник представител посол посл посланник
    спецпосланник глав руководител канцлер корол султан принц эмир шейх лидер генсек
    генеральн господин госпож г-н г-жа коллег спикер мэр губернатор директор наследн
    маршал генерал визави
    """.split()
)
TITLE_STEMS_EN = tuple(
    """
    president vice premier minister secretary spokes ambassador envoy chairman chairwoman
    chair chancellor king queen sultan prince emir sheikh leader aide adviser advisor
    representative director speaker mr mrs ms dr counterpart colleague governor mayor
    general head deputy senator
    """.split()
)
TITLE_WINDOW = 4  # tokens before a name searched for a title

# Common given names written in Latin script: when one stands right before a
# known surname but is not that person's given name, it is someone else
# ("Fyodor Ushakov" is not Yury Ushakov). Russian uses pymorphy's Name tag.
EN_GIVEN_NAMES = frozenset(
    """
    alexander aleksandr alexei alexey alla anatoly andrei andrey anna anton artem artyom
    boris daria darya denis dmitri dmitry ekaterina elena evgeny fedor fyodor galina
    georgy grigory igor ilya irina ivan kirill konstantin ksenia lev leonid lyudmila
    maria marina maxim maksim mikhail nadezhda natalia natalya nikita nikolai nikolay
    oleg olga pavel polina pyotr roman semyon sergei sergey stepan svetlana tatiana
    tatyana timur vadim valentina valery vasily vera viktor vitaly vladimir vyacheslav
    yaroslav yekaterina yelena yevgeny yulia yuri yury
    john james robert michael william david richard joseph thomas charles daniel mark
    paul george kevin brian edward peter mary patricia jennifer linda elizabeth susan
    jessica sarah karen nancy
    """.split()
)

# Readings of a word after an initial that rule out a person: "Н.Новгород"
# is a city, "О. Мы" a transcript label followed by a pronoun.
NON_PERSON_TAGS = ("Geox", "Orgn", "Abbr", "NPRO", "PREP", "CONJ", "PRCL", "VERB", "ADVB")

# Russian -> Latin, the Foreign Ministry's style (Лавров -> Lavrov,
# Захарова -> Zakharova, Шойгу -> Shoigu); used for keys of people outside
# the table so "Т.Коно" and "T.Kono" meet. ё is written е, as it often is.
TRANSLIT = {
    cyrillic: latin.strip("'")  # "'" marks the signs, which are dropped
    for cyrillic, latin in zip(
        "абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
        "a b v g d e e zh z i y k l m n o p r s t u f kh ts ch sh shch ' y ' e yu ya".split(),
        strict=True,
    )
}
TRANSLIT_ENDINGS = (("ий", "y"), ("ый", "y"))  # Дмитрий -> Dmitry, not Dmitriy

# Russian declension of names pymorphy3 does not know: endings of (gent,
# datv, accs, ablt, loct). Adjectival surnames ("Мединский", "Полянская")
# replace their last two letters.
ADJ_ENDINGS = {
    "masc": ("ого", "ому", "ого", "им", "ом"),
    "femn": ("ой", "ой", "ую", "ой", "ой"),
}
HISSING = "жшчщц"  # after these the instrumental is -ем ("Вучичем", "Шольцем")
FIXED_FINALS = "оеэиуюыё"  # foreign names in these vowels do not decline ("Шойгу", "Абэ")

GENITIVE_CUES = ("имени", "им.")  # "имени М.В.Ломоносова" names a man in the genitive
TOKEN_RE = re.compile(r"[^\W\d_]+(?:[-‐'’][^\W\d_]+)*")
POSSESSIVE_RE = re.compile(r"['’]s$")
INITIALS_BEFORE_RE = re.compile(r"(?<![^\W\d_])((?:[A-ZА-ЯЁ]\.\s?){1,3})$")
PATRONYMIC_RE = re.compile(r"(?:ович|евич|ич)(?:а|у|ем|е)?$|(?:овн|евн|ичн)(?:а|ы|е|у|ой)$")
INITIAL_RE = re.compile(r"\b[A-ZА-ЯЁ]\.")
ABBREVIATION_DOT_RE = re.compile(r"\b(Mr|Mrs|Ms|Dr|Gen|Sr|Jr|St|г-н|г-жа|тов)\.")
LATIN_EXTENDED_RE = re.compile("[\u00c0-\u024f]")

# People outside the table, in the "И.О.Фамилия" style. A surname may be
# several words joined by particles ("Х.Бен Тарек Аль Саид").
_RU_WORD = r"[А-ЯЁ][а-яё]+(?:-[А-ЯЁ]?[а-яё]+)*"
_RU_PART = r"(?:[Бб]ен|[Аа]ль|[Ии]бн|фон|дер|де|ван|ульд)"
UNKNOWN_RU_RE = re.compile(
    rf"(?<![\w.])(?P<ini>(?:[А-ЯЁ]\.(?P<sp>\s?)){{1,2}})"
    rf"(?P<sur>(?:{_RU_PART}\s+)?{_RU_WORD}(?:\s+{_RU_PART}\s+{_RU_WORD}|\s+{_RU_PART}-{_RU_WORD})*)"
)
_EN_WORD = r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*"
UNKNOWN_EN_RE = re.compile(rf"(?<![\w.])(?P<ini>(?:[A-Z]\.(?P<sp>\s?)){{1,2}})(?P<sur>{_EN_WORD})")
# Capitalised English words that follow an initial without being a surname
# (list items "B. They ...", "H.E. Mr ...", "U.S. Embassy").
EN_NOT_SURNAMES = frozenset(
    """
    a about according after again against all already also although an and another
    any are as at before both but by can could do during each either even every for
    from further had has have he her here his how however i if in into is it its just
    let many may more most mr mrs ms dr my neither no nor not now of on once one only
    or other our over she since so some such than that the their them then there these
    they this those though through to under unlike until upon we were what when where
    whether which while who why will with within without would yet you your
    embassy department government ministry office president minister secretary
    """.split()
)


# ---------------------------------------------------------------- text utilities


def _fold_table() -> dict[int, str]:
    table = {ord("ё"): "е", ord("ı"): "i", ord("ß"): "ss", ord("ø"): "o", ord("ł"): "l"}
    for code in range(0xC0, 0x250):
        char = chr(code)
        base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
        if base != char and base.isascii():
            table[code] = base.lower()
    return table


FOLD = _fold_table()


def _fold(word: str) -> str:
    """Lookup key of a token: lower case, ё as е, Latin diacritics dropped."""
    lower = word.lower()
    if lower.isascii():
        return lower
    if LATIN_EXTENDED_RE.search(lower):
        return lower.translate(FOLD)
    return lower.replace("ё", "е")


class _Token(NamedTuple):  # a tuple: thousands are made per statement
    start: int
    end: int
    text: str
    key: str


def _tokens(text: str, regex: re.Pattern = TOKEN_RE) -> list[_Token]:
    out = []
    append = out.append
    for m in regex.finditer(text):
        word, start = m.group(), m.start()
        if "'" in word or "’" in word:
            word = POSSESSIVE_RE.sub("", word)
        if "-" in word:
            head, _, tail = word.partition("-")
            # "аш-Шараа" as "аш Шараа": both spellings meet in one index.
            if tail[:1].isupper() and _fold(head) in HYPHEN_PARTICLES:
                append(_Token(start, start + len(head), head, _fold(head)))
                start += len(head) + 1
                word = tail
        append(_Token(start, start + len(word), word, _fold(word)))
    return out


def _pattern_keys(name: str) -> tuple[str, ...]:
    return tuple(t.key for t in _tokens(name))


def _capitalised(word: str) -> bool:
    return word[:1].isupper()


# ---------------------------------------------------------------- morphology


def _is_given_name_ru(word: str) -> bool:
    lower = word.lower()
    return analyzer().word_is_known(lower) and any(
        "Name" in p.tag and "sing" in p.tag and p.score >= 0.2 for p in parses(lower)
    )


def _decline_rule(word: str, gender: str, surname: bool) -> list[set[str]]:
    """The six case forms (sets of variants) of one name word by Russian rules."""
    w = word.lower()
    fixed = [{w} for _ in CASES]
    if w in PARTICLES or len(w) < 2 or not is_cyrillic(w):
        return fixed
    if "-" in w:  # "Касым-Жомарт", "Львова-Белова": last part, and every part
        parts = w.split("-")
        lasts = _decline_rule(parts[-1], gender, surname)
        alls = [_decline_rule(p, gender, surname) for p in parts]
        out = []
        for i in range(len(CASES)):
            forms = {"-".join(parts[:-1] + [f]) for f in lasts[i]}
            forms |= {"-".join(combo) for combo in itertools.product(*(a[i] for a in alls))}
            out.append(forms)
        return out

    def build(stem: str, endings: tuple[str, ...]) -> list[set[str]]:
        return [{w}] + [{stem + e for e in ending.split("|")} for ending in endings]

    last = w[-1]
    if gender == "femn":
        if surname and w.endswith(("ская", "цкая", "ная", "ая")):
            return build(w[:-2], ADJ_ENDINGS["femn"])
        if surname and w.endswith(("ова", "ева", "ёва", "ина", "ына")):
            return build(w[:-1], ("ой", "ой", "у", "ой", "ой"))
        if last not in "ая":
            return fixed  # "Бербок", "Меркель", "Санду"
    else:
        if surname and w.endswith(("ский", "цкий", "ской", "цкой", "ный", "ной", "ый", "ой")):
            return build(w[:-2], ADJ_ENDINGS["masc"])
        if surname and w.endswith(("ов", "ев", "ёв", "ин", "ын")):
            return build(w, ("а", "у", "а", "ым|ом", "е"))
    if last in FIXED_FINALS:
        return fixed
    if w.endswith("ия"):
        return build(w[:-1], ("и", "и", "ю", "ей", "и"))
    if last == "я":
        return build(w[:-1], ("и", "е", "ю", "ей", "е"))
    if last == "а":
        if w[-2] in "аеиоуэюя":  # "Шараа": a vowel before -а does not decline
            return fixed
        gen = "и" if w[-2] in "гкхжшчщ" else "ы"
        ins = "ей" if w[-2] in HISSING else "ой"
        return build(w[:-1], (gen, "е", "у", ins, "е"))
    if gender == "femn":
        return fixed
    if w.endswith("ий"):
        return build(w[:-1], ("я", "ю", "я", "ем", "и"))
    if last in "йь":
        return build(w[:-1], ("я", "ю", "я", "ем", "е"))
    ins = "ем" if last in HISSING else "ом"
    return build(w, ("а", "у", "а", ins, "е"))


def _decline_morph(word: str, gender: str) -> list[set[str]]:
    """Case forms from pymorphy3's dictionary, for known given names and surnames."""
    w = word.lower()
    if not is_cyrillic(w) or "-" in w or not analyzer().word_is_known(w):
        return [set() for _ in CASES]
    for p in parses(w):
        tag = p.tag
        if not ({"Name", "Surn"} & set(tag.grammemes)) or "nomn" not in tag or "plur" in tag:
            continue
        if tag.gender in ("masc", "femn") and tag.gender != gender:
            continue
        out = []
        for case in CASES:
            form = p.inflect({case, "sing"})
            out.append({form.word} if form else set())
        return out
    return [set() for _ in CASES]


def _gender(row: dict) -> str:
    surname = row["surname_ru"].lower()
    if surname.endswith(("ова", "ева", "ёва", "ина", "ская", "цкая")):
        return "femn"
    given = _given_words(row["name_ru"], row["surname_ru"])
    if given:
        known = analyzer().word_is_known(given[0].lower())
        for p in parses(given[0].lower()) if known else ():
            if "Name" in p.tag and p.tag.gender:
                return p.tag.gender
        if given[0].lower().endswith(("а", "я")):
            return "femn"
    return "masc"


def _name_forms(name: str, gender: str, surname_words: frozenset[str]) -> set[tuple[str, ...]]:
    """Every case form of a multiword Russian name, as tuples of lookup keys.

    All words take the same case ("Мухаммедом Бен Заидом Аль Нахайяном"); a
    variant with only the last word declined covers East Asian names
    ("Ким Чен Ына", "То Лама").
    """
    words = [t.text for t in _tokens(name)]
    per_word = []
    for word in words:
        if _fold(word) in PARTICLES:
            per_word.append([{_fold(word)} for _ in CASES])
            continue
        rule = _decline_rule(word, gender, word.lower() in surname_words)
        morph = _decline_morph(word, gender)
        per_word.append([{_fold(f) for f in r | m} for r, m in zip(rule, morph, strict=True)])
    forms = set()
    for i in range(len(CASES)):
        forms.update(itertools.product(*(w[i] for w in per_word)))
        head = tuple(_fold(w) for w in words[:-1])
        forms.update(head + (f,) for f in per_word[-1][i])
    return forms


# ---------------------------------------------------------------- the table index


@dataclass(frozen=True, slots=True)
class _Entry:
    tokens: tuple[str, ...]
    caps: tuple[bool, ...]  # which tokens must be capitalised in the text
    person: int  # row index
    named: bool  # the pattern holds a given name, not the surname alone
    context: int  # 0: none needed, 1: at a sentence start, 2: always


@dataclass(slots=True)
class _Index:
    rows: list[dict]
    by_key: dict[str, dict]
    entries: dict[tuple[str, ...], list[_Entry]]  # token keys -> entries
    lengths: dict[str, tuple[int, ...]]  # first token key -> pattern lengths, longest first
    initials: list[frozenset[str]]  # row -> initials of its given names
    given_forms: list[frozenset[str]]  # row -> lookup keys of given-name forms
    surname_first: list[bool]  # row -> the family name leads ("Xi Jinping", "Ким Чен Ын")
    scan: re.Pattern  # the words a name can hold: capitalised ones and the lower-case ones of patterns


def _load_rows() -> list[dict]:
    with DATA_FILE.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _common_word_ru(form: str) -> bool:
    """A surname form that is also an ordinary word in the nominative ("Путина")."""
    name_score = common_score = 0.0
    for p in parses(form):
        if {"Name", "Surn", "Patr"} & set(p.tag.grammemes):
            name_score += p.score
        elif "nomn" in p.tag and not {"Geox", "Orgn", "Trad", "Abbr", "Init"} & set(p.tag.grammemes):
            common_score += p.score
    return analyzer().word_is_known(form) and common_score > name_score


def _given_words(name: str, surname: str) -> list[str]:
    surname_keys = set(_pattern_keys(surname))
    return [t.text for t in _tokens(name) if t.key not in surname_keys and t.key not in PARTICLES]


@functools.cache
def _index() -> _Index:
    rows = _load_rows()
    entries: dict[tuple[str, ...], set[_Entry]] = {}
    initials: list[frozenset[str]] = []
    given_forms: list[frozenset[str]] = []

    def add(pattern: str, tokens: tuple[str, ...], row: int, named: bool, context: int) -> None:
        caps = tuple(_capitalised(t.text) and t.key not in PARTICLES for t in _tokens(pattern))
        if tokens and len(caps) == len(tokens):
            entries.setdefault(tokens, set()).add(_Entry(tokens, caps, row, named, context))

    for i, row in enumerate(rows):
        gender = _gender(row)
        aliases = [a.strip() for a in row["aliases"].split(";") if a.strip()]
        inits, gforms = set(), set()
        for lang in ("ru", "en"):
            name, surname = row[f"name_{lang}"], row[f"surname_{lang}"]
            given = _given_words(name, surname)
            # kremlin.ru's "Лица" lists write the surname first: "Лукашенко Александр".
            names = [name] + ([f"{surname} {' '.join(given)}"] if given and lang == "ru" else [])
            mine = [a for a in aliases if is_cyrillic(a) == (lang == "ru")]
            bare = [surname] + [a for a in mine if len(_tokens(a)) == 1]
            names += [a for a in mine if len(_tokens(a)) > 1]
            names += [f"{' '.join(given)} {a}" for a in bare[1:] if given]  # "Аббасом Аракчи"
            for full in names:
                words = _given_words(full, surname)
                if words:
                    inits.add(words[0][0].upper())
            surname_words = frozenset(w.lower() for w in surname.split())
            for word in given:
                forms = _name_forms(word, gender, frozenset()) if lang == "ru" else {(_fold(word),)}
                gforms.update(f[0] for f in forms if len(f) == 1)
            for full in names:
                forms = _name_forms(full, gender, surname_words) if lang == "ru" else {_pattern_keys(full)}
                for form in forms:
                    add(full, form, i, True, 0)
            for sur in bare:
                short = len(sur.replace(" ", "")) <= 3
                forms = _name_forms(sur, gender, surname_words) if lang == "ru" else {_pattern_keys(sur)}
                for form in forms:
                    common = lang == "ru" and len(form) == 1 and _common_word_ru(form[0])
                    add(sur, form, i, False, 2 if short else 1 if common else 0)
        initials.append(frozenset(inits))
        given_forms.append(frozenset(gforms))
    return _Index(
        rows=rows,
        by_key={r["key"]: r for r in rows},
        entries={k: sorted(v, key=lambda e: (e.person, not e.named)) for k, v in entries.items()},
        lengths=_lengths(entries),
        initials=initials,
        given_forms=given_forms,
        surname_first=[_surname_first(row) for row in rows],
        scan=_scan_regex(_lower_case_words(entries)),
    )


def _lower_case_words(entries: dict[tuple[str, ...], set[_Entry]]) -> set[str]:
    words = set()
    for group in entries.values():
        for entry in group:
            words.update(k for k, cap in zip(entry.tokens, entry.caps, strict=True) if not cap)
    return words


def _lengths(entries: dict[tuple[str, ...], set[_Entry]]) -> dict[str, tuple[int, ...]]:
    lengths: dict[str, set[int]] = {}
    for tokens in entries:
        lengths.setdefault(tokens[0], set()).add(len(tokens))
    return {k: tuple(sorted(v, reverse=True)) for k, v in lengths.items()}


def _scan_regex(lower_words: set[str]) -> re.Pattern:
    """Tokens worth looking at: most words of a text are lower case and in no name,
    and skipping them makes a scan several times faster."""
    words = alternation(lower_words)
    return re.compile(rf"\b(?:[A-ZА-ЯЁÀ-ÖØ-Þ\u0100-\u024f]\w*|(?:{words})\b)(?:[-‐'’]\w+)*")


def _surname_first(row: dict) -> bool:
    name, surname = _pattern_keys(row["name_en"]), _pattern_keys(row["surname_en"])
    return len(name) > len(surname) and name[: len(surname)] == surname


# ---------------------------------------------------------------- matching


@dataclass(frozen=True, slots=True)
class _Found:
    start: int
    end: int
    person: int | None  # row index; None for someone outside the table
    initials: str
    surname: str  # nominative, for people outside the table


def _initials_before(text: str, start: int) -> tuple[str, int]:
    m = INITIALS_BEFORE_RE.search(text[max(0, start - 9) : start])
    if not m:
        return "", start
    return m.group(1), start - len(m.group(1))


def _title_before(text: str, start: int) -> bool:
    """A title among the few words before start, in the same sentence."""
    window = ABBREVIATION_DOT_RE.sub(r"\1", text[max(0, start - 100) : start])
    window = re.split(r"[.!?;:]", window)[-1]
    for word in TOKEN_RE.findall(window)[-TITLE_WINDOW:]:
        stems = TITLE_STEMS_RU if is_cyrillic(word) else TITLE_STEMS_EN
        if _fold(word).startswith(stems):
            return True
    return False


def _other_given_name(idx: _Index, tokens: list[_Token], i: int, text: str, person: int) -> bool:
    """The word before a bare surname is a given name, but not this person's."""
    if i > 0 and PATRONYMIC_RE.search(tokens[i - 1].key) and not text[tokens[i - 1].end : tokens[i].start].strip():
        i -= 1  # "Валерий Кузьмич Полянский": the given name is before the patronymic
    if i == 0:
        return False
    prev = tokens[i - 1]
    if text[prev.end : tokens[i].start].strip() or not _capitalised(prev.text):
        return False
    if prev.key in idx.given_forms[person]:
        return False
    if is_cyrillic(prev.text):
        return _is_given_name_ru(prev.text)
    return prev.key in EN_GIVEN_NAMES or prev.key in _en_given_names()


def _other_name_after(idx: _Index, tokens: list[_Token], j: int, text: str, person: int) -> bool:
    """A family name written first is followed by someone else's given name ("Jiang Yaping")."""
    if not idx.surname_first[person] or j >= len(tokens):
        return False
    nxt = tokens[j]
    if text[tokens[j - 1].end : nxt.start].strip() or not _capitalised(nxt.text):
        return False
    return nxt.key not in idx.given_forms[person]


@functools.cache
def _en_given_names() -> frozenset[str]:
    idx = _index()
    names = set()
    for row in idx.rows:
        for word in _given_words(row["name_en"], row["surname_en"]):
            names.add(_fold(word))
    return frozenset(names)


def _separated(text: str, a: _Token, b: _Token) -> bool:
    """Punctuation between two words of a name, bar a hyphen and an initial's dot."""
    between = text[a.end : b.start].strip(" \u00a0-")
    return bool(between) and not (between == "." and len(a.text) == 1)


def _match_at(idx: _Index, text: str, tokens: list[_Token], i: int) -> tuple[int, list[_Entry]]:
    """The longest table patterns starting at token i: (length, entries)."""
    for n in idx.lengths.get(tokens[i].key, ()):
        window = tokens[i : i + n]
        entries = idx.entries.get(tuple(t.key for t in window)) if len(window) == n else None
        if not entries:
            continue
        # One name is written without punctuation between its words.
        if any(_separated(text, a, b) for a, b in itertools.pairwise(window)):
            continue
        entries = [
            e for e in entries if all(_capitalised(t.text) or not cap for t, cap in zip(window, e.caps, strict=True))
        ]
        if entries:
            return n, entries
    return 0, []


def _known(text: str, tokens: list[_Token], *, as_name: bool) -> list[_Found]:
    """Table people in text; as_name: the text is a name, not running prose."""
    idx = _index()
    found: list[_Found] = []
    i = 0
    while i < len(tokens):
        if tokens[i].key not in idx.lengths:
            i += 1
            continue
        n, entries = _match_at(idx, text, tokens, i)
        if not n:
            i += 1
            continue
        start, end = tokens[i].start, tokens[i + n - 1].end
        inits, ini_start = _initials_before(text, start)
        if found and ini_start < found[-1].end:  # "Ван И. Ван И": that "И." ends a name
            inits, ini_start = "", start
        persons: dict[int, _Entry] = {}
        for entry in entries:
            if inits and inits[0] not in idx.initials[entry.person]:
                continue
            if not entry.named and not inits and _other_given_name(idx, tokens, i, text, entry.person):
                continue
            if not entry.named and _other_name_after(idx, tokens, i + n, text, entry.person):
                continue
            persons.setdefault(entry.person, entry)
        if len(persons) != 1:
            i += n if persons else 1
            continue
        person, entry = next(iter(persons.items()))
        if not entry.named and not as_name and not inits and entry.context:
            titled = _title_before(text, start)
            if entry.context == 2 and not titled:
                i += 1
                continue
            if entry.context == 1 and not titled and at_sentence_start(text, start, window=40):
                i += 1
                continue
        if inits:
            start = ini_start
        elif not entry.named:
            start = _given_name_start(idx, tokens, i, text, person)
        found.append(_Found(start, end, person, inits, ""))
        i += n
    return found


def _given_name_start(idx: _Index, tokens: list[_Token], i: int, text: str, person: int) -> int:
    """Extend a bare surname over its given name and patronymic ("Владимира Владимировича Путина")."""
    start = tokens[i].start
    j = i - 1
    if j >= 0 and PATRONYMIC_RE.search(tokens[j].key) and not text[tokens[j].end : start].strip():
        j -= 1
    if j >= 0 and tokens[j].key in idx.given_forms[person] and not text[tokens[j].end : tokens[j + 1].start].strip():
        return tokens[j].start
    return start


def _looks_like_surname_ru(word: str, *, spaced: bool) -> bool:
    readings = parses(word.lower())
    grammemes = set().union(*(set(p.tag.grammemes) for p in readings[:3]))
    if {"Surn", "Name"} & grammemes:
        return True
    if spaced:
        return False
    if any(tag in grammemes for tag in NON_PERSON_TAGS):
        return False
    return not analyzer().word_is_known(word.lower())


def _nominative_surname(surname: str, *, lang: str, keep: bool = False, genitive: bool = False) -> str:
    """The nominative of someone outside the table.

    keep: the surname is known to be nominative (a speaker label "Е.Корочкина:");
    genitive: it follows "имени" ("имени М.В.Ломоносова"), so a form that
    could be a woman's nominative is read as a man's genitive.
    """
    if lang != "ru" and not is_cyrillic(surname):
        return POSSESSIVE_RE.sub("", surname)
    if keep:
        return surname
    cases = GENITIVE if genitive else NOMINATIVE
    words = re.split(r"(\s+)", surname)
    return "".join(w if not w.strip() else surname_nominative(w, cases=cases) for w in words)


def _unknown(text: str, taken: list[tuple[int, int]]) -> list[_Found]:
    """People outside the table written "И.О.Фамилия" / "T.Kono"."""
    found = []
    for hit in INITIAL_RE.finditer(text):  # a cheap first pass: texts hold few initials
        latin = hit.group().isascii()
        m = (UNKNOWN_EN_RE if latin else UNKNOWN_RU_RE).match(text, hit.start())
        if m is None or any(s < m.end() and m.start() < e for s, e in taken):
            continue
        person = _unknown_person(text, m, latin=latin)
        if person is not None:
            found.append(person)
            taken.append((m.start(), m.end()))
    return found


def _unknown_person(text: str, m: re.Match, *, latin: bool) -> _Found | None:
    start, end = m.span()
    inits, surname, spaced = m.group("ini"), m.group("sur"), bool(m.group("sp"))
    if latin:
        if _fold(surname) in EN_NOT_SURNAMES:
            return None
        if spaced and (inits.count(".") > 1 or at_sentence_start(text, start, window=40)):
            return None  # "U.S. Embassy", a list item "B. They ..."
        nominative = surname
    else:
        words = [w for w in re.split(r"[\s-]+", surname) if w.lower() not in PARTICLES]
        if not words or not _looks_like_surname_ru(words[-1], spaced=spaced):
            return None  # "Х.Бен" alone is no name
        keep = text[end : end + 20].lstrip().startswith((":", "("))  # a speaker label
        genitive = text[max(0, start - 7) : start].rstrip().lower().endswith(GENITIVE_CUES)
        nominative = _nominative_surname(surname, lang="ru", keep=keep, genitive=genitive)
    return _Found(start, end, None, re.sub(r"\s+", "", inits), nominative)


def _find(text: str, *, as_name: bool = False) -> list[_Found]:
    tokens = _tokens(text, _index().scan)
    known = _known(text, tokens, as_name=as_name)
    unknown = _unknown(text, [(f.start, f.end) for f in known])
    return sorted(known + unknown, key=lambda f: f.start)


# ---------------------------------------------------------------- public API


def find_people(text: str, *, lang: str) -> list[PersonMention]:
    """Mentions of people in text, in order: table people in any case form and
    script variant, and others written "И.О.Фамилия"."""
    idx = _index()
    out = []
    for f in _find(text):
        if f.person is not None:
            row = idx.rows[f.person]
            suffix = "ru" if lang == "ru" else "en"
            name, surname = row[f"name_{suffix}"], row[f"surname_{suffix}"]
        else:
            name, surname = f.initials + f.surname, f.surname
        out.append(PersonMention(name=name, surname=surname, start=f.start, end=f.end, text=text[f.start : f.end]))
    return out


def _table_person(name: str) -> dict | None:
    idx = _index()
    people = {f.person for f in _find(name, as_name=True)}
    if len(people) == 1 and None not in people:
        return idx.rows[people.pop()]
    return None


def _translit(word: str) -> str:
    lower = word.lower()
    for ending, latin in TRANSLIT_ENDINGS:
        if lower.endswith(ending) and len(lower) > 3:
            return _translit(lower[: -len(ending)]) + latin
    return "".join(TRANSLIT.get(c, c) for c in lower)


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", _fold(text)).strip("-")


def _split_name(name: str, lang: str) -> tuple[str, str]:
    """(first initial, surname as written) of a name outside the table."""
    name = POSSESSIVE_RE.sub("", name.strip())
    m = re.match(r"^((?:[A-ZА-ЯЁ]\.\s?){1,3})(.+)$", name)
    if m:
        return m.group(1)[0], m.group(2).strip()
    words = name.split()
    if len(words) == 1 or words[0].lower() in PARTICLES:  # "Аль Нахайян"
        return "", name
    if lang == "ru" and PATRONYMIC_RE.search(words[-1].lower()):  # "Фамилия Имя Отчество"
        return words[1][0], words[0]
    for k, word in enumerate(words[1:], start=1):  # "Хейсам Бен Тарек Аль Саид"
        if word.lower() in PARTICLES:
            return words[0][0], " ".join(words[k:])
    return words[0][0], words[-1]


def normalise_surname(name: str, *, lang: str) -> str:
    """The nominative surname in lang's script: "С.В.Лаврова" -> "Лавров",
    "Захаровой" -> "Захарова", "Sergey Lavrov's" -> "Lavrov"."""
    row = _table_person(name)
    if row is not None:
        return row["surname_ru" if lang == "ru" else "surname_en"]
    _, surname = _split_name(name, lang)
    return _nominative_surname(surname, lang=lang)


def person_key(name: str, *, lang: str | None = None) -> str | None:
    """The key that merges every variant of one person's name: the table key,
    else transliterated nominative surname and first initial ("kono-t")."""
    if not name or not name.strip():
        return None
    row = _table_person(name)
    if row is not None:
        return row["key"]
    lang = lang or ("ru" if is_cyrillic(name) else "en")
    initial, surname = _split_name(name, lang)
    surname = _nominative_surname(surname, lang=lang)
    if not re.search(r"[^\W\d_]", surname):
        return None
    if is_cyrillic(surname):
        surname = " ".join(_translit(w) for w in re.split(r"([\s-])", surname))
        initial = _translit(initial)[:1] if initial else ""
    key = _slug(surname)
    return f"{key}-{_slug(initial)}" if initial else key


def person_record(key: str) -> dict | None:
    """The people.csv row of a table key, or None."""
    row = _index().by_key.get(key)
    return dict(row) if row else None


# ---------------------------------------------------------------- one person, one key

# A key outside the table with a given name's initial: "kono-t", "bkhutto-zardari-b".
INITIALLED_KEY_RE = re.compile(r"^(?P<surname>[a-z0-9-]+?)-(?P<initial>[a-z])$")


@dataclass(frozen=True, slots=True)
class KeyParts:
    """What a person key says of its person: surnames (slugs, both scripts' spellings) and given-name
    initials (empty for a bare surname). Bare surname < initials and surname < a row of people.csv."""

    key: str
    surnames: frozenset[str]
    initials: frozenset[str]
    table: bool

    @property
    def fullness(self) -> int:
        return 2 if self.table else 1 if self.initials else 0

    def could_be(self, other: KeyParts) -> bool:
        """other is a fuller writing of a name that may be this one: "Агапова" of "В.Агапова",
        "Ivanov" of "Игорь Иванов", "И.Иванов" of "Игорь Иванов", never "А.Захарова" of "Мария Захарова"."""
        return (other.fullness > self.fullness and bool(self.surnames & other.surnames)
                and (not self.initials or bool(self.initials & other.initials)))


def _latin_initial(letter: str) -> str:
    return _translit(letter)[:1]


def _surname_slugs(surname_ru: str, surname_en: str) -> frozenset[str]:
    ru = _slug(" ".join(_translit(w) for w in re.split(r"([\s-])", surname_ru))) if surname_ru else ""
    return frozenset(s for s in (ru, _slug(surname_en)) if s)


@functools.cache
def _table_by_surname() -> dict[str, tuple[str, ...]]:
    idx = _index()
    out: dict[str, list[str]] = {}
    for row in idx.rows:
        for slug in _surname_slugs(row["surname_ru"], row["surname_en"]):
            out.setdefault(slug, []).append(row["key"])
    return {slug: tuple(keys) for slug, keys in out.items()}


@functools.lru_cache(maxsize=20_000)
def key_parts(key: str) -> KeyParts:
    """The KeyParts of a person key: from the people.csv row when there is one, else from the key.
    Cached: storing a statement asks it of every key of the surnames it names, each time."""
    idx = _index()
    row = idx.by_key.get(key)
    if row is not None:
        i = idx.rows.index(row)
        initials = frozenset(_latin_initial(c) for c in idx.initials[i])
        return KeyParts(key, _surname_slugs(row["surname_ru"], row["surname_en"]), initials, True)
    m = INITIALLED_KEY_RE.match(key)
    if m:
        return KeyParts(key, frozenset({m.group("surname")}), frozenset({m.group("initial")}), False)
    return KeyParts(key, frozenset({key}), frozenset(), False)


def table_keys_for_surnames(surnames: frozenset[str]) -> tuple[str, ...]:
    """The keys of people.csv rows with one of these surname slugs."""
    table = _table_by_surname()
    return tuple(dict.fromkeys(k for s in sorted(surnames) for k in table.get(s, ())))


def fuller_key(parts: KeyParts, others: list[KeyParts]) -> str | None:
    """The one key among others that is a fuller writing of parts' name, or None (none, or several people)."""
    found = {o.key for o in others if parts.could_be(o)}
    return found.pop() if len(found) == 1 else None


def resolve_keys(keys: list[str]) -> dict[str, str]:
    """Within one statement: each key -> the key of the person it names, a bare surname or initials going
    to the one fuller name of the same person in the statement ("Агапова" -> "agapova-v" beside
    "В.Агапова"); fullest first, so "Иванов" beside "И.Иванов" and "Игорь Иванов" ends at "ivanov-igor"."""
    parts = sorted({key_parts(k) for k in keys}, key=lambda p: -p.fullness)
    out: dict[str, str] = {}
    for p in parts:  # the fuller ones are resolved already: several writings of one person count once
        found = {out[o.key] for o in parts if p.could_be(o)}
        out[p.key] = found.pop() if len(found) == 1 else p.key
    return out
