"""GET /v1/topics."""
from flask_smorest import Blueprint
from marshmallow import RAISE

from schemas.catalog import TopicListSchema
from schemas.common import NoArgsSchema

from .. import store

blp = Blueprint("topics", __name__, url_prefix="/v1/topics", description="The controlled topic vocabulary")


@blp.route("")
@blp.arguments(NoArgsSchema, location="query", unknown=RAISE, as_kwargs=True)
@blp.response(200, TopicListSchema)
def list_topics():
    """Every topic, with the number of events about it."""
    return {"data": store.topics()}
