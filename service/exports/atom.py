"""An Atom feed (RFC 4287) of the most recently added or corrected events, for feed readers and alerts."""
import datetime as dt
from urllib.parse import urlsplit
from xml.sax.saxutils import escape, quoteattr

from .text import channel_label, clean, location_label, participant_label, summary_text

# tag: URIs (RFC 4151) need a date on which the authority held the name; any fixed one keeps ids stable
TAG_DATE = "2026"


def _x(text):
    return escape(clean(text))


def _summary(event):
    facts = [event["date"] or "undated", channel_label(event["channel"])]
    if event["location"]:
        facts.append(location_label(event["location"]))
    if event["participants"]:
        facts.append("; ".join(participant_label(p) for p in event["participants"]))
    text = " · ".join(facts)
    if summary_text(event):
        text += "\n" + summary_text(event)
    for source in event["sources"]:
        for evidence in source["evidence"]:
            text += f"\n“{evidence['sentence']}” ({source.get('publisher') or source['document']})"
    return text


def entry(event, context):
    url = f"{context.base_url}v1/events/{event['id']}"
    lines = [
        "<entry>",
        f"<id>tag:{context.host},{TAG_DATE}:event-{event['id']}</id>",
        f"<title type=\"text\">{_x(event['title'])}</title>",
        f"<updated>{event['updated_at']}</updated>",
        f"<published>{event['created_at']}</published>",
        f"<link rel=\"alternate\" type=\"application/json\" href={quoteattr(url)}/>",
    ]
    # a reader opens the text/html alternate: the first source article; the others are related
    urls = [clean(s["url"]) for s in event["sources"] if urlsplit(s.get("url") or "").scheme in ("http", "https")]
    for index, url in enumerate(dict.fromkeys(urls)):
        rel = 'rel="alternate" type="text/html"' if index == 0 else 'rel="related"'
        lines.append(f"<link {rel} href={quoteattr(url)}/>")
    lines.append(f"<category term={quoteattr(event['channel'])} label={quoteattr(channel_label(event['channel']))}/>")
    for topic in event["topics"]:
        lines.append(f"<category term={quoteattr(topic['slug'])} label={quoteattr(clean(topic['label']))}/>")
    lines.append(f"<summary type=\"text\">{_x(_summary(event))}</summary>")
    lines.append("</entry>\n")
    return "\n".join(lines)


def write_atom(events, context):
    events = list(events)  # at most FEED_SIZE: the feed's updated is the newest entry's
    updated = max((e["updated_at"] for e in events), default=None) or (
        dt.datetime.now(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    yield (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom">\n'
        f"<id>tag:{context.host},{TAG_DATE}:{_x(context.feed_key)}</id>\n"
        f"<title type=\"text\">{_x(context.title)}</title>\n"
        f"<updated>{updated}</updated>\n"
        f"<link rel=\"self\" type=\"application/atom+xml\" href={quoteattr(context.self_url)}/>\n"
        f"<link rel=\"alternate\" type=\"application/json\" href={quoteattr(context.list_url)}/>\n"
        "<author><name>Event Timeline</name></author>\n"
        "<generator>Event Timeline</generator>\n"
    )
    for event in events:
        yield entry(event, context)
    yield "</feed>\n"
