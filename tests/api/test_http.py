"""Conditional GET and CORS over the API."""
from service import create_app
from service.db import database
from tests.conftest import assert_problem

GETS = [
    "/v1/events", "/v1/events/1", "/v1/participants", "/v1/participants/1", "/v1/participants/1/events",
    "/v1/participants/1/counterparts", "/v1/topics", "/v1/channels", "/v1/documents", "/v1/documents/1",
    "/v1/timeline", "/v1/openapi.json", "/healthz", "/docs", "/docs/assets/swagger-ui-bundle.js",
]


def test_every_get_has_an_etag_and_answers_304(client, world):
    for url in GETS:
        response = client.get(url)
        assert response.status_code == 200, url
        etag = response.headers["ETag"]
        again = client.get(url, headers={"If-None-Match": etag})
        assert again.status_code == 304, url
        assert again.get_data() == b""
        assert client.get(url, headers={"If-None-Match": '"other"'}).status_code == 200


def test_etag_changes_with_the_data(client, world):
    first = client.get("/v1/events").headers["ETag"]
    world.speech.title = "Sergei Larin speech at the UN"
    world.speech.save()
    response = client.get("/v1/events", headers={"If-None-Match": first})
    assert response.status_code == 200
    assert response.headers["ETag"] != first


def test_errors_have_no_etag(client, world):
    response = client.get("/v1/events/999")
    assert_problem(response, 404)
    assert "ETag" not in response.headers


def test_cors_allows_any_origin_by_default(client, world):
    response = client.get("/v1/events", headers={"Origin": "https://desk.example"})
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    assert "Link" in response.headers["Access-Control-Expose-Headers"]
    preflight = client.options("/v1/events", headers={
        "Origin": "https://desk.example", "Access-Control-Request-Method": "GET",
    })
    assert preflight.status_code == 200
    assert preflight.headers["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"


def test_cors_origins_are_configurable(app, world):
    configured = create_app({
        "DATABASE_URL": app.config["DATABASE_URL"], "CORS_ORIGINS": "https://desk.example, https://b.example",
        "MIGRATE_ON_START": False, "TESTING": True,
    })
    original = database.obj
    try:
        client = configured.test_client()
        allowed = client.get("/v1/topics", headers={"Origin": "https://b.example"})
        assert allowed.headers["Access-Control-Allow-Origin"] == "https://b.example"
        assert "Origin" in allowed.headers["Vary"]
        refused = client.get("/v1/topics", headers={"Origin": "https://evil.example"})
        assert refused.status_code == 200
        assert "Access-Control-Allow-Origin" not in refused.headers
    finally:
        database.close()
        database.initialize(original)


def test_a_crash_is_a_problem_without_traceback(app, client, world, monkeypatch):
    from service import store

    def broken(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(store, "events_page", broken)
    monkeypatch.setitem(app.config, "PROPAGATE_EXCEPTIONS", False)  # as in production
    response = client.get("/v1/events")
    body = assert_problem(response, 500)
    assert "secret" not in response.get_data(as_text=True)
    assert body == {"type": "about:blank", "title": "Internal Server Error", "status": 500,
                    "detail": "The server could not complete the request.", "instance": "/v1/events"}


def test_unknown_query_parameters_are_errors_on_every_read(client, world):
    for url in GETS:
        if not url.startswith("/v1/") or url.endswith("openapi.json"):
            continue
        body = assert_problem(client.get(url + "?colour=blue"), 422)
        assert body["errors"] == {"query": {"colour": ["Unknown field."]}}, url


def test_accept_header_chooses_an_export_like_format_does(client, world):
    response = client.get("/v1/events", headers={"Accept": "text/csv"})
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert response.get_data() == client.get("/v1/events?format=csv").get_data()
    assert client.get("/v1/events", headers={"Accept": "application/json"}).json["data"]
    assert client.get("/v1/events", headers={"Accept": "text/html"}).json["data"]
