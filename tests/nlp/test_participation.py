"""Who takes part: principals, not attendees; state actors, not executives; visits and posts."""
from .conftest import brief


def found(extract, text):
    return [brief(e, text) for e in extract(text).events]


def test_an_executive_on_a_conference_call_makes_no_event(extract):
    text = "date 2020-08-11 On Monday's conference call with analysts, CEO Hiro Tanabe promised a new model.\n"
    assert extract(text).events == []


def test_people_who_accompany_a_visitor_are_not_participants(extract):
    text = ("date 2022-05-06 Ghanaian President Kofi Mensah met Togolese President Afi Amegah in Lome on "
            "Thursday, accompanied by Ghanaian Foreign Minister Ama Boateng.\n")
    assert [e["people"] for e in found(extract, text)] == [[("Kofi Mensah", "GH"), ("Afi Amegah", "TG")]]


def test_a_trip_to_a_country_is_a_meeting_even_with_unnamed_hosts(extract):
    text = ("date 2024-12-02 The forum follows Mongolian President Bat Erdene's trip to Kazakhstan in "
            "November.\n")
    [event] = found(extract, text)
    assert (event["channel"], event["people"], event["date"], event["precision"]) == (
        "meeting", [("Bat Erdene", "MN")], "2024-11-01", "month")


def test_a_post_on_a_social_network_is_a_statement_and_earlier_said_is_no_habit(extract):
    text = ("date 2022-10-06 Prime Minister Tala Fifita of Tonga earlier announced on her Instagram that the port "
            "had reopened.\n")
    assert [(e["channel"], e["people"]) for e in found(extract, text)] == [("statement", [("Tala Fifita", "TO")])]


def test_a_speech_via_video_is_a_speech(extract):
    text = ("date 2021-04-20 On Tuesday Brazilian President Rui Campos made a speech via video to a forum on food "
            "prices.\n")
    assert [(e["channel"], e["date"]) for e in found(extract, text)] == [("speech", "2021-04-20")]


def test_a_host_who_receives_several_guests_meets_each_of_them(extract):
    text = ("date 2016-03-08 Malian President Ibrahim Diallo received Senegalese Prime Minister Awa Ndiaye and "
            "Nigerien Prime Minister Moussa Issa at the palace on Monday.\n")
    assert [(e["channel"], e["people"]) for e in found(extract, text)] == [
        ("meeting", [("Ibrahim Diallo", "ML"), ("Awa Ndiaye", "SN")]),
        ("meeting", [("Ibrahim Diallo", "ML"), ("Moussa Issa", "NE")])]


def test_his_meeting_with_someone_is_the_meeting_of_the_sentence_subject(extract):
    text = ("date 2018-04-29 Chilean President Pablo Rojas held a call with Peruvian President Ana Flores on "
            "Saturday. The call came soon after his meeting with Bolivian President Luis Choque.\n")
    assert [(e["channel"], e["people"]) for e in found(extract, text)] == [
        ("phone_call", [("Pablo Rojas", "CL"), ("Ana Flores", "PE")]),
        ("meeting", [("Pablo Rojas", "CL"), ("Luis Choque", "BO")])]


def test_told_a_joint_news_conference_makes_both_speakers_of_one_briefing(extract):
    text = ("date 2023-02-14 Latvian Foreign Minister Ivo Kalnins arrived in Valletta on Tuesday.\n\"\n"
            "Then he told a joint news conference with Maltese Foreign Minister Clara Vella that the ferry link "
            "would reopen.\n")
    events = [(e["channel"], e["people"]) for e in found(extract, text)]
    assert ("press_conference", [("Ivo Kalnins", "LV"), ("Clara Vella", "MT")]) in events


def test_a_visit_someone_was_supposed_to_make_is_no_event(extract):
    text = ("date 2020-06-04 Under the old schedule, Samoan Prime Minister Afa Tuilagi was supposed to visit Tonga "
            "in May.\n")
    assert extract(text).events == []


def test_his_post_in_an_appositive_relative_clause_is_the_appositive_persons(extract):
    text = ("date 2019-02-28 Gabonese President Ali Nze won the vote. The President of Congo, Denis Mbemba, who "
            "posted on his Telegram channel, called the result fair.\n")
    assert [(e["channel"], [name for name, _ in e["people"]]) for e in found(extract, text)] == [
        ("statement", ["Denis Mbemba"])]


