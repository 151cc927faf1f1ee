"""Fixtures: the real app on a temporary SQLite file, and on PostgreSQL when TEST_DATABASE_URL is set.

Every test that uses `app` (or pytest-flask's `client`) runs once per backend.
"""
import json
import os

import pytest

from service import create_app
from service.db import database, is_postgres
from service.models import TABLES

TEST_DATABASE_URL = os.environ.get("TEST_DATABASE_URL")  # the tests' own setting, not the service's
BACKENDS = ["sqlite"] + (["postgresql"] if TEST_DATABASE_URL else [])


def _reset_postgres(url):
    from service.db import make_database

    db = make_database(url)
    db.connect()
    db.execute_sql("DROP SCHEMA public CASCADE")
    db.execute_sql("CREATE SCHEMA public")
    db.close()


@pytest.fixture(scope="session", params=BACKENDS)
def backend(request, tmp_path_factory):
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path_factory.mktemp('db')}/test.db"
    else:
        url = TEST_DATABASE_URL
        _reset_postgres(url)
    application = create_app({"DATABASE_URL": url, "TESTING": True})
    return application, database.obj


def truncate_all():
    database.connect(reuse_if_open=True)
    if is_postgres():
        names = ", ".join(f'"{m._meta.table_name}"' for m in TABLES if m.__name__ != "SchemaInfo")
        database.execute_sql(f"TRUNCATE {names} RESTART IDENTITY CASCADE")
    else:
        with database.atomic():
            for model in reversed(TABLES):
                if model.__name__ != "SchemaInfo":
                    model.delete().execute()
            # like RESTART IDENTITY: ids never reused within a store, but every test starts at 1
            database.execute_sql("DELETE FROM sqlite_sequence")
    database.close()


@pytest.fixture
def app(backend):
    application, db = backend
    database.initialize(db)
    truncate_all()
    yield application
    if not database.is_closed():
        database.close()


@pytest.fixture
def db(app):
    """An open connection for tests that use the models directly."""
    database.connect(reuse_if_open=True)
    yield database
    if not database.is_closed():
        database.close()


def assert_problem(response, status):
    """Every error source answers the same RFC 9457 shape."""
    assert response.status_code == status, response.get_data(as_text=True)
    assert response.mimetype == "application/problem+json"
    body = json.loads(response.get_data(as_text=True))
    assert body["status"] == status
    assert isinstance(body["title"], str) and body["title"]
    assert "type" in body
    assert "Traceback" not in response.get_data(as_text=True)
    return body
