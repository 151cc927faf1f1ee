"""Event.lists: each event's participants, topics and evidence as the API shows them, stored beside it.

A page of events then reads one index range of one table: no per-event joins, sorts and JSON
aggregates at read time (on PostgreSQL those cost its backend about 1 ms a page). The column is a
cache of what the live subqueries (LIVE) give, and is never trusted blindly:

- Invalidation is the database's own work. Triggers on every table the lists are made of (links,
  topics on events, mentions, and the names of actors, topics and documents) set the event's lists
  to NULL on every write path: the loader, corrections, merges, raw SQL. Doing so locks the event's
  row until the change commits.
- A NULL list is read live: the page statement asks COALESCE(lists, LIVE), and both engines
  evaluate the live subqueries only for the rows that need them. A stale copy is never served; a
  missing one only costs time.
- refresh() fills the NULL lists, at the end of every write transaction (db.write_transaction),
  and is safe beside concurrent writers (its docstring says how).
"""
from . import triggers
from .db import database, is_postgres

COLUMN_SQL = "ALTER TABLE event ADD COLUMN lists TEXT"
STALE_INDEX = 'CREATE INDEX IF NOT EXISTS "event_lists_stale" ON "event" ("id") WHERE "lists" IS NULL'

# [[title, actor id, slug, name, country]...], [[slug, label]...], [[sentence, start, end,
# date_text, document id, key, title, publisher, url, published]...], in the API's orders. {event}
# is the event's id column; {agg}, {array}, {text} the engine's JSON functions (JSON_FUNCTIONS).
PEOPLE = """SELECT {agg}({array}("x"."title", "x"."id", "x"."slug", "x"."name", "x"."country")){text} FROM (
 SELECT "l"."title", "a"."id", "a"."slug", "a"."name", "a"."country" FROM "event_actor" AS "l"
 INNER JOIN "actor" AS "a" ON ("l"."actor_id" = "a"."id") WHERE ("l"."event_id" = {event})
 ORDER BY "l"."position", "l"."id") AS "x\""""
SUBJECTS = """SELECT {agg}({array}("x"."slug", "x"."label")){text} FROM (
 SELECT "t"."slug", "t"."label" FROM "event_topic" AS "l" INNER JOIN "topic" AS "t" ON ("l"."topic_id" = "t"."id")
 WHERE ("l"."event_id" = {event}) ORDER BY "t"."slug") AS "x\""""
MENTIONS = """SELECT {agg}({array}("x"."sentence", "x"."start", "x"."end", "x"."date_text", "x"."id", "x"."key",
                     "x"."title", "x"."publisher", "x"."url", "x"."published")){text} FROM (
 SELECT "m"."sentence", "m"."start", "m"."end", "m"."date_text", "d"."id", "d"."key", "d"."title", "d"."publisher",
        "d"."url", "d"."published" FROM "mention" AS "m" INNER JOIN "document" AS "d" ON ("m"."document_id" = "d"."id")
 WHERE ("m"."event_id" = {event}) ORDER BY "d"."published" ASC NULLS LAST, "d"."id", "m"."start", "m"."id") AS "x\""""
# SQLite's json_group_array gives [] for no rows, PostgreSQL's json_agg NULL; json_agg's own
# type would be parsed by the driver's (slower) json module, so it comes as text
JSON_FUNCTIONS = {
    False: {"agg": "json_group_array", "array": "json_array", "text": ""},
    True: {"agg": "json_agg", "array": "json_build_array", "text": "::text"},
}


def live(event, postgres):
    """SQL of an event's lists as one JSON text, [people, subjects, mentions], from the tables."""
    parts = [part.format(event=event, **JSON_FUNCTIONS[postgres]) for part in (PEOPLE, SUBJECTS, MENTIONS)]
    return "('[' || " + " || ',' || ".join(f"COALESCE(({part}), '[]')" for part in parts) + " || ']')"


_STALE = 'UPDATE "event" SET "lists" = NULL WHERE "id" {where}'
# (table, columns the lists show, how the events are found from its row (r), the id kind)
_SOURCES = (
    ("event_actor", ("event_id", "actor_id", "title", "position"), "= r.event_id", "link"),
    ("event_topic", ("event_id", "topic_id"), "= r.event_id", "link"),
    ("mention", ("event_id", "document_id", "sentence", "start", "end", "date_text"), "= r.event_id", "link"),
    ("actor", ("slug", "name", "country"), "IN (SELECT event_id FROM event_actor WHERE actor_id = r.id)", "named"),
    ("topic", ("slug", "label"), "IN (SELECT event_id FROM event_topic WHERE topic_id = r.id)", "named"),
    ("document", ("key", "title", "publisher", "url", "published"),
     "IN (SELECT event_id FROM mention WHERE document_id = r.id)", "named"),
)


def _changed(columns, old="old", new="new", same="IS NOT"):
    return " OR ".join(f'{old}."{column}" {same} {new}."{column}"' for column in columns)


