"""The event store: tables and indexes. No HTTP, no JSON formatting here."""
import datetime as dt
import json

from peewee import (
    SQL,
    AutoField,
    BigIntegerField,
    BooleanField,
    CharField,
    DateField,
    DateTimeField,
    DoubleField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    Model,
    NodeList,
    TextField,
)

from schemas import channels as channel_registry

from .db import database, is_postgres
from .reconciling.reports import Report, ReportField

SCHEMA_VERSION = 7

CHANNELS = {c.name: c.description for c in channel_registry.REGISTRY.values()}


def utcnow():
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


class StableIdField(AutoField):
    """A public id that is never given twice. SQLite without AUTOINCREMENT hands the largest id
    out again once its row is deleted (and the deleted event's history would show under the new
    one); PostgreSQL's sequences never go back."""

    def ddl(self, ctx):
        node = super().ddl(ctx)
        return node if is_postgres() else NodeList((node, SQL("AUTOINCREMENT")))


class BaseModel(Model):
    class Meta:
        database = database
        legacy_table_names = False


class SchemaInfo(BaseModel):
    """One row: the schema version the store was last migrated to."""

    version = IntegerField()
    migrated_at = DateTimeField(default=utcnow)


class Document(BaseModel):
    id = StableIdField()
    key = CharField(max_length=255, unique=True)
    title = TextField(null=True)
    publisher = CharField(max_length=255, null=True)
    url = TextField(null=True)
    published = DateField(null=True, index=True)
    # how the publication date was found: client, header, publication_line, dateline, masthead, none,
    # post (the date closing an embedded post)
    published_basis = CharField(max_length=32, default="none")
    text = TextField()
    sha256 = CharField(max_length=64, unique=True)
    extractor_version = CharField(max_length=32)
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)


class Actor(BaseModel):
    id = StableIdField()
    name = CharField(max_length=255)
    slug = CharField(max_length=255, unique=True)
    kind = CharField(max_length=16, default="person")
    country = CharField(max_length=2, null=True, index=True)
    created_at = DateTimeField(default=utcnow)


class ActorAlias(BaseModel):
    id = AutoField()
    actor = ForeignKeyField(Actor, backref="aliases", on_delete="CASCADE", index=True)
    alias = CharField(max_length=255)
    # casefolded, accents stripped, whitespace folded: the lookup key
    norm = CharField(max_length=255, unique=True)


class Event(BaseModel):
    id = StableIdField()
    date = DateField(null=True)
    date_precision = CharField(max_length=8, null=True)
    date_basis = CharField(max_length=16, default="unknown")
    channel = CharField(max_length=32, index=True)
    location_name = CharField(max_length=255, null=True, index=True)
    location_country = CharField(max_length=2, null=True)
    title = TextField()
    summary = TextField(null=True)
    confidence = FloatField(default=0.5)
    # JSON list of {"field", "values": [{"value", "documents": [key, ...]}]} where sources disagree
    # (schemas.events.ConflictSchema)
    conflicts = TextField(default="[]")
    # JSON list of field names an editor set: re-extraction never overwrites them
    locked = TextField(default="[]")
    # set when an editor created the event by hand; such events survive without documents
    manual = BooleanField(default=False)
    # title + summary + evidence, the text that `q` searches
    search_text = TextField(default="")
    created_at = DateTimeField(default=utcnow)
    updated_at = DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("date", "id"), False),)

    def locked_fields(self):
        """The names of the fields an editor set (Event.locked)."""
        return set(json.loads(self.locked or "[]"))

    def lock(self, fields):
        """Add fields to those the loader never recomputes."""
        self.locked = json.dumps(sorted(self.locked_fields() | set(fields)))


class EventActor(BaseModel):
    id = AutoField()
    event = ForeignKeyField(Event, backref="participants", on_delete="CASCADE")
    actor = ForeignKeyField(Actor, backref="event_links", on_delete="CASCADE", index=True)
    # the title the actor held in the report ("Foreign Minister")
    title = CharField(max_length=255, null=True)
    position = IntegerField(default=0)
    # the event's date, copied here (schema 6) so "events of X in date order" walks one index range;
    # kept equal to Event.date by triggers (service/link_dates.py) on every write path
    event_date = DateField(null=True)

    class Meta:
        indexes = ((("event", "actor"), True), (("actor", "event_date", "event"), False))


class Topic(BaseModel):
    id = AutoField()
    slug = CharField(max_length=64, unique=True)
    label = CharField(max_length=255)
    iptc_code = CharField(max_length=32, null=True)


class EventTopic(BaseModel):
    id = AutoField()
    event = ForeignKeyField(Event, backref="topic_links", on_delete="CASCADE")
    topic = ForeignKeyField(Topic, backref="event_links", on_delete="CASCADE", index=True)

    class Meta:
        indexes = ((("event", "topic"), True),)


class Mention(BaseModel):
    """The evidence: one sentence of one document that reports an event."""

    id = AutoField()
    event = ForeignKeyField(Event, backref="mentions", on_delete="CASCADE", index=True)
    document = ForeignKeyField(Document, backref="mentions", on_delete="CASCADE", index=True)
    sentence = TextField()
    start = IntegerField()
    end = IntegerField()
    date_text = CharField(max_length=255, null=True)
    # what this document alone said of the event (reports.Report): events are recomputed from these
    reported = ReportField(default=Report)


