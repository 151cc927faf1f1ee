"""Articles -> extracted events -> the store. Idempotent, one transaction per article.

The same text again changes nothing (keyed by its SHA-256); a changed article under the same
key replaces its old mentions, and an event no document reports any more goes away.
"""
from dataclasses import dataclass, field
from itertools import islice

from peewee import chunked

from .. import change_feed, history
from ..db import lock_store_writes, retrying, write_transaction
from ..models import DeletedEvidence, Document, Event, Mention, Topic, utcnow
from ..nlp import EXTRACTOR_VERSION
from ..nlp.topic_vocabulary import vocabulary
from ..reconciling import matching, refresh
from ..reconciling.reports import Report
from ..resolving import lookup
from .sources import sha256

CHUNK = 64  # articles read ahead for one nlp.pipe run: bounds memory on big folders


@dataclass
class IngestResult:
    key: str
    status: str  # created | replaced | unchanged | failed
    document_id: int | None = None
    events_created: list[int] = field(default_factory=list)
    events_merged: list[int] = field(default_factory=list)
    error: str | None = None

    @classmethod
    def unchanged(cls, document):
        return cls(document.key, "unchanged", document.id)


def stored_text(text):
    """The document holding this very text (keyed by its SHA-256), or None."""
    return Document.get_or_none(Document.sha256 == sha256(text))


def is_current(document):
    """A stored text the current extractor read: loading the same text again changes nothing."""
    return document is not None and document.extractor_version == EXTRACTOR_VERSION


def sync_topics():
    """The topic vocabulary (a data file) into the Topic table; labels follow the file.
    One query when nothing changed; the new topics in a few statements (a new store has 295)."""
    stored = {t.slug: t for t in Topic.select()}
    new = []
    for entry in vocabulary():
        topic = stored.get(entry["slug"])
        if topic is None:
            new.append({"slug": entry["slug"], "label": entry["label"], "iptc_code": entry.get("iptc_code")})
        elif (topic.label, topic.iptc_code) != (entry["label"], entry.get("iptc_code")):
            topic.label, topic.iptc_code = entry["label"], entry.get("iptc_code")
            topic.save()
    for rows in chunked(new, 100):  # in vocabulary order, as one by one: the same ids
        Topic.insert_many(rows).execute()


def ingest_articles(articles, *, batch_size=16, actor="loader"):
    """Yield one IngestResult per ArticleInput, in order; history rows are credited to `actor`."""
    from ..nlp.extract import extract_articles  # loads spaCy: only the loader pays for it

    with write_transaction():
        sync_topics()
    iterator = iter(articles)
    while chunk := list(islice(iterator, CHUNK)):
        results, todo = {}, []
        for i, article in enumerate(chunk):
            existing = stored_text(article.text)
            if is_current(existing):
                results[i] = IngestResult.unchanged(existing)
            else:
                todo.append(i)
        extracted = _extract_safely(extract_articles, [chunk[i] for i in todo], batch_size)
        for i, article in enumerate(chunk):  # each result as soon as it is stored: progress stays live
            if i in results:
                yield results[i]
                continue
            extraction = next(extracted)
            if isinstance(extraction, Exception):
                yield IngestResult(article.key, "failed", error=f"{type(extraction).__name__}: {extraction}")
            else:
                yield _store_safely(article, extraction, actor)


def _extract_safely(extract_articles, articles, batch_size):
    """One extraction, or the exception that stopped it, per article in order. spaCy stops a whole
    nlp.pipe run at the first article it cannot take; the articles after it are then extracted one
    at a time, so one bad article fails alone and the rest of a folder still loads."""
    done = 0
    try:
        for extraction in extract_articles(articles, batch_size=batch_size):
            done += 1
            yield extraction
    except Exception:  # noqa: BLE001 - redone one by one below, each failure reported with its article
        for article in articles[done:]:
            try:
                yield next(iter(extract_articles([article], batch_size=1)))
            except Exception as exc:  # noqa: BLE001
                yield exc


def extract_one(article):
    """Extraction alone, outside any transaction: a caller can then hold the write lock only
    for storing (see store_locked)."""
    from ..nlp.extract import extract_articles

    return next(iter(extract_articles([article], batch_size=1)))


