"""The TimelineJS export loads in TimelineJS itself, in headless Chromium, offline.

Needs Chromium and Knight Lab's TimelineJS (the npm package @knight-lab/timelinejs; 3.9.8 is the
newest release that ships its built dist/js). TIMELINEJS_DIR may point at an unpacked package;
otherwise it is fetched once with `npm pack` into ~/.cache/event-timeline. Skipped, saying why,
when either cannot be had.
"""
import json
import os
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest

from tests.api.test_docs_browser import CHROMIUM, FLAGS

VERSION = "3.9.8"
CACHE = Path.home() / ".cache" / "event-timeline" / f"timelinejs-{VERSION}"


def timelinejs_dir():
    given = os.environ.get("TIMELINEJS_DIR")
    if given:
        return Path(given)
    package = CACHE / "package"
    if (package / "dist" / "js" / "timeline.js").exists():
        return package
    npm = shutil.which("npm")
    if npm is None:
        return None
    CACHE.mkdir(parents=True, exist_ok=True)
    done = subprocess.run([npm, "pack", f"@knight-lab/timelinejs@{VERSION}", "--silent"], cwd=CACHE,
                          capture_output=True, text=True, timeout=300)
    if done.returncode != 0:
        return None
    with tarfile.open(CACHE / done.stdout.strip().splitlines()[-1]) as archive:
        archive.extractall(CACHE, filter="data")
    return package if (package / "dist" / "js" / "timeline.js").exists() else None


PAGE = """<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="{css}"><script src="{js}"></script></head>
<body><div id="timeline-embed" style="width:1000px;height:600px"></div><pre id="status">pending</pre>
<script>
function report(text) {{ document.getElementById('status').textContent = text; }}
window.onerror = function (message) {{ report('error: ' + message); }};
try {{
  var timeline = new TL.Timeline('timeline-embed', {data});
  timeline.on('loaded', function () {{ report('loaded ' + timeline.config.events.length); }});
}} catch (e) {{ report('error: ' + e); }}
</script></body></html>"""


def test_export_loads_in_timelinejs(client, desk, tricky, tmp_path):
    if CHROMIUM is None:
        pytest.skip("chromium is not installed")
    package = timelinejs_dir()
    if package is None:
        pytest.skip("TimelineJS could not be had (set TIMELINEJS_DIR, or let `npm pack` reach the registry)")
    export = client.get("/v1/events", query_string={"format": "timelinejs"}).get_data(as_text=True)
    page = tmp_path / "timeline.html"
    page.write_text(PAGE.format(css=(package / "dist/css/timeline.css").as_uri(),
                                js=(package / "dist/js/timeline.js").as_uri(),
                                data=json.dumps(json.loads(export)).replace("</", "<\\/")), encoding="utf-8")
    result = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom",
                             page.as_uri()], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    dom = result.stdout
    assert '<pre id="status">loaded 3</pre>' in dom, dom[-3000:]
    for headline in ("Mara Quintel and Oskar Veld speak by phone", "Oskar Veld meets Tomas Arkwright"):
        assert headline in dom
    # the markup in the tricky title is shown as text, never run
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in dom
