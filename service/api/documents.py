"""/v1/documents: the articles events come from; POST runs the loader's pipeline on one article,
DELETE removes a document (both need an API key)."""
from flask import current_app
from flask.views import MethodView
from flask_smorest import Blueprint

from schemas.catalog import DocumentDetailSchema, DocumentPageSchema
from schemas.common import PageArgsSchema
from schemas.writes import DocumentInSchema, IngestResultSchema

from .. import store
from ..auth import key_name
from ..loading import submissions
from .paging import cursor_errors, found, listing, page_limit, paged, single
from .writes import write_errors

blp = Blueprint("documents", __name__, url_prefix="/v1/documents", description="The articles events come from")


@blp.route("")
class Documents(MethodView):
    @listing(blp, PageArgsSchema, DocumentPageSchema)
    def get(self, args):
        """Documents by publication date (undated last), without their text."""
        with cursor_errors():
            data, next_cursor = store.documents_page(page_limit(args), args.get("cursor"))
        return paged(data, next_cursor)

    @blp.arguments(DocumentInSchema)
    @blp.response(201, IngestResultSchema, description="A new article: its document and the events it gave.",
                  headers={"Location": {"schema": {"type": "string"}}})
    @blp.alt_response(200, schema=IngestResultSchema, success=True,
                      description="The same text was stored already (nothing changed), or the key's text was replaced.")
    @write_errors(blp)
    def post(self, data):
        """Extract and store the events of one article; the same text again changes nothing."""
        result = submissions.submit(data, key_name(), current_app.config["MAX_ARTICLE_BYTES"])
        status = 201 if result["status"] == "created" else 200
        return result, status, {"Location": f"/v1/documents/{result['document']['id']}"}


@blp.route("/<id:document_id>")
class DocumentById(MethodView):
    @single(blp, DocumentDetailSchema, not_found=True)
    def get(self, document_id):
        """One document's metadata and the events it reports."""
        return found(store.document_detail(document_id), "document", document_id)

    @blp.response(204)
    @write_errors(blp, 404)
    def delete(self, document_id):
        """Delete a document and its evidence; an event no other document reports goes too."""
        submissions.remove(document_id, key_name())
        return "", 204
