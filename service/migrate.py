"""Create the store, and upgrade an older store in place.

The version a store is at lives in SchemaInfo; MIGRATIONS holds one function per version step.
Every process may call migrate() at start (each gunicorn worker does): it runs under a lock
(PostgreSQL: an advisory lock; SQLite: the write lock, BEGIN IMMEDIATE), so one of them
migrates and the others find the store current.
"""
import json

from peewee import fn

from . import link_dates, payload_lists
from .db import database, is_postgres, write_transaction
from .models import (
    SCHEMA_VERSION,
    Actor,
    ActorAlias,
    ApiKey,
    Change,
    ChangeHorizon,
    DeletedEvidence,
    Delivery,
    DeliveryAttempt,
    Document,
    Event,
    EventActor,
    EventChange,
    EventTopic,
    Mention,
    SchemaInfo,
    Topic,
    Webhook,
    WriteQuota,
)

SQLITE_FTS = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS event_fts USING fts5("
    "search_text, content='event', content_rowid='id', tokenize='unicode61 remove_diacritics 2')",
    "CREATE TRIGGER IF NOT EXISTS event_fts_ai AFTER INSERT ON event BEGIN "
    "INSERT INTO event_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
    "CREATE TRIGGER IF NOT EXISTS event_fts_ad AFTER DELETE ON event BEGIN "
    "INSERT INTO event_fts(event_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); END",
    "CREATE TRIGGER IF NOT EXISTS event_fts_au AFTER UPDATE OF search_text ON event BEGIN "
    "INSERT INTO event_fts(event_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text); "
    "INSERT INTO event_fts(rowid, search_text) VALUES (new.id, new.search_text); END",
]
POSTGRES_FTS = [
    "CREATE INDEX IF NOT EXISTS event_search_idx ON event USING gin (to_tsvector('english', search_text))",
]


def _v1():
    """The first release: documents, actors, events, evidence, keys and history."""
    database.create_tables(
        [SchemaInfo, Document, Actor, ActorAlias, Event, EventActor, Topic, EventTopic, Mention, ApiKey, EventChange],
        safe=True,
    )
    for sql in POSTGRES_FTS if is_postgres() else SQLITE_FTS:
        database.execute_sql(sql)


def _v2():
    """Write rate limits counted in the database, so they hold across gunicorn workers."""
    database.create_tables([WriteQuota], safe=True)


# the tables whose ids the API shows (events, documents, participants, history entries)
STABLE_ID_TABLES = (Document, Actor, Event, EventChange)


def _v3():
    """Ids never reused on SQLite: its tables of public ids are rebuilt with AUTOINCREMENT (rows,
    links and the search index kept), and each id sequence starts past every id the store has
    seen, including the ids in the history of deleted events. (PostgreSQL: nothing to do.)"""
    if is_postgres():
        return
    from .sqlite_rebuild import rebuild_with_autoincrement

    rebuild_with_autoincrement(STABLE_ID_TABLES, after=SQLITE_FTS)
    for model in STABLE_ID_TABLES:
        highest = model.select(fn.MAX(model.id)).scalar() or 0
        if model is Event:  # a deleted newest event left only its history behind
            highest = max(highest, EventChange.select(fn.MAX(EventChange.event_id)).scalar() or 0)
        table = model._meta.table_name
        database.execute_sql("DELETE FROM sqlite_sequence WHERE name = ?", (table,))
        database.execute_sql("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", (table, highest))


