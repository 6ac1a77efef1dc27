"""Which extraction made a statement's stored items.

A statement records the version it was last extracted with
(Statement.extracted_with), so that `manage.py reextract` stopped halfway
resumes where it stopped: a re-run skips what the current code already did.
The version is a digest of the code and tables that decide what is stored:
the parsers, the finders, their tables and the search document. Any edit of
them is a new version, so nobody has to remember to bump a number.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent
# What a stored statement's items, links and search vectors depend on.
SOURCES = ("parse", "extract", "text", "data", "search/document.py", "search/entities.py")
SUFFIXES = (".py", ".csv")
LENGTH = 12


@cache
def extractor_version() -> str:
    digest = hashlib.sha256()
    for source in SOURCES:
        path = PACKAGE / source
        files = sorted(p for p in path.rglob("*") if p.suffix in SUFFIXES) if path.is_dir() else [path]
        for file in files:
            digest.update(file.relative_to(PACKAGE).as_posix().encode())
            digest.update(b"\0")
            digest.update(file.read_bytes())
            digest.update(b"\0")
    return digest.hexdigest()[:LENGTH]
