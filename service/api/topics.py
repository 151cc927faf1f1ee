"""GET /v1/topics."""
from flask_smorest import Blueprint

from schemas.catalog import TopicListSchema

from .. import store
from .paging import single

blp = Blueprint("topics", __name__, url_prefix="/v1/topics", description="The controlled topic vocabulary")


@blp.route("")
@single(blp, TopicListSchema)
def list_topics():
    """Every topic, with the number of events about it."""
    return {"data": store.topics()}
