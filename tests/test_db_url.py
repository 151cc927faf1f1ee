"""DATABASE_URL is parsed by playhouse.db_url, for both engines, and an unknown scheme is refused."""
import pytest

from service.db import make_database


@pytest.mark.parametrize(("url", "database"), [
    ("sqlite:///timeline.db", "timeline.db"),
    ("sqlite:////var/lib/timeline/store.db", "/var/lib/timeline/store.db"),
    ("sqlite://", ":memory:"),
])
def test_sqlite_urls_name_a_file_or_memory(url, database):
    assert make_database(url).database == database


def test_a_postgresql_url_gives_its_parts_to_the_driver():
    db = make_database("postgresql://desk:s3cr3t@db.internal:5433/timeline")
    assert db.database == "timeline"
    assert {k: db.connect_params[k] for k in ("user", "password", "host", "port")} == {
        "user": "desk", "password": "s3cr3t", "host": "db.internal", "port": 5433}


def test_other_schemes_are_refused():
    with pytest.raises(ValueError, match="DATABASE_URL scheme 'mysql' is not supported"):
        make_database("mysql://desk@127.0.0.1/timeline")
