"""A document's report goes into Mention.reported and comes back as the same Report."""
import datetime as dt

from service.models import Mention
from service.reconciling.reports import Report
from tests import factories


def test_a_report_is_stored_and_read_back_whole(db):
    quintel, veld = factories.actor("Mara Quintel"), factories.actor("Oskar Veld")
    source = factories.document(text="Mara Quintel phoned Oskar Veld on Tuesday.")
    event = factories.event(sources=[(source, "Mara Quintel phoned Oskar Veld on Tuesday.")])
    report = Report(channel="phone_call", date=dt.date(2024, 3, 5), date_precision="day", date_basis="relative",
                    location_name="Tarnwick", location_country="NL",
                    participants=[(quintel.id, "Foreign Minister"), (veld.id, None)], topics=["fisheries"],
                    title="Quintel phones Veld", summary="About quotas.", confidence=0.7)
    Mention.update(reported=report).where(Mention.event == event).execute()
    assert Mention.get(Mention.event == event).reported == report


def test_folding_an_actor_into_another_lists_it_once():
    report = Report(channel="meeting", participants=[(1, None), (2, "Envoy"), (3, None)])
    assert report.with_actor_replaced(3, 1).participants == [(1, None), (2, "Envoy")]
    assert report.with_actor_replaced(2, 4).participants == [(1, None), (4, "Envoy"), (3, None)]


def test_a_mention_without_a_report_reads_as_an_empty_one(db):
    source = factories.document(text="Talks were held.")
    event = factories.event(sources=[(source, "Talks were held.")])
    assert Mention.get(Mention.event == event).reported == Report()
