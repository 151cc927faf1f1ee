"""Whole-article shapes of the seventh batch, on short invented texts through the real pipeline."""
from .conftest import brief


def _people(extract, text):
    return [(e["channel"], e["people"], e["date"]) for e in (brief(e, text) for e in extract(text).events)]


def test_a_name_after_minister_of_a_country_keeps_its_given_name(extract):
    # the model tags the country as a place or runs it on into the name as one organisation
    text = ("Ministry news\n\n03.04.2031\n\nForeign Minister of Georgia Eka Tsiklauri received the Ambassador of "
            "Chile, Pablo Ortiz Lagos, on 2 April.\n")
    assert _people(extract, text) == [
        ("meeting", [("Eka Tsiklauri", "GE"), ("Pablo Ortiz Lagos", "CL")], "2031-04-02")]


def test_a_name_after_a_portfolio_and_its_country(extract):
    text = ("Ministry news\n\n03.04.2031\n\nMinister of Economy of Moldova Doina Rusu received the Ambassador of "
            "Chile, Pablo Ortiz Lagos, on 2 April.\n")
    assert _people(extract, text) == [
        ("meeting", [("Doina Rusu", "MD"), ("Pablo Ortiz Lagos", "CL")], "2031-04-02")]


def test_a_name_whose_surname_alone_is_tagged_an_organisation(extract):
    text = ("Ministry news\n\n03.04.2031\n\nForeign Minister of Georgia Ana Abashidze received the Ambassador of "
            "Chile, Pablo Ortiz Lagos, on 2 April.\n")
    assert _people(extract, text)[0][1][0] == ("Ana Abashidze", "GE")


def test_a_given_name_untagged_between_the_country_and_the_surname(extract):
    # the model tags only the surname: the given name after "<title> of <country>" is the name's too
    text = ("Ministry news\n\n03.04.2031\n\nForeign Minister of Georgia Nino Kavtaradze met the Ambassador of "
            "Peru, Jorge Salcedo Ruiz, on 2 April.\n")
    assert _people(extract, text)[0][1] == [("Nino Kavtaradze", "GE"), ("Jorge Salcedo Ruiz", "PE")]


def test_credentials_received_are_a_meeting_with_the_ambassador(extract):
    text = ("Ministry news\n\n03.04.2031\n\nForeign Minister Anahit Grigoryan received the copies of the credentials "
            "of the newly appointed Ambassador of Chile, Pablo Ortiz Lagos, on 2 April.\n")
    assert _people(extract, text) == [
        ("meeting", [("Anahit Grigoryan", None), ("Pablo Ortiz Lagos", "CL")], "2031-04-02")]


def test_letters_of_credence_are_no_correspondence(extract):
    text = ("Ministry news\n\n03.04.2031\n\nThe new Ambassador of Chile, Pablo Ortiz Lagos, presented his letters of "
            "credence to President Aram Petrosyan on Monday.\n")
    assert _people(extract, text) == [
        ("meeting", [("Pablo Ortiz Lagos", "CL"), ("Aram Petrosyan", None)], "2031-03-31")]


FEATURE = ("Profile: a planning minister at home\n\nPublished 14 May 2031\n\n"
           "When Marisol Benitez became Paraguay's Minister of Planning, nobody in her party expected it.\n\n"
           "Standing on the balcony of her office above the main square, Benitez, 47, talked about roads and "
           "rivers.\n\n"
           "\"Roads come first. Rivers come second,\" she said in an interview with the Evening Courier on "
           "Tuesday.\n\n"
           "She said she had spoken by phone with Uruguay's transport minister, Tomas Ferreyra Soto, last week.\n")


def test_the_name_of_a_feature_after_an_opening_participle_is_whom_she_refers_to(extract):
    found = [brief(e, FEATURE) for e in extract(FEATURE).events]
    assert ("press_conference", [("Marisol Benitez", "PY")], "2031-05-13") in [
        (e["channel"], e["people"], e["date"]) for e in found]


def test_she_of_the_sentence_before_is_the_same_person_again(extract):
    found = [brief(e, FEATURE) for e in extract(FEATURE).events]
    assert ("phone_call", ["Marisol Benitez", "Tomas Ferreyra Soto"]) in [
        (e["channel"], [name for name, _ in e["people"]]) for e in found]


def test_the_summit_said_after_a_videoconference_of_its_leaders_is_that_videoconference(extract):
    text = ("Andean leaders hold virtual summit\n\nPosted: 14/05/2031\n\n"
            "The leaders of Peru, Bolivia and Ecuador held a virtual summit on Tuesday on river pollution.\n\n"
            "Peruvian President Rosa Quispe Mamani, Bolivian President Hugo Condori and Ecuadorian President "
            "Lucia Andrade took part in the videoconference.\n\n"
            "\"Rivers know no borders,\" Condori said after the summit.\n")
    assert [(e["channel"], len(e["people"]), e["date"]) for e in (brief(e, text) for e in extract(text).events)] == [
        ("video_call", 3, "2031-05-13")]


