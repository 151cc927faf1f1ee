"""The rows of one keyset page of events, found by seeking, never by reading what came before.

A page is two segments in one statement: dated events in (date, id) order, then undated ones in id
order. Each segment is a range of one index, entered with a row-value comparison
`(date, id) > (?, ?)` that both engines turn into an index seek: (date, id) on Event, or
(actor, event_date, event) on EventActor when a participant is named, so "events of X, newest
first" reads only the page's own links however long X's history. The rows are narrow tuples of
the columns the payload shows, raw from the driver (dates stay text on SQLite), and the event's stored
lists (LISTS).

The statement's SQL text depends only on its shape (which segments, bounds and filters it has),
never on the values: peewee renders each shape once (`page_query`), later pages of that shape
take its text with their own parameters, and on PostgreSQL run as a prepared statement.
"""
from collections import namedtuple
from typing import NamedTuple

from peewee import SQL, Column, Select, Tuple

from ..db import database, is_postgres
from ..models import Event, EventActor
from .filters import (
    actor_condition,
    actor_kind,
    actor_ref,
    actor_values,
    as_date,
    filter_by,
    filter_shape,
    filter_values,
    undated_mode,
)

COLUMNS = (
    Event.id, Event.date, Event.date_precision, Event.date_basis, Event.channel, Event.location_name,
    Event.location_country, Event.title, Event.summary, Event.confidence, Event.conflicts,
    Event.created_at, Event.updated_at,
)
EventRow = namedtuple("EventRow", [column.name for column in COLUMNS])
# the event's stored participants, topics and evidence (service/payload_lists.py), last in a page's
# rows: a column the models do not declare, so that no model save ever writes it back
LISTS = Column(Event._meta.table, "lists")


def _db_date(value):
    # a date compared inside a row value gets no field conversion: pass the stored text form
    return as_date(value).isoformat()


class Plan(NamedTuple):
    """What a page statement is made of: every decision that shapes its SQL, and the values."""
    descending: bool
    participants: tuple  # actor references (filters.actor_ref), all taking part; the first one's links are walked
    dated: bool  # has the dated segment
    undated: bool  # has the undated segment
    bound: tuple | None  # (date text, id): the dated segment continues strictly past it
    low: object  # date_from (text) unless the cursor bounds the segment
    high: object  # date_to (text) unless the cursor bounds the segment
    undated_after: int | None  # the undated segment continues past this id


def plan(filters, after=None):
    """The Plan of the page after `after` ((date or None, id)); None when nothing can match (an
    undated cursor where undated events are left out). A participant that does not exist is
    looked up inside the statement, which then finds nothing."""
    participants = tuple(actor_ref(value) for value in filters.get("participant") or ())
    descending = filters.get("sort") == "-date"
    mode = undated_mode(filters)
    in_undated = after is not None and after[0] is None
    low, high = filters.get("date_from"), filters.get("date_to")
    low, high = low and _db_date(low), high and _db_date(high)
    bound = None
    if after is not None and not in_undated:
        last = (after[0].isoformat(), after[1])
        # the cursor is the tighter bound unless it lies outside the range (a cursor from elsewhere)
        if descending and (high is None or last[0] <= high):
            bound, high = last, None
        elif not descending and (low is None or last[0] >= low):
            bound, low = last, None
    dated_segment, undated_segment = mode != "only" and not in_undated, mode != "exclude"
    if not (dated_segment or undated_segment):
        return None
    return Plan(descending, participants, dated_segment, undated_segment, bound, low or None, high or None,
                after[1] if in_undated else None)


def driver(filters, participants):
    """(query over Event narrowed by the filters, date column, id column) of the index to walk."""
    if not participants:
        return filter_by(Event.select(*COLUMNS, LISTS), filters, ()), Event.date, Event.id
    query = (
        Event
        .select(*COLUMNS, LISTS)
        .join(EventActor, on=(EventActor.event == Event.id))
        .where(EventActor.actor == actor_condition(participants[0]))
    )
    return filter_by(query, filters, participants[1:]), EventActor.event_date, EventActor.event


def _order(key, ident, descending):
    return (key.desc(), ident.desc()) if descending else (key, ident)


def dated(query, key, ident, page):
    """The dated segment: within from/to, strictly past the cursor, in index order."""
    if page.bound is not None:
        query = query.where(Tuple(key, ident) < Tuple(*page.bound) if page.descending
                            else Tuple(key, ident) > Tuple(*page.bound))
    if page.low is not None:
        query = query.where(key >= page.low)
    if page.high is not None:
        query = query.where(key <= page.high)
    if page.bound is None and page.low is None and page.high is None:
        query = query.where(key.is_null(False))
    return query.order_by(*_order(key, ident, page.descending))


def undated(query, key, ident, page):
    """The undated segment, in id order (ordered by (date, id) all the same, so that PostgreSQL
    sees the index's own order: it does not treat `date IS NULL` as fixing the first column)."""
    query = query.where(key.is_null())
    if page.undated_after is not None:
        query = query.where(ident < page.undated_after if page.descending else ident > page.undated_after)
    return query.order_by(*_order(key, ident, page.descending))


def _statement(page, filters, count):
    walk = driver(filters, page.participants)
    segments = []
    if page.dated:
        segments.append(dated(*walk, page).limit(count))
    if page.undated:
        segments.append(undated(*walk, page).limit(count))
    if len(segments) < 2:
        return segments[0]
    # one statement: the undated segment is read only when the dated one ends within the page
    first, then = (Select([segment.alias(f"s{n}")], [SQL("*")]) for n, segment in enumerate(segments))
    return (first + then).limit(count).bind(database)


def page_statement(filters, count, after=None):
    """The one query of a page: up to count rows after the cursor position `after` ((date or None,
    id)); None when nothing can match."""
    page = plan(filters, after)
    return None if page is None else _statement(page, filters, count)


_SHAPES = {}  # (engine, plan shape, filter shape) -> (SQL text, the slot of each parameter)


def _slots(page, filters, count):
    """Every value a statement of this plan can carry, in a fixed order. peewee converts dates
    compared with a date column to date objects; those in a row value stay text."""
    return (count, page.low and as_date(page.low), page.high and as_date(page.high), *(page.bound or (None, None)),
            page.undated_after, *(value for ref in page.participants for value in actor_values(ref)),
            *filter_values(filters))


def _parameter_slots(params, slots):
    """For each parameter, the index of the one slot holding its value; None when that is not
    certain (two slots share a value, or a parameter matches none)."""
    typed = [(type(value), value) for value in slots if value is not None]
    if len(set(typed)) != len(typed):
        return None
    where = {(type(value), value): n for n, value in enumerate(slots) if value is not None}
    order = [where.get((type(value), value)) for value in params]
    return None if None in order else tuple(order)


def page_query(filters, count, after=None):
    """(SQL, params) of page_statement, or None. The text is peewee's, rendered once per shape:
    a shape is cached when the first statement of it shows each parameter's slot beyond doubt."""
    page = plan(filters, after)
    if page is None:
        return None
    shape = filter_shape(filters)
    key = shape and (is_postgres(), page.descending, tuple(map(actor_kind, page.participants)), page.dated,
                     page.undated, page.bound is not None, page.low is not None, page.high is not None,
                     page.undated_after is not None, shape)
    slots = _slots(page, filters, count)
    cached = _SHAPES.get(key) if key else None
    if cached is not None:
        sql, order = cached
        return sql, [slots[n] for n in order]
    sql, params = _statement(page, filters, count).sql()
    if key and (order := _parameter_slots(params, slots)) is not None:
        _SHAPES[key] = (sql, order)
    return sql, params

