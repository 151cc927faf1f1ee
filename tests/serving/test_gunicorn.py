"""The server set-up itself: slow clients cannot hold it, gunicorn's own errors are problem+json,
and the longest query the schemas allow is not refused by the request-line limit."""
import json
import socket
import time
from urllib.parse import quote

from service.serving import READ_TIMEOUT
from tests.serving.gunicorn_process import get


def _raw(port, data, timeout=10):
    """Send raw bytes, return everything the server answers before it closes."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(data)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
        return b"".join(chunks)


def _problem(raw):
    head, _, body = raw.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    headers = dict(line.split(": ", 1) for line in lines[1:])
    assert headers["Content-Type"] == "application/problem+json", raw[:300]
    return int(lines[0].split()[1]), json.loads(body)


def test_other_clients_are_served_while_two_slow_clients_hang(served):
    slow = []
    for _ in range(2):  # half-open: the headers never finish
        sock = socket.create_connection(("127.0.0.1", served.port), timeout=READ_TIMEOUT + 10)
        sock.sendall(b"GET /v1/events HTTP/1.1\r\nHost: slow.example\r\n")
        slow.append(sock)
    try:
        started = time.monotonic()
        statuses = [get(served.port, "/v1/topics", timeout=5)[0] for _ in range(20)]
        assert statuses == [200] * 20
        assert time.monotonic() - started < READ_TIMEOUT, "served only after the slow clients timed out"
        # and the server lets the stalled connections go after READ_TIMEOUT, freeing their threads
        for sock in slow:
            assert sock.recv(1024) == b""
    finally:
        for sock in slow:
            sock.close()


def test_errors_gunicorn_answers_itself_are_problems(served):
    status, body = _problem(_raw(served.port, b"GET /v1/events?" + b"q" * 70_000 + b" HTTP/1.1\r\nHost: a\r\n\r\n"))
    assert (status, body["type"], body["title"], body["status"]) == (414, "about:blank", "URI Too Long", 414)
    status, body = _problem(_raw(served.port, b"GET /v1/events HTTP/1.1\r\nHost: a\r\nX-Big: " + b"b" * 9000
                                 + b"\r\n\r\n"))
    assert (status, body["title"]) == (431, "Request Header Fields Too Large")
    status, body = _problem(_raw(served.port, b"NOT A REQUEST\r\n\r\n"))
    assert (status, body["title"]) == (400, "Bad Request")


def test_the_longest_query_the_schemas_allow_is_answered(served):
    wide = "\N{GLOBE WITH MERIDIANS}"  # four UTF-8 bytes: twelve once percent-encoded
    params = ([("participant", wide * 255)] * 10 + [("topic", wide * 64)] * 10
              + [("channel", c) for c in ("phone_call", "video_call", "meeting", "multilateral_meeting", "speech",
                                          "press_conference", "statement", "correspondence")]
              + [("location", wide * 255), ("document", wide * 255), ("q", wide * 500), ("country", "NO"),
                 ("from", "2020-01-01"), ("to", "2024-12-31"), ("undated", "exclude"), ("sort", "-date"),
                 ("limit", "200")])
    query = "&".join(f"{name}={quote(value)}" for name, value in params)
    assert len(query) > 50_000
    status, headers, body = get(served.port, "/v1/events?" + query)
    assert (status, json.loads(body)) == (200, {"data": [], "next": None})
    assert headers["Content-Type"] == "application/json"


def test_an_eleventh_repeated_filter_is_a_422_problem(served):
    status, headers, body = get(served.port, "/v1/events?" + "&".join(["topic=energy"] * 11))
    assert status == 422 and headers["Content-Type"] == "application/problem+json"
    assert json.loads(body)["errors"] == {"query": {"topic": ["Longer than maximum length 10."]}}
