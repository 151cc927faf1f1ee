"""`<id:name>` in a route: a public id (event, document, participant), 1 to ID_MAX.

The ids are 32-bit integer columns on both engines; a larger number in a path is a 404, never a
database error. The limit itself is schemas.common.ID_MAX, the one place it is written.
"""
from werkzeug.routing import IntegerConverter

from schemas.common import ID_MAX


class PublicIdConverter(IntegerConverter):
    def __init__(self, url_map):
        super().__init__(url_map, min=1, max=ID_MAX)


def init_app(app):
    app.url_map.converters["id"] = PublicIdConverter