# The feed's seq follows commit order, so a follower that has seen seq N has seen every change
# committed before it. SQLite has one writer at a time (its write lock is held from the first
# write to the commit), so the row id, taken under that lock, already is in commit order.
SQLITE_CHANGE_SEQ = [
    "CREATE TRIGGER IF NOT EXISTS change_seq AFTER INSERT ON change BEGIN "
    "UPDATE change SET seq = new.id WHERE id = new.id; END",
]
# On PostgreSQL, writers run at once and an id taken at insert can commit after a larger one:
# a follower would skip it. So the seq is given at COMMIT, by a deferred trigger that first takes
# one transaction-scoped advisory lock; the lock is released only once the commit is visible, so
# seqs are handed out in commit order. Writers queue only for that last instant of their commit.
CHANGE_SEQ_LOCK = 7_262_011  # any constant: names the advisory lock of the change feed
POSTGRES_CHANGE_SEQ = [
    "CREATE SEQUENCE IF NOT EXISTS change_seq_counter OWNED BY change.seq",
    "CREATE OR REPLACE FUNCTION change_assign_seq() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    f"PERFORM pg_advisory_xact_lock({CHANGE_SEQ_LOCK}); "
    "UPDATE change SET seq = nextval('change_seq_counter') WHERE id = NEW.id; RETURN NULL; END $$",
    "DROP TRIGGER IF EXISTS change_assign_seq ON change",
    "CREATE CONSTRAINT TRIGGER change_assign_seq AFTER INSERT ON change "
    "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION change_assign_seq()",
]


def _v4():
    """The change feed and webhooks: changes numbered in commit order, hooks, deliveries, attempts."""
    database.create_tables([Change, ChangeHorizon, Webhook, Delivery, DeliveryAttempt], safe=True)
    for sql in POSTGRES_CHANGE_SEQ if is_postgres() else SQLITE_CHANGE_SEQ:
        database.execute_sql(sql)


def _v5():
    """Participant links carry their event's date (kept by triggers), indexed by actor, date, event."""
    link_dates.add_column()


def _v6():
    """Deleted evidence in a table of its own, filled from the history of the events editors deleted
    (until now the loader searched that history's JSON for them)."""
    database.create_tables([DeletedEvidence], safe=True)
    rows = []
    deletions = EventChange.select().where(EventChange.action == "delete").order_by(EventChange.id)
    for change in deletions:
        for item in json.loads(change.changes or "{}").get("evidence", []):
            if isinstance(item, dict) and item.get("document") and item.get("sentence"):
                rows.append({"document_key": item["document"], "sentence": item["sentence"],
                             "event_id": change.event_id, "at": change.at})
    for start in range(0, len(rows), 500):
        DeletedEvidence.insert_many(rows[start:start + 500]).execute()


def _v7():
    """Each event's participants, topics and evidence stored beside it as the API shows them
    (Event.lists), invalidated by triggers, read live while invalid (service/payload_lists.py)."""
    payload_lists.add_columns()


# MIGRATIONS[n] brings a store from version n-1 to version n; each step only adds, never rewrites
# (v3 rebuilds tables on SQLite, row for row).
MIGRATIONS = {1: _v1, 2: _v2, 3: _v3, 4: _v4, 5: _v5, 6: _v6, 7: _v7}
# any constant: the PostgreSQL advisory lock that migrations of this store take
MIGRATION_LOCK = 0x7E1E11E5


def current_version():
    if not database.table_exists(SchemaInfo._meta.table_name):
        return 0
    row = SchemaInfo.select().order_by(SchemaInfo.version.desc()).first()
    return row.version if row else 0


def migrate():
    """Bring the store up to SCHEMA_VERSION; returns the versions applied. Concurrent callers
    wait for each other: the first migrates, the rest find nothing to do."""
    applied = []
    if not is_postgres():  # a table rebuild (v3) must not cascade: SQLite checks keys again below
        database.execute_sql("PRAGMA foreign_keys = OFF")
    try:
        with write_transaction():
            if is_postgres():  # held to commit: a second process waits here, then reads the new version
                database.execute_sql("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
            version = current_version()
            for step in range(version + 1, SCHEMA_VERSION + 1):
                MIGRATIONS[step]()
                SchemaInfo.delete().execute()
                SchemaInfo.create(version=step)
                applied.append(step)
    finally:
        if not is_postgres():
            database.execute_sql("PRAGMA foreign_keys = ON")
    return applied


def is_current():
    return current_version() == SCHEMA_VERSION
