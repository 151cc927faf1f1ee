"""An Atom feed per query: its self link carries the filters, and a correction updates the entry."""
import datetime as dt

import feedparser


def _feed(client, **query):
    response = client.get("/v1/events", query_string={"format": "atom", **query})
    assert response.status_code == 200
    feed = feedparser.parse(response.get_data())
    assert not feed.bozo, feed.bozo_exception
    return feed


def test_the_self_link_is_the_query_and_a_correction_updates_its_entry(client, desk, headers, monkeypatch):
    monkeypatch.setitem(client.application.config, "PUBLIC_URL", "https://timeline.example/")
    feed = _feed(client, participant="oskar-veld", channel="phone_call")
    assert feed.feed.title == "Event Timeline: newest events (channel=phone_call; participant=oskar-veld)"
    assert [(link.rel, link.href) for link in feed.feed.links] == [
        ("self", "https://timeline.example/v1/events?format=atom&participant=oskar-veld&channel=phone_call"),
        ("alternate", "https://timeline.example/v1/events?channel=phone_call&participant=oskar-veld")]
    assert feed.feed.id == "tag:timeline.example,2026:events?channel=phone_call&format=atom&participant=oskar-veld"
    [entry] = feed.entries
    assert (entry.id, entry.updated) == (f"tag:timeline.example,2026:event-{desk.call.id}", "2024-01-02T03:04:05Z")

    before = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
    assert client.patch(f"/v1/events/{desk.call.id}", json={"summary": "Quotas, and a date for talks."},
                        headers=headers).status_code == 200
    [entry] = _feed(client, participant="oskar-veld", channel="phone_call").entries
    updated = dt.datetime.strptime(entry.updated, "%Y-%m-%dT%H:%M:%SZ")
    assert updated >= before and entry.published == "2024-01-02T03:04:05Z"
    assert entry.summary.endswith("Quotas, and a date for talks.\n“Foreign Minister Mara Quintel of Portugal and "
                                  "her Dutch counterpart Oskar Veld spoke by telephone on Tuesday about fishing "
                                  "quotas, a ministry statement said.” (Harbour Post)")
    # the whole feed lists the corrected event first: it is the most recently changed
    assert [e.id for e in _feed(client).entries][0] == f"tag:timeline.example,2026:event-{desk.call.id}"
