"""Every compiled pattern of parse/, extract/ and text/ against adversarial text: none backtracks its way to a stall.

The patterns are found, not listed: module constants, the rule tables and
dataclasses holding them, and the tables that cached builders (`compiled_rules(lang)`,
`kind_rules()`) compile from data on first use. Each is timed with `finditer` (the
most work a search can do: it tries every position) on texts built from runs of
character classes, punctuation, mixed scripts and the pattern's own literals
repeated ("-на-Дону" twenty times), within the input bounds of parse/limits.py
(no word over MAX_WORD characters, no character repeated over MAX_RUN times).

Two bounds, both far from what a safe pattern takes and from what an unsafe one
does:
- Exponential backtracking shows on short texts: twenty-four repetitions of a
  fragment (at most a few hundred characters) take a linear pattern well under a
  millisecond, and took PLACE_NAME and EN_APPOSITION minutes. Bound: 0.25 s.
- Quadratic backtracking (a search that rereads the rest of a run from each
  position in it) shows on long texts: on 20,000 characters (a long paragraph;
  lines may have 500,000) a linear pattern takes at most some tens of
  milliseconds, a quadratic one about 200 million steps, seconds. Bound: 1 s.
  The texts tried long are the three a pattern was slowest on at 2,000
  characters, so that the run stays under a minute.
Times are the process's processor time, which a busy machine does not stretch.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import pkgutil
import re
import re._constants as sre_constants
import re._parser as sre_parser
import signal
import time
from collections.abc import Iterator

import pytest

from statements.parse.limits import MAX_RUN, MAX_WORD, WORD_CHARACTER

pytestmark = pytest.mark.slow

PACKAGES = ("statements.parse", "statements.extract", "statements.text")
SHORT_REPEATS = 24
SHORT_BOUND = 0.25
SCREEN_LENGTH = 2_000
LONG_LENGTH = 20_000
LONG_BOUND = 1.0
LONG_TRIED = 3

# Runs of each class, one character at a time.
CHARACTERS = list("aAzZяЯёЁ19 \n\t\r\xa0.,;:!?…-‐–—()[]{}<>«»„“”\"'’/\\|_*#@&%+=№§©é中") + ["\U0001f600", "\u200b"]
# Repeated fragments: datelines, initials, abbreviations, capitals, mixed scripts.
FRAGMENTS = [
    "-на-Дону", " на ", "Ростов-на-Дону, ", "Ab ", "Аб ", "THE ", "RUSSIAN ", "А.", "A.", "И. ", "И.И. ", "г. ",
    "гг. ", "1. ", ". ", ", ", ": ", "Mr. ", "e.g. ", "т.е. ", "aя", "Яz", "Aя", "12.", "2018 ", "2018-", "31 июля ",
    "July 31, ", "\n\n", "\n \n", " \n", "(a) ", ") (", "« »", "- ", " - ", " – ", "a-", "А-", "1-", "., ", "Ab.",
    "A-b ", "a b", "а б", "Ив ", "ов ", ". \n", "и ", "and ", "the ", "A and B ", "Россия и ", "de ", "'s ",
]
LETTERS = ["a", "A", "я", "Я", "1"]
GAPS = [" ", ".", "-", "'", ",", "\n", "(", "«"]
PAIRS = [letter + gap for letter in LETTERS for gap in GAPS]
PREFIXES = ["", "A", "Я", "Ростов"]
SUFFIXES = ["", "!", "?1"]

LONG_WORD_PIECE = re.compile(rf"{WORD_CHARACTER}{{{MAX_WORD}}}")
LONG_RUN_PIECE = re.compile(rf"(.)\1{{{MAX_RUN - 1}}}", re.DOTALL)


def _walk(value: object, path: str, seen: set[int], found: list[tuple[str, re.Pattern]], depth: int = 0) -> None:
    if depth > 8 or id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, re.Pattern):
        found.append((path, value))
    elif isinstance(value, dict):
        for key, item in value.items():
            _walk(item, f"{path}[{key!r}]", seen, found, depth + 1)
    elif isinstance(value, list | tuple | set | frozenset):
        for index, item in enumerate(value):
            _walk(item, f"{path}[{index}]", seen, found, depth + 1)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            _walk(getattr(value, field.name), f"{path}.{field.name}", seen, found, depth + 1)


def _modules() -> Iterator:
    for name in PACKAGES:
        package = importlib.import_module(name)
        yield package
        for info in pkgutil.iter_modules(package.__path__):
            yield importlib.import_module(f"{name}.{info.name}")


def compiled_patterns() -> dict[str, re.Pattern]:
    """Every pattern the packages compile, by where it lives; a pattern held in two places once."""
    found: list[tuple[str, re.Pattern]] = []
    for module in _modules():
        for name, value in vars(module).items():
            if getattr(value, "__module__", None) == module.__name__ and hasattr(value, "cache_info"):
                # A cached builder compiles its tables on first use: call it as the pipeline does.
                parameters = list(inspect.signature(value).parameters)
                if parameters == []:
                    _walk(value(), f"{module.__name__}.{name}()", set(), found)
                elif parameters == ["lang"]:
                    for lang in ("ru", "en"):
                        _walk(value(lang), f"{module.__name__}.{name}({lang!r})", set(), found)
            else:
                _walk(value, f"{module.__name__}.{name}", set(), found)
    unique: dict[tuple[str, int], tuple[str, re.Pattern]] = {}
    for path, pattern in found:
        unique.setdefault((pattern.pattern, pattern.flags), (path, pattern))
    return dict(unique.values())


def own_literals(pattern: re.Pattern) -> set[str]:
    """The literal strings and class members a pattern is written with: what its own input is made of."""
    out: set[str] = set()

    def visit(items) -> None:
        run: list[str] = []
        for op, arg in items:
            if op is sre_constants.LITERAL:
                run.append(chr(arg))
                continue
            if run:
                out.add("".join(run))
                run = []
            if op is sre_constants.IN:
                for kind, member in arg:
                    if kind is sre_constants.LITERAL:
                        out.add(chr(member))
                    elif kind is sre_constants.RANGE:
                        out.update((chr(member[0]), chr(member[1])))
            elif op is sre_constants.BRANCH:
                for branch in arg[1]:
                    visit(branch)
            elif op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT):
                visit(arg[2])
            elif op is sre_constants.SUBPATTERN:
                visit(arg[-1])
            elif op in (sre_constants.ASSERT, sre_constants.ASSERT_NOT):
                visit(arg[1])
            elif op is sre_constants.ATOMIC_GROUP:
                visit(arg)
        if run:
            out.add("".join(run))

    visit(sre_parser.parse(pattern.pattern, pattern.flags))
    return {text for text in out if 0 < len(text) <= 30}


def fragments(pattern: re.Pattern) -> list[str]:
    return list(dict.fromkeys(CHARACTERS + FRAGMENTS + PAIRS + sorted(own_literals(pattern))))


def within_bounds(text: str) -> str:
    """The text as ingestion lets it through: words and runs of one character cut at the bounds."""
    text = LONG_WORD_PIECE.sub(lambda m: m[0] + " ", text)
    return LONG_RUN_PIECE.sub(lambda m: m[0] + ("x" if m[1].isspace() else " "), text)


class TooSlow(Exception):
    pass


def _interrupt(signum, frame):
    raise TooSlow


def seconds(pattern: re.Pattern, text: str, limit: float) -> float:
    """The processor time finditer takes over the text; infinity when it is stopped after `limit` seconds.

    Processor time, not the clock's: backtracking is work, and a busy machine
    (the test suite shares it) stretches the clock, not the work.
    """
    previous = signal.signal(signal.SIGPROF, _interrupt)
    signal.setitimer(signal.ITIMER_PROF, limit)
    start = time.process_time()
    try:
        for _ in pattern.finditer(text):
            pass
        return time.process_time() - start
    except TooSlow:  # the regex engine checks for signals as it goes
        return float("inf")
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


PATTERNS = compiled_patterns()


def test_the_discovery_finds_the_rule_tables():
    """Module constants, dataclass fields, tuples of rules and cached builders' tables are all there."""
    assert len(PATTERNS) > 400
    for where in ("statements.parse.places.PLACE_NAME", "statements.extract.agreements.EN_APPOSITION",
                  "statements.extract.dates.RU_RULES[0].pattern", "statements.text.surnames.NOMINATIVE_RULES[0][0]"):
        assert where in PATTERNS
    assert any(path.startswith("statements.extract.agreements.compiled_rules('ru').triggers[") for path in PATTERNS)
    assert any(path.startswith("statements.extract.events.compiled_rules('en').") for path in PATTERNS)
    assert any(path.startswith("statements.parse.kinds.kind_rules()[") for path in PATTERNS)


