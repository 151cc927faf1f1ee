"""CSV (one row per event, readable joined columns) and NDJSON (the API's event shape)."""
import csv
import io
import json

from .text import participant_label

CSV_COLUMNS = (
    "id", "date", "date_precision", "date_basis", "channel", "title", "summary", "location",
    "location_country", "participants", "participant_ids", "countries", "topics", "sources",
    "source_urls", "evidence", "confidence", "created_at", "updated_at",
)
# a spreadsheet runs a cell starting with these as a formula (CSV injection): such cells get a
# leading apostrophe, which spreadsheets show as text
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _safe(value):
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def _source_label(source):
    parts = [source.get("publisher"), source.get("title") or source["document"], source.get("published")]
    label = ", ".join(part for part in parts if part)
    return label + (f" <{source['url']}>" if source.get("url") else "")


def csv_row(event):
    sources = event["sources"]
    return {
        "id": event["id"],
        "date": event["date"],
        "date_precision": event["date_precision"],
        "date_basis": event["date_basis"],
        "channel": event["channel"],
        "title": event["title"],
        "summary": event["summary"],
        "location": (event["location"] or {}).get("name"),
        "location_country": (event["location"] or {}).get("country"),
        "participants": "; ".join(participant_label(p) for p in event["participants"]),
        "participant_ids": "; ".join(str(p["id"]) for p in event["participants"]),
        "countries": "; ".join(dict.fromkeys(p["country"] for p in event["participants"] if p["country"])),
        "topics": "; ".join(t["label"] for t in event["topics"]),
        "sources": " | ".join(_source_label(s) for s in sources),
        "source_urls": " ".join(s["url"] for s in sources if s.get("url")),
        "evidence": " | ".join(e["sentence"] for s in sources for e in s["evidence"]),
        "confidence": event["confidence"],
        "created_at": event["created_at"],
        "updated_at": event["updated_at"],
    }


def write_csv(events, context):
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for event in events:
        writer.writerow({name: _safe(value) for name, value in csv_row(event).items()})
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    yield buffer.getvalue()


def write_ndjson(events, context):
    for event in events:
        yield json.dumps(event, ensure_ascii=False) + "\n"

