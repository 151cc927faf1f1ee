"""`timeline deliver` as processes: two workers share the hooks and kill -9 loses nothing; bad
settings are one-line errors; a worker rides out the loss of its database connection."""
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from service.db import database
from service.models import Delivery
from tests import factories as f
from tests.integration.receiver import correct, start_worker


def test_two_workers_share_the_hooks_and_kill_9_loses_nothing(app, client, db, headers, receiver, loopback_allowed):
    event = f.event("Talks", channel="meeting")
    hooks = [client.post("/v1/webhooks", headers=headers, json={"url": f"{receiver.url}/{n}"}).json for n in (1, 2)]
    for n in range(30):
        correct(event.id, f"Talks {n}")
    seqs = [e["seq"] for e in client.get("/v1/changes").json["data"]]
    database.close()
    receiver.delay = 0.03  # slow enough that a kill lands mid-delivery now and then
    workers = [start_worker(app), start_worker(app)]
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


def test_a_worker_rides_out_its_database_connection_being_killed(app, client, db, headers, receiver, loopback_allowed):
    from service.db import is_postgres

    if not is_postgres():
        pytest.skip("PostgreSQL only: a server-side kill of the worker's connection")
    event = f.event("Talks", channel="meeting")
    hook = client.post("/v1/webhooks", headers=headers, json={"url": receiver.url}).json
    for n in range(20):
        correct(event.id, f"Talks {n}")
    receiver.delay = 0.05
    worker = start_worker(app)
    try:
        deadline = time.monotonic() + 60
        while len(receiver.ids()) < 5 and time.monotonic() < deadline:
            time.sleep(0.02)
        killed = database.execute_sql(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()").fetchone()[0]
        expected = [f"msg_{hook['id']}_{n}" for n in range(1, 21)]
        while set(receiver.ids()) != set(expected) and time.monotonic() < deadline:
            time.sleep(0.05)
    finally:
        worker.terminate()
        errors = worker.communicate(timeout=20)[1].decode()
    assert killed >= 1
    assert worker.returncode == 0, errors
    assert "deliver: database error, retrying" in errors
    assert list(dict.fromkeys(receiver.ids())) == expected and len(receiver.ids()) <= len(expected) + 1
