"""The read API's bodies, byte for byte, on the seeds: the same as recorded before issue 10's rewrite.

The expectation (seed_bodies.json beside this file) was recorded from the code as it was before the
store and serialisation changed (keyset seeks, narrow rows, orjson). Timestamps are pinned after
loading so the bodies do not depend on the clock. Delete the file to record it again (the test then
fails, saying so, so a recording is never mistaken for a pass).
"""
import datetime as dt
import json
import re
from pathlib import Path
from urllib.parse import urlencode

import pytest

from schemas.events import EventPageSchema, EventSchema
from service.db import database
from service.loading import ingest
from service.loading.sources import collect
from service.models import Actor, Document, Event

ROOT = Path(__file__).resolve().parents[2]
EXPECTED = Path(__file__).with_name("seed_bodies.json")
STAMP = dt.datetime(2026, 1, 2, 3, 4, 5)


def _load_seeds():
    sources = list(collect([str(ROOT / "seeds")], 1024 * 1024))
    results = list(ingest.ingest_articles(s.article for s in sources if s.article))
    assert results and all(r.status != "failed" for r in results), results
    with database.atomic():
        Event.update(created_at=STAMP, updated_at=STAMP).execute()
        Document.update(created_at=STAMP, updated_at=STAMP).execute()
        Actor.update(created_at=STAMP).execute()


def _walk(client, path, params, seen):
    """GET path?params and every next page after it, recording each body and Link header."""
    url = path + ("?" + urlencode(params, doseq=True) if params else "")
    while url:
        response = client.get(url)
        assert response.status_code == 200, (url, response.get_data(as_text=True))
        seen[url] = {"link": response.headers.get("Link"), "body": response.get_data(as_text=True)}
        link = response.headers.get("Link")
        url = link[link.index("/v1/"):link.index(">")] if link else None


def _urls(client):
    events = client.get("/v1/events?limit=200").json["data"]
    actors = client.get("/v1/participants?limit=200").json["data"]
    documents = client.get("/v1/documents?limit=200").json["data"]
    topics = client.get("/v1/topics").json["data"]
    lists = [("/v1/events", {}), ("/v1/events", {"sort": "-date"}), ("/v1/events", {"undated": "only", "limit": 1})]
    for sort in ("date", "-date"):
        lists += [
            ("/v1/events", {"limit": 2, "sort": sort}),
            ("/v1/events", {"limit": 3, "sort": sort, "from": "2021-08-17", "to": "2021-09-30"}),
            ("/v1/events", {"limit": 2, "sort": sort, "undated": "include", "from": "2021-08-20"}),
            ("/v1/events", {"limit": 2, "sort": sort, "channel": ["phone_call", "meeting"]}),
            ("/v1/events", {"limit": 2, "sort": sort, "country": "CN"}),
            ("/v1/events", {"limit": 2, "sort": sort, "q": "kabul"}),
        ]
        for actor in actors:
            lists.append(("/v1/events", {"participant": actor["slug"], "limit": 2, "sort": sort}))
            lists.append(("/v1/events", {"participant": [actor["slug"], str(actors[0]["id"])], "sort": sort}))
            lists.append((f"/v1/participants/{actor['id']}/events", {"limit": 1, "sort": sort, "to": "2021-09-01"}))
        for topic in topics:
            lists.append(("/v1/events", {"topic": topic["slug"], "limit": 2, "sort": sort}))
        for document in documents:
            lists.append(("/v1/events", {"document": document["key"], "limit": 2, "sort": sort}))
    singles = [f"/v1/events/{e['id']}" for e in events] + [f"/v1/documents/{d['id']}" for d in documents]
    for actor in actors:
        singles += [f"/v1/participants/{actor['id']}", f"/v1/participants/{actor['id']}/counterparts"]
    singles += ["/v1/participants?q=wang", "/v1/topics", "/v1/channels", "/v1/documents?limit=2",
                "/v1/timeline?interval=month", "/v1/timeline?interval=week&undated=exclude"]
    return lists, singles


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_the_read_bodies_on_the_seeds_are_unchanged(client, db):
    _load_seeds()
    lists, singles = _urls(client)
    seen = {}
    for path, params in lists:
        _walk(client, path, params, seen)
    for url in singles:
        _walk(client, url, {}, seen)
    if not EXPECTED.exists():
        EXPECTED.write_text(json.dumps(seen, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        pytest.fail(f"recorded {len(seen)} bodies in {EXPECTED.name}: run again to compare")
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    assert sorted(seen) == sorted(expected)
    for url, got in seen.items():
        assert got == expected[url], url


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_event_bodies_are_what_the_schemas_document(client, db):
    """The views write the store's dicts without a schema pass: the schemas stay the contract."""
    _load_seeds()
    lists, singles = _urls(client)
    seen = {}
    for path, params in lists:
        if path.startswith("/v1/events") or path.endswith("/events"):
            _walk(client, path, params, seen)
    for url in singles:
        if url.startswith("/v1/events/"):
            _walk(client, url, {}, seen)
    assert len(seen) > 100
    for url, got in seen.items():
        body = json.loads(got["body"])
        schema = EventSchema() if re.fullmatch(r"/v1/events/[0-9]+", url) else EventPageSchema()
        assert schema.validate(body) == {}, url
        assert schema.dump(body) == body, url  # every field documented, nothing more, nothing less
