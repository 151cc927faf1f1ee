"""Headers of every answer: no Host reflection, validators on every export, caching, sniffing, CORS."""
import datetime as dt

import pytest

from service import create_app
from service.db import database
from service.models import Event, EventChange
from tests.conftest import assert_problem

EXPORTS = ["csv", "ndjson", "ics", "timelinejs", "atom"]


def _read(response):
    response.get_data()  # a streamed export holds its request open until read
    return response


def test_links_never_echo_the_host_header(client, world):
    evil = {"Host": "evil.example"}
    page = client.get("/v1/events?limit=1", headers=evil)
    assert page.headers["Link"] == f'</v1/events?limit=1&cursor={page.json["next"]}>; rel="next"'
    for fmt in EXPORTS:
        body = client.get(f"/v1/events?format={fmt}", headers=evil).get_data(as_text=True)
        assert "evil" not in body, fmt
    feed = client.get("/v1/events?format=atom", headers=evil).get_data(as_text=True)
    assert f'<link rel="alternate" type="application/json" href="/v1/events/{world.speech.id}"/>' in feed
    assert f"<id>tag:localhost,2026:event-{world.speech.id}</id>" in feed
    assert f"UID:event-{world.call.id}@localhost\r\n" in client.get("/v1/events?format=ics", headers=evil).get_data(
        as_text=True)


def test_a_configured_public_url_makes_absolute_links(app, world):
    configured = create_app({"DATABASE_URL": app.config["DATABASE_URL"], "MIGRATE_ON_START": False,
                             "TESTING": True, "PUBLIC_URL": "https://timeline.example.org/"})
    original = database.obj
    try:
        client = configured.test_client()
        feed = client.get("/v1/events?format=atom", headers={"Host": "evil.example"}).get_data(as_text=True)
        assert "evil" not in feed
        assert f'href="https://timeline.example.org/v1/events/{world.speech.id}"' in feed
        self_link = "https://timeline.example.org/v1/events?format=atom"
        assert f'<link rel="self" type="application/atom+xml" href="{self_link}"/>' in feed
        ics = client.get("/v1/events?format=ics").get_data(as_text=True)
        assert f"UID:event-{world.call.id}@timeline.example.org\r\n" in ics
        assert f"URL:https://timeline.example.org/v1/events/{world.call.id}\r\n" in ics
    finally:
        database.close()
        database.initialize(original)


@pytest.mark.parametrize("fmt", EXPORTS)
def test_every_export_answers_conditional_gets(client, world, fmt):
    url = f"/v1/events?format={fmt}"
    first = client.get(url)
    assert first.status_code == 200 and first.get_data()
    etag, modified = first.headers["ETag"], first.headers["Last-Modified"]
    assert etag.startswith('W/"') and modified == "Tue, 02 Jan 2024 03:04:05 GMT"
    for headers in ({"If-None-Match": etag}, {"If-Modified-Since": modified}):
        again = client.get(url, headers=headers)
        assert (again.status_code, again.get_data(), again.headers["ETag"]) == (304, b"", etag)
    # an event of the export changes: a new validator, the whole export again
    world.speech.title, world.speech.updated_at = "Sergei Larin speech at the UN", dt.datetime(2024, 2, 1, 9)
    world.speech.save()
    changed = client.get(url, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["ETag"] != etag and changed.get_data()
    assert changed.headers["Last-Modified"] == "Thu, 01 Feb 2024 09:00:00 GMT"
    # one goes: the set changed, though no remaining event did
    etag = changed.headers["ETag"]
    EventChange.create(event_id=world.letter.id, actor_key="desk", action="delete", at=dt.datetime(2024, 2, 2))
    world.letter.delete_instance(recursive=True)
    gone = client.get(url, headers={"If-None-Match": etag, "If-Modified-Since": changed.headers["Last-Modified"]})
    assert gone.status_code == 200 and gone.headers["ETag"] != etag and gone.get_data()
    assert gone.headers["Last-Modified"] == "Fri, 02 Feb 2024 00:00:00 GMT"


def test_exports_of_different_queries_have_different_validators(client, world):
    tags = {_read(client.get(url)).headers["ETag"] for url in (
        "/v1/events?format=csv", "/v1/events?format=ndjson", "/v1/events?format=csv&channel=meeting")}
    assert len(tags) == 3


def test_cache_and_sniffing_policy(client, world):
    listing = client.get("/v1/events")
    assert listing.headers["Cache-Control"] == "no-cache"
    assert listing.headers["X-Content-Type-Options"] == "nosniff"
    assert "Accept" in listing.headers["Vary"]
    export = _read(client.get("/v1/events", headers={"Accept": "text/csv"}))
    assert (export.headers["Cache-Control"], export.headers["X-Content-Type-Options"]) == ("no-cache", "nosniff")
    assert "Accept" in export.headers["Vary"]
    not_modified = client.get("/v1/events", headers={"If-None-Match": listing.headers["ETag"]})
    assert not_modified.status_code == 304 and not_modified.headers["Cache-Control"] == "no-cache"
    missing = client.get("/v1/events/999")
    assert_problem(missing, 404)
    assert (missing.headers["Cache-Control"], missing.headers["X-Content-Type-Options"]) == ("no-store", "nosniff")
    assert "Vary" not in client.get("/v1/topics").headers


def test_a_double_slash_is_a_404_problem_not_a_redirect(client, world):
    for path in ("/v1//events", "/v1/events//1", "/v1/participants//1/events"):
        response = client.get(path)
        assert "Location" not in response.headers
        assert assert_problem(response, 404)["instance"] == path


def test_cors_preflight_allows_writes_from_a_configured_editor(app, world):
    configured = create_app({"DATABASE_URL": app.config["DATABASE_URL"], "MIGRATE_ON_START": False,
                             "TESTING": True, "CORS_ORIGINS": "https://desk.example"})
    original = database.obj
    try:
        client = configured.test_client()
        preflight = client.options(f"/v1/events/{world.call.id}", headers={
            "Origin": "https://desk.example", "Access-Control-Request-Method": "PATCH",
            "Access-Control-Request-Headers": "authorization, if-match, content-type"})
        assert preflight.status_code == 200
        assert preflight.headers["Access-Control-Allow-Origin"] == "https://desk.example"
        assert preflight.headers["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS, POST, PATCH, DELETE"
        assert preflight.headers["Access-Control-Allow-Headers"] == (
            "If-None-Match, If-Modified-Since, Authorization, Content-Type, If-Match")
        assert "ETag" in preflight.headers["Access-Control-Expose-Headers"]
        assert "Access-Control-Allow-Origin" not in client.options("/v1/events", headers={
            "Origin": "https://evil.example", "Access-Control-Request-Method": "PATCH"}).headers
    finally:
        database.close()
        database.initialize(original)


def test_cors_for_any_origin_stays_read_only(client, world):
    preflight = client.options("/v1/events", headers={
        "Origin": "https://anyone.example", "Access-Control-Request-Method": "POST"})
    assert preflight.headers["Access-Control-Allow-Origin"] == "*"
    assert preflight.headers["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    assert Event.select().count() == 5
