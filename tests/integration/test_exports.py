"""Every export re-read by a real parser: csv, json, the icalendar package, feedparser, TimelineJS's shape."""
import csv
import datetime as dt
import io
import json

import feedparser
import icalendar
import jsonschema_rs
import pytest
from click.testing import CliRunner

from service.cli import main
from service.exports import ical, write_export
from tests import factories as f

# the TimelineJS JSON format as Knight Lab documents it (timeline.knightlab.com/docs/json-format.html)
DATE = {"type": "object", "required": ["year"], "additionalProperties": False, "properties": {
    "year": {"type": "integer"}, "month": {"type": "integer", "minimum": 1, "maximum": 12},
    "day": {"type": "integer", "minimum": 1, "maximum": 31}}}
TEXT = {"type": "object", "properties": {"headline": {"type": "string"}, "text": {"type": "string"}},
        "additionalProperties": False}
TIMELINEJS = {
    "type": "object", "required": ["events"], "additionalProperties": False,
    "properties": {
        "title": {"type": "object", "properties": {"text": TEXT}},
        "events": {"type": "array", "items": {
            "type": "object", "required": ["start_date"], "additionalProperties": False,
            "properties": {"start_date": DATE, "end_date": DATE, "text": TEXT, "group": {"type": "string"},
                           "unique_id": {"type": "string"}, "display_date": {"type": "string"}}}},
    },
}


def _export(client, fmt, **params):
    response = client.get("/v1/events", query_string={"format": fmt, **params})
    assert response.status_code == 200, response.get_data(as_text=True)
    assert response.is_streamed
    return response


def test_csv_one_row_per_event(client, desk):
    response = _export(client, "csv")
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert response.headers["Content-Disposition"] == 'attachment; filename="events.csv"'
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert rows == [
        {"id": str(desk.call.id), "date": "2024-03-01", "date_precision": "day", "date_basis": "explicit",
         "channel": "phone_call", "title": "Mara Quintel and Oskar Veld speak by phone", "summary": "Quotas, again.",
         "location": "", "location_country": "",
         "participants": "Mara Quintel (Foreign Minister, PT); Oskar Veld (NL)",
         "participant_ids": f"{desk.quintel.id}; {desk.veld.id}", "countries": "PT; NL", "topics": "Fisheries",
         "sources": "Harbour Post, Quintel and Veld talk, 2024-03-03 <https://harbour.example/quintel-veld>",
         "source_urls": "https://harbour.example/quintel-veld",
         "evidence": desk.call.mentions.get().sentence, "confidence": "0.8",
         "created_at": "2024-01-02T03:04:05Z", "updated_at": "2024-01-02T03:04:05Z"},
        {"id": str(desk.meeting.id), "date": "2024-05-01", "date_precision": "month", "date_basis": "explicit",
         "channel": "meeting", "title": "Oskar Veld meets Tomas Arkwright", "summary": "",
         "location": "Tallinn", "location_country": "EE", "participants": "Oskar Veld (NL); T. Arkwright",
         "participant_ids": f"{desk.veld.id}; {desk.arkwright_dup.id}", "countries": "NL", "topics": "Energy",
         "sources": "Baltic Wire, Veld in Tallinn, 2024-05-20 <https://news.example/veld-tallinn.txt>",
         "source_urls": "https://news.example/veld-tallinn.txt",
         "evidence": "Oskar Veld met Tomas Arkwright in Tallinn in May to discuss energy links.",
         "confidence": "0.8", "created_at": "2024-01-02T03:04:05Z", "updated_at": "2024-01-02T03:04:05Z"},
        {"id": str(desk.statement.id), "date": "", "date_precision": "", "date_basis": "unknown",
         "channel": "statement", "title": "Tomas Arkwright statement", "summary": "", "location": "",
         "location_country": "", "participants": "Tomas Arkwright (EE)", "participant_ids": str(desk.arkwright.id),
         "countries": "EE", "topics": "", "sources": "", "source_urls": "", "evidence": "", "confidence": "0.8",
         "created_at": "2024-01-02T03:04:05Z", "updated_at": "2024-01-02T03:04:05Z"},
    ]


def test_csv_by_accept_header_and_filters(client, desk):
    response = client.get("/v1/events?channel=meeting", headers={"Accept": "text/csv"})
    assert response.status_code == 200 and response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert [row["id"] for row in rows] == [str(desk.meeting.id)]