def store_locked(article, extraction, actor):
    """Store one extracted article inside the caller's write transaction; raises on failure."""
    lock_store_writes()  # one writer of actors at a time (PostgreSQL; SQLite has one writer anyway)
    return _store(article, extraction, actor)


def _store_safely(article, extraction, actor):
    try:
        return retrying(lambda: store_locked(article, extraction, actor))
    except Exception as exc:  # one bad article must not stop the rest; its transaction rolled back
        return IngestResult(article.key, "failed", error=f"{type(exc).__name__}: {exc}")


def _store(article, extraction, actor="loader"):
    digest = sha256(article.text)
    document = Document.get_or_none(Document.key == article.key)
    other = stored_text(article.text)
    if is_current(other):
        # this text is stored already (under this key or another; perhaps by a concurrent push)
        return IngestResult.unchanged(other)
    if other is not None:
        document = other  # same text, older extractor: re-extract it under its own key
    status = "replaced" if document else "created"
    published, basis = (article.published, "client") if article.published else (
        extraction.published, extraction.published_basis)
    values = {
        "title": article.title or extraction.title,
        "publisher": article.publisher,
        "url": article.url,
        "published": published,
        "published_basis": basis if published else "none",
        "text": article.text,
        "sha256": digest,
        "extractor_version": EXTRACTOR_VERSION,
        "updated_at": utcnow(),
    }
    stale = []
    if document:
        stale = _detach(document, recompute=False)
        for name, value in values.items():
            setattr(document, name, value)
        document.save()
    else:
        document = Document.create(key=article.key, **values)
    change_feed.record("document", document.id, "updated" if status == "replaced" else "created",
                   via="extraction")
    result = IngestResult(document.key, status, document.id)
    deleted = _deleted_evidence(document.key)
    rows = []
    for extracted in extraction.events:
        if not extracted.evidence:  # an event is only as good as the sentence that states it
            continue
        if any(span.sentence in deleted for span in extracted.evidence):
            continue  # an editor deleted this event: re-extracting the article must not bring it back
        event_id, merged = _store_event(document, extracted)
        (result.events_merged if merged else result.events_created).append(event_id)
        rows.append((event_id, actor, "merge" if merged else "create", {"document": document.key}))
    history.record_many(rows)  # the article's history in one statement (nothing reads it before the commit)
    # events the old text reported and the new one did not match: recompute, or delete if orphaned
    refresh.refresh_ids([i for i in stale if i not in result.events_merged])
    return result


def _detach(document, recompute=True, via="extraction"):
    """Remove a document's mentions; recompute (or delete) the events they supported unless told not to
    (a replaced article first gets the chance to report the same events again)."""
    event_ids = [m.event_id for m in Mention.select(Mention.event).where(Mention.document == document).distinct()]
    Mention.delete().where(Mention.document == document).execute()
    if recompute:
        refresh.refresh_ids(event_ids, via)
    return event_ids


def _deleted_evidence(document_key):
    """Sentences of this document whose events an editor deleted."""
    query = DeletedEvidence.select(DeletedEvidence.sentence).where(DeletedEvidence.document_key == document_key)
    return {row.sentence for row in query}


def _store_event(document, extracted):
    participant_rows = []
    for participant in extracted.participants:
        actor = lookup.resolve(participant)
        if all(actor.id != row[0] for row in participant_rows):
            participant_rows.append((actor.id, participant.title))
    report = Report.from_extraction(extracted, participant_rows)
    event = matching.find_match(report, [row[0] for row in participant_rows], document.id, document.published)
    merged = event is not None
    before = change_feed.event_facets(event)
    if event is None:
        event = Event.create(channel=extracted.channel, title=extracted.title or extracted.channel)
    Mention.insert_many([  # the event's evidence in one statement, before refresh_event reads it
        {"event": event.id, "document": document.id, "sentence": span.sentence, "start": span.start,
         "end": span.end, "date_text": span.date_text, "reported": report}
        for span in extracted.evidence
    ]).execute()
    refresh.refresh_event(event)
    change_feed.record_event(event, "updated" if merged else "created", before, "extraction")
    return event.id, merged


def delete_document(document):
    """Delete a document, its mentions, and every event no other document reports, inside the
    caller's unit of work (submissions.remove). Returns the ids of the events it reported."""
    event_ids = _detach(document, via="editor")
    change_feed.record("document", document.id, "deleted", via="editor")
    document.delete_instance()
    return event_ids
