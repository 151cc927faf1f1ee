"""Each event's participants, topics and evidence stored beside it (Event.lists, schema 7).

Pages read the stored copy, so a stale one would be a wrong API body. After every write below,
three checks: the page bodies equal those the live queries build (event_payloads, which never
reads the copy), every copy the write made stale was refilled by the write itself, and raw SQL,
which refills nothing, leaves stale copies NULL (read live), never wrong.
"""
import threading
import time

import orjson
import pytest

from service import payload_lists
from service.db import database, is_postgres, write_transaction
from service.models import Actor, Document, Event, EventActor, EventTopic, Mention, Topic
from service.store import event_payloads, events_page


def _stale():
    return sorted(row[0] for row in database.execute_sql("SELECT id FROM event WHERE lists IS NULL"))


def _pages_match_live():
    """Every page body (several sort orders and filters) equals the live payload of its events."""
    for filters in ({}, {"sort": "-date"}, {"participant": ["oskar-veld"]}, {"undated": "only"}):
        data, _ = events_page(filters, 50)
        assert data == event_payloads([event["id"] for event in data]), filters


def _stored(event_id):
    raw = database.execute_sql(f"SELECT lists FROM event WHERE id = {database.param}", (event_id,)).fetchone()[0]
    return raw and orjson.loads(raw)


def test_api_writes_leave_no_stale_lists(client, desk, headers):
    with write_transaction():  # the factories write outside one: their events start stale
        pass
    assert _stale() == []
    _pages_match_live()

    etag = client.get(f"/v1/events/{desk.call.id}").headers["ETag"]
    response = client.patch(f"/v1/events/{desk.call.id}",
                            json={"participants": [{"participant": "tomas-arkwright"}, {"participant": "oskar-veld"}]},
                            headers={**headers, "If-Match": etag})
    assert response.status_code == 200, response.json
    assert _stale() == []
    assert [p[2] for p in _stored(desk.call.id)[0]] == ["tomas-arkwright", "oskar-veld"]
    _pages_match_live()

    body = {"title": "Veld writes to Quintel", "channel": "correspondence", "date": "2024-01-15",
            "participants": [{"participant": "oskar-veld"}, {"participant": "mara-quintel"}],
            "evidence": [{"sentence": "Veld wrote to Quintel in January, a spokesman said."}]}
    created = client.post("/v1/events", json=body, headers=headers)
    assert created.status_code == 201, created.json
    assert _stale() == []
    _pages_match_live()

    merged = client.post(f"/v1/participants/{desk.arkwright.id}/merge", json={"duplicate": "t-arkwright"},
                         headers=headers)
    assert merged.status_code == 200, merged.json
    assert _stale() == []
    meeting = client.get("/v1/events?participant=tomas-arkwright&sort=-date").json["data"]
    assert {p["slug"] for e in meeting for p in e["participants"]} >= {"tomas-arkwright"}
    assert "t-arkwright" not in {p["slug"] for e in meeting for p in e["participants"]}
    _pages_match_live()

    etag = client.get(f"/v1/events/{desk.meeting.id}").headers["ETag"]
    assert client.delete(f"/v1/events/{desk.meeting.id}", headers={**headers, "If-Match": etag}).status_code == 204
    assert _stale() == []
    _pages_match_live()


def test_raw_writes_make_exactly_the_shown_lists_stale(client, desk):
    with write_transaction():
        pass
    call, meeting = desk.call.id, desk.meeting.id

    def after(write, stale):
        write()
        assert _stale() == sorted(stale), write
        _pages_match_live()  # read live meanwhile
        with write_transaction():
            pass
        assert _stale() == []
        _pages_match_live()

    veld = Actor.get(Actor.slug == "oskar-veld")
    after(lambda: Actor.update(name="Oskar van Veld").where(Actor.id == veld.id).execute(), [call, meeting])
    veld = Actor.get_by_id(veld.id)
    after(lambda: veld.save(), [])  # saved unchanged: nothing is stale
    after(lambda: Actor.update(kind="person").where(Actor.id == veld.id).execute(), [])  # not shown
    after(lambda: Topic.update(label="Fish stocks").where(Topic.slug == "fisheries").execute(), [call])
    after(lambda: Document.update(title="Veld, in Tallinn").where(Document.key == "veld-tallinn.txt").execute(),
          [meeting])
    after(lambda: Document.update(text="Other words.").where(Document.key == "veld-tallinn.txt").execute(), [])
    after(lambda: EventActor.update(title="Envoy").where(EventActor.event == meeting).execute(), [meeting])
    after(lambda: Event.update(date="2024-07-01").where(Event.id == call).execute(), [])  # a column, not a list
    link = EventActor.select().where(EventActor.event == call).order_by(EventActor.position).first()  # Quintel
    after(lambda: EventActor.update(event=meeting).where(EventActor.id == link.id).execute(), [call, meeting])
    after(lambda: EventActor.delete().where(EventActor.id == link.id).execute(), [meeting])
    energy = Topic.get(Topic.slug == "energy")
    after(lambda: EventTopic.insert(event=call, topic=energy).execute(), [call])
    after(lambda: EventTopic.delete().where((EventTopic.event == call) & (EventTopic.topic == energy)).execute(),
          [call])
    mention = Mention.select().where(Mention.event == meeting).first()
    after(lambda: Mention.update(sentence="Veld met Arkwright.", end=19).where(Mention.id == mention.id).execute(),
          [meeting])
    after(lambda: Mention.delete().where(Mention.id == mention.id).execute(), [meeting])
    assert _stored(meeting)[2] == []


