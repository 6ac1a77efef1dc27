"""A request whose query ran past the web statement timeout (settings.STATEMENT_TIMEOUT) is a 503, not a 500."""

from __future__ import annotations

from django.db import OperationalError
from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from psycopg.errors import QueryCanceled

RETRY_AFTER_SECONDS = 30


def query_canceled(exception: BaseException) -> bool:
    return isinstance(exception, OperationalError) and isinstance(exception.__cause__, QueryCanceled)


def too_long_response(request) -> HttpResponse:
    message = _("The archive took too long to answer. Try again later, or narrow the search.")
    if request.path_info.startswith("/api/"):
        response = JsonResponse({"detail": message}, status=503)
    else:
        response = HttpResponse(message, status=503, content_type="text/plain; charset=utf-8")
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


class StatementTimeoutMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        return too_long_response(request) if query_canceled(exception) else None
