"""Create the store, and upgrade an older store in place.

The version a store is at lives in SchemaInfo; MIGRATIONS holds one function per version step.
"""
from .db import database, is_postgres
from .models import (
    SCHEMA_VERSION,
    Actor,
    ActorAlias,
    ApiKey,
    Document,
    Event,
    EventActor,
    EventChange,
    EventTopic,
    Mention,
    SchemaInfo,
    Topic,
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


# MIGRATIONS[n] brings a store from version n-1 to version n; each step only adds, never rewrites.
MIGRATIONS = {1: _v1, 2: _v2}


def current_version():
    if not database.table_exists(SchemaInfo._meta.table_name):
        return 0
    row = SchemaInfo.select().order_by(SchemaInfo.version.desc()).first()
    return row.version if row else 0


def migrate():
    """Bring the store up to SCHEMA_VERSION; returns the versions applied."""
    applied = []
    with database.atomic():
        version = current_version()
        for step in range(version + 1, SCHEMA_VERSION + 1):
            MIGRATIONS[step]()
            SchemaInfo.delete().execute()
            SchemaInfo.create(version=step)
            applied.append(step)
    return applied


def is_current():
    return current_version() == SCHEMA_VERSION
