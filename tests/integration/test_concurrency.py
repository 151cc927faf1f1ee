"""Editors racing on one event through a real threaded server: If-Match lets exactly one win a round."""
import http.client
import json
from concurrent.futures import ThreadPoolExecutor


def _request(port, method, path, body=None, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        payload = json.dumps(body) if body is not None else None
        connection.request(method, path, body=payload, headers={"Content-Type": "application/json", **(headers or {})})
        response = connection.getresponse()
        return response.status, response.getheader("ETag"), response.read()
    finally:
        connection.close()


def test_concurrent_patches_with_the_same_etag_one_wins(server, desk, key):
    path = f"/v1/events/{desk.call.id}"
    auth = {"Authorization": f"Bearer {key}"}
    winners = []
    for round_ in range(3):
        _, etag, _ = _request(server, "GET", path)

        def patch(n, etag=etag, round_=round_):
            return n, _request(server, "PATCH", path, {"title": f"Round {round_} editor {n}"},
                               {**auth, "If-Match": etag})[0]

        with ThreadPoolExecutor(max_workers=6) as pool:
            results = list(pool.map(patch, range(6)))
        statuses = sorted(status for _, status in results)
        assert statuses == [200] + [412] * 5, results
        winners.append(next(f"Round {round_} editor {n}" for n, status in results if status == 200))
    _, _, body = _request(server, "GET", path)
    assert json.loads(body)["title"] == winners[-1]
    _, _, history = _request(server, "GET", path + "/history")
    titles = [c["changes"]["title"]["to"] for c in json.loads(history)["data"]]
    assert titles == winners


def test_the_same_article_pushed_at_once_is_stored_once(server, db, key):
    from service.models import Document
    from tests.integration.test_ingest_http import BODY

    auth = {"Authorization": f"Bearer {key}"}
    _request(server, "POST", "/v1/documents", {"text": "Warm-up: the pipeline loads once, here."}, auth)

    def push(n):
        status, _, body = _request(server, "POST", "/v1/documents", BODY, auth)
        return status, json.loads(body)

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(push, range(4)))
    assert sorted(status for status, _ in results) == [200, 200, 200, 201], results
    assert sorted(body["status"] for _, body in results) == ["created", "unchanged", "unchanged", "unchanged"]
    assert len({body["document"]["id"] for _, body in results}) == 1
    assert Document.select().where(Document.key == BODY["key"]).count() == 1
