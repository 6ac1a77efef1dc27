"""A small server-rendered bar chart of statements per month (no JavaScript, no CDN)."""

from __future__ import annotations

from django.db.models import Count
from django.db.models.functions import TruncMonth
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

WIDTH, HEIGHT, GAP = 640, 120, 1


def per_month(statements) -> list[tuple]:
    return list(statements.order_by().annotate(month=TruncMonth("published_on")).values("month")
                .annotate(n=Count("pk")).order_by("month").values_list("month", "n"))


def bar_chart(rows: list[tuple], *, label: str) -> SafeString:
    if not rows:
        return SafeString("")
    peak = max(n for _, n in rows)
    width = max(2, (WIDTH - GAP * len(rows)) // len(rows))
    bars = format_html_join(
        "", '<rect x="{}" y="{}" width="{}" height="{}"><title>{}: {}</title></rect>',
        ((i * (width + GAP), HEIGHT - max(1, round(n / peak * (HEIGHT - 16))), width,
          max(1, round(n / peak * (HEIGHT - 16))), month.strftime("%Y-%m"), n) for i, (month, n) in enumerate(rows)),
    )
    total_width = len(rows) * (width + GAP)
    return format_html(
        '<svg class="chart" role="img" aria-label="{}" viewBox="0 0 {} {}" preserveAspectRatio="none">'
        '{}<text x="0" y="12">{} – {}, max {}</text></svg>',
        label, total_width, HEIGHT, bars, rows[0][0].strftime("%Y-%m"), rows[-1][0].strftime("%Y-%m"), peak,
    )
