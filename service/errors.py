"""Every error the service answers is application/problem+json (RFC 9457), from here."""
import logging

import peewee
from flask import Response, json, request
from werkzeug.exceptions import HTTPException

from . import domain_errors as domain

PROBLEM_TYPE_BASE = "https://timeline.invalid/problems/"
log = logging.getLogger(__name__)


class Problem(HTTPException):
    """An error raised by our own code, with an RFC 9457 body."""

    def __init__(self, status, title, detail=None, *, type_=None, errors=None, headers=None):
        super().__init__(description=detail)
        self.code = status
        self.title = title
        self.detail = detail
        self.type_ = type_
        self.errors = errors
        self.extra_headers = headers or {}


def problem_response(status, title, detail=None, *, type_=None, errors=None, headers=None):
    body = {
        "type": PROBLEM_TYPE_BASE + type_ if type_ else "about:blank",
        "title": title,
        "status": status,
    }
    if detail:
        body["detail"] = detail
    if errors:
        body["errors"] = errors
    body["instance"] = request.path if request else None
    response = Response(json.dumps(body), status=status, mimetype="application/problem+json")
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def _from_http_exception(exc):
    if isinstance(exc, Problem):
        return problem_response(
            exc.code, exc.title, exc.detail, type_=exc.type_, errors=exc.errors, headers=exc.extra_headers
        )
    status = exc.code or 500
    detail = exc.description
    errors = None
    # flask-smorest / webargs put validation messages here
    data = getattr(exc, "data", None) or {}
    messages = data.get("messages") if isinstance(data, dict) else None
    if messages:
        errors = messages
        detail = "The request is not valid: see errors."
    headers = {}
    if status == 405 and exc.valid_methods:
        headers["Allow"] = ", ".join(exc.valid_methods)
    if status == 304:
        return exc.get_response()
    return problem_response(status, exc.name, detail, errors=errors, headers=headers)


def _from_domain_error(exc):
    """The write side's refusals (domain_errors) as problem+json: the one place that knows their status."""
    if isinstance(exc, domain.NotFound):
        return problem_response(404, "Not Found", str(exc))
    if isinstance(exc, domain.Invalid):
        return problem_response(422, "Unprocessable Content", "The request is not valid: see errors.",
                                errors={exc.location: {exc.field: [exc.message]}})
    if isinstance(exc, domain.TooLarge):
        return problem_response(413, "Content Too Large", str(exc), type_="article-too-large")
    if isinstance(exc, domain.StaleVersion):
        return problem_response(412, "Precondition Failed", str(exc), type_="stale-etag")
    return problem_response(409, "Conflict", str(exc))


def _from_unexpected(exc):
    log.exception("unhandled error on %s %s", request.method, request.path)
    return problem_response(500, "Internal Server Error", "The server could not complete the request.")


def _from_lost_database(exc):
    """The database went away mid-request (or SQLite stayed locked past its busy timeout): 503,
    which a client may retry, not a 500."""
    log.warning("database unavailable on %s %s: %s", request.method, request.path, str(exc).splitlines()[:1])
    return problem_response(503, "Service Unavailable", "The database is unreachable; try again shortly.",
                            type_="database-unavailable", headers={"Retry-After": "5"})


def init_app(app):
    app.register_error_handler(HTTPException, _from_http_exception)
    app.register_error_handler(domain.DomainError, _from_domain_error)
    app.register_error_handler(peewee.OperationalError, _from_lost_database)
    app.register_error_handler(peewee.InterfaceError, _from_lost_database)
    app.register_error_handler(Exception, _from_unexpected)
