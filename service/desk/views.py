"""The desk's pages. Each reads through service.store (the API's own functions) in a fixed number
of queries, and renders a template of service/templates/desk/."""
from flask import Blueprint, abort, current_app, render_template, url_for

from schemas.desk import DESK_PAGE_SIZES, DeskPageArgsSchema, DeskTimelineArgsSchema

from .. import history, store
from ..models import CHANNELS
from . import axis, query
from .highlight import mark_spans

blp = Blueprint("desk", __name__)
TIMELINE_ARGS, PAGE_ARGS = DeskTimelineArgsSchema(), DeskPageArgsSchema()
PAGE_SIZE = 20
COUNTERPARTS_SHOWN = 50


def _limit(args):
    return min(args.get("limit") or PAGE_SIZE, current_app.config["PAGE_LIMIT_MAX"])


def _events_page(filters, args, pairs, endpoint, **values):
    """One keyset page of events and the pager's links; a bad cursor is the reader's 400."""
    try:
        events, next_cursor = store.events_page(filters, _limit(args), args.get("cursor"))
    except store.BadCursor as exc:
        abort(400, str(exc) + " Start again from the first page.")
    pages = {
        "first": query.page_url(endpoint, pairs, **values) if args.get("cursor") else None,
        "next": query.page_url(endpoint, pairs, next_cursor, **values) if next_cursor else None,
    }
    return events, pages


@blp.route("/")
def timeline():
    """The timeline: the filter form, the axis of counts by channel, a page of events."""
    pairs = query.submitted()
    args, errors = query.parse(TIMELINE_ARGS, pairs)
    context = {"pairs": pairs, "given": query.given(pairs), "channels": CHANNELS, "topics": store.topics(),
               "sizes": DESK_PAGE_SIZES, "errors": errors, "exports": query.export_links(pairs)}
    if errors:
        return render_template("desk/timeline.html", args={}, **context), 422
    filters = query.filters_of(args)
    events, pages = _events_page(filters, args, pairs, "desk.timeline")
    counts = store.channel_counts(filters, args.get("interval"))
    return render_template("desk/timeline.html", args=args, events=events, pages=pages, counts=counts,
                           chart=axis.geometry(counts), period_url=query.period_url, **context)


@blp.route("/events/<id:event_id>")
def event(event_id):
    """One event: its sources side by side, the values they disagree on, its corrections."""
    payload = store.get_event(event_id)
    if payload is None:
        abort(404, f"There is no event {event_id}.")
    return render_template("desk/event.html", event=payload, history=history.entries(event_id))


@blp.route("/participants/<id:actor_id>")
def participant(actor_id):
    """One participant: aliases, titles, events per month, counterparts, their events."""
    actor = store.get_actor(actor_id)
    if actor is None:
        abort(404, f"There is no participant {actor_id}.")
    pairs = query.submitted()
    args, errors = query.parse(PAGE_ARGS, pairs)
    if errors:
        abort(400, "The page query is not valid: " + "; ".join(f"{k}: {' '.join(v)}" for k, v in errors.items()))
    filters = {"participant": [actor.id], "sort": args["sort"]}
    events, pages = _events_page(filters, args, pairs, "desk.participant", actor_id=actor_id)
    counts = store.channel_counts({"participant": [actor.id]}, "month")
    partners, more = store.counterparts_page(actor, COUNTERPARTS_SHOWN)
    return render_template(
        "desk/participant.html", actor=store.participant_detail(actor), titles=store.participant_titles(actor.id),
        chart=axis.geometry(counts), counts=counts, counterparts=partners, more_counterparts=more,
        events=events, pages=pages, exports=query.export_links([("participant", actor.slug)]),
    )


def _spans(document_id, events):
    """(start, end, event id) of every evidence sentence the document gives its events."""
    return [
        (evidence["start"], evidence["end"], event["id"])
        for event in events
        for source in event["sources"] if source["document_id"] == document_id
        for evidence in source["evidence"]
    ]


@blp.route("/documents/<id:document_id>")
def document(document_id):
    """One article with every evidence span marked and linked to its event."""
    detail = store.document_detail(document_id)
    if detail is None:
        abort(404, f"There is no document {document_id}.")
    spans = _spans(document_id, detail["events"])
    text = mark_spans(store.document_text(document_id) or "", spans,
                      lambda event_id: url_for("desk.event", event_id=event_id))
    return render_template("desk/document.html", document=detail, text=text, span_count=len(spans),
                           exports=query.export_links([("document", str(document_id))]))
