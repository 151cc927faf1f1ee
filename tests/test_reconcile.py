"""The store side of the loader: actor resolution and cross-article merging, fed with
extraction results built by hand (the extractor itself is tested in tests/nlp)."""
import datetime as dt
import json

import pytest

from service.db import database
from service.loading import ingest
from service.models import Actor, ActorAlias, Document, Event, EventActor, Mention
from service.nlp.types import ArticleExtraction, ArticleInput, EvidenceSpan, ExtractedEvent, Participant

ALBA = Participant("Tomas Alba", "ES", "Foreign Minister")
DMITRI = Participant("Dmitri Kovalenko", "UA", "Foreign Minister")
DMITRY = Participant("Dmitry Kovalenko", "UA", None)


def report(people, channel="phone_call", date=None, precision="day", basis="explicit", location=None,
           sentence="They spoke.", topics=()):
    return ExtractedEvent(
        channel=channel,
        participants=list(people),
        evidence=[EvidenceSpan(sentence, 0, len(sentence), "on Monday" if date else None)],
        date=dt.date.fromisoformat(date) if date else None,
        date_precision=precision if date else None,
        date_basis=basis if date else "unknown",
        location_name=location,
        location_country="FR" if location else None,
        topics=list(topics),
        title=f"{channel}: " + " and ".join(p.name for p in people),
        summary=sentence,
        confidence=0.7,
    )


def store(key, *events, text=None):
    article = ArticleInput(key=key, text=text or f"Article {key} with several words of text.")
    with database.atomic():
        return ingest._store(article, ArticleExtraction(None, "none", None, list(events)))


def event_view(event_id):
    event = Event.get_by_id(event_id)
    names = [
        link.actor.name
        for link in EventActor.select(EventActor, Actor).join(Actor).where(EventActor.event == event)
        .order_by(EventActor.position)
    ]
    docs = sorted({m.document.key for m in Mention.select().where(Mention.event == event)})
    return {
        "date": event.date.isoformat() if event.date else None,
        "precision": event.date_precision,
        "basis": event.date_basis,
        "channel": event.channel,
        "people": names,
        "documents": docs,
        "conflicts": json.loads(event.conflicts),
    }


def test_undated_report_merges_into_dated_one_and_takes_its_date(db):
    first = store("a.txt", report([ALBA, DMITRI]))
    second = store("b.txt", report([DMITRY, ALBA], date="2020-03-02"))
    assert second.events_merged == first.events_created
    assert event_view(first.events_created[0]) == {
        "date": "2020-03-02", "precision": "day", "basis": "explicit", "channel": "phone_call",
        "people": ["Tomas Alba", "Dmitri Kovalenko"], "documents": ["a.txt", "b.txt"], "conflicts": [],
    }
    assert Event.select().count() == 1


def test_spelling_variants_become_one_actor_with_aliases(db):
    store("a.txt", report([DMITRI]))
    store("b.txt", report([DMITRY], channel="statement"))
    assert Actor.select().count() == 1
    assert sorted(a.alias for a in ActorAlias.select()) == ["Dmitri Kovalenko", "Dmitry Kovalenko"]


def test_close_short_names_never_merge(db):
    store("a.txt", report([Participant("Li Na", "CN")], channel="statement"))
    store("b.txt", report([Participant("Li Ne", "CN")], channel="statement"))
    assert sorted(a.name for a in Actor.select()) == ["Li Na", "Li Ne"]
    assert Event.select().count() == 2


def test_different_dates_stay_different_events(db):
    store("a.txt", report([ALBA, DMITRI], date="2020-03-02"))
    store("b.txt", report([ALBA, DMITRI], date="2020-04-09"))
    assert Event.select().count() == 2


def test_month_precision_holds_a_day_of_that_month(db):
    first = store("a.txt", report([ALBA, DMITRI], date="2020-03-01", precision="month", basis="relative"))
    second = store("b.txt", report([ALBA, DMITRI], date="2020-03-17"))
    assert second.events_merged == first.events_created
    view = event_view(first.events_created[0])
    assert (view["date"], view["precision"], view["basis"]) == ("2020-03-17", "day", "explicit")


def test_undated_report_does_not_choose_between_two_dated_events(db):
    store("a.txt", report([ALBA, DMITRI], date="2020-03-02"))
    store("b.txt", report([ALBA, DMITRI], date="2020-04-09"))
    third = store("c.txt", report([ALBA, DMITRI]))
    assert third.events_merged == []
    assert Event.select().count() == 3


def store_published(key, published, *events):
    article = ArticleInput(key=key, text=f"Article {key} with several words of text.",
                           published=dt.date.fromisoformat(published))
    with database.atomic():
        return ingest._store(article, ArticleExtraction(None, "none", None, list(events)))


def test_an_undated_report_of_a_dated_article_is_not_an_event_months_before_it(db):
    april = store("a.txt", report([ALBA, DMITRI], date="2020-04-09"))
    week_after = store_published("b.txt", "2020-04-15", report([ALBA, DMITRI]))
    assert week_after.events_merged == april.events_created
    june = store_published("c.txt", "2020-06-11", report([ALBA, DMITRI]))
    assert june.events_merged == [] and Event.select().count() == 2


