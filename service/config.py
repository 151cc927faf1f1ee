"""Configuration, read in one place: defaults <- environment (TIMELINE_*) <- explicit overrides.

Nothing else in the service reads os.environ.
"""
import os

from schemas.common import PAGE_LIMIT_DEFAULT, PAGE_LIMIT_MAX

PREFIX = "TIMELINE_"

DEFAULTS = {
    # sqlite:///timeline.db (a file in the working directory) unless DATABASE_URL is set
    "DATABASE_URL": "sqlite:///timeline.db",
    # origins allowed to read the API from a browser; "*" or a comma-separated list
    "CORS_ORIGINS": "*",
    # reads are public unless this is true; writes always need a key
    "READS_REQUIRE_KEY": False,
    # the desk: HTML pages at / for journalists (service/desk); false for API-only deployments
    "DESK": True,
    # request bodies over this many bytes get 413
    "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,
    # articles over this many bytes (UTF-8) are refused up front: by the loader with a one-line
    # reason, over HTTP with 413. 100 KiB is several times the longest news article, and keeps
    # one extraction near 4 s and 500 MiB (bench/bench_loader.py); at most SPACY_MAX_LENGTH
    "MAX_ARTICLE_BYTES": 100 * 1024,
    # writes allowed per API key per window
    "WRITE_RATE_LIMIT": 60,
    "WRITE_RATE_WINDOW": 60,
    "PAGE_LIMIT_DEFAULT": PAGE_LIMIT_DEFAULT,
    "PAGE_LIMIT_MAX": PAGE_LIMIT_MAX,  # may be set lower, not higher: the schemas refuse more
    "FEED_SIZE": 50,
    # the service's public base URL (e.g. https://timeline.example.org/): links and ids in exports;
    # unset, the request's host is used (and http://localhost:8000/ by `timeline export`)
    "PUBLIC_URL": "",
    # the change feed keeps its changes (and tombstones) this many days; an older `since` is a 410
    "CHANGES_RETENTION_DAYS": 30,
    # Server-Sent Events of /v1/changes: how often the store is polled, a heartbeat comment when
    # nothing happened, and how long one connection lasts (the client reconnects with Last-Event-ID)
    "SSE_POLL_SECONDS": 1.0,
    "SSE_HEARTBEAT_SECONDS": 15.0,
    "SSE_MAX_SECONDS": 300.0,
    # open streams per server process; each holds a thread (`timeline serve` runs 4 per worker
    # by default): keep it below --threads, so streams never take every thread
    "SSE_MAX_STREAMS": 2,
    # webhook targets on private, loopback or link-local addresses are refused unless inside one
    # of these networks (comma-separated CIDRs, e.g. "127.0.0.0/8,::1/128")
    "WEBHOOK_ALLOWED_NETWORKS": "",
    "WEBHOOK_TIMEOUT_SECONDS": 10.0,
    # retries: base * 2^(attempt-1), at most max, each with random jitter (half to the full delay)
    "WEBHOOK_RETRY_BASE_SECONDS": 5.0,
    "WEBHOOK_RETRY_MAX_SECONDS": 3600.0,
    # a hook whose deliveries have failed for this long is disabled
    "WEBHOOK_DISABLE_AFTER_SECONDS": 3 * 24 * 3600.0,
    # `timeline deliver` on SQLite leases a hook for this long (must exceed the timeout)
    "DELIVER_LEASE_SECONDS": 60.0,
    "DELIVER_POLL_SECONDS": 1.0,
}


# spaCy refuses texts over nlp.max_length (1,000,000 characters) with an error; a byte limit at or
# under it keeps every article the loader accepts within it (a character is at least one byte)
SPACY_MAX_LENGTH = 1_000_000


def _coerce(default, raw):
    if isinstance(default, bool):
        return raw.strip().lower() in ("1", "true", "yes", "on")
    if isinstance(default, int):
        return int(raw)
    if isinstance(default, float):
        return float(raw)
    return raw


def load(overrides=None, environ=None):
    """Return the effective configuration as a plain dict."""
    environ = os.environ if environ is None else environ
    config = dict(DEFAULTS)
    for name, default in DEFAULTS.items():
        raw = environ.get(PREFIX + name)
        if name == "DATABASE_URL":
            raw = environ.get("DATABASE_URL", raw)
        if raw is not None and raw != "":
            try:
                config[name] = _coerce(default, raw)
            except ValueError as exc:
                raise SystemExit(f"configuration: {PREFIX}{name}={raw!r} is not valid ({exc})") from None
    config.update(overrides or {})
    if not 0 < int(config["MAX_ARTICLE_BYTES"]) <= SPACY_MAX_LENGTH:
        raise SystemExit(f"configuration: {PREFIX}MAX_ARTICLE_BYTES must be between 1 and {SPACY_MAX_LENGTH} "
                         f"(spaCy's max_length), not {config['MAX_ARTICLE_BYTES']}")
    return config

