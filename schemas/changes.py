"""The change feed (/v1/changes) and webhooks: filters, changes, hooks, deliveries, payloads."""
from marshmallow import Schema, fields, validate

from .common import PAGE_LIMIT_MAX, StrictSchema, Text, page_of
from .common import DateTime as DateTimeString
from .events import EventFilterSchema

KINDS = ("event", "document", "participant")
ACTIONS = ("created", "updated", "merged", "deleted")
SEQ_MAX = 2**63 - 1


class ChangeFilterSchema(EventFilterSchema):
    """The /v1/events filters that an event change can be matched on (before or after it), and kinds."""

    class Meta(EventFilterSchema.Meta):
        exclude = ("location", "document", "q", "undated")

    kind = fields.List(
        fields.String(validate=validate.OneOf(KINDS)),
        metadata={"description": "Only changes of these kinds; repeat it for several. The other filters "
                  "apply to event changes (an event that matched before or after the change)."},
    )


class ChangeArgsSchema(ChangeFilterSchema):
    since = fields.Integer(
        load_default=0,
        validate=validate.Range(0, SEQ_MAX),
        metadata={"description": "Changes after this seq (the `next` of the previous page; 0: from the start). "
                  "With SSE, a `Last-Event-ID` header wins over it."},
    )
    limit = fields.Integer(
        validate=validate.Range(1, PAGE_LIMIT_MAX),
        metadata={"description": f"Changes per page (default 50, at most {PAGE_LIMIT_MAX})."},
    )


class FeedChangeSchema(Schema):
    seq = fields.Integer(required=True, metadata={"description": "Position in the feed: increasing, in commit "
                                                  "order; a follower that saw seq N has every change before it."})
    kind = fields.String(required=True, validate=validate.OneOf(KINDS))
    id = fields.Integer(required=True, metadata={"description": "The id of the event, document or participant."})
    action = fields.String(required=True, validate=validate.OneOf(ACTIONS))
    via = fields.String(required=True, validate=validate.OneOf(("extraction", "editor")),
                        metadata={"description": "The loader (re-)extracting articles, or an editor over the API."})
    time = DateTimeString(required=True)
    survivor = fields.Integer(required=True, allow_none=True,
                              metadata={"description": "action=merged: the id that lives on."})
    deleted = fields.Boolean(required=True, metadata={"description": "A tombstone: the id is gone "
                                                      "(deleted, or merged into `survivor`)."})


class ChangePageSchema(Schema):
    data = fields.List(fields.Nested(FeedChangeSchema), required=True)
    next = fields.Integer(required=True, metadata={"description": "Pass it as `since` to go on (also when "
                                                   "`more` is false: new changes come after it)."})
    more = fields.Boolean(required=True, metadata={"description": "More changes are waiting right now."})


class WebhookInSchema(StrictSchema):
    url = fields.Url(required=True, schemes={"http", "https"}, require_tld=False,
                     validate=validate.Length(max=2000),
                     metadata={"description": "Where deliveries are POSTed: http(s); private, loopback and "
                               "link-local addresses are refused unless the service allows them."})
    description = Text(max_length=500)
    filters = fields.Nested(ChangeFilterSchema, load_default=dict,
                            metadata={"description": "Deliver only changes that pass these filters."})


class WebhookPatchSchema(StrictSchema):
    status = fields.String(required=True, validate=validate.OneOf(("active", "disabled")),
                           metadata={"description": "`active` re-enables a disabled hook (its pending deliveries go "
                                     "on, oldest first); `disabled` pauses it."})


class WebhookSchema(Schema):
    id = fields.Integer(required=True)
    url = fields.String(required=True)
    description = fields.String(required=True, allow_none=True)
    filters = fields.Dict(required=True, metadata={"description": "The filters, as given."})
    status = fields.String(required=True, validate=validate.OneOf(("active", "disabled")))
    disabled_reason = fields.String(required=True, allow_none=True)
    failing_since = DateTimeString(required=True, allow_none=True)
    owner = fields.String(required=True, metadata={"description": "The API key that created it."})
    created_at = DateTimeString(required=True)


class WebhookCreatedSchema(WebhookSchema):
    secret = fields.String(required=True, metadata={"description": "whsec_ + base64 key: verify deliveries "
                                                    "with it (Standard Webhooks). Shown only here."})


WebhookPageSchema = page_of(WebhookSchema, "WebhookPage")


class AttemptSchema(Schema):
    at = DateTimeString(required=True)
    response_status = fields.Integer(required=True, allow_none=True)
    error = fields.String(required=True, allow_none=True)
    duration_ms = fields.Integer(required=True)


class DeliverySchema(Schema):
    id = fields.Integer(required=True)
    message_id = fields.String(required=True, metadata={"description": "The `webhook-id` header: the same "
                                                        "on every retry; deduplicate on it."})
    seq = fields.Integer(required=True)
    status = fields.String(required=True, validate=validate.OneOf(("pending", "delivered")))
    attempts = fields.List(fields.Nested(AttemptSchema), required=True)
    next_attempt_at = DateTimeString(required=True, allow_none=True)
    response_status = fields.Integer(required=True, allow_none=True)
    delivered_at = DateTimeString(required=True, allow_none=True)


DeliveryPageSchema = page_of(DeliverySchema, "DeliveryPage")


class WebhookPayloadSchema(Schema):
    """The JSON body of a delivery (signed per Standard Webhooks 1.0)."""

    type = fields.String(required=True, metadata={"description": "<kind>.<action>, e.g. `event.updated`."})
    timestamp = DateTimeString(required=True, metadata={"description": "When the change was made."})
    data = fields.Nested(FeedChangeSchema, required=True)
