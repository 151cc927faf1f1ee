"""TimelineJS JSON (Knight Lab, https://timeline.knightlab.com/docs/json-format.html).

`events[]` with `start_date` {year, month, day} as far as the event's precision goes,
`text.headline` and `text.text` (HTML: the summary, the participants and every evidence
sentence with a link to its source), `group` by channel or by topic, and `unique_id`.
TimelineJS renders headline and text as HTML, so every value is escaped; only http(s) links
are made links. Undated events cannot be placed on a timeline and are left out.
"""
import json
from html import escape
from urllib.parse import urlsplit

from .text import channel_label, clean, location_label, participant_label, summary_text

TITLE = {
    "text": {
        "headline": "Diplomatic events",
        "text": "<p>Who met, phoned or wrote to whom, with the sentences that report it.</p>",
    }
}


def start_date(event):
    year, month, day = (int(part) for part in event["date"].split("-"))
    date = {"year": year}
    if event["date_precision"] in ("day", "month", None):
        date["month"] = month
    if event["date_precision"] in ("day", None):
        date["day"] = day
    return date


def _link(url, label):
    if url and urlsplit(url).scheme in ("http", "https"):
        return f'<a href="{escape(url)}" target="_blank" rel="noopener noreferrer">{escape(label)}</a>'
    return escape(label)


def text_html(event):
    parts = []
    if summary_text(event):
        parts.append(f"<p>{escape(clean(summary_text(event)))}</p>")
    facts = [channel_label(event["channel"])]
    if event["location"]:
        facts.append(location_label(event["location"]))
    if event["participants"]:
        facts.append("; ".join(participant_label(p) for p in event["participants"]))
    parts.append(f"<p>{escape(clean(' · '.join(facts)))}</p>")
    for source in event["sources"]:
        label = source.get("title") or source["document"]
        credit = ", ".join(x for x in (source.get("publisher"), source.get("published")) if x)
        for evidence in source["evidence"]:
            parts.append(f"<blockquote>{escape(clean(evidence['sentence']))}</blockquote>")
        parts.append(f"<p>Source: {_link(source.get('url'), clean(label))}"
                     + (f" ({escape(clean(credit))})" if credit else "") + "</p>")
    return "".join(parts)


def group(event, by):
    if by == "topic":
        return event["topics"][0]["label"] if event["topics"] else "Other"
    return channel_label(event["channel"])


def slide(event, context):
    return {
        "unique_id": f"event-{event['id']}",
        "start_date": start_date(event),
        "text": {"headline": escape(clean(event["title"])), "text": text_html(event)},
        "group": group(event, context.group),
    }


def write_timelinejs(events, context):
    yield '{"title": ' + json.dumps(TITLE, ensure_ascii=False) + ', "events": ['
    first = True
    for event in events:
        if not event["date"]:
            continue
        yield ("\n" if first else ",\n") + json.dumps(slide(event, context), ensure_ascii=False)
        first = False
    yield "\n]}\n"
