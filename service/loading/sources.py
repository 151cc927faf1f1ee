"""Reading articles from files, folders, stdin and JSON, and refusing what is not an article.

Each source yields either an ArticleInput or a one-line reason why it was skipped.
"""
import datetime as dt
import hashlib
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from humanize import naturalsize

from ..jsonsafe import BadJson, loads
from ..nlp.types import ArticleInput

ARTICLE_SUFFIXES = (".txt", ".json")
WORD = re.compile(r"[^\W\d_]{2,}")
OPTIONAL_FIELDS = ("key", "title", "url", "publisher", "published")


class BadArticle(ValueError):
    """The input is not an article we can read; the message is the one-line reason."""


@dataclass
class Source:
    name: str  # what the user gave: a path, or "-" for stdin
    article: ArticleInput | None = None
    error: str | None = None


def sha256(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def too_large(size, max_bytes):
    """The one-line reason for an article over the limit, in sizes a person reads ("31.0 MB")."""
    return BadArticle(f"{naturalsize(size)} is over the article limit of {naturalsize(max_bytes)} "
                      f"(TIMELINE_MAX_ARTICLE_BYTES)")


def decode(raw, max_bytes, size=None):
    """Bytes -> text, refusing empty, oversized, binary and non-UTF-8 input (size: of the whole file)."""
    if len(raw) > max_bytes:
        raise too_large(size or len(raw), max_bytes)
    if b"\x00" in raw:
        raise BadArticle("binary content (NUL bytes), not a text article")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise BadArticle(f"not UTF-8 text (invalid byte at offset {exc.start})") from None
    return check_text(text)


def check_text(text):
    """A usable article has words; normalise line endings so offsets are stable."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise BadArticle("empty article")
    if len(WORD.findall(text)) < 3:
        raise BadArticle("no sentences: fewer than three words of text")
    return text


def parse_date(value, field="published"):
    if value in (None, ""):
        return None
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        raise BadArticle(f"{field} {value!r} is not an ISO date (YYYY-MM-DD)") from None


def article_from_object(obj, default_key, max_bytes):
    """A JSON object with `text` and optional key, title, url, publisher, published."""
    if not isinstance(obj, dict):
        raise BadArticle("a JSON article must be an object with a `text` field")
    text = obj.get("text")
    if not isinstance(text, str):
        raise BadArticle("a JSON article needs a `text` string")
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > max_bytes:
        raise too_large(size, max_bytes)
    for name in OPTIONAL_FIELDS:
        if obj.get(name) is not None and not isinstance(obj[name], str):
            raise BadArticle(f"`{name}` must be a string")
    return ArticleInput(
        key=(obj.get("key") or default_key).strip(),
        text=check_text(text),
        title=obj.get("title"),
        url=obj.get("url"),
        publisher=obj.get("publisher"),
        published=parse_date(obj.get("published")),
    )


def articles_from_bytes(raw, name, key, max_bytes, size=None):
    """One file's bytes -> list of Sources (a JSON file may hold a list of articles).
    size: the whole file's size when raw is only its first bytes."""
    try:
        if name.endswith(".json"):
            if len(raw) > max_bytes * 16:
                raise BadArticle(f"{naturalsize(size or len(raw))} is over the limit of "
                                 f"{naturalsize(max_bytes * 16)} for a JSON file of articles")
            try:
                data = loads(raw.decode("utf-8-sig"))
            except UnicodeDecodeError as exc:
                raise BadArticle(f"not valid JSON (not UTF-8 at offset {exc.start})") from None
            except BadJson as exc:
                raise BadArticle(f"not valid JSON ({exc})") from None
            if isinstance(data, list):
                return [_one(item, f"{key}#{i}", name, max_bytes) for i, item in enumerate(data)]
            return [Source(name, article_from_object(data, key, max_bytes))]
        return [Source(name, ArticleInput(key=key, text=decode(raw, max_bytes, size)))]
    except BadArticle as exc:
        return [Source(name, error=str(exc))]


def _one(obj, key, name, max_bytes):
    try:
        return Source(f"{name}[{key.rsplit('#', 1)[1]}]", article_from_object(obj, key, max_bytes))
    except BadArticle as exc:
        return Source(f"{name}[{key.rsplit('#', 1)[1]}]", error=str(exc))


def collect(paths, max_bytes, stdin=None):
    """Expand files, folders (their .txt and .json files, sorted) and "-" into Sources.

    A file in a folder is keyed by its path relative to the folder given ("2024-03/story.txt"),
    so same-named files in subfolders stay apart; a file given by itself, by its name. Inputs
    that share a key in one run are all refused, each naming the others (see refuse_shared_keys).
    """
    return refuse_shared_keys(list(_expand(paths, max_bytes, stdin)))


def refuse_shared_keys(sources):
    """Two inputs under one key would silently replace each other: refuse every one of them."""
    by_key = defaultdict(list)
    for source in sources:
        if source.article:
            by_key[source.article.key].append(source)
    for key, group in by_key.items():
        if len(group) < 2:
            continue
        for source in group:
            others = ", ".join(other.name for other in group if other is not source)
            source.article, source.error = None, f"key {key!r} is also the key of {others}"
    return sources


def _read_stdin(stdin):
    stream = stdin or getattr(sys.stdin, "buffer", None)  # sys.stdin is None when stdin is closed
    try:
        return stream.read() if stream is not None else None
    except (OSError, ValueError):  # closed or unreadable
        return None


def _expand(paths, max_bytes, stdin):
    for given in paths:
        if given == "-":
            raw = _read_stdin(stdin)
            if raw is None:
                yield Source("-", error="standard input is closed or cannot be read")
                continue
            stripped = raw.lstrip()
            kind = "stdin.json" if stripped[:1] in (b"{", b"[") else "stdin.txt"
            key = "stdin-" + hashlib.sha256(raw).hexdigest()[:12]
            for source in articles_from_bytes(raw, kind, key, max_bytes):
                source.name = "-"
                yield source
            continue
        path = Path(given)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
            if not files:
                yield Source(given, error="folder holds no .txt or .json articles")
            for file in files:
                yield from _read_file(file, max_bytes, file.relative_to(path).as_posix())
        elif path.is_file():
            yield from _read_file(path, max_bytes, path.name)
        else:
            yield Source(given, error="no such file or folder")


def _read_file(path, max_bytes, key):
    try:
        with path.open("rb") as handle:
            size = path.stat().st_size
            raw = handle.read(max_bytes * 16 + 1)
    except OSError as exc:
        yield Source(str(path), error=f"cannot read: {exc.strerror}")
        return
    yield from articles_from_bytes(raw, str(path), key, max_bytes, size)
