"""Reliability under load: nothing lost, duplicated or refused by a race, and no 5xx.

    python bench/bench_reliability.py [--seconds 30] [--postgres-url postgresql://...]

Per engine (SQLite always; PostgreSQL with --postgres-url, whose public schema is DROPPED and
recreated: give it a database of its own), a real `timeline serve --workers 4 --seed seeds/`
on a free loopback port, then:

1. load for --seconds: 16 readers (listings, exports, single events), 4 article writers (new
   invented articles over POST /v1/documents), 2 editors (PATCH with If-Match, disjoint events),
   2 slow clients that open requests and never finish them, and a kill -9 of one worker halfway;
2. the same new person: 8 different articles introducing one new person, posted at once;
3. opposite merges: 5 pairs of participants, each merged A into B and B into A at once.

Then it checks the store itself: every acknowledged article is there under its key, every
acknowledged correction is the event's title, no person or event is stored twice. Bounded:
every request has a timeout, every loop a deadline; only 127.0.0.1 is contacted; the server
and its workers are stopped at the end.
"""
import argparse
import collections
import http.client
import json
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from tests.serving.gunicorn_process import TIMELINE, Server  # noqa: E402

FIRST = ["Arvid", "Liesel", "Tomas", "Maren", "Joris", "Ilse", "Pekka", "Sanna", "Oskar", "Greta", "Lauri", "Vera"]
LAST = ["Nyland", "Varga", "Kessler", "Lindqvist", "Moravec", "Halloran", "Dekker", "Sorensen", "Ambrus",
        "Kivela", "Brandt", "Oakes"]
PAIRS = [("Norwegian", "Chilean"), ("Danish", "Estonian"), ("Dutch", "Austrian"), ("Finnish", "Irish")]
TIMEOUT = 60


class Tally:
    def __init__(self):
        self.lock = threading.Lock()
        self.statuses = collections.Counter()
        self.documents = {}  # key -> document id, for every acknowledged article
        self.titles = {}  # event id -> the last title an editor was told was stored
        self.edits = 0  # corrections acknowledged (200)

    def count(self, status):
        with self.lock:
            self.statuses[status] += 1


