"""The API shape of an event (GET /v1/events/{id}), built for many events in a fixed number of queries."""
import datetime as dt

import orjson

from ..db import execute_cached, execute_prepared, is_postgres
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


# The page's rows, each with its participants, topics and mentions beside it as three JSON
# arrays ([[title, id, slug, name, country]...], [[slug, label]...], [[sentence, start, end,
# date_text, document id, key, title, publisher, url, published]...]) in the orders the three
# payload queries use: a page is one statement. On SQLite it is stepped once per event (a step
# runs without the GIL, so threads serving other requests are not held); on PostgreSQL it is
# one round trip, prepared, and the server builds the arrays while Python serves other requests.
# The event's own columns stay columns: SQLite's JSON would print a REAL with 15 digits, not
# Python's shortest repr. {array} and {agg} are the engine's JSON functions.
LINKED = """SELECT {columns},
(SELECT {agg}({array}("x"."title", "x"."id", "x"."slug", "x"."name", "x"."country")){text} FROM (
 SELECT "l"."title", "a"."id", "a"."slug", "a"."name", "a"."country" FROM "event_actor" AS "l"
 INNER JOIN "actor" AS "a" ON ("l"."actor_id" = "a"."id") WHERE ("l"."event_id" = "p"."id")
 ORDER BY "l"."position", "l"."id") AS "x"),
(SELECT {agg}({array}("x"."slug", "x"."label")){text} FROM (
 SELECT "t"."slug", "t"."label" FROM "event_topic" AS "l" INNER JOIN "topic" AS "t" ON ("l"."topic_id" = "t"."id")
 WHERE ("l"."event_id" = "p"."id") ORDER BY "t"."slug") AS "x"),
(SELECT {agg}({array}("x"."sentence", "x"."start", "x"."end", "x"."date_text", "x"."id", "x"."key",
                     "x"."title", "x"."publisher", "x"."url", "x"."published")){text} FROM (
 SELECT "m"."sentence", "m"."start", "m"."end", "m"."date_text", "d"."id", "d"."key", "d"."title", "d"."publisher",
        "d"."url", "d"."published" FROM "mention" AS "m" INNER JOIN "document" AS "d" ON ("m"."document_id" = "d"."id")
 WHERE ("m"."event_id" = "p"."id") ORDER BY "d"."published" ASC NULLS LAST, "d"."id", "m"."start", "m"."id") AS "x")
FROM ({page}) AS "p"
"""
# PostgreSQL's dates and timestamps come as text, as SQLite's do: the driver would make them
# date objects only for iso_text to make them text again
_TEMPORAL = {"date", "created_at", "updated_at"}
_COLUMNS = {
    False: '"p".*',
    True: ", ".join(f'"p"."{column.name}"' + ("::text" if column.name in _TEMPORAL else "") for column in COLUMNS),
}
# SQLite's json_group_array gives [] for no rows, PostgreSQL's json_agg NULL; json_agg's own
# type would be parsed by the driver's (slower) json module, so it comes as text for orjson
JSON_FUNCTIONS = {
    False: {"agg": "json_group_array", "array": "json_array", "text": ""},
    True: {"agg": "json_agg", "array": "json_build_array", "text": "::text"},
}
_LINKED = {}  # (engine, page SQL) -> LINKED around it


def linked_sql(page_sql):
    """The one statement of a page: the page query's rows with their payload lists."""
    key = (is_postgres(), page_sql)
    sql = _LINKED.get(key)
    if sql is None:
        sql = _LINKED[key] = LINKED.format(page=page_sql, columns=_COLUMNS[key[0]], **JSON_FUNCTIONS[key[0]])
    return sql


def _lists(raw):
    return orjson.loads(raw) if raw else []


def _linked_payload(row):
    people, subjects, mentions = map(_lists, row[-3:])
    return _payload(
        EventRow._make(row[:-3]),
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
    return [_linked_payload(row) for row in rows], EventRow._make(rows[-1][:-3]) if more else None
