"""Read-only API over the same querysets and FilterSets as the pages."""

import datetime as dt

from django.db.models import Count
from rest_framework import viewsets

from api import serializers as s
from statements.filters import AgreementFilter, EventFilter, StatementFilter
from statements.models import Agreement, Country, Event, Person, Statement, Topic


class StatementViewSet(viewsets.ReadOnlyModelViewSet):
    """Statements, newest first (or by relevance with `q`); the detail carries its extractions."""

    filterset_class = StatementFilter

    def get_queryset(self):
        if self.action == "retrieve":
            return Statement.objects.for_detail()
        return Statement.objects.for_list()

    def get_serializer_class(self):
        return s.StatementDetailSerializer if self.action == "retrieve" else s.StatementListSerializer


class AgreementViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = s.AgreementListSerializer
    filterset_class = AgreementFilter
    queryset = (Agreement.objects.filter(rejected=False).select_related("statement").prefetch_related("countries")
                .order_by("-statement__published_on", "statement_id", "start"))


class EventViewSet(viewsets.ReadOnlyModelViewSet):
    """Dated events; `start`/`end` select those whose period overlaps the range."""

    serializer_class = s.EventListSerializer
    filterset_class = EventFilter

    def get_queryset(self):
        return Event.objects.dated().select_related("statement").prefetch_related("countries").order_by(
            "starts_on", "ends_on", "id")


class UpcomingEventViewSet(EventViewSet):
    def get_queryset(self):
        return super().get_queryset().filter(ends_on__gte=dt.date.today())


class CountryViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = s.CountrySerializer
    queryset = Country.objects.annotate(statement_count=Count("statements")).order_by("code")
    lookup_field = "code"


class PersonViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = s.PersonSerializer
    queryset = Person.objects.annotate(statement_count=Count("statements", distinct=True)).order_by("key")
    lookup_field = "key"


class TopicViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = s.TopicSerializer
    queryset = Topic.objects.annotate(statement_count=Count("statements")).order_by("slug")
    lookup_field = "slug"
