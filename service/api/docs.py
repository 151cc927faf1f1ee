"""GET /docs: Swagger UI over /v1/openapi.json, every script and style served from here (no CDN).

The Swagger UI files come from the swagger-ui-bundle package; the page and its start-up script
are service/static/docs.html and docs.js. A Content-Security-Policy keeps the browser from
fetching anything from another origin.
"""
from pathlib import Path

from flask import Blueprint, abort, send_from_directory
from swagger_ui_bundle import swagger_ui_path

STATIC = Path(__file__).resolve().parent.parent / "static"
SWAGGER_FILES = {"swagger-ui.css", "swagger-ui-bundle.js", "swagger-ui-standalone-preset.js", "favicon-32x32.png"}
CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)

blp = Blueprint("docs", __name__)


@blp.after_request
def _security_headers(response):
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@blp.route("/docs")
def page():
    return send_from_directory(STATIC, "docs.html", mimetype="text/html")


@blp.route("/docs/assets/<path:name>")
def asset(name):
    if name == "docs.js":
        return send_from_directory(STATIC, name, mimetype="text/javascript")
    if name not in SWAGGER_FILES:
        abort(404)
    return send_from_directory(swagger_ui_path, name)


def init_app(app):
    app.register_blueprint(blp)
