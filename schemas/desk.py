"""The query of the desk's timeline page (/): the filters of /v1/events, so its URL is the
API's query, plus the page size, the sort and the time axis interval."""
from marshmallow import fields, validate

from .common import PageArgsSchema
from .events import INTERVALS, EventFilterSchema

DESK_PAGE_SIZES = (10, 20, 50, 100)


class DeskTimelineArgsSchema(EventFilterSchema, PageArgsSchema):
    sort = fields.String(load_default="date", validate=validate.OneOf(("date", "-date")))
    interval = fields.String(validate=validate.OneOf(INTERVALS))


class DeskPageArgsSchema(PageArgsSchema):
    """The pages of one participant or one document: their events, a page at a time."""

    sort = fields.String(load_default="date", validate=validate.OneOf(("date", "-date")))
