"""The timeline page's URL query: parsed with the schema of /v1/events, turned back into the
same query for the API's JSON and exports, and into the URLs of the pager and the axis."""
from urllib.parse import urlencode

from flask import request, url_for
from marshmallow import ValidationError

from ..resolving.spellings import slugify

LIST_FIELDS = ("participant", "channel", "topic")
# what the page itself adds to the API's filters
PAGE_ONLY = ("limit", "cursor", "interval")
EXPORTS = (("csv", "CSV"), ("ics", "iCalendar"), ("timelinejs", "TimelineJS"), ("atom", "Atom feed"))


def submitted():
    """The query's (name, value) pairs without the empty fields a submitted form sends; a typed
    participant name ("Mara Quintel") becomes the slug the API takes ("mara-quintel")."""
    pairs = []
    for name, value in request.args.items(multi=True):
        value = value.strip()
        if not value:
            continue
        if name == "participant":
            value = slugify(value)
        pairs.append((name, value))
    return pairs


def parse(schema, pairs):
    """(args, None) or (None, {field: [messages]}) for the query pairs, by the given schema."""
    raw = {}
    for name, value in pairs:
        if name in LIST_FIELDS:
            raw.setdefault(name, []).append(value)
        else:
            raw.setdefault(name, value)  # a field given twice: the first counts, as in a form
    try:
        return schema.load(raw), None
    except ValidationError as exc:
        return None, exc.messages


def filters_of(args):
    return {name: value for name, value in args.items() if name not in PAGE_ONLY}


def api_pairs(pairs):
    return [(name, value) for name, value in pairs if name not in PAGE_ONLY]


def with_query(url, pairs):
    return url + ("?" + urlencode(pairs) if pairs else "")


def export_links(pairs, api_path="/v1/events"):
    """[(label, url)]: the same query as JSON and as each export format of the API."""
    base = api_pairs(pairs)
    links = [("JSON", with_query(api_path, base))]
    links += [(label, with_query(api_path, [*base, ("format", fmt)])) for fmt, label in EXPORTS]
    return links


def page_url(endpoint, pairs, cursor=None, **values):
    """The URL of the same page and query at another cursor (None: the first page)."""
    kept = [(name, value) for name, value in pairs if name != "cursor"]
    if cursor:
        kept.append(("cursor", cursor))
    return with_query(url_for(endpoint, **values), kept)


def period_url(pairs, start, end):
    """The timeline narrowed to one bucket of the axis."""
    kept = [(name, value) for name, value in pairs if name not in ("from", "to", "cursor", "undated")]
    return with_query(url_for("desk.timeline"), [*kept, ("from", start.isoformat()), ("to", end.isoformat())])


def given(pairs):
    """{name: [values]} of the submitted query, to fill the form in again."""
    values = {}
    for name, value in pairs:
        values.setdefault(name, []).append(value)
    return values
