"""GET /v1/topics."""
from flask_smorest import Blueprint

from schemas.catalog import TopicListSchema

from .. import store

blp = Blueprint("topics", __name__, url_prefix="/v1/topics", description="The controlled topic vocabulary")


@blp.route("")
@blp.response(200, TopicListSchema)
def list_topics():
    """Every topic, with the number of events about it."""
    return {"data": store.topics()}
