"""API keys: every write needs one; wrong, missing or revoked keys get 401; limits answer 413 and 429."""
import hashlib

import pytest
from click.testing import CliRunner
from flask import Response
from werkzeug.test import EnvironBuilder

from service import auth
from service.cli import main
from service.models import ApiKey
from tests.conftest import assert_problem

PATCH = {"title": "Corrected title"}


def test_write_without_key_is_401(client, desk):
    response = client.patch(f"/v1/events/{desk.call.id}", json=PATCH)
    body = assert_problem(response, 401)
    assert body == {
        "type": "https://timeline.invalid/problems/unauthorized",
        "title": "Unauthorized",
        "status": 401,
        "detail": "This operation needs an API key: send `Authorization: Bearer <key>`.",
        "instance": f"/v1/events/{desk.call.id}",
    }
    assert response.headers["WWW-Authenticate"] == 'Bearer realm="timeline"'


@pytest.mark.parametrize("header", ["Bearer tl_not-a-real-key", "Basic dXNlcjpwYXNz", "Bearer", "tl_x"])
def test_write_with_wrong_key_is_401(client, desk, key, header):
    response = client.patch(f"/v1/events/{desk.call.id}", json=PATCH, headers={"Authorization": header})
    body = assert_problem(response, 401)
    assert response.headers["WWW-Authenticate"].startswith('Bearer realm="timeline"')
    assert body["detail"] in (
        "The API key is not valid.",
        "This operation needs an API key: send `Authorization: Bearer <key>`.",
    )


def test_revoked_key_is_401(client, desk, key, headers):
    assert client.patch(f"/v1/events/{desk.call.id}", json=PATCH, headers=headers).status_code == 200
    auth.revoke_key("desk-editor")
    response = client.patch(f"/v1/events/{desk.call.id}", json={"title": "Again"}, headers=headers)
    body = assert_problem(response, 401)
    assert body["detail"] == "The API key has been revoked."
    assert response.headers["WWW-Authenticate"] == 'Bearer realm="timeline", error="invalid_token"'


def test_valid_key_writes_and_history_names_it(client, desk, headers):
    response = client.patch(f"/v1/events/{desk.call.id}", json=PATCH, headers=headers)
    assert response.status_code == 200
    history = client.get(f"/v1/events/{desk.call.id}/history").json
    assert [(c["action"], c["key"], c["changes"]) for c in history["data"]] == [
        ("update", "desk-editor", {"title": {"from": "Mara Quintel and Oskar Veld speak by phone",
                                             "to": "Corrected title"}}),
    ]


def test_keys_are_stored_hashed(db, key):
    row = ApiKey.get(ApiKey.name == "desk-editor")
    assert row.key_hash == hashlib.sha256(key.encode()).hexdigest()
    assert key not in (row.key_hash, row.name)
    assert key.startswith("tl_") and len(key) > 40


def test_key_names_are_checked(db, key):
    with pytest.raises(auth.KeyProblem, match="already exists"):
        auth.create_key("desk-editor")
    with pytest.raises(auth.KeyProblem, match="invalid key name"):
        auth.create_key("has space")
    with pytest.raises(auth.KeyProblem, match="no key named"):
        auth.revoke_key("nobody")


def test_reads_stay_public_unless_configured(client, desk, headers, monkeypatch):
    assert client.get(f"/v1/events/{desk.call.id}").status_code == 200
    monkeypatch.setitem(client.application.config, "READS_REQUIRE_KEY", True)
    assert_problem(client.get(f"/v1/events/{desk.call.id}"), 401)
    assert client.get(f"/v1/events/{desk.call.id}", headers=headers).status_code == 200
    assert client.get("/healthz").status_code == 200
    assert client.get("/v1/openapi.json").status_code == 200


def test_body_over_the_limit_is_413(client, desk, headers, monkeypatch):
    monkeypatch.setitem(client.application.config, "MAX_CONTENT_LENGTH", 1000)
    response = client.patch(f"/v1/events/{desk.call.id}", json={"summary": "x" * 2000}, headers=headers)
    body = assert_problem(response, 413)
    assert body["detail"].startswith("The request body is ") and body["detail"].endswith("the limit is 1000 bytes.")


