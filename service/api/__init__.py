"""The /v1 API: flask-smorest Api and its blueprints."""
from flask_smorest import Api

API_TITLE = "Event Timeline API"
API_VERSION = "v1"


def init_api(app):
    app.config.setdefault("API_TITLE", API_TITLE)
    app.config.setdefault("API_VERSION", API_VERSION)
    app.config.setdefault("OPENAPI_VERSION", "3.0.3")
    app.config.setdefault("OPENAPI_URL_PREFIX", "/v1")
    app.config.setdefault("OPENAPI_JSON_PATH", "openapi.json")
    api = Api(app)
    from . import health

    api.register_blueprint(health.blp)
    return api
