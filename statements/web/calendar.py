"""The events calendar: a month grid and a list, upcoming and past.

Events are shown at the precision they were announced with:
- a day, a week or ten days (DAY_PRECISIONS) go on the days of the grid, and a
  deadline ("by") on its last day;
- a month is listed under the month;
- a season, quarter, half-year or year (LONG_PRECISIONS) is listed apart, once,
  rather than under every month it covers.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Max, Min, Q
from django.db.models.functions import TruncMonth

from statements.models import Event

DAY_PRECISIONS = ("day", "week", "decade")
DEADLINE = "by"
LONG_PRECISIONS = ("season", "quarter", "half", "year")
# The months a reader can ask for: the years the extractor reads as years (statements.extract.dates).
FIRST_MONTH, LAST_MONTH = dt.date(1800, 1, 1), dt.date(2199, 12, 1)


@dataclass
class Day:
    date: dt.date
    in_month: bool
    events: list = field(default_factory=list)


def shown_days(event) -> tuple[dt.date, dt.date] | None:
    """The days an event goes on in the grid, or None when it has no day of its own."""
    if event.precision == DEADLINE:
        return event.ends_on, event.ends_on
    if event.precision in DAY_PRECISIONS:
        return event.starts_on, event.ends_on
    return None


def month_grid(month: dt.date, events) -> list[list[Day]]:
    """Weeks (Monday first) of the month, each day with the events it shows (see shown_days)."""
    weeks = calendar.Calendar(firstweekday=0).monthdatescalendar(month.year, month.month)
    grid = [[Day(d, d.month == month.month) for d in week] for week in weeks]
    by_day = {day.date: day for week in grid for day in week}
    for event in events:
        days = shown_days(event)
        if days is None:
            continue
        d = max(days[0], weeks[0][0])
        while d <= min(days[1], weeks[-1][-1]):
            by_day[d].events.append(event)
            d += dt.timedelta(days=1)
    return grid


def month_end(month: dt.date) -> dt.date:
    return month.replace(day=calendar.monthrange(month.year, month.month)[1])


def events_in_month(month: dt.date, country: str | None = None):
    """The month's events with a day or the month as their precision; a deadline in the month it falls in."""
    last = month_end(month)
    qs = (Event.objects.overlapping(month, last).exclude(precision__in=LONG_PRECISIONS)
          .exclude(Q(precision=DEADLINE) & ~Q(ends_on__range=(month, last))))
    if country:
        qs = qs.filter(countries__code=country)
    return qs.with_statement().prefetch_related("countries").order_by("starts_on", "ends_on", "id")


def _with_a_day(country: str | None):
    qs = Event.objects.dated().filter(Q(precision__in=DAY_PRECISIONS) | Q(precision=DEADLINE))
    return qs.filter(countries__code=country) if country else qs


def opening_month(today: dt.date, country: str | None = None) -> dt.date:
    """The first month from today's on with an event to show on a day; else the latest month with one;
    else today's month."""
    ahead = _with_a_day(country).filter(ends_on__gte=today).aggregate(
        first=Min("starts_on", filter=Q(precision__in=DAY_PRECISIONS)),
        deadline=Min("ends_on", filter=Q(precision=DEADLINE)))
    firsts = [max(d, today) for d in ahead.values() if d]
    if firsts:
        month = min(firsts).replace(day=1)
    else:
        latest = _with_a_day(country).aggregate(last=Max("ends_on"))["last"]
        month = (latest or today).replace(day=1)
    return min(max(month, FIRST_MONTH), LAST_MONTH)


def neighbour_months(month: dt.date) -> tuple[dt.date | None, dt.date | None]:
    """The months before and after, None past the calendar's range."""
    previous = (month - dt.timedelta(days=1)).replace(day=1) if month > FIRST_MONTH else None
    following = (month_end(month) + dt.timedelta(days=1)) if month < LAST_MONTH else None
    return previous, following


def long_period_events(today: dt.date, country: str | None = None):
    """Events announced for a season, quarter, half-year or year that has not ended."""
    qs = Event.objects.upcoming(today).filter(precision__in=LONG_PRECISIONS)
    return qs.filter(countries__code=country) if country else qs


def long_periods(today: dt.date, country: str | None = None, *, limit: int | None = None) -> list[list[Event]]:
    """long_period_events, each once (the first `limit` of them), in groups of the same period."""
    qs = long_period_events(today, country).with_statement().order_by("starts_on", "-ends_on", "id")
    groups: dict[tuple, list[Event]] = {}
    for event in qs[:limit] if limit else qs:
        groups.setdefault((event.starts_on, event.ends_on, event.precision), []).append(event)
    return list(groups.values())


def latest_months_with_events(limit: int = 6, country: str | None = None) -> list[dt.date]:
    months = (_with_a_day(country).annotate(month=TruncMonth("starts_on")).values("month")
              .annotate(last=Max("id")).order_by("-month").values_list("month", flat=True)[:limit])
    return list(months)
