import sys

from django.core.management.base import BaseCommand
from tqdm import tqdm

from statements.models import Statement
from statements.services.store import reextract_stored


class Command(BaseCommand):
    help = (
        "Run extraction again over stored statements. Replaces only unverified machine-made agreements and "
        "events; everything an editor verified, edited, added or rejected stays."
    )

    def add_arguments(self, parser):
        parser.add_argument("ids", nargs="*", type=int, help="statement ids (default: all)")
        parser.add_argument("--no-progress", action="store_true")

    def handle(self, *args, ids: list[int], no_progress: bool, **options):
        statements = Statement.objects.order_by("pk")
        if ids:
            statements = statements.filter(pk__in=ids)
        total = statements.count()
        done = 0
        with tqdm(total=total, unit=" statements", disable=no_progress or not sys.stderr.isatty()) as bar:
            for statement in statements.iterator(chunk_size=200):
                reextract_stored(statement)
                done += 1
                bar.update(1)
        self.stdout.write(f"re-extracted {done} statement(s)")
