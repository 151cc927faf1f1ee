"""/docs renders in headless Chromium, and no request leaves the machine.

Skipped only when no Chromium is installed (`apt-get install chromium`). The browser resolves
no host but 127.0.0.1, so a page that needed a CDN would not render; its network log (NetLog)
shows every URL requested and every TCP connection made: the page's requests all go to the
local test server, and Chromium's own background calls (updates, clock, accounts) never get
past name resolution.
"""
import json
import shutil
import subprocess
import threading

import pytest
from werkzeug.serving import make_server

CHROMIUM = next(filter(None, map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))), None)
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--no-pings",
    "--disable-default-apps", "--disable-extensions", "--disable-client-side-phishing-detection",
    "--disable-features=OptimizationHints,Translate,MediaRouter,AutofillServerCommunication",
    "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
    "--virtual-time-budget=15000",
]
# requests Chromium itself starts whatever the page is; blocked at name resolution
BROWSER_OWN = (
    "http://clients2.google.com/time/", "https://clients2.google.com/time/",
    "http://update.googleapis.com/service/update2/", "https://update.googleapis.com/service/update2/",
    "https://accounts.google.com/ListAccounts",
)


@pytest.fixture
def server(app):
    httpd = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    thread.join(5)


def read_netlog(path):
    """(URLs requested, remote addresses of TCP connection attempts) from a NetLog file."""
    log = json.loads(path.read_text(encoding="utf-8"))
    names = {number: name for name, number in log["constants"]["logEventTypes"].items()}
    urls, addresses = set(), set()
    for event in log["events"]:
        params = event.get("params") or {}
        if "url" in params:
            urls.add(params["url"])
        if names[event["type"]].startswith("TCP_CONNECT"):
            addresses.update(params.get("address_list") or [])
            if "address" in params:
                addresses.add(params["address"])
    return urls, addresses


def render(url, tmp_path):
    netlog = tmp_path / "netlog.json"
    result = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", f"--log-net-log={netlog}",
         "--dump-dom", url],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout, *read_netlog(netlog)


@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
def test_docs_render_offline_in_headless_chromium(server, tmp_path):
    dom, urls, addresses = render(f"{server}/docs", tmp_path)
    # Swagger UI ran: it flagged completion and rendered the document's title and operations
    assert 'data-docs-ready="true"' in dom
    assert "Event Timeline API" in dom and "opblock-summary-path" in dom
    for path in ("/v1/events", "/v1/participants/{actor_id}/counterparts", "/v1/timeline"):
        assert path in dom, path
    local = {url for url in urls if url.startswith(server + "/")}
    assert {f"{server}/docs", f"{server}/docs/assets/swagger-ui-bundle.js", f"{server}/docs/assets/swagger-ui.css",
            f"{server}/v1/openapi.json"} <= local
    elsewhere = {url for url in urls - local if url.split(":", 1)[0] in ("http", "https", "ws", "wss", "ftp")}
    assert [url for url in elsewhere if not url.startswith(BROWSER_OWN)] == []
    port = server.rsplit(":", 1)[1]
    assert addresses <= {f"127.0.0.1:{port}"}, addresses
