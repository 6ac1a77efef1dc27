import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from statements.extract import extract
from statements.extract.gold import load_source
from statements.extract.scoring import HOLD_OUT_EVERY, prediction_record, score, split_held_out
from statements.parse import parse_record

GOLD_DIR = settings.BASE_DIR.parent / "shared" / "gold"
DEFAULT_GOLD = (GOLD_DIR / "dev.jsonl", GOLD_DIR / "dev-2.jsonl")


class Command(BaseCommand):
    help = (
        "Score extraction against reference annotations (shared/gold/GUIDELINES.md): precision, recall and F1 "
        "for agreements, dated events and countries, accuracy of each meta field, and the misses. Scores the "
        "whole set, the part rules are written from and a held-out part (every third statement); misses are "
        "listed for the first part only."
    )
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "gold", nargs="*", help=f"reference JSON Lines files (default: {', '.join(p.name for p in DEFAULT_GOLD)})"
        )
        parser.add_argument("--json", action="store_true", dest="as_json", help="print the report as JSON")
        parser.add_argument("--quiet", action="store_true", help="scores only, no list of misses")
        parser.add_argument(
            "--hold-out",
            type=int,
            default=HOLD_OUT_EVERY,
            metavar="N",
            help=f"hold out every Nth statement (default {HOLD_OUT_EVERY}; 0 holds out nothing)",
        )
        parser.add_argument(
            "--held-out-misses", action="store_true", help="list the held-out part's misses too (spoils the check)"
        )

    def handle(self, *args, gold, as_json, quiet, hold_out, held_out_misses, **options):
        if hold_out < 0 or hold_out == 1:
            raise CommandError("--hold-out must be 0 (nothing held out) or at least 2")
        paths = [Path(p) for p in gold] or list(DEFAULT_GOLD)
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
        seen, held = split_held_out(references, hold_out)
        report = score(predictions, references)
        parts = {"in_view": score(predictions, seen), "held_out": score(predictions, held)} if held else {}
        if as_json:
            data = report.as_dict()
            data["parts"] = {name: part.as_dict() for name, part in parts.items()}
            if parts and not held_out_misses:
                data["misses"] = data["parts"]["in_view"]["misses"]
                data["parts"]["held_out"].pop("misses", None)
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str))
            return
        if not parts:
            self.stdout.write(format_report(report, misses=not quiet))
            return
        blocks = [
            "all: " + format_report(report, misses=False),
            f"in view (all but every {ordinal(hold_out)}): " + format_report(parts["in_view"], misses=not quiet),
            f"held out (every {ordinal(hold_out)}): "
            + format_report(parts["held_out"], misses=held_out_misses and not quiet),
        ]
        self.stdout.write("\n\n".join(blocks))


def ordinal(n: int) -> str:
    return {2: "second", 3: "third", 4: "fourth", 5: "fifth"}.get(n, f"{n}th")


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
