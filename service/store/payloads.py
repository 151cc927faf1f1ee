"""The API shape of an event (GET /v1/events/{id}), built for many events in a fixed number of queries."""
import datetime as dt
import json

from ..models import Actor, Document, Event, EventActor, EventTopic, Mention, Topic


def iso_text(value):
    """A date as "YYYY-MM-DD", a (naive UTC) timestamp as "YYYY-MM-DDTHH:MM:SSZ", None as None."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.replace(microsecond=0).isoformat() + "Z"
    return value.isoformat()


def _participants(ids):
    rows = (
        EventActor
        .select(EventActor.event, EventActor.title, Actor.id, Actor.slug, Actor.name, Actor.country)
        .join(Actor)
        .where(EventActor.event.in_(ids))
        .order_by(EventActor.event, EventActor.position, EventActor.id)
        .objects()
    )
    grouped = {}
    for row in rows:
        grouped.setdefault(row.event_id, []).append(
            {"id": row.id, "slug": row.slug, "name": row.name, "country": row.country, "title": row.title}
        )
    return grouped


def _topics(ids):
    rows = (
        EventTopic
        .select(EventTopic.event, Topic.slug, Topic.label)
        .join(Topic)
        .where(EventTopic.event.in_(ids))
        .order_by(EventTopic.event, Topic.slug)
        .objects()
    )
    grouped = {}
    for row in rows:
        grouped.setdefault(row.event_id, []).append({"slug": row.slug, "label": row.label})
    return grouped


def _sources(ids):
    rows = (
        Mention
        .select(
            Mention.event, Mention.sentence, Mention.start, Mention.end, Mention.date_text,
            Document.id.alias("document_id"), Document.key, Document.title, Document.publisher,
            Document.url, Document.published,
        )
        .join(Document)
        .where(Mention.event.in_(ids))
        .order_by(Mention.event, Document.published.asc(nulls="LAST"), Document.id, Mention.start, Mention.id)
        .objects()
    )
    grouped = {}
    for row in rows:
        sources = grouped.setdefault(row.event_id, {})
        source = sources.get(row.document_id)
        if source is None:
            source = sources[row.document_id] = {
                "document": row.key,
                "document_id": row.document_id,
                "title": row.title,
                "publisher": row.publisher,
                "url": row.url,
                "published": iso_text(row.published),
                "evidence": [],
            }
        source["evidence"].append(
            {"sentence": row.sentence, "start": row.start, "end": row.end, "date_text": row.date_text}
        )
    return {event_id: list(sources.values()) for event_id, sources in grouped.items()}


def _conflicts(raw):
    try:
        value = json.loads(raw or "[]")
    except ValueError:
        return []
    return value if isinstance(value, list) else []


def event_payloads(events):
    """Event rows or ids -> API-shape dicts, in the given order; four queries at most, however many."""
    events = list(events)
    if not events:
        return []
    if all(isinstance(event, Event) for event in events):
        rows = events
    else:
        ids = [event.id if isinstance(event, Event) else int(event) for event in events]
        found = {row.id: row for row in Event.select().where(Event.id.in_(ids))}
        rows = [found[event_id] for event_id in ids if event_id in found]
    ids = [row.id for row in rows]
    participants, topics, sources = _participants(ids), _topics(ids), _sources(ids)
    return [
        {
            "id": row.id,
            "title": row.title,
            "summary": row.summary,
            "date": iso_text(row.date),
            "date_precision": row.date_precision,
            "date_basis": row.date_basis,
            "channel": row.channel,
            "location": {"name": row.location_name, "country": row.location_country}
            if row.location_name else None,
            "confidence": row.confidence,
            "participants": participants.get(row.id, []),
            "topics": topics.get(row.id, []),
            "sources": sources.get(row.id, []),
            "conflicts": _conflicts(row.conflicts),
            "created_at": iso_text(row.created_at),
            "updated_at": iso_text(row.updated_at),
        }
        for row in rows
    ]
