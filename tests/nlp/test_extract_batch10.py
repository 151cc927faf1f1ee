"""Whole-article shapes of the tenth batch (press styles of several regions), on short invented texts
through the real pipeline."""
from .conftest import brief


def _events(extract, text):
    return [(e["channel"], [name for name, _ in e["people"]], e["date"])
            for e in (brief(e, text) for e in extract(text).events)]


def test_a_visiting_minister_who_called_on_a_leader_is_the_subject(extract):
    # the parser reads "visiting" as a verb with the minister its object and the clause its subject
    text = ("Minister calls on President\nMarch 10, 2031\n\nTALLINN, Mar 10: Separately, visiting Comorian Foreign "
            "Minister Devanand Ramlugun met President Kadri Saar here on Monday evening.\n")
    assert _events(extract, text) == [("meeting", ["Devanand Ramlugun", "Kadri Saar"], "2031-03-10")]


def test_prior_to_the_talks_places_a_contact_in_time_and_is_no_history(extract):
    text = ("Talks in Hanoi\nOctober 8, 2030\n\nHANOI -- Vietnamese Foreign Minister Dao Minh Khoa held talks with "
            "Finnish Foreign Minister Aino Rautio in Hanoi on Tuesday.\n\nPrior to the talks, Vietnamese Vice "
            "President Ngo Thi Lan met with Rautio at the Presidential Palace in Hanoi.\n")
    assert _events(extract, text) == [("meeting", ["Dao Minh Khoa", "Aino Rautio"], "2030-10-08"),
                                      ("meeting", ["Ngo Thi Lan", "Aino Rautio"], "2030-10-08")]


def test_a_name_after_his_excellency_or_an_he_typed_as_an_organisation_is_a_person(nlp):
    doc = nlp("Estonian Foreign Minister Mart Ilves was granted an audience with the President of the Republic of "
              "Rwanda, His Excellency Faustin Mugabo, on Monday.")
    assert ("Faustin Mugabo", "RW") in [(p.name, p.country) for p in doc._.people.persons]
    doc = nlp("Sheikh Rashid Al Kaabi received H.E. Ilse Maren Vandenbroucke, Minister of Foreign Affairs of "
              "the Kingdom of Belgium, today.")
    assert ("Ilse Maren Vandenbroucke", "BE") in [(p.name, p.country) for p in doc._.people.persons]


def test_given_names_and_two_surnames_typed_as_two_people_are_one_name(nlp):
    doc = nlp("Peruvian Chancellor Rosa Elena Quispe Mamani met Colombian Chancellor Andrés Felipe Ortega Salcedo "
              "in Lima on Thursday.")
    assert [(p.name, p.country) for p in doc._.people.persons] == [
        ("Rosa Elena Quispe Mamani", "PE"), ("Andrés Felipe Ortega Salcedo", "CO")]


def test_the_high_representative_of_the_union_is_the_eus(nlp):
    doc = nlp("The High Representative of the Union for Foreign Affairs and Security Policy, Liisa Rantanen, met "
              "with the Minister of Foreign Affairs of Armenia, Aram Petrosyan, in Brussels on Monday.")
    assert [(p.name, p.country) for p in doc._.people.persons] == [("Liisa Rantanen", "EU"), ("Aram Petrosyan", "AM")]


def test_a_plan_governs_both_verbs_and_the_visit_it_happens_during(extract):
    head = ("Visit\n8 October 2030\n\nDhaka - Foreign Adviser Md. Rafiqul Islam Bhuiyan will pay an official visit "
            "to Sri Lanka next week.\n\nDuring the visit, Bhuiyan is scheduled to call on the Prime Minister of Sri "
            "Lanka")
    assert _events(extract, head + ".\n") == []
    talks = " and hold bilateral talks with Foreign Minister Nalaka Perera on fisheries.\n"
    assert _events(extract, head + talks) == []


def test_a_counterpart_or_a_title_set_off_by_commas_before_a_name_is_that_name(extract):
    text = ("Working visit\n2 March 2031\n\nLUSAKA - Malawian Foreign Minister Chikondi Phiri paid a working visit to "
            "Lusaka on Monday, during which he was granted an audience with Zambian President Mwila Chanda.\n\n"
            "On the same day, Phiri held talks with his Zambian counterpart, the Minister of Foreign Affairs and "
            "International Cooperation, Dr. Bwalya Mulenga, on trade.\n")
    events = [brief(e, text) for e in extract(text).events]
    assert [(e["channel"], e["people"]) for e in events] == [
        ("meeting", [("Chikondi Phiri", "MW"), ("Mwila Chanda", "ZM")]),
        ("meeting", [("Chikondi Phiri", "MW"), ("Bwalya Mulenga", "ZM")])]


def test_a_minister_for_a_portfolio_with_the_name_after_the_comma_is_no_earlier_minister(extract):
    text = ("Ministers in Geneva\nMay 9, 2031\n\nGENEVA - Kenya's Minister for Trade, Otieno Wafula, met WTO "
            "Director-General Ingrid Solheim in Geneva on Wednesday.\n\nSeparately, Kenya's Minister for Health, "
            "Akinyi Odhiambo, held a video call with World Health Organization Director-General Pia Lindgren on "
            "Thursday.\n")
    assert _events(extract, text) == [("meeting", ["Otieno Wafula", "Ingrid Solheim"], "2031-05-07"),
                                      ("video_call", ["Akinyi Odhiambo", "Pia Lindgren"], "2031-05-08")]


def test_a_country_whose_capital_bears_its_name_is_the_city_where_they_met(extract):
    text = ("Ministers meet\nOctober 13, 2031\n\nThe High Representative of the Union for Foreign Affairs and Security "
            "Policy, Liisa Rantanen, met with the Minister of Foreign Affairs of Armenia, Aram Petrosyan, in the "
            "margins of the Foreign Affairs Council in Luxembourg on Monday.\n")
    events = [brief(e, text) for e in extract(text).events]
    assert [(e["people"], e["location"]) for e in events] == [
        ([("Liisa Rantanen", "EU"), ("Aram Petrosyan", "AM")], ("Luxembourg", "LU"))]


def test_talks_of_a_pair_take_their_medium_from_the_pairs_meeting_not_from_a_medium_settled_for_another(extract):
    text = ("Minister's day\nJune 4, 2031\n\nLisbon, Jun 4: Foreign Minister Tiago Ferraz on Wednesday held a "
            "telephonic conversation with his Cape Verdean counterpart Nilda Tavares and discussed maritime "
            "security.\n\nSeparately, Angolan Foreign Minister Joaquim Mbala, who is on a two-day visit to Portugal, "
            "held talks with Ferraz at the Necessidades Palace here.\n\nBoth sides discussed trade and energy.\n")
    assert [(c, p) for c, p, _ in _events(extract, text)] == [("phone_call", ["Tiago Ferraz", "Nilda Tavares"]),
                                                             ("meeting", ["Joaquim Mbala", "Tiago Ferraz"])]


def test_he_of_a_clause_hung_on_a_visit_is_the_visitor(extract):
    text = ("Working visit\n2 March 2031\n\nKIGALI - The Minister of Foreign Affairs and Development Cooperation of "
            "the Republic of Burundi, Hon. Jean-Pierre Ntahobari, paid a working visit to Kigali on Monday, during "
            "which he was granted an audience with the President of the Republic of Rwanda, His Excellency Faustin "
            "Mugabo.\n")
    assert [(c, p) for c, p, _ in _events(extract, text)] == [("meeting", ["Jean-Pierre Ntahobari", "Faustin Mugabo"])]
