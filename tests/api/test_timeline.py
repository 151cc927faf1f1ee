from tests import factories as f
from tests.conftest import assert_problem


def test_timeline_by_month_with_undated_apart(client, world):
    w = world
    assert client.get("/v1/timeline").json == {
        "interval": "month",
        "buckets": [
            {"start": "2021-08-01", "count": 2, "events": [w.call.id, w.statement.id]},
            {"start": "2022-10-01", "count": 1, "events": [w.meeting.id]},
        ],
        "undated": {"count": 2, "events": [w.letter.id, w.speech.id]},
    }


def test_timeline_intervals_and_filters(client, world):
    w = world
    monday = f.event("Later call", date="2021-08-30", channel="phone_call", participants=[w.xi])
    assert client.get("/v1/timeline?interval=week&undated=exclude").json == {
        "interval": "week",
        "buckets": [
            {"start": "2021-08-23", "count": 2, "events": [w.call.id, w.statement.id]},
            {"start": "2021-08-30", "count": 1, "events": [monday.id]},
            {"start": "2022-10-03", "count": 1, "events": [w.meeting.id]},
        ],
        "undated": None,
    }
    assert client.get("/v1/timeline?interval=year&participant=xu-jinhai").json == {
        "interval": "year",
        "buckets": [{"start": "2021-01-01", "count": 2, "events": [w.call.id, monday.id]}],
        "undated": {"count": 1, "events": [w.letter.id]},
    }
    assert client.get("/v1/timeline?interval=day&from=2021-08-26").json == {
        "interval": "day",
        "buckets": [
            {"start": "2021-08-30", "count": 1, "events": [monday.id]},
            {"start": "2022-10-05", "count": 1, "events": [w.meeting.id]},
        ],
        "undated": None,
    }
    assert client.get("/v1/timeline?undated=only").json["buckets"] == []
    assert_problem(client.get("/v1/timeline?interval=decade"), 422)
    assert_problem(client.get("/v1/timeline?limit=2"), 422)
