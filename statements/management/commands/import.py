from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from statements.services import exchange


class Command(BaseCommand):
    help = ("Import an archive exported with `export` (JSON Lines). Statements already present are skipped, "
            "unless --editor names who applies the editors' work in the file to them.")

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--editor", metavar="USERNAME",
                            help="apply the editors' work on statements already present as this editor's corrections "
                                 "(written to each item's history under that name)")

    def handle(self, *args, path: str, editor: str | None = None, **options):
        user = None
        if editor:
            from django.contrib.auth import get_user_model

            from statements.admin.site import is_editor

            user = get_user_model().objects.filter(username=editor).first()
            if user is None or not is_editor(user):
                raise CommandError(f"no editor named {editor!r} (an active member of the Editors group)")
        source = Path(path)
        if not source.is_file():
            raise CommandError(f"no such file: {path}")
        try:
            with source.open(encoding="utf-8") as lines:
                imported, skipped = exchange.import_records(lines, editor=user)
        except (ValueError, KeyError, ValidationError) as exc:
            raise CommandError(f"{path}: {exc}") from exc
        self.stdout.write(f"imported {imported}, skipped {skipped} already present")
