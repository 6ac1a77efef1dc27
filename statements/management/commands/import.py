from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from statements.services import exchange


class Command(BaseCommand):
    help = (
        "Import an archive exported with `export` (JSON Lines). Statements already present are skipped, "
        "unless --editor names who applies the editors' work in the file to them; a bad line fails alone "
        "(file:line: reason) and the command exits non-zero after the rest."
    )

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
            summary = exchange.import_file(source, editor=user)
        except OSError as exc:
            raise CommandError(f"{path}: cannot read: {exc.strerror or exc}") from exc
        for failure in summary.failures:
            self.stderr.write(failure)
        self.stdout.write(str(summary))
        if summary.failures:
            raise CommandError(f"{len(summary.failures)} line(s) failed", returncode=1)