class ApiKey(BaseModel):
    id = AutoField()
    name = CharField(max_length=64, unique=True)
    key_hash = CharField(max_length=64, unique=True)
    created_at = DateTimeField(default=utcnow)
    revoked_at = DateTimeField(null=True)


class EventChange(BaseModel):
    """History of every write to an event; kept after the event is deleted. event_id is no foreign
    key, so the history outlives its event; event ids are never reused (StableIdField), so the
    history of a deleted event never shows under a new one."""

    id = StableIdField()
    event_id = IntegerField(index=True)
    actor_key = CharField(max_length=64)  # name of the API key, or "loader"
    action = CharField(max_length=16)  # create, update, delete, merge
    changes = TextField(default="{}")
    at = DateTimeField(default=utcnow)


class DeletedEvidence(BaseModel):
    """A sentence whose event an editor deleted (schema 6): re-extracting its document must not bring
    the event back. Keyed by the document's key, which outlives a replaced text."""

    id = AutoField()
    document_key = CharField(max_length=255, index=True)
    sentence = TextField()
    event_id = IntegerField()  # the deleted event, as its history names it
    at = DateTimeField(default=utcnow)


class WriteQuota(BaseModel):
    """Writes per API key per rate-limit window, shared by every worker process (schema 2)."""

    id = AutoField()
    key_hash = CharField(max_length=64)
    window = IntegerField()  # window number: unix time // WRITE_RATE_WINDOW
    count = IntegerField(default=0)

    class Meta:
        indexes = ((("key_hash", "window"), True),)


class Change(BaseModel):
    """The change feed (schema 4): one row per created, updated, merged or deleted event, document
    or participant, written in the transaction of the change itself (service/change_feed.py)."""

    id = StableIdField()  # on SQLite the seq is this id: never given twice, even after pruning
    # the feed's order: given at commit, not at insert, so it follows commit order (service/migrate.py)
    seq = BigIntegerField(null=True, unique=True)
    kind = CharField(max_length=16)  # event | document | participant
    object_id = IntegerField()
    action = CharField(max_length=16)  # created | updated | merged | deleted
    via = CharField(max_length=16)  # extraction | editor
    survivor = IntegerField(null=True)  # merged: the id that lives on
    # JSON facets of an event before and after the change (channel, date, participants, topics):
    # what the /v1/events filters of the feed and of webhooks match
    before = TextField(null=True)
    after = TextField(null=True)
    at = DateTimeField(default=utcnow, index=True)


class ChangeHorizon(BaseModel):
    """One row: the feed no longer holds changes up to and including this seq (pruned)."""

    pruned_through = BigIntegerField(default=0)


class Webhook(BaseModel):
    id = StableIdField()
    url = TextField()
    description = TextField(null=True)
    filters = TextField(default="{}")  # JSON: the change-feed filters
    secret = CharField(max_length=128)  # whsec_...: the delivery worker signs with it
    owner = CharField(max_length=64)  # the API key that created it
    cursor = BigIntegerField(default=0)  # the last change seq turned into deliveries
    enabled = BooleanField(default=True)
    failing_since = DoubleField(null=True)  # unix time of the first failure in the current streak
    disabled_at = DateTimeField(null=True)
    disabled_reason = TextField(null=True)
    # SQLite has no SKIP LOCKED: a worker leases the hook instead (service/delivery/worker.py)
    lease_owner = CharField(max_length=64, null=True)
    lease_until = DoubleField(null=True)
    created_at = DateTimeField(default=utcnow)


class Delivery(BaseModel):
    """One change to send to one hook; sent in seq order per hook, at least once."""

    id = AutoField()
    webhook = ForeignKeyField(Webhook, backref="deliveries", on_delete="CASCADE")
    seq = BigIntegerField()
    payload = TextField()  # the JSON body, fixed at fan-out so every retry sends the same bytes
    status = CharField(max_length=16, default="pending")  # pending | delivered
    attempts = IntegerField(default=0)
    due_at = DoubleField()  # unix time of the next attempt
    response_status = IntegerField(null=True)
    delivered_at = DateTimeField(null=True)
    created_at = DateTimeField(default=utcnow)

    class Meta:
        indexes = ((("webhook", "seq"), True), (("webhook", "status", "seq"), False))


class DeliveryAttempt(BaseModel):
    id = AutoField()
    delivery = ForeignKeyField(Delivery, backref="attempt_rows", on_delete="CASCADE", index=True)
    at = DateTimeField(default=utcnow)
    response_status = IntegerField(null=True)
    error = TextField(null=True)
    duration_ms = IntegerField()


TABLES = [
    SchemaInfo,
    Document,
    Actor,
    ActorAlias,
    Event,
    EventActor,
    Topic,
    EventTopic,
    Mention,
    ApiKey,
    EventChange,
    WriteQuota,
    Change,
    ChangeHorizon,
    Webhook,
    Delivery,
    DeliveryAttempt,
    DeletedEvidence,
]
