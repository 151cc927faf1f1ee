"""The rows of one keyset page of events, found by seeking, never by reading what came before.

A page is two segments in one statement: dated events in (date, id) order, then undated ones in id
order. Each segment is a range of one index, entered with a row-value comparison
`(date, id) > (?, ?)` that both engines turn into an index seek: (date, id) on Event, or
(actor, event_date, event) on EventActor when a participant is named, so "events of X, newest
first" reads only the page's own links however long X's history. The rows are narrow tuples of
the columns the payload shows, raw from the driver (dates stay text on SQLite).
"""
from collections import namedtuple

from peewee import SQL, Select, Tuple

from ..db import database
from ..models import Event, EventActor
from .filters import as_date, filter_by, resolve_actor, undated_mode

COLUMNS = (
    Event.id, Event.date, Event.date_precision, Event.date_basis, Event.channel, Event.location_name,
    Event.location_country, Event.title, Event.summary, Event.confidence, Event.conflicts,
    Event.created_at, Event.updated_at,
)
EventRow = namedtuple("EventRow", [column.name for column in COLUMNS])


def _db_date(value):
    # a date compared inside a row value gets no field conversion: pass the stored text form
    return as_date(value).isoformat()


def driver(filters):
    """(query over Event narrowed by the filters, date column, id column) of the index to walk;
    None when a participant named does not exist."""
    participants = [resolve_actor(value) for value in filters.get("participant") or ()]
    if None in participants:
        return None
    if not participants:
        return filter_by(Event.select(*COLUMNS), filters), Event.date, Event.id
    query = (
        Event
        .select(*COLUMNS)
        .join(EventActor, on=(EventActor.event == Event.id))
        .where(EventActor.actor == participants[0])
    )
    return filter_by(query, filters, participants[1:]), EventActor.event_date, EventActor.event


def dated(query, key, ident, filters, after, descending):
    """The dated segment: within from/to, strictly past the cursor, in index order."""
    low, high = filters.get("date_from"), filters.get("date_to")
    low, high = low and _db_date(low), high and _db_date(high)
    bound = None
    if after is not None:
        last = (after[0].isoformat(), after[1])
        # the cursor is the tighter bound unless it lies outside the range (a cursor from elsewhere)
        if descending and (high is None or last[0] <= high):
            bound, high = Tuple(key, ident) < Tuple(*last), None
        elif not descending and (low is None or last[0] >= low):
            bound, low = Tuple(key, ident) > Tuple(*last), None
    if bound is not None:
        query = query.where(bound)
    if low is not None:
        query = query.where(key >= low)
    if high is not None:
        query = query.where(key <= high)
    if bound is None and low is None and high is None:
        query = query.where(key.is_null(False))
    return query.order_by(*((key.desc(), ident.desc()) if descending else (key, ident)))


def undated(query, key, ident, after, descending):
    """The undated segment, in id order (ordered by (date, id) all the same, so that PostgreSQL
    sees the index's own order: it does not treat `date IS NULL` as fixing the first column)."""
    query = query.where(key.is_null())
    if after is not None and after[0] is None:
        query = query.where(ident < after[1] if descending else ident > after[1])
    return query.order_by(*((key.desc(), ident.desc()) if descending else (key, ident)))


def page_statement(filters, count, after=None):
    """The one query of a page: up to count rows after the cursor position `after` ((date or None,
    id)); None when nothing can match (a participant that does not exist)."""
    descending = filters.get("sort") == "-date"
    mode = undated_mode(filters)
    walk = driver(filters)
    segments = []
    if walk and mode != "only" and not (after is not None and after[0] is None):
        segments.append(dated(*walk, filters, after, descending).limit(count))
    if walk and mode != "exclude":
        segments.append(undated(*walk, after, descending).limit(count))
    if len(segments) < 2:
        return segments[0] if segments else None
    # one statement: the undated segment is read only when the dated one ends within the page
    first, then = (Select([segment.alias(f"s{n}")], [SQL("*")]) for n, segment in enumerate(segments))
    return (first + then).limit(count).bind(database)


def page_rows(filters, count, after=None):
    """Up to count EventRows of the page after `after`, as page_statement finds them."""
    statement = page_statement(filters, count, after)
    return [] if statement is None else [EventRow(*row) for row in database.execute(statement)]
