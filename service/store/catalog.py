"""Participants, counterparts, topics, channels and documents."""
import datetime as dt

from peewee import fn

from ..models import CHANNELS, Actor, ActorAlias, Document, Event, EventActor, EventTopic, Mention, Topic
from ..resolving.spellings import norm
from . import keyset
from .payloads import event_payloads, iso_text


def normalize(text):
    """The form of ActorAlias.norm (service.resolving.spellings.norm), or plain casefolding when that is empty."""
    return norm(text) or " ".join(text.casefold().split())


def _word_prefix(field, prefix):
    """field has a word starting with prefix (words split on spaces and hyphens)."""
    return field.startswith(prefix) | field.contains(" " + prefix) | field.contains("-" + prefix)


def _actor_dict(actor):
    return {"id": actor.id, "slug": actor.slug, "name": actor.name, "kind": actor.kind, "country": actor.country}


def participants_page(args, limit, cursor=None):
    """Actors by name, optionally matching q (a word prefix of a name or alias) and country."""
    query = (
        Actor
        .select()
        .order_by(*keyset.order(Actor.name, Actor.id))
    )
    if args.get("q") and normalize(args["q"]):
        prefix = normalize(args["q"])
        aliases = (
            ActorAlias
            .select(ActorAlias.actor)
            .where(ActorAlias.norm.startswith(prefix) | ActorAlias.norm.contains(" " + prefix))
        )
        query = query.where(_word_prefix(Actor.name, prefix) | Actor.id.in_(aliases))
    if args.get("country"):
        query = query.where(Actor.country == args["country"].upper())
    if cursor:
        name, last_id = keyset.decode(cursor, "participants")
        query = query.where(keyset.after(Actor.name, Actor.id, name, last_id))
    rows, next_cursor = keyset.page(query, limit, lambda row: keyset.encode("participants", row.name, row.id))
    return [_actor_dict(row) for row in rows], next_cursor


def get_actor(actor_id):
    return Actor.get_or_none(Actor.id == actor_id)


def participant_detail(actor):
    """The actor with aliases, event count and first/last event date."""
    aliases = (
        ActorAlias
        .select(ActorAlias.alias)
        .where(ActorAlias.actor == actor.id)
        .order_by(ActorAlias.alias)
    )
    stats = (
        EventActor
        .select(fn.COUNT(EventActor.id).alias("n"), fn.MIN(Event.date).alias("first"), fn.MAX(Event.date).alias("last"))
        .join(Event)
        .where(EventActor.actor == actor.id)
        .dicts()
        .get()
    )
    return {
        **_actor_dict(actor),
        "aliases": [row.alias for row in aliases],
        "event_count": stats["n"],
        "first_date": iso_text(_date(stats["first"])),
        "last_date": iso_text(_date(stats["last"])),
    }


def _date(value):
    # aggregates over a date column come back as text on SQLite
    if isinstance(value, str):
        return dt.date.fromisoformat(value[:10])
    return value


def counterparts_page(actor, limit, cursor=None):
    """Who took part in events with actor: most shared events first, then by id."""
    shared = fn.COUNT(fn.DISTINCT(EventActor.event))
    theirs = (
        EventActor
        .select(EventActor.event)
        .where(EventActor.actor == actor.id)
    )
    query = (
        Actor
        .select(Actor, shared.alias("shared"), fn.MAX(Event.date).alias("last_date"))
        .join(EventActor)
        .join(Event)
        .where(EventActor.event.in_(theirs))
        .where(Actor.id != actor.id)
        .group_by(Actor.id)
        .order_by(shared.desc(), Actor.id)
    )
    if cursor:
        count, last_id = keyset.decode(cursor, "counterparts", int)
        query = query.having((shared < count) | ((shared == count) & (Actor.id > last_id)))
    rows, next_cursor = keyset.page(query, limit, lambda row: keyset.encode("counterparts", row.shared, row.id))
    data = [
        {"participant": _actor_dict(row), "event_count": row.shared, "last_date": iso_text(_date(row.last_date))}
        for row in rows
    ]
    return data, next_cursor


def topics():
    counts = (
        EventTopic
        .select(fn.COUNT(EventTopic.id))
        .where(EventTopic.topic == Topic.id)
    )
    query = (
        Topic
        .select(Topic, counts.alias("event_count"))
        .order_by(Topic.slug)
    )
    return [
        {"slug": row.slug, "label": row.label, "iptc_code": row.iptc_code, "event_count": row.event_count}
        for row in query
    ]


def channels():
    query = (
        Event
        .select(Event.channel, fn.COUNT(Event.id).alias("n"))
        .group_by(Event.channel)
        .tuples()
    )
    counts = dict(query)
    return [
        {"name": name, "description": description, "event_count": counts.get(name, 0)}
        for name, description in CHANNELS.items()
    ]


def _document_dict(row):
    return {
        "id": row.id,
        "key": row.key,
        "title": row.title,
        "publisher": row.publisher,
        "url": row.url,
        "published": iso_text(row.published),
        "published_basis": row.published_basis,
        "event_count": row.event_count,
        "created_at": iso_text(row.created_at),
    }


def _documents():
    events = (
        Mention
        .select(fn.COUNT(fn.DISTINCT(Mention.event)))
        .where(Mention.document == Document.id)
    )
    # every column but the text, which can be large
    columns = [field for field in Document._meta.sorted_fields if field is not Document.text]
    return (
        Document
        .select(*columns, fn.LENGTH(Document.text).alias("length"), events.alias("event_count"))
    )


def documents_page(limit, cursor=None):
    """Documents by publication date (undated last), then id."""
    query = _documents().order_by(*keyset.order(Document.published, Document.id))
    if cursor:
        published, last_id = keyset.decode(cursor, "documents", dt.date)
        query = query.where(keyset.after(Document.published, Document.id, published, last_id))
    rows, next_cursor = keyset.page(query, limit, lambda row: keyset.encode("documents", row.published, row.id))
    return [_document_dict(row) for row in rows], next_cursor


def document_detail(document_id):
    """Metadata of one document and the events it reports, or None."""
    row = _documents().where(Document.id == document_id).first()
    if row is None:
        return None
    event_ids = (
        Mention
        .select(Mention.event)
        .where(Mention.document == document_id)
        .distinct()
    )
    events = (
        Event
        .select()
        .where(Event.id.in_(event_ids))
        .order_by(*keyset.order(Event.date, Event.id))
    )
    return {
        **_document_dict(row),
        "sha256": row.sha256,
        "extractor_version": row.extractor_version,
        "length": row.length,
        "updated_at": iso_text(row.updated_at),
        "events": event_payloads(events),
    }
