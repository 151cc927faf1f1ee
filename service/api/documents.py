"""GET /v1/documents and /v1/documents/{id}."""
from flask_smorest import Blueprint

from schemas.catalog import DocumentDetailSchema, DocumentPageSchema
from schemas.common import PageArgsSchema

from .. import store
from .paging import cursor_errors, found, listing, page_limit, paged, single

blp = Blueprint("documents", __name__, url_prefix="/v1/documents", description="The articles events come from")


@blp.route("")
@listing(blp, PageArgsSchema, DocumentPageSchema)
def list_documents(args):
    """Documents by publication date (undated last), without their text."""
    with cursor_errors():
        data, next_cursor = store.documents_page(page_limit(args), args.get("cursor"))
    return paged(data, next_cursor)


@blp.route("/<id:document_id>")
@single(blp, DocumentDetailSchema, not_found=True)
def get_document(document_id):
    """One document's metadata and the events it reports."""
    return found(store.document_detail(document_id), "document", document_id)
