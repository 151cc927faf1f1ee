"""Articles pushed over HTTP run the real pipeline (spaCy, no mocks); corrections survive re-loading."""
import json
from pathlib import Path

import pytest

from service.loading import ingest
from service.loading.sources import collect
from service.models import TABLES, Document, Event
from tests.conftest import assert_problem

ROOT = Path(__file__).resolve().parents[2]
# written for this test: invented people, a real pair of countries
ARTICLE = """Published: 14:05, March 12, 2025

Oslo, March 12 (Nordwire): Norwegian Foreign Minister Halvard Ostberg held a phone conversation with \
Chilean Foreign Minister Renata Olmedo on Tuesday, the Norwegian foreign ministry said.

Ostberg and Olmedo discussed cooperation on Antarctic research and fisheries, according to the statement.
"""
BODY = {"text": ARTICLE, "key": "nordwire-ostberg-olmedo", "title": "Ostberg and Olmedo talk by phone",
        "url": "https://nordwire.example/ostberg-olmedo", "publisher": "Nordwire"}


def _tables():
    """Every row of every table (but the history, keys and write counts): what "nothing changed" compares."""
    skip = {"SchemaInfo", "EventChange", "ApiKey", "WriteQuota"}
    return {m.__name__: sorted(tuple(str(v) for v in row) for row in m.select().tuples())
            for m in TABLES if m.__name__ not in skip}


def test_post_document_adds_its_events_and_the_same_post_again_changes_nothing(client, db, headers):
    first = client.post("/v1/documents", json=BODY, headers=headers)
    assert first.status_code == 201, first.get_data(as_text=True)
    body = first.json
    document = body["document"]
    assert first.headers["Location"] == f"/v1/documents/{document['id']}"
    assert body == {
        "status": "created",
        "document": {
            "id": document["id"], "key": "nordwire-ostberg-olmedo", "title": "Ostberg and Olmedo talk by phone",
            "publisher": "Nordwire", "url": "https://nordwire.example/ostberg-olmedo", "published": "2025-03-12",
            "published_basis": document["published_basis"], "event_count": len(body["events_created"]),
            "created_at": document["created_at"], "updated_at": document["updated_at"],
            "sha256": document["sha256"], "extractor_version": document["extractor_version"],
            "length": len(ARTICLE), "events": document["events"],
        },
        "events_created": [e["id"] for e in document["events"]],
        "events_merged": [],
    }
    assert document["published_basis"] in ("publication_line", "header", "dateline")
    assert document == client.get(f"/v1/documents/{document['id']}").json
    [call] = [e for e in document["events"] if e["channel"] == "phone_call"]
    assert call == client.get(f"/v1/events/{call['id']}").json
    assert (call["date"], call["date_precision"]) == ("2025-03-11", "day")
    assert [(p["name"], p["country"]) for p in call["participants"]] == [("Halvard Ostberg", "NO"),
                                                                        ("Renata Olmedo", "CL")]
    assert [s["document"] for s in call["sources"]] == ["nordwire-ostberg-olmedo"]
    history = client.get(f"/v1/events/{call['id']}/history").json["data"]
    assert [(c["action"], c["key"], c["changes"]) for c in history] == [
        ("create", "desk-editor", {"document": "nordwire-ostberg-olmedo"})]

    before = _tables()
    again = client.post("/v1/documents", json=BODY, headers=headers)
    assert again.status_code == 200
    assert again.json == {**body, "status": "unchanged", "events_created": []}
    other_key = client.post("/v1/documents", json={"text": ARTICLE}, headers=headers)
    assert other_key.status_code == 200 and other_key.json["document"]["id"] == document["id"]
    assert _tables() == before


@pytest.mark.parametrize("body, errors", [
    ({}, {"json": {"text": ["Missing data for required field."]}}),
    ({"text": ""}, {"json": {"text": ["Shorter than minimum length 1."]}}),
    ({"text": "   \n  "}, {"json": {"text": ["Not an article: empty article."]}}),
    ({"text": "Two words"}, {"json": {"text": ["Not an article: no sentences: fewer than three words of text."]}}),
    ({"text": ARTICLE, "author": "me"}, {"json": {"author": ["Unknown field."]}}),
    ({"text": ARTICLE, "url": "javascript:alert(1)"}, {"json": {"url": ["Not a valid URL."]}}),
    ({"text": ARTICLE, "published": "12 March"}, {"json": {"published": ["Not a valid date."]}}),
    ({"text": 42}, {"json": {"text": ["Not a valid string."]}}),
])
def test_bad_documents_are_422_and_write_nothing(client, db, headers, body, errors):
    response = client.post("/v1/documents", json=body, headers=headers)
    assert assert_problem(response, 422)["errors"] == errors
    assert Document.select().count() == 0 and Event.select().count() == 0


