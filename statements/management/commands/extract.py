import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from statements.extract import extract
from statements.extract.scoring import prediction_record
from statements.parse import parse_record
from statements.parse.files import ParseFailure, iter_file
from statements.parse.records import ParseError


class Command(BaseCommand):
    help = (
        "Print the parse and extraction of a statement as JSON, without the database: a .txt file, line N of "
        "a .jsonl file (--line), or every record (--all, one JSON object per line)."
    )
    requires_system_checks = []  # pure: works with no database at all

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--line", type=int, default=1, help="1-based line of a .jsonl/.csv file (default 1)")
        parser.add_argument("--all", action="store_true", help="every record, one JSON object per line")

    def handle(self, *args, path: str, line: int, all: bool, **options):
        source = Path(path)
        if not source.is_file():
            raise CommandError(f"no such file: {path}")
        if line < 1:
            raise CommandError("--line counts from 1")
        found = False
        failed = 0
        for item in iter_file(source):
            if not all and item.line != line:
                continue
            found = True
            if isinstance(item, ParseFailure):
                if not all:
                    raise CommandError(str(item))
                self.stderr.write(str(item))
                failed += 1
                continue
            try:
                parsed = parse_record(item.record)
            except ParseError as exc:
                if not all:
                    raise CommandError(f"{source}:{item.line}: {exc}") from exc
                self.stderr.write(f"{source}:{item.line}: {exc}")
                failed += 1
                continue
            record = prediction_record(parsed, extract(parsed))
            record["source"] = {"path": str(source), "line": item.line}
            self.stdout.write(json.dumps(record, ensure_ascii=False, indent=None if all else 2))
            if not all:
                return
        if not found:
            raise CommandError(f"{source} has no record at line {line}")
        if failed:
            raise CommandError(f"{failed} record(s) failed", returncode=1)
