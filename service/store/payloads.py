"""The API shape of an event (GET /v1/events/{id}), built for many events in a fixed number of queries."""
import datetime as dt

import orjson

from ..db import execute_cached, execute_prepared, is_postgres
from ..models import Actor, Document, Event, EventActor, EventTopic, Mention, Topic
from ..payload_lists import live
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


def _by_ids(name, build, ids):
    """Rows of build(ids), a query whose only parameters are the ids (rendered once per shape)."""
    return execute_cached((name, len(ids)), lambda: build(ids), list(ids))


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
    for event_id, *mention in _by_ids("sources", _sources_query, ids):
        grouped.setdefault(event_id, []).append(mention)
    return {event_id: _group_sources(mentions) for event_id, mentions in grouped.items()}


def _group_sources(mentions):
    """An event's sources, from its mentions (sentence, start, end, date_text, and the document's
    id, key, title, publisher, url, published) in source order: one per document, with its evidence."""
    sources = {}
    for sentence, start, end, date_text, document_id, key, title, publisher, url, published in mentions:
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
    return list(sources.values())


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


def _payload(row, participants, topics, sources):
    return {
        "id": row.id,
        "title": row.title,
        "summary": row.summary,
        "date": iso_text(row.date),
        "date_precision": row.date_precision,
        "date_basis": row.date_basis,
        "channel": row.channel,
        "location": {"name": row.location_name, "country": row.location_country} if row.location_name else None,
        "confidence": row.confidence,
        "participants": participants,
        "topics": topics,
        "sources": sources,
        "conflicts": _conflicts(row.conflicts),
        "created_at": iso_text(row.created_at),
        "updated_at": iso_text(row.updated_at),
    }


def event_payloads(events):
    """Event rows or ids -> API-shape dicts, in the given order; four queries at most, however many."""
    rows = _rows(list(events))
    if not rows:
        return []
    ids = [row.id for row in rows]
    participants, topics, sources = _participants(ids), _topics(ids), _sources(ids)
    return [
        _payload(row, participants.get(row.id, []), topics.get(row.id, []), sources.get(row.id, []))
        for row in rows
    ]


# The page's rows, each with its participants, topics and mentions as one JSON text ([[title, id,
# slug, name, country]...], [[slug, label]...], [[sentence, start, end, date_text, document id,
# key, title, publisher, url, published]...]): the event's stored lists, or where they are stale
# (NULL) the same lists assembled live by the subqueries they are made from (payload_lists).
# A page is one statement, prepared on PostgreSQL. The event's own columns stay columns: SQLite's
# JSON would print a REAL with 15 digits, not Python's shortest repr.
LINKED = """SELECT {columns}, COALESCE("p"."lists", {live}) FROM ({page}) AS "p"
"""
# PostgreSQL's dates and timestamps come as text, as SQLite's do: the driver would make them
# date objects only for iso_text to make them text again
_TEMPORAL = {"date", "created_at", "updated_at"}
_COLUMNS = {
    postgres: ", ".join(f'"p"."{column.name}"' + ("::text" if postgres and column.name in _TEMPORAL else "")
                        for column in COLUMNS)
    for postgres in (False, True)
}
_LINKED = {}  # (engine, page SQL) -> LINKED around it


def linked_sql(page_sql):
    """The one statement of a page: the page query's rows with their payload lists."""
    key = (is_postgres(), page_sql)
    sql = _LINKED.get(key)
    if sql is None:
        sql = _LINKED[key] = LINKED.format(page=page_sql, columns=_COLUMNS[key[0]], live=live('"p"."id"', key[0]))
    return sql


def _linked_payload(row):
    people, subjects, mentions = orjson.loads(row[-1])
    return _payload(
        EventRow._make(row[:-1]),
        [{"id": i, "slug": slug, "name": name, "country": country, "title": title}
         for title, i, slug, name, country in people],
        [{"slug": slug, "label": label} for slug, label in subjects],
        _group_sources(mentions),
    )


def page_payloads(query, limit):
    """The page of query ((SQL, params) from pages.page_query, for limit + 1 rows): (API dicts of
    its first limit rows, the EventRow the next page continues after, or None when none follows).
    One statement (LINKED), prepared on PostgreSQL."""
    if query is None:
        return [], None
    rows = list(execute_prepared(linked_sql(query[0]), query[1]))
    more = len(rows) > limit
    del rows[limit:]
    return [_linked_payload(row) for row in rows], EventRow._make(rows[-1][:-1]) if more else None
