from django.core.management.base import BaseCommand, CommandError

from archive import embedded_db


class Command(BaseCommand):
    # Runs before the database exists: no system checks.
    requires_system_checks = []
    help = "Start, stop or report on the embedded PostgreSQL (used when DATABASE_URL is not set)."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["start", "stop", "status"])

    def handle(self, *args, action: str, **options):
        from django.conf import settings

        if settings.DATABASE_URL:
            raise CommandError("DATABASE_URL is set: the archive uses that server, not the embedded one")
        if action == "start":
            try:
                cluster = embedded_db.start()
            except embedded_db.EmbeddedDatabaseError as exc:
                raise CommandError(str(exc)) from exc
            self.stdout.write(f"embedded PostgreSQL {embedded_db.status(cluster)}")
        elif action == "stop":
            stopped = embedded_db.stop()
            self.stdout.write("stopped" if stopped else "was not running")
        else:
            self.stdout.write(embedded_db.status())
