"""Articles pushed over HTTP: the same pipeline as `timeline load`, one article at a time.

History rows of a push over the API are credited to the API key that sent the article.
"""

from humanize import naturalsize

from .. import history, store
from ..db import database, is_postgres, retrying, write_transaction
from ..domain_errors import Invalid, NotFound, TooLarge
from ..models import Document, Event
from ..nlp.types import ArticleInput
from .sources import BadArticle, check_text, sha256


def article_input(data, max_bytes):
    """The validated body -> an ArticleInput the loader takes (Invalid for text that is no article)."""
    size = len(data["text"].encode("utf-8"))
    if size > max_bytes:  # refused before spaCy sees it: a bounded extraction for every article taken
        raise TooLarge(f"The article is {naturalsize(size)} ({size} bytes); the limit is {max_bytes} bytes "
                       "(TIMELINE_MAX_ARTICLE_BYTES).")
    try:
        text = check_text(data["text"])
    except BadArticle as exc:
        raise Invalid("text", f"Not an article: {exc}.") from None
    return ArticleInput(
        key=data.get("key") or f"api-{sha256(text)[:16]}",
        text=text,
        title=data.get("title"),
        url=data.get("url"),
        publisher=data.get("publisher"),
        published=data.get("published"),
    )


def submit(data, key_name, max_bytes):
    """Ingest one article; returns the result body (status, document detail, created and merged ids).

    Extraction (spaCy) runs before the write transaction, so locks are held only while storing.
    Pushes of the same key or text wait for each other (the one that loses the race is told
    "unchanged"), and every store waits for the other writers of actors (db.lock_store_writes):
    two articles that bring in the same new person at once make one actor, and no client is
    told 4xx for a race between servers. A deadlock PostgreSQL breaks is retried (db.retrying).
    """
    from .ingest import IngestResult, extract_one, is_current, store_locked, stored_text, sync_topics  # loads spaCy

    article = article_input(data, max_bytes)
    existing = stored_text(article.text)
    extraction = None if is_current(existing) else extract_one(article)
    if extraction is not None:
        with write_transaction():
            sync_topics()

    def store_it():
        if is_postgres():  # SQLite: one writer anyway
            for name in sorted({f"key:{article.key}", f"sha256:{sha256(article.text)}"}):
                database.execute_sql("SELECT pg_advisory_xact_lock(hashtext(%s))", (name,))
        if extraction is None:
            return IngestResult.unchanged(existing)
        return store_locked(article, extraction, key_name)

    result = retrying(store_it)
    return {
        "status": result.status,
        "document": store.document_detail(result.document_id),
        "events_created": result.events_created,
        "events_merged": result.events_merged,
    }


def remove(document_id, key_name):
    """Delete a document, in one transaction; events only it reported go too (editors' events stay).
    Returns the ids of the events it reported."""
    from .ingest import delete_document

    def remove_it():
        document = Document.get_or_none(Document.id == document_id)
        if document is None:
            raise NotFound("document", document_id)
        key = document.key
        affected = delete_document(document)
        remaining = {e.id for e in Event.select(Event.id).where(Event.id.in_(affected))} if affected else set()
        for event_id in affected:
            if event_id in remaining:
                history.record(event_id, key_name, "update", {"sources": {"removed": key}})
            else:
                history.record(event_id, key_name, "delete",
                               {"document": key, "reason": "no other document reports it"})
        return affected

    return retrying(remove_it)

