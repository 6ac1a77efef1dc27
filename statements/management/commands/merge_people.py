from django.core.management.base import BaseCommand

from statements.services.people import merge_duplicates


class Command(BaseCommand):
    help = (
        "Merge people the archive holds twice (a bare surname or initials beside the full name, in either "
        "script) into one row, moving their statements and name variants. Ingestion keeps them merged from "
        "then on; run this once over an archive ingested before."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="say what would be merged, change nothing")

    def handle(self, *args, dry_run: bool, **options):
        merges = merge_duplicates(dry_run=dry_run)
        for merge in merges:
            what = "merged into" if merge.whole else "links moved to"
            self.stdout.write(f"{merge.source} {what} {merge.target} ({merge.statements} statement(s))")
        verb = "would merge" if dry_run else "merged"
        rows = sum(1 for m in merges if m.whole)
        self.stdout.write(f"{verb} {rows} row(s); {len(merges)} change(s) in all")
