"""Webhooks: registration, target URL checks, Standard Webhooks 1.0 signing, delivery listings.

A hook receives, as signed POSTs, the changes of the feed that pass its filters, from the moment
it is created. `timeline deliver` (service/delivery/worker.py) does the sending.
"""
import base64
import datetime as dt
import hashlib
import hmac
import ipaddress
import json
import secrets
import socket
import time
from urllib.parse import urlsplit

from schemas.changes import ChangeFilterSchema

from ..db import write_transaction
from ..domain_errors import Invalid, NotFound
from ..models import Delivery, DeliveryAttempt, Webhook, utcnow
from ..store import keyset
from ..store.change_pages import latest_seq

SECRET_PREFIX = "whsec_"
FILTERS = ChangeFilterSchema()


class TargetRefused(ValueError):
    """The URL may not be delivered to (scheme, unresolvable host, or a non-public address)."""


def allowed_networks(setting):
    return [ipaddress.ip_network(item.strip(), strict=False) for item in str(setting or "").split(",")
            if item.strip()]


def check_target(url, networks):
    """Refuse URLs that are not http(s), or whose host resolves to a private, loopback, link-local
    or otherwise non-public address outside `networks`: a hook must not reach inside our network."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise TargetRefused("only http:// and https:// URLs with a host can receive webhooks")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        infos = socket.getaddrinfo(parts.hostname, port, proto=socket.IPPROTO_TCP)
    except (ValueError, OSError) as exc:
        raise TargetRefused(f"the host {parts.hostname!r} cannot be resolved ({exc})") from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if not address.is_global and not any(address in network for network in networks):
            raise TargetRefused(f"{parts.hostname} resolves to {address}, a private, loopback or "
                                "link-local address, which this service does not deliver to")


def new_secret():
    return SECRET_PREFIX + base64.b64encode(secrets.token_bytes(24)).decode()


def sign(secret, message_id, timestamp, body):
    """The `webhook-signature` header: v1,<base64 HMAC-SHA256 of "id.timestamp.body">, keyed by the
    base64-decoded part of the whsec_ secret (Standard Webhooks 1.0)."""
    key = base64.b64decode(secret.removeprefix(SECRET_PREFIX))
    digest = hmac.new(key, f"{message_id}.{timestamp}.".encode() + body, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def message_id(delivery):
    """The `webhook-id`: one per hook and change, the same on every retry."""
    return f"msg_{delivery.webhook_id}_{delivery.seq}"


def _stamp(value):
    if value is None:
        return None
    if isinstance(value, (int, float)):
        value = dt.datetime.fromtimestamp(value, dt.UTC).replace(tzinfo=None)
    return value.strftime("%Y-%m-%dT%H:%M:%SZ")


def hook_payload(hook):
    return {
        "id": hook.id, "url": hook.url, "description": hook.description,
        "filters": json.loads(hook.filters), "status": "active" if hook.enabled else "disabled",
        "disabled_reason": hook.disabled_reason, "failing_since": _stamp(hook.failing_since),
        "owner": hook.owner, "created_at": _stamp(hook.created_at),
    }


def create_hook(data, owner, networks):
    """Register a hook (it hears of changes from now on); returns its payload with the secret."""
    try:
        check_target(data["url"], networks)
    except TargetRefused as exc:
        raise Invalid("url", str(exc)) from None
    secret = new_secret()
    with write_transaction(events=False):
        hook = Webhook.create(url=data["url"], description=data.get("description"), secret=secret, owner=owner,
                              filters=json.dumps(FILTERS.dump(data.get("filters") or {})), cursor=latest_seq())
    return {**hook_payload(hook), "secret": secret}


def get_hook(hook_id):
    hook = Webhook.get_or_none(Webhook.id == hook_id)
    if hook is None:
        raise NotFound("webhook", hook_id)
    return hook


def hooks_page(limit, cursor):
    query = Webhook.select().order_by(Webhook.id)
    if cursor:
        _, last = keyset.decode(cursor, "webhooks", int)
        query = query.where(Webhook.id > last)
    rows, next_cursor = keyset.page(query, limit, lambda row: keyset.encode("webhooks", None, row.id))
    return [hook_payload(row) for row in rows], next_cursor


def set_status(hook_id, status):
    """Pause a hook, or re-enable it (one transaction): its failure streak starts again and its oldest
    delivery is due now."""
    with write_transaction(events=False):
        return _set_status(get_hook(hook_id), status)


def _set_status(hook, status):
    hook.enabled = status == "active"
    if hook.enabled:
        hook.failing_since = hook.disabled_at = hook.disabled_reason = None
        head = (Delivery.select().where((Delivery.webhook == hook.id) & (Delivery.status == "pending"))
                .order_by(Delivery.seq).first())
        if head is not None:
            head.due_at = time.time()
            head.save(only=[Delivery.due_at])
    else:
        hook.disabled_at, hook.disabled_reason = utcnow(), "paused over the API"
    hook.save()
    return hook_payload(hook)


def delete_hook(hook_id):
    with write_transaction(events=False):
        get_hook(hook_id).delete_instance(recursive=True)


def deliveries_page(hook_id, limit, cursor):
    """A hook's deliveries, newest first, each with its attempts (status code or error)."""
    get_hook(hook_id)
    query = Delivery.select().where(Delivery.webhook == hook_id).order_by(Delivery.seq.desc())
    if cursor:
        _, last = keyset.decode(cursor, "deliveries", int)
        query = query.where(Delivery.seq < last)
    rows, next_cursor = keyset.page(query, limit, lambda row: keyset.encode("deliveries", None, row.seq))
    attempts = {}
    if rows:
        for attempt in (DeliveryAttempt.select().where(DeliveryAttempt.delivery.in_([r.id for r in rows]))
                        .order_by(DeliveryAttempt.id)):
            attempts.setdefault(attempt.delivery_id, []).append({
                "at": _stamp(attempt.at), "response_status": attempt.response_status,
                "error": attempt.error, "duration_ms": attempt.duration_ms})
    data = [{
        "id": row.id, "message_id": message_id(row), "seq": row.seq, "status": row.status,
        "attempts": attempts.get(row.id, []),
        "next_attempt_at": _stamp(row.due_at) if row.status == "pending" else None,
        "response_status": row.response_status, "delivered_at": _stamp(row.delivered_at),
    } for row in rows]
    return data, next_cursor
