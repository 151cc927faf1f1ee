"""/v1/participants: the listing, one participant, their events and counterparts, and the editors'
merge of a duplicate into one (API key needed)."""
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
from schemas.writes import MergeInSchema, MergeResultSchema

from .. import jsonbody, store
from ..auth import key_name
from ..curation import participant_merge
from ..domain_errors import NotFound
from .paging import cursor_errors, listing, page_limit, paged
from .writes import write_errors

blp = Blueprint(
    "participants", __name__, url_prefix="/v1/participants", description="People and bodies taking part in events"
)
ID = "<id:actor_id>"


def _actor(actor_id):
    actor = store.get_actor(actor_id)
    if actor is None:
        raise NotFound("participant", actor_id)
    return actor


@blp.route("")
@listing(blp, ParticipantListArgsSchema, ParticipantPageSchema)
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
@listing(blp, ParticipantEventArgsSchema(), EventPageSchema, not_found=True)
def participant_events(args, actor_id):
    """The participant's events; the filters of /v1/events apply as well."""
    actor = _actor(actor_id)
    filters = {key: value for key, value in args.items() if key not in ("limit", "cursor")}
    filters["participant"] = [actor.id, *filters.get("participant", [])]
    with cursor_errors():
        data, next_cursor = store.events_page(filters, page_limit(args), args.get("cursor"))
    return jsonbody.response(*paged(data, next_cursor))


@blp.route(f"/{ID}/counterparts")
@listing(blp, PageArgsSchema, CounterpartPageSchema, not_found=True)
def counterparts(args, actor_id):
    """Who the participant dealt with: most shared events first."""
    actor = _actor(actor_id)
    with cursor_errors():
        data, next_cursor = store.counterparts_page(actor, page_limit(args), args.get("cursor"))
    return paged(data, next_cursor)


@blp.route(f"/{ID}/merge", methods=["POST"])
@blp.arguments(MergeInSchema)
@blp.response(200, MergeResultSchema)
@write_errors(blp, 404)
def merge_participant(data, actor_id):
    """Fold a duplicate participant into this one: its aliases and event links move here."""
    target, aliases, merged, events = participant_merge.merge_actors(actor_id, data["duplicate"], key_name())
    return {"participant": target, "aliases": aliases, "merged": merged, "events": events}
