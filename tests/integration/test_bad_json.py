"""JSON bodies the standard parser chokes on are 400 problems, and nothing is stored (both engines)."""
import json

import pytest

from service.models import Document, Event, EventChange
from tests.conftest import assert_problem
from tests.integration.test_ingest_http import BODY

LONE_SURROGATE = '{"text": "Minister Ada Lorn met Minister Bo Ekvall \\ud800 in Varna."}'
BAD_BODIES = {
    "lone surrogate in the article text": (
        LONE_SURROGATE, "Invalid JSON body: a string holds a lone surrogate (\\ud800), which is not text."),
    "lone surrogate in a key": (
        json.dumps({**BODY, "key": "KEY"}).replace("KEY", "wire-\\udfff"),
        "Invalid JSON body: a string holds a lone surrogate (\\udfff), which is not text."),
    "100,000 opening brackets": ("[" * 100_000, "Invalid JSON body: nested deeper than 64 levels."),
    "an integer of 5,000 digits": (
        '{"text": "Minister Ada Lorn met Bo Ekvall.", "title": ' + "9" * 5000 + "}",
        "Invalid JSON body: Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits."),
    "NaN": ('{"text": NaN}', "Invalid JSON body: NaN is not a JSON number."),
}


@pytest.mark.parametrize("name", BAD_BODIES)
def test_a_bad_json_article_is_400_and_stores_nothing(client, db, headers, name):
    raw, message = BAD_BODIES[name]
    response = client.post("/v1/documents", data=raw, headers={**headers, "Content-Type": "application/json"})
    body = assert_problem(response, 400)
    assert body == {"type": "about:blank", "title": "Bad Request", "status": 400,
                    "detail": "The request is not valid: see errors.", "errors": {"json": [message]},
                    "instance": "/v1/documents"}
    assert Document.select().count() == 0 and Event.select().count() == 0


def test_a_lone_surrogate_in_a_correction_is_400_and_the_event_is_unchanged(client, db, headers, desk):
    path = f"/v1/events/{desk.call.id}"
    before = client.get(path).json
    response = client.patch(path, data='{"title": "Quintel \\ud83d talks"}',
                            headers={**headers, "Content-Type": "application/json"})
    assert assert_problem(response, 400)["errors"] == {
        "json": ["Invalid JSON body: a string holds a lone surrogate (\\ud83d), which is not text."]}
    assert client.get(path).json == before
    assert EventChange.select().count() == 0


def test_a_surrogate_pair_is_text_and_is_stored(client, db, headers, desk):
    path = f"/v1/events/{desk.call.id}"
    response = client.patch(path, data='{"title": "Quintel and Veld \\ud83d\\udcde"}',
                            headers={**headers, "Content-Type": "application/json"})
    assert response.status_code == 200, response.get_data(as_text=True)
    assert client.get(path).json["title"] == "Quintel and Veld \N{TELEPHONE RECEIVER}"
