"""Editors' corrections: change, add and delete events, with a history of every change.

Every field an editor sets is added to Event.locked, and the loader (reconciling.refresh) never
recomputes a locked field, so a correction survives re-loading the articles.
Each public write (update_event, create_event, delete_event) is one unit of work: it opens its own
write transaction (db.retrying), so callers (the API views, the CLI, tests) never do. They take and
return plain dicts and model rows; a refusal is a domain_errors exception.
"""

from .. import change_feed as feed  # the change feed (service/history.py keeps each event's history)
from .. import history, periods
from ..db import is_postgres, retrying
from ..domain_errors import Invalid, NotFound
from ..loading.sources import sha256
from ..models import DeletedEvidence, Document, Event, EventActor, EventTopic, Mention, Topic, utcnow
from ..reconciling.reports import Report
from ..resolving import lookup
from ..store import search_text

EDITABLE = ("title", "summary", "date", "channel", "location", "topics", "participants")


def get_event(event_id, lock=False):
    query = Event.select().where(Event.id == event_id)
    event = (query.for_update() if lock and is_postgres() else query).first()
    if event is None:
        raise NotFound("event", event_id)
    return event


def snapshot(event):
    """The editable fields of an event, as the API names them (for the history)."""
    links = EventActor.select().where(EventActor.event == event).order_by(EventActor.position, EventActor.id)
    topics = Topic.select(Topic.slug).join(EventTopic).where(EventTopic.event == event).order_by(Topic.slug)
    return {
        "title": event.title,
        "summary": event.summary,
        "date": event.date.isoformat() if event.date else None,
        "date_precision": event.date_precision,
        "channel": event.channel,
        "location": {"name": event.location_name, "country": event.location_country}
        if event.location_name else None,
        "topics": [t.slug for t in topics],
        "participants": [{"id": link.actor_id, "title": link.title} for link in links],
    }


def _resolve_participants(refs):
    rows, missing = [], []
    for ref in refs:
        actor = lookup.by_ref(ref["participant"])
        if actor is None:
            missing.append(str(ref["participant"]))
        elif any(actor.id == other.id for other, _ in rows):
            raise Invalid("participants", f"{actor.slug} is listed twice.")
        else:
            rows.append((actor, ref.get("title")))
    if missing:
        raise Invalid("participants", f"No such participant: {', '.join(missing)}.")
    return rows


def _resolve_topics(slugs):
    slugs = list(dict.fromkeys(slugs))
    found = {t.slug: t for t in Topic.select().where(Topic.slug.in_(slugs))} if slugs else {}
    missing = [s for s in slugs if s not in found]
    if missing:
        raise Invalid("topics", f"No such topic: {', '.join(missing)} (see /v1/topics).")
    return [found[s] for s in slugs]


def _apply(event, data):
    """Set the given fields on the event (and its links); returns the names of the locked fields."""
    fields = set()
    if "title" in data:
        event.title = data["title"]
        fields.add("title")
    if "summary" in data:
        event.summary = data["summary"]
        fields.add("summary")
    if "date" in data or "date_precision" in data:
        date = data["date"] if "date" in data else event.date
        precision = data.get("date_precision") or (event.date_precision if "date" not in data else None)
        if data.get("date_precision") and not date:
            raise Invalid("date_precision", "An undated event has no date precision.")
        precision = (precision or "day") if date else None
        event.date = periods.start(date, precision) if date else None
        event.date_precision = precision
        event.date_basis = "editor"
        fields.add("date")
    if "channel" in data:
        event.channel = data["channel"]
        fields.add("channel")
    if "location" in data:
        location = data["location"] or {}
        event.location_name = location.get("name")
        event.location_country = location.get("country")
        fields.add("location")
    if "participants" in data:
        rows = _resolve_participants(data["participants"])
        EventActor.delete().where(EventActor.event == event).execute()
        EventActor.insert_many(
            [{"event": event.id, "actor": actor.id, "title": title, "position": i}
             for i, (actor, title) in enumerate(rows)]
        ).execute()
        fields.add("participants")
    if "topics" in data:
        topics = _resolve_topics(data["topics"])
        EventTopic.delete().where(EventTopic.event == event).execute()
        if topics:
            EventTopic.insert_many([{"event": event.id, "topic": t.id} for t in topics]).execute()
        fields.add("topics")
    return fields


def _diff(before, after):
    return {name: {"from": before[name], "to": after[name]}
            for name in before if before[name] != after[name]}


