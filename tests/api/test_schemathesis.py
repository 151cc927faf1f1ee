"""Property-based run of schemathesis over the app's own OpenAPI document, every operation.

No 5xx, and every response (status, content type, headers, body) conforms to the document.
Schemathesis' pytest loader (`from_fixture`) does not run under pytest 9, so the operations are
driven with its Python API and hypothesis directly, once per database backend.
"""
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
EXAMPLES = int(__import__("os").environ.get("ST_EXAMPLES", "30"))


def _run(operation):
    @given(case=operation.as_strategy())
    @settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    def check(case):
        case.call_and_validate(checks=CHECKS)

    check()


def test_api_conforms_to_its_document(app, world):
    schema = schemathesis.openapi.from_wsgi("/v1/openapi.json", app)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 13
    for operation in operations:
        _run(operation)


def test_existing_resources_conform_to_the_document(app, world):
    """Generated ids rarely name a row: check the detail operations on rows that exist as well."""
    schema = schemathesis.openapi.from_wsgi("/v1/openapi.json", app)
    existing = {"event_id": world.call.id, "actor_id": world.putin.id, "document_id": world.d2.id}
    checked = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        names = [parameter.name for parameter in operation.path_parameters]
        if operation.method.upper() != "GET" or not names or "hook_id" in names:
            continue  # (webhooks need a key even to read: tests/integration/test_webhooks.py)
        response = operation.Case(path_parameters={name: existing[name] for name in names}).call_and_validate(
            checks=CHECKS
        )
        assert response.status_code == 200, operation.path
        checked += 1
    assert checked >= 5
