"""Shared view helpers: the documentation listings and single bodies share, page size from config,
the Link header of the next page, bad cursors, lookups that find nothing."""
from contextlib import contextmanager
from urllib.parse import urlencode

from flask import current_app, request
from marshmallow import RAISE

from schemas.common import NoArgsSchema

from ..domain_errors import Invalid, NotFound
from ..errors import Problem
from ..store import BadCursor

LINK = {"Link": {"description": 'The next page: <url>; rel="next"', "schema": {"type": "string"}}}


def listing(blp, args_schema, page_schema, *, not_found=False):
    """The documentation every paged listing shares: its query schema, the page with its Link
    header, the 400 of a foreign cursor (and a 404 when the listing belongs to one resource)."""
    def decorate(view):
        if not_found:
            view = blp.alt_response(404, response="NOT_FOUND")(view)
        view = blp.alt_response(400, response="BAD_REQUEST", description="A cursor this listing did not issue")(view)
        view = blp.response(200, page_schema, headers=LINK)(view)
        return blp.arguments(args_schema, location="query", unknown=RAISE)(view)
    return decorate


def single(blp, schema, *, not_found=False):
    """The documentation of an operation that takes no query parameter and answers one body."""
    def decorate(view):
        if not_found:
            view = blp.alt_response(404, response="NOT_FOUND")(view)
        view = blp.response(200, schema)(view)
        return blp.arguments(NoArgsSchema, location="query", unknown=RAISE, as_kwargs=True)(view)
    return decorate


def found(value, what, ref):
    """value, or NotFound when a lookup found nothing."""
    if value is None:
        raise NotFound(what, ref)
    return value


def page_limit(args):
    """The requested limit, or the configured default. Over a cap configured below the schema's is the
    same 422 as over the schema's own (schemas.common.PAGE_LIMIT_MAX)."""
    limit = args.get("limit") or current_app.config["PAGE_LIMIT_DEFAULT"]
    cap = current_app.config["PAGE_LIMIT_MAX"]
    if limit > cap:
        raise Invalid("limit", f"Must be greater than or equal to 1 and less than or equal to {cap}.", "query")
    return limit


@contextmanager
def cursor_errors():
    """A cursor the store refuses is the client's error: 400 problem."""
    try:
        yield
    except BadCursor as exc:
        raise Problem(400, "Bad Request", str(exc), type_="bad-cursor") from None


def paged(data, next_cursor):
    """The page body, and the Link header pointing at the next page (same query, new cursor).
    The link is relative (RFC 8288 allows it): the Host header a client sends is never echoed."""
    headers = {}
    if next_cursor:
        params = request.args.copy()
        params.setlist("cursor", [next_cursor])
        url = request.path + "?" + urlencode(list(params.items(multi=True)))
        headers["Link"] = f'<{url}>; rel="next"'
    return {"data": data, "next": next_cursor}, 200, headers

