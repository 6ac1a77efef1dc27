"""Atom feeds of new statements and an iCalendar feed of events."""

from __future__ import annotations

import datetime as dt
import re

from django.contrib.syndication.views import Feed
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from icalendar import Calendar
from icalendar import Event as IcsEvent

from statements.models import Country, Event, Statement, Topic
from statements.search.filters import StatementFilter

FEED_SIZE = 50
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


class StatementFeed(Feed):
    """New statements; per country, per topic or per search with the list page's parameters."""

    feed_type = Atom1Feed
    title = "Diplomatic Statements Archive"
    subtitle = "New statements"

    def get_object(self, request, *args, **kwargs):
        # The feed object is shared by all requests: the search travels as the "object".
        return request.GET

    def link(self, obj):
        return f"{reverse('statement_list')}?{obj.urlencode()}" if obj else reverse("statement_list")

    def items(self, obj):
        filterset = StatementFilter(obj or None, queryset=Statement.objects.all())
        if filterset.is_bound and not filterset.is_valid():
            return Statement.objects.none()
        statements = filterset.qs
        return (statements.sorted("-created_at", "-id", narrow=statements.is_narrow_search())
                .defer("raw_text", "search_vector", "rank_vector")[:FEED_SIZE])

    # XML 1.0 refuses control characters; older rows or editors' text may hold some.
    def item_title(self, item):
        return CONTROL.sub("", item.title)

    def item_description(self, item):
        return CONTROL.sub("", item.body[:500])

    def item_pubdate(self, item):
        return item.created_at

    def item_updateddate(self, item):
        return item.updated_at


class CountryFeed(StatementFeed):
    def get_object(self, request, code):
        return get_object_or_404(Country, code=code.upper())

    def title(self, obj):
        return f"{obj.name_en}: Diplomatic Statements Archive"

    def link(self, obj):
        return obj.get_absolute_url()

    def items(self, obj):
        statements = obj.statements.order_by("-created_at", "-id")
        return statements.defer("raw_text", "search_vector", "rank_vector")[:FEED_SIZE]


class TopicFeed(CountryFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Topic, slug=slug)


def ical(request, code: str | None = None) -> HttpResponse:
    """Dated events as all-day iCalendar entries spanning their whole period."""
    cal = Calendar()
    cal.add("prodid", "-//Diplomatic Statements Archive//events//EN")
    cal.add("version", "2.0")
    events = Event.objects.dated().with_statement()
    if code:
        country = get_object_or_404(Country, code=code.upper())
        events = events.filter(countries=country)
        cal.add("x-wr-calname", f"Diplomatic events: {country.name_en}")
    for event in events.order_by("starts_on", "id")[:2000]:
        entry = IcsEvent()
        entry.add("uid", f"event-{event.pk}@diplomatic-archive")
        entry.add("summary", event.title or event.text[:80])
        entry.add("dtstart", event.starts_on)
        entry.add("dtend", event.ends_on + dt.timedelta(days=1))  # DTEND of an all-day event is exclusive
        entry.add("dtstamp", event.updated_at)
        checked = "verified by an editor" if event.verified or event.origin == "editor" else (
            "machine-extracted, not yet verified")
        entry.add("description", f"{event.text}\n({event.get_precision_display()}; {checked})")
        if event.place:
            entry.add("location", event.place)
        entry.add("url", request.build_absolute_uri(event.statement.get_absolute_url()))
        cal.add_component(entry)
    return HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
