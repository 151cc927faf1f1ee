"""Pooled PostgreSQL connections: handed out again without a round trip when just given back,
asked `SELECT 1` after sitting idle, and replaced when the server ended them meanwhile."""
import http.client
import time

import pytest

from service import db as db_module
from service.db import database, is_postgres
from tests import factories as f


def _status(port, path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        return response.status
    finally:
        connection.close()


def _others():
    """{pid: (last query, when it started)} of this database's other client sessions: the pool's."""
    rows = database.execute_sql(
        "SELECT pid, query, query_start FROM pg_stat_activity WHERE datname = current_database() "
        "AND pid <> pg_backend_pid() AND backend_type = 'client backend'")
    return {pid: (query, start) for pid, query, start in rows}


def test_a_connection_is_asked_if_alive_only_after_sitting_idle(server, db):
    if not is_postgres():
        pytest.skip("PostgreSQL's pool: SQLite's connections are files, checked without a round trip")
    f.event("Harbour talks", channel="meeting")
    assert _status(server, "/v1/events") == 200
    before = _others()
    assert _status(server, "/v1/no-such-path") == 404  # takes a connection, runs no query
    assert _others() == before  # no backend was asked anything

    time.sleep(db_module.PING_AFTER_IDLE_SECONDS + 0.2)
    assert _status(server, "/v1/no-such-path") == 404
    asked = {pid: now for pid, now in _others().items() if before.get(pid) != now}
    assert [query for query, _ in asked.values()] == ["SELECT 1"]

    killed = database.execute_sql(
        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = current_database() "
        "AND pid <> pg_backend_pid() AND backend_type = 'client backend'").fetchone()[0]
    assert killed >= 1
    time.sleep(db_module.PING_AFTER_IDLE_SECONDS + 0.2)
    assert _status(server, "/v1/events") == 200  # the dead connection was found and replaced
