"""The /v1 API: flask-smorest Api and its blueprints, errors documented as problem+json."""
import http
import json

import flask_smorest
import yaml
from apispec.ext.marshmallow.common import resolve_schema_cls
from flask_smorest import Api
from flask_smorest.utils import prepare_response
from marshmallow.utils import missing
from webargs.flaskparser import FlaskParser, abort, is_json_request

from schemas.common import ProblemSchema

from ..jsonsafe import BadJson, loads

API_TITLE = "Event Timeline API"
API_VERSION = "v1"
PROBLEM_CONTENT_TYPE = "application/problem+json"
API_DESCRIPTION = (
    "Diplomatic events extracted from news articles: who phoned, met or wrote to whom, when, "
    "where and about what, each with the sentences that report it. Lists are keyset-paginated: "
    "follow `next` (also in the `Link` header). Every error is `application/problem+json`; "
    "unknown query parameters are errors. Every GET has an ETag and honours If-None-Match."
)


class StrictJsonParser(FlaskParser):
    """Bodies parsed by service.jsonsafe: lone surrogates, deep nesting and huge integers are a
    400 problem, never a 500 or a row the database cannot store."""

    def _raw_load_json(self, req):
        if not is_json_request(req):
            return missing
        try:
            return loads(req.get_data(cache=True))
        except BadJson as exc:
            abort(400, messages={"json": [f"Invalid JSON body: {exc}."]})


# set before the blueprint modules are imported: their decorators take the parser then
flask_smorest.Blueprint.ARGUMENTS_PARSER = StrictJsonParser()


class TimelineApi(Api):
    """flask-smorest's Api whose documented error responses are RFC 9457 problems."""

    ERROR_SCHEMA = ProblemSchema

    def _register_responses(self):
        for status in http.HTTPStatus:
            response = {"description": status.phrase}
            content_type = self.DEFAULT_RESPONSE_CONTENT_TYPE
            if not 100 <= status < 200 and status not in (204, 304):
                response["schema"] = self.ERROR_SCHEMA
                content_type = PROBLEM_CONTENT_TYPE
            prepare_response(response, self.spec, content_type)
            self.spec.components.response(status.name, response, lazy=True)
        response = {"description": "An error (RFC 9457 problem)", "schema": self.ERROR_SCHEMA}
        prepare_response(response, self.spec, PROBLEM_CONTENT_TYPE)
        self.spec.components.response("DEFAULT_ERROR", response, lazy=True)


def _schema_name_resolver(schema):
    # "EventSchema" -> "Event"; modifiers (partial, only) are not used by this API
    name = resolve_schema_cls(schema).__name__
    return name[: -len("Schema")] if name.endswith("Schema") and name != "Schema" else name


def init_api(app):
    from apispec.ext.marshmallow import MarshmallowPlugin

    app.config.setdefault("API_TITLE", API_TITLE)
    app.config.setdefault("API_VERSION", API_VERSION)
    app.config.setdefault("OPENAPI_VERSION", "3.0.3")
    app.config.setdefault("OPENAPI_URL_PREFIX", "/v1")
    app.config.setdefault("OPENAPI_JSON_PATH", "openapi.json")
    app.config.setdefault("API_SPEC_OPTIONS", {"info": {"description": API_DESCRIPTION}})
    # bodies keep the order the schemas declare ("id" first), not alphabetical order
    app.json.sort_keys = False
    api = TimelineApi(app, spec_kwargs={"marshmallow_plugin": MarshmallowPlugin(_schema_name_resolver)})
    from .. import auth
    from . import changes, channels, docs, documents, events, health, participants, timeline, topics, webhooks

    auth.init_app(app)  # the write gate: API keys, rate limit, body size (issue 4)
    auth.document_security(api)
    # one blueprint per resource, its reads and its writes together
    for module in (health, events, participants, topics, channels, documents, timeline, changes, webhooks):
        api.register_blueprint(module.blp)
    _document_webhook_payload(api)
    docs.init_app(app)
    return api


def _document_webhook_payload(api):
    """What a webhook receives: a component schema (the document is OpenAPI 3.0, which has no `webhooks`)."""
    from schemas.changes import WebhookPayloadSchema

    api.spec.components.schema("WebhookPayload", schema=WebhookPayloadSchema)


def openapi_document(app=None):
    """The OpenAPI document the app serves at /v1/openapi.json, as a dict."""
    if app is None:
        from .. import create_app

        # the document needs no database: do not touch (or migrate) one
        app = create_app({"MIGRATE_ON_START": False})
    with app.app_context():
        document = app.extensions["flask-smorest"]["apis"][""]["ext_obj"].spec.to_dict()
    # exactly what the JSON endpoint serves (status codes become string keys)
    return json.loads(json.dumps(document))


def openapi_yaml(app=None):
    """The OpenAPI document as the YAML text kept in the repository as openapi.yaml."""
    return yaml.safe_dump(openapi_document(app), sort_keys=False, allow_unicode=True)
