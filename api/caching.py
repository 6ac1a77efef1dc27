"""Anonymous reads of the statements' API kept in the cache for a short time (API_CACHE_SECONDS).

The same few lists are asked for by every client (the newest statements, a
popular search); building one costs 30-100 ms of a core, reading it back one
cache query. Django's per-view cache does the work; this only keeps it to
requests without credentials: an editor (a token, or a signed-in session)
always reads the database, sees a correction at once, and nothing an editor
was answered is ever stored. A reader sees a new statement at most
API_CACHE_SECONDS late.
"""

from __future__ import annotations

from django.conf import settings
from django.middleware.cache import CacheMiddleware
from django.utils.decorators import decorator_from_middleware


class PublicReadCache(CacheMiddleware):
    @property
    def page_timeout(self) -> int:
        # The setting at each request, not CacheMiddleware's value fixed when the view was decorated.
        return settings.API_CACHE_SECONDS

    @page_timeout.setter
    def page_timeout(self, value) -> None:
        pass

    @staticmethod
    def _public(request) -> bool:
        return (settings.API_CACHE_SECONDS > 0 and "Authorization" not in request.headers
                and settings.SESSION_COOKIE_NAME not in request.COOKIES)

    def process_request(self, request):
        if not self._public(request):
            request._cache_update_cache = False
            return None
        return super().process_request(request)

    def process_response(self, request, response):
        if not self._public(request):
            return response
        return super().process_response(request, response)


public_read_cache = decorator_from_middleware(PublicReadCache)
