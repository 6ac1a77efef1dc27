"""Reference annotations (shared/gold/GUIDELINES.md): where each one's statement text is."""

from __future__ import annotations

import json
from itertools import islice
from pathlib import Path

from statements.parse.files import ParseFailure, iter_file


def load_source(source: dict, *, base: Path) -> dict:
    """The raw record a reference annotation describes.

    `{"file": PATH}` is a page-text file and `{"jsonl": PATH, "line": N}` a line
    of a corpus file, both relative to `base` (the shared/ folder);
    `{"record": {...}}` carries the record itself (annotations exported from
    the archive by `export_gold`).
    """
    if "record" in source:
        return source["record"]
    if "file" in source:
        path = base / source["file"]
        items = list(islice(iter_file(path), 1))
    elif "jsonl" in source:
        line = int(source["line"])
        path = base / source["jsonl"]
        with path.open(encoding="utf-8") as handle:
            raw = next(islice(handle, line - 1, line), None)
        if raw is None:
            raise ValueError(f"{path} has no line {line}")
        return json.loads(raw)
    else:
        raise ValueError(f"unknown source {source!r}: expected file, jsonl or record")
    if not items or isinstance(items[0], ParseFailure):
        raise ValueError(str(items[0]) if items else f"{path} is empty")
    return items[0].record
