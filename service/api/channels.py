"""GET /v1/channels."""
from flask_smorest import Blueprint
from marshmallow import RAISE

from schemas.catalog import ChannelListSchema
from schemas.common import NoArgsSchema

from .. import store

blp = Blueprint("channels", __name__, url_prefix="/v1/channels", description="The closed list of channels")


@blp.route("")
@blp.arguments(NoArgsSchema, location="query", unknown=RAISE, as_kwargs=True)
@blp.response(200, ChannelListSchema)
def list_channels():
    """Every channel an event can have, with a description and the number of events."""
    return {"data": store.channels()}
