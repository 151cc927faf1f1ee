"""GET /v1/participants, one participant, their events and their counterparts."""
from flask_smorest import Blueprint
from marshmallow import RAISE

from schemas.catalog import (
    CounterpartPageSchema,
    ParticipantDetailSchema,
    ParticipantListArgsSchema,
    ParticipantPageSchema,
)
from schemas.common import NoArgsSchema, PageArgsSchema
from schemas.events import EventPageSchema, ParticipantEventArgsSchema

from .. import jsonbody, store
from ..domain_errors import NotFound
from .paging import cursor_errors, page_limit, paged

blp = Blueprint(
    "participants", __name__, url_prefix="/v1/participants", description="People and bodies taking part in events"
)
ID = "<id:actor_id>"
LINK = {"Link": {"description": 'The next page: <url>; rel="next"', "schema": {"type": "string"}}}


def _actor(actor_id):
    actor = store.get_actor(actor_id)
    if actor is None:
        raise NotFound("participant", actor_id)
    return actor


@blp.route("")
@blp.arguments(ParticipantListArgsSchema, location="query", unknown=RAISE)
@blp.response(200, ParticipantPageSchema, headers=LINK)
@blp.alt_response(400, response="BAD_REQUEST", description="A cursor this listing did not issue")
def list_participants(args):
    """Participants by name; `q` matches the start of any word of a name or alias."""
    with cursor_errors():
        data, next_cursor = store.participants_page(args, page_limit(args), args.get("cursor"))
    return paged(data, next_cursor)


@blp.route(f"/{ID}")
@blp.arguments(NoArgsSchema, location="query", unknown=RAISE, as_kwargs=True)
@blp.response(200, ParticipantDetailSchema)
@blp.alt_response(404, response="NOT_FOUND")
def get_participant(actor_id):
    """One participant with aliases, event count and first/last event date."""
    return store.participant_detail(_actor(actor_id))


@blp.route(f"/{ID}/events")
@blp.arguments(ParticipantEventArgsSchema(), location="query", unknown=RAISE)
@blp.response(200, EventPageSchema, headers=LINK)
@blp.alt_response(400, response="BAD_REQUEST", description="A cursor this listing did not issue")
@blp.alt_response(404, response="NOT_FOUND")
def participant_events(args, actor_id):
    """The participant's events; the filters of /v1/events apply as well."""
    actor = _actor(actor_id)
    filters = {key: value for key, value in args.items() if key not in ("limit", "cursor")}
    filters["participant"] = [actor.id, *filters.get("participant", [])]
    with cursor_errors():
        data, next_cursor = store.events_page(filters, page_limit(args), args.get("cursor"))
    return jsonbody.response(*paged(data, next_cursor))


@blp.route(f"/{ID}/counterparts")
@blp.arguments(PageArgsSchema, location="query", unknown=RAISE)
@blp.response(200, CounterpartPageSchema, headers=LINK)
@blp.alt_response(400, response="BAD_REQUEST", description="A cursor this listing did not issue")
@blp.alt_response(404, response="NOT_FOUND")
def counterparts(args, actor_id):
    """Who the participant dealt with: most shared events first."""
    actor = _actor(actor_id)
    with cursor_errors():
        data, next_cursor = store.counterparts_page(actor, page_limit(args), args.get("cursor"))
    return paged(data, next_cursor)
