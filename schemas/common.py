"""Fields, limits and shapes shared by every resource: problem+json, pagination, ids."""
from marshmallow import RAISE, Schema, ValidationError, fields, validate

from .channels import CHANNELS  # noqa: F401  (the closed channel list, from the registry)

DATE_PRECISIONS = ("day", "month", "year")
PAGE_LIMIT_DEFAULT = 50
PAGE_LIMIT_MAX = 200
# ids are 32-bit integers in the store; larger numbers can name nothing
ID_MAX = 2**31 - 1


def _no_nul(value):
    # PostgreSQL cannot store or compare text containing NUL
    if "\x00" in value:
        raise ValidationError("Must not contain NUL characters.")


# what _no_nul enforces, stated in the OpenAPI document (ECMA-262 regex, as JSON Schema reads it)
NO_NUL_PATTERN = "^[^\\u0000]*$"


def no_nul_metadata(metadata=None):
    return {"pattern": NO_NUL_PATTERN, **(metadata or {})}


def Text(max_length=255, **kwargs):  # noqa: N802 - a field factory reads like a field class
    """A non-empty string of at most max_length characters, safe to pass to any database."""
    metadata = no_nul_metadata(kwargs.pop("metadata", None))
    return fields.String(validate=[validate.Length(1, max_length), _no_nul], metadata=metadata, **kwargs)


def Date(**kwargs):  # noqa: N802
    """An ISO date already formatted as "YYYY-MM-DD" by the store."""
    return fields.String(metadata={"format": "date", **kwargs.pop("metadata", {})}, **kwargs)


def DateTime(**kwargs):  # noqa: N802
    """A UTC timestamp already formatted as "YYYY-MM-DDTHH:MM:SSZ" by the store."""
    return fields.String(metadata={"format": "date-time", **kwargs.pop("metadata", {})}, **kwargs)


class StrictSchema(Schema):
    """Unknown fields are an error, never silently ignored."""

    class Meta:
        unknown = RAISE


class NoArgsSchema(StrictSchema):
    """For operations that take no query parameters: any parameter given is an error."""


class PageArgsSchema(StrictSchema):
    limit = fields.Integer(
        validate=validate.Range(1, PAGE_LIMIT_MAX),
        metadata={"description": f"Items per page (default {PAGE_LIMIT_DEFAULT}, at most {PAGE_LIMIT_MAX})."},
    )
    cursor = fields.String(
        validate=[validate.Length(1, 512), validate.Regexp(r"^[A-Za-z0-9_-]+$")],
        metadata={"description": "The opaque `next` value of the previous page (url-safe base64)."},
    )


class ProblemSchema(Schema):
    """An RFC 9457 problem: every error the API answers has this shape."""

    type = fields.String(required=True, metadata={"description": "A URI naming the kind of problem."})
    title = fields.String(required=True, metadata={"description": "Short summary of the kind of problem."})
    status = fields.Integer(required=True, metadata={"description": "The HTTP status code."})
    detail = fields.String(metadata={"description": "What went wrong with this request."})
    errors = fields.Raw(metadata={"description": "Validation messages by location and field."})
    instance = fields.String(allow_none=True, metadata={"description": "The path that was requested."})


class StatusSchema(Schema):
    status = fields.String(required=True, validate=validate.OneOf(("ok", "ready")))


def page_of(item_schema, name):
    """A page schema: {"data": [item, ...], "next": cursor | null}."""
    return Schema.from_dict(
        {
            "data": fields.List(fields.Nested(item_schema), required=True),
            "next": fields.String(
                required=True,
                allow_none=True,
                metadata={"description": "Cursor of the next page, or null on the last page."},
            ),
        },
        name=name,
    )
