"""GET /v1/timeline."""
from flask_smorest import Blueprint
from marshmallow import RAISE

from schemas.events import TimelineArgsSchema, TimelineSchema

from .. import store

blp = Blueprint("timeline", __name__, url_prefix="/v1/timeline", description="Event counts over time")


@blp.route("")
@blp.arguments(TimelineArgsSchema, location="query", unknown=RAISE)
@blp.response(200, TimelineSchema)
def get_timeline(args):
    """The filters of /v1/events, grouped by day, week, month or year, for drawing a timeline."""
    filters = {key: value for key, value in args.items() if key != "interval"}
    return store.timeline(filters, args["interval"])
