"""Schemathesis against the API's own OpenAPI schema: no 5xx, and every answer is what the schema says.

Requests go straight into the WSGI application (no server, no network) over
a small archive: every read as an anonymous client, every write both as an
anonymous client (refused) and as an editor with a token (validated). The
number of examples is bounded and the generation deterministic, so the run
is repeatable and short.
"""

import copy

import pytest
import schemathesis
from django.core.cache import cache
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from schemathesis.config import SchemathesisConfig

# Server errors, and answers (status, content type, body, headers) the schema does not describe.
CHECKS = ["not_a_server_error", "status_code_conformance", "content_type_conformance",
          "response_schema_conformance", "response_headers_conformance"]
# And for reads: a parameter the schema says is malformed must be refused, not ignored.
READ_CHECKS = [*CHECKS, "negative_data_rejection"]


def config(*, examples: int, coverage: bool, checks: list[str]) -> SchemathesisConfig:
    """Valid and invalid inputs, `examples` random ones per operation, plus (with `coverage`) the boundary
    values schemathesis derives from each parameter's schema."""
    return SchemathesisConfig.from_dict({
        "generation": {"mode": "all", "max-examples": examples, "deterministic": True},
        "checks": {"enabled": False, **{name: {"enabled": True} for name in checks}},
        "phases": {"coverage": {"enabled": coverage}, "stateful": {"enabled": False}},
    })


# The schema /api/schema/ serves, generated once at collection (no request, no database).
SCHEMA = SchemaGenerator().get_schema(request=None, public=True)


def load(**options):
    return schemathesis.openapi.from_dict(copy.deepcopy(SCHEMA), config=config(**options))


reads = load(examples=10, coverage=True, checks=READ_CHECKS).include(method="GET")
# Writes fuzzed without the coverage phase: its thousands of body variants would take minutes.
writes = load(examples=15, coverage=False, checks=CHECKS).exclude(method="GET")
refused_writes = load(examples=3, coverage=False, checks=CHECKS).exclude(method="GET")

pytestmark = pytest.mark.slow

# The archive is shared by a test's examples (and writes pile up in it), which is what we want here.
SHARED_FIXTURES = settings(suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.fixture
def wsgi_app(settings):
    """The site's WSGI application, inside the test's transaction.

    As in Django's test client, a request must not close the database
    connection, whose transaction holds the test's data.
    """
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "localhost"]
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield WSGIHandler()
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@reads.parametrize()
@SHARED_FIXTURES
def test_reads(case, archive, wsgi_app):
    cache.clear()  # the anonymous rate limit would otherwise answer 429 to the hundredth example
    case.call_and_validate(app=wsgi_app)


@refused_writes.parametrize()
@SHARED_FIXTURES
def test_anonymous_writes_are_refused(case, archive, wsgi_app):
    cache.clear()
    response = case.call_and_validate(app=wsgi_app)
    if case.path != "/api/token/":
        assert response.status_code in (401, 404, 405), response.status_code


@writes.parametrize()
@SHARED_FIXTURES
def test_editor_writes(case, archive, editor, wsgi_app):
    """Corrections of items that exist, on statements that exist, so that the model's rules are reached."""
    talks = archive["talks"]
    items = {"/api/agreements/{id}/": talks.agreements, "/api/events/{id}/": talks.events}
    if case.path in items:
        case.path_parameters = {"id": items[case.path].order_by("pk").first().pk}
    if isinstance(case.body, dict) and "statement_id" in case.body:
        case.body["statement_id"] = talks.pk
    token, _ = Token.objects.get_or_create(user=editor)
    case.call_and_validate(app=wsgi_app, headers={"Authorization": f"Token {token.key}"})
