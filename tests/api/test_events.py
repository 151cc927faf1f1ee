from tests.conftest import assert_problem


def ids(response):
    assert response.status_code == 200, response.get_data(as_text=True)
    return [event["id"] for event in response.json["data"]]


def test_event_detail_is_the_whole_event(client, world):
    response = client.get(f"/v1/events/{world.call.id}")
    assert response.status_code == 200
    assert response.json == {
        "id": world.call.id,
        "title": "Xu Jinhai and Vladislav Petrin speak by phone",
        "summary": "The two presidents discussed Afghanistan.",
        "date": "2021-08-25",
        "date_precision": "day",
        "date_basis": "explicit",
        "channel": "phone_call",
        "location": None,
        "confidence": 0.8,
        "participants": [
            {"id": world.xi.id, "slug": "xu-jinhai", "name": "Xu Jinhai", "country": "CN", "title": "President"},
            {"id": world.putin.id, "slug": "vladislav-petrin", "name": "Vladislav Petrin", "country": "RU",
             "title": "President"},
        ],
        "topics": [{"slug": "afghanistan", "label": "Afghanistan"}],
        "sources": [
            {
                "document": "000_a.txt",
                "document_id": world.d1.id,
                "title": "Xu and Petrin talk",
                "publisher": "Wire",
                "url": "https://news.example/000_a.txt",
                "published": "2021-08-26",
                "evidence": [{
                    "sentence": "Chinese President Xu Jinhai and Russian President Vladislav Petrin spoke by phone "
                                "on Wednesday about Afghanistan.",
                    "start": 16,
                    "end": 129,
                    "date_text": None,
                }],
            },
            {
                "document": "001_b.txt",
                "document_id": world.d2.id,
                "title": "Diplomacy roundup",
                "publisher": "Wire",
                "url": "https://news.example/001_b.txt",
                "published": "2021-08-27",
                "evidence": [{
                    "sentence": "Xu and Petrin discussed Afghanistan in a call on August 25.",
                    "start": 0,
                    "end": 59,
                    "date_text": None,
                }],
            },
        ],
        "conflicts": [{"field": "date", "values": [{"value": "2021-08-25", "documents": ["000_a.txt"]},
                                                    {"value": "2021-08-24", "documents": ["001_b.txt"]}]}],
        "created_at": "2024-01-02T03:04:05Z",
        "updated_at": "2024-01-02T03:04:05Z",
    }


def test_list_items_have_the_detail_shape(client, world):
    listed = client.get("/v1/events?limit=200").json["data"]
    for item in listed:
        assert client.get(f"/v1/events/{item['id']}").json == item


def test_list_sorts_by_date_then_id_with_undated_last(client, world):
    w = world
    response = client.get("/v1/events")
    assert response.json["next"] is None
    assert "Link" not in response.headers
    assert ids(response) == [w.call.id, w.statement.id, w.meeting.id, w.letter.id, w.speech.id]
    assert ids(client.get("/v1/events?sort=-date")) == [
        w.meeting.id, w.statement.id, w.call.id, w.speech.id, w.letter.id
    ]


def test_keyset_pages_walk_every_event_once_with_link_header(client, world):
    for sort in ("date", "-date"):
        expected = ids(client.get(f"/v1/events?sort={sort}"))
        seen, url = [], f"/v1/events?sort={sort}&limit=2&channel=phone_call&channel=meeting&channel=statement" \
                        "&channel=correspondence&channel=speech"
        while url:
            response = client.get(url)
            seen += ids(response)
            cursor = response.json["next"]
            if cursor:
                link = response.headers["Link"]
                assert link.startswith("</v1/events?") and link.endswith('>; rel="next"')
                assert f"cursor={cursor}" in link and f"sort={sort.replace('-', '-')}" in link
                url = link[1:link.index(">")]
            else:
                assert "Link" not in response.headers
                url = None
        assert seen == expected


