from __future__ import annotations

from django import template
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from statements.choices import Precision

register = template.Library()


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """The current query string with some parameters replaced (pagination, sorting)."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        query[key] = value
    return query.urlencode()


MARK_TITLES = {"agreement": gettext_lazy("agreement"), "event": gettext_lazy("event")}


@register.simple_tag
def marked_body(statement) -> str:
    """The body as paragraphs, agreements and events wrapped in <mark>.

    Statements are third-party text: every piece of it is escaped, and only
    our own markers become HTML.
    """
    spans = [(a.start, a.end, "agreement", a.pk) for a in statement.agreements.all()]
    spans += [(e.start, e.end, "event", e.pk) for e in statement.events.all()]
    spans.sort()
    body = statement.body
    pieces: list[str] = []
    cursor = 0
    for start, end, kind, pk in spans:
        if start < cursor or end > len(body):
            continue  # overlapping or stale span: show the text unmarked
        pieces.append(escape(body[cursor:start]))
        title = escape(MARK_TITLES[kind])
        pieces.append(f'<mark id="{kind}-{pk}" class="{kind}" title="{title}">{escape(body[start:end])}</mark>')
        cursor = end
    pieces.append(escape(body[cursor:]))
    html = "".join(pieces)
    paragraphs = [p for p in html.split("\n\n") if p.strip()]
    return mark_safe("".join(f"<p>{p}</p>" for p in paragraphs))  # noqa: S308 - escaped above


DECADE_NAMES = {
    1: gettext_lazy("first ten days of %(month)s"),
    11: gettext_lazy("second ten days of %(month)s"),
    21: gettext_lazy("last ten days of %(month)s"),
}


# Half-years, quarters and seasons by their first month. (A winter spans two years: it keeps its dates.)
LONG_PERIOD_NAMES = {
    "half": {1: gettext_lazy("first half of %(year)s"), 7: gettext_lazy("second half of %(year)s")},
    "quarter": {1: gettext_lazy("first quarter of %(year)s"), 4: gettext_lazy("second quarter of %(year)s"),
                7: gettext_lazy("third quarter of %(year)s"), 10: gettext_lazy("fourth quarter of %(year)s")},
    "season": {3: gettext_lazy("spring %(year)s"), 6: gettext_lazy("summer %(year)s"),
               9: gettext_lazy("autumn %(year)s")},
}


@register.simple_tag
def event_period(event) -> str:
    """An event's dates at the precision they were given, never a false exact day."""
    start, end, precision = event.starts_on, event.ends_on, event.precision
    if not start:
        return _("date unknown")
    if precision == "day":
        if start == end:
            return date_format(start, "j E Y")
        return f"{date_format(start, 'j E Y')} – {date_format(end, 'j E Y')}"
    if precision == "decade" and start.day in DECADE_NAMES:
        # "E": the month's name as it stands after another word (genitive in Russian).
        return str(DECADE_NAMES[start.day] % {"month": date_format(start, "E Y")})
    if precision == "month":
        if (start.year, start.month) == (end.year, end.month):
            return date_format(start, "F Y")
        return f"{date_format(start, 'F Y')} – {date_format(end, 'F Y')}"
    if precision == "year":
        return str(start.year)
    if precision in ("half", "quarter", "season") and start.year == end.year:
        names = LONG_PERIOD_NAMES[precision]
        if start.month in names:
            return str(names[start.month] % {"year": start.year})
    if precision == "by":
        return _("by %(date)s") % {"date": date_format(end, "j E Y")}
    label = Precision(precision).label if precision in Precision.values else precision
    return f"{date_format(start, 'j E Y')} – {date_format(end, 'j E Y')} ({label})"


@register.filter
def headline(snippet: str) -> str:
    """A search snippet: escaped third-party text, our own markers as <mark>."""
    from statements.querysets import HEADLINE_START, HEADLINE_STOP

    html = escape(snippet).replace(HEADLINE_START, "<mark>").replace(HEADLINE_STOP, "</mark>")
    return mark_safe(html)  # noqa: S308 - escaped above
