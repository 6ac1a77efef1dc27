"""The API over the same querysets and FilterSets as the pages: read for everyone, corrections for editors."""

from __future__ import annotations

from dataclasses import asdict

from django.conf import settings
from django.db.models import Count
from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_filters.utils import translate_validation
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view, inline_serializer
from rest_framework import mixins, serializers, viewsets
from rest_framework.authentication import SessionAuthentication
from rest_framework.authtoken.views import ObtainAuthToken
from rest_framework.generics import GenericAPIView
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle

from api import filters as f
from api import serializers as s
from api.auth import ExpiringTokenAuthentication, expires, issue_token
from api.caching import public_read_cache
from api.pagination import SearchPagination
from api.parsers import JSONParser
from api.permissions import EditorsWriteOthersRead
from api.schema import ArchiveAutoSchema
from api.throttles import ExportBurstThrottle, ExportRateThrottle, LoginRateThrottle
from statements.admin.site import is_editor
from statements.models import Agreement, Country, Event, Person, Statement, Topic
from statements.search.filters import StatementFilter
from statements.search.suggest import suggestions
from statements.services import exchange


class ApiView:
    """What every endpoint shares: the schema, the strict filters, who may do what."""

    schema = ArchiveAutoSchema()
    filter_backends = [f.StrictFilterBackend]
    # Token first: an anonymous write is answered 401 with `WWW-Authenticate: Token`.
    authentication_classes = [ExpiringTokenAuthentication, SessionAuthentication]
    permission_classes = [EditorsWriteOthersRead]


@method_decorator(public_read_cache, name="dispatch")
class StatementViewSet(ApiView, viewsets.ReadOnlyModelViewSet):
    """Statements, newest first (or by relevance with `q`); the detail carries its agreements, events,
    countries, people and topics. The filters are the search page's."""

    filterset_class = StatementFilter
    pagination_class = SearchPagination
    lookup_value_regex = r"\d+"

    def get_queryset(self):
        if self.action == "retrieve":
            return Statement.objects.for_detail()
        return Statement.objects.for_list()

    def list(self, request, *args, **kwargs):
        """As the search page: a query that finds nothing is searched again with misspelt names corrected."""
        # The backend's filterset (strict: a bad parameter is a 400 naming it), kept for what it did.
        filterset = f.StrictFilterBackend().get_filterset(request, self.get_queryset(), self)
        filterset.loosen_when_few = True
        if not filterset.is_valid():
            raise translate_validation(filterset.errors)
        page = self.paginate_queryset(filterset.qs)
        if filterset.query.strip() and not self.paginator.page.paginator.count:
            better = filterset.corrected()
            if better is not None and better.is_valid():
                filterset = better
                self.paginator.corrected_query = better.query
                page = self.paginate_queryset(better.qs)
        self.paginator.partial_match = filterset.loosened
        self.paginator.named = filterset.named(get_language() or "ru") if filterset.query.strip() else []
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def get_serializer_class(self):
        return s.StatementDetailSerializer if self.action == "retrieve" else s.StatementListSerializer


class EditorWritesMixin(ApiView):
    """Read for everyone; editors create and correct (reject instead of deleting: extraction must not bring an
    item back). A rejected item is gone from the lists and details, but an editor can still correct it."""

    http_method_names = ["get", "post", "put", "patch", "head", "options"]
    lookup_value_regex = r"\d+"

    def get_queryset(self):
        items = self.queryset_for_reading()
        if self.action in ("update", "partial_update"):
            items = items.model.objects.all()
        return items.select_related("statement").prefetch_related("countries")

    # Writes go through statements.services.corrections (see api.serializers.EditorItemSerializer), which
    # also writes the item's admin history, so it shows every editor's work whichever way it came.


@extend_schema_view(
    create=extend_schema(description="Editors: add an agreement the machine missed (it becomes the editor's)."),
    update=extend_schema(description="Editors: correct an agreement (the correction survives re-extraction)."),
    partial_update=extend_schema(description="Editors: correct an agreement, mark it `verified` or `rejected`."),
)
class AgreementViewSet(EditorWritesMixin, viewsets.ModelViewSet):
    """Agreements reached or reaffirmed, newest statements first; the filters are the agreements page's."""

    serializer_class = s.AgreementListSerializer
    filterset_class = f.AgreementAPIFilter

    def queryset_for_reading(self):
        return Agreement.objects.filter(rejected=False).order_by(*f.AGREEMENT_SORTS["newest"])


