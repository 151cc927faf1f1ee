"""Recomputing an event from all the reports it has (matching.find_match found it).

An event's values are derived from its mentions' reports (Mention.reported, a reports.Report:
what each document alone said), so merging, re-loading a changed article and deleting a document all come down to
`refresh_event`. Fields an editor set (Event.locked) are never recomputed.
"""
import json
from collections import Counter

from .. import change_feed, periods
from ..models import Document, Event, EventActor, EventTopic, Mention, Topic, utcnow
from ..store import search_text

BASIS_RANK = {"editor": 0, "explicit": 1, "relative": 2, "unknown": 3}


def _reports(event):
    """[(document key, Report)]: what each document said of the event, the first mention per
    document, in load order."""
    seen, out = set(), []
    query = (
        Mention.select(Mention, Document.id, Document.key)
        .join(Document)
        .where(Mention.event == event)
        .order_by(Mention.id)
    )
    for mention in query:
        if mention.document_id in seen:
            continue
        seen.add(mention.document_id)
        out.append((mention.document.key, mention.reported))
    return out


def _best_dated(reports):
    dated = [r for r in reports if r.date]
    if not dated:
        return None
    return min(
        enumerate(dated),
        key=lambda ir: (periods.rank(ir[1].date_precision), BASIS_RANK.get(ir[1].date_basis, 5), ir[0]),
    )[1]


def _conflicts(keyed_reports):
    out = []
    for field, label in (("date", "date"), ("channel", "channel"), ("location_name", "location")):
        values = {}
        for key, report in keyed_reports:
            if value := getattr(report, field):
                values.setdefault(value.isoformat() if field == "date" else value, []).append(key)
        if len(values) > 1:
            out.append({"field": label, "values": [{"value": v, "documents": d} for v, d in values.items()]})
    return out


def refresh_event(event):
    """Recompute the event from its reports; delete it when nothing reports it. Returns the event or None."""
    keyed_reports = _reports(event)
    reports = [report for _, report in keyed_reports]
    locked = event.locked_fields()
    if not reports:
        if event.manual or locked:  # an editor's work is never dropped silently
            return event
        event.delete_instance(recursive=True)
        return None
    first = reports[0]
    best = _best_dated(reports)
    if "date" not in locked:
        event.date = best.date if best else None
        event.date_precision = best.date_precision if best else None
        event.date_basis = (best.date_basis or "explicit") if best else "unknown"
    if "channel" not in locked:
        event.channel = Counter(r.channel for r in reports).most_common(1)[0][0]
    if "location" not in locked:
        located = next((r for r in reports if r.location_name), None)
        event.location_name = located.location_name if located else None
        event.location_country = located.location_country if located else None
    if "title" not in locked:
        event.title = (best or first).title or first.title or event.channel
    if "summary" not in locked:
        event.summary = first.summary
    event.confidence = round(min(0.99, max(r.confidence for r in reports) + 0.05 * (len(reports) - 1)), 3)
    event.conflicts = json.dumps(_conflicts(keyed_reports))
    if "participants" not in locked:
        _set_participants(event, reports)
    if "topics" not in locked:
        _set_topics(event, reports)
    search_text.index(event)
    event.updated_at = utcnow()
    event.save()
    return event


def _set_participants(event, reports):
    titles = {}
    for r in reports:
        for actor_id, title in r.participants:
            if actor_id not in titles or (title and not titles[actor_id]):
                titles[actor_id] = title
    EventActor.delete().where(EventActor.event == event).execute()
    rows = [{"event": event.id, "actor": a, "title": t, "position": i} for i, (a, t) in enumerate(titles.items())]
    if rows:
        EventActor.insert_many(rows).execute()


MAX_TOPICS = 4


def _set_topics(event, reports):
    """The topics most reports name (each report's own are ranked), at most MAX_TOPICS."""
    votes = Counter()
    for r in reports:
        for rank, slug in enumerate(r.topics):
            votes[slug] += 1 - rank / 100  # reports count first, then how high each report ranked it
    slugs = [slug for slug, _ in votes.most_common(MAX_TOPICS)]
    EventTopic.delete().where(EventTopic.event == event).execute()
    if slugs:
        topics = Topic.select(Topic.id, Topic.slug).where(Topic.slug.in_(slugs))
        EventTopic.insert_many([{"event": event.id, "topic": t.id} for t in topics]).execute()


def refresh_recorded(event, via="extraction"):
    """refresh_event, recorded in the change feed: the event is updated, or deleted when nothing reports it."""
    before = change_feed.event_facets(event)
    event_id = event.id
    kept = refresh_event(event)
    if kept is None:
        change_feed.record("event", event_id, "deleted", via=via, before=before)
    else:
        change_feed.record_event(kept, "updated", before, via)
    return kept


def refresh_ids(event_ids, via="extraction"):
    for event in Event.select().where(Event.id.in_(list(event_ids))):
        refresh_recorded(event, via)
