"""One delivery attempt: the signed POST (Standard Webhooks headers), its outcome recorded, and
the backoff before the next try; a hook failing for too long is disabled here."""
import http.client
import random
import time
import urllib.error
import urllib.request
from dataclasses import dataclass

from ..models import DeliveryAttempt, Webhook, utcnow
from .hooks import TargetRefused, allowed_networks, check_target, message_id, sign


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a redirect could lead anywhere, past the target check: it is a failure


# no proxies from the environment: the request goes to the host that was checked
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}), _NoRedirect)


@dataclass(frozen=True)
class Settings:
    timeout: float
    retry_base: float
    retry_max: float
    disable_after: float
    lease: float
    poll: float
    networks: tuple
    retention_days: int = 30

    def __post_init__(self):
        if self.lease <= self.timeout:
            raise ValueError("DELIVER_LEASE_SECONDS must be longer than WEBHOOK_TIMEOUT_SECONDS: a lease must "
                             "outlast the send it covers")

    @classmethod
    def from_config(cls, config):
        return cls(float(config["WEBHOOK_TIMEOUT_SECONDS"]), float(config["WEBHOOK_RETRY_BASE_SECONDS"]),
                   float(config["WEBHOOK_RETRY_MAX_SECONDS"]), float(config["WEBHOOK_DISABLE_AFTER_SECONDS"]),
                   float(config["DELIVER_LEASE_SECONDS"]), float(config["DELIVER_POLL_SECONDS"]),
                   tuple(allowed_networks(config["WEBHOOK_ALLOWED_NETWORKS"])), int(config["CHANGES_RETENTION_DAYS"]))


def backoff(attempts, settings, rng=random):
    """Exponential, capped, with jitter (half to all of the delay) so failing hooks do not retry in step."""
    delay = min(settings.retry_max, settings.retry_base * 2 ** (attempts - 1))
    return delay * rng.uniform(0.5, 1.0)


def disable(hook, reason):
    hook.enabled = False
    hook.disabled_at = utcnow()
    hook.disabled_reason = reason
    hook.save(only=[Webhook.enabled, Webhook.disabled_at, Webhook.disabled_reason])


def send(hook, delivery, settings):
    """POST one signed delivery; (response status or None, error or None, milliseconds)."""
    started = time.monotonic()
    try:
        check_target(hook.url, settings.networks)  # again: DNS may have changed since registration
    except TargetRefused as exc:
        return None, str(exc), 0
    body = delivery.payload.encode()
    msg_id, stamp = message_id(delivery), str(int(time.time()))
    request = urllib.request.Request(hook.url, data=body, method="POST", headers={
        "Content-Type": "application/json", "User-Agent": "event-timeline-webhooks",
        "webhook-id": msg_id, "webhook-timestamp": stamp, "webhook-signature": sign(hook.secret, msg_id, stamp, body),
    })
    status, error = None, None
    try:
        with OPENER.open(request, timeout=settings.timeout) as response:
            response.read(4096)
            status = response.status
    except urllib.error.HTTPError as exc:
        status = exc.code
        exc.close()
    except (urllib.error.URLError, OSError, http.client.HTTPException) as exc:
        error = f"{type(exc).__name__}: {getattr(exc, 'reason', exc)}"[:500]
    return status, error, int((time.monotonic() - started) * 1000)


def record(hook, delivery, outcome, settings):
    """Store one attempt's outcome: delivered, or the next attempt after a backoff (and perhaps disable)."""
    status, error, duration = outcome
    DeliveryAttempt.create(delivery=delivery.id, response_status=status, error=error, duration_ms=duration)
    delivery.attempts += 1
    delivery.response_status = status
    now = time.time()
    if status is not None and 200 <= status < 300:
        delivery.status, delivery.delivered_at = "delivered", utcnow()
        hook.failing_since = None
    else:
        delivery.due_at = now + backoff(delivery.attempts, settings)
        hook.failing_since = hook.failing_since or now
        if now - hook.failing_since >= settings.disable_after:
            what = f"answered {status}" if status is not None else f"failed: {error}"
            disable(hook, f"deliveries have failed for {int(now - hook.failing_since)} s; the last {what}")
    delivery.save()
    hook.save(only=[Webhook.failing_since])
