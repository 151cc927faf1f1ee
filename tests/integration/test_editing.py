"""Editors' corrections over HTTP: PATCH, POST, DELETE events, participant merges, history, If-Match."""
import datetime as dt
import json

from service.models import Event, Mention
from service.reconciling import refresh
from service.reconciling.reports import Report
from tests.conftest import assert_problem

STAMP = "2024-01-02T03:04:05Z"


def call_body(desk, **changes):
    body = {
        "id": desk.call.id,
        "title": "Mara Quintel and Oskar Veld speak by phone",
        "summary": "Quotas, again.",
        "date": "2024-03-01",
        "date_precision": "day",
        "date_basis": "explicit",
        "channel": "phone_call",
        "location": None,
        "confidence": 0.8,
        "participants": [
            {"id": desk.quintel.id, "slug": "mara-quintel", "name": "Mara Quintel", "country": "PT",
             "title": "Foreign Minister"},
            {"id": desk.veld.id, "slug": "oskar-veld", "name": "Oskar Veld", "country": "NL", "title": None},
        ],
        "topics": [{"slug": "fisheries", "label": "Fisheries"}],
        "sources": [{
            "document": "quintel-call.txt", "document_id": desk.d1.id, "title": "Quintel and Veld talk",
            "publisher": "Harbour Post", "url": "https://harbour.example/quintel-veld", "published": "2024-03-03",
            "evidence": [{"sentence": desk.call_sentence, "start": 16, "end": 16 + len(desk.call_sentence),
                          "date_text": None}],
        }],
        "conflicts": [],
        "created_at": STAMP,
        "updated_at": STAMP,
    }
    body.update(changes)
    return body


def _desk(desk):
    desk.call_sentence = desk.call.mentions.get().sentence
    return desk


def test_patch_sets_fields_locks_them_and_answers_the_event(client, desk, headers):
    _desk(desk)
    patch = {
        "title": "Quintel and Veld agree on quotas",
        "date": "2024-03-17",
        "date_precision": "month",
        "channel": "video_call",
        "location": {"name": "Lisbon", "country": "PT"},
        "topics": ["energy", "fisheries"],
        "participants": [{"participant": desk.veld.id, "title": "Minister of Foreign Affairs"},
                         {"participant": "mara-quintel"}],
    }
    response = client.patch(f"/v1/events/{desk.call.id}", json=patch, headers=headers)
    assert response.status_code == 200, response.json
    body = response.json
    assert body["updated_at"] > STAMP
    assert body == call_body(
        desk,
        title="Quintel and Veld agree on quotas",
        date="2024-03-01",
        date_precision="month",
        date_basis="editor",
        channel="video_call",
        location={"name": "Lisbon", "country": "PT"},
        topics=[{"slug": "energy", "label": "Energy"}, {"slug": "fisheries", "label": "Fisheries"}],
        participants=[
            {"id": desk.veld.id, "slug": "oskar-veld", "name": "Oskar Veld", "country": "NL",
             "title": "Minister of Foreign Affairs"},
            {"id": desk.quintel.id, "slug": "mara-quintel", "name": "Mara Quintel", "country": "PT", "title": None},
        ],
        updated_at=body["updated_at"],
    )
    got = client.get(f"/v1/events/{desk.call.id}")
    assert got.get_data() == response.get_data()  # the very bytes GET answers, so the ETags agree
    assert response.headers["ETag"] == got.headers["ETag"]
    event = Event.get_by_id(desk.call.id)
    assert json.loads(event.locked) == ["channel", "date", "location", "participants", "title", "topics"]
    assert "agree on quotas" in event.search_text
    history = client.get(f"/v1/events/{desk.call.id}/history").json
    assert history["event_id"] == desk.call.id
    [change] = history["data"]
    assert change["action"] == "update" and change["key"] == "desk-editor"
    assert change["changes"] == {
        "title": {"from": "Mara Quintel and Oskar Veld speak by phone", "to": "Quintel and Veld agree on quotas"},
        "date_precision": {"from": "day", "to": "month"},
        "channel": {"from": "phone_call", "to": "video_call"},
        "location": {"from": None, "to": {"name": "Lisbon", "country": "PT"}},
        "topics": {"from": ["fisheries"], "to": ["energy", "fisheries"]},
        "participants": {
            "from": [{"id": desk.quintel.id, "title": "Foreign Minister"}, {"id": desk.veld.id, "title": None}],
            "to": [{"id": desk.veld.id, "title": "Minister of Foreign Affairs"},
                   {"id": desk.quintel.id, "title": None}],
        },
    }


def test_locked_fields_survive_the_loader_recomputing_the_event(client, desk, headers):
    client.patch(f"/v1/events/{desk.call.id}", json={"title": "Edited", "channel": "meeting"}, headers=headers)
    mention = Mention.get(Mention.event == desk.call.id)
    mention.reported = Report(date=dt.date(2024, 3, 1), date_precision="day", date_basis="explicit",
                              channel="phone_call", title="Extracted title", confidence=0.7)
    mention.save()
    refresh.refresh_event(Event.get_by_id(desk.call.id))
    event = Event.get_by_id(desk.call.id)
    assert (event.title, event.channel) == ("Edited", "meeting")


