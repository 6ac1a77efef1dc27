"""Every API error is JSON: `{"field": ["message", ...]}` for input at fault, `{"detail": "..."}` otherwise.

A client's malformed input is a 400 that names the parameter or field, a
missing object a 404; neither is ever a 500.
"""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import DataError
from django.http import HttpResponsePermanentRedirect, JsonResponse
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from rest_framework.response import Response
from rest_framework.serializers import as_serializer_error
from rest_framework.views import exception_handler as drf_exception_handler


def exception_handler(exc, context):
    response = drf_exception_handler(exc, context)
    if response is not None:
        return response
    if isinstance(exc, DjangoValidationError):
        # A model rule (statements.validation) raised outside a serializer.
        return Response(as_serializer_error(exc), status=400)
    if isinstance(exc, DataError):
        # A value PostgreSQL cannot take that no validator caught: the client's input, not our failure.
        return Response({"detail": f"invalid value: {exc.__cause__ or exc}".splitlines()[0]}, status=400)
    return None


@csrf_exempt  # it changes nothing, and a refused write to a wrong URL should still get JSON
def not_found(request, path: str = ""):
    """Any other URL under /api/: a JSON 404, or the slash-terminated URL the client meant."""
    if not request.path_info.endswith("/") and request.method in ("GET", "HEAD"):
        try:
            match = resolve(request.path_info + "/")
        except Resolver404:
            match = None
        if match is not None and match.func is not not_found:
            query = request.META.get("QUERY_STRING", "")
            return HttpResponsePermanentRedirect(request.path + "/" + (f"?{query}" if query else ""))
    return JsonResponse({"detail": _("Not found.")}, status=404)
