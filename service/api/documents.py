"""GET /v1/documents and /v1/documents/{id}."""
from flask_smorest import Blueprint
from marshmallow import RAISE

from schemas.catalog import DocumentDetailSchema, DocumentPageSchema
from schemas.common import NoArgsSchema, PageArgsSchema

from .. import store
from ..domain_errors import NotFound
from .paging import cursor_errors, page_limit, paged

blp = Blueprint("documents", __name__, url_prefix="/v1/documents", description="The articles events come from")
LINK = {"Link": {"description": 'The next page: <url>; rel="next"', "schema": {"type": "string"}}}


@blp.route("")
@blp.arguments(PageArgsSchema, location="query", unknown=RAISE)
@blp.response(200, DocumentPageSchema, headers=LINK)
@blp.alt_response(400, response="BAD_REQUEST", description="A cursor this listing did not issue")
def list_documents(args):
    """Documents by publication date (undated last), without their text."""
    with cursor_errors():
        data, next_cursor = store.documents_page(page_limit(args), args.get("cursor"))
    return paged(data, next_cursor)


@blp.route("/<id:document_id>")
@blp.arguments(NoArgsSchema, location="query", unknown=RAISE, as_kwargs=True)
@blp.response(200, DocumentDetailSchema)
@blp.alt_response(404, response="NOT_FOUND")
def get_document(document_id):
    """One document's metadata and the events it reports."""
    document = store.document_detail(document_id)
    if document is None:
        raise NotFound("document", document_id)
    return document
