"""One peewee DatabaseProxy, bound from DATABASE_URL.

SQLite (the default) gets WAL, foreign keys and a busy timeout; postgresql:// URLs run the
same models on PostgreSQL. Both are pooled (playhouse.pool): a request takes an open connection
and gives it back, so pragmas, the parsed schema and the page cache (or a PostgreSQL backend)
live across requests. A forked child never uses (nor closes, which would end the parent's
PostgreSQL session) a connection it inherited; `close_all` closes them at shutdown.

On PostgreSQL the statements a page runs every time (`execute_prepared`) are prepared once per
connection (PREPARE / EXECUTE): the server parses and plans them once, not on every request.
"""
import atexit
import contextlib
import logging
import os
import threading
import time
from urllib.parse import urlparse, urlsplit, urlunsplit

import psycopg2.extensions
from peewee import DatabaseProxy, OperationalError, PostgresqlDatabase
from playhouse.db_url import parse as parse_url
from playhouse.pool import PooledPostgresqlDatabase, PooledSqliteDatabase

database = DatabaseProxy()
log = logging.getLogger(__name__)

SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 10000,
    "synchronous": "normal",
    "cache_size": -32000,
}


# per process: every worker thread holds one, plus streamed exports; waiting beats failing
POOL = {"max_connections": 32, "stale_timeout": 600, "timeout": 10}
# Session settings of every connection:
# - random reads cost about what sequential ones do on SSDs and a warm cache: with the default (4)
#   the planner reads a quiet participant's links by bitmap and sorts them rather than walking
#   the (actor, event_date, event) index in order, 20x slower on pages of such participants;
# - a prepared statement keeps one generic plan: a page's plan is an index walk whatever its
#   values, and with the default (auto) PostgreSQL re-planned every page (a generic plan that
#   does not know the LIMIT looks dearer), 0.3 ms of a 1 ms statement;
# - no JIT: it pays off for long analytical queries, and compiling for a statement whose cost
#   is only estimated high (a generic plan's) took 12 ms on a page that runs in 1 ms.
POSTGRES_OPTIONS = "-c random_page_cost=1.1 -c plan_cache_mode=force_generic_plan -c jit=off"
_inherited = []  # connections a forked child got from its parent: kept, never used or closed


def make_database(url):
    scheme = urlparse(url).scheme
    if scheme not in ("sqlite", "postgres", "postgresql"):
        raise ValueError(f"DATABASE_URL scheme {scheme!r} is not supported (use sqlite:/// or postgresql://)")
    params = parse_url(url)  # playhouse.db_url: sqlite:///relative.db, sqlite:////absolute.db, sqlite:// (memory)
    name = params.pop("database")
    if scheme == "sqlite":
        return PooledSqliteDatabase(name, pragmas=SQLITE_PRAGMAS, check_same_thread=False, **POOL)
    params.setdefault("options", POSTGRES_OPTIONS)
    params.setdefault("connection_factory", PreparingConnection)
    return PingingPostgresqlDatabase(name, **POOL, **params)


# a pooled connection given back less than this long ago is handed out again without a round trip
PING_AFTER_IDLE_SECONDS = 1.0


class PingingPostgresqlDatabase(PooledPostgresqlDatabase):
    """playhouse's pool asks the server `SELECT 1` every time it hands out a connection, to find
    dead ones: a full round trip per request (a fifth of a page's cost on PostgreSQL). Here only a
    connection that sat idle in the pool for PING_AFTER_IDLE_SECONDS is asked; one given back
    moments ago is checked locally (closed? in a transaction?). A server that went away in that
    instant fails the request it was taken for; psycopg2 then marks the connection closed and
    the pool drops it."""

    def _is_closed(self, conn):
        if conn.closed:
            return True
        idle = time.monotonic() - getattr(conn, "returned_at", float("-inf"))
        if idle < PING_AFTER_IDLE_SECONDS and self._adapter.txn_status(conn) == self._adapter.txn_idle:
            return False
        return super()._is_closed(conn)

    def _can_reuse(self, conn):
        try:
            conn.returned_at = time.monotonic()
        except AttributeError:  # a connection_factory of the URL's own, without attributes: always asked
            pass
        return super()._can_reuse(conn)


