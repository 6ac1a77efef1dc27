"""Editors' agreement with the machine, per editor and per week: `manage.py export_gold` scored as
`manage.py evaluate` scores it (statements.extract.scoring), on the admin page /admin/measure/.

A statement counts once an editor has reviewed all of its items (export_gold's rule); it belongs to
the editor and the week of the last review action in its items' history. The machine's answer is
today's extraction of what was ingested, as `evaluate` computes it.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.contrib.admin.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from statements.extract import extract
from statements.extract.scoring import prediction_record, score
from statements.management.commands.export_gold import gold_record, reviewed_statements
from statements.models import Agreement, Event
from statements.parse import parse_record

# The most recently reviewed statements scored on one page view; each is extracted again (cached a day).
LIMIT = 2_000
CACHE_SECONDS = 24 * 3600


def prediction(statement) -> dict:
    key = f"measure:prediction:{statement.pk}:{statement.checksum}"
    found = cache.get(key)
    if found is None:
        parsed = parse_record({**statement.record, "text": statement.raw_text})
        found = prediction_record(parsed, extract(parsed))
        cache.set(key, found, CACHE_SECONDS)
    return found


def reviewers(statement_ids: list[int]) -> dict[int, tuple[str, dt.datetime]]:
    """Statement id -> (editor, time) of the last review action in its items' history."""
    items: dict[tuple[int, str], int] = {}
    for model in (Agreement, Event):
        ct = ContentType.objects.get_for_model(model).pk
        for pk, statement_id in model.objects.filter(statement_id__in=statement_ids).values_list("pk",
                                                                                                  "statement_id"):
            items[(ct, str(pk))] = statement_id
    last: dict[int, tuple[str, dt.datetime]] = {}
    entries = (LogEntry.objects.filter(content_type_id__in={ct for ct, _ in items},
                                       object_id__in=[pk for _, pk in items])
               .select_related("user").order_by("action_time"))
    for entry in entries.iterator(chunk_size=2000):
        statement_id = items.get((entry.content_type_id, entry.object_id))
        if statement_id is not None:
            last[statement_id] = (entry.user.get_username(), entry.action_time)
    return last


def table() -> dict:
    statements = list(reviewed_statements().for_detail().order_by("-updated_at")[:LIMIT])
    who = reviewers([s.pk for s in statements])
    groups: dict[tuple[str, dt.date], list] = defaultdict(list)
    for statement in statements:
        editor, when = who.get(statement.pk, ("—", statement.updated_at))
        day = timezone.localtime(when).date()
        groups[(editor, day - dt.timedelta(days=day.weekday()))].append(statement)
    predictions, rows = {}, []
    for (editor, week), members in sorted(groups.items(), key=lambda kv: (-kv[0][1].toordinal(), kv[0][0])):
        gold = [gold_record(s) for s in members]
        for s, reference in zip(members, gold, strict=True):
            predictions[reference["id"]] = prediction(s)
        rows.append({"editor": editor, "week": week, "report": score(predictions, gold)})
    total = score(predictions, [gold_record(s) for s in statements]) if statements else None
    return {"rows": rows, "total": total}


def view(site, request):
    context = {**site.each_context(request), "title": _("How often the machine was right"), **table(),
               "limit": LIMIT}
    return TemplateResponse(request, "admin/measure.html", context)