def test_article_over_the_article_limit_is_413_before_extraction(client, db, headers, monkeypatch):
    monkeypatch.setitem(client.application.config, "MAX_ARTICLE_BYTES", 100)
    response = client.post("/v1/documents", json=BODY, headers=headers)
    size = len(ARTICLE.encode())
    assert assert_problem(response, 413) == {
        "type": "https://timeline.invalid/problems/article-too-large", "title": "Content Too Large", "status": 413,
        "detail": f"The article is {size} Bytes ({size} bytes); the limit is 100 bytes (TIMELINE_MAX_ARTICLE_BYTES).",
        "instance": "/v1/documents"}
    assert Document.select().count() == 0


def test_delete_document_removes_the_events_only_it_reported(client, db, headers):
    created = client.post("/v1/documents", json=BODY, headers=headers).json
    ids = created["events_created"]
    response = client.delete(f"/v1/documents/{created['document']['id']}", headers=headers)
    assert response.status_code == 204
    assert_problem(client.get(f"/v1/documents/{created['document']['id']}"), 404)
    for event_id in ids:
        assert_problem(client.get(f"/v1/events/{event_id}"), 404)
        last = client.get(f"/v1/events/{event_id}/history").json["data"][-1]
        assert (last["action"], last["key"], last["changes"]) == (
            "delete", "desk-editor", {"document": "nordwire-ostberg-olmedo", "reason": "no other document reports it"})
    assert_problem(client.delete(f"/v1/documents/{created['document']['id']}", headers=headers), 404)
    assert_problem(client.delete("/v1/documents/1"), 401)


def _load_seeds():
    sources = list(collect([str(ROOT / "seeds")], 1024 * 1024))
    results = list(ingest.ingest_articles(s.article for s in sources if s.article))
    assert results and all(r.status != "failed" for r in results), results
    return results


def test_a_correction_survives_loading_the_seeds_again(client, db, headers, monkeypatch):
    _load_seeds()
    event = client.get("/v1/events", query_string={"limit": 1}).json["data"][0]
    patch = {"title": "Corrected by the desk", "date": "2020-02-02", "channel": "correspondence",
             "location": {"name": "Atlantis", "country": None}, "summary": "Checked by phone."}
    corrected = client.patch(f"/v1/events/{event['id']}", json=patch, headers=headers).json
    # the same seeds again: nothing to do
    assert {r.status for r in _load_seeds()} == {"unchanged"}
    assert client.get(f"/v1/events/{event['id']}").json == corrected
    # a new extractor release re-extracts every seed: the corrected fields stay as the editor set them
    monkeypatch.setattr(ingest, "EXTRACTOR_VERSION", "test-next")
    assert {r.status for r in _load_seeds()} == {"replaced"}
    after = client.get(f"/v1/events/{event['id']}").json
    kept = {k: after[k] for k in ("title", "date", "date_precision", "date_basis", "channel", "location", "summary")}
    assert kept == {"title": "Corrected by the desk", "date": "2020-02-02", "date_precision": "day",
                    "date_basis": "editor", "channel": "correspondence",
                    "location": {"name": "Atlantis", "country": None}, "summary": "Checked by phone."}
    assert json.loads(Event.get_by_id(event["id"]).locked) == ["channel", "date", "location", "summary", "title"]


def test_an_article_over_the_default_limit_is_413_and_never_reaches_spacy(client, db, headers):
    text = "Minister Ada Lorn met Minister Bo Ekvall in Varna. " * 12_000  # 612,000 bytes, under the body limit
    response = client.post("/v1/documents", json={"text": text}, headers=headers)
    assert assert_problem(response, 413)["detail"] == (
        "The article is 612.0 kB (612000 bytes); the limit is 102400 bytes (TIMELINE_MAX_ARTICLE_BYTES).")
    assert Document.select().count() == 0
