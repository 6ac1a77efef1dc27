"""Every API error is JSON; a database error caused by a query is a 400, not a 500."""

from django.db import DataError
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler


def exception_handler(exc, context):
    response = drf_exception_handler(exc, context)
    if response is None and isinstance(exc, DataError):
        # e.g. a value PostgreSQL cannot take (a year 99999 date): the client's input, not our failure.
        return Response({"detail": f"invalid value: {exc.__cause__ or exc}".splitlines()[0]}, status=400)
    return response
