"""Reads: every page, the API and the admin go through these methods."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Count, Prefetch, Q


class StatementQuerySet(models.QuerySet):
    def newest_first(self):
        return self.order_by("-published_on", "-published_at", "-id")

    def for_list(self):
        """What a list row shows, in a fixed number of queries whatever the page size."""
        from statements.models import StatementPerson

        speakers = StatementPerson.objects.filter(role="speaker").select_related("person")
        return self.annotate(
            agreement_count=Count("agreements", filter=Q(agreements__rejected=False), distinct=True),
            event_count=Count("events", filter=Q(events__rejected=False), distinct=True),
        ).prefetch_related(
            Prefetch("person_links", queryset=speakers, to_attr="speaker_links"),
            "countries",
        ).defer("raw_text", "search_vector")

    def for_detail(self):
        from statements.models import Agreement, Event

        return self.prefetch_related(
            Prefetch("agreements", queryset=Agreement.objects.active().prefetch_related("countries")),
            Prefetch("events", queryset=Event.objects.active().prefetch_related("countries")),
            "country_links__country",
            "topic_links__topic",
            "person_links__person",
        )


class AgreementQuerySet(models.QuerySet):
    def active(self):
        return self.filter(rejected=False).order_by("start")


class EventQuerySet(models.QuerySet):
    def active(self):
        return self.filter(rejected=False).order_by("start")

    def dated(self):
        return self.active().filter(starts_on__isnull=False, ends_on__isnull=False)

    def upcoming(self, today: dt.date):
        return self.dated().filter(ends_on__gte=today)

    def past(self, today: dt.date):
        return self.dated().filter(ends_on__lt=today)

    def overlapping(self, start: dt.date | None, end: dt.date | None):
        qs = self.dated()
        if start:
            qs = qs.filter(ends_on__gte=start)
        if end:
            qs = qs.filter(starts_on__lte=end)
        return qs
