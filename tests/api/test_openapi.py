"""The OpenAPI document: served, equal to openapi.yaml, every response documented."""
from pathlib import Path

import yaml

from schemas.common import CHANNELS
from service.api import openapi_yaml
from service.models import CHANNELS as MODEL_CHANNELS

REPO = Path(__file__).resolve().parents[2]
PROBLEM = {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}


def test_openapi_yaml_in_the_repo_is_the_served_document(client):
    served = client.get("/v1/openapi.json").json
    committed = yaml.safe_load((REPO / "openapi.yaml").read_text(encoding="utf-8"))
    assert committed == served, "openapi.yaml is stale: run `timeline openapi -o openapi.yaml`"
    assert yaml.safe_load(openapi_yaml()) == served


def _resolve(document, response):
    if "$ref" in response:
        return document["components"]["responses"][response["$ref"].rsplit("/", 1)[1]]
    return response


def test_every_operation_documents_its_success_and_problem_responses(client):
    document = client.get("/v1/openapi.json").json
    assert document["openapi"] == "3.0.3"
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            if method not in ("get", "post", "put", "patch", "delete"):
                continue
            responses = {status: _resolve(document, r) for status, r in operation["responses"].items()}
            assert responses["default"]["content"] == PROBLEM, (path, method)
            for status, response in responses.items():
                if status.startswith(("4", "5")):
                    assert response["content"] == PROBLEM, (path, method, status)
            if path.startswith("/v1/") and method == "get":
                assert "schema" in responses["200"]["content"]["application/json"], path


def test_read_operations(client):
    document = client.get("/v1/openapi.json").json
    reads = {(path, method) for path, ops in document["paths"].items() for method in ops if method == "get"}
    assert reads >= {
        ("/healthz", "get"), ("/readyz", "get"), ("/v1/events", "get"), ("/v1/events/{event_id}", "get"),
        ("/v1/participants", "get"), ("/v1/participants/{actor_id}", "get"),
        ("/v1/participants/{actor_id}/events", "get"), ("/v1/participants/{actor_id}/counterparts", "get"),
        ("/v1/topics", "get"), ("/v1/channels", "get"), ("/v1/documents", "get"),
        ("/v1/documents/{document_id}", "get"), ("/v1/timeline", "get"),
    }
    names = [p["name"] for p in document["paths"]["/v1/events"]["get"]["parameters"]]
    assert set(names) == {
        "from", "to", "participant", "country", "channel", "topic", "location", "document", "q", "undated",
        "sort", "limit", "cursor", "format", "group",
    }


def test_schema_channels_are_the_model_channels():
    assert list(CHANNELS) == list(MODEL_CHANNELS)