def _finish(event, fields):
    event.lock(fields)
    search_text.index(event)  # the loader's own indexing, so `q` finds the correction
    event.updated_at = utcnow()
    event.save()


def update_event(event_id, data, key_name, precondition=None):
    """Apply an editor's correction in one transaction; returns the event. `precondition()` runs
    once the event is locked (the API checks If-Match there). A no-op correction still locks its fields."""
    return retrying(lambda: _update_event(event_id, data, key_name, precondition))


def _update_event(event_id, data, key_name, precondition):
    event = get_event(event_id, lock=True)
    if precondition:
        precondition()
    before, facets = snapshot(event), feed.event_facets(event)
    fields = _apply(event, data)
    diff = _diff(before, snapshot(event))
    if diff or not fields <= event.locked_fields():
        _finish(event, fields)
        history.record(event.id, key_name, "update", diff)
        feed.record_event(event, "updated", facets, "editor")
    return event


def _note_document(sentences, title, key_name):
    """Evidence an editor typed without a source document is kept as an editor's note document."""
    text = "\n".join(sentences)
    digest = sha256(text)
    existing = Document.get_or_none(Document.sha256 == digest)
    if existing:
        return existing
    note = Document.create(
        key=f"editor-note-{digest[:16]}", title=f"Editor's note: {title}"[:1000],
        publisher=f"editor ({key_name})", text=text, sha256=digest, extractor_version="editor",
    )
    feed.record("document", note.id, "created", via="editor")
    return note


def _evidence_spans(evidence, title, key_name):
    """[(document, sentence, start, end, date_text)] for the evidence list, checked against the documents."""
    spans, loose = [], [item for item in evidence if not item.get("document")]
    note = _note_document([item["sentence"] for item in loose], title, key_name) if loose else None
    for index, item in enumerate(evidence):
        if item.get("document"):
            document = Document.get_or_none(Document.key == item["document"])
            if document is None:
                raise Invalid("evidence", f"Item {index}: there is no document {item['document']!r}.")
        else:
            document = note
        start = document.text.find(item["sentence"])
        if start < 0:
            raise Invalid("evidence", f"Item {index}: the sentence is not in document {document.key!r}.")
        spans.append((document, item["sentence"], start, start + len(item["sentence"]), item.get("date_text")))
    return spans


def create_event(data, key_name):
    """An event added by hand, in one transaction: manual, every field the editor gave locked, its
    evidence kept as mentions."""
    return retrying(lambda: _create_event(data, key_name))


def _create_event(data, key_name):
    event = Event(channel=data["channel"], title=data["title"], manual=True, confidence=1.0)
    event.save()
    fields = _apply(event, {k: v for k, v in data.items() if k in EDITABLE or k == "date_precision"})
    rows = _resolve_participants(data["participants"])
    reported = Report.from_event(event, [(actor.id, title) for actor, title in rows], data.get("topics", []))
    for document, sentence, start, end, date_text in _evidence_spans(data["evidence"], data["title"], key_name):
        Mention.create(event=event, document=document, sentence=sentence, start=start, end=end,
                       date_text=date_text, reported=reported)
    _finish(event, fields)
    history.record(event.id, key_name, "create", {"fields": snapshot(event),
                                          "evidence": [item["sentence"] for item in data["evidence"]]})
    feed.record_event(event, "created", None, "editor")
    return event


def delete_event(event_id, key_name, precondition=None):
    """Delete an event in one transaction, keeping its history and its evidence as deleted."""
    retrying(lambda: _delete_event(event_id, key_name, precondition))


def _delete_event(event_id, key_name, precondition):
    event = get_event(event_id, lock=True)
    if precondition:
        precondition()
    # the evidence it had (document key + offsets), so a loader can recognise it if re-extracted
    evidence = [{"document": m.document.key, "start": m.start, "end": m.end, "sentence": m.sentence}
                for m in Mention.select(Mention, Document.key).join(Document).where(Mention.event == event)
                .order_by(Mention.id)]
    history.record(event.id, key_name, "delete", {"fields": snapshot(event), "evidence": evidence})
    feed.record("event", event.id, "deleted", via="editor", before=feed.event_facets(event))
    if evidence:
        DeletedEvidence.insert_many([{"document_key": item["document"], "sentence": item["sentence"],
                                      "event_id": event.id} for item in evidence]).execute()
    event.delete_instance(recursive=True)
