"""Whole-article extraction of shapes common in diplomatic news, on short invented texts, through the
real pipeline: several contacts of one pair, dates by day of the month, titles set off by commas."""
from .conftest import brief


def events(extract, text, **kw):
    result = extract(text, **kw)
    return [brief(e, text) for e in result.events]


def test_talks_held_in_a_city_are_a_meeting_not_the_call_the_same_pair_had(extract):
    text = ("date 2023-05-12\n\nChile, Peru ministers meet at the border\n\n"
            "Chilean Foreign Minister Pablo Rojas spoke by phone with his Peruvian counterpart Lucia Quispe last "
            "month about a new border crossing.\n\n"
            "Rojas then held talks with Quispe in Lima, the ministry said.\n")
    assert events(extract, text) == [
        {"channel": "phone_call", "people": [("Pablo Rojas", "CL"), ("Lucia Quispe", "PE")],
         "date": "2023-04-01", "precision": "month", "basis": "relative", "location": None},
        {"channel": "meeting", "people": [("Pablo Rojas", "CL"), ("Lucia Quispe", "PE")],
         "date": None, "precision": None, "basis": "unknown", "location": ("Lima", "PE")}]


def test_a_call_told_as_a_week_before_a_visit_is_its_own_contact_and_a_briefing_after_follows_the_last(extract):
    text = ("Published: 2023-06-10\n\n"
            "Uruguayan President Rosa Ferreyra hosted Paraguayan President Tomas Benitez in Montevideo on Friday, a "
            "week after the two leaders spoke by phone about river transport.\n\n"
            "In the June 2 call, Ferreyra and Benitez agreed to reopen talks on dredging the river, her office said "
            "at the time.\n\n"
            "At Friday's meeting, the two presidents signed an agreement on the waterway.\n\n"
            "\"This river unites us,\" Ferreyra said at a news conference after the meeting.\n")
    pair = [("Rosa Ferreyra", "UY"), ("Tomas Benitez", "PY")]
    # the call is not dated by the visit's clause: it is the call of June 2
    assert events(extract, text) == [
        {"channel": "meeting", "people": pair, "date": "2023-06-09", "precision": "day", "basis": "relative",
         "location": ("Montevideo", "UY")},
        {"channel": "phone_call", "people": pair, "date": "2023-06-02", "precision": "day", "basis": "explicit",
         "location": None},
        # "after the meeting": the day of the contact told last before it, the meeting, not the call
        {"channel": "press_conference", "people": pair[:1], "date": "2023-06-09", "precision": "day",
         "basis": "relative", "location": None}]


def test_a_congratulation_told_after_a_call_of_the_same_two_was_said_in_that_call(extract):
    text = ("date 2023-02-09\n\nPrime ministers discuss fisheries\n\n"
            "Icelandic Prime Minister Kristin Haraldsdottir held a telephone conversation with Irish Prime Minister "
            "Sean Mulcahy on Tuesday, her office said.\n\n"
            "During the call, the two leaders discussed fishing quotas.\n\n"
            "Haraldsdottir congratulated Mulcahy on the new fisheries agreement and invited him to Reykjavik.\n\n"
            "On Wednesday, Mulcahy congratulated Norwegian Prime Minister Erik Solvang on his election victory.\n")
    assert events(extract, text) == [
        {"channel": "phone_call", "people": [("Kristin Haraldsdottir", "IS"), ("Sean Mulcahy", "IE")],
         "date": "2023-02-07", "precision": "day", "basis": "relative", "location": None},
        # another pair, another day: a congratulation of its own
        {"channel": "correspondence", "people": [("Sean Mulcahy", "IE"), ("Erik Solvang", "NO")],
         "date": "2023-02-08", "precision": "day", "basis": "relative", "location": None}]


