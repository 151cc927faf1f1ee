"""Every participant link carries its event's date (schema 3), through every write path.

The participant filter walks the (actor, event_date, event) index, so a link whose copy of the
date were stale would put its event on the wrong page: each write below is followed by the check
that no link disagrees with its event, and by the participant's events in the right order.
"""
from service.db import database
from service.models import Event, EventActor


def _disagreeing_links():
    rows = database.execute_sql(
        "SELECT ea.id FROM event_actor ea JOIN event e ON e.id = ea.event_id "
        "WHERE ea.event_date IS NOT NULL AND e.date IS NULL OR ea.event_date IS NULL AND e.date IS NOT NULL "
        "OR ea.event_date <> e.date"
    )
    return [row[0] for row in rows]


def _titles(client, who, sort="date"):
    return [e["title"] for e in client.get(f"/v1/events?participant={who}&sort={sort}").json["data"]]


CALL, MEETING, STATEMENT = ("Mara Quintel and Oskar Veld speak by phone", "Oskar Veld meets Tomas Arkwright",
                            "Tomas Arkwright statement")


def test_links_follow_every_write(client, desk, headers):
    assert _disagreeing_links() == []
    assert _titles(client, "oskar-veld") == [CALL, MEETING]

    # a correction of the date, then of the participants
    etag = client.get(f"/v1/events/{desk.call.id}").headers["ETag"]
    response = client.patch(f"/v1/events/{desk.call.id}", json={"date": "2024-06-09"},
                            headers={**headers, "If-Match": etag})
    assert response.status_code == 200, response.json
    assert _disagreeing_links() == []
    assert _titles(client, "oskar-veld") == [MEETING, CALL]
    etag = response.headers["ETag"]
    response = client.patch(f"/v1/events/{desk.call.id}", json={"participants": [{"participant": "tomas-arkwright"},
                                                                                   {"participant": "oskar-veld"}]},
                            headers={**headers, "If-Match": etag})
    assert response.status_code == 200, response.json
    assert _disagreeing_links() == []
    assert _titles(client, "tomas-arkwright", "-date") == [CALL,
                                                           STATEMENT]

    # an event made by hand
    body = {"title": "Veld writes to Quintel", "channel": "correspondence", "date": "2024-01-15",
            "participants": [{"participant": "oskar-veld"}, {"participant": "mara-quintel"}],
            "evidence": [{"sentence": "Veld wrote to Quintel in January, a spokesman said."}]}
    assert client.post("/v1/events", json=body, headers=headers).status_code == 201
    assert _disagreeing_links() == []
    assert _titles(client, "mara-quintel") == ["Veld writes to Quintel"]

    # a participant merged into another: the duplicate's links move with their dates
    merged = client.post(f"/v1/participants/{desk.arkwright.id}/merge", json={"duplicate": "t-arkwright"},
                         headers=headers)
    assert merged.status_code == 200, merged.json
    assert _disagreeing_links() == []
    assert _titles(client, "tomas-arkwright") == [MEETING, CALL,
                                                  STATEMENT]

    # raw writes too: the triggers hold whatever code writes
    Event.update(date=None).where(Event.id == desk.meeting.id).execute()
    EventActor.update(event_date="1999-01-01").where(EventActor.event == desk.call.id).execute()
    assert _disagreeing_links() == []
    assert _titles(client, "oskar-veld", "-date") == [CALL, "Veld writes to Quintel",
                                                      MEETING]
