"""Configuration, read in one place: defaults <- environment (TIMELINE_*) <- explicit overrides.

Nothing else in the service reads os.environ.
"""
import os

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
    "PAGE_LIMIT_DEFAULT": 50,
    "PAGE_LIMIT_MAX": 200,
    "FEED_SIZE": 50,
    # the service's public base URL (e.g. https://timeline.example.org/): links and ids in exports;
    # unset, the request's host is used (and http://localhost:8000/ by `timeline export`)
    "PUBLIC_URL": "",
}


# spaCy refuses texts over nlp.max_length (1,000,000 characters) with an error; a byte limit at or
# under it keeps every article the loader accepts within it (a character is at least one byte)
SPACY_MAX_LENGTH = 1_000_000


def _coerce(default, raw):
    if isinstance(default, bool):
        return raw.strip().lower() in ("1", "true", "yes", "on")
    if isinstance(default, int):
        return int(raw)
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


def env(name, default=None):
    """Read one extra environment variable (used by the CLI and tests for TEST_DATABASE_URL)."""
    return os.environ.get(name, default)
