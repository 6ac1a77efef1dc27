import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from statements.extract import extract
from statements.extract.scoring import prediction_record, score
from statements.gold import load_source
from statements.parse import parse_record

DEFAULT_GOLD = settings.BASE_DIR.parent / "shared" / "gold" / "dev.jsonl"


class Command(BaseCommand):
    help = (
        "Score extraction against reference annotations (shared/gold/GUIDELINES.md): precision, recall and F1 "
        "for agreements, dated events and countries, accuracy of each meta field, and the misses."
    )
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("gold", nargs="*", help=f"reference JSON Lines files (default {DEFAULT_GOLD})")
        parser.add_argument("--json", action="store_true", dest="as_json", help="print the report as JSON")
        parser.add_argument("--quiet", action="store_true", help="scores only, no list of misses")

    def handle(self, *args, gold: list[str], as_json: bool, quiet: bool, **options):
        paths = [Path(p) for p in gold] or [DEFAULT_GOLD]
        references, predictions = [], {}
        for path in paths:
            if not path.is_file():
                raise CommandError(f"no such file: {path}")
            for number, line in enumerate(path.open(encoding="utf-8"), start=1):
                if not line.strip():
                    continue
                try:
                    reference = json.loads(line)
                    record = load_source(reference["source"], base=path.resolve().parent.parent)
                except (ValueError, KeyError, OSError) as exc:
                    raise CommandError(f"{path}:{number}: {exc}") from exc
                parsed = parse_record(record)
                references.append(reference)
                predictions[reference["id"]] = prediction_record(parsed, extract(parsed))
        report = score(predictions, references)
        if as_json:
            self.stdout.write(json.dumps(report.as_dict(), ensure_ascii=False, indent=2, default=str))
        else:
            self.stdout.write(format_report(report, misses=not quiet))


def format_report(report, *, misses: bool) -> str:
    lines = [f"{report.statements} statement(s)", "", f"{'':12} {'P':>6} {'R':>6} {'F1':>6}   tp  fp  fn"]
    for name in ("agreements", "events", "countries"):
        c = getattr(report, name)
        label = "dated events" if name == "events" else name
        lines.append(f"{label:12} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f}  {c.tp:3} {c.fp:3} {c.fn:3}")
    lines += ["", "meta field accuracy:"]
    lines += [f"  {name:13} {value:6.3f}" for name, value in report.meta_accuracy.items()]
    if misses and report.misses:
        lines += ["", "misses (fp: found but not in the reference; fn: missed; wrong: differs):"]
        lines += [f"  {m.statement_id} {m.field} {m.error}: {m.text}" for m in report.misses]
    return "\n".join(lines)

