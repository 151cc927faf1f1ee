"""A real `timeline serve` (gunicorn) as a subprocess on a free loopback port, for the serving tests
and bench/bench_reliability.py. Every wait is bounded; stop() ends the server and its workers."""
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
TIMELINE = str(Path(sys.executable).with_name("timeline"))


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(port, path, timeout=10, headers=None):
    """(status, headers, body) of one GET on a new connection."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request("GET", path, headers=headers or {})
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    finally:
        connection.close()


class Server:
    def __init__(self, argv, database_url, env=None, log=None):
        self.port = free_port()
        argv = [TIMELINE if a == "timeline" else a for a in argv]
        # the port after --port becomes a free one (the rest of the command runs as given)
        self.argv = [str(self.port) if previous == "--port" else a
                     for previous, a in zip(["", *argv[:-1]], argv, strict=True)]
        if "--port" not in self.argv:
            self.argv += ["--port", str(self.port)]
        self.log = log or open(os.devnull, "wb")  # noqa: SIM115 - closed in stop()
        environment = {**os.environ, "DATABASE_URL": database_url, **(env or {})}
        self.process = subprocess.Popen(self.argv, cwd=REPO, env=environment, stdout=self.log,
                                        stderr=subprocess.STDOUT, start_new_session=True)

    def wait_ready(self, timeout=120):
        """Until /readyz answers 200; False if the server exited or the time ran out."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                return False
            try:
                if get(self.port, "/readyz", timeout=2)[0] == 200:
                    return True
            except OSError:
                pass
            time.sleep(0.2)
        return False

    def worker_pids(self):
        """The gunicorn workers: children of the master (the `timeline serve` process)."""
        path = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in path.read_text().split()] if path.exists() else []

    def json(self, path):
        status, _, body = get(self.port, path)
        return status, json.loads(body)

    def stop(self):
        """SIGTERM to the session (master and workers), SIGKILL after 20 s; returns the exit code."""
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(10)
        self.log.close()
        return self.process.returncode
