"""The page query seeks: on both engines its plan enters an index at the cursor, at any depth.

No full scan of events or links, and no sort (SQLite's temporary B-tree, PostgreSQL's Sort node):
the rows come in index order, so a page deep in the listing costs what the first one does. The
store is large enough (and ANALYZEd) for PostgreSQL's planner to choose as it would in service.
"""
import datetime as dt
import json
import re

import pytest

from service import store
from service.db import database, execute_prepared, is_postgres
from service.models import Actor, Document, Event, EventActor, EventTopic, Mention, Topic
from service.store import pages, payloads

EVENTS = 3000
INDEXES = {"event_date_id", "event_actor_actor_id_event_date_event_id"}


@pytest.fixture
def archive(db):
    """3000 events over eight years, one in 20 undated; "busy" takes part in every one; each has a
    topic and a sentence of evidence in one of 300 reports."""
    with database.atomic():
        busy = Actor.create(name="Busy Envoy", slug="busy-envoy")
        others = [Actor.create(name=f"Envoy {n}", slug=f"envoy-{n}") for n in range(4)]
        start = dt.date(2015, 1, 1)
        Event.insert_many([
            {"date": None if n % 20 == 0 else start + dt.timedelta(days=n % 2900), "channel": "meeting",
             "title": f"Talks {n}"} for n in range(EVENTS)
        ]).execute()
        ids = [row.id for row in Event.select(Event.id).order_by(Event.id)]
        EventActor.insert_many(
            [{"event": i, "actor": busy.id, "position": 0} for i in ids]
            + [{"event": i, "actor": others[i % 4].id, "position": 1} for i in ids]
        ).execute()
        topic = Topic.create(slug="fisheries", label="Fisheries")
        EventTopic.insert_many([{"event": i, "topic": topic.id} for i in ids]).execute()
        Document.insert_many([{"key": f"harbour-report-{n}", "text": "The envoys talked.", "sha256": f"{n:064x}",
                               "extractor_version": "test", "published": start + dt.timedelta(days=n)}
                              for n in range(300)]).execute()
        reports = [row.id for row in Document.select(Document.id).order_by(Document.id)]
        Mention.insert_many([{"event": i, "document": reports[i % 300], "sentence": "The envoys talked.",
                              "start": 0, "end": 18} for i in ids]).execute()
    database.execute_sql("ANALYZE")


def _sqlite_plan(sql, params):
    lines = [row[3] for row in database.execute_sql("EXPLAIN QUERY PLAN " + sql, params)]
    assert not [line for line in lines if re.match(r"SCAN (t\d+|event|event_actor)\b", line)], lines
    assert not [line for line in lines if "TEMP B-TREE" in line], lines
    assert any(line.startswith("SEARCH") and any(f"INDEX {name} " in line for name in INDEXES) for line in lines), lines
    return lines


def _outside_subplans(node):
    yield node
    for child in node.get("Plans", []):
        if child.get("Parent Relationship") != "SubPlan":
            yield from _outside_subplans(child)


def _postgres_linked_plan(sql, params):
    """The statement PostgreSQL runs for a page, as it runs it: prepared, with the one generic plan
    the connection keeps (service.db.POSTGRES_OPTIONS). The page part seeks as the page query
    does; each event's payload lists (subplans) are read by index scans on that event's links."""
    linked = payloads.linked_sql(sql)
    execute_prepared(linked, params).fetchall()
    name = database.connection().prepared[linked]
    plan = _postgres_explain(f"EXECUTE {name}({', '.join(['%s'] * len(params))})", params)
    (custom,), = database.execute_sql("SELECT custom_plans FROM pg_prepared_statements WHERE name = %s", (name,))
    assert custom == 0  # never planned again for its values
    _postgres_seeks(list(_outside_subplans(plan)))
    outside = {id(n) for n in _outside_subplans(plan)}
    inner = [n for n in _nodes(plan) if "Relation Name" in n and id(n) not in outside]
    links = [n for n in inner if n["Relation Name"] in ("event_actor", "event_topic", "mention")]
    assert links and all(n["Node Type"] in ("Index Scan", "Index Only Scan", "Bitmap Heap Scan") for n in links), [
        (n["Node Type"], n["Relation Name"]) for n in links]


