"""A read replica for the public site's reads; the primary for everything else.

With DATABASE_REPLICA_URL set (settings), the database alias `replica` is a
streaming replica of `default`. Reads go to the replica only where a little
lag cannot hurt: GET and HEAD requests of the public pages and the API
(ReplicaForPublicReads), or code that says so (`reading_from_replica`). Writes,
anything inside a transaction, the admin (an editor who saves and reloads must
see the change), management commands and the worker stay on the primary, and so
do the session and cache tables, whose reads decide writes (a login, a throttle count).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.db import DEFAULT_DB_ALIAS, connections

REPLICA = "replica"
# Tables whose reads must see the last write: sessions, the cache (throttling counts).
PRIMARY_ONLY_APPS = {"sessions", "django_cache"}

_replica_allowed: ContextVar[bool] = ContextVar("replica_allowed", default=False)


@contextmanager
def reading_from_replica() -> Iterator[None]:
    """Reads in this block may go to the replica (when there is one and no transaction is open)."""
    token = _replica_allowed.set(True)
    try:
        yield
    finally:
        _replica_allowed.reset(token)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        if (_replica_allowed.get() and REPLICA in connections.settings
                and model._meta.app_label not in PRIMARY_ONLY_APPS
                and not connections[DEFAULT_DB_ALIAS].in_atomic_block):
            return REPLICA
        return DEFAULT_DB_ALIAS

    def db_for_write(self, model, **hints):
        return DEFAULT_DB_ALIAS

    def allow_relation(self, obj1, obj2, **hints):
        return True  # one set of data, wherever it was read

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        return db == DEFAULT_DB_ALIAS  # the replica gets the primary's schema by replication


class ReplicaForPublicReads:
    """Middleware: GET and HEAD requests outside the admin read from the replica."""

    SAFE = frozenset({"GET", "HEAD", "OPTIONS"})

    def __init__(self, get_response):
        self.get_response = get_response
        self._admin_prefix: str | None = None

    def admin_prefix(self) -> str:
        if self._admin_prefix is None:
            from django.urls import reverse

            self._admin_prefix = reverse("admin:index")
        return self._admin_prefix

    def __call__(self, request):
        if request.method in self.SAFE and not request.path_info.startswith(self.admin_prefix()):
            with reading_from_replica():
                return self.get_response(request)
        return self.get_response(request)
