"""Test data built directly with the models (the API tests do not depend on the loader)."""
import datetime as dt
import hashlib
import itertools
import json

from service.models import Actor, Document, Event, EventActor, EventTopic, Mention, Topic
from service.resolving import lookup, spellings
from service.store import search_text

_seq = itertools.count(1)
STAMP = dt.datetime(2024, 1, 2, 3, 4, 5)


def actor(name, country=None, *, slug=None, kind="person", aliases=()):
    row = Actor.create(
        name=name, slug=slug or spellings.slugify(name), kind=kind, country=country, created_at=STAMP
    )
    for spelling in (name, *aliases):  # as the loader adds them (tests/test_factories.py): one per lookup key
        lookup.add_alias(row, spelling)
    return row


def topic(slug, label=None, iptc_code=None):
    return Topic.create(slug=slug, label=label or slug.replace("-", " ").title(), iptc_code=iptc_code)


def document(key=None, *, text=None, published=None, title=None, publisher="Wire", url=None):
    n = next(_seq)
    key = key or f"doc-{n}.txt"
    text = text or f"Text of {key}."
    return Document.create(
        key=key,
        title=title or f"Title of {key}",
        publisher=publisher,
        url=url or f"https://news.example/{key}",
        published=published,
        published_basis="header" if published else "none",
        text=text,
        sha256=hashlib.sha256(f"{n}:{text}".encode()).hexdigest(),
        extractor_version="test",
        created_at=STAMP,
        updated_at=STAMP,
    )


def event(
    title="Talks",
    *,
    date=None,
    precision=None,
    channel="meeting",
    participants=(),
    topics=(),
    sources=(),
    location=None,
    summary=None,
    confidence=0.8,
    conflicts=(),
):
    """participants: actors or (actor, title) pairs; sources: (document, sentence) pairs."""
    if isinstance(date, str):
        date = dt.date.fromisoformat(date)
    row = Event.create(
        date=date,
        date_precision=precision or ("day" if date else None),
        date_basis="explicit" if date else "unknown",
        channel=channel,
        location_name=location[0] if location else None,
        location_country=location[1] if location else None,
        title=title,
        summary=summary,
        confidence=confidence,
        conflicts=json.dumps(list(conflicts)),
        created_at=STAMP,
        updated_at=STAMP,
    )
    for position, item in enumerate(participants):
        who, held = item if isinstance(item, tuple) else (item, None)
        EventActor.create(event=row, actor=who, title=held, position=position)
    for subject in topics:
        EventTopic.create(event=row, topic=subject)
    for doc, sentence in sources:
        start = doc.text.find(sentence)
        start = max(start, 0)
        Mention.create(
            event=row, document=doc, sentence=sentence, start=start, end=start + len(sentence), date_text=None
        )
    search_text.index(row)  # what `q` searches, as the loader and the editors build it
    row.save()
    return row
