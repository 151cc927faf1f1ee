"""Cross-cutting HTTP behaviour: a pooled database connection per request, ETags and 304s, CORS."""
import peewee
from flask import request

from .db import database
from .errors import Problem

# liveness says only that the process answers: it must not depend on the database
NO_DATABASE_PATHS = ("/healthz",)


def database_unavailable():
    return Problem(503, "Service Unavailable", "The database is unreachable; try again shortly.",
                   type_="database-unavailable", headers={"Retry-After": "5"})


def _open_db():
    if request.path in NO_DATABASE_PATHS:
        return
    try:
        database.connect(reuse_if_open=True)  # from the pool (service.db): opened once, then reused
    except (peewee.OperationalError, peewee.InterfaceError) as exc:
        raise database_unavailable() from exc


def _close_db(exc):
    if not database.is_closed():
        database.close()  # back to the pool, still open


def _conditional(response):
    """Strong ETag over the body of every successful GET; If-None-Match answers 304.
    (Streamed exports set their own validators: service.exports.)"""
    if request.method in ("GET", "HEAD") and response.status_code == 200 and not response.is_streamed:
        response.add_etag()
        response.make_conditional(request)
    return response


# paths whose representation depends on the Accept header (the exports of /v1/events)
NEGOTIATED_PATHS = ("/v1/events",)


def _cache_policy(app):
    """Every answer: nosniff; reads may be stored but are revalidated with their ETag each time
    (`no-cache`; `private` when reads need a key); errors and writes are never stored."""
    private = bool(app.config.get("READS_REQUIRE_KEY"))

    def add_headers(response):
        response.headers["X-Content-Type-Options"] = "nosniff"
        if request.path in NEGOTIATED_PATHS:
            response.vary.add("Accept")
        if "Cache-Control" in response.headers:
            return response
        if request.method in ("GET", "HEAD") and response.status_code in (200, 304):
            response.headers["Cache-Control"] = "private, no-cache" if private else "no-cache"
        else:
            response.headers["Cache-Control"] = "no-store"
        return response

    return add_headers


READ_METHODS = "GET, HEAD, OPTIONS"
WRITE_METHODS = "GET, HEAD, OPTIONS, POST, PATCH, DELETE"
READ_HEADERS = "If-None-Match, If-Modified-Since, Authorization, Content-Type"
WRITE_HEADERS = READ_HEADERS + ", If-Match"


def _cors(app):
    """Reads from any configured origin. Writes from a browser (an editor on another origin) are
    allowed to the origins listed by name: "*" can never send a key with credentials anyway, and
    a write still needs its key."""
    allowed = [o.strip() for o in str(app.config["CORS_ORIGINS"]).split(",") if o.strip()]

    def add_headers(response):
        origin = request.headers.get("Origin")
        if not origin or not allowed:
            return response
        if "*" in allowed:
            response.headers["Access-Control-Allow-Origin"] = "*"
        elif origin in allowed:
            response.headers["Access-Control-Allow-Origin"] = origin
            response.vary.add("Origin")
        else:
            return response
        response.headers["Access-Control-Expose-Headers"] = "ETag, Last-Modified, Link, Location, Retry-After"
        if request.method == "OPTIONS":
            writes = origin in allowed
            response.headers["Access-Control-Allow-Methods"] = WRITE_METHODS if writes else READ_METHODS
            response.headers["Access-Control-Allow-Headers"] = WRITE_HEADERS if writes else READ_HEADERS
            response.headers["Access-Control-Max-Age"] = "600"
        return response

    return add_headers


def init_app(app):
    # "/v1//events" is no path of ours: a 404 problem, not Werkzeug's 308 to a merged path
    app.url_map.merge_slashes = False
    app.before_request(_open_db)
    app.teardown_request(_close_db)
    # after_request handlers run last-registered first: the cache policy sees the final status
    app.after_request(_cache_policy(app))
    app.after_request(_conditional)
    app.after_request(_cors(app))
