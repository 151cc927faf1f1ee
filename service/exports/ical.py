"""iCalendar (RFC 5545): one all-day VEVENT per dated event, with a stable UID.

Written by hand rather than with a library: escaping (section 3.3.11) and line folding at
75 octets without splitting a UTF-8 character (3.1) are all it takes, and it streams.
"""
import datetime as dt

from .. import __version__, periods
from .text import channel_label, clean, location_label, participant_label, summary_text


def escape(text):
    text = clean(text).replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line):
    """The content line, folded into lines of at most 75 octets, each ending in CRLF."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line + "\r\n"
    out, start, limit = [], 0, 75
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:  # never cut inside a character
            end -= 1
        out.append(data[start:end].decode("utf-8"))
        start, limit = end, 74  # continuation lines begin with a space, which counts
    return "\r\n ".join(out) + "\r\n"


def _stamp(iso_datetime):
    """"2021-08-17T10:00:00Z" -> "20210817T100000Z"."""
    return iso_datetime.replace("-", "").replace(":", "")


def _description(event):
    parts = []
    if summary_text(event):
        parts.append(summary_text(event))
    if event["participants"]:
        parts.append("Participants: " + "; ".join(participant_label(p) for p in event["participants"]))
    if event["date_precision"] in ("month", "year"):
        parts.append(f"Date known to the {event['date_precision']} only.")
    for source in event["sources"]:
        label = ", ".join(x for x in (source.get("publisher"), source.get("title") or source["document"]) if x)
        for evidence in source["evidence"]:
            parts.append(f"“{evidence['sentence']}” ({label})")
        if source.get("url"):
            parts.append(source["url"])
    return "\n\n".join(parts)


def vevent(event, context):
    start = dt.date.fromisoformat(event["date"])
    end = periods.after(start, event["date_precision"] or "day")
    categories = [channel_label(event["channel"])] + [t["label"] for t in event["topics"]]
    lines = [
        "BEGIN:VEVENT",
        f"UID:event-{event['id']}@{context.host}",
        f"DTSTAMP:{_stamp(event['updated_at'])}",
        f"CREATED:{_stamp(event['created_at'])}",
        f"LAST-MODIFIED:{_stamp(event['updated_at'])}",
        f"DTSTART;VALUE=DATE:{start:%Y%m%d}",
        f"DTEND;VALUE=DATE:{end:%Y%m%d}",
        f"SUMMARY:{escape(event['title'])}",
        f"DESCRIPTION:{escape(_description(event))}",
        "CATEGORIES:" + ",".join(escape(c) for c in categories),
        "TRANSP:TRANSPARENT",
    ]
    if context.base_url != "/":  # URL must be absolute (RFC 5545 3.3.13): only with a configured public URL
        lines.insert(-1, f"URL:{context.base_url}v1/events/{event['id']}")
    if event["location"]:
        lines.append(f"LOCATION:{escape(location_label(event['location']))}")
    lines.append("END:VEVENT")
    return "".join(fold(line) for line in lines)


def write_ics(events, context):
    yield "".join(fold(line) for line in (
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//Event Timeline//event-timeline {__version__}//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Event Timeline",
    ))
    for event in events:
        if event["date"]:  # a calendar cannot place an undated event
            yield vevent(event, context)
    yield "END:VCALENDAR\r\n"