def _sqlite_triggers():
    triggers = {}
    for table, columns, where, kind in _SOURCES:
        listed = ", ".join(f'"{column}"' for column in columns)
        stale = lambda row, where=where: _STALE.format(where=where.replace("r.", f"{row}."))  # noqa: E731
        if kind == "link":  # a link's rows belong to events: the one it leaves and the one it joins
            triggers[f"lists_{table}_ai"] = f"AFTER INSERT ON {table} BEGIN {stale('new')}; END"
            triggers[f"lists_{table}_ad"] = f"AFTER DELETE ON {table} BEGIN {stale('old')}; END"
        updated = f"{stale('old')}; {stale('new')};" if kind == "link" else f"{stale('new')};"
        triggers[f"lists_{table}_au"] = (f"AFTER UPDATE OF {listed} ON {table} WHEN {_changed(columns)} "
                                         f"BEGIN {updated} END")
    return triggers


def _postgres_triggers():
    functions, triggers = [], {}
    for table, columns, where, kind in _SOURCES:
        listed = ", ".join(f'"{column}"' for column in columns)
        function = f"lists_stale_{table}"
        stale = lambda row, where=where: _STALE.format(where=where.replace("r.", f"{row}."))  # noqa: E731
        if kind == "link":  # one function for insert, delete and update: OLD and NEW as the operation has them
            body = (f"IF TG_OP <> 'INSERT' THEN {stale('OLD')}; END IF; "
                    f"IF TG_OP <> 'DELETE' THEN {stale('NEW')}; END IF;")
            triggers[f"lists_{table}_aiud"] = (f"AFTER INSERT OR DELETE ON {table} FOR EACH ROW "
                                               f"EXECUTE FUNCTION {function}()")
        else:
            body = f"{stale('NEW')};"
        triggers[f"lists_{table}_au"] = (f"AFTER UPDATE OF {listed} ON {table} FOR EACH ROW "
                                         f"WHEN ({_changed(columns, 'OLD', 'NEW', 'IS DISTINCT FROM')}) "
                                         f"EXECUTE FUNCTION {function}()")
        functions.append(f"CREATE OR REPLACE FUNCTION {function}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                         f"{body} RETURN NULL; END $$")
    return functions, triggers


SQLITE_TRIGGERS = _sqlite_triggers()
POSTGRES_FUNCTIONS, POSTGRES_TRIGGERS = _postgres_triggers()
_TRIGGER_TABLE = {name: table for table, *_ in _SOURCES for name in (*SQLITE_TRIGGERS, *POSTGRES_TRIGGERS)
                  if name.startswith(f"lists_{table}_")}


def install():
    """Create the triggers (idempotent)."""
    triggers.install(SQLITE_TRIGGERS, POSTGRES_FUNCTIONS, POSTGRES_TRIGGERS)


def drop():
    """Drop the triggers: only for a bulk load that fills every list after (bench/build_store.py)."""
    triggers.drop(SQLITE_TRIGGERS, POSTGRES_TRIGGERS, _TRIGGER_TABLE.get)


BATCH = 1000
_REFRESH = {}  # engine -> the refresh statements


def _refresh_sql(postgres):
    sql = _REFRESH.get(postgres)
    if sql is None:
        lists = live('"event"."id"', postgres)
        fill = f'UPDATE "event" SET "lists" = {lists} WHERE "id" '
        stale = f'SELECT "id" FROM "event" WHERE "lists" IS NULL ORDER BY "id" LIMIT {BATCH}'
        sql = _REFRESH[postgres] = (stale + " FOR UPDATE SKIP LOCKED", fill + "= ANY(%s)") if postgres else \
            fill + f"IN ({stale})"
    return sql


def refresh(batches=None):
    """Fill the NULL lists, BATCH events a statement, until none is left (or `batches` ran);
    the number of events filled. Inside the caller's transaction, before it commits.

    SQLite has one writer at a time: one statement fills them. On PostgreSQL the stale rows are
    first locked, skipping any another open transaction holds (it is changing that event: its own
    refresh fills it, so no two writers ever wait for each other here), then filled by a second
    statement, whose snapshot is taken with the locks held: a change to what a list shows locks
    its event (the triggers), so none can slip in between reading the tables and writing the copy."""
    filled, run = 0, 0
    sql = _refresh_sql(is_postgres())
    while batches is None or run < batches:
        if is_postgres():
            ids = [row[0] for row in database.execute_sql(sql[0])]
            if ids:
                database.execute_sql(sql[1], (ids,))
            count = len(ids)
        else:
            count = database.execute_sql(sql).rowcount
        filled, run = filled + count, run + 1
        if count < BATCH:
            break
    return filled


def fill_all():
    """Every stale event's lists in one statement: for a store no one else writes (a migration
    under its lock, a bulk load)."""
    lists = live('"event"."id"', is_postgres())
    database.execute_sql(f'UPDATE "event" SET "lists" = {lists} WHERE "lists" IS NULL')


def add_columns():
    """Schema 7 on an older store: the columns, the index of stale rows, the triggers, every list."""
    if "lists" not in {column.name for column in database.get_columns("event")}:
        database.execute_sql(COLUMN_SQL)
    database.execute_sql(STALE_INDEX)
    install()
    fill_all()
