"""Cross-cutting HTTP behaviour: a database connection per request, ETags and 304s, CORS."""
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
        database.connect(reuse_if_open=True)
    except (peewee.OperationalError, peewee.InterfaceError) as exc:
        raise database_unavailable() from exc


def _close_db(exc):
    if not database.is_closed():
        database.close()


def _conditional(response):
    """Strong ETag over the body of every successful GET; If-None-Match answers 304."""
    if request.method in ("GET", "HEAD") and response.status_code == 200 and not response.is_streamed:
        response.add_etag()
        response.make_conditional(request)
    return response


def _cors(app):
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
        response.headers["Access-Control-Expose-Headers"] = "ETag, Link, Retry-After"
        if request.method == "OPTIONS":
            response.headers["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
            response.headers["Access-Control-Allow-Headers"] = "If-None-Match, Authorization, Content-Type"
            response.headers["Access-Control-Max-Age"] = "600"
        return response

    return add_headers


def init_app(app):
    app.before_request(_open_db)
    app.teardown_request(_close_db)
    app.after_request(_conditional)
    app.after_request(_cors(app))
