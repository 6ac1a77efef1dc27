"""Golden files for the parsers: tests/data/<source>/<name>.in.(txt|json) beside
<name>.out.json, the parse pinned.

Regenerate after an intended change, then read the diff before committing:

    .venv/bin/python -m tests.parse.golden
"""

from __future__ import annotations

import json
from pathlib import Path

from statements.parse import parse_record
from statements.parse.files import RawItem, iter_file
from statements.parse.records import ParsedStatement

DATA = Path(__file__).resolve().parents[1] / "data"
SOURCES = ("midru_page", "midru", "kremlin", "telegram", "ungd", "generic")


def golden_inputs() -> list[Path]:
    return sorted(path for source in SOURCES for path in (DATA / source).glob("*.in.*"))


def expected_path(input_path: Path) -> Path:
    return input_path.with_name(input_path.name.split(".in.")[0] + ".out.json")


def parse_input(path: Path) -> ParsedStatement:
    if path.suffix == ".txt":
        (item,) = list(iter_file(path))
        assert isinstance(item, RawItem), item
        return parse_record(item.record)
    return parse_record(json.loads(path.read_text(encoding="utf-8")))


def summarise(statement: ParsedStatement) -> dict:
    paragraphs = statement.body.split("\n\n")
    summary = {
        "title": statement.title,
        "lang": statement.lang,
        "published_on": statement.published_on.isoformat() if statement.published_on else None,
        "published_at": statement.published_at.isoformat() if statement.published_at else None,
        "doc_number": statement.doc_number,
        "kind": statement.kind,
        "speakers": statement.speakers,
        "place": statement.place,
        "paragraphs": len(paragraphs),
        "first_paragraph": paragraphs[0],
        "last_paragraph": paragraphs[-1],
        "turns": {
            "count": len(statement.turns),
            "questions": sum(turn.is_question for turn in statement.turns),
            "speakers": sorted({turn.speaker for turn in statement.turns if turn.speaker}),
        },
    }
    if statement.meta_countries or statement.meta_topics or statement.meta_people:
        summary["meta_countries"] = statement.meta_countries
        summary["meta_topics"] = statement.meta_topics
        summary["meta_people"] = statement.meta_people
    return summary


def write_all() -> None:
    for path in golden_inputs():
        summary = summarise(parse_input(path))
        text = json.dumps(summary, ensure_ascii=False, indent=2) + "\n"
        expected_path(path).write_text(text, encoding="utf-8")
        print(expected_path(path).relative_to(DATA))


if __name__ == "__main__":
    write_all()
