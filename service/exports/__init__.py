"""Exports of any /v1/events query: CSV, NDJSON, iCalendar, TimelineJS JSON and an Atom feed.

Every writer is a generator of text chunks over an iterator of API-shape event dicts, so a
response (or a file) is streamed and memory stays flat however many events match. The HTTP
view calls `export_response`; `timeline export` calls `write_export`.
"""
import hashlib
import json
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

from flask import Response, current_app, has_request_context, request, stream_with_context
from werkzeug.http import http_date, is_resource_modified, quote_etag

from .. import config as config_module
from .. import store
from ..models import Event
from . import atom, ical, tabular, timelinejs

CHUNK_CHARS = 64 * 1024  # a response chunk: big enough that a large export is not a million writes


@dataclass(frozen=True)
class Format:
    media_type: str
    extension: str
    write: object  # (events, context) -> Iterator[str]
    newest_first: bool = False  # the feed: the FEED_SIZE most recently changed events


FORMATS = {
    "csv": Format("text/csv; charset=utf-8", "csv", tabular.write_csv),
    "ndjson": Format("application/x-ndjson; charset=utf-8", "ndjson", tabular.write_ndjson),
    "ics": Format("text/calendar; charset=utf-8", "ics", ical.write_ics),
    "timelinejs": Format("application/json", "json", timelinejs.write_timelinejs),
    "atom": Format("application/atom+xml; charset=utf-8", "atom", atom.write_atom, newest_first=True),
}


# names the service in calendar UIDs and Atom ids when no TIMELINE_PUBLIC_URL is configured; never
# taken from the request's Host header, which any client sets as it likes
DEFAULT_HOST = "localhost"


@dataclass(frozen=True)
class Context:
    base_url: str  # ends with "/": the configured public URL, or "/" (links relative to the service)
    host: str  # for calendar UIDs and Atom ids: stable, no port
    self_url: str
    feed_key: str  # names the query in the Atom feed id: one feed per distinct query
    list_url: str  # the same query as a JSON listing
    feed_size: int
    title: str = "Event Timeline: newest events"  # the Atom feed's title names the query's filters
    group: str = "channel"  # TimelineJS group: channel | topic


def _settings():
    return current_app.config if current_app else config_module.load()


def make_context(filters):
    """Links are absolute only under a configured TIMELINE_PUBLIC_URL; otherwise relative
    references ("/v1/events/4"), which readers resolve against the URL they fetched."""
    settings = _settings()
    public = (settings.get("PUBLIC_URL") or "").strip()
    base = public.rstrip("/") + "/" if public else "/"
    if has_request_context():
        self_url = base + request.full_path.lstrip("/").rstrip("?")
    else:
        self_url = base + "v1/events?format=atom"
    query = sorted(request.args.items(multi=True)) if has_request_context() else []
    feed_key = "events" + ("?" + urlencode(query) if query else "")
    listing = [(name, value) for name, value in query if name not in ("format", "group")]
    list_url = base + "v1/events" + ("?" + urlencode(listing) if listing else "")
    described = "; ".join(f"{name}={value}" for name, value in listing if name not in ("limit", "cursor", "sort"))
    return Context(
        base_url=base,
        host=urlsplit(base).hostname or DEFAULT_HOST,
        self_url=self_url,
        feed_key=feed_key,
        list_url=list_url,
        title="Event Timeline: newest events" + (f" ({described})" if described else ""),
        feed_size=int(settings.get("FEED_SIZE", 50)),
        group=filters.get("group") or "channel",
    )


def _events(spec, filters, context):
    filters = {key: value for key, value in filters.items() if key != "group"}
    if spec.newest_first:
        rows = (
            store.filter_events(filters)
            .order_by(Event.updated_at.desc(), Event.id.desc())
            .limit(context.feed_size)
        )
        return iter(store.event_payloads(list(rows)))
    return store.iter_event_payloads(filters)


def _buffered(chunks):
    pending, size = [], 0
    for chunk in chunks:
        pending.append(chunk)
        size += len(chunk)
        if size >= CHUNK_CHARS:
            yield "".join(pending)
            pending, size = [], 0
    if pending:
        yield "".join(pending)


def _validators(fmt, filters, context):
    """A weak ETag and Last-Modified for an export, from the store rather than the body (which is
    streamed): they change whenever an event of the query, or the set of them, changes."""
    filters = {key: value for key, value in filters.items() if key != "group"}
    version, last_modified = store.export_version(filters)
    etag = hashlib.sha256(json.dumps([fmt, context.feed_key, context.base_url, version], default=str)
                          .encode()).hexdigest()[:32]
    return etag, last_modified


def export_response(fmt, filters):
    """A streamed response of every event matching filters, in format fmt (a key of FORMATS).
    If-None-Match / If-Modified-Since answer 304 before any event is read."""
    spec = FORMATS[fmt]
    context = make_context(filters)
    etag, last_modified = _validators(fmt, filters, context)
    headers = {"ETag": quote_etag(etag, weak=True)}
    if last_modified:
        headers["Last-Modified"] = http_date(last_modified)
    if not is_resource_modified(request.environ, etag=quote_etag(etag, weak=True), last_modified=last_modified):
        return Response(status=304, headers=headers)
    # stream_with_context keeps the request (and its database connection) open while streaming
    body = stream_with_context(_buffered(spec.write(_events(spec, filters, context), context)))
    disposition = "attachment" if fmt in ("csv", "ics") else "inline"
    return Response(body, content_type=spec.media_type, headers={
        **headers, "Content-Disposition": f'{disposition}; filename="events.{spec.extension}"'})


def write_export(fmt, filters, stream):
    """Write the export to a text stream (the CLI's `timeline export`); needs an open store."""
    spec = FORMATS[fmt]
    context = make_context(filters)
    for chunk in _buffered(spec.write(_events(spec, filters, context), context)):
        stream.write(chunk)
