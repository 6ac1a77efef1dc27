"""The OpenAPI schema documents every filter of the pages, with its type; the docs are served from here."""

import pytest
from django.utils.translation import override
from drf_spectacular.generators import SchemaGenerator

from statements.choices import Kind, Precision
from statements.search.filters import AgreementFilter, EventFilter, StatementFilter

pytestmark = pytest.mark.django_db

DATE = {"type": "string", "format": "date"}
TEXT = {"type": "string"}
BOOLEAN = {"type": "boolean"}
CODES = {"type": "array", "items": {"type": "string", "title": "ISO code"}}
KEYS = {"type": "array", "items": {"type": "string"}}
PAGE = {"type": "integer", "minimum": 1}
PAGE_SIZE = {"type": "integer", "minimum": 1, "maximum": 100}

STATEMENT_PARAMETERS = {
    "q": TEXT, "country": CODES, "topic": KEYS, "person": KEYS,
    "kind": {"type": "array", "items": {"type": "string", "enum": sorted(Kind.values)}},
    "language": {"type": "string", "enum": ["en", "ru"]},
    "date_from": DATE, "date_to": DATE, "has_agreements": BOOLEAN, "has_events": BOOLEAN,
    "sort": {"type": "string", "enum": ["newest", "oldest", "relevance"]},
}
EVENT_PARAMETERS = {
    "start": DATE, "end": DATE, "country": CODES, "verified": BOOLEAN,
    "precision": {"type": "string", "enum": sorted(Precision.values)},
    "month": {"type": "string", "pattern": r"^\d{4}-\d{2}$", "example": "2018-08"},
}
AGREEMENT_PARAMETERS = {
    "kind": {"type": "string", "enum": ["agreed", "reaffirmed"]}, "country": CODES, "party": TEXT,
    "date_from": DATE, "date_to": DATE, "verified": BOOLEAN,
    "sort": {"type": "string", "enum": ["newest", "oldest"]},
}


@pytest.fixture(scope="module")
def schema():
    with override("en"):
        return SchemaGenerator().get_schema(request=None, public=True)


def parameters(schema, path: str, method: str = "get") -> dict:
    return {p["name"]: p for p in schema["paths"][path][method].get("parameters", [])}


@pytest.mark.parametrize("path, filterset, expected", [
    ("/api/statements/", StatementFilter, {**STATEMENT_PARAMETERS, "page": PAGE, "page_size": PAGE_SIZE}),
    ("/api/export/statements.jsonl", StatementFilter, STATEMENT_PARAMETERS),
    ("/api/export/statements.csv", StatementFilter, STATEMENT_PARAMETERS),
    ("/api/agreements/", AgreementFilter, {**AGREEMENT_PARAMETERS, "page": PAGE, "page_size": PAGE_SIZE}),
    ("/api/events/", EventFilter, EVENT_PARAMETERS),
    ("/api/events/upcoming/", EventFilter, EVENT_PARAMETERS),
    ("/api/events/past/", EventFilter, EVENT_PARAMETERS),
])
def test_every_filter_of_the_pages_is_documented_with_its_type(schema, path, filterset, expected):
    documented = parameters(schema, path)
    assert set(filterset.base_filters) <= set(documented), "a filter of the pages is missing from the API"
    for name, expected_schema in expected.items():
        assert documented[name]["schema"] == expected_schema, name
        assert documented[name]["in"] == "query"
        assert documented[name].get("description"), f"{name} is not described"


@pytest.mark.parametrize("path", ["/api/countries/", "/api/people/", "/api/topics/", "/api/events/"])
def test_sorts_are_a_closed_list(schema, path):
    assert "enum" in parameters(schema, path)["sort"]["schema"]


def test_reads_are_anonymous_and_writes_need_credentials(schema):
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            anonymous = {} in operation["security"]
            if path == "/api/token/":
                continue
            assert anonymous == (method == "get"), (method, path)
            if method != "get":
                assert {"401", "403", "400"} <= set(operation["responses"]), (method, path)


def test_errors_are_documented(schema):
    list_responses = schema["paths"]["/api/statements/"]["get"]["responses"]
    errors = list_responses["400"]["content"]["application/json"]["schema"]
    assert errors == {"$ref": "#/components/schemas/FieldErrors"}
    assert set(list_responses) == {"200", "400", "404", "429"}
    assert "404" in schema["paths"]["/api/statements/{id}/"]["get"]["responses"]
    assert list(schema["paths"]["/api/export/statements.csv"]["get"]["responses"]["200"]["content"]) == ["text/csv"]


def test_schema_is_served_as_openapi_3(client):
    response = client.get("/api/schema/", {"format": "json"})
    assert response.status_code == 200
    served = response.json()
    assert served["openapi"].startswith("3.")
    assert "/api/events/past/" in served["paths"]
    assert client.get("/api/schema/").status_code == 200  # YAML by default


def test_docs_load_only_our_own_files(client):
    response = client.get("/api/docs/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "cdn" not in page.lower() and "https://" not in page and "http://" not in page
    assert '<script src="/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js">' in page
    assert "<script>" not in page  # no inline script: the CSP forbids it
    assert "script-src 'self';" in response["Content-Security-Policy"]
    script = client.get("/api/docs/", {"script": ""})
    assert script.status_code == 200 and script["Content-Type"] == "application/javascript"
