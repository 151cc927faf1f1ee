"""Webhook delivery under load: N changes, `timeline deliver` workers, a local receiver; one run.

    python bench/bench_webhooks.py [--changes 1000] [--workers 2] [--hooks 1] [--database-url URL]

The changes are editors' corrections committed one after another through the real write path
(event_edits.update_event in a write transaction) while the workers run; the commit time of each is
taken right after its commit. The receiver (127.0.0.1, ThreadingHTTPServer) answers 200 and notes
when each `webhook-id` first arrived. Prints deliveries per second, the p50/p99 delay from commit to
first arrival, duplicates (arrivals beyond the first) and losses (never arrived). Every loop is
bounded by --timeout; the workers are stopped (SIGTERM) at the end. Default store: a fresh SQLite
file; pass --database-url postgresql://... for PostgreSQL (its tables are created or reused, and
the bench's rows added to them; its hooks are deleted at the end, and it refuses a store that
already has hooks, whose deliveries would share the workers).
"""
import argparse
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


class Receiver:
    def __init__(self):
        self.first, self.count, self.lock = {}, 0, threading.Lock()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - the http.server name
                self.rfile.read(int(self.headers["Content-Length"]))
                now = time.time()
                with receiver.lock:
                    receiver.count += 1
                    receiver.first.setdefault(self.headers["webhook-id"], now)
                self.send_response(204)
                self.end_headers()

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()


def _args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--changes", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--hooks", type=int, default=1)
    parser.add_argument("--database-url", default=None)
    parser.add_argument("--timeout", type=float, default=300.0, help="give up after this many seconds")
    parser.add_argument("--rate", type=float, default=0.0,
                        help="commit at most this many changes per second (default: as fast as they go)")
    parser.add_argument("--prefill", action="store_true",
                        help="commit every change before the workers start: the rate is then the workers' alone "
                             "(otherwise it cannot exceed the rate changes are committed at)")
    return parser.parse_args()


def _commit_changes(event_id, count, rate):
    """{seq: time.time() right after its commit} for `count` corrections, paced at `rate` per second."""
    from service import db
    from service.curation import event_edits
    from service.models import Change

    committed, started = {}, time.time()
    db.database.connect(reuse_if_open=True)
    for n in range(count):
        if rate:
            time.sleep(max(0.0, started + n / rate - time.time()))
        with db.write_transaction():
            event_edits.update_event(event_id, {"title": f"Bench talks {n}"}, "bench")
        at = time.time()
        committed[Change.select(Change.seq).where(Change.object_id == event_id).order_by(Change.seq.desc())
                  .scalar()] = at
    db.database.close()
    return committed


def _wait_for(receiver, expected, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with receiver.lock:
            if expected.keys() <= receiver.first.keys():
                return
        time.sleep(0.05)


def _report(args, url, receiver, expected, started, wrote):
    arrived = {key: receiver.first[key] for key in expected if key in receiver.first}
    # prefilled, the delay is only the time spent waiting for the workers: not reported
    delays = [] if args.prefill else sorted(arrived[key] - expected[key] for key in arrived)
    span = max(arrived.values()) - started if arrived else float("nan")
    print(f"store {url.split(':')[0]}, {args.changes} changes x {args.hooks} hook(s) = {len(expected)} deliveries, "
          f"{args.workers} workers; changes committed in {wrote:.1f}s ({args.changes / wrote:.0f}/s)")
    since = "the workers' start" if args.prefill else "the first commit"
    print(f"delivered {len(arrived)} in {span:.1f}s from {since}: {len(arrived) / span:.0f} deliveries/s")
    if delays:
        p99 = delays[min(len(delays) - 1, int(len(delays) * 0.99))]
        print(f"commit -> delivery delay: p50 {statistics.median(delays) * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms, "
              f"max {delays[-1] * 1000:.0f} ms")
    print(f"duplicates {receiver.count - len(receiver.first)}, lost {len(expected) - len(arrived)}")
    return 0 if len(arrived) == len(expected) else 1


def main():
    args = _args()
    from service import db
    from service.delivery.hooks import new_secret
    from service.migrate import migrate
    from service.models import Change, Event, Webhook

    url = args.database_url or f"sqlite:///{tempfile.mkdtemp(prefix='bench-webhooks-')}/bench.db"
    db.bind(url)
    db.database.connect()
    migrate()
    receiver = Receiver()
    target = f"http://127.0.0.1:{receiver.httpd.server_port}/hook"
    if Webhook.select().where(Webhook.enabled).exists():
        sys.exit("bench: the store already has webhooks; give the bench a database of its own")
    event = Event.create(channel="meeting", title="Bench talks")
    start_seq = Change.select(Change.seq).order_by(Change.seq.desc()).scalar() or 0
    hooks = [Webhook.create(url=target, secret=new_secret(), owner="bench", cursor=start_seq).id
             for _ in range(args.hooks)]
    db.database.close()

    env = {**os.environ, "DATABASE_URL": url, "TIMELINE_WEBHOOK_ALLOWED_NETWORKS": "127.0.0.0/8",
           "TIMELINE_DELIVER_POLL_SECONDS": "0.02"}
    command = [str(Path(sys.executable).with_name("timeline")), "deliver", "--max-seconds", str(args.timeout)]
    workers = []

    def start_workers():
        workers.extend(subprocess.Popen(command, env=env, stderr=subprocess.DEVNULL) for _ in range(args.workers))
        time.sleep(1.5)  # let the workers start (imports, migrate check) before the clock runs

    try:
        if not args.prefill:
            start_workers()
        started = time.time()
        committed = _commit_changes(event.id, args.changes, args.rate)
        wrote = time.time() - started
        if args.prefill:
            start_workers()
            started = time.time()
        expected = {f"msg_{h}_{s}": at for h in hooks for s, at in committed.items()}
        _wait_for(receiver, expected, args.timeout)
    finally:
        for worker in workers:
            worker.send_signal(signal.SIGTERM)
        for worker in workers:
            worker.wait(30)
        receiver.httpd.shutdown()
        db.database.connect(reuse_if_open=True)
        Webhook.delete().where(Webhook.id.in_(hooks)).execute()  # the bench's hooks go with it
        db.database.close()
    return _report(args, url, receiver, expected, started, wrote)


if __name__ == "__main__":
    sys.exit(main())
