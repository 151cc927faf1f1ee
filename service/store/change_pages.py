"""Reading the change feed: pages after a seq, the /v1/events filters, the retention horizon.

Filters (a dict from schemas.changes.ChangeFilterSchema): ``participant`` (ids or slugs, all),
``country`` (any participant), ``channel`` (any), ``topic`` (all), ``date_from``/``date_to``
(inclusive; an undated event does not match a date bound) restrict *event* changes to events
that matched before or after the change; ``kind`` (any of event, document, participant)
restricts every change.
"""
import datetime as dt
import json

from peewee import fn

from ..models import Change, ChangeHorizon

# a filtered page reads at most this many changes per wanted entry before it answers with
# what it found (and a `next` past what it read): a narrow filter cannot make one request scan
# the whole feed
SCAN_FACTOR = 20


class SinceTooOld(ValueError):
    """The feed no longer holds the changes after this seq: they were pruned."""

    def __init__(self, since, oldest):
        super().__init__(since, oldest)
        self.since, self.oldest = since, oldest


def pruned_through():
    row = ChangeHorizon.select(ChangeHorizon.pruned_through).first()
    return row.pruned_through if row else 0


def latest_seq():
    return Change.select(fn.MAX(Change.seq)).scalar() or 0


def _facet_match(filters, facets):
    if facets is None:
        return False
    people = facets["participants"]
    for ref in filters.get("participant") or []:
        ref = str(ref).lower()
        if not any(ref == str(actor_id) or ref == slug for actor_id, slug, _ in people):
            return False
    country = filters.get("country")
    if country and not any(c == country.upper() for _, _, c in people):
        return False
    if filters.get("channel") and facets["channel"] not in filters["channel"]:
        return False
    if not set(filters.get("topic") or []) <= set(facets["topics"]):
        return False
    low, high = filters.get("date_from"), filters.get("date_to")
    if low or high:
        if not facets["date"]:
            return False
        date = dt.date.fromisoformat(facets["date"])
        if (low and date < low) or (high and date > high):
            return False
    return True


EVENT_FILTERS = ("participant", "country", "channel", "topic", "date_from", "date_to")


def matches(filters, change):
    """Whether a Change passes the filters: event changes match before or after the change."""
    if filters.get("kind") and change.kind not in filters["kind"]:
        return False
    if change.kind != "event" or not any(filters.get(name) for name in EVENT_FILTERS):
        return True
    before = json.loads(change.before) if change.before else None
    after = json.loads(change.after) if change.after else None
    return _facet_match(filters, before) or _facet_match(filters, after)


def entry(change):
    """The API shape of one change."""
    return {
        "seq": change.seq,
        "kind": change.kind,
        "id": change.object_id,
        "action": change.action,
        "via": change.via,
        "time": change.at.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "survivor": change.survivor,
        "deleted": change.action in ("deleted", "merged"),
    }


def check_since(since):
    """Raise SinceTooOld when changes after `since` may have been pruned."""
    oldest = pruned_through()
    if since < oldest:
        raise SinceTooOld(since, oldest)


def changes_after(since, limit, filters=None):
    """(matching Change rows, the seq to resume from, whether more changes are waiting now)."""
    filters = filters or {}
    check_since(since)
    scan = limit * SCAN_FACTOR if any(filters.values()) else limit
    rows = list(
        Change
        .select()
        .where(Change.seq > since)
        .order_by(Change.seq)
        .limit(scan + 1)
    )
    found, position = [], since
    for row in rows[:scan]:
        if matches(filters, row):
            found.append(row)
        position = row.seq
        if len(found) == limit:
            break
    more = len(rows) > scan or (len(found) == limit and position != rows[-1].seq)
    return found, position, more


def changes_page(since, limit, filters=None):
    """(entries, next, more): a page of the feed as the API shows it."""
    rows, position, more = changes_after(since, limit, filters)
    return [entry(row) for row in rows], position, more
