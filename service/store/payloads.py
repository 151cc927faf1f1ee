"""The API shape of an event (GET /v1/events/{id}), built for many events in a fixed number of queries."""
import datetime as dt

import orjson

from ..db import database, is_postgres
from ..models import Actor, Document, Event, EventActor, EventTopic, Mention, Topic
from .pages import COLUMNS, EventRow


def iso_text(value):
    """A date as "YYYY-MM-DD", a (naive UTC) timestamp as "YYYY-MM-DDTHH:MM:SSZ", None as None.

    Values come as the driver gives them: date objects, or text on SQLite ("YYYY-MM-DD HH:MM:SS")."""
    if value is None:
        return None
    if isinstance(value, str):
        return value if len(value) <= 10 else value[:19].replace(" ", "T") + "Z"
    if isinstance(value, dt.datetime):
        return value.replace(microsecond=0).isoformat() + "Z"
    return value.isoformat()


_SQL = {}  # (query, number of ids, engine) -> SQL text: peewee renders each shape once, not per request


def _by_ids(name, build, ids):
    """Rows of build(ids), a query whose only parameters are the ids, from its cached SQL text."""
    key = (name, len(ids), is_postgres())
    sql = _SQL.get(key)
    if sql is None:
        sql, params = database.get_sql_context().sql(build(ids)).query()
        if list(params) != list(ids):  # some other parameter: render it every time
            return database.execute(build(ids))
        _SQL[key] = sql
    return database.execute_sql(sql, list(ids))


def _participants(ids):
    return _group_participants(_by_ids("participants", _participants_query, ids))


def _participants_query(ids):
    return (
        EventActor
        .select(EventActor.event, EventActor.title, Actor.id, Actor.slug, Actor.name, Actor.country)
        .join(Actor)
        .where(EventActor.event.in_(ids))
        .order_by(EventActor.event, EventActor.position, EventActor.id)
    )


def _group_participants(rows):
    grouped = {}
    for event_id, title, actor_id, slug, name, country in rows:
        grouped.setdefault(event_id, []).append(
            {"id": actor_id, "slug": slug, "name": name, "country": country, "title": title}
        )
    return grouped


def _topics(ids):
    grouped = {}
    for event_id, slug, label in _by_ids("topics", _topics_query, ids):
        grouped.setdefault(event_id, []).append({"slug": slug, "label": label})
    return grouped


def _topics_query(ids):
    return (
        EventTopic
        .select(EventTopic.event, Topic.slug, Topic.label)
        .join(Topic)
        .where(EventTopic.event.in_(ids))
        .order_by(EventTopic.event, Topic.slug)
    )


def _sources_query(ids):
    return (
        Mention
        .select(
            Mention.event, Mention.sentence, Mention.start, Mention.end, Mention.date_text,
            Document.id.alias("document_id"), Document.key, Document.title, Document.publisher,
            Document.url, Document.published,
        )
        .join(Document)
        .where(Mention.event.in_(ids))
        .order_by(Mention.event, Document.published.asc(nulls="LAST"), Document.id, Mention.start, Mention.id)
    )


def _sources(ids):
    grouped = {}
    for event_id, sentence, start, end, date_text, document_id, key, title, publisher, url, published in (
        _by_ids("sources", _sources_query, ids)
    ):
        sources = grouped.setdefault(event_id, {})
        source = sources.get(document_id)
        if source is None:
            source = sources[document_id] = {
                "document": key,
                "document_id": document_id,
                "title": title,
                "publisher": publisher,
                "url": url,
                "published": iso_text(published),
                "evidence": [],
            }
        source["evidence"].append({"sentence": sentence, "start": start, "end": end, "date_text": date_text})
    return {event_id: list(sources.values()) for event_id, sources in grouped.items()}


def _conflicts(raw):
    if not raw or raw == "[]":
        return []
    try:
        value = orjson.loads(raw)
    except orjson.JSONDecodeError:
        return []
    return value if isinstance(value, list) else []


def _rows(events):
    """Rows with the payload's columns (EventRows, Event models) for rows or ids, in the given order."""
    if all(hasattr(event, "conflicts") for event in events):
        return events
    ids = [event.id if hasattr(event, "id") else int(event) for event in events]
    found = {row.id: row for row in map(EventRow._make, _by_ids("events", _events_query, ids))}
    return [found[event_id] for event_id in ids if event_id in found]


def _events_query(ids):
    return (
        Event
        .select(*COLUMNS)
        .where(Event.id.in_(ids))
    )


def event_payloads(events):
    """Event rows or ids -> API-shape dicts, in the given order; four queries at most, however many."""
    rows = _rows(list(events))
    if not rows:
        return []
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
