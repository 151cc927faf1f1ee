"""Webhooks: registration, target checks, signed at-least-once delivery in order, retries, disabling,
and `timeline deliver` workers sharing the work and surviving kill -9. A real local HTTP receiver
verifies every signature with the `standardwebhooks` reference library."""
import ipaddress
import json
import os
import signal
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from standardwebhooks import Webhook as Verifier
from standardwebhooks import WebhookVerificationError

from service import deliver, edits
from service.db import database, write_transaction
from service.models import Delivery
from tests import factories as f
from tests.conftest import assert_problem

LOOPBACK = "127.0.0.0/8"


class Receiver:
    """A webhook receiver on 127.0.0.1: answers each POST from `plan` (then 200), records everything."""

    def __init__(self):
        self.requests, self.plan, self.delay, self.lock = [], [], 0.0, threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - the http.server name
                body = self.rfile.read(int(self.headers["Content-Length"]))
                with receiver.lock:
                    status = receiver.plan.pop(0) if receiver.plan else 200
                    headers = {k.lower(): v for k, v in self.headers.items()}
                    receiver.requests.append({"headers": headers, "body": body, "status": status,
                                              "at": time.monotonic(), "path": self.path})
                time.sleep(receiver.delay)
                self.send_response(status)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def ids(self, path=None):
        with self.lock:
            return [r["headers"]["webhook-id"] for r in self.requests if path is None or r["path"] == path]


@pytest.fixture
def receiver():
    server = Receiver()
    server.thread.start()
    yield server
    server.httpd.shutdown()
    server.thread.join(5)


@pytest.fixture
def loopback_allowed(app, monkeypatch):
    monkeypatch.setitem(app.config, "WEBHOOK_ALLOWED_NETWORKS", LOOPBACK)


def _settings(**changes):
    values = {"timeout": 2.0, "retry_base": 0.05, "retry_max": 0.5, "disable_after": 3600.0, "lease": 5.0,
              "poll": 0.02, "networks": (ipaddress.ip_network(LOOPBACK),)}
    return deliver.Settings(**{**values, **changes})


def _correct(event_id, title):
    with write_transaction():
        edits.update_event(event_id, {"title": title}, "desk")


def _run_until(condition, settings, seconds=20):
    deliver.run(settings, max_seconds=seconds, stop=condition)
    database.connect(reuse_if_open=True)
    assert condition()


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
        _correct(meeting.id, f"Talks {n}")
        _correct(call.id, f"Call {n}")  # filtered out: a phone call
    wanted = [e for e in client.get("/v1/changes").json["data"] if e["id"] == meeting.id]
    _run_until(lambda: len(set(receiver.ids())) == 3, _settings())

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
    _correct(event.id, "Talks again")
    _run_until(lambda: not client.get(f"/v1/webhooks/{hook['id']}", headers=headers).json["status"] == "active",
               _settings(disable_after=0.3))
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
    _run_until(lambda: receiver.requests[-1]["status"] == 200, _settings(disable_after=0.3))
    [delivered] = client.get(f"/v1/webhooks/{hook['id']}/deliveries", headers=headers).json["data"]
    assert (delivered["status"], delivered["attempts"][-1]["response_status"]) == ("delivered", 200)
    paused = client.patch(f"/v1/webhooks/{hook['id']}", json={"status": "disabled"}, headers=headers).json
    assert (paused["status"], paused["disabled_reason"]) == ("disabled", "paused over the API")
    assert assert_problem(client.patch(f"/v1/webhooks/{hook['id']}", json={"status": "on"}, headers=headers),
                          422)["errors"] == {"json": {"status": ["Must be one of: active, disabled."]}}
    assert_problem(client.patch("/v1/webhooks/999", json={"status": "active"}, headers=headers), 404)


def _worker(app):
    env = {**os.environ, "DATABASE_URL": app.config["DATABASE_URL"],
           "TIMELINE_WEBHOOK_ALLOWED_NETWORKS": LOOPBACK, "TIMELINE_DELIVER_POLL_SECONDS": "0.05",
           "TIMELINE_DELIVER_LEASE_SECONDS": "2", "TIMELINE_WEBHOOK_TIMEOUT_SECONDS": "1"}
    command = [str(Path(sys.executable).with_name("timeline")), "deliver", "--max-seconds", "90"]
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def test_two_workers_share_the_hooks_and_kill_9_loses_nothing(app, client, db, headers, receiver, loopback_allowed):
    event = f.event("Talks", channel="meeting")
    hooks = [client.post("/v1/webhooks", headers=headers, json={"url": f"{receiver.url}/{n}"}).json for n in (1, 2)]
    for n in range(30):
        _correct(event.id, f"Talks {n}")
    seqs = [e["seq"] for e in client.get("/v1/changes").json["data"]]
    database.close()
    receiver.delay = 0.03  # slow enough that a kill lands mid-delivery now and then
    workers = [_worker(app), _worker(app)]
    try:
        deadline = time.monotonic() + 60
        while len(receiver.ids()) < 12 and time.monotonic() < deadline:
            time.sleep(0.02)
        workers[0].send_signal(signal.SIGKILL)
        workers[0].wait(10)
        expected = {f"msg_{h['id']}_{s}" for h in hooks for s in seqs}
        while set(receiver.ids()) != expected and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        for worker in workers:
            if worker.poll() is None:
                worker.terminate()
        outputs = [worker.communicate(timeout=20)[1].decode() for worker in workers]
    assert workers[0].returncode == -signal.SIGKILL
    assert workers[1].returncode == 0, outputs[1]
    assert set(receiver.ids()) == expected  # nothing lost
    for hook in hooks:
        got = receiver.ids(f"/{hooks.index(hook) + 1}")
        assert list(dict.fromkeys(got)) == [f"msg_{hook['id']}_{s}" for s in seqs]  # in order, per hook
    duplicates = len(receiver.ids()) - len(expected)
    assert duplicates <= 1  # at most the one in flight when the worker died is sent again
    database.connect(reuse_if_open=True)
    assert {d.status for d in Delivery.select()} == {"delivered"}
    assert json.loads(client.get(f"/v1/webhooks/{hooks[0]['id']}", headers=headers).data)["status"] == "active"


def test_deliver_refuses_bad_settings_in_one_line(app):
    env = {**os.environ, "DATABASE_URL": app.config["DATABASE_URL"]}
    command = [str(Path(sys.executable).with_name("timeline")), "deliver", "--once"]
    for name, value, message in [
        ("TIMELINE_WEBHOOK_ALLOWED_NETWORKS", "127.0.0.0/33", "'127.0.0.0/33' does not appear to be an IPv4 or IPv6"),
        ("TIMELINE_DELIVER_LEASE_SECONDS", "5", "DELIVER_LEASE_SECONDS must be longer than WEBHOOK_TIMEOUT_SECONDS"),
        ("TIMELINE_WEBHOOK_TIMEOUT_SECONDS", "soon", "TIMELINE_WEBHOOK_TIMEOUT_SECONDS='soon' is not valid"),
    ]:
        done = subprocess.run(command, env={**env, name: value}, capture_output=True, text=True, timeout=60)
        assert done.returncode == 1 and message in done.stderr and len(done.stderr.splitlines()) == 1, done.stderr


def test_a_bad_network_list_stops_the_service_at_start():
    from service import create_app

    with pytest.raises(SystemExit, match="TIMELINE_WEBHOOK_ALLOWED_NETWORKS is not valid"):
        create_app({"MIGRATE_ON_START": False, "WEBHOOK_ALLOWED_NETWORKS": "10.0.0.0/8,nonsense"})
