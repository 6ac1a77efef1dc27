from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from statements.services import exchange


class Command(BaseCommand):
    help = "Import an archive exported with `export` (JSON Lines). Statements already present are skipped."

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, *args, path: str, **options):
        source = Path(path)
        if not source.is_file():
            raise CommandError(f"no such file: {path}")
        try:
            with source.open(encoding="utf-8") as lines:
                imported, skipped = exchange.import_records(lines)
        except (ValueError, KeyError) as exc:
            raise CommandError(f"{path}: {exc}") from exc
        self.stdout.write(f"imported {imported}, skipped {skipped} already present")
