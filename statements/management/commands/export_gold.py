import json
import sys

from django.core.management.base import BaseCommand
from django.db.models import Exists, OuterRef, Q

from statements.models import Agreement, Event, Statement


class Command(BaseCommand):
    help = (
        "Export editors' work as reference annotations in the format of shared/gold/GUIDELINES.md, so that "
        "`evaluate` can score extraction against it. By default only statements whose every agreement and "
        "event an editor verified, made or rejected (fully reviewed)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="file to write (default: standard output)")
        parser.add_argument("--include-unreviewed", action="store_true",
                            help="also statements with items nobody reviewed (their machine items count as gold)")

    def handle(self, *args, output: str | None, include_unreviewed: bool, **options):
        statements = Statement.objects.all() if include_unreviewed else reviewed_statements()
        stream = open(output, "w", encoding="utf-8") if output else sys.stdout
        count = 0
        try:
            for statement in statements.for_detail().order_by("pk").iterator(chunk_size=100):
                stream.write(json.dumps(gold_record(statement), ensure_ascii=False) + "\n")
                count += 1
        finally:
            if output:
                stream.close()
        self.stderr.write(f"exported {count} reviewed statement(s)")


TOUCHED = Q(verified=True) | Q(rejected=True) | Q(origin="editor")


def reviewed_statements():
    """Statements an editor has reviewed in full: every agreement and event verified, made or rejected.

    (Also the editors' agreement page of the admin, statements.admin.measure.)
    """
    reviewed = (Exists(Agreement.objects.filter(TOUCHED, statement=OuterRef("pk")))
                | Exists(Event.objects.filter(TOUCHED, statement=OuterRef("pk"))))
    pending = (Exists(Agreement.objects.filter(~TOUCHED, statement=OuterRef("pk")))
               | Exists(Event.objects.filter(~TOUCHED, statement=OuterRef("pk"))))
    return Statement.objects.filter(reviewed).exclude(pending)


def gold_record(statement: Statement) -> dict:
    speakers = [link.person for link in statement.person_links.all() if link.role == "speaker"]
    surname = "surname_ru" if statement.language == "ru" else "surname_en"
    return {
        "id": f"archive-{statement.pk}",
        "source": {"record": {**statement.record, "text": statement.raw_text}},
        "lang": statement.language,
        "published_on": statement.published_on.isoformat(),
        "doc_number": statement.doc_number,
        "kind": statement.kind,
        "speakers": [getattr(p, surname) or str(p) for p in speakers],
        "place": statement.place or None,
        "countries": sorted(link.country_id for link in statement.country_links.all()),
        "agreements": [{"text": a.text, "kind": a.kind, "parties": sorted(a.parties)}
                       for a in statement.agreements.all()],
        "events": [{"text": e.text, "title": e.title, "starts_on": e.starts_on and e.starts_on.isoformat(),
                    "ends_on": e.ends_on and e.ends_on.isoformat(), "precision": e.precision or None,
                    "place": e.place or None} for e in statement.events.all()],
    }