def _sqlite_linked_plan(sql, params):
    """The statement SQLite runs for a page (the page query with each event's payload lists
    beside it): the page part seeks as the page query does; the payload lists of each event are
    read by seeks on that event's links (their sorts hold one event's few rows)."""
    rows = list(database.execute_sql("EXPLAIN QUERY PLAN " + payloads.linked_sql(sql), params))
    parent = {row[0]: row[1] for row in rows}

    def in_payload(node):
        while node:
            if any(row[0] == node and row[3].startswith("CORRELATED SCALAR SUBQUERY") for row in rows):
                return True
            node = parent.get(node)
        return False

    page = [row[3] for row in rows if not in_payload(row[0])]
    assert not [line for line in page if re.match(r"SCAN (t\d+|event|event_actor)\b", line)], page
    assert not [line for line in page if "TEMP B-TREE" in line], page
    assert any(line.startswith("SEARCH") and any(f"INDEX {name} " in line for name in INDEXES) for line in page), page
    # the topic vocabulary (t) is small: walking it in slug order is a fair plan
    links = [row[3] for row in rows if in_payload(row[0]) and re.match(r"(SCAN|SEARCH) [lamd]\b", row[3])]
    assert links and all(line.startswith("SEARCH") for line in links), links


def _nodes(node):
    yield node
    for child in node.get("Plans", []):
        yield from _nodes(child)


def _postgres_explain(sql, params):
    (raw,), = database.execute_sql("EXPLAIN (FORMAT JSON) " + sql, params)
    return (raw if isinstance(raw, list) else json.loads(raw))[0]["Plan"]


def _postgres_plan(sql, params):
    return _postgres_seeks(list(_nodes(_postgres_explain(sql, params))))


def _postgres_seeks(nodes):
    kinds = [node["Node Type"] for node in nodes]
    assert "Sort" not in kinds and "Incremental Sort" not in kinds, kinds
    assert not [n for n in nodes if n["Node Type"] == "Seq Scan" and n["Relation Name"] in ("event", "event_actor")]
    seeks = [n for n in nodes if n["Node Type"] in ("Index Scan", "Index Only Scan") and n["Index Name"] in INDEXES]
    assert seeks and all("Index Cond" in n for n in seeks), kinds
    return seeks


FILTERS = [
    {},
    {"sort": "-date"},
    {"participant": ["busy-envoy"]},
    {"participant": ["busy-envoy"], "sort": "-date"},
    {"participant": ["busy-envoy"], "date_from": "2016-01-01", "date_to": "2021-12-31"},
    {"date_from": "2016-01-01", "date_to": "2021-12-31", "sort": "-date"},
    {"participant": ["busy-envoy"], "undated": "only", "sort": "-date"},
]


@pytest.mark.parametrize("filters", FILTERS, ids=lambda f: json.dumps(f, sort_keys=True))
def test_the_page_query_seeks_at_any_depth(archive, filters):
    listing = [(row.date, row.id) for row in store.filter_events({**filters, "undated": "include"})]
    dated = [key for key in listing if key[0] is not None]
    undated = [key for key in listing if key[0] is None]
    cursors = [None, dated[10], dated[len(dated) // 2], dated[-60], undated[5]]
    for after in cursors:
        statement = pages.page_statement(filters, 51, after)
        if statement is None:  # an undated cursor where a date range leaves undated events out
            assert after[0] is None and pages.undated_mode(filters) == "exclude"
            continue
        sql, params = statement.sql()
        if is_postgres():
            _postgres_plan(sql, params)
            _postgres_linked_plan(sql, params)
        else:
            _sqlite_plan(sql, params)
            _sqlite_linked_plan(sql, params)
