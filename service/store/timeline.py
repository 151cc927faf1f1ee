"""/v1/timeline: matching events grouped into day, week, month or year buckets."""
import datetime as dt

from ..models import Event
from .events import filter_events, undated_mode
from .payloads import iso_text


def bucket_start(day, interval):
    """First day of the bucket holding day; weeks start on Monday."""
    if interval == "day":
        return day
    if interval == "week":
        return day - dt.timedelta(days=day.weekday())
    if interval == "month":
        return day.replace(day=1)
    return day.replace(month=1, day=1)


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
        buckets.setdefault(bucket_start(day, interval), []).append(event_id)
    return {
        "interval": interval,
        "buckets": [
            {"start": iso_text(start), "count": len(ids), "events": ids} for start, ids in buckets.items()
        ],
        "undated": None if undated_mode(filters) == "exclude" else {"count": len(undated), "events": undated},
    }
