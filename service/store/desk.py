"""Reads only the desk pages need, beside the API's: counts by channel over time, the titles a
participant held, and a document's text. Each is one query."""
import datetime as dt

from peewee import fn

from .. import periods
from ..models import Document, Event, EventActor
from .event_queries import filter_events, undated_mode

# the most buckets an axis draws: the interval grows (day, week, month, year) until it fits
AXIS_BUCKETS_MAX = 120
STEP = {"day": 1, "week": 7, "month": 31, "year": 366}


def _day(value):
    return dt.date.fromisoformat(value[:10]) if isinstance(value, str) else value


def fitting_interval(first, last):
    """The finest interval whose buckets between first and last number AXIS_BUCKETS_MAX at most."""
    for interval in ("day", "week", "month"):
        if (last - first).days // STEP[interval] + 1 <= AXIS_BUCKETS_MAX:
            return interval
    return "year"


def channel_counts(filters, interval=None):
    """Matching events counted per bucket and channel, every bucket from the first to the last.

    {"interval", "buckets": [{"start", "end", "total", "counts": {channel: n}}],
     "undated": {channel: n} | None}; interval None picks the finest that fits the axis.
    """
    # counted per day in SQL: the rows are (day, channel) pairs, not events
    rows = (
        filter_events(filters)
        .select(Event.date, Event.channel, fn.COUNT(Event.id))
        .group_by(Event.date, Event.channel)
        .order_by(Event.date.asc(nulls="LAST"), Event.channel)
        .tuples()
    )
    dated, undated = [], {}
    for day, channel, n in rows:
        if day is None:
            undated[channel] = n
        else:
            dated.append((_day(day), channel, n))
    buckets = []
    if dated:
        interval = interval or fitting_interval(dated[0][0], dated[-1][0])
        counted = {}
        for day, channel, n in dated:
            bucket = counted.setdefault(periods.start(day, interval), {})
            bucket[channel] = bucket.get(channel, 0) + n
        start, last = periods.start(dated[0][0], interval), periods.start(dated[-1][0], interval)
        while start <= last:
            following = periods.after(start, interval)
            counts = counted.get(start, {})
            buckets.append({"start": start, "end": following - dt.timedelta(days=1),
                            "total": sum(counts.values()), "counts": counts})
            start = following
    return {
        "interval": interval or "month",
        "buckets": buckets,
        "undated": None if undated_mode(filters) == "exclude" else undated,
    }


def participant_titles(actor_id):
    """[{"title", "event_count", "last_date"}] the actor held in events, most events first."""
    count = fn.COUNT(EventActor.id)
    rows = (
        EventActor
        .select(EventActor.title, count.alias("n"), fn.MAX(Event.date).alias("last"))
        .join(Event)
        .where(EventActor.actor == actor_id)
        .where(EventActor.title.is_null(False))
        .group_by(EventActor.title)
        .order_by(count.desc(), EventActor.title)
        .tuples()
    )
    return [{"title": title, "event_count": n, "last_date": _day(last)} for title, n, last in rows]


def document_text(document_id):
    """The text of a document, or None when there is no such document."""
    row = (
        Document
        .select(Document.text)
        .where(Document.id == document_id)
        .tuples()
        .first()
    )
    return row[0] if row else None
