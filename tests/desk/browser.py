"""Headless Chromium (Debian's, driven by Playwright: no browser is downloaded) for the desk's
browser tests, kept to this machine: names resolve only to 127.0.0.1, and any request for
another host is refused and recorded. axe-core (npm) checks accessibility in the page."""
import os
import shutil
import subprocess
import tarfile
import threading
from pathlib import Path
from urllib.parse import urlparse

import pytest
from werkzeug.serving import make_server

from tests.api.test_docs_browser import CHROMIUM

ROOT = Path(__file__).resolve().parents[2]
# screenshots of every page, for a person to look at (gitignored)
ARTIFACTS = ROOT / "artifacts" / "desk"
AXE_VERSION = "4.14.1"
AXE_CACHE = Path.home() / ".cache" / "event-timeline" / f"axe-core-{AXE_VERSION}"
LOCAL_ONLY = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
              "--disable-sync", "--no-first-run", "--no-pings", "--disable-default-apps", "--disable-extensions",
              "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"]


def axe_source():
    """axe.min.js of the npm package axe-core: AXE_CORE_DIR, or `npm pack` once into ~/.cache."""
    given = os.environ.get("AXE_CORE_DIR")
    package = Path(given) if given else AXE_CACHE / "package"
    if not (package / "axe.min.js").exists() and not given and shutil.which("npm"):
        AXE_CACHE.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(["npm", "pack", f"axe-core@{AXE_VERSION}", "--silent"], cwd=AXE_CACHE,
                              capture_output=True, text=True, timeout=300)
        if done.returncode == 0:
            with tarfile.open(AXE_CACHE / done.stdout.strip().splitlines()[-1]) as archive:
                archive.extractall(AXE_CACHE, filter="data")
    script = package / "axe.min.js"
    return script.read_text(encoding="utf-8") if script.exists() else None


@pytest.fixture
def server(app):
    httpd = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    thread.join(5)


class Tab:
    """One page in its own browser context, recording console errors and off-machine requests."""

    def __init__(self, browser, width=1200, height=900):
        self.context = browser.new_context(viewport={"width": width, "height": height})
        self.errors, self.elsewhere, self.requested = [], [], []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _route(self, route):
        url = route.request.url
        self.requested.append(url)
        if urlparse(url).hostname != "127.0.0.1":
            self.elsewhere.append(url)
            route.abort()
        else:
            route.continue_()

    def axe_violations(self, source):
        """Serious and critical violations axe-core finds in the page as it is now."""
        self.page.evaluate(source)
        result = self.page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        return [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
                for v in result["violations"] if v["impact"] in ("serious", "critical")]

    def close(self):
        self.context.close()


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=LOCAL_ONLY)
        yield chromium
        chromium.close()


@pytest.fixture
def tab(browser):
    tabs = []

    def open_tab(**size):
        tabs.append(Tab(browser, **size))
        return tabs[-1]

    yield open_tab
    for each in tabs:
        each.close()
