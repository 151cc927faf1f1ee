"""Writes: event corrections, events added by hand, participant merges, articles over HTTP, history."""
import re

from marshmallow import Schema, ValidationError, fields, validate, validates_schema

from .catalog import DocumentDetailSchema, ParticipantSchema
from .common import CHANNELS, DATE_PRECISIONS, ID_MAX, StrictSchema, Text, _no_nul, no_nul_metadata
from .common import DateTime as DateTimeString

DIGITS = re.compile(r"[0-9]{1,10}")
# the service's default article limit (TIMELINE_MAX_ARTICLE_BYTES, in UTF-8 bytes): a text of this many
# characters may still be refused with 413 when it has non-ASCII characters or the limit is set lower
ARTICLE_MAX_CHARS = 100 * 1024


class IdOrSlug(fields.Field):
    """A participant named by its id (a number, or digits in a string) or its slug."""

    def __init__(self, **kwargs):
        metadata = {
            "oneOf": [
                {"type": "integer", "minimum": 1, "maximum": ID_MAX},
                # a slug: not blank, no NUL
                {"type": "string", "minLength": 1, "maxLength": 255,
                 "pattern": "^[^\\u0000]*[^\\s\\u0000][^\\u0000]*$"},
            ],
            "description": "Participant id or slug.",
        }
        super().__init__(metadata=metadata, **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, str) and DIGITS.fullmatch(value.strip()):
            value = int(value)
        if isinstance(value, int) and not isinstance(value, bool):
            if not 1 <= value <= ID_MAX:
                raise ValidationError("Not a participant id.")
            return value
        if isinstance(value, str) and 1 <= len(value.strip()) <= 255:
            _no_nul(value)
            return value.strip()
        raise ValidationError("Must be a participant id or slug.")


class LocationInSchema(StrictSchema):
    name = Text(required=True)
    country = fields.String(
        load_default=None,
        allow_none=True,
        validate=validate.Regexp(r"^[A-Z]{2}$"),
        metadata={"description": "ISO 3166-1 alpha-2 code, upper case."},
    )


class ParticipantRefSchema(StrictSchema):
    participant = IdOrSlug(required=True)
    title = Text(load_default=None, allow_none=True, metadata={"description": "Title held in this event."})


def _unique_participants(refs):
    seen = [ref["participant"] for ref in refs]
    if len(seen) != len(set(seen)):
        raise ValidationError("A participant is listed twice.")


class EventFieldsSchema(StrictSchema):
    """The fields an editor may set; each one set is locked against re-extraction."""

    title = Text(max_length=1000)
    summary = fields.String(allow_none=True, validate=[validate.Length(max=10000), _no_nul],
                            metadata=no_nul_metadata())
    date = fields.Date(allow_none=True, metadata={"description": "YYYY-MM-DD; null: undated."})
    date_precision = fields.String(
        allow_none=True,
        validate=validate.OneOf(DATE_PRECISIONS),
        metadata={"description": "Defaults to `day` when a date is given."},
    )
    channel = fields.String(validate=validate.OneOf(CHANNELS))
    location = fields.Nested(LocationInSchema, allow_none=True)
    topics = fields.List(Text(max_length=64), validate=validate.Length(max=50),
                         metadata={"description": "Topic slugs (see /v1/topics)."})
    participants = fields.List(
        fields.Nested(ParticipantRefSchema),
        validate=[validate.Length(1, 50), _unique_participants],
        metadata={"description": "Existing participants by id or slug, in order."},
    )

    @validates_schema
    def _date_and_precision(self, data, **kwargs):
        if data.get("date_precision") and "date" in data and data["date"] is None:
            raise ValidationError("An undated event has no date precision.", "date_precision")
        if "date_precision" in data and data["date_precision"] is None and data.get("date"):
            raise ValidationError("A dated event needs a precision.", "date_precision")


class EventPatchSchema(EventFieldsSchema):
    @validates_schema
    def _not_empty(self, data, **kwargs):
        if not data:
            raise ValidationError("Give at least one field to change.")


class EvidenceInSchema(StrictSchema):
    sentence = Text(max_length=5000, required=True,
                    metadata={"description": "The sentence that reports the event."})
    document = Text(
        load_default=None,
        allow_none=True,
        metadata={"description": "Key of a stored document containing the sentence; "
                  "without it the sentence is kept as an editor's note (a document of its own)."},
    )
    date_text = Text(load_default=None, allow_none=True, metadata={"description": "Raw date expression."})


class EventCreateSchema(EventFieldsSchema):
    title = Text(max_length=1000, required=True)
    channel = fields.String(required=True, validate=validate.OneOf(CHANNELS))
    participants = fields.List(
        fields.Nested(ParticipantRefSchema),
        required=True,
        validate=[validate.Length(1, 50), _unique_participants],
        metadata={"description": "Existing participants by id or slug, in order."},
    )
    evidence = fields.List(fields.Nested(EvidenceInSchema), required=True, validate=validate.Length(1, 20))


class MergeInSchema(StrictSchema):
    duplicate = IdOrSlug(required=True)


class MergeResultSchema(Schema):
    participant = fields.Nested(ParticipantSchema, required=True, metadata={"description": "The one kept."})
    aliases = fields.List(fields.String(), required=True)
    merged = fields.Integer(required=True, metadata={"description": "Id of the duplicate, now gone."})
    events = fields.List(fields.Integer(), required=True, metadata={"description": "Events moved over."})


class DocumentInSchema(StrictSchema):
    text = fields.String(required=True, validate=[validate.Length(min=1), _no_nul], metadata=no_nul_metadata({
        "description": "The article: at least three words of two or more letters (else 422), at most "
                       f"{ARTICLE_MAX_CHARS} bytes of UTF-8 (the default TIMELINE_MAX_ARTICLE_BYTES; over it: 413)."}))
    key = Text(metadata={"description": "Client id, unique; default: derived from the text."})
    title = Text(max_length=1000, allow_none=True)
    url = fields.String(allow_none=True, validate=[validate.URL(schemes={"http", "https"}),
                                                   validate.Length(1, 2000)],
                        metadata={"description": "An absolute http(s) URL.", "format": "uri"})
    publisher = Text(allow_none=True)
    published = fields.Date(allow_none=True, metadata={"description": "Wins over a date found in the text."})


class IngestResultSchema(Schema):
    status = fields.String(required=True, validate=validate.OneOf(("created", "replaced", "unchanged")))
    document = fields.Nested(DocumentDetailSchema, required=True)
    events_created = fields.List(fields.Integer(), required=True)
    events_merged = fields.List(fields.Integer(), required=True)


class ChangeSchema(Schema):
    id = fields.Integer(required=True)
    action = fields.String(required=True, metadata={"description": "create, update, delete or merge."})
    key = fields.String(required=True, metadata={"description": "Name of the API key, or `loader`."})
    at = DateTimeString(required=True)
    changes = fields.Dict(required=True, metadata={"description": "Field -> {from, to}, or what was merged."})


class HistorySchema(Schema):
    event_id = fields.Integer(required=True)
    data = fields.List(fields.Nested(ChangeSchema), required=True)

