"""From a file on disk to stored statements: parse -> extract -> store."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from statements.extract import extract
from statements.parse import parse_record
from statements.parse.files import ParseFailure, RawItem, iter_file
from statements.parse.records import ParseError
from statements.services.store import store_statement

SUFFIXES = (".txt", ".jsonl", ".csv")


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Files as given; folders walked for statement files, in a stable order."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        else:
            yield path


@dataclass
class Summary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)

    def count(self, outcome: str) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)

    def __str__(self) -> str:
        return (f"created {self.created}, updated {self.updated}, unchanged {self.unchanged}, "
                f"failed {self.failed}")


def ingest_items(items: Iterable[RawItem | ParseFailure], summary: Summary) -> Iterator[None]:
    """Store each item; a bad one is recorded in the summary and the rest go on.

    Yields once per item so a caller can drive a progress bar.
    """
    for item in items:
        if isinstance(item, ParseFailure):
            summary.failures.append(str(item))
            yield
            continue
        try:
            parsed = parse_record(item.record)
            extraction = extract(parsed)
            result = store_statement(parsed=parsed, extraction=extraction, record=item.record)
        except ParseError as exc:
            summary.failures.append(f"{item.path}:{item.line}: {exc}")
        except Exception as exc:  # noqa: BLE001 - one bad record must not stop a batch
            # One line per failure: database errors carry DETAIL/CONTEXT lines.
            reason = (str(exc).splitlines() or [""])[0]
            summary.failures.append(f"{item.path}:{item.line}: {type(exc).__name__}: {reason}")
        else:
            summary.count(result.outcome)
        yield


def ingest_paths(paths: Iterable[str | Path]) -> Summary:
    summary = Summary()
    for path in expand_paths(paths):
        for _ in ingest_items(iter_file(path), summary):
            pass
    return summary
