"""GET /v1/events and /v1/events/{id}."""
from flask import request
from flask_smorest import Blueprint
from marshmallow import RAISE

from schemas.events import EventListArgsSchema, EventSchema

from .. import jsonbody, store
from ..exports import export_response
from .paging import LINK, cursor_errors, found, page_limit, paged, single

blp = Blueprint("events", __name__, url_prefix="/v1/events", description="Diplomatic events with their evidence")

PAGE_ARGS = ("limit", "cursor", "sort", "format")
TEXT = {"schema": {"type": "string"}}
# the JSON page, or (format=timelinejs) a TimelineJS document; the other formats are text
EXPORT_CONTENT = {
    "application/json": {"schema": {"anyOf": [
        {"$ref": "#/components/schemas/EventPage"},
        {"type": "object", "required": ["events"], "description": "TimelineJS JSON (format=timelinejs)"},
    ]}},
    "text/csv": TEXT,
    "application/x-ndjson": TEXT,
    "text/calendar": TEXT,
    "application/atom+xml": TEXT,
}
# Accept header -> format, for clients that negotiate instead of passing ?format=
MEDIA_TYPES = {
    "text/csv": "csv",
    "application/x-ndjson": "ndjson",
    "text/calendar": "ics",
    "application/atom+xml": "atom",
}


def _requested_format(args):
    if "format" in request.args:
        return args["format"]
    best = request.accept_mimetypes.best_match(["application/json", *MEDIA_TYPES])
    return MEDIA_TYPES.get(best, "json")


@blp.route("")
@blp.arguments(EventListArgsSchema(), location="query", unknown=RAISE)  # an instance: not built per request
@blp.response(200, headers=LINK, description="A page of events (JSON), or an export in another format")
@blp.doc(responses={200: {"content": EXPORT_CONTENT}})
@blp.alt_response(400, response="BAD_REQUEST", description="A cursor this listing did not issue")
def list_events(args):
    """Events matching every filter given, a page at a time (or every one, exported)."""
    fmt = _requested_format(args)
    filters = {key: value for key, value in args.items() if key not in PAGE_ARGS}
    filters["sort"] = args["sort"]
    if fmt != "json":  # csv, ndjson, ics, timelinejs, atom: streamed by service.exports
        return export_response(fmt, filters)
    with cursor_errors():
        data, next_cursor = store.events_page(filters, page_limit(args), args.get("cursor"))
    # the store's dicts are the documented shape already (tests check them against EventPageSchema)
    return jsonbody.response(*paged(data, next_cursor))


@blp.route("/<id:event_id>")
@single(blp, EventSchema, not_found=True)
def get_event(event_id):
    """One event: participants, topics, sources with their evidence, conflicts."""
    return jsonbody.response(found(store.get_event(event_id), "event", event_id))
