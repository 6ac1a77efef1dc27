from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from statements.services import exchange


class Command(BaseCommand):
    help = (
        "Import an archive exported with `export` (JSON Lines). Statements already present are skipped; "
        "a bad line fails alone (file:line: reason) and the command exits non-zero after the rest."
    )

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, *args, path: str, **options):
        source = Path(path)
        if not source.is_file():
            raise CommandError(f"no such file: {path}")
        try:
            summary = exchange.import_file(source)
        except OSError as exc:
            raise CommandError(f"{path}: cannot read: {exc.strerror or exc}") from exc
        for failure in summary.failures:
            self.stderr.write(failure)
        self.stdout.write(str(summary))
        if summary.failures:
            raise CommandError(f"{len(summary.failures)} line(s) failed", returncode=1)
