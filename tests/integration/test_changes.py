"""GET /v1/changes through the real write paths: the loader (real spaCy), corrections, merges, deletions."""
import datetime as dt
import re

from service import change_feed
from service.models import Change
from tests import factories as f
from tests.conftest import assert_problem
from tests.integration.test_ingest_http import ARTICLE, BODY

TIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$")


def _feed(client, **query):
    response = client.get("/v1/changes", query_string=query)
    assert response.status_code == 200, response.get_data(as_text=True)
    return response


def _bare(entries):
    """The entries without their times (checked for shape), as tuples."""
    assert all(TIME.match(e.pop("time")) for e in entries)
    return [(e["seq"], e["kind"], e["id"], e["action"], e["via"], e["survivor"], e["deleted"]) for e in entries]


def test_the_feed_after_create_reextract_edit_merge_and_delete(client, db, headers):
    created = client.post("/v1/documents", json=BODY, headers=headers).json
    [call_id] = created["events_created"]
    doc_id = created["document"]["id"]
    ostberg, olmedo = (p["id"] for p in client.get(f"/v1/events/{call_id}").json["participants"])
    changed = dict(BODY, text=ARTICLE.replace("research and fisheries", "research, fisheries and trade"))
    assert client.post("/v1/documents", json=changed, headers=headers).json["events_merged"] == [call_id]
    assert client.patch(f"/v1/events/{call_id}", json={"title": "Ostberg calls Olmedo"},
                        headers=headers).status_code == 200
    twin = f.actor("R. Olmedo", "CL", slug="r-olmedo")  # a duplicate an editor finds (made directly)
    manual = client.post("/v1/events", headers=headers, json={
        "title": "Ostberg writes to R. Olmedo", "channel": "correspondence",
        "participants": [{"participant": ostberg}, {"participant": "r-olmedo"}],
        "evidence": [{"document": BODY["key"], "sentence": "Ostberg and Olmedo discussed cooperation on "
                      "Antarctic research, fisheries and trade, according to the statement."}]}).json
    assert client.post(f"/v1/participants/{olmedo}/merge", json={"duplicate": twin.id},
                       headers=headers).status_code == 200
    assert client.delete(f"/v1/events/{manual['id']}", headers=headers).status_code == 204
    assert client.delete(f"/v1/documents/{doc_id}", headers=headers).status_code == 204

    body = _feed(client).json
    assert (body["next"], body["more"]) == (14, False)
    assert _bare(body["data"]) == [
        (1, "document", doc_id, "created", "extraction", None, False),
        (2, "participant", ostberg, "created", "extraction", None, False),
        (3, "participant", olmedo, "created", "extraction", None, False),
        (4, "event", call_id, "created", "extraction", None, False),
        (5, "document", doc_id, "updated", "extraction", None, False),  # re-extracted: a changed text
        (6, "event", call_id, "updated", "extraction", None, False),
        (7, "event", call_id, "updated", "editor", None, False),
        (8, "event", manual["id"], "created", "editor", None, False),
        (9, "participant", twin.id, "merged", "editor", olmedo, True),  # a tombstone naming the survivor
        (10, "participant", olmedo, "updated", "editor", None, False),
        (11, "event", manual["id"], "updated", "editor", None, False),
        (12, "event", manual["id"], "deleted", "editor", None, True),
        # the call's title is an editor's: the event outlives its only document, its evidence gone
        (13, "event", call_id, "updated", "editor", None, False),
        (14, "document", doc_id, "deleted", "editor", None, True),
    ]


def test_deleting_a_document_leaves_tombstones_for_it_and_its_events(client, db, headers):
    created = client.post("/v1/documents", json=BODY, headers=headers).json
    [call_id], doc_id = created["events_created"], created["document"]["id"]
    since = _feed(client).json["next"]
    assert client.delete(f"/v1/documents/{doc_id}", headers=headers).status_code == 204
    assert _bare(_feed(client, since=since).json["data"]) == [
        (since + 1, "event", call_id, "deleted", "editor", None, True),
        (since + 2, "document", doc_id, "deleted", "editor", None, True),
    ]


