"""JSON bodies in one pass with orjson, byte for byte what Flask's own encoder wrote before.

Flask (ensure_ascii, compact separators, a closing newline) escapes every non-ASCII character as
\\uXXXX; orjson writes UTF-8, so the rare body that is not ASCII is escaped after the fact. Values
orjson refuses (a lone surrogate, an integer past 64 bits) fall back to the standard encoder.
"""
import json
import re

import orjson
from flask import Response

_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _escape(match):
    code = ord(match.group())
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 | (code >> 10):04x}\\u{0xDC00 | (code & 0x3FF):04x}"


def dumps(value):
    """The JSON bytes of value, ASCII only, ending in a newline."""
    try:
        raw = orjson.dumps(value)
    except (orjson.JSONEncodeError, TypeError):
        return (json.dumps(value, separators=(",", ":")) + "\n").encode()
    if not raw.isascii():
        raw = _NON_ASCII.sub(_escape, raw.decode()).encode()
    return raw + b"\n"


def response(value, status=200, headers=None):
    """A JSON response of value (a view returns it as it is: no schema walks the body again)."""
    return Response(dumps(value), status=status, headers=headers, mimetype="application/json")
