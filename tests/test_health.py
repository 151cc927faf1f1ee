import pytest

from service import create_app
from service.db import database
from tests.conftest import assert_problem


def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json == {"status": "ok"}


def test_readyz_reports_current_schema(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json == {"status": "ready"}


def test_unknown_route_is_problem_json(client):
    body = assert_problem(client.get("/v1/no-such-thing"), 404)
    assert body["instance"] == "/v1/no-such-thing"


@pytest.mark.parametrize("url", ["postgresql://nobody@127.0.0.1:1/none", "sqlite:////nonexistent-folder/timeline.db"])
def test_liveness_without_the_database_readiness_and_reads_503(app, url):
    unreachable = create_app({"DATABASE_URL": url, "MIGRATE_ON_START": False, "TESTING": True})
    original = database.obj
    try:
        client = unreachable.test_client()
        live = client.get("/healthz")
        assert (live.status_code, live.json) == (200, {"status": "ok"})
        unavailable = {"type": "https://timeline.invalid/problems/database-unavailable",
                       "title": "Service Unavailable", "status": 503,
                       "detail": "The database is unreachable; try again shortly."}
        for path in ("/readyz", "/v1/events", "/v1/participants/1"):
            response = client.get(path)
            assert assert_problem(response, 503) == {**unavailable, "instance": path}
            assert response.headers["Retry-After"] == "5"
    finally:
        database.initialize(original)