def test_resume_from_any_since_and_page_with_next(client, db, headers):
    created = client.post("/v1/documents", json=BODY, headers=headers).json
    client.patch(f"/v1/events/{created['events_created'][0]}", json={"title": "One"}, headers=headers)
    client.patch(f"/v1/events/{created['events_created'][0]}", json={"title": "Two"}, headers=headers)
    everything = _feed(client).json["data"]
    seqs = [e["seq"] for e in everything]
    assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs) == 6
    for since in [0, *seqs]:
        tail = _feed(client, since=since).json
        assert tail == {"data": [e for e in everything if e["seq"] > since], "next": seqs[-1], "more": False}
    followed, since, pages = [], 0, 0
    while pages < 10:
        response = _feed(client, since=since, limit=3)
        page = response.json
        followed += page["data"]
        since, pages = page["next"], pages + 1
        if not page["more"]:
            assert "Link" not in response.headers
            break
        assert response.headers["Link"] == f'<http://localhost/v1/changes?since={since}&limit=3>; rel="next"'
    assert (followed, pages) == (everything, 2)


def test_filters_match_an_event_before_or_after_its_change(client, db, headers):
    quintel, veld = f.actor("Mara Quintel", "PT"), f.actor("Oskar Veld", "NL")
    fisheries = f.topic("fisheries")
    call = f.event("Quintel and Veld talk", date="2024-03-01", channel="phone_call",
                   participants=[quintel, veld], topics=[fisheries])
    client.patch(f"/v1/events/{call.id}", headers=headers, json={"channel": "meeting", "date": "2024-04-02",
                                                                  "participants": [{"participant": quintel.id}]})
    [change] = _feed(client).json["data"]
    seen = {
        (): True, ("channel", "phone_call"): True, ("channel", "meeting"): True, ("channel", "speech"): False,
        ("participant", "oskar-veld"): True, ("participant", str(veld.id)): True, ("participant", "nemo"): False,
        ("country", "nl"): True, ("country", "FR"): False, ("topic", "fisheries"): True, ("topic", "trade"): False,
        ("from", "2024-04-01"): True, ("to", "2024-03-01"): True, ("from", "2024-05-01"): False,
        ("kind", "event"): True, ("kind", "document"): False,
    }
    for query, expected in seen.items():
        data = _feed(client, **dict([query] if query else [])).json["data"]
        assert data == ([change] if expected else []), query
    # every filter at once: the participant only before, the channel only after still match
    assert _feed(client, participant="oskar-veld", channel="meeting").json["data"] == []
    assert _feed(client, participant="mara-quintel", channel="meeting", topic="fisheries").json["data"] == [change]


def test_bad_feed_queries_are_problems(client, db):
    assert assert_problem(client.get("/v1/changes?since=-1"), 422)["errors"] == {
        "query": {"since": ["Must be greater than or equal to 0 and less than or equal to 9223372036854775807."]}}
    assert assert_problem(client.get("/v1/changes?q=x"), 422)["errors"] == {"query": {"q": ["Unknown field."]}}
    assert assert_problem(client.get("/v1/changes?kind=actor"), 422)["errors"] == {
        "query": {"kind": {"0": ["Must be one of: event, document, participant."]}}}
    assert_problem(client.get("/v1/changes?limit=201"), 422)
    assert_problem(client.get("/v1/changes", headers={"Accept": "text/event-stream", "Last-Event-ID": "x"}), 400)


def test_a_since_older_than_the_retention_period_is_410(client, db, headers):
    created = client.post("/v1/documents", json=BODY, headers=headers).json
    client.patch(f"/v1/events/{created['events_created'][0]}", json={"title": "Later"}, headers=headers)
    Change.update(at=dt.datetime(2020, 1, 1)).where(Change.seq <= 4).execute()
    assert change_feed.prune(30) == 4
    assert change_feed.prune(30) == 0
    body = assert_problem(client.get("/v1/changes?since=3"), 410)
    assert body == {
        "type": "https://timeline.invalid/problems/since-pruned", "title": "Gone", "status": 410,
        "detail": "The feed no longer holds the changes after seq 3: changes are kept 30 days, and the oldest "
                  "`since` still accepted is 4. Re-read what you need (e.g. /v1/events), then follow from seq 5.",
        "instance": "/v1/changes"}
    assert_problem(client.get("/v1/changes", headers={"Accept": "text/event-stream"}), 410)
    assert [e["seq"] for e in _feed(client, since=4).json["data"]] == [5]
    # the newest change is never pruned, however old: it numbers the next one
    Change.update(at=dt.datetime(2020, 1, 1)).execute()
    assert change_feed.prune(30) == 0
