"""Events: the filters of /v1/events and /v1/timeline, and the event object."""
from marshmallow import Schema, fields, validate

from .common import CHANNELS, DATE_PRECISIONS, PageArgsSchema, StrictSchema, Text, page_of
from .common import Date as DateString
from .common import DateTime as DateTimeString

FORMATS = ("json", "csv", "ndjson", "ics", "timelinejs", "atom")
# repeated filters are capped so that the longest valid query stays a bounded request line
# (service.serving raises gunicorn's request-line limit to fit it)
MAX_REPEATS = 10
INTERVALS = ("day", "week", "month", "year")


class EventFilterSchema(StrictSchema):
    """The filters shared by /v1/events, /v1/timeline and participant events.

    Loads to the filter dict that service.store.filter_events takes.
    """

    date_from = fields.Date(data_key="from", metadata={"description": "Events on or after this date."})
    date_to = fields.Date(data_key="to", metadata={"description": "Events on or before this date."})
    participant = fields.List(
        Text(),
        validate=validate.Length(max=MAX_REPEATS),
        metadata={"description": "Participant id or slug; repeat it (at most 10 times): every one given must "
                  "take part."},
    )
    country = fields.String(
        validate=validate.Regexp(r"^[A-Za-z]{2}$"),
        metadata={"description": "ISO 3166-1 alpha-2 code of any participant."},
    )
    channel = fields.List(
        fields.String(validate=validate.OneOf(CHANNELS)),
        validate=validate.Length(max=len(CHANNELS)),
        metadata={"description": "Channel; repeat it for any of several."},
    )
    topic = fields.List(
        Text(max_length=64),
        validate=validate.Length(max=MAX_REPEATS),
        metadata={"description": "Topic slug; repeat it (at most 10 times): every one given must be a topic "
                  "of the event."},
    )
    location = Text(metadata={"description": "Location name (case-insensitive, whole name)."})
    document = Text(metadata={"description": "Id or key of a document that reports the event."})
    q = Text(
        max_length=500,
        metadata={
            "description": "Full text over title, summary and evidence; every word must appear. "
            "Any text is safe: punctuation only separates words."
        },
    )
    undated = fields.String(
        validate=validate.OneOf(("include", "exclude", "only")),
        metadata={
            "description": "Events without a date: `include` (the default without `from`/`to`, "
            "listed after dated events), `exclude` (the default with `from` or `to`), or `only`."
        },
    )


class EventListArgsSchema(EventFilterSchema, PageArgsSchema):
    sort = fields.String(
        load_default="date",
        validate=validate.OneOf(("date", "-date")),
        metadata={"description": "`date` (oldest first) or `-date` (newest first); undated events last."},
    )
    format = fields.String(
        load_default="json",
        validate=validate.OneOf(FORMATS),
        metadata={"description": "Response format; anything but json is an export of every matching event."},
    )
    group = fields.String(
        validate=validate.OneOf(("channel", "topic")),
        metadata={"description": "format=timelinejs only: group the events by channel (default) or topic."},
    )


class ParticipantEventArgsSchema(EventFilterSchema, PageArgsSchema):
    sort = fields.String(load_default="date", validate=validate.OneOf(("date", "-date")))


class TimelineArgsSchema(EventFilterSchema):
    interval = fields.String(
        load_default="month",
        validate=validate.OneOf(INTERVALS),
        metadata={"description": "Bucket size; weeks start on Monday."},
    )


class LocationSchema(Schema):
    name = fields.String(required=True)
    country = fields.String(required=True, allow_none=True)


class EventParticipantSchema(Schema):
    id = fields.Integer(required=True)
    slug = fields.String(required=True)
    name = fields.String(required=True)
    country = fields.String(required=True, allow_none=True)
    title = fields.String(
        required=True, allow_none=True, metadata={"description": "The title held in the report."}
    )


class TopicRefSchema(Schema):
    slug = fields.String(required=True)
    label = fields.String(required=True)


class EvidenceSchema(Schema):
    sentence = fields.String(required=True)
    start = fields.Integer(required=True, metadata={"description": "Character offset in the document text."})
    end = fields.Integer(required=True)
    date_text = fields.String(required=True, allow_none=True, metadata={"description": "Raw date expression."})


class SourceSchema(Schema):
    document = fields.String(required=True, metadata={"description": "The document's key."})
    document_id = fields.Integer(required=True)
    title = fields.String(required=True, allow_none=True)
    publisher = fields.String(required=True, allow_none=True)
    url = fields.String(required=True, allow_none=True)
    published = DateString(required=True, allow_none=True)
    evidence = fields.List(fields.Nested(EvidenceSchema), required=True)


class ConflictValueSchema(Schema):
    value = fields.String(required=True, metadata={"description": "What these sources say (a date is ISO 8601)."})
    documents = fields.List(fields.String(), required=True, metadata={"description": "The keys of the documents."})


class ConflictSchema(Schema):
    field = fields.String(required=True, validate=validate.OneOf(("date", "channel", "location")))
    values = fields.List(fields.Nested(ConflictValueSchema), required=True,
                         metadata={"description": "Each value the sources give, with the documents giving it."})


class EventSchema(Schema):
    id = fields.Integer(required=True)
    title = fields.String(required=True)
    summary = fields.String(required=True, allow_none=True)
    date = DateString(required=True, allow_none=True)
    date_precision = fields.String(
        required=True, allow_none=True, validate=validate.OneOf(DATE_PRECISIONS)
    )
    date_basis = fields.String(required=True, metadata={"description": "How the date was found."})
    channel = fields.String(required=True, validate=validate.OneOf(CHANNELS))
    location = fields.Nested(LocationSchema, required=True, allow_none=True)
    confidence = fields.Float(required=True)
    participants = fields.List(fields.Nested(EventParticipantSchema), required=True)
    topics = fields.List(fields.Nested(TopicRefSchema), required=True)
    sources = fields.List(fields.Nested(SourceSchema), required=True)
    conflicts = fields.List(
        fields.Nested(ConflictSchema), required=True, metadata={"description": "Where sources disagree."})
    created_at = DateTimeString(required=True)
    updated_at = DateTimeString(required=True)


EventPageSchema = page_of(EventSchema, "EventPage")


class BucketSchema(Schema):
    start = DateString(required=True, metadata={"description": "First day of the bucket."})
    count = fields.Integer(required=True)
    events = fields.List(fields.Integer(), required=True, metadata={"description": "Event ids, by date."})


class UndatedBucketSchema(Schema):
    count = fields.Integer(required=True)
    events = fields.List(fields.Integer(), required=True)


class TimelineSchema(Schema):
    interval = fields.String(required=True, validate=validate.OneOf(INTERVALS))
    buckets = fields.List(
        fields.Nested(BucketSchema),
        required=True,
        metadata={"description": "Non-empty buckets in date order; an event dated only to a month "
                  "or year falls in the bucket of its first day."},
    )
    undated = fields.Nested(
        UndatedBucketSchema,
        required=True,
        allow_none=True,
        metadata={"description": "Events without a date; null when `undated=exclude`."},
    )