def request(port, method, path, body=None, headers=None, tally=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
    try:
        data = json.dumps(body) if body is not None else None
        connection.request(method, path, body=data, headers={"Content-Type": "application/json", **(headers or {})})
        response = connection.getresponse()
        status, etag, raw = response.status, response.getheader("ETag"), response.read()
    except OSError as exc:  # a worker killed mid-request: counted, never a lost acknowledged write
        status, etag, raw = f"connection error ({type(exc).__name__})", None, b""
    finally:
        connection.close()
    if tally:
        tally.count(status)
    return status, etag, raw


def _suffix(n):
    return "".join(chr(97 + (n // 26 ** k) % 26) for k in range(2))


def article(serial, first=None):
    """A new invented article: its two people are named after the serial, so none repeats."""
    block, suffix = serial % 144, _suffix(serial // 144)
    names = [f"{FIRST[(block + 5 * k) % 12]} {LAST[(block // 12 + 7 * k) % 12]}{suffix}" for k in range(2)]
    first = first or names[0]
    one, two = PAIRS[serial % len(PAIRS)]
    day = 1 + serial % 27
    text = (f"Published: May {day}, 2025\n\nHelsinki, May {day}. {one} Foreign Minister {first} held a phone "
            f"conversation with {two} Foreign Minister {names[1]} on Tuesday about energy security and fisheries, "
            f"the ministry said in statement number {serial}.\n")
    return {"key": f"bench-{serial}", "text": text}


def writer(port, auth, tally, deadline, serials):
    while time.monotonic() < deadline:
        body = article(next(serials))
        status, _, raw = request(port, "POST", "/v1/documents", body, auth, tally)
        if status in (200, 201):
            with tally.lock:
                tally.documents[body["key"]] = json.loads(raw)["document"]["id"]


def reader(port, tally, deadline, ids):
    paths = ["/v1/events?limit=20", "/v1/events?format=csv", "/v1/events?format=atom", "/v1/participants",
             "/v1/timeline", "/v1/topics", "/v1/documents", "/healthz"]
    rng = random.Random()
    while time.monotonic() < deadline:
        path = rng.choice(paths) if rng.random() < 0.7 else f"/v1/events/{rng.choice(ids)}"
        request(port, "GET", path, tally=tally)


def editor(port, auth, tally, deadline, ids, name):
    n = 0
    while time.monotonic() < deadline and ids:
        event_id = ids[n % len(ids)]
        status, etag, _ = request(port, "GET", f"/v1/events/{event_id}", tally=tally)
        if status == 200:
            title = f"Checked by {name}, pass {n}"
            status, _, _ = request(port, "PATCH", f"/v1/events/{event_id}", {"title": title},
                                   {**auth, "If-Match": etag}, tally)
            if status == 200:
                with tally.lock:
                    tally.titles[event_id] = title
                    tally.edits += 1
        n += 1


def slow_clients(port, deadline, count=2):
    """Half-open requests, reopened whenever the server lets one go."""
    while time.monotonic() < deadline:
        socks = []
        for _ in range(count):
            sock = socket.create_connection(("127.0.0.1", port), timeout=5)
            sock.sendall(b"GET /v1/events HTTP/1.1\r\nHost: slow.example\r\n")
            socks.append(sock)
        for sock in socks:
            sock.settimeout(max(0.1, min(15, deadline - time.monotonic())))
            try:
                sock.recv(1)
            except OSError:
                pass
            sock.close()


def load_phase(server, auth, seconds, tally):
    _, _, raw = request(server.port, "GET", "/v1/events?limit=200")
    ids = [e["id"] for e in json.loads(raw)["data"]]
    deadline = time.monotonic() + seconds
    serials = iter(range(1000, 10**6))
    threads = [threading.Thread(target=reader, args=(server.port, tally, deadline, ids)) for _ in range(16)]
    threads += [threading.Thread(target=writer, args=(server.port, auth, tally, deadline, serials)) for _ in range(4)]
    threads += [threading.Thread(target=editor, args=(server.port, auth, tally, deadline, ids[k::2], f"editor {k}"))
                for k in range(2)]
    threads.append(threading.Thread(target=slow_clients, args=(server.port, deadline)))
    for thread in threads:
        thread.start()
    time.sleep(seconds / 2)
    victim = random.choice(server.worker_pids())
    os.kill(victim, signal.SIGKILL)
    for thread in threads:
        thread.join(seconds + TIMEOUT + 30)
    return victim


def same_person_phase(port, auth, tally):
    person = "Hedda Valkonenova"
    bodies = [article(500 + n, first=person) for n in range(8)]
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(lambda b: request(port, "POST", "/v1/documents", b, auth, tally), bodies))
    for body, (status, _, raw) in zip(bodies, answers, strict=True):
        if status in (200, 201):
            tally.documents[body["key"]] = json.loads(raw)["document"]["id"]
    return [status for status, _, _ in answers]


def merge_phase(port, auth, tally):
    pairs = []
    for n in range(5):
        status, _, raw = request(port, "POST", "/v1/documents", article(900 + n), auth, tally)
        body = json.loads(raw)
        tally.documents[f"bench-{900 + n}"] = body["document"]["id"]
        event = json.loads(request(port, "GET", f"/v1/events/{body['events_created'][0]}")[2])
        pairs.append([p["id"] for p in event["participants"]][:2])
    jobs = [(a, b) for a, b in pairs] + [(b, a) for a, b in pairs]

    def merge(job):
        return request(port, "POST", f"/v1/participants/{job[0]}/merge", {"duplicate": job[1]}, auth, tally)[0]

    with ThreadPoolExecutor(max_workers=10) as pool:
        statuses = list(pool.map(merge, jobs))
    return [sorted((statuses[n], statuses[n + 5])) for n in range(5)]


def check_store(url, tally):
    from peewee import fn

    from service import db
    from service.models import Actor, Document, Event, EventActor

    db.bind(url)
    db.database.connect()
    stored = {d.key: d.id for d in Document.select().where(Document.key.in_(list(tally.documents)))}
    lost = sorted(k for k, i in tally.documents.items() if stored.get(k) != i)
    titles = {e.id: e.title for e in Event.select().where(Event.id.in_(list(tally.titles)))}
    lost_edits = sorted(i for i, t in tally.titles.items() if titles.get(i) != t)
    twice = Actor.select(Actor.name).group_by(Actor.name).having(fn.COUNT(Actor.id) > 1).count()
    signatures = collections.Counter()
    for event in Event.select():
        people = tuple(sorted(link.actor_id for link in EventActor.select().where(EventActor.event == event)))
        signatures[(event.channel, str(event.date), people)] += 1
    doubled = sum(n - 1 for n in signatures.values() if n > 1)
    db.database.close()
    return lost, lost_edits, twice, doubled


def run_engine(name, url, seconds, log_dir):
    env = {"TIMELINE_WRITE_RATE_LIMIT": "1000000"}
    secret = subprocess.run([TIMELINE, "keys", "create", "bench"], env={**os.environ, "DATABASE_URL": url},
                            capture_output=True, text=True, timeout=120, check=True).stdout.strip()
    auth = {"Authorization": f"Bearer {secret}"}
    log = open(Path(log_dir) / f"server-{name}.log", "wb")  # noqa: SIM115 - closed by Server.stop
    server = Server(["timeline", "serve", "--workers", "4", "--seed", "seeds/"], url, env=env, log=log)
    tally = Tally()
    try:
        if not server.wait_ready(180):
            raise SystemExit(f"{name}: the server did not start (see {log.name})")
        started = time.monotonic()
        victim = load_phase(server, auth, seconds, tally)
        load_time = time.monotonic() - started
        same = same_person_phase(server.port, auth, tally)
        merges = merge_phase(server.port, auth, tally)
    finally:
        server.stop()
    lost, lost_edits, twice, doubled = check_store(url, tally)
    fives = sum(n for s, n in tally.statuses.items() if isinstance(s, int) and s >= 500)
    refused = sum(1 for s in same if s not in (200, 201)) + sum(
        1 for pair in merges if pair[0] != 200 and pair[1] != 200 or any(isinstance(s, int) and s >= 500 for s in pair))
    print(f"== {name}: {load_time:.0f} s of load, 16 readers, 4 writers, 2 editors, 2 slow clients, "
          f"worker {victim} killed with SIGKILL halfway")
    print("  requests by status:", dict(sorted(tally.statuses.items(), key=lambda kv: str(kv[0]))))
    print(f"  5xx: {fives}")
    print(f"  articles acknowledged: {len(tally.documents)}, found in the store: {len(tally.documents) - len(lost)}"
          f" (lost: {lost[:5]})")
    print(f"  corrections acknowledged: {tally.edits} on {len(tally.titles)} events; the last one of each found: "
          f"{len(tally.titles) - len(lost_edits)} of {len(tally.titles)}")
    print(f"  duplicates: {twice} persons stored twice, {doubled} events stored twice")
    print(f"  same new person, 8 articles at once: {dict(collections.Counter(same))}")
    print(f"  opposite merges, 5 pairs at once: {merges} (one 200 each; the other finds its participant gone)")
    print(f"  refused by a race: {refused}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--postgres-url", help="a database of its own: its public schema is dropped")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        engines = [("sqlite", f"sqlite:///{tmp}/bench.db")]
        if args.postgres_url:
            engines.append(("postgresql", args.postgres_url))
        for name, url in engines:
            if name == "postgresql":
                from service.db import make_database

                database = make_database(url)
                database.connect()
                database.execute_sql("DROP SCHEMA public CASCADE")
                database.execute_sql("CREATE SCHEMA public")
                database.close()
            run_engine(name, url, args.seconds, tmp)


if __name__ == "__main__":
    main()
