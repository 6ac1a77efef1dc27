"""Parsers: one record of a source file in, a ParsedStatement out (pure Python).

parse_record() tells the source from the record itself (the URL's host, the
"source" field, or the shape: a page-text record has only its text) and hands
it to that source's module: midru_page (a mid.ru page copied as text), midru,
kremlin, telegram, ungd, and generic for anything else.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from urllib.parse import urlparse

from statements.parse.generic import parse_generic
from statements.parse.kremlin import parse_kremlin
from statements.parse.limits import bounds_problem, nesting_problem, url_problem
from statements.parse.midru import parse_midru
from statements.parse.midru_page import parse_midru_page
from statements.parse.records import ParsedStatement, ParseError
from statements.parse.telegram import parse_telegram
from statements.parse.ungd import parse_ungd

__all__ = ["ParseError", "ParsedStatement", "detect_source", "parse_record"]

# Hosts (and their subdomains) of the sources with their own parser.
HOSTS = {"mid.ru": "midru", "kremlin.ru": "kremlin", "t.me": "telegram", "telegram.me": "telegram"}
UNGD_MARKS = re.compile(r"General Debate|United_Nations_General_Debates|UNGDC", re.IGNORECASE)
UNGD_TITLE = re.compile(r"statement in the UN General Assembly general debate", re.IGNORECASE)

PARSERS: dict[str, Callable[[dict], ParsedStatement]] = {
    "midru_page": parse_midru_page,
    "midru": parse_midru,
    "kremlin": parse_kremlin,
    "telegram": parse_telegram,
    "ungd": parse_ungd,
    "generic": parse_generic,
}


def host_of(url: object) -> str:
    if not isinstance(url, str) or not url.strip():
        return ""
    url = url.strip()
    if "//" not in url:
        url = f"//{url}"
    try:
        return (urlparse(url).hostname or "").lower()
    except ValueError:  # "http://[::1": an unclosed IPv6 bracket
        return ""


def detect_source(record: dict) -> str:
    host = host_of(record.get("url"))
    for domain, source in HOSTS.items():
        if host == domain or host.endswith(f".{domain}"):
            return source
    source = record.get("source")
    meta = record.get("meta") if isinstance(record.get("meta"), dict) else {}
    upstream = f"{source or ''} {meta.get('upstream') or ''}"
    if UNGD_MARKS.search(upstream) or UNGD_TITLE.search(str(record.get("title") or "")):
        return "ungd"
    if isinstance(source, str):
        for domain, name in HOSTS.items():
            if domain in source.lower():
                return name
    # A page copied as text: nothing but the text.
    if not any(record.get(key) for key in ("title", "url", "date")):
        return "midru_page"
    return "generic"


def check_record(record: object) -> dict:
    if not isinstance(record, dict):
        raise ParseError(f"a record must be an object, not {type(record).__name__}")
    text = record.get("text")
    if text is None:
        raise ParseError("no text")
    if not isinstance(text, str):
        raise ParseError(f"text is not a string: {type(text).__name__}")
    if not text.strip():
        raise ParseError("no text")
    for name in ("title", "url", "source"):  # stored as they are: a number or a list would not do
        value = record.get(name)
        if value is not None and not isinstance(value, str):
            raise ParseError(f"{name} is not a string: {type(value).__name__}")
    meta = record.get("meta")
    if meta is not None and not isinstance(meta, dict):
        raise ParseError(f"meta is not an object: {type(meta).__name__}")
    for name, value in record.items():
        problem = nesting_problem(name, value)
        if problem:
            raise ParseError(problem)
        if has_nul(value):  # PostgreSQL takes no NUL in text nor in JSON
            raise ParseError(f"{name} holds a NUL character")
    # Bounds before any parsing, so that no field can make a parser crawl. (The URL is
    # read only for its host; the store bounds its length.)
    for name, value in strings_of({name: value for name, value in record.items() if name != "url"}):
        problem = bounds_problem(name, value)
        if problem:
            raise ParseError(problem)
    problem = url_problem(record.get("url"))
    if problem:
        raise ParseError(problem)
    return record


def strings_of(value: object, name: str = "") -> Iterator[tuple[str, str]]:
    """(field name, text) for every string in a record, meta's nested ones included."""
    if isinstance(value, str):
        yield name, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from strings_of(key, name or str(key))
            yield from strings_of(item, f"{name}.{key}" if name else str(key))
    elif isinstance(value, list):
        for item in value:
            yield from strings_of(item, name)


def has_nul(value: object) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(has_nul(k) or has_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(has_nul(v) for v in value)
    return False


def parse_record(record: dict) -> ParsedStatement:
    """The statement in one record; ParseError says why a record cannot be one."""
    record = check_record(record)
    statement = PARSERS[detect_source(record)](record)
    if not statement.title:
        raise ParseError("no title and none derivable from the text")
    if not statement.body:
        raise ParseError("no text")
    return statement