def test_talks_also_held_on_the_sidelines_of_a_session_someone_addressed_share_its_day_and_place(extract):
    text = ("Published: 9 May 2023\n\n"
            "Ghanaian President Kofi Mensah Asare on Monday addressed the ECOWAS Council of Ministers in Abuja, "
            "calling for elections in the region.\n\n"
            "Asare also held talks with the ECOWAS Commission president, Ibrahim Sow Keita, on the sidelines of the "
            "session.\n")
    day = {"date": "2023-05-08", "precision": "day", "basis": "relative", "location": ("Abuja", "NG")}
    assert events(extract, text) == [
        {"channel": "speech", "people": [("Kofi Mensah Asare", "GH")], **day},
        {"channel": "meeting", "people": [("Kofi Mensah Asare", "GH"), ("Ibrahim Sow Keita", None)], **day}]


def test_the_title_alone_names_the_holder_who_was_the_subject_just_before(extract):
    text = ("date 2023-03-09\n\n"
            "The president of Ghana, Kwame Boateng, was received by Ivorian President Alassane Kouadio at the "
            "presidential palace in Abidjan on Wednesday.\n\n"
            "The president later met with the speaker of parliament, Awa Traore Bamba.\n")
    # both are presidents named once: "the president" is the one the sentence before was about
    assert events(extract, text) == [
        {"channel": "meeting", "people": [("Kwame Boateng", "GH"), ("Alassane Kouadio", "CI")],
         "date": "2023-03-08", "precision": "day", "basis": "relative", "location": ("Abidjan", "CI")},
        {"channel": "meeting", "people": [("Kwame Boateng", "GH"), ("Awa Traore Bamba", None)],
         "date": None, "precision": None, "basis": "unknown", "location": None}]


def test_a_place_inside_what_was_discussed_does_not_make_a_talk_in_person(extract):
    text = ("date 2023-08-11\n\nBelgian Foreign Minister Luc Vermeulen spoke with the Lebanese foreign minister, "
            "Nadim Khoury, on Thursday about the situation in Tripoli.\n")
    assert events(extract, text) == [
        {"channel": "phone_call", "people": [("Luc Vermeulen", "BE"), ("Nadim Khoury", "LB")],
         "date": "2023-08-10", "precision": "day", "basis": "relative", "location": None}]


def test_a_meeting_told_as_a_month_before_the_talks_is_a_second_meeting_of_its_own_place(extract):
    text = ("Published: 2023-10-20\n\n"
            "Norwegian Foreign Minister Ingrid Solheim held talks with her Chilean counterpart, Pedro Valdivia Soto, "
            "in Oslo on Thursday, a month after the two ministers met on the sidelines of a conference in Geneva.\n")
    pair = [("Ingrid Solheim", "NO"), ("Pedro Valdivia Soto", "CL")]
    assert events(extract, text) == [
        {"channel": "meeting", "people": pair, "date": "2023-10-19", "precision": "day", "basis": "relative",
         "location": ("Oslo", "NO")},
        {"channel": "meeting", "people": pair, "date": None, "precision": None, "basis": "unknown",
         "location": ("Geneva", "CH")}]


def test_the_addressee_of_a_congratulation_on_an_appointment_holds_that_office(extract):
    text = ("Published: 2024-02-03\n\n"
            "Foreign Minister Eino Saarinen of Finland sent a letter of congratulations on Friday to Bolormaa "
            "Davaasuren on her appointment as Foreign Minister of Mongolia.\n")
    assert events(extract, text) == [
        {"channel": "correspondence", "people": [("Eino Saarinen", "FI"), ("Bolormaa Davaasuren", "MN")],
         "date": "2024-02-02", "precision": "day", "basis": "relative", "location": None}]



def test_the_two_alone_after_each_of_them_spoke_are_the_two_last_named(extract):
    text = ("Published: 2024-09-12\n\n"
            "Estonian Foreign Minister Kadri Tamm met Georgian Foreign Minister Levan Beridze in Tallinn on "
            "Wednesday.\n\n"
            "\"We agreed on the essentials,\" Tamm said after the talks.\n\n"
            "Beridze said Georgia would open a trade office in Tallinn.\n\n"
            "The two spoke by telephone on August 28.\n")
    assert [e["people"] for e in events(extract, text)] == [[("Kadri Tamm", "EE"), ("Levan Beridze", "GE")]] * 2


