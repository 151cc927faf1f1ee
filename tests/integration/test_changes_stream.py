"""The feed under concurrent writers (no gaps), and as Server-Sent Events, through a real threaded server."""
import http.client
import json
import random
import threading
import time

from service.curation import event_edits
from service.db import database, is_postgres, write_transaction
from service.models import Change
from tests import factories as f

WRITERS, ROUNDS = 4, 25


def _get(port, path, headers=None, timeout=30):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.getheader("Content-Type"), response.read().decode()
    finally:
        connection.close()


def _correct(event_id, title):
    """One editor's correction, committed through the real write path."""
    with write_transaction():
        event_edits.update_event(event_id, {"title": title}, "desk")


def test_a_follower_misses_no_change_committed_by_concurrent_writers(server, db):
    events = [f.event(f"Talks {n}", channel="meeting") for n in range(WRITERS)]
    database.close()
    writers_done, seen, failures = threading.Event(), [], []

    def write(n):
        rng = random.Random(n)
        try:
            for i in range(ROUNDS):
                with write_transaction():
                    event_edits.update_event(events[n].id, {"title": f"writer {n} round {i}"}, "desk")
                    # commit late, so another writer's later change can commit first
                    time.sleep(rng.uniform(0, 0.01))
        except Exception as exc:  # reported by the assertion below
            failures.append(exc)
        finally:
            database.close()

    def follow():
        since, deadline = 0, time.monotonic() + 120
        while time.monotonic() < deadline:
            finished = writers_done.is_set()  # read first: a poll after the writers ended sees everything
            status, _, body = _get(server, f"/v1/changes?since={since}&limit=7")
            page = json.loads(body)
            seen.extend(entry["seq"] for entry in page["data"])
            since = page["next"]
            if finished and not page["more"]:
                return
            time.sleep(0.003)

    follower = threading.Thread(target=follow)
    follower.start()
    threads = [threading.Thread(target=write, args=(n,)) for n in range(WRITERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)
    writers_done.set()
    follower.join(130)
    assert failures == []
    database.connect(reuse_if_open=True)
    committed = [row.seq for row in Change.select(Change.seq).order_by(Change.seq)]
    assert len(committed) == WRITERS * ROUNDS
    assert seen == committed  # every change, once, in order: none passed over while it was in flight
    if is_postgres():
        # the race the technique answers did happen: rows inserted in one order committed in another
        by_insert = [row.seq for row in Change.select(Change.seq).order_by(Change.id)]
        assert by_insert != committed


def _parse(stream):
    """SSE text -> [(kind, fields)]: kind is "event", "heartbeat" or "retry"."""
    out = []
    for block in stream.split("\n\n"):
        if not block:
            continue
        fields = {}
        for line in block.split("\n"):
            name, _, value = line.partition(": ")
            fields[name] = value
        kind = "heartbeat" if "" in fields else "retry" if "retry" in fields else "event"
        out.append((kind, fields))
    return out


def test_sse_resumes_after_last_event_id_with_heartbeats_and_ends_in_time(server, app, db, monkeypatch):
    for name, value in (("SSE_MAX_SECONDS", 1.5), ("SSE_HEARTBEAT_SECONDS", 0.2), ("SSE_POLL_SECONDS", 0.05)):
        monkeypatch.setitem(app.config, name, value)
    event = f.event("Talks", channel="meeting")
    for title in ("One", "Two", "Three"):
        _correct(event.id, title)
    database.close()
    later = threading.Timer(0.5, lambda: (_correct(event.id, "Four"), database.close()))
    later.start()
    started = time.monotonic()
    status, content_type, body = _get(server, "/v1/changes", {"Accept": "text/event-stream", "Last-Event-ID": "1"})
    elapsed = time.monotonic() - started
    later.join(5)
    assert (status, content_type) == (200, "text/event-stream; charset=utf-8")
    assert 1.4 < elapsed < 10  # the connection is bounded: it ends by itself after SSE_MAX_SECONDS
    feed = json.loads(_get(server, "/v1/changes")[2])["data"]
    parsed = _parse(body)
    assert parsed[0] == ("retry", {"retry": "1000"})
    events = [fields for kind, fields in parsed if kind == "event"]
    assert events == [
        *({"id": str(e["seq"]), "event": "change", "data": json.dumps(e, separators=(",", ":"))} for e in feed[1:]),
        {"id": "4", "event": "end", "data": '{"next": 4}'},
    ]
    beats = [fields["id"] for kind, fields in parsed if kind == "heartbeat"]
    assert beats and set(beats) <= {"3", "4"} and beats == sorted(beats)


def test_a_filtered_stream_moves_its_resume_point_past_what_it_skipped(server, app, db, monkeypatch):
    for name, value in (("SSE_MAX_SECONDS", 0.6), ("SSE_HEARTBEAT_SECONDS", 0.1), ("SSE_POLL_SECONDS", 0.05)):
        monkeypatch.setitem(app.config, name, value)
    event = f.event("Talks", channel="meeting")
    _correct(event.id, "One")
    _correct(event.id, "Two")
    database.close()
    _, _, body = _get(server, "/v1/changes?kind=document", {"Accept": "text/event-stream"})
    parsed = _parse(body)
    assert [kind for kind, _ in parsed if kind == "event"] == ["event"]  # only the end: no document changed
    assert {fields["id"] for kind, fields in parsed if kind == "heartbeat"} == {"2"}
    assert parsed[-1] == ("event", {"id": "2", "event": "end", "data": '{"next": 2}'})


def test_streams_beyond_the_configured_number_are_503_and_a_closed_one_frees_its_slot(server, app, db, monkeypatch):
    from service.sse import StreamSlots

    for name, value in (("SSE_MAX_SECONDS", 30.0), ("SSE_HEARTBEAT_SECONDS", 0.2), ("SSE_POLL_SECONDS", 0.05)):
        monkeypatch.setitem(app.config, name, value)
    monkeypatch.setitem(app.extensions, "sse_streams", StreamSlots(1))
    database.close()
    first = http.client.HTTPConnection("127.0.0.1", server, timeout=10)
    first.request("GET", "/v1/changes", headers={"Accept": "text/event-stream"})
    stream = first.getresponse()  # kept: dropping it would close the socket, and so the stream
    assert stream.status == 200
    status, content_type, body = _get(server, "/v1/changes", {"Accept": "text/event-stream"})
    assert (status, content_type) == (503, "application/problem+json")
    assert json.loads(body) == {
        "type": "https://timeline.invalid/problems/streams-busy", "title": "Service Unavailable", "status": 503,
        "detail": "Every event stream of this server is taken: retry later, or follow the feed with "
                  "GET /v1/changes?since=…", "instance": "/v1/changes"}
    assert _get(server, "/v1/changes")[0] == 200  # the JSON feed is not limited
    stream.close()
    first.close()  # the client goes away: the server notices at a heartbeat, and the slot is free again
    monkeypatch.setitem(app.config, "SSE_MAX_SECONDS", 0.3)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        status, _, _ = _get(server, "/v1/changes", {"Accept": "text/event-stream"})
        if status == 200:
            break
        time.sleep(0.2)
    assert status == 200
