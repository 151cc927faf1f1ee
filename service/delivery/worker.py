"""`timeline deliver`: the webhook delivery worker. The database is the queue.

For each hook, a worker that holds the hook turns new changes of the feed into Delivery rows
(fan-out: the hook's cursor moves in the same transaction) and sends the oldest pending one;
a later delivery of a hook waits for the earlier, so each hook receives in seq order. Several
workers share the hooks without sending one twice:

- PostgreSQL: the hook row is taken with SELECT ... FOR UPDATE SKIP LOCKED in a transaction that
  lasts through the send and the recording of its result. A worker killed mid-send drops its
  connection, the transaction rolls back, and another worker sends that delivery again.
- SQLite (no row locks): a hook is leased (lease_owner, lease_until) in a short transaction, sent
  outside any transaction, and the result is recorded in another; a killed worker's lease expires
  after DELIVER_LEASE_SECONDS and another worker sends again.

Either way a delivery is marked delivered only after a 2xx: at least once, and only the delivery
in flight at a crash can arrive twice (receivers deduplicate on `webhook-id`).
"""
import json
import logging
import os
import socket
import time
import uuid

from peewee import InterfaceError, OperationalError

from .. import change_feed
from ..db import database, is_postgres, write_transaction
from ..models import Change, Delivery, Webhook
from ..store.change_pages import entry, matches, pruned_through
from .attempts import Settings, disable, record, send
from .hooks import FILTERS

__all__ = ["Settings", "fan_out", "process_hook", "run"]

log = logging.getLogger(__name__)
FAN_OUT_BATCH = 500
PRUNE_EVERY_SECONDS = 3600
BURST = 50  # deliveries of one hook per turn before the worker moves on to the next hook


def payload(change):
    data = entry(change)
    return json.dumps({"type": f"{change.kind}.{change.action}", "timestamp": data["time"], "data": data},
                      separators=(",", ":"))


def fan_out(hook):
    """Turn the changes after the hook's cursor into its pending deliveries (the caller holds the hook)."""
    if hook.cursor < pruned_through():
        disable(hook, f"the changes after seq {hook.cursor} were pruned before they could be delivered")
        return 0
    filters = FILTERS.load(json.loads(hook.filters))
    rows = list(Change.select().where(Change.seq > hook.cursor).order_by(Change.seq).limit(FAN_OUT_BATCH))
    now = time.time()
    new = [{"webhook": hook.id, "seq": row.seq, "payload": payload(row), "due_at": now}
           for row in rows if matches(filters, row)]
    if new:
        Delivery.insert_many(new).on_conflict_ignore().execute()
    if rows:
        hook.cursor = rows[-1].seq
        hook.save(only=[Webhook.cursor])
    return len(new)


def _head_due(hook):
    head = (Delivery.select().where((Delivery.webhook == hook.id) & (Delivery.status == "pending"))
            .order_by(Delivery.seq).first())
    return head if head is not None and head.due_at <= time.time() else None


def _process_postgres(hook_id, settings):
    worked = False
    for turn in range(BURST):  # one transaction, and so one commit, per delivery
        with database.atomic():
            hook = (Webhook.select().where((Webhook.id == hook_id) & Webhook.enabled)
                    .for_update(skip_locked=True).first())
            if hook is None:
                return worked  # another worker holds it, or it went away
            fanned = fan_out(hook) if turn == 0 else 0
            delivery = _head_due(hook) if hook.enabled else None
            if delivery is not None:
                record(hook, delivery, send(hook, delivery, settings), settings)
        worked = worked or bool(fanned or delivery)
        if delivery is None:
            break
    return worked


def _has_work(hook, now):
    """A read, before any write lock: is the hook free, with new changes or a delivery due?"""
    if hook is None or (hook.lease_until is not None and hook.lease_until >= now):
        return False
    if Change.select().where(Change.seq > hook.cursor).exists():
        return True
    return _head_due(hook) is not None


def _process_sqlite(hook_id, settings, worker):
    now = time.time()
    if not _has_work(Webhook.get_or_none((Webhook.id == hook_id) & Webhook.enabled), now):
        return False  # idle workers take no write lock: SQLite has one for everybody
    with write_transaction(events=False):
        taken = (Webhook.update(lease_owner=worker, lease_until=now + settings.lease)
                 .where((Webhook.id == hook_id) & Webhook.enabled
                        & (Webhook.lease_until.is_null() | (Webhook.lease_until < now)))
                 .execute())
        if not taken:
            return False
        hook = Webhook.get_by_id(hook_id)
        fanned = fan_out(hook)
        delivery = _head_due(hook) if hook.enabled else None
    worked, sent = bool(fanned or delivery), 0
    try:
        while delivery is not None and sent < BURST:
            outcome = send(hook, delivery, settings)
            sent += 1
            with write_transaction(events=False):  # the outcome, and the lease renewed for the next send
                hook, current = Webhook.get_or_none(Webhook.id == hook_id), Delivery.get_or_none(
                    Delivery.id == delivery.id)
                if hook is None or current is None:
                    break
                if current.status == "pending":
                    record(hook, current, outcome, settings)
                kept = (Webhook.update(lease_until=time.time() + settings.lease)
                        .where((Webhook.id == hook_id) & (Webhook.lease_owner == worker)).execute())
                delivery = _head_due(hook) if kept and hook.enabled else None
    finally:
        with write_transaction(events=False):
            (Webhook.update(lease_owner=None, lease_until=None)
             .where((Webhook.id == hook_id) & (Webhook.lease_owner == worker)).execute())
    return worked


def process_hook(hook_id, settings, worker):
    """Fan out and send up to BURST deliveries of one hook, in order; True when there was work."""
    if is_postgres():
        return _process_postgres(hook_id, settings)
    return _process_sqlite(hook_id, settings, worker)


def worker_name():
    return f"{socket.gethostname()}-{os.getpid()}-{uuid.uuid4().hex[:6]}"


def _pass(settings, worker, pruned_at):
    """One round over the enabled hooks; (whether there was work, when the feed was last pruned)."""
    database.connect(reuse_if_open=True)
    if pruned_at is None or time.monotonic() - pruned_at > PRUNE_EVERY_SECONDS:
        change_feed.prune(settings.retention_days)  # the worker runs beside the service: it keeps the feed trim
        pruned_at = time.monotonic()
    hook_ids = [h.id for h in Webhook.select(Webhook.id).where(Webhook.enabled).order_by(Webhook.id)]
    busy = False
    for hook_id in hook_ids:
        busy = process_hook(hook_id, settings, worker) or busy
    return busy, pruned_at


def run(settings, *, max_seconds=None, once=False, stop=lambda: False):
    """Deliver until stopped, out of time, or (once) until nothing is due. Returns the passes made."""
    worker, passes, pruned_at = worker_name(), 0, None
    deadline = time.monotonic() + max_seconds if max_seconds else None
    while not stop() and (deadline is None or time.monotonic() < deadline):
        try:
            busy, pruned_at = _pass(settings, worker, pruned_at)
        except (OperationalError, InterfaceError) as exc:
            # the database went away (a restart, a network blip): nothing was marked that was not
            # done, so wait and go on; what was in flight is sent again
            log.warning("deliver: database error, retrying: %s", str(exc).splitlines()[0] if str(exc) else exc)
            if not database.is_closed():
                database.close()
            busy = False
        passes += 1
        if not busy:
            if once:
                break
            database.close()  # idle: hold no connection while waiting
            time.sleep(settings.poll)
    if not database.is_closed():
        database.close()
    return passes
