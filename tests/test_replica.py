"""The read-replica router: public reads from `replica`, writes and transactions on `default`.

`replica` is a TEST MIRROR of the test database (tests/settings.py): its own
connection, so the queries each alias runs can be told apart.
"""

from __future__ import annotations

import pytest
from django.conf import settings
from django.db import connections, transaction
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from archive.routers import reading_from_replica
from statements.models import Statement
from tests.factories import make_statement
from tests.test_settings import run_manage

ROUTED = override_settings(
    DATABASE_ROUTERS=["archive.routers.ReplicaRouter"],
    MIDDLEWARE=["archive.routers.ReplicaForPublicReads", *settings.MIDDLEWARE],
)

pytestmark = [pytest.mark.django_db(databases=["default", "replica"], transaction=True)]


@pytest.fixture
def queries():
    """The SQL each alias ran in the block: {"default": [...], "replica": [...]}."""
    class Both:
        def __enter__(self):
            self.contexts = {alias: CaptureQueriesContext(connections[alias]) for alias in ("default", "replica")}
            for context in self.contexts.values():
                context.__enter__()
            return self

        def __exit__(self, *exc):
            for context in self.contexts.values():
                context.__exit__(*exc)

        def __getitem__(self, alias):
            return [q["sql"] for q in self.contexts[alias].captured_queries]

    return Both


@ROUTED
def test_reads_go_to_the_replica_writes_and_transactions_to_the_primary(queries):
    with queries() as outside:
        Statement.objects.count()
    assert outside["replica"] == [] and len(outside["default"]) == 1  # code that did not ask: the primary

    with reading_from_replica(), queries() as q:
        assert Statement.objects.count() == 0
    assert len(q["replica"]) == 1 and q["default"] == []

    with reading_from_replica(), queries() as q:
        make_statement(title="Записано на основном сервере")
    assert q["replica"] == [] and any("INSERT" in sql for sql in q["default"])

    with reading_from_replica(), queries() as q:
        with transaction.atomic():
            assert Statement.objects.filter(title="Записано на основном сервере").exists()
    assert q["replica"] == []  # inside a transaction a read sees the transaction's own writes

    with reading_from_replica():
        # The mirror is the same database: a committed write is there.
        assert Statement.objects.using("replica").filter(title="Записано на основном сервере").exists()
        assert Statement.objects.all().db == "replica"
        assert Statement.objects.select_for_update().db == "default"


@ROUTED
def test_public_pages_read_from_the_replica_and_the_admin_from_the_primary(client, queries, django_user_model):
    make_statement(title="Заявление для проверки реплики")
    with queries() as q:
        assert client.get("/api/statements/").status_code == 200
    assert q["replica"] and not any("statements_statement" in sql for sql in q["default"])

    admin = django_user_model.objects.create_superuser("admin", password="pw-admin-1")
    client.force_login(admin)
    with queries() as q:
        assert client.get("/admin/statements/statement/").status_code == 200
    assert q["replica"] == [] and any("statements_statement" in sql for sql in q["default"])
    # Sessions are read on the primary even on a public page: a login must be seen at once.
    with queries() as q:
        client.get("/api/statements/")
    assert not any("django_session" in sql for sql in q["replica"])


def settings_in_a_process(code: str, **env: str) -> str:
    """What a fresh `manage.py shell` prints with production's settings and this environment."""
    result = run_manage("shell", "--no-imports", "-c", code, DEBUG="1", DJANGO_SETTINGS_MODULE="archive.settings",
                        **env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_the_replica_is_configured_from_the_environment():
    show = ("from django.conf import settings; from django.db import connections; "
            "print(list(settings.DATABASES), settings.DATABASE_ROUTERS, "
            "connections['replica'].settings_dict['HOST'] if 'replica' in connections else '-')")
    with_replica = settings_in_a_process(show, DATABASE_REPLICA_URL="postgres://reader@replica.internal:5432/archive")
    assert with_replica == "['default', 'replica'] ['archive.routers.ReplicaRouter'] replica.internal"
    assert settings_in_a_process(show) == "['default'] [] -"
