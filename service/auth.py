"""API keys, the write gate, per-key write rate limiting and the request body limit.

Keys are random secrets shown once; the store keeps only their SHA-256. Every write (POST, PUT,
PATCH, DELETE) needs `Authorization: Bearer <key>`; reads are public unless READS_REQUIRE_KEY.

The write rate limit is counted in the database (service/ratelimit.py), so it holds across
gunicorn workers.
"""
import hashlib
import hmac
import io
import re
import secrets

from flask import current_app, g, request

from .db import database
from .errors import Problem
from .models import ApiKey, utcnow
from .ratelimit import count_write

KEY_PREFIX = "tl_"
NAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}$")
WRITE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
# with READS_REQUIRE_KEY, reads under /v1/ need a key but the API's own description; health
# checks and the docs page live outside /v1/ and stay open
PUBLIC_READ_PATHS = ("/v1/openapi.json",)
SECURITY_SCHEME = "bearerAuth"
REALM = "timeline"


class KeyProblem(ValueError):
    """A key operation that cannot be done (bad or duplicate name, unknown name)."""


def hash_key(secret):
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def check_name(name):
    if not isinstance(name, str) or not NAME_PATTERN.match(name):
        raise KeyProblem(f"invalid key name {name!r}: 1-64 characters, letters, digits, '.', '_', '@', '-'")


def create_key(name):
    """Create a key named `name`; returns the secret, which is never stored and never shown again."""
    check_name(name)
    secret = KEY_PREFIX + secrets.token_urlsafe(32)
    with database.atomic():
        # revoked names stay taken: the history names keys, and a name must mean one key
        if ApiKey.select().where(ApiKey.name == name).exists():
            raise KeyProblem(f"a key named {name!r} already exists")
        ApiKey.create(name=name, key_hash=hash_key(secret))
    return secret


def list_keys():
    """Every key (never its secret): name, created_at, revoked_at."""
    query = ApiKey.select().order_by(ApiKey.name)
    return [
        {"name": row.name, "created_at": row.created_at, "revoked_at": row.revoked_at}
        for row in query
    ]


def revoke_key(name):
    """Revoke the key named `name`; revoking twice is an error so scripts notice typos."""
    with database.atomic():
        row = ApiKey.get_or_none(ApiKey.name == name)
        if row is None:
            raise KeyProblem(f"no key named {name!r}")
        if row.revoked_at is not None:
            raise KeyProblem(f"the key {name!r} is already revoked")
        row.revoked_at = utcnow()
        row.save()


def _unauthorized(detail, error=None):
    challenge = f'Bearer realm="{REALM}"'
    if error:
        challenge += f', error="{error}"'
    return Problem(401, "Unauthorized", detail, type_="unauthorized", headers={"WWW-Authenticate": challenge})


def authenticate():
    """The ApiKey of the request's bearer token, or raise 401."""
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    token = token.strip()
    if scheme.lower() == "basic" and request.authorization:
        # the desk's pages ask a browser for the key as a Basic password; the browser then sends
        # it to the API's exports the pages link to as well
        scheme, token = "bearer", request.authorization.password or ""
    if not header or scheme.lower() != "bearer" or not token:
        raise _unauthorized("This operation needs an API key: send `Authorization: Bearer <key>`.")
    presented = hash_key(token)
    row = ApiKey.get_or_none(ApiKey.key_hash == presented)
    # the lookup is by a hash the client cannot steer; the comparison is constant-time anyway
    if row is None or not hmac.compare_digest(row.key_hash, presented):
        raise _unauthorized("The API key is not valid.", "invalid_token")
    if row.revoked_at is not None:
        raise _unauthorized("The API key has been revoked.", "invalid_token")
    return row


def _too_large(detail):
    return Problem(413, "Content Too Large", detail, type_="content-too-large")


def _check_body_size():
    """413 for a body over MAX_CONTENT_LENGTH, before anything reads it.

    A chunked body has no Content-Length, and werkzeug would silently cut it at the limit (a
    truncated body, then a confusing 400): read up to limit + 1 bytes here and decide.
    """
    limit = current_app.config.get("MAX_CONTENT_LENGTH")
    length = request.content_length
    if not limit:
        return
    if length is not None:
        if length > limit:
            raise _too_large(f"The request body is {length} bytes; the limit is {limit} bytes.")
        return
    environ = request.environ
    if environ.get("wsgi.input_terminated") or "chunked" in request.headers.get("Transfer-Encoding", ""):
        raw = environ["wsgi.input"].read(limit + 1)
        if len(raw) > limit:
            raise _too_large(f"The request body is over the limit of {limit} bytes.")
        environ["wsgi.input"] = io.BytesIO(raw)
        environ["CONTENT_LENGTH"] = str(len(raw))
        environ.pop("wsgi.input_terminated", None)


def _gate():
    if request.routing_exception is not None or request.method == "OPTIONS":
        return  # 404/405 answer as they are; CORS preflights carry no credentials
    if request.method in WRITE_METHODS:
        _check_body_size()
        key = authenticate()
        g.api_key_name = key.name
        config = current_app.config
        wait = count_write(key.key_hash, int(config["WRITE_RATE_LIMIT"]), float(config["WRITE_RATE_WINDOW"]))
        if wait:
            raise Problem(
                429,
                "Too Many Requests",
                f"This key may make {config['WRITE_RATE_LIMIT']} writes per "
                f"{config['WRITE_RATE_WINDOW']} seconds; retry in {wait} seconds.",
                headers={"Retry-After": str(wait)},
            )
    elif (current_app.config.get("READS_REQUIRE_KEY") and request.path.startswith("/v1/")
          and request.path not in PUBLIC_READ_PATHS):
        g.api_key_name = authenticate().name


def key_name():
    """The name of the key that authorised this request (for the history)."""
    return g.get("api_key_name") or "anonymous"


def document_security(api):
    """Declare the bearer scheme in the OpenAPI document."""
    api.spec.components.security_scheme(
        SECURITY_SCHEME,
        {"type": "http", "scheme": "bearer", "description": "An API key from `timeline keys create NAME`."},
    )


def init_app(app):
    # after http._open_db (registered earlier): the key lookup needs the connection
    app.before_request(_gate)
