"""Editors' agreement with the machine, per editor and per week: `manage.py export_gold` scored as
`manage.py evaluate` scores it (statements.extract.scoring), on the admin page /admin/measure/.

A statement counts once an editor has reviewed all of its items (export_gold's rule); it belongs to
the editor and the week of the last review action in its items' history. The machine's answer is
today's extraction of what was ingested, as `evaluate` computes it.
"""

from __future__ import annotations

import datetime as dt
import time
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

# The most recently reviewed statements scored on one page view.
LIMIT = 2_000
# Extracting a statement again takes about a quarter of a second: a view extracts for this long at most and
# scores the statements it got to; the rest wait for the next view. A prediction is kept for a month, close
# to what the machine said when the editor reviewed (rules change between deployments).
BUDGET_SECONDS = 3.0
CACHE_SECONDS = 30 * 24 * 3600


def _cache_key(statement) -> str:
    return f"measure:prediction:{statement.pk}:{statement.checksum}"


def prediction(statement) -> dict:
    found = cache.get(_cache_key(statement))
    if found is None:
        parsed = parse_record({**statement.record, "text": statement.raw_text})
        found = prediction_record(parsed, extract(parsed))
        cache.set(_cache_key(statement), found, CACHE_SECONDS)
    return found


def predictions(statements: list, budget: float = BUDGET_SECONDS) -> dict[int, dict]:
    """Statement id -> prediction, for those cached and as many more as the time budget allows."""
    found = cache.get_many([_cache_key(s) for s in statements])
    out = {s.pk: found[_cache_key(s)] for s in statements if _cache_key(s) in found}
    deadline = time.monotonic() + budget
    for statement in statements:
        if statement.pk not in out and time.monotonic() < deadline:
            out[statement.pk] = prediction(statement)
    return out


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


def table(budget: float = BUDGET_SECONDS) -> dict:
    statements = list(reviewed_statements().for_detail().order_by("-updated_at")[:LIMIT])
    predicted = predictions(statements, budget)
    waiting = len(statements) - len(predicted)
    statements = [s for s in statements if s.pk in predicted]
    who = reviewers([s.pk for s in statements])
    groups: dict[tuple[str, dt.date], list] = defaultdict(list)
    for statement in statements:
        editor, when = who.get(statement.pk, ("—", statement.updated_at))
        day = timezone.localtime(when).date()
        groups[(editor, day - dt.timedelta(days=day.weekday()))].append(statement)
    by_id = {f"archive-{s.pk}": predicted[s.pk] for s in statements}  # gold_record's ids
    rows = []
    for (editor, week), members in sorted(groups.items(), key=lambda kv: (-kv[0][1].toordinal(), kv[0][0])):
        rows.append({"editor": editor, "week": week, "report": score(by_id, [gold_record(s) for s in members])})
    total = score(by_id, [gold_record(s) for s in statements]) if statements else None
    return {"rows": rows, "total": total, "unscored": waiting}


def view(site, request):
    context = {**site.each_context(request), "title": _("How often the machine was right"), **table(),
               "limit": LIMIT}
    return TemplateResponse(request, "admin/measure.html", context)
