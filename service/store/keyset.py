"""Keyset pagination: an opaque cursor over (key, id), never OFFSET.

A cursor is url-safe base64 of a JSON list [kind, key, id]: `kind` names the ordering it was
issued for, so a cursor is refused by a listing (or a sort) it does not belong to.
"""
import base64
import binascii
import datetime as dt
import json

from schemas.common import ID_MAX


class BadCursor(ValueError):
    """The cursor was not issued by this listing, or was altered."""


def encode(kind, key, last_id):
    if isinstance(key, dt.date):
        key = key.isoformat()
    raw = json.dumps([kind, key, last_id], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode(token, kind, key_type=str):
    """Return (key, id) of a cursor issued for `kind`; key_type converts the key (None stays None)."""
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
        got_kind, key, last_id = json.loads(raw)
    except (binascii.Error, ValueError, TypeError, UnicodeDecodeError):
        raise BadCursor("The cursor is not one this API issued.") from None
    if got_kind != kind:
        raise BadCursor("The cursor belongs to another listing or sort order.")
    if not isinstance(last_id, int) or isinstance(last_id, bool) or not 0 <= last_id <= ID_MAX:
        raise BadCursor("The cursor is not one this API issued.")
    if key is None:
        return None, last_id
    try:
        if key_type is dt.date:
            return dt.date.fromisoformat(key), last_id
        if key_type is int:
            if isinstance(key, bool) or not isinstance(key, int) or abs(key) > ID_MAX:
                raise TypeError
            return key, last_id
        if not isinstance(key, str) or "\x00" in key:
            raise TypeError
        return key, last_id
    except (TypeError, ValueError):
        raise BadCursor("The cursor is not one this API issued.") from None


def order(key, id_field, descending=False):
    """ORDER BY key (nulls last), id: the order `after` continues."""
    if descending:
        return (key.desc(nulls="LAST"), id_field.desc())
    return (key.asc(nulls="LAST"), id_field.asc())


def after(key, id_field, last_key, last_id, descending=False):
    """The condition for rows strictly after (last_key, last_id) in `order(key, id_field, descending)`."""
    id_beyond = id_field < last_id if descending else id_field > last_id
    if last_key is None:
        return key.is_null() & id_beyond
    key_beyond = key < last_key if descending else key > last_key
    return key_beyond | ((key == last_key) & id_beyond) | key.is_null()


def page(query, limit, make_cursor):
    """Run query (already ordered and filtered) for limit + 1 rows: (rows, next cursor or None)."""
    rows = list(query.limit(limit + 1))
    if len(rows) <= limit:
        return rows, None
    rows = rows[:limit]
    return rows, make_cursor(rows[-1])
