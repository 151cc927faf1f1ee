"""A page's SQL is rendered once per shape: the cached text with a later page's own values is
exactly what peewee renders for that page, for every shape of filter, bound and cursor."""
import datetime as dt
import itertools

import pytest

from service.db import database, is_postgres
from service.store import events_page, pages
from tests import factories as f


@pytest.fixture
def envoys(db):
    with database.atomic():
        people = [f.actor(name, "FR") for name in ("Ada Quill", "Bram Osk", "Cleo Varn")]
        subject = f.topic("fisheries")
        paper = f.document("envoys.txt", text="Envoys met.")
        for n in range(12):
            f.event(f"Talks {n}", date=None if n % 4 == 0 else dt.date(2019, 1, 1) + dt.timedelta(days=40 * n),
                    participants=[people[n % 3], people[(n + 1) % 3]], topics=[subject],
                    location=("Quillton", "FR") if n % 2 else None, sources=[(paper, "Envoys met.")])
    return [person.id for person in people]


FILTERS = [
    {},
    {"participant": ["ada-quill"]},
    {"participant": ["bram-osk", "cleo-varn"]},
    {"date_from": "2019-03-01", "date_to": "2020-06-30"},
    {"date_from": "2019-03-01", "undated": "include"},
    {"undated": "only"},
    {"undated": "exclude", "channel": ["meeting", "call"], "topic": ["fisheries"], "country": "fr"},
    {"location": "Quillton", "participant": ["cleo-varn"], "date_to": "2020-01-01"},
    {"q": "talks"},
    {"document": "envoys.txt"},
]
CURSORS = [None, (dt.date(2019, 6, 1), 3), (dt.date(2021, 9, 9), 2), (dt.date(2018, 1, 1), 7), (None, 5), (None, 9)]


@pytest.mark.parametrize("sort", ["date", "-date"])
def test_the_cached_text_is_what_peewee_renders(envoys, sort):
    pages._SHAPES.clear()
    for filters, after, count in itertools.product(FILTERS, CURSORS, (11, 51)):
        filters = {**filters, "sort": sort}
        statement = pages.page_statement(filters, count, after)
        query = pages.page_query(filters, count, after)
        if statement is None:
            assert query is None
            continue
        assert query == statement.sql(), (filters, after, count)
    assert pages._SHAPES  # the later statements of a shape took its cached text
    assert not [key for key in pages._SHAPES if key[-1] is None]  # q and document are rendered each time


def test_a_shape_is_cached_only_when_each_value_has_one_place(envoys):
    pages._SHAPES.clear()
    # the cursor's id equals the page size: which parameter is which cannot be told apart
    assert pages.page_query({"sort": "date"}, 3, (dt.date(2019, 6, 1), 3)) == \
        pages.page_statement({"sort": "date"}, 3, (dt.date(2019, 6, 1), 3)).sql()
    assert not pages._SHAPES
    pages.page_query({"sort": "date"}, 11, (dt.date(2019, 6, 1), 3))
    assert len(pages._SHAPES) == 1


def test_pages_read_through_the_cache_match_pages_rendered_fresh(envoys):
    def walk(filters):
        seen, cursor = [], None
        while True:
            data, cursor = events_page(filters, 2, cursor)
            seen += [event["id"] for event in data]
            if cursor is None:
                return seen
    for filters in FILTERS:
        pages._SHAPES.clear()
        fresh = walk(filters)  # every shape rendered the first time it appears
        assert walk(filters) == fresh and fresh, filters


def test_postgres_runs_the_page_as_prepared_statements(envoys):
    if not is_postgres():
        pytest.skip("prepared statements are PostgreSQL's")
    connection = database.connection()
    events_page({"participant": ["ada-quill"]}, 2)
    prepared = dict(connection.prepared)
    assert len(prepared) >= 2  # the page statement (with its payload lists), the participant's lookup
    events_page({"participant": ["bram-osk"], "sort": "date"}, 2)  # the same shape: nothing new to prepare
    assert connection.prepared == prepared
    (count,), = database.execute_sql("SELECT count(*) FROM pg_prepared_statements").fetchall()
    assert count == len(prepared)
