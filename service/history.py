"""Each event's history (EventChange): every write to it, written and read here only.

Kept after the event is deleted. Distinct from the change feed (service/change_feed.py), which tells
followers what changed; this tells an editor who changed what, and is what GET .../history shows.
"""
import json

from .domain_errors import NotFound
from .models import Event, EventChange


def record(event_id, actor_key, action, changes):
    """One history row: `actor_key` is the API key's name or "loader"; `action` create, update,
    delete or merge; `changes` a JSON-able dict of what changed."""
    EventChange.create(event_id=event_id, actor_key=actor_key, action=action, changes=json.dumps(changes))


def record_many(rows):
    """Many history rows, (event_id, actor_key, action, changes) each, in one statement."""
    if rows:
        EventChange.insert_many([{"event_id": event_id, "actor_key": key, "action": action,
                                  "changes": json.dumps(changes)} for event_id, key, action, changes in rows]).execute()


def entries(event_id):
    """Every recorded change of an event, oldest first, in one query (the desk's event page uses it)."""
    rows = EventChange.select().where(EventChange.event_id == event_id).order_by(EventChange.id)
    return [
        {"id": row.id, "action": row.action, "key": row.actor_key,
         "at": row.at.strftime("%Y-%m-%dT%H:%M:%SZ"), "changes": json.loads(row.changes or "{}")}
        for row in rows
    ]


def of_event(event_id):
    """The body of GET /v1/events/{id}/history; NotFound for an id that never was an event."""
    data = entries(event_id)
    if not data and not Event.select().where(Event.id == event_id).exists():
        raise NotFound("event", event_id)
    return {"event_id": event_id, "data": data}