def test_the_city_of_a_hotel_the_model_tagged_together_with_it(extract):
    # the model tags "the Grand Hotel Europa in Innsbruck" as one venue
    text = ("Ministers meet\n\nPublished 9 June 2031\n\nIrish Foreign Minister Ciaran Doyle met Danish Foreign "
            "Minister Mette Holm at the Grand Hotel Europa in Innsbruck on Friday.\n")
    assert [e["location"] for e in (brief(e, text) for e in extract(text).events)] == [("Innsbruck", "AT")]


def test_the_two_leaders_of_a_quoted_lead_are_the_two_the_next_sentence_names(extract):
    text = ("Leaders discuss trade\n\nPosted: 5 March 2031\n\n\"The two leaders spoke by phone on Sunday and agreed "
            "to boost trade,\" presidential spokesman Ricardo Almeida said in a statement.\n\nBrazilian President "
            "Joao Batista Freitas and Argentine President Martin Quiroga discussed tariffs, Almeida said.\n")
    found = [brief(e, text) for e in extract(text).events]
    assert ("phone_call", [("Joao Batista Freitas", "BR"), ("Martin Quiroga", "AR")], "2031-03-02") in [
        (e["channel"], e["people"], e["date"]) for e in found]


def test_a_dated_meeting_after_which_the_two_will_meet_again_is_an_event(extract):
    text = ("Water talks\n\nPublished 9 June 2031\n\nAfter meeting in Astana last month, Kazakh Foreign Minister "
            "Erlan Bekov and Kyrgyz Foreign Minister Azamat Osmonov will meet again in Bishkek in July.\n")
    assert [(e["channel"], [n for n, _ in e["people"]], e["date"], e["location"])
            for e in (brief(e, text) for e in extract(text).events)] == [
        ("meeting", ["Erlan Bekov", "Azamat Osmonov"], "2031-05-01", ("Astana", "KZ"))]


def test_an_undated_meeting_inside_a_plan_is_planned_too(extract):
    text = ("Water talks\n\nPublished 9 June 2031\n\nKazakh Foreign Minister Erlan Bekov will sign the pact in "
            "Bishkek after meeting Kyrgyz Foreign Minister Azamat Osmonov.\n")
    assert extract(text).events == []


def test_a_day_inside_the_quotation_does_not_date_the_statement_that_quotes_it(extract):
    text = ("Talks to resume\n\nLIMA, March 5, 2031 (Andes Wire) - \"The two delegations will resume their work on "
            "Sunday,\" foreign ministry spokeswoman Carla Mendez said in a statement.\n")
    assert [(e["channel"], e["date"]) for e in (brief(e, text) for e in extract(text).events)] == [
        ("statement", "2031-03-05")]


def test_what_a_statement_s_author_says_again_is_no_briefing(extract):
    text = ("Leaders discuss trade\n\nPosted: 5 March 2031\n\n\"The two leaders spoke by phone on Sunday and agreed "
            "to boost trade,\" presidential spokesman Ricardo Almeida said in a statement.\n\nBrazilian President "
            "Joao Batista Freitas and Argentine President Martin Quiroga discussed tariffs, Almeida said.\n")
    assert sorted(e["channel"] for e in (brief(e, text) for e in extract(text).events)) == ["phone_call", "statement"]


def test_a_guest_named_after_the_place_and_day_of_the_reception(extract):
    text = ("Talks\n\nPosted on 8 June 2031\n\nThe President of Tunisia, Kais Ben Ali, received at Carthage Palace in "
            "Tunis on Saturday the Prime Minister of Libya, Abdul Dbeiba.\n")
    assert [(e["channel"], e["people"], e["date"], e["location"])
            for e in (brief(e, text) for e in extract(text).events)] == [
        ("meeting", [("Kais Ben Ali", "TN"), ("Abdul Dbeiba", "LY")], "2031-06-07", ("Tunis", "TN"))]


def test_a_spaced_hyphen_is_a_dash_that_ends_a_name(extract):
    # the model runs the last name of the list on over " - met"
    text = ("Regional talks\n\nPublished 4 May 2031\n\nThe foreign ministers of Portugal, Spain and Morocco - Rui "
            "Correia, Elena Marin and Youssef Alami - met in Lisbon on Tuesday for trilateral talks on migration.\n")
    names = {n for e in (brief(e, text) for e in extract(text).events) for n, _ in e["people"]}
    assert "Youssef Alami" in names and not any("met" in n for n in names)


def test_a_weekday_label_before_a_colon_dates_its_line(extract):
    text = ("Week in review\n\nSaturday, 12 April 2031\n\nMonday: Croatian Prime Minister Ivan Babic hosted Serbian "
            "President Dragan Ilic in Zagreb.\n\nWednesday: Babic held a video call with Greek Prime Minister Nikos "
            "Papas.\n")
    assert [(e["channel"], e["date"]) for e in (brief(e, text) for e in extract(text).events)] == [
        ("meeting", "2031-04-07"), ("video_call", "2031-04-09")]
