"""The archive's vocabularies as CSV tables (countries, organisations, equivalent phrases, topics, people,
kinds), and one reader for them."""

import csv
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent


@cache
def rows(name: str) -> tuple[dict[str, str], ...]:
    """The rows of one table, read once per process (callers must not change them)."""
    with (DATA_DIR / name).open(encoding="utf-8", newline="") as handle:
        return tuple(csv.DictReader(handle))