def test_chunked_body_over_the_limit_is_413_problem(app, desk, headers, monkeypatch):
    """No Content-Length: Flask's own 413, raised while reading the body, is problem+json too."""
    monkeypatch.setitem(app.config, "MAX_CONTENT_LENGTH", 1000)
    builder = EnvironBuilder(path=f"/v1/events/{desk.call.id}", method="PATCH", headers=headers,
                             content_type="application/json", data=b'{"summary": "' + b"x" * 3000 + b'"}')
    environ = builder.get_environ()
    del environ["CONTENT_LENGTH"]
    environ["HTTP_TRANSFER_ENCODING"] = "chunked"
    environ["wsgi.input_terminated"] = True
    response = Response.from_app(app, environ)
    assert_problem(response, 413)


def test_writes_over_the_rate_limit_get_429(client, desk, headers, monkeypatch):
    monkeypatch.setitem(client.application.config, "WRITE_RATE_LIMIT", 3)
    monkeypatch.setitem(client.application.config, "WRITE_RATE_WINDOW", 60)
    statuses = [client.patch(f"/v1/events/{desk.call.id}", json={"title": f"T{i}"}, headers=headers).status_code
                for i in range(3)]
    assert statuses == [200, 200, 200]
    response = client.patch(f"/v1/events/{desk.call.id}", json={"title": "T4"}, headers=headers)
    body = assert_problem(response, 429)
    assert 1 <= int(response.headers["Retry-After"]) <= 60
    assert body["detail"] == (
        f"This key may make 3 writes per 60 seconds; retry in {response.headers['Retry-After']} seconds.")
    # another key has its own budget
    other = auth.create_key("second-desk")
    response = client.patch(f"/v1/events/{desk.call.id}", json={"title": "T5"},
                            headers={"Authorization": f"Bearer {other}"})
    assert response.status_code == 200


def test_the_window_frees_slots_as_time_passes(db):
    from service.ratelimit import count_write

    # window 10 s; windows start at multiples of 10: [100, 110) then [110, 120)
    assert [count_write("k", 2, 10, now=100.0) for _ in range(2)] == [0, 0]
    assert count_write("k", 2, 10, now=105.5) == 5  # refused writes are not counted
    # at 112 the previous window still weighs 2 * 0.8 = 1.6: one more write would make 2.6;
    # at 115 it weighs 1.0 and one more fits: wait 3 s
    assert count_write("k", 2, 10, now=112.0) == 3
    assert count_write("k", 2, 10, now=115.0) == 0  # 2 * 0.5 + 1 = 2 <= 2
    assert count_write("k", 2, 10, now=116.0) == 4  # 2 * 0.4 + 2 = 2.8: wait until 120, when 1 + 1 = 2
    assert count_write("other", 2, 10, now=117.0) == 0


def test_the_limit_is_shared_by_every_worker_process(app, client, desk, headers, monkeypatch):
    from service import create_app
    from service.db import database

    monkeypatch.setitem(app.config, "WRITE_RATE_LIMIT", 3)
    original = database.obj
    database.close()
    try:
        # a second app on the same database, as a second gunicorn worker has
        second_worker = create_app({"DATABASE_URL": app.config["DATABASE_URL"], "TESTING": True,
                                    "WRITE_RATE_LIMIT": 3})
        other = second_worker.test_client()
        url = f"/v1/events/{desk.call.id}"
        statuses = [c.patch(url, json={"title": f"T{i}"}, headers=headers).status_code
                    for i, c in enumerate([client, other, client, other])]
        assert statuses == [200, 200, 200, 429]
    finally:
        database.close()
        database.initialize(original)


def test_cli_keys_create_list_revoke(app, db, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", app.config["DATABASE_URL"])
    runner = CliRunner()
    created = runner.invoke(main, ["keys", "create", "night-desk"])
    assert created.exit_code == 0, created.output
    secret = created.stdout.strip()
    assert secret.startswith("tl_") and "\n" not in secret
    db.connect(reuse_if_open=True)
    assert ApiKey.get(ApiKey.name == "night-desk").key_hash == hashlib.sha256(secret.encode()).hexdigest()
    listed = runner.invoke(main, ["keys", "list"])
    assert listed.exit_code == 0 and listed.stdout.startswith("night-desk\tcreated ")
    assert listed.stdout.rstrip().endswith("\tactive")
    assert runner.invoke(main, ["keys", "revoke", "night-desk"]).exit_code == 0
    assert runner.invoke(main, ["keys", "list"]).stdout.rstrip().split("\t")[-1].startswith("revoked ")
    duplicate = runner.invoke(main, ["keys", "create", "night-desk"])
    assert duplicate.exit_code == 1
    assert duplicate.stderr == "Error: a key named 'night-desk' already exists\n"
    unknown = runner.invoke(main, ["keys", "revoke", "day-desk"])
    assert unknown.exit_code == 1 and unknown.stderr == "Error: no key named 'day-desk'\n"
