"""The schema version is recorded, a newer release upgrades an older store in place, and
processes that start at once on an empty store migrate it once."""
import datetime as dt
import json
import threading

import pytest

from service import link_dates, payload_lists
from service import migrate as migrations
from service.db import database, is_postgres, make_database
from service.models import (
    SCHEMA_VERSION,
    TABLES,
    Actor,
    Change,
    ChangeHorizon,
    DeletedEvidence,
    Delivery,
    DeliveryAttempt,
    Document,
    Event,
    EventActor,
    EventChange,
    SchemaInfo,
    Webhook,
    WriteQuota,
)
from service.store import events_page
from tests import factories as f
from tests.conftest import assert_problem

STABLE = ("document", "actor", "event", "event_change")


def _downgrade_to_v1():
    """Make the test store look like one written by the first release (schema 1)."""
    database.drop_tables([WriteQuota, DeliveryAttempt, Delivery, Webhook, ChangeHorizon, Change, DeletedEvidence])
    SchemaInfo.delete().execute()
    SchemaInfo.create(version=1)


def test_an_older_store_is_upgraded_in_place_and_keeps_its_data(db):
    Document.create(key="kept.txt", text="Words of an older article.", sha256="0" * 64, extractor_version="0")
    _downgrade_to_v1()
    assert migrations.current_version() == 1
    assert not database.table_exists("write_quota")

    assert migrations.migrate() == [2, 3, 4, 5, 6, 7]

    assert migrations.current_version() == SCHEMA_VERSION == 7
    assert database.table_exists("write_quota")
    assert all(database.table_exists(name) for name in ("change", "webhook", "delivery", "delivery_attempt"))
    assert database.table_exists("deleted_evidence")
    assert [d.key for d in Document.select()] == ["kept.txt"]
    assert migrations.migrate() == []  # a current store: nothing to do


def test_a_v5_store_finds_the_evidence_of_deleted_events_in_their_history(db):
    EventChange.create(event_id=7, actor_key="desk", action="delete", changes=json.dumps({
        "fields": {"title": "Gone"},
        "evidence": [{"document": "a.txt", "start": 0, "end": 11, "sentence": "They spoke."},
                     {"document": "b.txt", "start": 4, "end": 14, "sentence": "He called."}]}))
    EventChange.create(event_id=8, actor_key="desk", action="delete",
                       changes=json.dumps({"document": "a.txt", "reason": "no other document reports it"}))
    EventChange.create(event_id=9, actor_key="desk", action="create",
                       changes=json.dumps({"evidence": ["An editor's sentence."]}))
    database.drop_tables([DeletedEvidence])
    SchemaInfo.delete().execute()
    SchemaInfo.create(version=5)

    assert migrations.migrate() == [6, 7]

    rows = DeletedEvidence.select().order_by(DeletedEvidence.id).tuples()
    assert [row[1:4] for row in rows] == [("a.txt", "They spoke.", 7), ("b.txt", "He called.", 7)]


def test_readyz_says_when_the_schema_is_behind(client, db):
    _downgrade_to_v1()
    body = assert_problem(client.get("/readyz"), 503)
    assert body["detail"] == "the database schema is not current: run `timeline migrate`"
    migrations.migrate()
    assert client.get("/readyz").status_code == 200


def _rows():
    return {m.__name__: sorted(tuple(str(v) for v in row) for row in m.select().tuples()) for m in TABLES
            if m is not SchemaInfo}


def _v2_store(path, source):
    """A store as schema 2 wrote it: the tables of today without AUTOINCREMENT."""
    schema = source.execute_sql(
        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite^_%' ESCAPE '^' "
        "AND NOT (type = 'table' AND name LIKE 'event^_fts^_%' ESCAPE '^') "
        "ORDER BY type = 'trigger', type = 'index'").fetchall()
    old = make_database(f"sqlite:///{path}")
    old.connect()
    for _, _, sql in schema:
        old.execute_sql(sql.replace(" AUTOINCREMENT", ""))
    old.execute_sql("INSERT INTO schema_info (version, migrated_at) VALUES (2, '2024-01-01 00:00:00')")
    return old


