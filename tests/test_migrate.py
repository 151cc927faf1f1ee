"""The schema version is recorded, and a newer release upgrades an older store in place."""
from service import migrate as migrations
from service.db import database
from service.models import SCHEMA_VERSION, Document, SchemaInfo, WriteQuota
from tests.conftest import assert_problem


def _downgrade_to_v1():
    """Make the test store look like one written by the first release (schema 1)."""
    database.drop_tables([WriteQuota])
    SchemaInfo.delete().execute()
    SchemaInfo.create(version=1)


def test_an_older_store_is_upgraded_in_place_and_keeps_its_data(db):
    Document.create(key="kept.txt", text="Words of an older article.", sha256="0" * 64, extractor_version="0")
    _downgrade_to_v1()
    assert migrations.current_version() == 1
    assert not database.table_exists("write_quota")

    assert migrations.migrate() == [2]

    assert migrations.current_version() == SCHEMA_VERSION == 2
    assert database.table_exists("write_quota")
    assert [d.key for d in Document.select()] == ["kept.txt"]
    assert migrations.migrate() == []  # a current store: nothing to do


def test_readyz_says_when_the_schema_is_behind(client, db):
    _downgrade_to_v1()
    body = assert_problem(client.get("/readyz"), 503)
    assert body["detail"] == "the database schema is not current: run `timeline migrate`"
    migrations.migrate()
    assert client.get("/readyz").status_code == 200