def test_if_match_with_the_current_etag_succeeds_and_a_stale_one_is_412(client, desk, headers):
    etag = client.get(f"/v1/events/{desk.call.id}").headers["ETag"]
    first = client.patch(f"/v1/events/{desk.call.id}", json={"summary": "One"},
                         headers={**headers, "If-Match": etag})
    assert first.status_code == 200
    stale = client.patch(f"/v1/events/{desk.call.id}", json={"summary": "Two"},
                         headers={**headers, "If-Match": etag})
    body = assert_problem(stale, 412)
    assert body == {
        "type": "https://timeline.invalid/problems/stale-etag",
        "title": "Precondition Failed",
        "status": 412,
        "detail": "The event has changed since you read it: GET it again, re-apply your change, "
                  "and send the new ETag in If-Match.",
        "instance": f"/v1/events/{desk.call.id}",
    }
    assert client.get(f"/v1/events/{desk.call.id}").json["summary"] == "One"
    weak = client.patch(f"/v1/events/{desk.call.id}", json={"summary": "Three"},
                        headers={**headers, "If-Match": "W/" + first.headers["ETag"]})
    assert_problem(weak, 412)
    fresh = client.patch(f"/v1/events/{desk.call.id}", json={"summary": "Three"},
                         headers={**headers, "If-Match": first.headers["ETag"]})
    assert fresh.status_code == 200 and fresh.json["summary"] == "Three"
    assert_problem(client.delete(f"/v1/events/{desk.call.id}", headers={**headers, "If-Match": etag}), 412)


def test_bad_patches_are_422_and_change_nothing(client, desk, headers):
    cases = [
        ({}, {"json": {"_schema": ["Give at least one field to change."]}}),
        ({"colour": "red"}, {"json": {"colour": ["Unknown field."]}}),
        ({"channel": "carrier_pigeon"}, None),
        ({"participants": [{"participant": "nobody-at-all"}]},
         {"json": {"participants": ["No such participant: nobody-at-all."]}}),
        ({"topics": ["astrology"]}, {"json": {"topics": ["No such topic: astrology (see /v1/topics)."]}}),
        ({"participants": [{"participant": desk.veld.id}, {"participant": "oskar-veld"}]}, None),
        ({"date": "2024-02-30"}, None),
        ({"location": {"name": "Lisbon", "country": "Portugal"}}, None),
    ]
    for patch, errors in cases:
        response = client.patch(f"/v1/events/{desk.statement.id}", json=patch, headers=headers)
        body = assert_problem(response, 422)
        if errors:
            assert body["errors"] == errors, patch
    undated = client.patch(f"/v1/events/{desk.statement.id}", json={"date_precision": "month"}, headers=headers)
    assert assert_problem(undated, 422)["errors"] == {
        "json": {"date_precision": ["An undated event has no date precision."]}}
    assert client.get(f"/v1/events/{desk.statement.id}/history").json["data"] == []
    assert json.loads(Event.get_by_id(desk.statement.id).locked) == []


def test_unknown_event_is_404(client, desk, headers):
    assert_problem(client.patch("/v1/events/999999", json={"title": "x"}, headers=headers), 404)
    assert_problem(client.delete("/v1/events/999999", headers=headers), 404)
    assert_problem(client.get("/v1/events/999999/history"), 404)


def test_post_event_by_hand_with_evidence(client, desk, headers):
    body = {
        "title": "Mara Quintel writes to Oskar Veld",
        "channel": "correspondence",
        "date": "2024-03-05",
        "participants": [{"participant": "mara-quintel", "title": "Foreign Minister"}, {"participant": desk.veld.id}],
        "topics": ["fisheries"],
        "evidence": [
            {"document": "veld-tallinn.txt", "sentence": "T. Arkwright said the talks were useful."},
            {"sentence": "Quintel sent Veld a letter on March 5, her office told our reporter.",
             "date_text": "March 5"},
        ],
    }
    response = client.post("/v1/events", json=body, headers=headers)
    assert response.status_code == 201, response.json
    created = response.json
    assert response.headers["Location"] == f"/v1/events/{created['id']}"
    note = client.get("/v1/documents?limit=10").json["data"]
    note_doc = next(d for d in note if d["key"].startswith("editor-note-"))
    assert created == {
        "id": created["id"],
        "title": "Mara Quintel writes to Oskar Veld",
        "summary": None,
        "date": "2024-03-05",
        "date_precision": "day",
        "date_basis": "editor",
        "channel": "correspondence",
        "location": None,
        "confidence": 1.0,
        "participants": [
            {"id": desk.quintel.id, "slug": "mara-quintel", "name": "Mara Quintel", "country": "PT",
             "title": "Foreign Minister"},
            {"id": desk.veld.id, "slug": "oskar-veld", "name": "Oskar Veld", "country": "NL", "title": None},
        ],
        "topics": [{"slug": "fisheries", "label": "Fisheries"}],
        "sources": [
            {"document": "veld-tallinn.txt", "document_id": desk.d2.id, "title": "Veld in Tallinn",
             "publisher": "Baltic Wire", "url": "https://news.example/veld-tallinn.txt", "published": "2024-05-20",
             "evidence": [{"sentence": "T. Arkwright said the talks were useful.", "start": 74, "end": 114,
                           "date_text": None}]},
            {"document": note_doc["key"], "document_id": note_doc["id"],
             "title": "Editor's note: Mara Quintel writes to Oskar Veld", "publisher": "editor (desk-editor)",
             "url": None, "published": None,
             "evidence": [{"sentence": "Quintel sent Veld a letter on March 5, her office told our reporter.",
                           "start": 0, "end": 68, "date_text": "March 5"}]},
        ],
        "conflicts": [],
        "created_at": created["created_at"],
        "updated_at": created["updated_at"],
    }
    assert client.get(response.headers["Location"]).json == created
    event = Event.get_by_id(created["id"])
    assert event.manual
    assert json.loads(event.locked) == ["channel", "date", "participants", "title", "topics"]
    [change] = client.get(f"/v1/events/{created['id']}/history").json["data"]
    assert (change["action"], change["key"]) == ("create", "desk-editor")
    found = client.get("/v1/events", query_string={"q": "letter reporter"}).json["data"]
    assert [e["id"] for e in found] == [created["id"]]