def test_the_fuzz_catches_a_backtracking_pattern():
    """The two ways to stall, written as the probe found them, are caught by each bound."""
    exponential = re.compile(r"^[A-ZА-ЯЁ][\w’'.-]*(?:[ -](?:[A-ZА-ЯЁ][\w’'.-]*|на|de|del|am|upon|-на-))*$")
    assert slow_on_short_texts(exponential)
    quadratic = re.compile(r"\s*\bЕщё \d+\b")
    assert not slow_on_short_texts(quadratic) and slow_on_long_texts(quadratic)


def slow_on_short_texts(pattern: re.Pattern) -> list[str]:
    slow = []
    for fragment in fragments(pattern):
        for prefix in PREFIXES:
            for suffix in SUFFIXES:
                text = prefix + fragment * SHORT_REPEATS + suffix
                if seconds(pattern, text, SHORT_BOUND) > SHORT_BOUND:
                    slow.append(f"{text[:60]!r}... ({len(text)} characters): over {SHORT_BOUND} s")
                    return slow
    return slow


def slow_on_long_texts(pattern: re.Pattern) -> list[str]:
    screened = []
    for fragment in fragments(pattern):
        text = within_bounds(fragment * (SCREEN_LENGTH // len(fragment) + 1)) + "!"
        screened.append((seconds(pattern, text, LONG_BOUND), fragment))
    screened.sort(key=lambda pair: pair[0], reverse=True)
    slow = []
    for _, fragment in screened[:LONG_TRIED]:
        text = within_bounds(fragment * (LONG_LENGTH // len(fragment) + 1)) + "!"
        took = seconds(pattern, text, LONG_BOUND)
        if took > LONG_BOUND:
            slow.append(f"{fragment!r} repeated to {len(text)} characters: over {LONG_BOUND} s")
    return slow


@pytest.mark.parametrize("where", sorted(PATTERNS))
def test_no_pattern_backtracks_to_a_stall(where):
    pattern = PATTERNS[where]
    slow = slow_on_short_texts(pattern) or slow_on_long_texts(pattern)
    assert not slow, f"{where} = {pattern.pattern!r}: " + "; ".join(slow)
