"""GET /v1/changes: the change feed, as JSON pages or (Accept: text/event-stream) Server-Sent Events."""
from urllib.parse import urlencode

from flask import Response, current_app, request
from flask_smorest import Blueprint
from marshmallow import RAISE

from schemas.changes import SEQ_MAX, ChangeArgsSchema, ChangePageSchema

from ..errors import Problem
from ..sse import StreamSlots, stream_changes
from ..store.change_pages import SinceTooOld, changes_page, check_since, latest_seq
from .paging import page_limit

blp = Blueprint("changes", __name__, url_prefix="/v1/changes",
                description="Every change to events, documents and participants, in commit order, with tombstones")

SSE = "text/event-stream"
CONTENT = {
    "application/json": {"schema": {"$ref": "#/components/schemas/ChangePage"}},
    SSE: {"schema": {"type": "string", "description": (
        "Server-Sent Events: `id: <seq>`, `event: change`, `data: <FeedChange as JSON>` per change; "
        "comments as heartbeats (with an `id:` of how far the stream has read); `event: end` "
        "when the connection's time is up. Resume with `Last-Event-ID`.")}},
}
LAST_EVENT_ID = {"in": "header", "name": "Last-Event-ID", "required": False, "schema": {"type": "integer"},
                 "description": "SSE: resume after this seq (what EventSource sends when it reconnects)."}
LINK = {"Link": {"description": 'More changes are waiting: <url>; rel="next"', "schema": {"type": "string"}}}


def _too_old(exc):
    return Problem(
        410, "Gone",
        f"The feed no longer holds the changes after seq {exc.since}: changes are kept "
        f"{current_app.config['CHANGES_RETENTION_DAYS']} days, and the oldest `since` still accepted is "
        f"{exc.oldest}. Re-read what you need (e.g. /v1/events), then follow from seq {latest_seq()}.",
        type_="since-pruned")


def _slots():
    slots = current_app.extensions.get("sse_streams")
    if slots is None:
        slots = current_app.extensions.setdefault("sse_streams", StreamSlots(current_app.config["SSE_MAX_STREAMS"]))
    return slots


def _since(args):
    header = request.headers.get("Last-Event-ID")
    if header is None:
        return args["since"]
    if not header.strip().isdigit() or int(header) > SEQ_MAX:
        raise Problem(400, "Bad Request", "Last-Event-ID must be a change seq (a non-negative integer).",
                      type_="bad-last-event-id")
    return int(header)


@blp.route("")
@blp.arguments(ChangeArgsSchema, location="query", unknown=RAISE)
@blp.response(200, headers=LINK, description="A page of changes, or a Server-Sent Events stream of them")
@blp.doc(responses={200: {"content": CONTENT}}, parameters=[LAST_EVENT_ID])
@blp.alt_response(400, response="BAD_REQUEST", description="A bad Last-Event-ID")
@blp.alt_response(410, response="GONE", description="`since` is older than the changes the feed still holds")
@blp.alt_response(503, response="SERVICE_UNAVAILABLE", description="SSE: every event stream of the server is taken")
def list_changes(args):
    """Changes after `since`, oldest first: created, updated, merged (with the survivor) and deleted."""
    since = _since(args)
    filters = {k: v for k, v in args.items() if k not in ("since", "limit")}
    try:
        if request.accept_mimetypes.best_match(["application/json", SSE]) == SSE:
            check_since(since)  # a 410 before the stream starts, not inside it
            body = _slots().open(stream_changes(since, filters, dict(current_app.config)))
            if body is None:
                raise Problem(503, "Service Unavailable", "Every event stream of this server is taken: retry "
                              "later, or follow the feed with GET /v1/changes?since=…", type_="streams-busy",
                              headers={"Retry-After": "30"})
            return Response(body, mimetype=SSE, headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})
        data, position, more = changes_page(since, page_limit(args), filters)
    except SinceTooOld as exc:
        raise _too_old(exc) from None
    headers = {}
    if more:
        params = request.args.copy()
        params.setlist("since", [str(position)])
        headers["Link"] = f'<{request.base_url}?{urlencode(list(params.items(multi=True)))}>; rel="next"'
    return ChangePageSchema().dump({"data": data, "next": position, "more": more}), 200, headers

