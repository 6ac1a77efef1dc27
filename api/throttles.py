"""Limits per client: password guessing and exports, counted in the site's cache so that every worker agrees.

The client is the connection's address, or behind a proxy (BEHIND_TLS_PROXY)
the one the proxy appended to X-Forwarded-For (DRF's NUM_PROXIES, set in
settings): a header the client wrote itself never opens a fresh budget.
"""

from __future__ import annotations

import zlib

from django.conf import settings
from django.db import connection, transaction
from django.shortcuts import render
from rest_framework.throttling import BaseThrottle, SimpleRateThrottle

from statements.admin.site import is_editor


def client_address(request) -> str:
    """The client's address as every limit sees it (DRF's reading of NUM_PROXIES, for pages too); "" when the
    server was not told one (a WSGI caller without REMOTE_ADDR): then all such clients share one budget."""
    return BaseThrottle().get_ident(request) or ""


class LoginRateThrottle(SimpleRateThrottle):
    """Sign-in attempts per client address, the admin's login and /api/token/ together (settings.LOGIN_RATE).

    Every attempt counts, right or wrong, and is counted before the password is
    checked, so a refused guess costs no hashing. The count is read and written
    under a PostgreSQL advisory lock on the address: two workers answering two
    guesses at once cannot both read the same count, whichever cache holds it.
    """

    scope = "login"

    def get_rate(self):
        return settings.LOGIN_RATE

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": client_address(request)}

    def allow_request(self, request, view):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s::int4, %s::int4)",
                           [LOCK_CLASS, zlib.crc32(client_address(request).encode()) & 0x7FFFFFFF])
            return super().allow_request(request, view)


# The first key of the advisory locks above ("LGIN"), so that they meet no other lock of the archive.
LOCK_CLASS = 0x4C47494E


def refused_login(request, context: dict):
    """For the admin's login form: None when the attempt may go on, else the 429 page saying how long to wait."""
    throttle = LoginRateThrottle()
    if throttle.allow_request(request, None):
        return None
    wait = max(1, round(throttle.wait() or 1))
    response = render(request, "admin/login_throttled.html", {**context, "wait": wait}, status=429)
    response["Retry-After"] = str(wait)
    return response


class ExportRateThrottle(SimpleRateThrottle):
    """Exports by anyone but an editor (settings.EXPORT_ANON_RATE), on top of the API's anonymous rate: each
    one reads up to EXPORT_ANON_ROWS statements with all their extractions (about 3 s of a core for 1,000)."""

    scope = "export"

    def get_rate(self):
        return settings.EXPORT_ANON_RATE

    def get_cache_key(self, request, view):
        if is_editor(request.user):
            return None
        return self.cache_format % {"scope": self.scope, "ident": client_address(request)}


class ExportBurstThrottle(ExportRateThrottle):
    """And at most EXPORT_ANON_BURST of them a minute, so that the hour's exports do not all run at once."""

    scope = "export_burst"

    def get_rate(self):
        return settings.EXPORT_ANON_BURST
