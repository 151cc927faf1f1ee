"""Liveness and readiness."""
from flask_smorest import Blueprint

from schemas.common import StatusSchema

from ..db import database
from ..errors import Problem
from ..migrate import is_current

blp = Blueprint("health", __name__, description="Process and database health")


@blp.route("/healthz")
@blp.response(200, StatusSchema)
def healthz():
    """The process is up."""
    return {"status": "ok"}


@blp.route("/readyz")
@blp.response(200, StatusSchema)
@blp.alt_response(503, response="SERVICE_UNAVAILABLE", description="Database unreachable or schema not current")
def readyz():
    """The database is reachable and its schema is current."""
    try:
        database.execute_sql("SELECT 1")
        current = is_current()
    except Exception as exc:  # any driver error means not ready
        raise Problem(503, "Service Unavailable", "The database is unreachable; try again shortly.",
                      type_="database-unavailable", headers={"Retry-After": "5"}) from exc
    if not current:
        raise Problem(503, "Service Unavailable", "the database schema is not current: run `timeline migrate`")
    return {"status": "ready"}
