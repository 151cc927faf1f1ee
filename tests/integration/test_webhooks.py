"""Webhooks: registration, target checks, signed at-least-once delivery in order, retries and
disabling. A real local HTTP receiver verifies every signature with the `standardwebhooks`
reference library."""
import pytest
from standardwebhooks import Webhook as Verifier
from standardwebhooks import WebhookVerificationError

from tests import factories as f
from tests.conftest import assert_problem
from tests.integration.receiver import correct, run_until, settings


def test_register_list_read_and_delete_hooks(client, db, headers, receiver, loopback_allowed):
    assert_problem(client.post("/v1/webhooks", json={"url": receiver.url}), 401)
    assert_problem(client.get("/v1/webhooks"), 401)  # hooks hold private URLs: reading them needs a key
    created = client.post("/v1/webhooks", headers=headers, json={
        "url": receiver.url + "/hook", "description": "desk alerts", "filters": {"channel": ["meeting"]}})
    assert created.status_code == 201, created.json
    hook = created.json
    assert hook["secret"].startswith("whsec_") and len(hook["secret"]) == 38
    assert created.headers["Location"] == f"/v1/webhooks/{hook['id']}"
    shown = {"id": hook["id"], "url": receiver.url + "/hook", "description": "desk alerts",
             "filters": {"channel": ["meeting"]}, "status": "active", "disabled_reason": None,
             "failing_since": None, "owner": "desk-editor", "created_at": hook["created_at"]}
    assert hook == {**shown, "secret": hook["secret"]}
    assert client.get("/v1/webhooks", headers=headers).json == {"data": [shown], "next": None}
    assert client.get(f"/v1/webhooks/{hook['id']}", headers=headers).json == shown
    assert client.get(f"/v1/webhooks/{hook['id']}/deliveries", headers=headers).json == {"data": [], "next": None}
    assert client.delete(f"/v1/webhooks/{hook['id']}", headers=headers).status_code == 204
    assert_problem(client.get(f"/v1/webhooks/{hook['id']}", headers=headers), 404)
    assert_problem(client.delete(f"/v1/webhooks/{hook['id']}", headers=headers), 404)


@pytest.mark.parametrize("url, message", [
    ("http://127.0.0.1:9/x", None),  # loopback: refused unless configured
    ("http://10.1.2.3/x", None),
    ("http://192.168.0.7/x", None),
    ("http://169.254.169.254/latest", None),
    ("http://[::1]:8000/", None),
    ("ftp://127.0.0.1/x", "Not a valid URL."),
    ("http://host.invalid/x", "cannot be resolved"),
])
def test_targets_on_private_loopback_or_link_local_addresses_are_refused(client, db, headers, url, message):
    errors = assert_problem(client.post("/v1/webhooks", headers=headers, json={"url": url}), 422)["errors"]
    [text] = errors["json"]["url"]
    assert (message or "a private, loopback or link-local address") in text


def test_bad_hook_bodies_are_422(client, db, headers, loopback_allowed, receiver):
    bad = client.post("/v1/webhooks", headers=headers, json={"url": receiver.url, "filters": {"channel": ["fax"]}})
    assert assert_problem(bad, 422)["errors"] == {
        "json": {"filters": {"channel": {"0": [
            "Must be one of: phone_call, video_call, meeting, multilateral_meeting, speech, press_conference, "
            "statement, correspondence."]}}}}
    assert assert_problem(client.post("/v1/webhooks", headers=headers, json={"url": receiver.url, "x": 1}),
                          422)["errors"] == {"json": {"x": ["Unknown field."]}}


