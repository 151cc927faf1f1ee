"""Time the desk's pages against the API reads they mirror, in-process (Flask test client, no
network), over a generated store, and print median milliseconds and the page/API ratio.

    python bench/bench_desk.py [--events N] [--repeat R]

The store is a fresh SQLite file (or DATABASE_URL, which is then wiped: point it at a scratch
database only) with N events among 200 people over four years, each with two sources. Memory
is the process's peak resident set.
"""
import argparse
import datetime as dt
import hashlib
import os
import random
import resource
import statistics
import tempfile
import time


def build(events):
    from service.db import database
    from service.models import Actor, ActorAlias, Document, Event, EventActor, EventTopic, Mention, Topic

    rng = random.Random(12)
    channels = ["phone_call", "meeting", "statement", "speech", "video_call"]
    with database.atomic():
        people = [Actor.create(name=f"Person {n}", slug=f"person-{n}", kind="person", country="FR") for n in range(200)]
        for person in people:
            ActorAlias.create(actor=person, alias=person.name, norm=person.name.lower())
        topics = [Topic.create(slug=f"topic-{n}", label=f"Topic {n}") for n in range(20)]
        docs = []
        for n in range(events // 4 + 1):
            text = f"Article {n}. Person {n % 200} spoke with Person {(n + 1) % 200} about trade. " * 3
            docs.append(Document.create(key=f"doc-{n}", text=text, sha256=hashlib.sha256(text.encode()).hexdigest(),
                                        published=dt.date(2021, 1, 1) + dt.timedelta(days=n % 1400),
                                        extractor_version="bench"))
        start = dt.date(2021, 1, 1)
        for n in range(events):
            sentence = f"Person {n % 200} spoke with Person {(n + 1) % 200} about trade."
            event = Event.create(date=None if n % 9 == 0 else start + dt.timedelta(days=rng.randrange(1400)),
                                 date_precision="day", date_basis="explicit", channel=rng.choice(channels),
                                 title=f"Event {n}", confidence=0.8, search_text=f"Event {n} {sentence}")
            a, b = rng.sample(people, 2)
            EventActor.create(event=event, actor=a, title="Minister", position=0)
            EventActor.create(event=event, actor=b, position=1)
            EventTopic.create(event=event, topic=rng.choice(topics))
            for doc in rng.sample(docs, 2):
                Mention.create(event=event, document=doc, sentence=sentence, start=0, end=len(sentence))


def timed(client, url, repeat):
    samples = []
    for _ in range(repeat):
        began = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - began) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(samples)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL") or f"sqlite:///{tempfile.mkdtemp()}/bench.db"

    from service import create_app

    app = create_app({"DATABASE_URL": url})
    from service.db import database

    database.connect(reuse_if_open=True)
    build(args.events)
    database.close()
    client = app.test_client()
    pairs = [
        ("timeline, 50 events", "/?limit=50", "/v1/events?limit=50"),
        ("timeline, search + channel", "/?q=trade&channel=meeting&limit=50",
         "/v1/events?q=trade&channel=meeting&limit=50"),
        ("event", "/events/7", "/v1/events/7"),
        ("participant", "/participants/3?limit=50", "/v1/participants/3/events?limit=50"),
        ("document", "/documents/5", "/v1/documents/5"),
    ]
    print(f"{args.events} events, median of {args.repeat} requests each (ms)")
    print(f"{'page':28} {'desk':>8} {'api':>8} {'ratio':>6}")
    for name, page, api in pairs:
        desk_ms, api_ms = timed(client, page, args.repeat), timed(client, api, args.repeat)
        print(f"{name:28} {desk_ms:8.1f} {api_ms:8.1f} {desk_ms / api_ms:6.2f}")
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
