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
