import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from statements.management.options import add_worker_options
from statements.services.ingest import Summary, default_jobs, expand_paths, ingest_parallel, iter_paths


class Command(BaseCommand):
    help = (
        "Ingest statements from files or folders: .txt page text, .jsonl records (title, date, url, lang, "
        "text, optional speaker, source, meta) or .csv with the same columns. A bad record fails alone. "
        "A record already stored with the same text is skipped, so a run stopped halfway can simply be run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar even on a terminal")
        add_worker_options(parser, "a record")

    def handle(self, *args, paths: list[str], no_progress: bool, jobs: int | None, budget: float | None,
               **options):
        files = list(expand_paths(paths))
        missing = [str(p) for p in files if not p.exists()]
        if missing:
            raise CommandError(f"no such file or folder: {', '.join(missing)}")
        summary = Summary()
        show_progress = not no_progress and sys.stderr.isatty()
        with tqdm(unit=" statements", disable=not show_progress, leave=False) as bar:
            for _ in ingest_parallel(iter_paths(files), summary, jobs=jobs or default_jobs(), budget=budget):
                bar.update(1)
        for failure in summary.failures:
            self.stderr.write(failure)
        self.stdout.write(f"{len(files)} file(s): {summary}")
        if summary.failed:
            raise CommandError(f"{summary.failed} record(s) failed", returncode=1)
