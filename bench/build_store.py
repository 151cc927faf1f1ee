"""Build a synthetic event store of N events, quickly, on SQLite or PostgreSQL.

    python bench/build_store.py --url sqlite:////tmp/bench.db [--events 1000000] [--seed 1]
    python bench/build_store.py --url postgresql://postgres@127.0.0.1:5432/bench_wt10

The store (the SQLite file, or the PostgreSQL database's public schema: give a database of its
own) is wiped, created with the project's own schema (service.migrate), then filled with bulk inserts
(executemany in large transactions on SQLite, COPY on PostgreSQL) with the secondary indexes,
triggers and full-text index dropped, and all of them built after (and every event's stored lists,
service/payload_lists.py, filled in one statement), then ANALYZE. The shape:
5,000 actors whose participation is Zipf-distributed (s = 1: the busiest takes part in about a
fifth of all events), 2.35 participant links and 1.7 mentions per event on average, 1.2 topics,
one document per four events, dates over 2000-2025 and 3% undated. Same --seed, same store.
"""
import argparse
import bisect
import datetime as dt
import io
import itertools
import random
import time
from pathlib import Path

from service import db as db_module
from service import link_dates, payload_lists
from service.migrate import POSTGRES_FTS, SQLITE_FTS, migrate
from service.models import CHANNELS, TABLES

COUNTRIES = "US GB FR DE RU CN IN JP BR ZA NG EG TR IR SA IL PK AF UA PL IT ES CA MX AR KR KP ID AU NZ".split()
TOPICS = ["trade", "security", "energy", "climate", "health", "migration", "afghanistan", "ukraine",
          "nuclear", "terrorism", "finance", "technology", "food", "water", "arctic", "space"]
START = dt.date(2000, 1, 1)
DAYS = (dt.date(2025, 12, 31) - START).days
STAMP = "2026-01-02 03:04:05"


def _rows(n_events, n_actors, rng):
    """Yield (table, row) for every row of the store, events in id order."""
    weights = list(itertools.accumulate(1.0 / rank for rank in range(1, n_actors + 1)))
    ranks = list(range(1, n_actors + 1))
    rng.shuffle(ranks)  # actor id is not its popularity rank
    for actor_id in range(1, n_actors + 1):
        name = f"Actor {actor_id:05d}"
        yield "actor", (actor_id, name, f"actor-{actor_id:05d}", "person", COUNTRIES[actor_id % len(COUNTRIES)], STAMP)
        yield "actor_alias", (actor_id, actor_id, name, name.lower())
    for topic_id, slug in enumerate(TOPICS, 1):
        yield "topic", (topic_id, slug, slug.title(), None)
    channels = list(CHANNELS)
    link_id = mention_id = topic_link = 0
    for event_id in range(1, n_events + 1):
        doc_id = (event_id - 1) // 4 + 1
        if (event_id - 1) % 4 == 0:
            day = (START + dt.timedelta(days=rng.randrange(DAYS))).isoformat()
            text = f"Report {doc_id}. " + "Ministers met and spoke about the issues of the day. " * 8
            yield "document", (doc_id, f"doc-{doc_id}.txt", f"Report {doc_id}", "Bench Wire",
                               f"https://bench.example/{doc_id}", day, "header", text, f"{doc_id:064x}",
                               "bench", STAMP, STAMP)
        date = None if rng.random() < 0.03 else (START + dt.timedelta(days=rng.randrange(DAYS))).isoformat()
        k = 2 if (r := rng.random()) < 0.70 else 3 if r < 0.95 else 4
        people = []
        while len(people) < k:
            actor = ranks[bisect.bisect(weights, rng.random() * weights[-1])]
            if actor not in people:
                people.append(actor)
        channel = channels[event_id % len(channels)]
        title = f"{channel.replace('_', ' ').capitalize()}: " + " and ".join(f"Actor {a:05d}" for a in people)
        summary = f"Event {event_id}: talks on the matters of the day."
        yield "event", (event_id, date, "day" if date else None, "explicit" if date else "unknown", channel, None,
                        None, title, summary, 0.8, "[]", "[]", False, title + "\n" + summary, STAMP, STAMP)
        for position, actor in enumerate(people):
            link_id += 1
            yield "event_actor", (link_id, event_id, actor, "Foreign Minister", position, date)
        for _ in range(1 if (r := rng.random()) < 0.4 else 2 if r < 0.9 else 3):
            mention_id += 1
            sentence = f"{title} held talks, event {event_id} said in sentence {mention_id}."
            yield "mention", (mention_id, event_id, doc_id, sentence, 0, len(sentence), None, "{}")
        for topic in rng.sample(range(1, len(TOPICS) + 1), 1 if rng.random() < 0.8 else 2):
            topic_link += 1
            yield "event_topic", (topic_link, event_id, topic)


