"""Which stored event a report describes: the same people, the same channel, compatible dates.

An undated side merges only when exactly one event fits (see find_match).
"""
import datetime as dt

from .. import periods
from ..models import Event, EventActor, Mention


def _actor_sets(event_ids):
    sets = {}
    for link in EventActor.select(EventActor.event, EventActor.actor).where(EventActor.event.in_(event_ids)):
        sets.setdefault(link.event_id, set()).add(link.actor_id)
    return sets


# an undated report is news of the days before its publication, not of months before
UNDATED_REPORT_WINDOW = dt.timedelta(days=31)


def _could_report(event, published):
    """Whether an undated report published on `published` can be about the dated `event`."""
    if published is None or event.date is None:
        return True
    start = event.date
    return start <= published and published - start <= UNDATED_REPORT_WINDOW + dt.timedelta(
        days=30 if event.date_precision == "month" else 0)


def find_match(report, actor_ids, document_id, published=None):
    """The stored event this report describes, or None.

    Same people (equal sets, or one inside the other sharing two or more), the same channel,
    and compatible dates. An undated side merges only when exactly one event fits, so an
    undated report never picks between two dated events of the same people; and an undated
    report of a dated article only with an event of the month before its publication.
    """
    actor_ids = set(actor_ids)
    if not actor_ids:
        return None
    candidates = list(
        Event.select()
        .join(EventActor)
        .where(EventActor.actor.in_(list(actor_ids)))
        .where(Event.channel == report.channel)
        .where(~Event.id.in_(Mention.select(Mention.event).where(Mention.document == document_id)))
        .distinct()
    )
    if not candidates:
        return None
    sets = _actor_sets([e.id for e in candidates])
    strong, weak = [], []
    for event in candidates:
        theirs = sets.get(event.id, set())
        shared = theirs & actor_ids
        if not (theirs == actor_ids or ((theirs <= actor_ids or actor_ids <= theirs) and len(shared) >= 2)):
            continue
        if event.date and report.date:
            if periods.same_period(event.date, event.date_precision, report.date, report.date_precision):
                strong.append(event)
        elif report.date or _could_report(event, published):
            weak.append(event)
    if strong:
        return strong[0]
    return weak[0] if len(weak) == 1 else None
