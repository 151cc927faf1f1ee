"""Shared view helpers: page size from config, the Link header of the next page, bad cursors."""
from contextlib import contextmanager
from urllib.parse import urlencode

from flask import current_app, request

from ..domain_errors import Invalid
from ..errors import Problem
from ..store import BadCursor


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

