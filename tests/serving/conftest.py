"""A running `timeline serve` on the test backend's database."""
import pytest

from service.db import database
from tests.serving.gunicorn_process import Server


@pytest.fixture
def served(app):
    """`timeline serve` with the default workers and threads, on the store of the `app` fixture."""
    database.close()
    server = Server(["timeline", "serve"], app.config["DATABASE_URL"])
    try:
        assert server.wait_ready(), "timeline serve did not become ready"
        yield server
    finally:
        server.stop()
