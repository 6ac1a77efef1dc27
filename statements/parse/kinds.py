"""The kind of a statement from the head words of its title.

The table lives in statements/data/kinds.csv (tier, lang, pattern, kind,
example). Tier 1 rows mark a note that something will happen: they win
wherever they stand ("10 мая Владимир Путин проведёт переговоры", "a news
conference ... will be held"). Otherwise the head word standing first in the
title decides, so that "Выступление и ответы на вопросы СМИ" is a speech and
"Совместное заявление" beats the "заявление" inside it; on a tie the row
listed first wins.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

KINDS_CSV = Path(__file__).resolve().parents[1] / "data" / "kinds.csv"

# The vocabulary of shared/gold/GUIDELINES.md.
KINDS = (
    "speech", "interview", "press_conference", "briefing", "statement", "joint_statement",
    "comment", "article", "message", "phone_call", "meeting", "announcement", "other",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class KindRule:
    tier: int
    lang: str
    pattern: re.Pattern[str]
    kind: str


@cache
def kind_rules() -> tuple[KindRule, ...]:
    rules = []
    with KINDS_CSV.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["kind"] not in KINDS:
                raise ValueError(f"{KINDS_CSV}: unknown kind {row['kind']!r}")
            # A head word starts a word; it may end anywhere ("заявлени" + "е/я/ем").
            pattern = re.compile(rf"(?<![\w-])(?:{row['pattern']})", re.IGNORECASE)
            rules.append(KindRule(int(row["tier"]), row["lang"], pattern, row["kind"]))
    return tuple(rules)


def detect_kind(title: str) -> str:
    """The kind of the statement the title names; "other" when no head word is known."""
    rules = kind_rules()
    for rule in rules:
        if rule.tier == 1 and rule.pattern.search(title):
            return rule.kind
    best: tuple[int, int] | None = None
    kind = "other"
    for order, rule in enumerate(rules):
        if rule.tier != 2:
            continue
        match = rule.pattern.search(title)
        if match and (best is None or (match.start(), order) < best):
            best = (match.start(), order)
            kind = rule.kind
    return kind
