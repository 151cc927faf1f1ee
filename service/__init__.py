"""Event Timeline: diplomatic events extracted from news articles, served over /v1."""
from flask import Flask

from . import config as config_module
from . import db as db_module

__version__ = "0.1.0"


def create_app(overrides=None):
    """The application factory: config, database, errors, API blueprints, the desk's pages, CLI."""
    from . import desk, errors, http, public_ids
    from .api import init_api
    from .migrate import migrate

    settings = config_module.load(overrides)
    app = Flask(__name__)
    app.config.update(settings)
    db_module.bind(app.config["DATABASE_URL"])
    if app.config.get("MIGRATE_ON_START", True):
        database = db_module.database
        database.connect(reuse_if_open=True)
        try:
            migrate()
        finally:
            database.close()
    http.init_app(app)
    public_ids.init_app(app)  # before the blueprints: their routes use <id:...>
    init_api(app)
    desk.init_app(app)  # the HTML pages at / (TIMELINE_DESK=false leaves them out)
    # after init_api: our problem+json handlers replace flask-smorest's JSON errors
    errors.init_app(app)
    return app