def test_csv_cells_cannot_become_formulas(client, desk):
    f.event("=HYPERLINK(\"http://evil.example\")", date="2024-01-09", participants=[desk.veld])
    rows = list(csv.DictReader(io.StringIO(_export(client, "csv", q="HYPERLINK").get_data(as_text=True))))
    assert rows[0]["title"] == "'=HYPERLINK(\"http://evil.example\")"


def test_ndjson_lines_are_the_api_event_shape(client, desk):
    response = _export(client, "ndjson", sort="-date")
    assert response.headers["Content-Type"] == "application/x-ndjson; charset=utf-8"
    lines = response.get_data(as_text=True).splitlines()
    assert [json.loads(line) for line in lines] == [
        client.get(f"/v1/events/{event.id}").json for event in (desk.meeting, desk.call, desk.statement)]


def test_icalendar_one_all_day_vevent_per_dated_event(client, desk, tricky):
    response = _export(client, "ics")
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    raw = response.get_data()
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    assert b"\n" not in raw.replace(b"\r\n", b"")
    calendar = icalendar.Calendar.from_ical(raw)
    events = calendar.walk("VEVENT")
    assert [str(e["UID"]) for e in events] == [
        f"event-{desk.call.id}@localhost", f"event-{desk.meeting.id}@localhost", f"event-{tricky.id}@localhost"]
    call, meeting, odd = events
    assert (call.decoded("DTSTART"), call.decoded("DTEND")) == (dt.date(2024, 3, 1), dt.date(2024, 3, 2))
    assert call["DTSTART"].params["VALUE"] == "DATE"
    # a month-precision event covers its month
    assert (meeting.decoded("DTSTART"), meeting.decoded("DTEND")) == (dt.date(2024, 5, 1), dt.date(2024, 6, 1))
    assert str(meeting["LOCATION"]) == "Tallinn, EE"
    assert str(odd["SUMMARY"]) == tricky.title
    description = str(odd["DESCRIPTION"])
    assert description.startswith("Line one\nline two, with a comma; and a semicolon \\ backslash\n\n")
    assert "“Ministers met; they said: <b>“all good”</b>, with ☃ & co.” (Ünïcode Times, Title of tricky.txt)" \
        in description
    assert "URL" not in call  # a calendar URL must be absolute: only with TIMELINE_PUBLIC_URL
    assert [str(c) for c in call["CATEGORIES"].cats] == ["Phone call", "Fisheries"]
    assert call.decoded("DTSTAMP") == dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.UTC)


def test_ical_folding_never_splits_a_character():
    line = "SUMMARY:" + "☃" * 60
    folded = ical.fold(line)
    parts = folded.encode().split(b"\r\n")
    assert all(len(p) <= 75 for p in parts)
    assert folded.replace("\r\n ", "") == line + "\r\n"


def test_timelinejs_matches_the_documented_shape(client, desk, tricky):
    response = _export(client, "timelinejs")
    assert response.mimetype == "application/json"
    document = json.loads(response.get_data(as_text=True))
    jsonschema_rs.validate(TIMELINEJS, document)
    assert document["title"]["text"]["headline"] == "Diplomatic events"
    call, meeting, odd = document["events"]  # the undated statement cannot be placed
    assert call == {
        "unique_id": f"event-{desk.call.id}",
        "start_date": {"year": 2024, "month": 3, "day": 1},
        "text": {
            "headline": "Mara Quintel and Oskar Veld speak by phone",
            "text": "<p>Quotas, again.</p><p>Phone call · Mara Quintel (Foreign Minister, PT); Oskar Veld (NL)</p>"
                    f"<blockquote>{desk.call.mentions.get().sentence}</blockquote>"
                    '<p>Source: <a href="https://harbour.example/quintel-veld" target="_blank" '
                    'rel="noopener noreferrer">Quintel and Veld talk</a> (Harbour Post, 2024-03-03)</p>',
        },
        "group": "Phone call",
    }
    assert meeting["start_date"] == {"year": 2024, "month": 5}
    assert odd["text"]["headline"].startswith("Quintel, Veld; and &lt;script&gt;alert(1)&lt;/script&gt;")
    assert "<script>" not in odd["text"]["text"] and "javascript:" not in odd["text"]["text"]
    assert "<blockquote>Ministers met; they said: &lt;b&gt;“all good”&lt;/b&gt;, with ☃ &amp; co.</blockquote>" \
        in odd["text"]["text"]


def test_timelinejs_groups_by_topic(client, desk):
    document = json.loads(_export(client, "timelinejs", group="topic").get_data(as_text=True))
    assert [e["group"] for e in document["events"]] == ["Fisheries", "Energy"]
    stream = io.StringIO()
    write_export("timelinejs", {"group": "topic"}, stream)
    document = json.loads(stream.getvalue())
    assert [e["group"] for e in document["events"]] == ["Fisheries", "Energy"]