def test_an_undated_report_is_not_of_an_event_after_its_publication(db):
    store("a.txt", report([ALBA, DMITRI], date="2020-04-09"))
    before = store_published("b.txt", "2020-04-01", report([ALBA, DMITRI]))
    assert before.events_merged == [] and Event.select().count() == 2


def test_same_article_events_never_merge_with_each_other(db):
    result = store("a.txt", report([ALBA, DMITRI]), report([ALBA, DMITRI], sentence="Again."))
    assert len(result.events_created) == 2


def test_disagreeing_locations_stay_visible_as_conflicts(db):
    first = store("a.txt", report([ALBA, DMITRI], channel="meeting", location="Lyon"))
    store("b.txt", report([ALBA, DMITRI], channel="meeting", location="Nice"))
    assert event_view(first.events_created[0])["conflicts"] == [
        {"field": "location", "values": [{"value": "Lyon", "documents": ["a.txt"]},
                                         {"value": "Nice", "documents": ["b.txt"]}]}
    ]


def test_changed_article_replaces_its_mentions_and_drops_orphans(db):
    old = store("a.txt", report([ALBA, DMITRI]), text="First version of the article text.")
    new = store("a.txt", report([ALBA], channel="statement"), text="Second version of the article text.")
    assert new.status == "replaced"
    assert not Event.select().where(Event.id.in_(old.events_created)).exists()
    assert [e.channel for e in Event.select()] == ["statement"]


def test_delete_document_keeps_events_other_documents_report(db):
    shared = store("a.txt", report([ALBA, DMITRI], date="2020-03-02"), report([ALBA], channel="statement"))
    store("b.txt", report([ALBA, DMITRI], date="2020-03-02"))
    document_id = shared.document_id
    with database.atomic():
        affected = ingest.delete_document(Document.get_by_id(document_id))
    assert sorted(affected) == sorted(shared.events_created)
    remaining = list(Event.select())
    assert [e.channel for e in remaining] == ["phone_call"]
    assert event_view(remaining[0].id)["documents"] == ["b.txt"]


def test_editor_locked_fields_survive_new_reports(db):
    first = store("a.txt", report([ALBA, DMITRI], date="2020-03-02"))
    event = Event.get_by_id(first.events_created[0])
    event.channel, event.locked = "video_call", json.dumps(["channel"])
    event.save()
    store("b.txt", report([ALBA, DMITRI], channel="video_call", date="2020-03-02"))
    assert event_view(event.id)["channel"] == "video_call"
    assert event_view(event.id)["documents"] == ["a.txt", "b.txt"]


@pytest.mark.parametrize("text", ["", "   \n", "1 2 3 4"])
def test_text_without_words_is_refused(text):
    from service.loading.sources import BadArticle, check_text

    with pytest.raises(BadArticle):
        check_text(text)


def test_an_event_an_editor_deleted_stays_deleted_when_its_article_is_extracted_again(db):
    from service.curation import event_edits

    first = store("a.txt", report([ALBA, DMITRI], sentence="They spoke."),
                  report([ALBA], channel="statement", sentence="He said so."), text="Version one of the text.")
    event_edits.delete_event(first.events_created[0], "desk")
    again = store("a.txt", report([ALBA, DMITRI], sentence="They spoke."),
                  report([ALBA], channel="statement", sentence="He said so."), text="Version two of the text.")
    assert again.status == "replaced"
    assert [e.channel for e in Event.select()] == ["statement"]


def test_a_merged_event_keeps_the_four_topics_most_reports_name(db):
    from service.loading.ingest import sync_topics
    from service.models import EventTopic, Topic

    sync_topics()
    first = store("a.txt", report([ALBA, DMITRI], date="2020-03-02", topics=["trade", "energy", "security"]))
    store("b.txt", report([ALBA, DMITRI], date="2020-03-02", topics=["security", "covid-19", "nuclear", "trade"]))
    slugs = {t.slug for t in Topic.select().join(EventTopic).where(EventTopic.event == first.events_created[0])}
    # trade and security are named twice; of the rest, the ones ranked highest by their report
    assert slugs == {"trade", "security", "energy", "covid-19"}


def test_one_name_with_two_countries_is_two_actors_and_each_is_found_again(db):
    store("a.txt", report([Participant("Ana Rivera", "CL")], channel="statement"))
    store("b.txt", report([Participant("Ana Rivera", "PE")], channel="statement", sentence="She wrote."))
    store("c.txt", report([Participant("Ana Rivera", "PE")], channel="statement", sentence="She wrote."))
    store("d.txt", report([Participant("Ana Rivera", None)], channel="speech"))
    assert sorted((a.name, a.country, a.slug) for a in Actor.select()) == [
        ("Ana Rivera", "CL", "ana-rivera"), ("Ana Rivera", "PE", "ana-rivera-2")]
    assert [a.alias for a in ActorAlias.select()] == ["Ana Rivera"]
