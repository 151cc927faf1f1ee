"""EventActor.event_date: the event's date on each participant link, kept by the database itself.

A participant's events in date order are then one range of the index (actor, event_date, event):
no lookup of every event the participant ever took part in, no sort. Triggers keep the copy equal
to Event.date on every write path (the loader, merges, corrections, participant merges, raw SQL):
a link gets its event's date when it is inserted or moved to another event, and every link of an
event follows when the event's date changes.
"""
from . import triggers
from .db import database
from .models import EventActor

SQLITE_TRIGGERS = {
    "event_actor_date_ai": "AFTER INSERT ON event_actor BEGIN "
    "UPDATE event_actor SET event_date = (SELECT date FROM event WHERE id = new.event_id) WHERE id = new.id; END",
    "event_actor_date_au": "AFTER UPDATE OF event_id, event_date ON event_actor "
    "WHEN new.event_date IS NOT (SELECT date FROM event WHERE id = new.event_id) BEGIN "
    "UPDATE event_actor SET event_date = (SELECT date FROM event WHERE id = new.event_id) WHERE id = new.id; END",
    "event_date_au": "AFTER UPDATE OF date ON event WHEN new.date IS NOT old.date BEGIN "
    "UPDATE event_actor SET event_date = new.date WHERE event_id = new.id; END",
}
POSTGRES_FUNCTIONS = [
    "CREATE OR REPLACE FUNCTION event_actor_take_date() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "NEW.event_date := (SELECT date FROM event WHERE id = NEW.event_id); RETURN NEW; END $$",
    "CREATE OR REPLACE FUNCTION event_date_to_links() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
    "UPDATE event_actor SET event_date = NEW.date WHERE event_id = NEW.id; RETURN NULL; END $$",
]
POSTGRES_TRIGGERS = {
    "event_actor_date_bi": "BEFORE INSERT OR UPDATE OF event_id, event_date ON event_actor "
    "FOR EACH ROW EXECUTE FUNCTION event_actor_take_date()",
    "event_date_au": "AFTER UPDATE OF date ON event FOR EACH ROW WHEN (OLD.date IS DISTINCT FROM NEW.date) "
    "EXECUTE FUNCTION event_date_to_links()",
}


def install():
    """Create the triggers (idempotent)."""
    triggers.install(SQLITE_TRIGGERS, POSTGRES_FUNCTIONS, POSTGRES_TRIGGERS)


def drop():
    """Drop the triggers: only for a bulk load that writes event_date itself (bench/build_store.py)."""
    triggers.drop(SQLITE_TRIGGERS, POSTGRES_TRIGGERS,
                  lambda name: "event" if name.startswith("event_date") else "event_actor")


def backfill():
    """Copy every event's date onto its links (the upgrade of a store written before schema 5)."""
    database.execute_sql(
        "UPDATE event_actor SET event_date = (SELECT date FROM event WHERE event.id = event_actor.event_id)"
    )


def add_column():
    """Schema 5 on an older store: the column, its value on every link, its index and the triggers."""
    if "event_date" not in {column.name for column in database.get_columns(EventActor._meta.table_name)}:
        database.execute_sql("ALTER TABLE event_actor ADD COLUMN event_date DATE")
    backfill()
    EventActor._schema.create_indexes(safe=True)
    install()
