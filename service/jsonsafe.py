"""JSON from outside (request bodies, article files), parsed so that bad input is a clear error.

The standard parser accepts what the store cannot keep and fails in ways that are not
ValueError: a lone surrogate ("\\ud800") parses but cannot be encoded as UTF-8 by any driver;
deep nesting raises RecursionError; an integer of over 4,300 digits raises a ValueError about
int conversion. Here each of them, and NaN/Infinity, is one BadJson with a one-line reason.
"""
import json

MAX_DEPTH = 64  # no document of this API nests deeper than a few levels


class BadJson(ValueError):
    """The text is not JSON we accept; the message is the one-line reason."""


def _no_constants(name):
    raise BadJson(f"{name} is not a JSON number")


def _check(value):
    """Walk the parsed value without recursion: depth and lone surrogates."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > MAX_DEPTH:
            raise BadJson(f"nested deeper than {MAX_DEPTH} levels")
        if isinstance(item, str):
            _check_text(item)
        elif isinstance(item, dict):
            for key, child in item.items():
                _check_text(key)
                stack.append((child, depth + 1))
        elif isinstance(item, list):
            stack.extend((child, depth + 1) for child in item)


def _check_text(text):
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise BadJson(f"a string holds a lone surrogate (\\u{ord(text[exc.start]):04x}), which is not text") from None


def loads(data):
    """Parse JSON text or UTF-8 bytes; raise BadJson for anything we refuse."""
    try:
        if isinstance(data, bytes | bytearray):
            data = data.decode("utf-8")
        value = json.loads(data, parse_constant=_no_constants)
    except BadJson:
        raise
    except UnicodeDecodeError as exc:
        raise BadJson(f"not UTF-8 (invalid byte at offset {exc.start})") from None
    except json.JSONDecodeError as exc:
        raise BadJson(f"{exc.msg} at line {exc.lineno} column {exc.colno}") from None
    except RecursionError:
        raise BadJson(f"nested deeper than {MAX_DEPTH} levels") from None
    except ValueError as exc:  # e.g. an integer over sys.get_int_max_str_digits() digits
        raise BadJson(str(exc).split(";")[0]) from None
    _check(value)
    return value
