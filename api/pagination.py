"""Pages of at most settings.MAX_PAGE_SIZE rows; a malformed `page` or `page_size` is a 400 naming it."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination

from statements.search.pagination import EstimatingPaginator


def _whole_number(request, name: str, *, maximum: int | None = None) -> int | None:
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return None
    # Digits only (no sign, no spaces), and few enough of them to be a page.
    value = int(raw) if raw.isascii() and raw.isdigit() and len(raw) <= 9 else 0
    if value < 1 or (maximum is not None and value > maximum):
        if maximum is None:
            message = _("A whole number from 1 to 999999999.")
        else:
            message = _("A whole number from 1 to %(max)d.") % {"max": maximum}
        raise ValidationError({name: [message]})
    return value


class StatementPagination(PageNumberPagination):
    django_paginator_class = EstimatingPaginator
    page_size_query_param = "page_size"
    # A page past the last one is a 404 (the page does not exist); a page that
    # is not a number at all is the client's malformed input, a 400.
    last_page_strings = ()

    # The same sizes as the site's pages, read when asked for, so that a changed setting holds.
    @property
    def page_size(self):
        return settings.PAGE_SIZE

    @property
    def max_page_size(self):
        return settings.MAX_PAGE_SIZE

    def get_paginated_response(self, data):
        response = super().get_paginated_response(data)
        # Past settings.SEARCH_EXACT_COUNT_LIMIT matches `count` is the planner's estimate.
        response.data["count_is_estimate"] = self.page.paginator.estimated
        return response

    def get_paginated_response_schema(self, schema):
        schema = super().get_paginated_response_schema(schema)
        schema["properties"]["count_is_estimate"] = {
            "type": "boolean",
            "description": "true when the query matches so many statements that `count` is an estimate",
        }
        schema["required"] = [*schema.get("required", []), "count_is_estimate"]
        return schema

    def get_page_size(self, request):
        return _whole_number(request, self.page_size_query_param, maximum=self.max_page_size) or self.page_size

    def get_page_number(self, request, paginator):
        return _whole_number(request, self.page_query_param) or 1

    def get_schema_operation_parameters(self, view):
        return [
            {"name": self.page_query_param, "required": False, "in": "query",
             "description": "Page number, from 1; past the last page is a 404.",
             "schema": {"type": "integer", "minimum": 1}},
            {"name": self.page_size_query_param, "required": False, "in": "query",
             "description": f"Rows per page, 1 to {self.max_page_size} (default {self.page_size}).",
             "schema": {"type": "integer", "minimum": 1, "maximum": self.max_page_size}},
        ]


class SearchPagination(StatementPagination):
    """Statement pages that also say what the search did with the query: the page's notices, in JSON."""

    corrected_query: str | None = None
    named: list[dict] = []
    partial_match = False

    def get_paginated_response(self, data):
        response = super().get_paginated_response(data)
        response.data["corrected_query"] = self.corrected_query
        response.data["named"] = self.named
        response.data["partial_match"] = self.partial_match
        return response

    def get_paginated_response_schema(self, schema):
        schema = super().get_paginated_response_schema(schema)
        schema["properties"]["corrected_query"] = {
            "type": "string", "nullable": True,
            "description": "when `q` found nothing and a misspelt name was corrected: the corrected query, "
                           "which the results are for",
        }
        schema["properties"]["named"] = {
            "type": "array",
            "description": "runs of `q` that name a country, organisation or phrase with equivalents, "
                           "and what was searched for as well",
            "items": {"type": "object", "properties": {
                "text": {"type": "string"}, "also": {"type": "array", "items": {"type": "string"}}}},
        }
        schema["properties"]["partial_match"] = {
            "type": "boolean",
            "description": "fewer than ten statements hold every word of `q`: those holding some of them follow "
                           "(after those holding all, ranked)",
        }
        schema["required"] = [*schema["required"], "corrected_query", "named", "partial_match"]
        return schema
