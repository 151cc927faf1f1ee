"""Event queries: every matching event in order, keyset pages of them, and one event."""
import datetime as dt

from peewee import fn

from ..models import Event, EventChange
from . import keyset, pages
from .filters import date_condition, filter_by, undated_mode  # noqa: F401  (undated_mode: for timeline)
from .payloads import event_payloads, page_payloads


def filter_events(filters):
    """Event rows matching the filter dict (keys as documented in service.store), in sort order."""
    query = (
        Event
        .select()
        .where(date_condition(filters))
        .order_by(*keyset.order(Event.date, Event.id, filters.get("sort") == "-date"))
    )
    return filter_by(query, filters)


def events_page(filters, limit, cursor=None):
    """One page of matching events: (payloads, next cursor or None). Raises keyset.BadCursor."""
    after = keyset.decode(cursor, _cursor_kind(filters), dt.date) if cursor else None
    payloads, last = page_payloads(pages.page_query(filters, limit + 1, after), limit)
    next_cursor = None if last is None else keyset.encode(_cursor_kind(filters), last.date, last.id)
    return payloads, next_cursor


def _cursor_kind(filters):
    return "events" + (filters.get("sort") or "date")


def iter_event_payloads(filters, batch=500):
    """Every event matching filters in sort order, fetched page by page (memory stays flat)."""
    cursor = None
    while True:
        payloads, cursor = events_page(filters, batch, cursor)
        yield from payloads
        if cursor is None:
            return


def get_event(event_id):
    """The API shape of one event, or None."""
    payloads = event_payloads([event_id])
    return payloads[0] if payloads else None


def _as_datetime(value):
    if value is None or isinstance(value, dt.datetime):
        return value
    return dt.datetime.fromisoformat(str(value))


def export_version(filters):
    """What an export of these filters shows, summed up in two small queries: the matching events
    (count, ids, newest update) and the newest recorded change of the store (a deletion, a merge,
    an article loaded). Returns (version, last_modified): any change to what an export would
    write changes the version; last_modified is the newest of those moments (UTC, naive)."""
    matching = filter_events(filters).select(Event.id).order_by()
    count, id_sum, newest = (
        Event
        .select(fn.COUNT(Event.id), fn.SUM(Event.id), fn.MAX(Event.updated_at))
        .where(Event.id.in_(matching))
        .tuples()
        .get()
    )
    last_change, changed_at = (
        EventChange
        .select(fn.MAX(EventChange.id), fn.MAX(EventChange.at))
        .tuples()
        .get()
    )
    moments = [m for m in (_as_datetime(newest), _as_datetime(changed_at)) if m]
    version = [count, int(id_sum or 0), str(newest), last_change]
    return version, max(moments).replace(tzinfo=dt.UTC) if moments else None
