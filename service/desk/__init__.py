"""The desk: HTML pages at / where journalists browse, search and check the timeline.

Server-rendered (Jinja templates in service/templates/desk/, one stylesheet and one small
optional script in service/static/desk/), no CDN, no build step, usable without JavaScript.
The pages read through service.store like the API. TIMELINE_DESK=false leaves them out (/ is
then the API's 404). With TIMELINE_READS_REQUIRE_KEY=true the pages ask for an API key: the
browser prompts (HTTP Basic; the key is the password, any user name), and sends the same key
on to the API links the pages give.
"""
from pathlib import Path

from flask import current_app, render_template, request, send_from_directory
from werkzeug.exceptions import HTTPException

from .. import auth
from ..errors import Problem
from . import template_filters
from .views import blp

ASSETS = Path(__file__).resolve().parent.parent / "static" / "desk"
ASSET_TYPES = {"desk.css": "text/css", "desk.js": "text/javascript"}
CSP = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; "
    "form-action 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
REALM = 'Basic realm="Event Timeline desk: your API key is the password", charset="UTF-8"'


@blp.before_request
def _ask_for_key():
    # the stylesheet and script stay open, so the page asking for the key is readable
    if not current_app.config.get("READS_REQUIRE_KEY") or request.endpoint == "desk.asset":
        return None
    try:
        auth.authenticate()
    except Problem as exc:
        body = render_template("desk/error.html", status=401, title="An API key is needed",
                               detail="Reads on this service need an API key. Your browser asks for it: "
                                      "give the key as the password (the user name does not matter). "
                                      + (exc.detail or ""))
        return body, 401, {"WWW-Authenticate": REALM}
    return None


@blp.after_request
def _security_headers(response):
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "same-origin"
    return response


@blp.errorhandler(HTTPException)
def _error_page(exc):
    """Errors of the pages are pages (the API's stay problem+json), with the same status."""
    title = getattr(exc, "title", None) or exc.name
    detail = getattr(exc, "detail", None) or exc.description
    return render_template("desk/error.html", status=exc.code, title=title, detail=detail), exc.code


@blp.route("/desk/assets/<name>")
def asset(name):
    if name not in ASSET_TYPES:
        return render_template("desk/error.html", status=404, title="Not Found", detail="No such file."), 404
    return send_from_directory(ASSETS, name, mimetype=ASSET_TYPES[name])


def init_app(app):
    if not app.config.get("DESK", True):
        return
    template_filters.register(app)
    app.register_blueprint(blp)