def test_pages_serve_the_stored_copy(client, desk):
    with write_transaction():
        pass
    # a copy changed behind the triggers' back (never done by the service) is what the page shows:
    # the page reads the column, not the live subqueries, when the column is filled
    people, subjects, mentions = _stored(desk.call.id)
    people[0][3] = "Stored Name"
    database.execute_sql(f"UPDATE event SET lists = {database.param} WHERE id = {database.param}",
                         (orjson.dumps([people, subjects, mentions]).decode(), desk.call.id))
    shown = {e["id"]: e for e in client.get("/v1/events").json["data"]}
    assert shown[desk.call.id]["participants"][0]["name"] == "Stored Name"
    assert event_payloads([desk.call.id])[0]["participants"][0]["name"] == "Mara Quintel"


def test_a_refresh_skips_what_an_open_change_holds_and_never_waits_for_it(desk):
    if not is_postgres():
        pytest.skip("SQLite admits one writer at a time: a refresh cannot meet an open change there")
    with write_transaction():
        pass
    event, other = desk.call.id, desk.meeting.id
    database.execute_sql(f"UPDATE event SET lists = NULL WHERE id IN ({event}, {other})")  # stale, committed
    arkwright = Actor.get(Actor.slug == "tomas-arkwright")
    linked, commit, refreshed = threading.Event(), threading.Event(), []

    def writer():  # adds a participant and holds its transaction open; refreshes nothing
        try:
            with database.atomic():
                EventActor.insert(event=event, actor=arkwright, position=9).execute()
                linked.set()
                commit.wait(20)
        finally:
            database.close()

    def refresher():
        try:
            with database.atomic():
                refreshed.append(payload_lists.refresh())
        finally:
            database.close()

    holder = threading.Thread(target=writer)
    holder.start()
    try:
        assert linked.wait(20)
        other_thread = threading.Thread(target=refresher)
        other_thread.start()
        other_thread.join(20)
        # done while the change is open: it filled the free row and skipped the held one
        assert not other_thread.is_alive() and refreshed == [1]
    finally:
        commit.set()
        holder.join(30)
    assert _stale() == [event]  # the change committed without a refresh: read live until one runs
    shown = events_page({}, 50)[0]
    assert "tomas-arkwright" in {p["slug"] for e in shown if e["id"] == event for p in e["participants"]}
    with write_transaction():
        pass
    assert _stale() == []
    assert "tomas-arkwright" in {p[2] for p in _stored(event)[0]}
    _pages_match_live()


def test_writers_of_different_events_never_deadlock_on_each_others_stale_lists(desk):
    if not is_postgres():
        pytest.skip("SQLite admits one writer at a time")
    events = [desk.call.id, desk.meeting.id]
    database.execute_sql("UPDATE event SET lists = NULL")  # both stale, committed
    start, failures = threading.Barrier(2), []

    def write(mine):  # each locks its own event first, then commits (refreshing) while the other holds its own
        try:
            for round_ in range(20):
                with write_transaction():
                    Event.update(title=f"Round {round_}").where(Event.id == mine).execute()
                    EventTopic.delete().where(EventTopic.event == mine).execute()
                    if round_ == 0:
                        start.wait(10)
                    time.sleep(0.002)
        except Exception as exc:  # noqa: BLE001 - reported by the assertion below
            failures.append(exc)
        finally:
            database.close()

    threads = [threading.Thread(target=write, args=(event,)) for event in events]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert failures == []
    assert _stale() == []
    _pages_match_live()
