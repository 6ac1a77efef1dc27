"""The events calendar: a month grid and a list, upcoming and past."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Max
from django.db.models.functions import TruncMonth

from statements.models import Event


@dataclass
class Day:
    date: dt.date
    in_month: bool
    events: list = field(default_factory=list)


def month_grid(month: dt.date, events) -> list[list[Day]]:
    """Weeks (Monday first) of the month, each day with the events whose period covers it.

    An event of month, season or year precision covers every day of its period,
    so it is listed once below the grid rather than on each day: only periods
    of a fortnight or less go on the days themselves.
    """
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(month.year, month.month)
    grid = [[Day(d, d.month == month.month) for d in week] for week in weeks]
    by_day = {day.date: day for week in grid for day in week}
    for event in events:
        if (event.ends_on - event.starts_on).days > 14:
            continue
        d = max(event.starts_on, weeks[0][0])
        while d <= min(event.ends_on, weeks[-1][-1]):
            by_day[d].events.append(event)
            d += dt.timedelta(days=1)
    return grid


def events_in_month(month: dt.date, country: str | None = None):
    last = month.replace(day=calendar.monthrange(month.year, month.month)[1])
    qs = Event.objects.overlapping(month, last).select_related("statement").prefetch_related("countries")
    if country:
        qs = qs.filter(countries__code=country)
    return qs.order_by("starts_on", "ends_on", "id")


def latest_months_with_events(limit: int = 6, country: str | None = None) -> list[dt.date]:
    qs = Event.objects.dated()
    if country:
        qs = qs.filter(countries__code=country)
    months = (qs.annotate(month=TruncMonth("starts_on")).values("month").annotate(last=Max("id"))
              .order_by("-month").values_list("month", flat=True)[:limit])
    return list(months)