class PreparingConnection(psycopg2.extensions.connection):
    """A psycopg2 connection that remembers the statements prepared in its session (SQL -> name).
    A prepared statement lasts as long as the session: a rollback does not undo it."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.prepared = {}


PREPARED_MAX = 256  # statements prepared per connection; past it, statements run unprepared


def _numbered(sql, count):
    """sql with its `%s` placeholders numbered ($1, $2, ...) for PREPARE; None when the text
    holds any other % (an escaped literal) or not exactly `count` placeholders."""
    pieces = sql.split("%s")
    if len(pieces) != count + 1 or any("%" in piece for piece in pieces):
        return None
    return "".join(piece + (f"${n}" if n <= count else "") for n, piece in enumerate(pieces, 1))


def execute_prepared(sql, params):
    """database.execute_sql(sql, params); on PostgreSQL through a statement this connection has
    prepared (once, the first time it runs sql), so the server neither parses nor plans it again.
    The PREPARE goes straight to the driver: what the database is asked per request is the EXECUTE."""
    connection = database.connection() if is_postgres() else None
    prepared = getattr(connection, "prepared", None)
    if prepared is None:
        return database.execute_sql(sql, params)
    params = list(params)
    name = prepared.get(sql)
    if name is None:
        numbered = _numbered(sql, len(params))
        if numbered is None or len(prepared) >= PREPARED_MAX:
            return database.execute_sql(sql, params)
        name = f"timeline_{len(prepared) + 1}"
        with connection.cursor() as cursor:
            cursor.execute(f"PREPARE {name} AS {numbered}")
        prepared[sql] = name
    arguments = f"({', '.join(['%s'] * len(params))})" if params else ""
    return database.execute_sql(f"EXECUTE {name}{arguments}", params)


_RENDERED = {}  # (engine, key) -> SQL text of a query shape: peewee renders each once, not per request


def execute_cached(key, build, params):
    """The cursor of the peewee query build(), whose parameters are params in that order: from its
    SQL text rendered once per key and engine, prepared on PostgreSQL (execute_prepared). A query
    that carries other parameters than params is rendered and run every time."""
    shape = (is_postgres(), key)
    sql = _RENDERED.get(shape)
    if sql is None:
        query = build()
        sql, rendered = database.get_sql_context().sql(query).query()
        if list(rendered) != list(params):
            return database.execute(query)
        _RENDERED[shape] = sql
    return execute_prepared(sql, params)


def redacted(url):
    """The URL as it may be printed or logged: the password replaced by ***."""
    try:
        parts = urlsplit(url)
        if parts.password is None:
            return url
        host = parts.netloc.rpartition("@")[2]
        return urlunsplit(parts._replace(netloc=f"{parts.username or ''}:***@{host}"))
    except ValueError:  # unparsable: print nothing of it that could be a secret
        return "<unparsable DATABASE_URL>"


def close_all():
    """Close every pooled connection of this process (shutdown, or before forking workers)."""
    db = database.obj
    if db is not None:
        if not db.is_closed():
            db.close()
        db.close_all()


def _forget_inherited():
    db = database.obj
    if db is None:
        return
    _inherited.extend(conn for _, _, conn in db._connections)
    _inherited.extend(used.connection for used in db._in_use.values())
    db._connections, db._in_use = [], {}
    db._pool_lock = threading.RLock()  # another thread may have held it at the fork
    db._pool_available = threading.Condition(db._pool_lock)
    db._state.reset()


os.register_at_fork(after_in_child=_forget_inherited)
atexit.register(close_all)


def bind(url):
    """Bind the proxy to the database named by url and return it."""
    db = make_database(url)
    database.initialize(db)
    return db


def is_postgres():
    return isinstance(database.obj, PostgresqlDatabase)


@contextlib.contextmanager
def write_transaction(events=True):
    """database.atomic() for a read-check-write unit: on SQLite it takes the write lock at once
    (BEGIN IMMEDIATE), so concurrent writers (the loader, API editors) queue for the lock instead
    of one failing with "database is locked" when it upgrades a read transaction.

    A unit that may change events (events=True) fills, before it commits, the stored lists its
    writes made stale (payload_lists.refresh): pages read them instead of assembling them."""
    with database.atomic() if is_postgres() else database.atomic("IMMEDIATE") as transaction:
        yield transaction
        if events and database.transaction_depth() == 1:
            from . import payload_lists

            payload_lists.refresh()


# PostgreSQL advisory lock (any constant) held by every write that resolves actors or moves their
# links: storing an extracted article, merging participants
STORE_WRITES_LOCK = 0x7E1E0001
# SQLSTATEs of a transaction PostgreSQL rolled back to break a conflict: deadlock, serialization
CONFLICTS = ("40P01", "40001")


def lock_store_writes():
    """Inside a write transaction: wait for the other writers of actors and their links.

    Two articles that introduce the same new person, or a merge racing an article, would
    otherwise both create the actor or move a link the other deletes (unique and foreign-key
    violations). SQLite needs nothing: BEGIN IMMEDIATE already admits one writer at a time. The
    lock is held to commit; extraction (the slow part) runs before it, so it is held briefly."""
    if is_postgres():
        database.execute_sql("SELECT pg_advisory_xact_lock(%s)", (STORE_WRITES_LOCK,))


def is_conflict(exc):
    original = exc.args[0] if getattr(exc, "args", None) else None
    return getattr(original, "pgcode", None) in CONFLICTS


def retrying(work, attempts=4):
    """work() in a write transaction, run again when PostgreSQL broke a deadlock or a
    serialization conflict by rolling it back: a race between servers is not the client's error."""
    for attempt in range(1, attempts + 1):
        try:
            with write_transaction():
                return work()
        except OperationalError as exc:
            if attempt == attempts or not is_conflict(exc):
                raise
            log.info("write conflict (attempt %d of %d), retrying: %s", attempt, attempts, str(exc).splitlines()[:1])
            time.sleep(0.02 * attempt)
