"""The Docker image's command, run as it is outside a container (no image registry is reachable
here): on an empty store it migrates once, loads the seeds, and serves them with the default
worker count, ten starts out of ten on PostgreSQL. Only the port is changed, to a free one."""
import json

import pytest

from service.db import database, is_postgres
from service.migrate import migrate
from tests.conftest import TEST_DATABASE_URL
from tests.serving.gunicorn_process import REPO, Server

SEEDS = sorted(p.name for p in (REPO / "seeds").iterdir() if p.suffix == ".txt")


def docker_cmd():
    for line in (REPO / "Dockerfile").read_text(encoding="utf-8").splitlines():
        if line.startswith("CMD "):
            return json.loads(line[len("CMD "):])
    raise AssertionError("the Dockerfile has no CMD")


def _empty_postgres():
    database.connect(reuse_if_open=True)
    database.execute_sql("DROP SCHEMA public CASCADE")
    database.execute_sql("CREATE SCHEMA public")
    database.close()


def _start_and_check(url):
    server = Server(docker_cmd(), url)
    try:
        ready = server.wait_ready()
        documents = server.json("/v1/documents?limit=200")[1]["data"] if ready else []
        events = server.json("/v1/events?limit=200")[1]["data"] if ready else []
    finally:
        code = server.stop()
    return ready, sorted(d["key"] for d in documents), len(events), code


def test_the_image_command_serves_the_seeds_from_an_empty_sqlite_store(tmp_path):
    ready, keys, events, code = _start_and_check(f"sqlite:///{tmp_path / 'timeline.db'}")
    assert (ready, keys, code) == (True, SEEDS, 0)
    assert events > 0
    # a second start on the same store: the seeds are not loaded again (nothing to do)
    ready, keys, again, code = _start_and_check(f"sqlite:///{tmp_path / 'timeline.db'}")
    assert (ready, keys, again, code) == (True, SEEDS, events, 0)


def test_the_image_command_starts_ten_times_out_of_ten_on_an_empty_postgresql(db):
    if not is_postgres():
        pytest.skip("needs TEST_DATABASE_URL (PostgreSQL)")
    outcomes = []
    try:
        for _ in range(10):
            _empty_postgres()
            outcomes.append(_start_and_check(TEST_DATABASE_URL))
    finally:
        database.connect(reuse_if_open=True)
        migrate()  # the rest of the session finds a current, empty store
        database.close()
    assert [(ready, keys, code) for ready, keys, _, code in outcomes] == [(True, SEEDS, 0)] * 10
    assert len({events for _, _, events, _ in outcomes}) == 1
