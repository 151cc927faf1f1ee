"""Whole-article shapes of the eighth batch, on short invented texts through the real pipeline."""
from .conftest import brief


def _events(extract, text):
    return [(e["channel"], [name for name, _ in e["people"]], e["date"])
            for e in (brief(e, text) for e in extract(text).events)]


def test_a_postponed_or_cancelled_meeting_is_no_event_beside_the_held_one(extract):
    text = ("Ministers meet in Tartu\nMarch 3, 2032\n\nTARTU - Finnish Foreign Minister Oskari Lehtola met "
            "Estonian Foreign Minister Maret Kivisild in Tartu on Wednesday.\n\nTalks between Lehtola and "
            "Swedish Foreign Minister Ebba Lindqvist, planned for Thursday in Uppsala, have been postponed "
            "because of a strike, the ministry said. Lindqvist also cancelled her call with Norwegian Foreign "
            "Minister Sindre Vold.\n")
    assert _events(extract, text) == [("meeting", ["Oskari Lehtola", "Maret Kivisild"], "2032-03-03")]


def test_a_portfolio_word_alone_is_no_title_mention_of_the_byline_name(extract):
    text = ("Irish and Danish leaders talk\nBy Mira Lund, Staff Reporter | Published Tuesday, March 2, 2032\n\n"
            "Irish Prime Minister Cathal Brennan and Danish Prime Minister Sofie Aagaard held a phone call, "
            "discussing trade, cyber defence and energy security.\n")
    assert _events(extract, text) == [("phone_call", ["Cathal Brennan", "Sofie Aagaard"], "2032-03-02")]


def test_the_headline_gives_its_day_to_the_undated_contact_of_the_lead(extract):
    text = ("Latvian, Chilean presidents hold phone call on Sunday\nBy Oona Kask | Published Tuesday, April 6, 2032\n\n"
            "RIGA - Latvian President Inga Berzina and Chilean President Tomas Avendano held a phone call, "
            "discussing trade and Antarctic research.\n\nBerzina invited Avendano to visit Riga.\n")
    assert _events(extract, text) == [("phone_call", ["Inga Berzina", "Tomas Avendano"], "2032-04-04")]


def test_a_headline_day_of_another_kind_of_contact_is_not_taken(extract):
    text = ("President to visit Lima on Friday\nPublished Tuesday, April 6, 2032\n\n"
            "Latvian President Inga Berzina and Chilean President Tomas Avendano held a phone call.\n")
    assert _events(extract, text) == [("phone_call", ["Inga Berzina", "Tomas Avendano"], "2032-04-06")]


def test_a_given_name_the_model_left_out_after_a_title_or_its_comma_is_kept(nlp):
    for text, name in [
            ("Ministers sign deal\n\nBERGEN - Norwegian Minister of International Development Ingrid Solberg "
             "Haugen met Ghana's Minister for Trade Ama Owusu at 10:00 on 3 May 2031 in Bergen.",
             "Ingrid Solberg Haugen"),
            ("The Secretary-General of the Commonwealth, Mateus Ribeiro Sampaio, met the President of Chile "
             "in Santiago.", "Mateus Ribeiro Sampaio")]:
        assert name in [p.name for p in nlp(text)._.people.persons]


def test_dame_and_ratu_are_honorifics_not_given_names(extract):
    text = ("Courtesy call\nMay 4, 2031\n\nSamoan Deputy Prime Minister Ratu Tevita Naulu paid a courtesy call on "
            "Australia's Governor-General, Dame Helen Carrow, at Government House on Monday.\n")
    assert _events(extract, text) == [("meeting", ["Tevita Naulu", "Helen Carrow"], "2031-04-28")]


def test_a_body_with_a_code_of_its_own_before_the_comma_of_an_apposition_gives_its_code(nlp):
    doc = nlp("The Secretary-General of the United Nations, Helga Moreira Castro, met the President of Chile, "
              "Ana Vela, in Santiago on Monday.")
    assert [(p.name, p.country) for p in doc._.people.persons] == [("Helga Moreira Castro", "UN"), ("Ana Vela", "CL")]


def test_an_office_of_a_sports_or_company_body_in_apposition_makes_no_diplomatic_actor(extract):
    text = ("Federation meets coach\nMay 6, 2031\n\nThe president of the national rugby federation, Tomas Ekwueme, "
            "met head coach Ari Lindgren on Tuesday. Separately, Lindgren met the chairman of the club, "
            "Pablo Serrat.\n")
    assert _events(extract, text) == []


def test_a_hyphenated_light_verb_is_one_token_whose_subject_holds_the_talks(nlp, extract):
    assert [(t.text, t.lemma_) for t in nlp("Berg co-chaired and co-hosts talks")][1:4] == [
        ("co-chaired", "co-chair"), ("and", "and"), ("co-hosts", "co-host")]
    text = ("Prime Minister receives Irish minister\nJune 3, 2031\n\nQUITO - Prime Minister Tupac Yupanqui on Tuesday "
            "received visiting Irish Foreign Minister Niamh Gallagher in Quito.\n\nEarlier the same day, Ecuadorian "
            "Deputy Foreign Minister Rosa Quillupangui and Irish Deputy Foreign Minister Eoin Kavanagh co-chaired the "
            "third round of political consultations between the two foreign ministries in Quito.\n\n"
            "The two deputy ministers agreed to expand trade in flowers.\n")
    assert ("meeting", ["Rosa Quillupangui", "Eoin Kavanagh"], "2031-06-03") in _events(extract, text)


def test_a_hyphenated_office_before_of_stays_whole_and_its_bare_mention_names_the_holder(extract):
    text = ("Press Release\nMay 5, 2031\n\nThe Secretary-General of the United Nations, Ines Albuquerque Mota, met "
            "the President of Chile, Ana Vela, on the margins of the Andes Forum in Santiago on Monday.\n\n"
            "Earlier on Monday, the Secretary-General addressed the opening session of the Forum.\n")
    found = [brief(e, text) for e in extract(text).events]
    assert [(e["channel"], e["people"], e["date"]) for e in found] == [
        ("meeting", [("Ines Albuquerque Mota", "UN"), ("Ana Vela", "CL")], "2031-05-05"),
        ("speech", [("Ines Albuquerque Mota", "UN")], "2031-05-05")]


def test_a_contact_opened_by_later_after_an_unnamed_hosts_reception_is_another_one(extract):
    text = ("King receives Chilean minister\nMay 4, 2031\n\nThe King of Lesotho received Chilean Foreign Minister "
            "Carla Ibarra Soto at the Royal Palace in Maseru on Sunday.\n\nDuring the meeting, they reviewed "
            "bilateral relations.\n\nLater, Ibarra Soto held talks with Lesotho's Foreign Minister Thabo Mokoena.\n")
    assert _events(extract, text) == [("meeting", ["Carla Ibarra Soto"], "2031-05-04"),
                                      ("meeting", ["Carla Ibarra Soto", "Thabo Mokoena"], "2031-05-04")]


def test_no_sentence_starts_between_two_proper_nouns_of_one_name(extract):
    text = ("Talks in Da Nang\nMarch 7, 2031\n\nDA NANG - Prime Minister Tran Quoc Bao on Friday received Chilean "
            "Foreign Minister Camila Rojas Fuentes in Da Nang.\n")
    assert _events(extract, text) == [("meeting", ["Tran Quoc Bao", "Camila Rojas Fuentes"], "2031-03-07")]
