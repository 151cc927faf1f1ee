"""An id names one event for good: after the newest event is deleted, the next one gets a new id,
and the deleted event's history never shows under it (both engines)."""
from tests.integration.conftest import CALL_TEXT


def test_the_id_of_a_deleted_event_is_never_given_again(client, desk, headers):
    newest = desk.statement.id
    assert client.delete(f"/v1/events/{newest}", headers=headers).status_code == 204
    old_history = client.get(f"/v1/events/{newest}/history").json["data"]
    assert [c["action"] for c in old_history] == ["delete"]

    body = {"title": "Quintel calls Veld again", "channel": "phone_call", "date": "2024-03-09",
            "participants": [{"participant": desk.quintel.id}, {"participant": desk.veld.id}],
            "evidence": [{"document": desk.d1.key, "sentence": CALL_TEXT.split(". ", 1)[1]}]}
    created = client.post("/v1/events", json=body, headers=headers)
    assert created.status_code == 201, created.get_data(as_text=True)
    new = created.json["id"]
    assert new > newest
    assert [(c["action"], c["key"]) for c in client.get(f"/v1/events/{new}/history").json["data"]] == [
        ("create", "desk-editor")]
    assert client.get(f"/v1/events/{newest}/history").json["data"] == old_history
