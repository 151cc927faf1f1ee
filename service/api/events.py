"""/v1/events: the listing (and its exports), one event, editors' corrections, each event's history.

Writes need `Authorization: Bearer <key>` (service.auth). PATCH and DELETE honour `If-Match` with
the strong ETag GET sends: both come from `_event_etag`, over the very bytes GET answers.
"""
from flask import request
from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import RAISE
from werkzeug.http import generate_etag

from schemas.events import EventListArgsSchema, EventSchema
from schemas.writes import EventCreateSchema, EventPatchSchema, HistorySchema

from .. import history, jsonbody, store
from ..auth import key_name
from ..curation import event_edits
from ..domain_errors import StaleVersion
from ..exports import export_response
from .paging import LINK, cursor_errors, found, page_limit, paged, single
from .writes import write_errors

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
ETAG = {"ETag": {"description": "The event's strong ETag, as GET /v1/events/{id} gives it.",
                 "schema": {"type": "string"}}}
IF_MATCH = {"in": "header", "name": "If-Match", "required": False, "schema": {"type": "string"},
            "description": "The ETag of GET /v1/events/{id}: the write is refused (412) if the event changed since."}


def _requested_format(args):
    if "format" in request.args:
        return args["format"]
    best = request.accept_mimetypes.best_match(["application/json", *MEDIA_TYPES])
    return MEDIA_TYPES.get(best, "json")


def _event_etag(payload):
    """The strong ETag of an event's body: what http.py computes over GET's answer (the same bytes)."""
    return generate_etag(jsonbody.dumps(payload))


def _event_response(event_id, status=200, headers=None):
    """The event as GET shows it, with its ETag (a write answers the same body and tag as a GET after it)."""
    payload = found(store.get_event(event_id), "event", event_id)
    return jsonbody.response(payload, status, {"ETag": f'"{_event_etag(payload)}"', **(headers or {})})


def _check_if_match(event_id):
    """412 when the client's If-Match names another version of the event (run once the event is locked)."""
    if request.if_match and not request.if_match.contains(_event_etag(store.get_event(event_id))):
        raise StaleVersion("The event has changed since you read it: GET it again, re-apply your change, "
                           "and send the new ETag in If-Match.")


@blp.route("")
class Events(MethodView):
    @blp.arguments(EventListArgsSchema(), location="query", unknown=RAISE)  # an instance: not built per request
    @blp.response(200, headers=LINK, description="A page of events (JSON), or an export in another format")
    @blp.doc(responses={200: {"content": EXPORT_CONTENT}})
    @blp.alt_response(400, response="BAD_REQUEST", description="A cursor this listing did not issue")
    def get(self, args):
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

    @blp.arguments(EventCreateSchema)
    @blp.response(201, EventSchema, headers={**ETAG, "Location": {"schema": {"type": "string"}}})
    @write_errors(blp)
    def post(self, data):
        """Add an event by hand, with its evidence (sentences of stored documents, or an editor's note)."""
        event = event_edits.create_event(data, key_name())
        return _event_response(event.id, 201, {"Location": f"/v1/events/{event.id}"})


@blp.route("/<id:event_id>")
class EventById(MethodView):
    @single(blp, EventSchema, not_found=True)
    def get(self, event_id):
        """One event: participants, topics, sources with their evidence, conflicts."""
        return _event_response(event_id)

    @blp.arguments(EventPatchSchema)
    @blp.response(200, EventSchema, headers=ETAG)
    @write_errors(blp, 404, 412)
    @blp.doc(parameters=[IF_MATCH])
    def patch(self, data, event_id):
        """Correct an event; every field given is locked so that re-extraction never overwrites it."""
        event_edits.update_event(event_id, data, key_name(), precondition=lambda: _check_if_match(event_id))
        return _event_response(event_id)

    @blp.response(204)
    @write_errors(blp, 404, 412)
    @blp.doc(parameters=[IF_MATCH])
    def delete(self, event_id):
        """Delete an event; its history stays readable."""
        event_edits.delete_event(event_id, key_name(), precondition=lambda: _check_if_match(event_id))
        return "", 204


@blp.route("/<id:event_id>/history")
@blp.response(200, HistorySchema)
@blp.alt_response(404, response="NOT_FOUND")
def event_history(event_id):
    """Every change to the event, oldest first: what, which API key (or the loader), when."""
    return history.of_event(event_id)
