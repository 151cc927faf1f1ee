"""Recording the change feed: one Change row per change, written by the write paths themselves
(loader, corrections, merges, deletions) inside the transaction that makes the change, so a
change is in the feed exactly when it is in the store.

For an event, a change keeps the event's facets before and after it (channel, date, participants
with their countries, topics): the feed's /v1/events filters match "before or after", so a
subscriber to "events with Chile" hears of the event that stops involving Chile too.
"""
import datetime as dt
import json

from peewee import fn

from .db import write_transaction
from .models import Actor, Change, ChangeHorizon, Delivery, EventActor, EventTopic, Topic, utcnow

KINDS = ("event", "document", "participant")
ACTIONS = ("created", "updated", "merged", "deleted")


def event_facets(event):
    """What the feed's filters look at, for an Event row (None for a deleted event)."""
    if event is None:
        return None
    people = (
        Actor
        .select(Actor.id, Actor.slug, Actor.country)
        .join(EventActor)
        .where(EventActor.event == event.id)
        .order_by(EventActor.position, Actor.id)
    )
    topics = (
        Topic
        .select(Topic.slug)
        .join(EventTopic)
        .where(EventTopic.event == event.id)
        .order_by(Topic.slug)
    )
    date = event.date.isoformat() if hasattr(event.date, "isoformat") else event.date
    return {
        "channel": event.channel,
        "date": date,
        "participants": [[a.id, a.slug, a.country] for a in people],
        "topics": [t.slug for t in topics],
    }


def record(kind, object_id, action, *, via, before=None, after=None, survivor=None):
    """Add one change to the feed (call inside the write's transaction)."""
    Change.create(
        kind=kind, object_id=object_id, action=action, via=via, survivor=survivor,
        before=json.dumps(before) if before is not None else None,
        after=json.dumps(after) if after is not None else None,
    )


def record_event(event, action, before, via):
    """An event change; `event` is the row as it is now (its facets are the "after")."""
    after = event_facets(event) if action != "deleted" else None
    record("event", event.id, action, via=via, before=before, after=after)


def prune(retention_days):
    """Drop changes older than the retention period (never the newest, which numbers the next) and
    delivered deliveries as old; the horizon makes an older `since` a 410. Returns changes dropped."""
    cutoff = utcnow() - dt.timedelta(days=retention_days)
    with write_transaction(events=False):
        newest = Change.select(fn.MAX(Change.seq)).scalar()
        doomed = Change.select(fn.MAX(Change.seq)).where((Change.at < cutoff) & (Change.seq < newest)).scalar()
        if not doomed:
            return 0
        dropped = Change.delete().where(Change.seq <= doomed).execute()
        horizon = ChangeHorizon.select().first() or ChangeHorizon()
        horizon.pruned_through = max(horizon.pruned_through or 0, doomed)
        horizon.save()
        Delivery.delete().where((Delivery.status == "delivered") & (Delivery.delivered_at < cutoff)).execute()
    return dropped
