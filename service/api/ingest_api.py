"""Articles over HTTP: POST /v1/documents runs the loader's pipeline; DELETE removes a document."""
from flask import current_app
from flask_smorest import Blueprint

from schemas.writes import DocumentInSchema, IngestResultSchema

from ..auth import key_name
from ..loading import submissions
from .editing import write_errors

blp = Blueprint("ingest", __name__, description="Articles pushed by newsroom systems (API key needed)")


@blp.route("/v1/documents", methods=["POST"])
@blp.arguments(DocumentInSchema)
@blp.response(201, IngestResultSchema, description="A new article: its document and the events it gave.",
              headers={"Location": {"schema": {"type": "string"}}})
@blp.alt_response(200, schema=IngestResultSchema, success=True,
                  description="The same text was stored already (nothing changed), or the key's text was replaced.")
@write_errors()
def post_document(data):
    """Extract and store the events of one article; the same text again changes nothing."""
    result = submissions.submit(data, key_name(), current_app.config["MAX_ARTICLE_BYTES"])
    status = 201 if result["status"] == "created" else 200
    return result, status, {"Location": f"/v1/documents/{result['document']['id']}"}


@blp.route("/v1/documents/<id:document_id>", methods=["DELETE"])
@blp.response(204)
@write_errors(404)
def delete_document(document_id):
    """Delete a document and its evidence; an event no other document reports goes too."""
    submissions.remove(document_id, key_name())
    return "", 204