def test_atom_feed_of_the_newest_events(client, desk, tricky, monkeypatch):
    monkeypatch.setitem(client.application.config, "FEED_SIZE", 2)
    # the feed orders by last change: make the meeting the newest
    desk.meeting.updated_at = dt.datetime(2025, 1, 1, 12, 0, 0)
    desk.meeting.save()
    response = _export(client, "atom")
    assert response.headers["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = feedparser.parse(response.get_data())
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.title == "Event Timeline: newest events"
    assert feed.feed.id == "tag:localhost,2026:events?format=atom"
    assert feed.feed.updated == "2025-01-01T12:00:00Z"
    assert [(link.rel, link.href) for link in feed.feed.links] == [
        ("self", "/v1/events?format=atom"), ("alternate", "/v1/events")]
    assert [e.id for e in feed.entries] == [f"tag:localhost,2026:event-{desk.meeting.id}",
                                            f"tag:localhost,2026:event-{tricky.id}"]
    meeting = feed.entries[0]
    assert meeting.title == "Oskar Veld meets Tomas Arkwright"
    assert [(link.rel, link.type, link.href) for link in meeting.links] == [
        ("alternate", "application/json", f"/v1/events/{desk.meeting.id}"),
        ("alternate", "text/html", "https://news.example/veld-tallinn.txt")]
    assert meeting.link == "https://news.example/veld-tallinn.txt"
    assert meeting.updated == "2025-01-01T12:00:00Z"
    assert meeting.summary == ("2024-05-01 · Meeting · Tallinn, EE · Oskar Veld (NL); T. Arkwright\n"
                               "“Oskar Veld met Tomas Arkwright in Tallinn in May to discuss energy links.” "
                               "(Baltic Wire)")
    assert [t.term for t in meeting.tags] == ["meeting", "energy"]
    assert feed.entries[1].title == tricky.title
    assert [link.href for link in feed.entries[1].links] == [f"/v1/events/{tricky.id}"]


def test_cli_export_reuses_the_writers(app, desk, tmp_path, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", app.config["DATABASE_URL"])
    runner = CliRunner()
    out = tmp_path / "events.ics"
    result = runner.invoke(main, ["export", "--format", "ics", "-o", str(out)])
    assert result.exit_code == 0, result.output
    events = icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert [str(e["UID"]) for e in events] == [f"event-{desk.call.id}@localhost",
                                               f"event-{desk.meeting.id}@localhost"]
    result = runner.invoke(main, ["export", "--format", "csv"])
    assert result.exit_code == 0
    assert [r["id"] for r in csv.DictReader(io.StringIO(result.stdout))] == [
        str(desk.call.id), str(desk.meeting.id), str(desk.statement.id)]


def _many_events(desk, count):
    from service.models import Event, EventActor, Mention

    start = Event.select().count()
    rows = [{"date": dt.date(2020, 1, 1) + dt.timedelta(days=i % 900), "date_precision": "day",
             "channel": "meeting", "title": f"Bulk event {i} " + "t" * 60, "summary": "s" * 150}
            for i in range(start, start + count)]
    for k in range(0, len(rows), 500):
        Event.insert_many(rows[k:k + 500]).execute()
    new = [e.id for e in Event.select(Event.id).where(Event.title.startswith("Bulk event")).order_by(Event.id)]
    new = new[-count:]
    for k in range(0, len(new), 300):
        chunk = new[k:k + 300]
        EventActor.insert_many([{"event": i, "actor": desk.veld.id} for i in chunk]).execute()
        Mention.insert_many([{"event": i, "document": desk.d2.id, "sentence": "A bulk sentence. " * 8,
                              "start": 0, "end": 10} for i in chunk]).execute()


@pytest.mark.parametrize("fmt", ["csv", "ics"])
def test_export_memory_stays_flat(app, desk, fmt):
    """Three times the events, the same peak memory: the writers stream page by page."""
    import tracemalloc

    class Sink:
        size = 0

        def write(self, text):
            self.size += len(text)

    peaks = []
    for count in (1000, 2000):  # 1003 events, then 3003: full pages of 500 both times
        _many_events(desk, count)
        sink = Sink()
        tracemalloc.start()
        with app.app_context():
            write_export(fmt, {}, sink)
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
    assert peaks[1] < peaks[0] * 1.15, peaks
