"""A small invented news desk (factories), API keys, and helpers for the write tests."""
import threading
from types import SimpleNamespace

import pytest
from werkzeug.serving import make_server

from service import auth
from tests import factories as f
from tests.integration.receiver import LOOPBACK, Receiver

CALL_TEXT = (
    "VARNA, March 3. Foreign Minister Mara Quintel of Portugal and her Dutch counterpart Oskar Veld "
    "spoke by telephone on Tuesday about fishing quotas, a ministry statement said."
)
MEETING_TEXT = (
    "Oskar Veld met Tomas Arkwright in Tallinn in May to discuss energy links. "
    "T. Arkwright said the talks were useful."
)


@pytest.fixture
def server(app):
    """The app served over real HTTP by a threaded werkzeug server: its port."""
    httpd = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd.server_port
    httpd.shutdown()
    thread.join(5)


@pytest.fixture
def key(db):
    """A valid API key's secret."""
    return auth.create_key("desk-editor")


@pytest.fixture
def headers(key):
    return {"Authorization": f"Bearer {key}"}


@pytest.fixture
def desk(db):
    quintel = f.actor("Mara Quintel", "PT")
    veld = f.actor("Oskar Veld", "NL")
    arkwright = f.actor("Tomas Arkwright", "EE")
    arkwright_dup = f.actor("T. Arkwright", None, slug="t-arkwright", aliases=["T Arkwright"])
    fishing = f.topic("fisheries", "Fisheries")
    energy = f.topic("energy", "Energy")
    d1 = f.document("quintel-call.txt", text=CALL_TEXT, published="2024-03-03", title="Quintel and Veld talk",
                    publisher="Harbour Post", url="https://harbour.example/quintel-veld")
    d2 = f.document("veld-tallinn.txt", text=MEETING_TEXT, published="2024-05-20", title="Veld in Tallinn",
                    publisher="Baltic Wire", url=None)
    call = f.event(
        "Mara Quintel and Oskar Veld speak by phone",
        date="2024-03-01",
        channel="phone_call",
        participants=[(quintel, "Foreign Minister"), veld],
        topics=[fishing],
        sources=[(d1, "Foreign Minister Mara Quintel of Portugal and her Dutch counterpart Oskar Veld spoke "
                      "by telephone on Tuesday about fishing quotas, a ministry statement said.")],
        summary="Quotas, again.",
    )
    meeting = f.event(
        "Oskar Veld meets Tomas Arkwright",
        date="2024-05-01",
        precision="month",
        channel="meeting",
        participants=[veld, arkwright_dup],
        topics=[energy],
        sources=[(d2, "Oskar Veld met Tomas Arkwright in Tallinn in May to discuss energy links.")],
        location=("Tallinn", "EE"),
    )
    statement = f.event("Tomas Arkwright statement", channel="statement", participants=[arkwright])
    return SimpleNamespace(**locals())


@pytest.fixture
def tricky(desk):
    """A long title with commas, semicolons, a newline, markup and non-ASCII text: escaping and folding."""
    doc = f.document("tricky.txt", text="Ministers met; they said: <b>“all good”</b>, with ☃ & co.",
                     published="2024-06-02", url="javascript:alert(1)", publisher="Ünïcode Times")
    return f.event(
        "Quintel, Veld; and <script>alert(1)</script> — a very long headline about fisheries, energy and the "
        "Baltic, repeated so that it must be folded ☃☃☃ across several lines",
        date="2024-06-01", channel="multilateral_meeting", participants=[desk.quintel, desk.veld],
        sources=[(doc, "Ministers met; they said: <b>“all good”</b>, with ☃ & co.")],
        summary="Line one\nline two, with a comma; and a semicolon \\ backslash",
    )


@pytest.fixture
def receiver():
    """A webhook receiver on 127.0.0.1 (tests/integration/receiver.py)."""
    server = Receiver()
    server.thread.start()
    yield server
    server.httpd.shutdown()
    server.thread.join(5)


@pytest.fixture
def loopback_allowed(app, monkeypatch):
    monkeypatch.setitem(app.config, "WEBHOOK_ALLOWED_NETWORKS", LOOPBACK)
