"""GET /v1/channels."""
from flask_smorest import Blueprint

from schemas.catalog import ChannelListSchema

from .. import store
from .paging import single

blp = Blueprint("channels", __name__, url_prefix="/v1/channels", description="The closed list of channels")


@blp.route("")
@single(blp, ChannelListSchema)
def list_channels():
    """Every channel an event can have, with a description and the number of events."""
    return {"data": store.channels()}