def test_signed_deliveries_are_retried_after_500_and_arrive_once_each_in_order(
        client, db, headers, receiver, loopback_allowed):
    meeting, call = f.event("Talks", channel="meeting"), f.event("Call", channel="phone_call")
    hook = client.post("/v1/webhooks", headers=headers, json={
        "url": receiver.url + "/in", "filters": {"channel": ["meeting"]}}).json
    receiver.plan = [500, 500]
    for n in range(3):
        correct(meeting.id, f"Talks {n}")
        correct(call.id, f"Call {n}")  # filtered out: a phone call
    wanted = [e for e in client.get("/v1/changes").json["data"] if e["id"] == meeting.id]
    run_until(lambda: len(set(receiver.ids())) == 3, settings())

    verifier = Verifier(hook["secret"])
    received = {}
    for request in receiver.requests:
        payload = verifier.verify(request["body"], request["headers"])  # the spec's own algorithm
        received.setdefault(request["headers"]["webhook-id"], payload)
        assert request["headers"]["content-type"] == "application/json"
    with pytest.raises(WebhookVerificationError):
        Verifier("whsec_" + "QUJD" * 8).verify(receiver.requests[0]["body"], receiver.requests[0]["headers"])
    ids = [f"msg_{hook['id']}_{e['seq']}" for e in wanted]
    assert receiver.ids() == [ids[0], ids[0], ids[0], ids[1], ids[2]]  # nothing overtakes a retried delivery
    assert [r["status"] for r in receiver.requests] == [500, 500, 200, 200, 200]
    assert list(received.values()) == [{"type": "event.updated", "timestamp": e["time"], "data": e} for e in wanted]
    first, second, third = (r["at"] for r in receiver.requests[:3])
    assert second - first >= 0.025 and third - second >= 0.05  # backoff doubles (with jitter: half to full)

    listing = client.get(f"/v1/webhooks/{hook['id']}/deliveries", headers=headers).json
    assert [(d["message_id"], d["seq"], d["status"], d["response_status"]) for d in listing["data"]] == [
        (ids[2], wanted[2]["seq"], "delivered", 200), (ids[1], wanted[1]["seq"], "delivered", 200),
        (ids[0], wanted[0]["seq"], "delivered", 200)]
    assert [a["response_status"] for a in listing["data"][2]["attempts"]] == [500, 500, 200]
    assert all(d["next_attempt_at"] is None and d["delivered_at"] for d in listing["data"])
    assert listing["next"] is None


def test_a_hook_failing_for_the_configured_time_is_disabled_and_says_so(
        client, db, headers, receiver, loopback_allowed):
    event = f.event("Talks", channel="meeting")
    hook = client.post("/v1/webhooks", headers=headers, json={"url": receiver.url}).json
    receiver.plan = [503] * 1000
    correct(event.id, "Talks again")
    run_until(lambda: not client.get(f"/v1/webhooks/{hook['id']}", headers=headers).json["status"] == "active",
               settings(disable_after=0.3))
    shown = client.get(f"/v1/webhooks/{hook['id']}", headers=headers).json
    assert shown["status"] == "disabled" and shown["failing_since"]
    assert shown["disabled_reason"].startswith("deliveries have failed for ")
    assert shown["disabled_reason"].endswith("s; the last answered 503")
    [pending] = client.get(f"/v1/webhooks/{hook['id']}/deliveries", headers=headers).json["data"]
    assert pending["status"] == "pending" and len(pending["attempts"]) == len(receiver.requests) >= 2
    assert {a["response_status"] for a in pending["attempts"]} == {503}

    # the receiver is fixed; an editor re-enables the hook and the held delivery goes out
    receiver.plan = []
    again = client.patch(f"/v1/webhooks/{hook['id']}", json={"status": "active"}, headers=headers)
    assert again.status_code == 200
    assert again.json == {**shown, "status": "active", "disabled_reason": None, "failing_since": None}
    run_until(lambda: receiver.requests[-1]["status"] == 200, settings(disable_after=0.3))
    [delivered] = client.get(f"/v1/webhooks/{hook['id']}/deliveries", headers=headers).json["data"]
    assert (delivered["status"], delivered["attempts"][-1]["response_status"]) == ("delivered", 200)
    paused = client.patch(f"/v1/webhooks/{hook['id']}", json={"status": "disabled"}, headers=headers).json
    assert (paused["status"], paused["disabled_reason"]) == ("disabled", "paused over the API")
    assert assert_problem(client.patch(f"/v1/webhooks/{hook['id']}", json={"status": "on"}, headers=headers),
                          422)["errors"] == {"json": {"status": ["Must be one of: active, disabled."]}}
    assert_problem(client.patch("/v1/webhooks/999", json={"status": "active"}, headers=headers), 404)


def test_a_bad_network_list_stops_the_service_at_start():
    from service import create_app

    with pytest.raises(SystemExit, match="TIMELINE_WEBHOOK_ALLOWED_NETWORKS is not valid"):
        create_app({"MIGRATE_ON_START": False, "WEBHOOK_ALLOWED_NETWORKS": "10.0.0.0/8,nonsense"})
