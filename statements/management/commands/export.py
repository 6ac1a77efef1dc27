import sys

from django.core.management.base import BaseCommand, CommandError
from django.http import QueryDict

from statements.models import Statement
from statements.search.filters import StatementFilter
from statements.services import exchange


class Command(BaseCommand):
    help = (
        "Export statements with their extractions and editors' work: JSON Lines (for `import`) or CSV. "
        "Filters as on the list page, e.g. --filter 'country=JP&date_from=2018-01-01'."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["jsonl", "csv"], default="jsonl")
        parser.add_argument("--output", "-o", help="file to write (default: standard output)")
        parser.add_argument("--filter", default="", help="query string of the list page's filters")

    def handle(self, *args, format: str, output: str | None, filter: str, **options):
        filterset = StatementFilter(QueryDict(filter) if filter else None, queryset=Statement.objects.all())
        if filter and not filterset.is_valid():
            raise CommandError(f"bad filter: {filterset.errors.as_text()}")
        lines = exchange.iter_jsonl(filterset.qs) if format == "jsonl" else exchange.iter_csv(filterset.qs)
        stream = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout
        count = 0
        try:
            for line in lines:
                stream.write(line)
                count += 1
        finally:
            if output:
                stream.close()
        self.stderr.write(f"exported {count - (1 if format == 'csv' else 0)} statement(s)")
