"""People: full names, titles, countries and short-name coreference, on invented sentences."""
from service.nlp.actors import find_people


def people_of(nlp, text):
    doc = nlp(text)
    found = find_people(doc)
    persons = [(p.name, p.country, p.title) for p in found.persons]
    mentions = [(doc[m.start:m.end].text, found.persons[m.pid].name) for m in found.mentions]
    return persons, mentions


def test_two_people_sharing_a_surname_stay_apart_and_short_names_go_to_the_nearest(nlp):
    text = ("South Korean Foreign Minister Park Jiwon held talks with Indonesian Foreign Minister Sari Wulandari "
            "in Jakarta on Tuesday. Park thanked her. Separately, Ambassador Park Minho met Malaysian envoy "
            "Aziz Rahman in Kuala Lumpur on Monday. Park said the talks were useful.")
    persons, mentions = people_of(nlp, text)
    assert persons == [("Park Jiwon", "KR", "Foreign Minister"),
                       ("Sari Wulandari", "ID", "Foreign Minister"),
                       ("Park Minho", None, "Ambassador"),
                       ("Aziz Rahman", "MY", "envoy")]
    assert mentions == [("Park Jiwon", "Park Jiwon"), ("Sari Wulandari", "Sari Wulandari"), ("Park", "Park Jiwon"),
                        ("Park Minho", "Park Minho"), ("Aziz Rahman", "Aziz Rahman"), ("Park", "Park Minho")]


def test_countries_from_of_phrases_appositions_and_affiliations(nlp):
    text = ("Speaking at the forum, Ines Duarte, Ambassador of Portugal to the UN in Vienna, thanked "
            "President Kofi Mensah of Ghana. Hezbollah spokesman Ahmad Karimi, a member of Hezbollah's "
            "media office, attended. Norwegian Ambassador to Kenya Ola Berg also came.")
    persons, _ = people_of(nlp, text)
    assert persons == [("Ines Duarte", "PT", "Ambassador"),
                       ("Kofi Mensah", "GH", "President"),
                       ("Ahmad Karimi", "LB", "spokesman"),
                       ("Ola Berg", "NO", "Ambassador to Kenya")]


def test_title_only_mention_goes_to_the_most_mentioned_holder_and_gives_its_nationality(nlp):
    text = ("Presidents Marta Silva and Diego Rojas met. Silva spoke first. Silva then left. "
            "Later the Bolivian president visited the port.")
    persons, mentions = people_of(nlp, text)
    assert persons == [("Marta Silva", "BO", "President"), ("Diego Rojas", None, None)]
    assert mentions[-1] == ("president", "Marta Silva")


def test_counterpart_gets_the_nationality_word(nlp):
    persons, _ = people_of(nlp, "Greek Foreign Minister Nikos Andreou met his Cypriot counterpart Eleni Charalambous.")
    # a counterpart holds the office of whom they are the counterpart of; the country stays apart
    assert persons == [("Nikos Andreou", "GR", "Foreign Minister"),
                       ("Eleni Charalambous", "CY", "Foreign Minister")]


def test_unnamed_counterpart_is_the_one_person_of_that_country(nlp):
    text = ("Ukrainian Foreign Minister Oksana Marchenko will visit Warsaw next week. On Tuesday, Polish Foreign "
            "Minister Piotr Zielinski spoke by phone with his Ukrainian counterpart about energy security.")
    _, mentions = people_of(nlp, text)
    assert mentions[-1] == ("counterpart", "Oksana Marchenko")


def test_a_speaking_short_name_goes_to_the_nearest_speaker_of_that_name(nlp):
    text = ("Foreign ministry spokesman Li Ming said that Ambassador Li Qiao met officials in Lusaka on Monday. "
            "Without giving details, Li said the talks were useful.")
    _, mentions = people_of(nlp, text)
    assert mentions[-1] == ("Li", "Li Ming")
