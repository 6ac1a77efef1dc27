import sys

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from statements.management.options import add_worker_options
from statements.models import Statement
from statements.services.ingest import default_jobs, reextract_many, reextract_pending


class Command(BaseCommand):
    help = (
        "Run extraction again over stored statements. Replaces only unverified machine-made agreements and "
        "events; everything an editor verified, edited, added or rejected stays. Statements the current "
        "extraction already made are skipped (--all redoes them), so a run stopped halfway resumes."
    )

    def add_arguments(self, parser):
        parser.add_argument("ids", nargs="*", type=int,
                            help="statement ids, re-extracted whatever made them (default: every statement the "
                                 "current extraction has not made)")
        parser.add_argument("--no-progress", action="store_true")
        parser.add_argument("--all", "--force", action="store_true", dest="force",
                            help="also the statements the current extraction already made")
        add_worker_options(parser, "a statement")

    def handle(self, *args, ids: list[int], no_progress: bool, force: bool, jobs: int | None,
               budget: float | None, **options):
        statements = Statement.objects.all()
        if ids:
            statements = statements.filter(pk__in=ids)
        todo = reextract_pending(statements, force=force or bool(ids))
        skipped = statements.count() - len(todo)
        failures: list[str] = []
        with tqdm(total=len(todo), unit=" statements", disable=no_progress or not sys.stderr.isatty()) as bar:
            for _, failure in reextract_many(todo, jobs=jobs or default_jobs(), budget=budget):
                if failure:
                    failures.append(failure)
                bar.update(1)
        for failure in failures:
            self.stderr.write(failure)
        done = len(todo) - len(failures)
        self.stdout.write(f"re-extracted {done} statement(s), skipped {skipped} already done, "
                          f"failed {len(failures)}")
        if failures:
            raise CommandError(f"{len(failures)} statement(s) failed", returncode=1)
