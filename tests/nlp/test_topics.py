"""Topics of an event: what the contact was about, not every country it names (invented texts)."""


def topics(extract, text):
    return [e.topics for e in extract(text).events]


def test_countries_named_in_passing_and_the_participants_own_are_no_topics(extract):
    text = ("Published: May 6, 2022\n\n"
            "Norwegian Foreign Minister Lars Dahl, who flew in from Iceland and Estonia, held talks with Chilean "
            "Foreign Minister Paula Rojas in Oslo on Thursday on the situation in Venezuela and on fishing quotas.\n")
    assert topics(extract, text) == [["venezuela"]]


def test_the_korean_peninsula_is_its_own_topic_not_a_country(extract):
    text = ("Published: May 6, 2022\n\n"
            "Mongolian President Bat Erdene met Canadian Prime Minister Claire Dubois in Ottawa on Thursday and "
            "discussed the denuclearization of the Korean Peninsula and nuclear weapons.\n")
    assert topics(extract, text) == [["korean-peninsula", "nuclear"]]


def test_at_most_four_topics_evidence_signals_first(extract):
    text = ("Published: May 6, 2022\n\n"
            "Kenyan President Joseph Mwangi held a phone call with Ghanaian President Kofi Boateng on Thursday "
            "about the Sudanese conflict, refugees, trade, vaccine supplies, climate change and oil prices.\n"
            "Mwangi said refugees from the war needed humanitarian aid.\n")
    assert topics(extract, text) == [["humanitarian-aid", "war", "sudan", "climate-change"]]


def test_a_country_raised_right_after_the_contact_is_a_topic(extract):
    text = ("Published: May 6, 2022\n\n"
            "Kenyan Foreign Minister Peter Otieno held talks with Chilean Foreign Minister Rosa Vidal in Nairobi on "
            "Thursday. Otieno raised concerns about Haiti.\n")
    assert topics(extract, text) == [["haiti"]]
