"""One peewee DatabaseProxy, bound from DATABASE_URL.

SQLite (the default) gets WAL, foreign keys and a busy timeout; postgresql:// URLs run the
same models on PostgreSQL.
"""
from urllib.parse import urlparse, urlsplit, urlunsplit

from peewee import DatabaseProxy, PostgresqlDatabase, SqliteDatabase
from playhouse.db_url import parse as parse_url

database = DatabaseProxy()

SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "busy_timeout": 10000,
    "synchronous": "normal",
    "cache_size": -32000,
}


def make_database(url):
    scheme = urlparse(url).scheme
    if scheme == "sqlite":
        path = url[len("sqlite:///"):] if url.startswith("sqlite:///") else ":memory:"
        return SqliteDatabase(path or ":memory:", pragmas=SQLITE_PRAGMAS, check_same_thread=False)
    if scheme in ("postgres", "postgresql"):
        params = parse_url(url)
        name = params.pop("database")
        return PostgresqlDatabase(name, **params)
    raise ValueError(f"DATABASE_URL scheme {scheme!r} is not supported (use sqlite:/// or postgresql://)")


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


def bind(url):
    """Bind the proxy to the database named by url and return it."""
    db = make_database(url)
    database.initialize(db)
    return db


def is_postgres():
    return isinstance(database.obj, PostgresqlDatabase)


def write_transaction():
    """database.atomic() for a read-check-write unit: on SQLite it takes the write lock at once
    (BEGIN IMMEDIATE), so concurrent writers (the loader, API editors) queue for the lock instead
    of one failing with "database is locked" when it upgrades a read transaction."""
    return database.atomic() if is_postgres() else database.atomic("IMMEDIATE")