def test_a_v2_sqlite_store_is_rebuilt_so_that_ids_are_never_reused(db, tmp_path):
    if is_postgres():
        pytest.skip("PostgreSQL sequences never hand an id out twice: schema 3 changes nothing there")
    original = database.obj
    database.initialize(_v2_store(tmp_path / "v2.db", original))
    try:
        document = f.document("v2.txt", text="Ada Lorn met Bo Ekvall in Varna to talk about ferries.")
        ada, bo = f.actor("Ada Lorn", "BG"), f.actor("Bo Ekvall", "SE")
        ferries = f.topic("ferries")
        events = [f.event(f"Ada Lorn meets Bo Ekvall ({n})", participants=[ada, bo], topics=[ferries],
                          sources=[(document, "Ada Lorn met Bo Ekvall in Varna to talk about ferries.")])
                  for n in range(4)]
        database.execute_sql("UPDATE event SET search_text = title")
        for event in events:
            EventChange.create(event_id=event.id, actor_key="loader", action="create")
        for event in events[2:]:  # the two newest go; only their history stays
            EventChange.create(event_id=event.id, actor_key="desk", action="delete")
            event.delete_instance(recursive=True)
        before = _rows()

        assert migrations.migrate() == [3, 4, 5, 6, 7]

        assert _rows() == before
        for table in STABLE:
            sql = database.execute_sql("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
            assert "AUTOINCREMENT" in sql, table
        assert database.execute_sql("PRAGMA foreign_key_check").fetchall() == []
        assert database.execute_sql("PRAGMA integrity_check").fetchone() == ("ok",)
        found, _ = events_page({"q": "meets"}, 10)
        assert [e["id"] for e in found] == [events[0].id, events[1].id]  # the search index came along
        assert Event.create(channel="meeting", title="New").id == events[3].id + 1
        assert Actor.create(name="Cy Dunmore", slug="cy-dunmore").id == bo.id + 1
    finally:
        database.close()
        database.initialize(original)


def _empty_store(tmp_path):
    if is_postgres():
        database.execute_sql("DROP SCHEMA public CASCADE")
        database.execute_sql("CREATE SCHEMA public")
        database.close()
        return database.obj
    return make_database(f"sqlite:///{tmp_path / 'empty.db'}")


def test_processes_starting_at_once_on_an_empty_store_migrate_it_once(db, tmp_path):
    original = database.obj
    database.initialize(_empty_store(tmp_path))
    start, results = threading.Barrier(6), []

    def start_up():
        start.wait(10)
        try:
            database.connect(reuse_if_open=True)
            results.append(migrations.migrate())
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            results.append(f"{type(exc).__name__}: {exc}")
        finally:
            database.close()

    try:
        threads = [threading.Thread(target=start_up) for _ in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(60)
        assert sorted(results, key=str) == [list(range(1, SCHEMA_VERSION + 1))] + [[]] * 5, results
        database.connect(reuse_if_open=True)
        assert migrations.is_current()
    finally:
        database.close()
        database.initialize(original)


def _downgrade(version, triggers, index, table, column):
    """Make the store look like one of schema `version`: without a copy the next schema added
    (its triggers, its index, its column)."""
    triggers.drop()
    database.execute_sql(f'DROP INDEX IF EXISTS "{index}"')
    database.execute_sql(f"ALTER TABLE {table} DROP COLUMN {column}")
    SchemaInfo.delete().execute()
    SchemaInfo.create(version=version)


def _downgrade_to_v4():
    """Participant links without their event's date."""
    _downgrade(4, link_dates, "event_actor_actor_id_event_date_event_id", "event_actor", "event_date")


def test_a_schema_4_store_gets_dated_links_in_place(client, db):
    ada, bo = f.actor("Ada Rime", "NO"), f.actor("Bo Lind", "SE")
    early = f.event("Early", date="2020-01-02", participants=[ada, bo])
    late = f.event("Late", date="2021-03-04", participants=[ada])
    undated = f.event("Undated", participants=[bo])
    _downgrade_to_v4()
    assert "event_date" not in {c.name for c in database.get_columns("event_actor")}

    assert migrations.migrate() == [5, 6, 7]

    links = {(link.event_id, link.actor_id): link.event_date for link in EventActor.select()}
    assert links == {(early.id, ada.id): dt.date(2020, 1, 2), (early.id, bo.id): dt.date(2020, 1, 2),
                     (late.id, ada.id): dt.date(2021, 3, 4), (undated.id, bo.id): None}
    body = client.get("/v1/events?participant=ada-rime&sort=-date").json
    assert [e["title"] for e in body["data"]] == ["Late", "Early"]
    # the triggers came with it: a new date reaches the links
    Event.update(date=dt.date(2019, 5, 6)).where(Event.id == late.id).execute()
    assert [e["title"] for e in client.get("/v1/events?participant=ada-rime").json["data"]] == ["Late", "Early"]
    assert migrations.migrate() == []


def _downgrade_to_v6():
    """Events without their stored lists."""
    _downgrade(6, payload_lists, "event_lists_stale", "event", "lists")


def test_a_schema_6_store_gets_stored_lists_in_place(client, db):
    ada, bo = f.actor("Ada Rime", "NO"), f.actor("Bo Lind", "SE")
    paper = f.document("lists.txt", text="Ada Rime met Bo Lind on the ferry.", published=dt.date(2020, 1, 3))
    f.event("Ferry talks", date="2020-01-02", participants=[ada, (bo, "Envoy")], topics=[f.topic("ferries")],
            sources=[(paper, "Ada Rime met Bo Lind on the ferry.")])
    f.event("Undated", participants=[bo])
    before = client.get("/v1/events").get_data()
    _downgrade_to_v6()
    assert "lists" not in {c.name for c in database.get_columns("event")}

    assert migrations.migrate() == [7]

    assert database.execute_sql("SELECT COUNT(*) FROM event WHERE lists IS NULL").fetchone()[0] == 0
    assert client.get("/v1/events").get_data() == before
    # the triggers came with it: a renamed participant makes its events' lists stale
    Actor.update(name="Ada Rime-Holt").where(Actor.id == ada.id).execute()
    assert database.execute_sql("SELECT COUNT(*) FROM event WHERE lists IS NULL").fetchone()[0] == 1
    assert client.get("/v1/events").json["data"][0]["participants"][0]["name"] == "Ada Rime-Holt"
    assert migrations.migrate() == []