def test_post_event_with_evidence_not_in_the_document_writes_nothing(client, desk, headers):
    before = Event.select().count()
    response = client.post("/v1/events", headers=headers, json={
        "title": "Invented", "channel": "meeting", "participants": [{"participant": "oskar-veld"}],
        "evidence": [{"document": "veld-tallinn.txt", "sentence": "Nobody said this."}]})
    body = assert_problem(response, 422)
    assert body["errors"] == {"json": {"evidence": ["Item 0: the sentence is not in document 'veld-tallinn.txt'."]}}
    assert Event.select().count() == before
    missing = client.post("/v1/events", headers=headers, json={"title": "x", "channel": "meeting"})
    assert assert_problem(missing, 422)["errors"] == {"json": {
        "participants": ["Missing data for required field."], "evidence": ["Missing data for required field."]}}


def test_delete_event_keeps_its_history(client, desk, headers):
    etag = client.get(f"/v1/events/{desk.meeting.id}").headers["ETag"]
    response = client.delete(f"/v1/events/{desk.meeting.id}", headers={**headers, "If-Match": etag})
    assert response.status_code == 204 and response.data == b""
    assert_problem(client.get(f"/v1/events/{desk.meeting.id}"), 404)
    [change] = client.get(f"/v1/events/{desk.meeting.id}/history").json["data"]
    assert (change["action"], change["key"]) == ("delete", "desk-editor")
    assert change["changes"]["fields"]["title"] == "Oskar Veld meets Tomas Arkwright"


def test_merge_folds_a_duplicate_participant(client, desk, headers):
    response = client.post(f"/v1/participants/{desk.arkwright.id}/merge", json={"duplicate": "t-arkwright"},
                           headers=headers)
    assert response.status_code == 200, response.json
    assert response.json == {
        "participant": {"id": desk.arkwright.id, "slug": "tomas-arkwright", "name": "Tomas Arkwright",
                        "kind": "person", "country": "EE"},
        "aliases": ["T. Arkwright", "Tomas Arkwright"],  # "T Arkwright" is the same lookup key as "T. Arkwright"
        "merged": desk.arkwright_dup.id,
        "events": [desk.meeting.id],
    }
    assert_problem(client.get(f"/v1/participants/{desk.arkwright_dup.id}"), 404)
    meeting = client.get(f"/v1/events/{desk.meeting.id}").json
    assert [p["slug"] for p in meeting["participants"]] == ["oskar-veld", "tomas-arkwright"]
    events = client.get("/v1/events", query_string={"participant": "tomas-arkwright"}).json["data"]
    assert sorted(e["id"] for e in events) == sorted([desk.meeting.id, desk.statement.id])
    [change] = client.get(f"/v1/events/{desk.meeting.id}/history").json["data"]
    assert change["action"] == "merge" and change["changes"] == {"participants": {
        "merged": {"id": desk.arkwright_dup.id, "slug": "t-arkwright"},
        "into": {"id": desk.arkwright.id, "slug": "tomas-arkwright"}}}


def test_merge_errors(client, desk, headers):
    itself = client.post(f"/v1/participants/{desk.veld.id}/merge", json={"duplicate": desk.veld.id}, headers=headers)
    assert assert_problem(itself, 422)["errors"] == {
        "json": {"duplicate": ["A participant cannot be merged into itself."]}}
    unknown = client.post(f"/v1/participants/{desk.veld.id}/merge", json={"duplicate": "nemo"}, headers=headers)
    assert assert_problem(unknown, 422)["errors"] == {"json": {"duplicate": ["No such participant: nemo."]}}
    assert_problem(client.post("/v1/participants/999999/merge", json={"duplicate": "nemo"}, headers=headers), 404)
    assert_problem(client.post(f"/v1/participants/{desk.veld.id}/merge", json={"duplicate": True},
                               headers=headers), 422)