@extend_schema_view(
    list=extend_schema(description="Events with calendar dates. `start`/`end` (or `month`) select those whose "
                                   "period overlaps the range; `country` those concerning a country."),
    create=extend_schema(description="Editors: add an event the machine missed (it becomes the editor's)."),
    update=extend_schema(description="Editors: correct an event (the correction survives re-extraction)."),
    partial_update=extend_schema(description="Editors: correct an event's dates, mark it `verified` or "
                                             "`rejected`."),
)
class EventViewSet(EditorWritesMixin, viewsets.ModelViewSet):
    """Events announced in statements."""

    serializer_class = s.EventListSerializer
    filterset_class = f.EventAPIFilter

    def queryset_for_reading(self):
        events = Event.objects.dated() if self.action == "list" else Event.objects.active()
        return events.order_by(*f.EVENT_SORTS["soonest"])


class UpcomingEventViewSet(ApiView, mixins.ListModelMixin, viewsets.GenericViewSet):
    """Events that have not ended yet (today in Moscow counts), soonest first; the filters of `/api/events/`."""

    serializer_class = s.EventListSerializer
    filterset_class = f.EventAPIFilter

    def get_queryset(self):
        return (Event.objects.upcoming(timezone.localdate()).select_related("statement")
                .prefetch_related("countries"))


class PastEventViewSet(UpcomingEventViewSet):
    """Events that have ended, the latest first; the filters of `/api/events/`."""

    filterset_class = f.PastEventAPIFilter

    def get_queryset(self):
        return Event.objects.past(timezone.localdate()).select_related("statement").prefetch_related("countries")


class VocabularyViewSet(ApiView, viewsets.ReadOnlyModelViewSet):
    lookup_value_regex = r"[-\w]+"

    def get_queryset(self):
        # distinct: a person can be both a speaker and mentioned in one statement.
        return self.model.objects.annotate(statement_count=Count("statements", distinct=True)).order_by(
            self.lookup_field)


class CountryViewSet(VocabularyViewSet):
    """Countries (ISO 3166-1 alpha-2), each with the number of statements that mention it."""

    model = Country
    serializer_class = s.CountrySerializer
    filterset_class = f.CountryFilter
    lookup_field = "code"
    lookup_value_regex = r"[A-Za-z]{2}"

    def get_object(self):
        self.kwargs["code"] = self.kwargs["code"].upper()
        return super().get_object()


class PersonViewSet(VocabularyViewSet):
    """People who speak or are mentioned, each with the number of their statements."""

    model = Person
    serializer_class = s.PersonSerializer
    filterset_class = f.PersonFilter
    lookup_field = "key"


class TopicViewSet(VocabularyViewSet):
    """Topics, each with the number of statements about it."""

    model = Topic
    serializer_class = s.TopicSerializer
    filterset_class = f.TopicFilter
    lookup_field = "slug"


EXPORT_LIMITS = ("Anonymous clients get the first EXPORT_ANON_ROWS statements (1,000 unless configured) of the "
                 "selection, by id, and EXPORT_ANON_RATE exports (10 an hour), EXPORT_ANON_BURST at once (2 a "
                 "minute); editors signed in (token or session) EXPORT_EDITOR_ROWS (100,000). `X-Export-Limit` "
                 "gives the limit; `X-Export-Truncated: true` says that the selection had more, and "
                 "`X-Export-Notice` what to do: narrow it with the filters, sign in, or export the whole archive "
                 "with `manage.py export` on the server.")