def test_each_country_of_a_tour_is_one_meeting(extract):
    text = ("date 2012-04-11 Vietnamese Vice Premier Tran Van Long met Peruvian President Ana Quispe in Lima on "
            "Tuesday. His tour to Chile, Bolivia and Ecuador ended last week with a trade pact.\n")
    meetings = [(e["channel"], [n for n, _ in e["people"]]) for e in found(extract, text)]
    assert meetings == [("meeting", ["Tran Van Long", "Ana Quispe"])] + [("meeting", ["Tran Van Long"])] * 3


def test_meeting_a_company_chief_is_no_diplomatic_contact(extract):
    text = ("date 2022-06-10 Peruvian President Luis Carbajal met the chief executive of a mining group, Helen "
            "Marsh, in Lima on Thursday. Later he met his Bolivian counterpart in Cusco.\n")
    assert [(e["channel"], [n for n, _ in e["people"]], e["location"]) for e in found(extract, text)] == [
        ("meeting", ["Luis Carbajal"], ("Cusco", "PE"))]


def test_a_leg_of_a_tour_joins_the_talks_held_there(extract):
    text = ("date 2021-09-24 Austrian Chancellor Lena Gruber ended a tour this month that took her to Morocco, "
            "Tunisia and Egypt. In Tunis on Wednesday, Gruber met Tunisian Prime Minister Karim Mansouri. In Rabat "
            "she held talks with Foreign Minister Youssef Alami.\n")
    meetings = [(e["channel"], [n for n, _ in e["people"]], e["location"]) for e in found(extract, text)]
    assert sorted(meetings, key=str) == sorted([
        ("meeting", ["Lena Gruber", "Youssef Alami"], ("Rabat", "MA")),
        ("meeting", ["Lena Gruber", "Karim Mansouri"], ("Tunis", "TN")),
        ("meeting", ["Lena Gruber"], None),
    ], key=str)


def test_seen_off_by_a_host_is_a_meeting_and_remarks_to_the_press_a_briefing(extract):
    text = ("date 2023-02-14 Ugandan Vice President Joseph Okello saw off Kenyan President Ruth Wanjiku at the end "
            "of her stay on Tuesday.\n\nWanjiku spoke to the press about the railway.\n")
    assert [(e["channel"], [n for n, _ in e["people"]]) for e in found(extract, text)] == [
        ("meeting", ["Joseph Okello", "Ruth Wanjiku"]), ("press_conference", ["Ruth Wanjiku"])]


def test_a_verb_joined_to_a_condition_is_part_of_it(extract):
    text = ("date 2018-06-12 If Chilean President Pablo Rojas and Peruvian President Ana Flores sit down and talk, "
            "they could reach a deal, analysts said.\n")
    assert extract(text).events == []


def test_greetings_exchanged_are_words_of_the_call_and_he_looks_past_the_two_leaders(extract):
    text = ("date 2024-04-10 Nepali Foreign Minister Hari Thapa phoned Bhutanese Foreign Minister Karma Dorji on "
            "Friday, and the two ministers exchanged festival greetings. Trade was the main subject. Later he "
            "phoned Maldivian Foreign Minister Aisha Rasheed.\n")
    assert [(e["channel"], [n for n, _ in e["people"]]) for e in found(extract, text)] == [
        ("phone_call", ["Hari Thapa", "Karma Dorji"]), ("phone_call", ["Hari Thapa", "Aisha Rasheed"])]


def test_a_letter_whose_addressee_goes_unnamed_is_the_senders(extract):
    text = ("date 2021-11-16 Peruvian President Ana Flores met Chilean President Pablo Rojas on Monday. In a letter, "
            "Flores said she hoped the border would stay open.\n")
    assert ("correspondence", ["Ana Flores"]) in [(e["channel"], [n for n, _ in e["people"]])
                                                  for e in found(extract, text)]


def test_guests_hosted_for_a_summit_sit_at_one_table(extract):
    text = ("date 2021-11-19 Kenyan President Ruth Wanjiku hosted Ugandan President Joseph Okello and Tanzanian "
            "President Amina Salim for a lakes summit in Kisumu on Thursday.\n")
    assert [(e["channel"], len(e["people"])) for e in found(extract, text)] == [("multilateral_meeting", 3)]
