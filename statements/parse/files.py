"""Reading statement files: one RawItem per record, a ParseFailure for what cannot be read.

Formats by suffix: .txt (one page-text statement, as shared/corpus/seed/),
.jsonl (one record per line), .csv (columns title,date,url,lang,text and
optionally speaker,source,meta). Files are streamed: a big JSON Lines file
never sits in memory whole, only one line (at most MAX_ITEM_BYTES) at a time.

Encodings: UTF-8 with or without a BOM, UTF-16 with a BOM, and CP1251 when the
bytes are not UTF-8 and read as Cyrillic. A binary file (NUL bytes), an empty
one, an undecodable one, or a page or line over MAX_ITEM_BYTES yields a
ParseFailure naming it; a bad line fails alone and the rest go on.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from statements.parse.limits import MAX_ITEM_BYTES

# Bytes looked at to tell the encoding and spot a binary file.
SNIFF_BYTES = 64 * 1024
READ_CHUNK = 1024 * 1024
# CP1251 is taken only when this share of the decoded non-ASCII characters is Russian.
CYRILLIC_SHARE = 0.9
# ...and when at most this share of the words with Cyrillic letters also hold Latin ones.
MIXED_SCRIPT_SHARE = 0.1
WORD = re.compile(r"[^\W\d_]+")
# What errors="surrogateescape" makes of an undecodable byte.
UNDECODED = re.compile("[\udc80-\udcff]")

CSV_REQUIRED = ("title", "date", "url", "lang", "text")
CSV_OPTIONAL = ("speaker", "source", "meta")
SUFFIXES = (".txt", ".jsonl", ".csv")


@dataclass(frozen=True)
class RawItem:
    path: Path
    line: int  # 1-based; 1 for a .txt page; a CSV record's first line
    record: dict


@dataclass(frozen=True)
class ParseFailure:
    path: Path
    line: int
    reason: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.reason}"


class UnreadableFile(Exception):
    """The whole file cannot be read; the message says why."""


def looks_cyrillic(text: str) -> bool:
    """CP1251-decoded text reads as Russian: its non-ASCII characters are
    nearly all Cyrillic letters or Russian typography («»–—…№). Random bytes
    decode to about half letters, half symbols."""
    non_ascii = [c for c in text if ord(c) > 127]
    if not non_ascii:
        return False
    russian = sum(1 for c in non_ascii if "\u0400" <= c <= "\u04ff" or c in "«»–—…№„“”’\xa0")
    if russian / len(non_ascii) < CYRILLIC_SHARE:
        return False
    # Latin-1 (French, German...) also decodes to Cyrillic letters, inside
    # Latin words: "Déclaration" reads "Dйclaration". Russian words are one script.
    cyrillic_words = [w for w in WORD.findall(text) if any("\u0400" <= c <= "\u04ff" for c in w)]
    mixed = sum(1 for w in cyrillic_words if any("a" <= c.lower() <= "z" for c in w))
    # A stray byte or two ("\xed\xa0\x80" reads "н Ђ") are no Russian words.
    return any(len(w) >= 3 for w in cyrillic_words) and mixed <= len(cyrillic_words) * MIXED_SCRIPT_SHARE


def mostly_utf8_lines(head: bytes) -> bool:
    """At least half of the head's non-ASCII lines are UTF-8: one Latin-1 or
    broken line in a UTF-8 file. (CP1251 Russian is practically never valid UTF-8.)"""
    lines = head.split(b"\n")
    if not head.endswith(b"\n") and len(lines) > 1:
        lines.pop()  # maybe cut by the sniff window
    good = bad = 0
    for line in lines:
        if line.isascii():
            continue
        try:
            line.decode("utf-8")
            good += 1
        except UnicodeDecodeError:
            bad += 1
    return good > 0 and good >= bad


def sniff_encoding(head: bytes) -> str:
    """The encoding of a file from its first bytes; UnreadableFile when it is binary."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if b"\x00" in head:
        raise UnreadableFile("binary file (NUL bytes), not text")
    try:
        head.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as error:
        # A multi-byte character cut by the sniff window is still UTF-8.
        if error.start >= len(head) - 3 and error.reason == "unexpected end of data":
            return "utf-8"
    if mostly_utf8_lines(head):
        return "utf-8"  # a bad line fails alone instead of making the good ones CP1251
    if looks_cyrillic(head.decode("cp1251", errors="replace")):
        return "cp1251"
    raise UnreadableFile("undecodable: neither UTF-8, UTF-16 nor Cyrillic CP1251")


