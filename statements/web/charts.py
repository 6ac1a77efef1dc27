"""Statements over time as a bar chart on a real time axis: every month between the first and the last
statement gets its slot, empty ones too, so that 2018-07 does not sit beside 2022-02. Server-rendered
(templates/includes/chart.html): an SVG of bars, each a link to that month's statements in the search,
with the axes' labels in HTML (they keep their size when the SVG is squeezed onto a phone) and a
table beside it for those who do not see the bars."""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlencode

from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.urls import reverse

# Past this many months the bars are years: 120 bars are about 3 px each on a phone.
MAX_MONTHS = 120
# The SVG's own units: a slot per bar, bars a little narrower than their slot.
SLOT, BAR, HEIGHT = 10, 8, 100
# At most this many labels under the time axis.
MAX_TICKS = 8
# In percent of the axis: the least distance between two labels, and the rightmost place for one
# (a label of four digits is about 12% of the axis on a phone).
TICK_GAP, TICK_LAST_AT = 12, 90


@dataclass(frozen=True)
class Bar:
    start: dt.date
    end: dt.date
    count: int
    label: str  # "2018-07" or "2018"
    url: str  # the search for these statements, "" for an empty slot
    x: int  # the bar's left edge, in SVG units
    height: int  # in SVG units, 0 for an empty slot

    @property
    def y(self) -> int:
        return HEIGHT - self.height


@dataclass(frozen=True)
class Tick:
    label: str
    left: str  # CSS: "12.5%" from the left edge of the bars, whatever the locale's decimal mark


@dataclass(frozen=True)
class Chart:
    bars: tuple[Bar, ...]
    unit: str  # "month" or "year"
    peak: int
    total: int
    ticks: tuple[Tick, ...]
    width: int  # the SVG's viewBox width

    @property
    def first(self) -> Bar:
        return self.bars[0]

    @property
    def last(self) -> Bar:
        return self.bars[-1]

    @property
    def busiest(self) -> Bar:
        return max(self.bars, key=lambda b: (b.count, -b.start.toordinal()))

    @property
    def empty(self) -> int:
        return sum(1 for b in self.bars if not b.count)

    @property
    def rows(self) -> list[Bar]:
        """The slots with statements, for the table beside the chart."""
        return [b for b in self.bars if b.count]

    @property
    def height(self) -> int:
        return HEIGHT

    @property
    def bar_width(self) -> int:
        return BAR


def per_month(statements) -> list[tuple[dt.date, int]]:
    return list(statements.order_by().annotate(month=TruncMonth("published_on")).values("month")
                .annotate(n=Count("pk")).order_by("month").values_list("month", "n"))


def _months(first: dt.date, last: dt.date):
    year, month = first.year, first.month
    while (year, month) <= (last.year, last.month):
        yield dt.date(year, month, 1)
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def _slots(rows: list[tuple[dt.date, int]]) -> tuple[str, list[tuple[dt.date, dt.date, int, str]]]:
    """Every month (or year) from the first to the last row, with its count: (start, end, count, label)."""
    counts = {month.replace(day=1): n for month, n in rows}
    first, last = min(counts), max(counts)
    if (last.year - first.year) * 12 + last.month - first.month < MAX_MONTHS:
        return "month", [(m, m.replace(day=calendar.monthrange(m.year, m.month)[1]), counts.get(m, 0),
                          m.strftime("%Y-%m")) for m in _months(first, last)]
    years: dict[int, int] = {}
    for month, n in counts.items():
        years[month.year] = years.get(month.year, 0) + n
    return "year", [(dt.date(y, 1, 1), dt.date(y, 12, 31), years.get(y, 0), str(y))
                    for y in range(first.year, last.year + 1)]


def _search_url(search: dict, start: dt.date, end: dt.date) -> str:
    query = {**search, "date_from": start.isoformat(), "date_to": end.isoformat()}
    return f"{reverse('statement_list')}?{urlencode(query)}"


def _ticks(slots, unit: str) -> tuple[Tick, ...]:
    """Labels under the axis: the years where they begin, never more than MAX_TICKS, never so close (or so near
    the right edge) that they would run into each other or off a phone's screen."""
    n = len(slots)
    if unit == "month":
        starts = [(i, s[0].year) for i, s in enumerate(slots) if s[0].month == 1 or i == 0]
    else:
        starts = [(i, s[0].year) for i, s in enumerate(slots)]
    step = -(-len(starts) // MAX_TICKS)
    ticks: list[tuple[float, int]] = []
    for i, year in starts[::step]:
        at = 100 * i / n
        if at <= TICK_LAST_AT and (not ticks or at - ticks[-1][0] >= TICK_GAP):
            ticks.append((at, year))
    return tuple(Tick(str(year), f"{at:.2f}%") for at, year in ticks)


def time_chart(rows: list[tuple[dt.date, int]], *, search: dict | None = None) -> Chart | None:
    """The chart of per_month's rows; `search`: the search page's parameters that find the same statements
    (country=JP), to which each bar adds its dates."""
    if not rows:
        return None
    unit, slots = _slots(rows)
    peak = max(n for *_, n, _label in slots)
    bars = tuple(
        Bar(start, end, n, label, _search_url(search or {}, start, end) if n else "", i * SLOT + (SLOT - BAR) // 2,
            max(2, round(n / peak * HEIGHT)) if n else 0)
        for i, (start, end, n, label) in enumerate(slots))
    return Chart(bars=bars, unit=unit, peak=peak, total=sum(b.count for b in bars), ticks=_ticks(slots, unit),
                 width=len(bars) * SLOT)