def test_a_pluperfect_contact_given_its_day_is_an_event_and_the_two_are_the_last_two_named(extract):
    text = ("Published: 2024-09-12\n\n"
            "Estonian Foreign Minister Kadri Tamm met Georgian Foreign Minister Levan Beridze in Tallinn on "
            "Wednesday.\n\n"
            "\"We agreed on the essentials,\" Tamm said after the talks.\n\n"
            "Beridze said Georgia would open a trade office in Tallinn.\n\n"
            "The two had last spoken by telephone on August 28.\n\n"
            "The two had met in Geneva years ago.\n")
    assert events(extract, text) == [
        {"channel": "meeting", "people": [("Kadri Tamm", "EE"), ("Levan Beridze", "GE")],
         "date": "2024-09-11", "precision": "day", "basis": "relative", "location": ("Tallinn", "EE")},
        {"channel": "phone_call", "people": [("Kadri Tamm", "EE"), ("Levan Beridze", "GE")],
         "date": "2024-08-28", "precision": "day", "basis": "explicit", "location": None}]


def test_a_joint_press_conference_after_talks_is_the_pair_of_the_talks(extract):
    text = ("Published: 2024-11-05\n\n"
            "Austrian Chancellor Lukas Gruber received Slovenian Prime Minister Matej Zupan in Vienna on "
            "Tuesday for talks on rail freight.\n\n"
            "At a joint press conference after the talks, Gruber said both countries would fund a new tunnel.\n")
    assert events(extract, text) == [
        {"channel": "meeting", "people": [("Lukas Gruber", "AT"), ("Matej Zupan", "SI")],
         "date": "2024-11-05", "precision": "day", "basis": "relative", "location": ("Vienna", "AT")},
        {"channel": "press_conference", "people": [("Lukas Gruber", "AT"), ("Matej Zupan", "SI")],
         "date": "2024-11-05", "precision": "day", "basis": "relative", "location": None}]


def test_leaders_of_a_list_of_states_who_met_are_the_people_the_next_sentence_names_in_order(extract):
    text = ("Published: 2024-06-18\n\n"
            "The leaders of Estonia, Latvia and Lithuania met in Riga on Monday to discuss air defence.\n\n"
            "Taking part were Prime Minister Kaja Lepik, Prime Minister Arturs Ozols and President Rasa "
            "Vaitkute.\n")
    assert events(extract, text) == [
        {"channel": "multilateral_meeting",
         "people": [("Kaja Lepik", "EE"), ("Arturs Ozols", "LV"), ("Rasa Vaitkute", "LT")],
         "date": "2024-06-17", "precision": "day", "basis": "relative", "location": ("Riga", "LV")}]


def test_leaders_of_an_unnamed_group_who_met_are_not_the_people_named_next(extract):
    text = ("Published: 2024-06-18\n\n"
            "The leaders of the Baltic states met in Riga on Monday to discuss air defence.\n\n"
            "Prime Minister Kaja Lepik and President Rasa Vaitkute praised the host.\n")
    assert events(extract, text) == []


def test_the_two_last_met_in_a_month_is_an_earlier_meeting_of_the_pair(extract):
    text = ("Published: 2024-10-09\n\n"
            "Icelandic Foreign Minister Sigrun Magnusdottir spoke by phone with Danish Foreign Minister Mads Kjaer "
            "on Tuesday about Arctic shipping.\n\n"
            "The two last met in Copenhagen in June, when they opened a joint research station.\n")
    assert events(extract, text)[1] == {
        "channel": "meeting", "people": [("Sigrun Magnusdottir", "IS"), ("Mads Kjaer", "DK")],
        "date": "2024-06-01", "precision": "month", "basis": "relative", "location": ("Copenhagen", "DK")}