def decode_line(data: bytes, encoding: str) -> str:
    """One line of a UTF-8 or CP1251 file; a line of another encoding than the
    file's head still decodes when it is CP1251 Cyrillic."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        if encoding != "cp1251" and not damaged_utf8(data):
            text = data.decode("cp1251", errors="replace")
            if looks_cyrillic(text) and "\ufffd" not in text:
                return text
        raise


def damaged_utf8(data: bytes) -> bool:
    """A UTF-8 line with a few bad bytes: most of its non-ASCII characters decode.
    Read as CP1251 it would be mojibake that looks Cyrillic ("Р—Р°СЏРІ"); a real
    CP1251 line has almost no valid UTF-8 sequences (a capital letter followed by
    "«", "»", "ё" or a no-break space at most)."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    return sum(1 for c in text if ord(c) > 127) - bad > bad


def iter_file(path: Path) -> Iterator[RawItem | ParseFailure]:
    """The records of one file, in order, each a RawItem or a ParseFailure."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        yield ParseFailure(path, 1, f"unsupported file type {path.suffix or '(none)'}; expected .txt, .jsonl or .csv")
        return
    try:
        size = path.stat().st_size
        if size == 0:
            raise UnreadableFile("empty file")
        with path.open("rb") as handle:
            encoding = sniff_encoding(handle.read(SNIFF_BYTES))
            handle.seek(0)
            if suffix == ".txt":
                yield from read_txt(path, handle, size, encoding)
            elif suffix == ".jsonl":
                yield from read_jsonl(path, handle, encoding)
            else:
                yield from read_csv(path, handle, encoding)
    except UnreadableFile as error:
        yield ParseFailure(path, 1, str(error))
    except OSError as error:
        yield ParseFailure(path, 1, f"cannot read: {error.strerror or error}")


def read_txt(path: Path, handle, size: int, encoding: str) -> Iterator[RawItem | ParseFailure]:
    if size > MAX_ITEM_BYTES:
        raise UnreadableFile(f"too large: {size} bytes, over {MAX_ITEM_BYTES} for one page")
    data = handle.read()
    encoding = sniff_encoding(data)  # the whole page, not only its head
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise UnreadableFile(f"undecodable as {encoding} at byte {error.start}") from None
    text = text.lstrip("\ufeff")
    if not text.strip():
        raise UnreadableFile("empty file")
    yield RawItem(path, 1, {"text": text, "title": None, "date": None, "url": None, "lang": None})


def binary_lines(handle) -> Iterator[tuple[int, bytes | None, str | None]]:
    """(line number, the line's bytes or None, reason when it is too long), streamed."""
    number = 0
    while True:
        line = handle.readline(MAX_ITEM_BYTES + 1)
        if not line:
            return
        number += 1
        if len(line) > MAX_ITEM_BYTES and not line.endswith(b"\n"):
            # Skip the rest of the oversized line without holding it.
            while (more := handle.readline(READ_CHUNK)) and not more.endswith(b"\n"):
                pass
            yield number, None, f"line too long: over {MAX_ITEM_BYTES} bytes"
            continue
        yield number, line, None


def text_lines(handle, encoding: str) -> Iterator[tuple[int, str | None, str | None]]:
    """Numbered lines decoded: UTF-16 through a text wrapper, the rest line by line."""
    if encoding == "utf-16":
        stream = io.TextIOWrapper(handle, encoding="utf-16", newline="")
        for number, line in enumerate(stream, start=1):
            if len(line) > MAX_ITEM_BYTES // 2:
                yield number, None, f"line too long: over {MAX_ITEM_BYTES} bytes"
            else:
                yield number, line, None
        return
    for number, data, problem in binary_lines(handle):
        if data is None:
            yield number, None, problem
            continue
        try:
            line = decode_line(data, encoding)
        except UnicodeDecodeError as error:
            yield number, None, f"undecodable as {encoding} at byte {error.start} of the line"
            continue
        yield number, line.lstrip("\ufeff") if number == 1 else line, None


def read_jsonl(path: Path, handle, encoding: str) -> Iterator[RawItem | ParseFailure]:
    seen = False
    try:
        for number, line, problem in text_lines(handle, encoding):
            if line is None:
                yield ParseFailure(path, number, problem or "unreadable line")
                continue
            if not line.strip():
                continue
            seen = True
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                yield ParseFailure(path, number, f"broken JSON: {error.msg} at column {error.colno}")
                continue
            except RecursionError:  # "[[[[...": the decoder gives up past about a thousand levels
                yield ParseFailure(path, number, "broken JSON: nested too deeply")
                continue
            if not isinstance(record, dict):
                yield ParseFailure(path, number, f"a record must be a JSON object, not {type(record).__name__}")
                continue
            yield RawItem(path, number, record)
    except UnicodeDecodeError as error:
        raise UnreadableFile(f"undecodable as {encoding}: {error.reason}") from None
    if not seen:
        raise UnreadableFile("empty file: no records")


def read_csv(path: Path, handle, encoding: str) -> Iterator[RawItem | ParseFailure]:
    # One field may hold a whole statement.
    csv.field_size_limit(min(sys.maxsize, MAX_ITEM_BYTES))
    # Undecodable bytes become lone surrogates, so that their record fails alone.
    stream = io.TextIOWrapper(handle, encoding=encoding, newline="", errors="surrogateescape")
    reader = csv.reader(stream)
    try:
        header = next(reader, None)
        if header is None:
            raise UnreadableFile("empty file")
        columns = [name.strip().lstrip("\ufeff").lower() for name in header]
        missing = [name for name in CSV_REQUIRED if name not in columns]
        if missing:
            raise UnreadableFile(f"CSV header lacks {', '.join(missing)}; expected {','.join(CSV_REQUIRED)}")
        seen = False
        previous_end = reader.line_num
        while True:
            start = previous_end + 1
            try:
                row = next(reader)
            except StopIteration:
                break
            except csv.Error as error:
                yield ParseFailure(path, start, f"broken CSV: {error}")
                previous_end = reader.line_num
                continue
            previous_end = reader.line_num
            if not any(cell.strip() for cell in row):
                continue
            seen = True
            if any(UNDECODED.search(cell) for cell in row):
                yield ParseFailure(path, start, f"undecodable as {encoding}")
                continue
            if len(row) != len(columns):
                yield ParseFailure(path, start, f"{len(row)} fields where the header has {len(columns)}")
                continue
            known = CSV_REQUIRED + CSV_OPTIONAL
            record = {name: value for name, value in zip(columns, row, strict=True) if name in known}
            for name in CSV_REQUIRED + CSV_OPTIONAL[:2]:
                if record.get(name, None) == "":
                    record[name] = None
            meta = record.get("meta")
            if meta:
                try:
                    record["meta"] = json.loads(meta)
                except json.JSONDecodeError as error:
                    yield ParseFailure(path, start, f"meta is not JSON: {error.msg}")
                    continue
                except RecursionError:
                    yield ParseFailure(path, start, "meta is not JSON: nested too deeply")
                    continue
            else:
                record.pop("meta", None)
            yield RawItem(path, start, record)
    except UnicodeDecodeError as error:
        raise UnreadableFile(f"undecodable as {encoding}: {error.reason}") from None
    if not seen:
        raise UnreadableFile("CSV file has a header but no records")
