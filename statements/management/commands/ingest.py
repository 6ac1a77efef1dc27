import sys

import tqdm as tqdm_module
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from statements.services.ingest import Summary, default_jobs, expand_paths, ingest_parallel, iter_paths


def positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise ValueError(value)
    return number


def seconds(value: str) -> float:
    number = float(value)
    if number < 0:
        raise ValueError(value)
    return number


class Command(BaseCommand):
    help = (
        "Ingest statements from files or folders: .txt page text, .jsonl records (title, date, url, lang, "
        "text, optional speaker, source, meta) or .csv with the same columns. A bad record fails alone. "
        "A record already stored with the same text is skipped, so a run stopped halfway can simply be run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar even on a terminal")
        parser.add_argument("--jobs", type=positive_int, default=None, metavar="N",
                            help=f"worker processes, each with its own database connection (default: the number "
                                 f"of cores, here {default_jobs()})")
        parser.add_argument("--budget", type=seconds, default=None, metavar="SECONDS",
                            help="a record taking longer fails alone (default: settings.INGEST_RECORD_SECONDS; "
                                 "0: no limit)")

    def handle(self, *args, paths: list[str], no_progress: bool, jobs: int | None, budget: float | None,
               **options):
        files = list(expand_paths(paths))
        missing = [str(p) for p in files if not p.exists()]
        if missing:
            raise CommandError(f"no such file or folder: {', '.join(missing)}")
        summary = Summary()
        show_progress = not no_progress and sys.stderr.isatty()
        # No monitor thread: the workers are forked, and forking a process with threads is unsafe.
        tqdm_module.tqdm.monitor_interval = 0
        with tqdm(unit=" statements", disable=not show_progress, leave=False) as bar:
            for _ in ingest_parallel(iter_paths(files), summary, jobs=jobs or default_jobs(), budget=budget):
                bar.update(1)
        for failure in summary.failures:
            self.stderr.write(failure)
        self.stdout.write(f"{len(files)} file(s): {summary}")
        if summary.failed:
            raise CommandError(f"{summary.failed} record(s) failed", returncode=1)