class ExportView(ApiView, GenericAPIView):
    """The whole archive, or the part the list's filters select, streamed: one statement at a time with its
    extractions and the editors' work (verified, rejected, editor-made). The JSON Lines go back in with
    `manage.py import`. Bounded per request and throttled for anonymous clients (EXPORT_LIMITS)."""

    queryset = Statement.objects.all()
    filterset_class = StatementFilter
    pagination_class = None
    renderer_classes = [JSONRenderer]  # for errors; the export itself is streamed as it is
    throttle_classes = [AnonRateThrottle, ExportBurstThrottle, ExportRateThrottle]
    media_type = ""
    extension = ""

    def perform_content_negotiation(self, request, force=False):
        # Accept: text/csv is welcome here, whatever the error renderer says.
        return super().perform_content_negotiation(request, force=True)

    def get(self, request, *args, **kwargs):
        statements = self.filter_queryset(self.get_queryset())
        editor = is_editor(request.user)
        limit = settings.EXPORT_EDITOR_ROWS if editor else settings.EXPORT_ANON_ROWS
        truncated = exchange.exceeds(statements, limit)
        export = exchange.iter_jsonl if self.extension == "jsonl" else exchange.iter_csv
        response = StreamingHttpResponse(export(statements, limit=limit), content_type=self.media_type)
        response["Content-Disposition"] = f'attachment; filename="statements.{self.extension}"'
        response["X-Export-Limit"] = str(limit)
        response["X-Export-Truncated"] = "true" if truncated else "false"
        if truncated:
            # A header, not a line of the file: the JSON Lines must stay importable as they are.
            response["X-Export-Notice"] = (
                f"This export stops at the first {limit} statements of the selection, which has more. Narrow it "
                "with the filters (date_from, date_to, country, ...)"
                + ("" if editor else f", or sign in as an editor (up to {settings.EXPORT_EDITOR_ROWS})")
                + "; the whole archive: `manage.py export` on the server, or ask an editor.")
        return response


@extend_schema_view(get=extend_schema(
    operation_id="export_statements_jsonl", filters=True, responses={(200, "application/x-ndjson"): OpenApiTypes.STR},
    description="One JSON object per line and statement (format of `manage.py export`). " + EXPORT_LIMITS))
class JsonLinesExportView(ExportView):
    media_type = "application/x-ndjson"
    extension = "jsonl"


@extend_schema_view(get=extend_schema(
    operation_id="export_statements_csv", filters=True, responses={(200, "text/csv"): OpenApiTypes.STR},
    description="One row per statement; its agreements and events as JSON in their cells. A cell that a "
                "spreadsheet would run as a formula (beginning with = + - @, a tab or a carriage return) begins "
                "with an apostrophe. " + EXPORT_LIMITS))
class CsvExportView(ExportView):
    media_type = "text/csv; charset=utf-8"
    extension = "csv"


SUGGESTION_ITEM = inline_serializer("Suggestion", {
    "kind": serializers.ChoiceField(choices=["country", "organisation", "person", "topic"]),
    "value": serializers.CharField(help_text="the filter's value: country code, organisation acronym, person key, "
                                             "topic slug"),
    "label": serializers.CharField(),
    "statements": serializers.IntegerField(help_text="how many statements name it"),
    "url": serializers.CharField(help_text="its page on the site"),
    "description": serializers.CharField(help_text="what it is and how many statements name it, in the "
                                                   "interface's language: \"person · 316 statements\""),
})


@extend_schema(
    parameters=[OpenApiParameter("q", str, required=True, description="what the user has typed (1-100 characters)")],
    responses={200: inline_serializer("Suggestions", {"query": serializers.CharField(),
                                                      "results": serializers.ListField(child=SUGGESTION_ITEM)})},
    description="Countries, organisations, people and topics the query names, in any form and either language, "
                "or whose names begin with its last word; most named first, with their statement counts.",
)
class SuggestView(ApiView, GenericAPIView):
    pagination_class = None
    filter_backends = []

    def get(self, request, *args, **kwargs):
        query = (request.query_params.get("q") or "").strip()
        if not query or len(query) > 100:
            raise serializers.ValidationError({"q": [_("From 1 to 100 characters.")]})
        found = suggestions(query, lang=get_language() or "ru")
        return Response({"query": query,
                         "results": [{**asdict(item), "description": item.description} for item in found]})


@extend_schema(
    request=inline_serializer("TokenRequest", {"username": serializers.CharField(),
                                               "password": serializers.CharField()}),
    responses={200: inline_serializer("Token", {"token": serializers.CharField(),
                                                "expires": serializers.DateTimeField()})},
    description="An editor's API token, for `Authorization: Token <token>`, until `expires` (API_TOKEN_DAYS after "
                "it was issued) or a change of the editor's password. Sign-in attempts are limited per client "
                "address (LOGIN_RATE, with the admin's login): past the limit, 429 and `Retry-After`.",
)
class TokenView(ObtainAuthToken):
    schema = ArchiveAutoSchema()
    throttle_classes = [LoginRateThrottle]
    parser_classes = [JSONParser, FormParser, MultiPartParser]

    def post(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        token = issue_token(serializer.validated_data["user"])
        return Response({"token": token.key, "expires": expires(token)})
