"""The change feed as Server-Sent Events (text/event-stream).

Each change is an event `change` whose `id:` is its seq, so a reconnecting EventSource resumes
with `Last-Event-ID`. A heartbeat is a comment plus an `id:` line carrying how far the stream has
read, so a filtered stream resumes past the changes it skipped. A connection lasts at most
SSE_MAX_SECONDS (then `retry:` tells the client when to come back): no stream holds a server
thread for ever. The store is polled between events without holding a transaction open.
"""
import json
import threading
import time

from .db import database
from .store.change_pages import changes_after, entry

BATCH = 200
RETRY_MS = 1000


def _event(change):
    return f"id: {change.seq}\nevent: change\ndata: {json.dumps(entry(change), separators=(',', ':'))}\n\n"


def stream_changes(since, filters, settings):
    """Yield the SSE text of every change after `since` passing `filters`, until the time is up."""
    poll = float(settings["SSE_POLL_SECONDS"])
    heartbeat = float(settings["SSE_HEARTBEAT_SECONDS"])
    deadline = time.monotonic() + float(settings["SSE_MAX_SECONDS"])
    position, beat = since, time.monotonic()
    yield f"retry: {RETRY_MS}\n\n"
    try:
        while time.monotonic() < deadline:
            database.connect(reuse_if_open=True)
            try:
                rows, position, more = changes_after(position, BATCH, filters)
            finally:
                database.close()  # between polls the stream holds no connection
            for change in rows:
                yield _event(change)
            if rows:
                beat = time.monotonic()
            elif time.monotonic() - beat >= heartbeat:
                yield f"id: {position}\n: heartbeat\n\n"
                beat = time.monotonic()
            if not more:
                time.sleep(max(0.0, min(poll, deadline - time.monotonic())))
        yield f"id: {position}\nevent: end\ndata: {json.dumps({'next': position})}\n\n"
    finally:
        if not database.is_closed():
            database.close()


class StreamSlots:
    """At most SSE_MAX_STREAMS open streams per process: each holds a server thread, and the
    threads must stay free for the rest of the API."""

    def __init__(self, size):
        self._slots = threading.BoundedSemaphore(size)

    def open(self, chunks):
        """An iterable over chunks that holds a slot until it is closed, or None when none is free."""
        if not self._slots.acquire(blocking=False):
            return None
        return _Held(chunks, self._slots.release)


class _Held:
    # a class, not a generator: the server calls close() even on a stream it never started
    def __init__(self, chunks, release):
        self._chunks, self._release = chunks, release

    def __iter__(self):
        return iter(self._chunks)

    def close(self):
        release, self._release = self._release, None
        try:
            self._chunks.close()
        finally:
            if release:
                release()