def test_filters(client, world):
    w = world
    cases = {
        "participant=xu-jinhai": [w.call.id, w.letter.id],
        f"participant={w.xi.id}&participant=vladislav-petrin": [w.call.id, w.letter.id],
        "participant=xu-jinhai&participant=sergei-larin": [],
        "participant=nobody": [],
        "country=ru": [w.call.id, w.meeting.id, w.letter.id, w.speech.id],
        "channel=meeting&channel=statement": [w.statement.id, w.meeting.id],
        "topic=trade": [w.meeting.id],
        "topic=trade&topic=covid-19": [w.meeting.id],
        "topic=trade&topic=afghanistan": [],
        "location=beijing": [w.meeting.id],
        "document=001_b.txt": [w.call.id, w.meeting.id],
        f"document={w.d3.id}": [w.letter.id],
        "from=2021-08-25&to=2021-08-25": [w.call.id, w.statement.id],
        "from=2022-01-01": [w.meeting.id],
        "to=2021-12-31&undated=include": [w.call.id, w.statement.id, w.letter.id, w.speech.id],
        "undated=only": [w.letter.id, w.speech.id],
        "undated=exclude": [w.call.id, w.statement.id, w.meeting.id],
    }
    for query, expected in cases.items():
        assert ids(client.get("/v1/events?" + query)) == expected, query


def test_full_text_search_takes_any_text(client, world):
    w = world
    cases = {
        "q=afghanistan": [w.call.id],
        "q=covid-19": [w.meeting.id],
        "q=COVID-19%20trade": [w.meeting.id],
        "q=%22warmest%22": [w.letter.id],
        "q=%22": [],
        "q=%22%20OR%20*": [],
        "q=NEAR(petrin": [],
        "q=title:petrin": [],
        "q=petrin": [w.call.id, w.letter.id],
    }
    for query, expected in cases.items():
        assert ids(client.get("/v1/events?" + query)) == expected, query


def test_unknown_parameter_is_a_problem(client, world):
    body = assert_problem(client.get("/v1/events?participants=xu-jinhai"), 422)
    assert body["errors"] == {"query": {"participants": ["Unknown field."]}}


def test_invalid_values_are_problems(client, world):
    for query, field in [
        ("channel=fax", "channel"), ("from=yesterday", "from"), ("undated=maybe", "undated"),
        ("sort=title", "sort"), ("limit=0", "limit"), ("limit=201", "limit"), ("country=RUS", "country"),
        ("q=", "q"),
    ]:
        body = assert_problem(client.get("/v1/events?" + query), 422)
        assert list(body["errors"]["query"]) == [field], query


def test_limit_over_a_lower_configured_cap_is_a_problem(app, client, world):
    app.config["PAGE_LIMIT_MAX"] = 3
    try:
        body = assert_problem(client.get("/v1/events?limit=4"), 422)  # the status of the schema's own cap
        assert body["errors"] == {
            "query": {"limit": ["Must be greater than or equal to 1 and less than or equal to 3."]}}
        assert len(client.get("/v1/events?limit=3").json["data"]) == 3
    finally:
        app.config["PAGE_LIMIT_MAX"] = 200


def test_bad_cursors_are_problems(client, world):
    good = client.get("/v1/events?limit=1").json["next"]
    for cursor in ["abc", good + "x", good[:-3]]:
        assert_problem(client.get(f"/v1/events?cursor={cursor}"), 400)
    # not of the cursor's documented shape (url-safe base64): the schema refuses it
    assert assert_problem(client.get("/v1/events?cursor=!!!"), 422)["errors"] == {
        "query": {"cursor": ["String does not match expected pattern."]}}
    body = assert_problem(client.get(f"/v1/events?sort=-date&cursor={good}"), 400)
    assert body["detail"] == "The cursor belongs to another listing or sort order."
    assert_problem(client.get(f"/v1/documents?cursor={good}"), 400)


def test_missing_event_and_bad_routes_are_problems(client, world):
    assert assert_problem(client.get("/v1/events/999"), 404)["detail"] == "There is no event 999."
    assert_problem(client.get("/v1/events/99999999999999"), 404)
    assert_problem(client.get("/v1/events/abc"), 404)
    response = client.post("/v1/events/1")
    assert_problem(response, 405)
    assert "GET" in response.headers["Allow"]


def test_other_formats_are_delegated_or_refused(client, world):
    import importlib.util

    response = client.get("/v1/events?format=ics")
    if importlib.util.find_spec("service.exports") is None:
        assert_problem(response, 406)
    else:
        assert response.status_code != 406
