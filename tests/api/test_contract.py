"""The wire format has one definition, the marshmallow schemas (openapi.yaml is generated from
them): every GET endpoint, on rows that exist, answers exactly what its schema says (every
object closed, so a key the schema does not name fails as much as a missing one)."""
import schemathesis
from schemathesis.specs.openapi.checks import response_schema_conformance

from service import auth
from service.curation import event_edits
from service.delivery import hooks


def test_every_payload_of_every_endpoint_conforms_to_its_schema(app, world):
    schema = schemathesis.openapi.from_wsgi("/v1/openapi.json", app)
    key = auth.create_key("contract")  # hooks are read with a key only
    event_edits.update_event(world.call.id, {"summary": "Corrected."}, "contract")  # a history entry, a change
    hook = hooks.create_hook({"url": "http://127.0.0.1:9/hook", "filters": {"channel": ["meeting"]}}, "contract",
                                hooks.allowed_networks("127.0.0.0/8"))
    existing = {"event_id": world.call.id, "actor_id": world.putin.id, "document_id": world.d2.id,
                "hook_id": hook["id"]}
    checked = []
    for result in schema.get_all_operations():
        operation = result.ok()
        if operation.method.upper() != "GET":
            continue
        names = [parameter.name for parameter in operation.path_parameters]
        case = operation.Case(path_parameters={name: existing[name] for name in names},
                              headers={"Authorization": f"Bearer {key}"})
        response = case.call_and_validate(checks=[response_schema_conformance])
        assert response.status_code == 200, operation.path
        checked.append(operation.path)
    assert client_json(app, f"/v1/events/{world.call.id}/history", key)["data"]
    assert client_json(app, "/v1/changes", key)["data"]
    assert sorted(checked) == [
        "/healthz", "/readyz", "/v1/changes", "/v1/channels", "/v1/documents", "/v1/documents/{document_id}",
        "/v1/events", "/v1/events/{event_id}", "/v1/events/{event_id}/history", "/v1/participants",
        "/v1/participants/{actor_id}", "/v1/participants/{actor_id}/counterparts",
        "/v1/participants/{actor_id}/events", "/v1/timeline", "/v1/topics", "/v1/webhooks",
        "/v1/webhooks/{hook_id}", "/v1/webhooks/{hook_id}/deliveries",
    ]


def client_json(app, path, key):
    return app.test_client().get(path, headers={"Authorization": f"Bearer {key}"}).json


def test_the_conflicts_of_an_event_are_typed(client, world):
    body = client.get(f"/v1/events/{world.call.id}").json
    assert body["conflicts"] == [{"field": "date", "values": [{"value": "2021-08-25", "documents": ["000_a.txt"]},
                                                              {"value": "2021-08-24", "documents": ["001_b.txt"]}]}]
