"""Read-only API over the same querysets and FilterSets as the pages."""

import datetime as dt

from django.db.models import Count
from django.http import JsonResponse, StreamingHttpResponse
from rest_framework import viewsets

from api import serializers as s
from statements import exchange
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


class EditorWritesMixin:
    """Read for everyone; editors (model permissions) create and correct, nobody deletes through the API."""

    http_method_names = ["get", "post", "put", "patch", "head", "options"]


class AgreementViewSet(EditorWritesMixin, viewsets.ModelViewSet):
    serializer_class = s.AgreementListSerializer
    filterset_class = AgreementFilter
    queryset = (Agreement.objects.filter(rejected=False).select_related("statement").prefetch_related("countries")
                .order_by("-statement__published_on", "statement_id", "start"))


class EventViewSet(EditorWritesMixin, viewsets.ModelViewSet):
    """Dated events; `start`/`end` select those whose period overlaps the range."""

    serializer_class = s.EventListSerializer
    filterset_class = EventFilter

    def get_queryset(self):
        base = Event.objects.all() if self.action in ("update", "partial_update") else Event.objects.dated()
        return base.select_related("statement").prefetch_related("countries").order_by(
            "starts_on", "ends_on", "id")


class UpcomingEventViewSet(viewsets.ReadOnlyModelViewSet):
    serializer_class = s.EventListSerializer
    filterset_class = EventFilter

    def get_queryset(self):
        return EventViewSet.get_queryset(self).filter(ends_on__gte=dt.date.today())


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


def export(request, fmt: str):
    """The whole archive (or the filtered part) as JSON Lines or CSV, streamed."""
    filterset = StatementFilter(request.GET or None, queryset=Statement.objects.all())
    if filterset.is_bound and not filterset.is_valid():
        return JsonResponse(filterset.errors, status=400)
    if fmt == "jsonl":
        response = StreamingHttpResponse(exchange.iter_jsonl(filterset.qs), content_type="application/x-ndjson")
    else:
        response = StreamingHttpResponse(exchange.iter_csv(filterset.qs), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="statements.{fmt}"'
    return response
