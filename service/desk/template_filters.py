"""Template filters: dates with their precision, channel and basis names, query URLs."""
import datetime as dt

from schemas.channels import label as channel_label

from .axis import COLOURS
from .highlight import mark_words
from .query import with_query

BASES = {
    "explicit": "date stated in the report",
    "relative": "worked out from the publication date",
    "unknown": "no date found",
    "editor": "set by an editor",
}


def as_date(value):
    return dt.date.fromisoformat(value[:10]) if isinstance(value, str) else value


def show_date(value, precision="day"):
    """"25 Aug 2021", "Aug 2021" or "2021" by precision; "undated" for no date."""
    day = as_date(value)
    if day is None:
        return "undated"
    if precision == "year":
        return f"{day:%Y}"
    if precision == "month":
        return f"{day:%b %Y}"
    return f"{day.day} {day:%b %Y}"


def web_url(url):
    """The URL if a browser may follow it (http or https), else None: a stored javascript: URL
    is shown as text, never as a link."""
    return url if isinstance(url, str) and url.lower().startswith(("http://", "https://")) else None


def register(app):
    app.add_template_filter(show_date, "show_date")
    app.add_template_filter(channel_label, "channel_name")  # the registry's label, as the exports show it
    app.add_template_filter(lambda basis: BASES.get(basis, basis or ""), "basis_name")
    app.add_template_filter(mark_words, "mark_words")
    app.add_template_global(with_query, "with_query")
    app.add_template_global(COLOURS, "channel_colours")
    app.add_template_filter(web_url, "web_url")
