"""/v1/timeline: matching events grouped into day, week, month or year buckets."""
import datetime as dt

from .. import periods
from ..models import Event
from .event_queries import filter_events, undated_mode
from .payloads import iso_text


def timeline(filters, interval):
    """{"interval", "buckets": [{"start", "count", "events"}], "undated": {"count", "events"} | None}."""
    rows = (
        filter_events({**filters, "sort": "date"})
        .select(Event.id, Event.date)
        .tuples()
    )
    buckets, undated = {}, []
    for event_id, day in rows:
        if day is None:
            undated.append(event_id)
            continue
        if isinstance(day, str):
            day = dt.date.fromisoformat(day)
        buckets.setdefault(periods.start(day, interval), []).append(event_id)
    return {
        "interval": interval,
        "buckets": [
            {"start": iso_text(start), "count": len(ids), "events": ids} for start, ids in buckets.items()
        ],
        "undated": None if undated_mode(filters) == "exclude" else {"count": len(undated), "events": undated},
    }
