"""/v1/webhooks: register, list, read and delete hooks, and list a hook's deliveries (API key needed)."""
from flask import current_app
from flask.views import MethodView
from flask_smorest import Blueprint
from marshmallow import RAISE

from schemas.changes import (
    DeliveryPageSchema,
    WebhookCreatedSchema,
    WebhookInSchema,
    WebhookPageSchema,
    WebhookPatchSchema,
    WebhookSchema,
)
from schemas.common import NoArgsSchema, PageArgsSchema

from ..auth import authenticate, key_name
from ..delivery import hooks
from .paging import cursor_errors, page_limit, paged
from .writes import key_needed

blp = Blueprint("webhooks", __name__, url_prefix="/v1/webhooks", description=(
    "Signed HTTP callbacks for the changes of the feed (API key needed). Each delivery is a POST of a "
    "WebhookPayload with the Standard Webhooks 1.0 headers `webhook-id` (the same on every retry: "
    "deduplicate on it), `webhook-timestamp` (unix seconds; refuse ones over 5 minutes old) and "
    "`webhook-signature` (`v1,` + base64 HMAC-SHA256 of `<id>.<timestamp>.<body>` keyed by the "
    "base64-decoded part of the `whsec_` secret). Answer 2xx: anything else is retried with "
    "exponential backoff and jitter, in seq order per hook; a hook failing for too long is disabled."))
HOOK_PATH = "/<id:hook_id>"


@blp.record_once
def _check_networks(state):
    """A bad TIMELINE_WEBHOOK_ALLOWED_NETWORKS stops the service at start, not at the first POST."""
    try:
        hooks.allowed_networks(state.app.config["WEBHOOK_ALLOWED_NETWORKS"])
    except ValueError as exc:
        raise SystemExit(f"configuration: TIMELINE_WEBHOOK_ALLOWED_NETWORKS is not valid ({exc})") from None


def _reader():
    """Hooks carry secrets and private URLs: reading them needs a key too, whatever READS_REQUIRE_KEY says."""
    authenticate()


@blp.route("")
class Webhooks(MethodView):
    @blp.arguments(PageArgsSchema, location="query", unknown=RAISE)
    @blp.response(200, WebhookPageSchema)
    @key_needed(blp)
    def get(self, args):
        """Every hook (never its secret), oldest first."""
        _reader()
        with cursor_errors():
            data, next_cursor = hooks.hooks_page(page_limit(args), args.get("cursor"))
        return paged(data, next_cursor)

    @blp.arguments(WebhookInSchema)
    @blp.response(201, WebhookCreatedSchema, headers={"Location": {"schema": {"type": "string"}}})
    @key_needed(blp, 422)
    def post(self, data):
        """Register a hook; the answer holds its secret, shown only this once."""
        hook = hooks.create_hook(data, key_name(), hooks.allowed_networks(
            current_app.config["WEBHOOK_ALLOWED_NETWORKS"]))
        return hook, 201, {"Location": f"/v1/webhooks/{hook['id']}"}


@blp.route(HOOK_PATH)
class WebhookById(MethodView):
    @blp.arguments(NoArgsSchema, location="query", unknown=RAISE, as_kwargs=True)
    @blp.response(200, WebhookSchema)
    @key_needed(blp, 404)
    def get(self, hook_id):
        """One hook: its filters, and whether it is active or was disabled (and why)."""
        _reader()
        return hooks.hook_payload(hooks.get_hook(hook_id))

    @blp.arguments(WebhookPatchSchema)
    @blp.response(200, WebhookSchema)
    @key_needed(blp, 404, 422)
    def patch(self, data, hook_id):
        """Re-enable a disabled hook (`{"status": "active"}`), or pause one."""
        return hooks.set_status(hook_id, data["status"])

    @blp.response(204)
    @key_needed(blp, 404)
    def delete(self, hook_id):
        """Delete a hook and its pending deliveries."""
        hooks.delete_hook(hook_id)
        return "", 204


@blp.route(HOOK_PATH + "/deliveries")
@blp.arguments(PageArgsSchema, location="query", unknown=RAISE)
@blp.response(200, DeliveryPageSchema)
@key_needed(blp, 404)
def list_deliveries(args, hook_id):
    """The hook's deliveries, newest first, each with every attempt's response status or error."""
    _reader()
    with cursor_errors():
        data, next_cursor = hooks.deliveries_page(hook_id, page_limit(args), args.get("cursor"))
    return paged(data, next_cursor)
