"""Participants, topics, channels and documents."""
from marshmallow import Schema, fields, validate

from .common import Date as DateString
from .common import DateTime as DateTimeString
from .common import PageArgsSchema, Text, page_of
from .events import EventSchema


class ParticipantListArgsSchema(PageArgsSchema):
    q = Text(
        metadata={"description": "Prefix of any word of a name or alias, case- and accent-insensitive."}
    )
    country = fields.String(
        validate=validate.Regexp(r"^[A-Za-z]{2}$"), metadata={"description": "ISO 3166-1 alpha-2 code."}
    )


class ParticipantSchema(Schema):
    id = fields.Integer(required=True)
    slug = fields.String(required=True)
    name = fields.String(required=True)
    kind = fields.String(required=True, validate=validate.OneOf(("person", "organization", "state")))
    country = fields.String(required=True, allow_none=True)


ParticipantPageSchema = page_of(ParticipantSchema, "ParticipantPage")


class ParticipantDetailSchema(ParticipantSchema):
    aliases = fields.List(fields.String(), required=True)
    event_count = fields.Integer(required=True)
    first_date = DateString(required=True, allow_none=True, metadata={"description": "Earliest event date."})
    last_date = DateString(required=True, allow_none=True, metadata={"description": "Latest event date."})


class CounterpartSchema(Schema):
    participant = fields.Nested(ParticipantSchema, required=True)
    event_count = fields.Integer(required=True, metadata={"description": "Events they took part in together."})
    last_date = DateString(required=True, allow_none=True, metadata={"description": "Latest such event."})


CounterpartPageSchema = page_of(CounterpartSchema, "CounterpartPage")


class TopicSchema(Schema):
    slug = fields.String(required=True)
    label = fields.String(required=True)
    iptc_code = fields.String(required=True, allow_none=True, metadata={"description": "IPTC Media Topic."})
    event_count = fields.Integer(required=True)


class TopicListSchema(Schema):
    data = fields.List(fields.Nested(TopicSchema), required=True)


class ChannelSchema(Schema):
    name = fields.String(required=True)
    description = fields.String(required=True)
    event_count = fields.Integer(required=True)


class ChannelListSchema(Schema):
    data = fields.List(fields.Nested(ChannelSchema), required=True)


class DocumentSchema(Schema):
    id = fields.Integer(required=True)
    key = fields.String(required=True, metadata={"description": "File name or client id, unique."})
    title = fields.String(required=True, allow_none=True)
    publisher = fields.String(required=True, allow_none=True)
    url = fields.String(required=True, allow_none=True)
    published = DateString(required=True, allow_none=True)
    published_basis = fields.String(required=True, metadata={"description": "How the date was found."})
    event_count = fields.Integer(required=True)
    created_at = DateTimeString(required=True)


DocumentPageSchema = page_of(DocumentSchema, "DocumentPage")


class DocumentDetailSchema(DocumentSchema):
    sha256 = fields.String(required=True)
    extractor_version = fields.String(required=True)
    length = fields.Integer(required=True, metadata={"description": "Characters of text."})
    updated_at = DateTimeString(required=True)
    events = fields.List(fields.Nested(EventSchema), required=True)
