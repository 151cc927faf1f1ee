"""A page of events costs the same fixed number of SQL queries whatever its size and position."""
import datetime as dt

import pytest

from service import store
from service.db import database
from tests import factories as f


def page_queries():
    """The statements of a page: one on both engines, the page query with each event's
    participants, topics and sources beside it (service.store.payloads.LINKED)."""
    return 1


@pytest.fixture
def many_events(db):
    with database.atomic():
        actors = [f.actor(f"Person {n}", "FR") for n in range(5)]
        subject = f.topic("trade")
        doc = f.document(text="Evidence sentence.")
        start = dt.date(2020, 1, 1)
        for n in range(240):
            f.event(
                f"Event {n}",
                date=None if n % 7 == 0 else start + dt.timedelta(days=n // 2),
                participants=[actors[n % 5], actors[(n + 1) % 5]],
                topics=[subject],
                sources=[(doc, "Evidence sentence.")],
            )


@pytest.fixture
def count_queries(monkeypatch):
    statements = []
    real = database.obj.execute_sql

    def counting(sql, params=None, *args, **kwargs):
        statements.append(sql)
        return real(sql, params, *args, **kwargs)

    monkeypatch.setattr(database.obj, "execute_sql", counting)
    return statements


def test_every_page_costs_the_same_queries(client, many_events, count_queries):
    costs = {}
    for limit in (1, 20, 100):
        for sort in ("date", "-date"):
            url = f"/v1/events?limit={limit}&sort={sort}&channel=meeting&topic=trade"
            for page in range(3):  # the first page, then further on (the last page of 100 holds undated events)
                del count_queries[:]
                response = client.get(url)
                assert response.status_code == 200
                assert len(response.json["data"]) == min(limit, 240 - page * limit)
                costs[(limit, sort, page)] = len(count_queries)
                link = response.headers.get("Link", "<>")
                url = link[1:link.index(">")]
    assert set(costs.values()) == {page_queries()}, costs


def test_event_payloads_costs_a_fixed_number_of_queries(many_events, count_queries):
    rows = list(store.filter_events({}).limit(200))
    del count_queries[:]
    assert len(store.event_payloads(rows)) == 200
    assert len(count_queries) == 3
    del count_queries[:]
    assert len(store.event_payloads([row.id for row in rows[:7]])) == 7
    assert len(count_queries) == 4


def test_iter_event_payloads_streams_every_event_in_order(many_events):
    expected = [row.id for row in store.filter_events({"sort": "-date"})]
    streamed = [payload["id"] for payload in store.iter_event_payloads({"sort": "-date"}, batch=50)]
    assert streamed == expected and len(expected) == 240
    assert [p["id"] for p in store.iter_event_payloads({"undated": "only"}, batch=7)] == [
        row.id for row in store.filter_events({"undated": "only"})
    ]


def test_a_participant_page_costs_the_same_queries_at_any_depth(client, many_events, count_queries):
    costs = []
    for sort in ("date", "-date"):
        url = f"/v1/events?participant=person-1&limit=7&sort={sort}"
        seen = []
        while url:  # every page to the end, through the undated events
            del count_queries[:]
            response = client.get(url)
            assert response.status_code == 200
            seen += [event["id"] for event in response.json["data"]]
            costs.append(len(count_queries))
            link = response.headers.get("Link")
            url = link[link.index("/v1/"):link.index(">")] if link else None
        expected = [e["id"] for e in client.get(f"/v1/events?participant=person-1&limit=200&sort={sort}").json["data"]]
        assert seen == expected and len(seen) == 96
    # the participant named by slug is looked up inside the page's own statement
    assert len(costs) == 2 * 14 and set(costs) == {page_queries()}, costs