COLUMNS = {
    "actor": "id, name, slug, kind, country, created_at",
    "actor_alias": "id, actor_id, alias, norm",
    "topic": "id, slug, label, iptc_code",
    "document": "id, key, title, publisher, url, published, published_basis, text, sha256, extractor_version, "
                "created_at, updated_at",
    "event": "id, date, date_precision, date_basis, channel, location_name, location_country, title, summary, "
             "confidence, conflicts, locked, manual, search_text, created_at, updated_at",
    "event_actor": "id, event_id, actor_id, title, position, event_date",
    "mention": "id, event_id, document_id, sentence, start, \"end\", date_text, reported",
    "event_topic": "id, event_id, topic_id",
}


def _secondary_indexes(database):
    """(name, sql) of every index but primary keys."""
    if db_module.is_postgres():
        rows = database.execute_sql(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND right(indexname, 5) <> '_pkey'")
    else:
        rows = database.execute_sql("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")
    return list(rows)


def _flush(database, table, rows):
    if not rows:
        return
    if db_module.is_postgres():
        buffer = io.StringIO()
        for row in rows:
            buffer.write("\t".join(r"\N" if v is None else str(v).replace("\\", "\\\\").replace("\t", " ")
                                   .replace("\n", "\\n") for v in row) + "\n")
        buffer.seek(0)
        database.cursor().copy_expert(f"COPY {table} ({COLUMNS[table]}) FROM STDIN", buffer)
    else:
        marks = ", ".join("?" * len(rows[0]))
        database.cursor().executemany(f"INSERT INTO {table} ({COLUMNS[table]}) VALUES ({marks})", rows)
    rows.clear()


def _wipe(url):
    """Start from nothing: the SQLite file removed, or the PostgreSQL database's public schema dropped."""
    if url.startswith("sqlite:///"):
        for suffix in ("", "-wal", "-shm"):
            Path(url[len("sqlite:///"):] + suffix).unlink(missing_ok=True)
        return
    database = db_module.make_database(url)
    database.connect()
    database.execute_sql("DROP SCHEMA public CASCADE")
    database.execute_sql("CREATE SCHEMA public")
    database.close()


def _strip(database, pg):
    """The empty schema without its secondary indexes and triggers, for bulk loading."""
    if pg:
        database.execute_sql("SET session_replication_role = replica")  # no foreign-key triggers while copying
    else:
        database.execute_sql("PRAGMA synchronous = OFF")
        database.execute_sql("PRAGMA foreign_keys = OFF")
    for name, _ in _secondary_indexes(database):
        database.execute_sql(f'DROP INDEX IF EXISTS "{name}"')
    link_dates.drop()
    payload_lists.drop()
    for trigger in () if pg else ("event_fts_ai", "event_fts_ad", "event_fts_au"):
        database.execute_sql(f"DROP TRIGGER IF EXISTS {trigger}")


def _load(database, n_events, n_actors, seed, log, started):
    buffers = {table: [] for table in COLUMNS}
    with database.atomic():
        for count, (table, row) in enumerate(_rows(n_events, n_actors, random.Random(seed))):
            buffers[table].append(row)
            if len(buffers[table]) >= 20000:  # every table, parents first
                for name, rows in buffers.items():
                    _flush(database, name, rows)
            if count % 2_000_000 == 0 and count:
                log(f"  {count:,} rows ({time.monotonic() - started:.0f}s)")
        for table, rows in buffers.items():
            _flush(database, table, rows)


def _finish(database, pg):
    """Indexes, triggers and the search index built over the loaded rows, sequences past them, ANALYZE."""
    for model in TABLES:  # every index the models declare
        model._schema.create_indexes(safe=True)
    link_dates.install()
    database.execute_sql("ANALYZE")  # the statistics the lists' subqueries are planned with
    payload_lists.fill_all()  # every event's stored lists, in one statement over the built indexes
    database.execute_sql(payload_lists.STALE_INDEX)
    payload_lists.install()
    for sql in POSTGRES_FTS if pg else SQLITE_FTS:
        database.execute_sql(sql)
    if pg:
        database.execute_sql("SET session_replication_role = DEFAULT")
        for table in ("actor", "document", "event", "event_actor", "mention", "event_topic", "actor_alias", "topic"):
            database.execute_sql(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                                 f"(SELECT COALESCE(MAX(id), 1) FROM {table}))")
    else:
        database.execute_sql("INSERT INTO event_fts(event_fts) VALUES ('rebuild')")
    database.execute_sql("VACUUM ANALYZE" if pg else "ANALYZE")  # PostgreSQL: the lists' update left old rows


def build(url, n_events, n_actors=5000, seed=1, log=print):
    _wipe(url)
    database = db_module.bind(url)
    database.connect()
    migrate()
    started = time.monotonic()
    pg = db_module.is_postgres()
    _strip(database, pg)
    _load(database, n_events, n_actors, seed, log, started)
    loaded = time.monotonic()
    log(f"rows loaded in {loaded - started:.0f}s; building indexes")
    _finish(database, pg)
    log(f"indexes built in {time.monotonic() - loaded:.0f}s")
    database.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", required=True, help="sqlite:///path or postgresql://...")
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--actors", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    started = time.monotonic()
    build(args.url, args.events, args.actors, args.seed)
    print(f"{args.events:,} events in {time.monotonic() - started:.0f}s")


if __name__ == "__main__":
    main()
