"""Golden files: each source's records beside their expected parse (tests/data/<source>/)."""

import json

import pytest

from tests.parse.golden import SOURCES, expected_path, golden_inputs, parse_input, summarise

CASES = golden_inputs()


@pytest.mark.parametrize("path", CASES, ids=[f"{p.parent.name}/{p.name.split('.in.')[0]}" for p in CASES])
def test_golden(path):
    expected = json.loads(expected_path(path).read_text(encoding="utf-8"))
    assert summarise(parse_input(path)) == expected


def test_every_source_has_golden_files():
    assert {path.parent.name for path in CASES} == set(SOURCES)
