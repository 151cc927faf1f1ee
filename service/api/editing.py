"""Editors' writes: PATCH/POST/DELETE events, participant merges, and each event's history.

Writes need `Authorization: Bearer <key>` (service.auth). PATCH and DELETE honour `If-Match`
with the strong ETag that GET /v1/events/{id} sends: it is computed here from the same
serialised body, so the two always agree.
"""
from flask import current_app, request
from flask_smorest import Blueprint
from werkzeug.http import generate_etag

from schemas.events import EventSchema
from schemas.writes import EventCreateSchema, EventPatchSchema, HistorySchema, MergeInSchema, MergeResultSchema

from .. import history, store
from ..auth import SECURITY_SCHEME, key_name
from ..curation import event_edits, participant_merge
from ..domain_errors import StaleVersion

blp = Blueprint("editing", __name__, description="Corrections by editors (API key needed)")

EVENT_PATH = "/v1/events/<id:event_id>"
SECURITY = [{SECURITY_SCHEME: []}]
ETAG = {"ETag": {"description": "The event's strong ETag, as GET /v1/events/{id} gives it.",
                 "schema": {"type": "string"}}}
IF_MATCH = {"in": "header", "name": "If-Match", "required": False, "schema": {"type": "string"},
            "description": "The ETag of GET /v1/events/{id}: the write is refused (412) if the event changed since."}


def write_errors(*statuses):
    """Document the errors every write can answer, plus those given."""
    def decorate(view):
        for status in (401, 413, 422, 429, *statuses):
            view = blp.alt_response(status, response=_RESPONSES[status])(view)
        return blp.doc(security=SECURITY)(view)
    return decorate


_RESPONSES = {401: "UNAUTHORIZED", 404: "NOT_FOUND", 412: "PRECONDITION_FAILED",
              413: "REQUEST_ENTITY_TOO_LARGE", 422: "UNPROCESSABLE_ENTITY", 429: "TOO_MANY_REQUESTS"}


def event_etag(payload):
    """The ETag GET /v1/events/{id} sends: http.py hashes the body flask-smorest serialises."""
    body = current_app.json.response(EventSchema().dump(payload)).get_data()
    return generate_etag(body)


def _event_reply(event_id, status=200, extra=None):
    payload = store.get_event(event_id)
    return payload, status, {"ETag": f'"{event_etag(payload)}"', **(extra or {})}


def _check_if_match(event_id):
    """412 when the client's If-Match names another version of the event."""
    if not request.if_match:
        return
    current = event_etag(store.get_event(event_id))
    if not request.if_match.contains(current):
        raise StaleVersion("The event has changed since you read it: GET it again, re-apply your change, "
                           "and send the new ETag in If-Match.")


@blp.route(EVENT_PATH, methods=["PATCH"])
@blp.arguments(EventPatchSchema)
@blp.response(200, EventSchema, headers=ETAG)
@write_errors(404, 412)
@blp.doc(parameters=[IF_MATCH])
def patch_event(data, event_id):
    """Correct an event; every field given is locked so that re-extraction never overwrites it."""
    event_edits.update_event(event_id, data, key_name(), precondition=lambda: _check_if_match(event_id))
    return _event_reply(event_id)


@blp.route("/v1/events", methods=["POST"])
@blp.arguments(EventCreateSchema)
@blp.response(201, EventSchema, headers={**ETAG, "Location": {"schema": {"type": "string"}}})
@write_errors()
def create_event(data):
    """Add an event by hand, with its evidence (sentences of stored documents, or an editor's note)."""
    event = event_edits.create_event(data, key_name())
    return _event_reply(event.id, 201, {"Location": f"/v1/events/{event.id}"})


@blp.route(EVENT_PATH, methods=["DELETE"])
@blp.response(204)
@write_errors(404, 412)
@blp.doc(parameters=[IF_MATCH])
def delete_event(event_id):
    """Delete an event; its history stays readable."""
    event_edits.delete_event(event_id, key_name(), precondition=lambda: _check_if_match(event_id))
    return "", 204


@blp.route(EVENT_PATH + "/history")
@blp.response(200, HistorySchema)
@blp.alt_response(404, response="NOT_FOUND")
def event_history(event_id):
    """Every change to the event, oldest first: what, which API key (or the loader), when."""
    return history.of_event(event_id)


@blp.route("/v1/participants/<id:actor_id>/merge", methods=["POST"])
@blp.arguments(MergeInSchema)
@blp.response(200, MergeResultSchema)
@write_errors(404)
def merge_participant(data, actor_id):
    """Fold a duplicate participant into this one: its aliases and event links move here."""
    target, aliases, merged, events = participant_merge.merge_actors(actor_id, data["duplicate"], key_name())
    return {"participant": target, "aliases": aliases, "merged": merged, "events": events}
