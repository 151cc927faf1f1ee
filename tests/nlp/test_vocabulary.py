"""Topic vocabulary, gazetteer look-ups and event locations."""
from service.nlp.places import city_country, country_of, event_location
from service.nlp.topic_vocabulary import assign, vocabulary


def test_vocabulary_has_themes_with_iptc_codes_and_gazetteer_countries():
    vocab = {t["slug"]: t for t in vocabulary()}
    assert vocab["counter-terrorism"] == {"slug": "counter-terrorism", "label": "Counter-terrorism",
                                          "iptc_code": "medtop:20000519"}
    assert vocab["new-zealand"] == {"slug": "new-zealand", "label": "New Zealand", "iptc_code": None}
    assert all(set(t) == {"slug", "label", "iptc_code"} for t in vocabulary())


def test_topics_rank_evidence_first_keep_four_and_skip_participants_own_countries():
    from collections import Counter
    evidence = "They discussed the pandemic, vaccine supplies, trade, sanctions and the election."
    article = Counter({"trade": 1, "covid-19": 2, "sanctions": 1, "elections": 1, "energy": 5})
    # the country they talked about (NP) is a topic; the participants' own (IN) only when talked about
    assert assign(evidence, "", article, Counter({"NP": 1}), {"IN"}, Counter({"IN": 5})) == [
        "covid-19", "nepal", "elections", "sanctions"]
    # what the whole article is about comes last, and only to fill the places left
    assert assign("They discussed trade.", "", article, Counter(), set()) == ["trade", "energy"]


def test_gazetteer_lookups():
    assert [country_of(x) for x in ("Peruvian", "U.S.", "the Netherlands", "Houthis", "Ruritania")] == [
        "PE", "US", "NL", "YE", None]
    assert city_country("Brasília") == "BR"
    assert city_country("Paysandu", "UY") == "UY"


def test_event_location_prefers_a_city_after_a_preposition(nlp):
    doc = nlp("The envoys met in the Kenyan capital of Nairobi after flying to Ethiopia.")
    assert event_location(list(doc), doc.ents) == ("Nairobi", "KE")
    doc = nlp("The envoys met in Spain on Monday.")
    assert event_location(list(doc), doc.ents) is None
