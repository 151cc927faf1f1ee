"""Small text helpers shared by the writers."""
import re

from schemas import channels

# characters no XML document or iCalendar text may hold (tab and newlines are handled by callers)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")


def clean(text):
    return CONTROL.sub("", text or "")


def participant_label(participant):
    extras = [part for part in (participant.get("title"), participant.get("country")) if part]
    return participant["name"] + (f" ({', '.join(extras)})" if extras else "")


def channel_label(channel):
    return channels.label(channel)


def location_label(location):
    if not location:
        return ""
    return ", ".join(part for part in (location.get("name"), location.get("country")) if part)


def summary_text(event):
    """The summary, unless it only repeats an evidence sentence (shown anyway)."""
    summary = event.get("summary")
    sentences = {e["sentence"] for s in event["sources"] for e in s["evidence"]}
    return summary if summary and summary not in sentences else None
