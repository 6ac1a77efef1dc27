import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from statements.parse.files import iter_file
from statements.services.ingest import Summary, expand_paths, ingest_items


class Command(BaseCommand):
    help = (
        "Ingest statements from files or folders: .txt page text, .jsonl records (title, date, url, lang, "
        "text, optional speaker, source, meta) or .csv with the same columns. A bad record fails alone."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar even on a terminal")

    def handle(self, *args, paths: list[str], no_progress: bool, **options):
        files = list(expand_paths(paths))
        missing = [str(p) for p in files if not p.exists()]
        if missing:
            raise CommandError(f"no such file or folder: {', '.join(missing)}")
        summary = Summary()
        show_progress = not no_progress and sys.stderr.isatty()
        for path in files:
            bar = tqdm(desc=Path(path).name, unit=" statements", disable=not show_progress, leave=False)
            with bar:
                for _ in ingest_items(iter_file(path), summary):
                    bar.update(1)
        for failure in summary.failures:
            self.stderr.write(failure)
        self.stdout.write(f"{len(files)} file(s): {summary}")
        if summary.failed:
            raise CommandError(f"{summary.failed} record(s) failed", returncode=1)
