from service.models import CHANNELS
from tests.conftest import assert_problem


def actor_json(actor, kind="person"):
    return {"id": actor.id, "slug": actor.slug, "name": actor.name, "kind": kind, "country": actor.country}


def test_participants_by_name(client, world):
    w = world
    response = client.get("/v1/participants")
    assert response.json == {
        "data": [actor_json(a) for a in (w.blinken, w.lavrov, w.putin, w.wang, w.xi)],
        "next": None,
    }


def test_participant_search_matches_the_start_of_any_word_of_names_and_aliases(client, world):
    w = world
    cases = {
        "vlad": [w.putin], "PETRIN": [w.putin], "sergey": [w.lavrov], "jin": [w.xi], "ping": [],
        "vladislav olegovich": [w.putin], "%25": [], "_": [], "w": [w.wang],
    }
    for q, expected in cases.items():
        response = client.get(f"/v1/participants?q={q}")
        assert response.json["data"] == [actor_json(a) for a in expected], q
    assert client.get("/v1/participants?country=cn").json["data"] == [actor_json(w.wang), actor_json(w.xi)]


def test_participants_page_by_keyset(client, world):
    first = client.get("/v1/participants?limit=3")
    assert [p["name"] for p in first.json["data"]] == ["Antony Blinken", "Sergei Larin", "Vladislav Petrin"]
    url = f"/v1/participants?limit=3&cursor={first.json['next']}"
    assert first.headers["Link"] == f'<{url}>; rel="next"'
    second = client.get(f"/v1/participants?limit=3&cursor={first.json['next']}")
    assert second.json == {"data": [actor_json(world.wang), actor_json(world.xi)], "next": None}


def test_participant_detail(client, world):
    response = client.get(f"/v1/participants/{world.putin.id}")
    assert response.json == {
        **actor_json(world.putin),
        "aliases": ["Vladislav Olegovich Petrin", "Vladislav Petrin"],
        "event_count": 2,
        "first_date": "2021-08-25",
        "last_date": "2021-08-25",
    }
    assert_problem(client.get("/v1/participants/999"), 404)


def test_participant_events_take_the_event_filters(client, world):
    w = world
    response = client.get(f"/v1/participants/{w.putin.id}/events")
    assert [e["id"] for e in response.json["data"]] == [w.call.id, w.letter.id]
    assert response.json["data"][0] == client.get(f"/v1/events/{w.call.id}").json
    response = client.get(f"/v1/participants/{w.putin.id}/events?undated=only&limit=1")
    assert [e["id"] for e in response.json["data"]] == [w.letter.id]
    assert response.json["next"] is None
    assert_problem(client.get(f"/v1/participants/{w.putin.id}/events?bogus=1"), 422)
    assert_problem(client.get("/v1/participants/999/events"), 404)


def test_counterparts(client, world):
    w = world
    extra = __import__("tests.factories", fromlist=["event"]).event
    extra("Petrin and Larin", date="2023-01-01", participants=[w.putin, w.lavrov])
    response = client.get(f"/v1/participants/{w.putin.id}/counterparts")
    assert response.json == {
        "data": [
            {"participant": actor_json(w.xi), "event_count": 2, "last_date": "2021-08-25"},
            {"participant": actor_json(w.lavrov), "event_count": 1, "last_date": "2023-01-01"},
        ],
        "next": None,
    }
    first = client.get(f"/v1/participants/{w.putin.id}/counterparts?limit=1")
    assert [c["participant"]["id"] for c in first.json["data"]] == [w.xi.id]
    second = client.get(f"/v1/participants/{w.putin.id}/counterparts?limit=1&cursor={first.json['next']}")
    assert second.json == {"data": [response.json["data"][1]], "next": None}
    assert_problem(client.get(f"/v1/participants/{w.putin.id}/counterparts?cursor=xyz"), 400)


def test_topics(client, world):
    assert client.get("/v1/topics").json == {"data": [
        {"slug": "afghanistan", "label": "Afghanistan", "iptc_code": "medtop:20000621", "event_count": 1},
        {"slug": "covid-19", "label": "COVID-19", "iptc_code": None, "event_count": 1},
        {"slug": "trade", "label": "Trade", "iptc_code": None, "event_count": 1},
    ]}


def test_channels(client, world):
    counts = {"phone_call": 1, "meeting": 1, "speech": 1, "statement": 1, "correspondence": 1}
    assert client.get("/v1/channels").json == {"data": [
        {"name": name, "description": description, "event_count": counts.get(name, 0)}
        for name, description in CHANNELS.items()
    ]}


def document_json(doc, event_count, published, title, publisher="Wire", url=True):
    return {
        "id": doc.id, "key": doc.key, "title": title, "publisher": publisher,
        "url": f"https://news.example/{doc.key}" if url else None, "published": published,
        "published_basis": "header" if published else "none", "event_count": event_count,
        "created_at": "2024-01-02T03:04:05Z",
    }


def test_documents_by_publication_date_without_text(client, world):
    w = world
    expected = [
        document_json(w.d1, 1, "2021-08-26", "Xu and Petrin talk"),
        document_json(w.d2, 2, "2021-08-27", "Diplomacy roundup"),
        document_json(w.d3, 1, None, "Title of 002_c.txt", publisher=None),
    ]
    assert client.get("/v1/documents").json == {"data": expected, "next": None}
    first = client.get("/v1/documents?limit=2")
    assert first.json["data"] == expected[:2]
    assert client.get(f"/v1/documents?limit=2&cursor={first.json['next']}").json == {
        "data": expected[2:], "next": None
    }


def test_document_detail_has_its_events(client, world):
    w = world
    response = client.get(f"/v1/documents/{w.d2.id}")
    assert response.json == {
        **document_json(w.d2, 2, "2021-08-27", "Diplomacy roundup"),
        "sha256": w.d2.sha256,
        "extractor_version": "test",
        "length": len(w.d2.text),
        "updated_at": "2024-01-02T03:04:05Z",
        "events": [client.get(f"/v1/events/{i}").json for i in (w.call.id, w.meeting.id)],
    }
    assert_problem(client.get("/v1/documents/999"), 404)
