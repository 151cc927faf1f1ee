"""A webhook receiver on 127.0.0.1 for the delivery tests, and what they share."""
import ipaddress
import os
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from service.curation import event_edits
from service.db import database, write_transaction
from service.delivery import worker

LOOPBACK = "127.0.0.0/8"


class Receiver:
    """A webhook receiver on 127.0.0.1: answers each POST from `plan` (then 200), records everything."""

    def __init__(self):
        self.requests, self.plan, self.delay, self.lock = [], [], 0.0, threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - the http.server name
                body = self.rfile.read(int(self.headers["Content-Length"]))
                with receiver.lock:
                    status = receiver.plan.pop(0) if receiver.plan else 200
                    headers = {k.lower(): v for k, v in self.headers.items()}
                    receiver.requests.append({"headers": headers, "body": body, "status": status,
                                              "at": time.monotonic(), "path": self.path})
                time.sleep(receiver.delay)
                self.send_response(status)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_port}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def ids(self, path=None):
        with self.lock:
            return [r["headers"]["webhook-id"] for r in self.requests if path is None or r["path"] == path]


def settings(**changes):
    values = {"timeout": 2.0, "retry_base": 0.05, "retry_max": 0.5, "disable_after": 3600.0, "lease": 5.0,
              "poll": 0.02, "networks": (ipaddress.ip_network(LOOPBACK),)}
    return worker.Settings(**{**values, **changes})


def correct(event_id, title):
    with write_transaction():
        event_edits.update_event(event_id, {"title": title}, "desk")


def run_until(condition, settings, seconds=20):
    worker.run(settings, max_seconds=seconds, stop=condition)
    database.connect(reuse_if_open=True)
    assert condition()


def start_worker(app):
    env = {**os.environ, "DATABASE_URL": app.config["DATABASE_URL"],
           "TIMELINE_WEBHOOK_ALLOWED_NETWORKS": LOOPBACK, "TIMELINE_DELIVER_POLL_SECONDS": "0.05",
           "TIMELINE_DELIVER_LEASE_SECONDS": "2", "TIMELINE_WEBHOOK_TIMEOUT_SECONDS": "1"}
    command = [str(Path(sys.executable).with_name("timeline")), "deliver", "--max-seconds", "90"]
    return subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
