"""Event queries: the filter dict of /v1/events, keyset pages, and the API shape of an event."""
import datetime as dt
import re

from peewee import fn

from ..models import Actor, Document, Event, EventActor, EventChange, EventTopic, Mention, Topic
from . import keyset
from .payloads import event_payloads
from .search import matches

ID_PATTERN = re.compile(r"[0-9]{1,9}")
SORTS = ("date", "-date")


def _as_id(value):
    """The integer an id-or-name value stands for, or None when it can only be a name."""
    text = str(value)
    return int(text) if ID_PATTERN.fullmatch(text) and int(text) <= keyset.ID_MAX else None


def _as_date(value):
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def _actor_events(value):
    """Ids of events in which the actor named by id or slug takes part."""
    condition = Actor.slug == str(value).lower()
    if _as_id(value) is not None:
        condition = condition | (Actor.id == _as_id(value))
    return (
        EventActor
        .select(EventActor.event)
        .join(Actor)
        .where(condition)
    )


def _country_events(country):
    return (
        EventActor
        .select(EventActor.event)
        .join(Actor)
        .where(Actor.country == country.upper())
    )


def _topic_events(slug):
    return (
        EventTopic
        .select(EventTopic.event)
        .join(Topic)
        .where(Topic.slug == slug)
    )


def _document_events(value):
    condition = Document.key == str(value)
    if _as_id(value) is not None:
        condition = condition | (Document.id == _as_id(value))
    return (
        Mention
        .select(Mention.event)
        .join(Document)
        .where(condition)
    )


def undated_mode(filters):
    """include | exclude | only; a date range excludes undated events unless asked otherwise."""
    if filters.get("undated"):
        return filters["undated"]
    has_range = filters.get("date_from") or filters.get("date_to")
    return "exclude" if has_range else "include"


def _date_condition(filters):
    mode = undated_mode(filters)
    if mode == "only":
        return Event.date.is_null()
    dated = Event.date.is_null(False)
    if filters.get("date_from"):
        dated = dated & (Event.date >= _as_date(filters["date_from"]))
    if filters.get("date_to"):
        dated = dated & (Event.date <= _as_date(filters["date_to"]))
    return (dated | Event.date.is_null()) if mode == "include" else dated


def filter_events(filters):
    """Event rows matching the filter dict (keys as documented in service.store), in sort order."""
    query = (
        Event
        .select()
        .where(_date_condition(filters))
        .order_by(*keyset.order(Event.date, Event.id, filters.get("sort") == "-date"))
    )
    for value in filters.get("participant") or ():
        query = query.where(Event.id.in_(_actor_events(value)))
    if filters.get("country"):
        query = query.where(Event.id.in_(_country_events(filters["country"])))
    if filters.get("channel"):
        query = query.where(Event.channel.in_(list(filters["channel"])))
    for slug in filters.get("topic") or ():
        query = query.where(Event.id.in_(_topic_events(slug)))
    if filters.get("location"):
        query = query.where(fn.LOWER(Event.location_name) == filters["location"].lower())
    if filters.get("document"):
        query = query.where(Event.id.in_(_document_events(filters["document"])))
    if filters.get("q"):
        query = query.where(matches(filters["q"]))
    return query


def _cursor_kind(filters):
    return "events" + (filters.get("sort") or "date")


def events_page(filters, limit, cursor=None):
    """One page of matching events: (payloads, next cursor or None). Raises keyset.BadCursor."""
    descending = filters.get("sort") == "-date"
    query = filter_events(filters)
    if cursor:
        last_date, last_id = keyset.decode(cursor, _cursor_kind(filters), dt.date)
        query = query.where(keyset.after(Event.date, Event.id, last_date, last_id, descending))
    rows, next_cursor = keyset.page(
        query, limit, lambda row: keyset.encode(_cursor_kind(filters), row.date, row.id)
    )
    return event_payloads(rows), next_cursor


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
