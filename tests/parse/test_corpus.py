"""Every record of the five corpus sources parses, streamed file by file."""

from pathlib import Path

import pytest

from statements.parse import parse_record
from statements.parse.files import ParseFailure, iter_file
from tests.shared import CORPUS

pytestmark = [pytest.mark.shared, pytest.mark.slow]
FILES = {
    "seed": (CORPUS / "seed", 1),
    "midru": (CORPUS / "midru" / "midru-statements.jsonl", 10),
    "kremlin": (CORPUS / "kremlin" / "kremlin-2025.jsonl", 200),
    "telegram": (CORPUS / "telegram-en" / "mfa-telegram-2025-2026.jsonl", 505),
    "ungd": (CORPUS / "ungd" / "ungd-speeches.jsonl", 2000),
}


def paths(location: Path) -> list[Path]:
    return sorted(location.glob("*.txt")) if location.is_dir() else [location]


@pytest.mark.parametrize("source", FILES)
def test_every_record_parses(source):
    location, count = FILES[source]
    parsed, failures = 0, []
    for path in paths(location):
        for item in iter_file(path):
            if isinstance(item, ParseFailure):
                failures.append(str(item))
                continue
            statement = parse_record(item.record)
            assert statement.title and statement.body and statement.published_on, f"{path}:{item.line}"
            assert "\n\n\n" not in statement.body and statement.body == statement.body.strip()
            parsed += 1
    assert failures == []
    assert parsed == count
