"""Channel expressions and clause structure on short invented texts, through the real pipeline."""
from .conftest import brief


def events(extract, text, **kw):
    result = extract(text, **kw)
    return result, [brief(e, text) for e in result.events]


def test_congratulations_in_a_phone_call_and_a_bare_name_after_a_title(extract):
    text = ("date 2020-10-08 French President Louis Martin congratulated Bolivian President-elect Jorge Arce Mamani "
            "on his victory in a phone call on Tuesday.\n\n"
            "Pope Leo received Argentine President Marco Rossi at the Vatican on Thursday.\n")
    _, found = events(extract, text)
    assert found == [
        {"channel": "phone_call", "people": [("Louis Martin", "FR"), ("Jorge Arce Mamani", "BO")],
         "date": "2020-10-06", "precision": "day", "basis": "relative", "location": None},
        {"channel": "meeting", "people": [("Leo", None), ("Marco Rossi", "AR")],
         "date": "2020-10-08", "precision": "day", "basis": "relative", "location": ("Vatican", "VA")},
    ]


def test_relative_clauses_passives_and_attendees_listed_as_examples(extract):
    text = ("date 2022-02-02 Irish Foreign Minister Sean Walsh, who met Canadian Foreign Minister Claire Dubois in "
            "Dublin on Monday, said the talks were useful. Walsh was received by Belgian King Philippe Laurent in "
            "Brussels on Tuesday. Leaders of the bloc including Estonian Prime Minister Kaja Tamm, Latvian Prime "
            "Minister Ilze Ozola and Lithuanian President Rasa Jonaitis attended the summit in Vilnius on Sunday.\n")
    _, found = events(extract, text)
    day = {"precision": "day", "basis": "relative"}
    assert found == [
        {"channel": "meeting", "people": [("Sean Walsh", "IE"), ("Claire Dubois", "CA")], "date": "2022-01-31",
         **day, "location": ("Dublin", "IE")},
        {"channel": "meeting", "people": [("Sean Walsh", "IE"), ("Philippe Laurent", "BE")], "date": "2022-02-01",
         **day, "location": ("Brussels", "BE")},
        {"channel": "multilateral_meeting",
         "people": [("Kaja Tamm", "EE"), ("Ilze Ozola", "LV"), ("Rasa Jonaitis", "LT")], "date": "2022-01-30",
         **day, "location": ("Vilnius", "LT")},
    ]


def test_habitual_and_earlier_contacts_are_background(extract):
    text = ("date 2022-02-02 Kenyan President Daniel Mwangi has held several meetings with Ugandan President Joseph "
            "Okello since taking office. Mwangi previously met Tanzanian President Asha Mrema in Dodoma. On Tuesday, "
            "Mwangi met Rwandan President Eric Habimana in Kigali.\n")
    _, found = events(extract, text)
    assert found == [{"channel": "meeting", "people": [("Daniel Mwangi", "KE"), ("Eric Habimana", "RW")],
                      "date": "2022-02-01", "precision": "day", "basis": "relative", "location": ("Kigali", "RW")}]


def test_contacts_repeated_over_time_are_a_history(extract):
    text = ("date 2023-05-12 Icelandic Prime Minister Sigrun Thorsdottir has met Danish Prime Minister Mette Holm "
            "several times since the election, and the two foreign ministers have spoken on many occasions. On "
            "Thursday, Thorsdottir met Faroese leader Jonas Dahl in Reykjavik.\n")
    _, found = events(extract, text)
    assert [(f["channel"], f["people"], f["date"]) for f in found] == [
        ("meeting", [("Sigrun Thorsdottir", "IS"), ("Jonas Dahl", None)], "2023-05-11")]


def test_writing_to_someone_is_correspondence_and_a_head_of_government_title_gives_the_country(extract):
    text = ("date 2024-10-17 Maltese Prime Minister Carmel Vella wrote to Dutch Prime Minister Joost Bakker on "
            "Tuesday about migration. On Wednesday Vella met the Irish Taoiseach, Eamon Keane, in Valletta.\n")
    _, found = events(extract, text)
    assert [(f["channel"], f["people"], f["date"]) for f in found] == [
        ("correspondence", [("Carmel Vella", "MT"), ("Joost Bakker", "NL")], "2024-10-15"),
        ("meeting", [("Carmel Vella", "MT"), ("Eamon Keane", "IE")], "2024-10-16")]


def test_an_exchange_with_someone_is_a_talk(extract):
    text = ("date 2023-11-20 Slovenian President Maja Kranjc had a brief exchange with Chilean President Tomas "
            "Araya on the sidelines of the forum in Lima on Saturday.\n")
    _, found = events(extract, text)
    assert [(f["channel"], f["people"], f["date"], f["location"]) for f in found] == [
        ("meeting", [("Maja Kranjc", "SI"), ("Tomas Araya", "CL")], "2023-11-18", ("Lima", "PE"))]


def test_an_address_via_video_link_is_a_speech_and_talks_via_video_link_a_video_call(extract):
    text = ("date 2024-03-08 Laotian President Khamla Vongsa addressed the Mekong Forum via video link on "
            "Wednesday. On Thursday he held talks with Thai Prime Minister Somchai Ritthirong via video link.\n")
    _, found = events(extract, text)
    assert [(f["channel"], f["people"], f["date"]) for f in found] == [
        ("speech", [("Khamla Vongsa", "LA")], "2024-03-06"),
        ("video_call", [("Khamla Vongsa", "LA"), ("Somchai Ritthirong", "TH")], "2024-03-07")]


def test_earlier_contacts_a_post_or_a_date_reports_and_a_courtesy_call_in_a_city(extract):
    text = ("date 2024-05-16 Latvian Foreign Minister Ilze Berzina posted on social media on Wednesday that she had "
            "held a useful call with her Moldovan counterpart, Victor Rusu. Last Monday Berzina had spoken by phone "
            "with Georgian Foreign Minister Nino Kapanadze. Berzina paid a courtesy call on Armenian "
            "President Aram Petrosyan in Yerevan on Tuesday.\n")
    _, found = events(extract, text)
    assert sorted(((f["channel"], [name for name, _ in f["people"]], f["date"], f["location"]) for f in found
                   if f["channel"] != "statement"), key=str) == sorted([
        ("phone_call", ["Ilze Berzina", "Nino Kapanadze"], "2024-05-13", None),
        ("meeting", ["Ilze Berzina", "Aram Petrosyan"], "2024-05-14", ("Yerevan", "AM")),
        ("phone_call", ["Ilze Berzina", "Victor Rusu"], None, None)], key=str)


def test_telling_a_conference_is_a_speech_and_a_news_conference_a_briefing(extract):
    text = ("date 2022-02-20 German Chancellor Anna Weber told the Baltic Security Conference on Saturday that Europe "
            "must invest more in defence. Dutch Prime Minister Mark de Vries told a news conference on Friday that "
            "sanctions were ready.\n")
    _, found = events(extract, text)
    assert [(f["channel"], f["people"], f["date"]) for f in found] == [
        ("speech", [("Anna Weber", "DE")], "2022-02-19"),
        ("press_conference", [("Mark de Vries", "NL")], "2022-02-18"),
    ]


def test_dialling_signing_and_welcoming_a_guest(extract):
    text = ("date 2022-02-20 PM Ravi Kumar dials Kenyan President Daniel Mwangi on Saturday, discusses trade. "
            "Italian Prime Minister Marco Bellini and Greek Prime Minister Yannis Pappas signed a maritime agreement "
            "in Athens on Friday. Bellini welcomed the decision. Pappas welcomed Bellini at the airport on "
            "Thursday.\n")
    _, found = events(extract, text)
    assert [(f["channel"], f["people"], f["date"], f["location"]) for f in found] == [
        ("phone_call", [("Ravi Kumar", None), ("Daniel Mwangi", "KE")], "2022-02-19", None),
        ("meeting", [("Marco Bellini", "IT"), ("Yannis Pappas", "GR")], "2022-02-18", ("Athens", "GR")),
        ("meeting", [("Yannis Pappas", "GR"), ("Marco Bellini", "IT")], "2022-02-17", None),
    ]


def test_virtual_summit_stays_one_event_and_a_titled_name_typed_as_organisation_is_a_person(extract):
    text = ("date 2021-06-01 Chinese President Li Hua chaired a virtual summit with Brazilian President Ana Costa, "
            "Indian Prime Minister Ravi Kumar and South African President Thabo Nkosi on Monday.\n")
    _, found = events(extract, text)
    assert found == [{"channel": "video_call",
                      "people": [("Li Hua", "CN"), ("Ana Costa", "BR"), ("Ravi Kumar", "IN"), ("Thabo Nkosi", "ZA")],
                      "date": "2021-05-31", "precision": "day", "basis": "relative", "location": None}]


def test_sentences_whose_root_is_not_a_verb_do_not_hang(extract):
    text = ("Published: 10:00, July 2, 2018\nTalks in Lusaka on Monday.\n\n"
            "Foreign ministry spokesman Li Ming said the talks went well.\n")
    _, found = events(extract, text)
    assert found == [{"channel": "press_conference", "people": [("Li Ming", None)], "date": None,
                      "precision": None, "basis": "unknown", "location": None}]


def test_talks_somewhere_are_a_meeting_even_when_one_of_them_also_phoned_someone_else(extract):
    text = ("date 2023-03-17 Estonian Prime Minister Kadri Lepp held talks with her Portuguese counterpart Rui "
            "Almeida in Tallinn on Thursday. Lepp told reporters after the meeting that the grid would be faster. "
            "On Wednesday, Almeida spoke by phone with Latvian President Janis Ozols.\n")
    _, found = events(extract, text)
    assert [(f["channel"], [n for n, _ in f["people"]], f["date"], f["location"]) for f in found] == [
        ("meeting", ["Kadri Lepp", "Rui Almeida"], "2023-03-16", ("Tallinn", "EE")),
        ("press_conference", ["Kadri Lepp"], "2023-03-16", None),
        ("phone_call", ["Rui Almeida", "Janis Ozols"], "2023-03-15", None),
    ]


def test_discussions_after_a_round_of_unnamed_calls_are_those_calls(extract):
    text = ("date 2018-05-07 On Sunday Kenyan President Ruth Wanjiku took telephone calls from well-wishers. "
            "Among them, Wanjiku held discussions with President Samuel Banda of Malawi.\n")
    _, found = events(extract, text)
    assert [(f["channel"], [n for n, _ in f["people"]], f["date"]) for f in found] == [
        ("phone_call", ["Ruth Wanjiku", "Samuel Banda"], "2018-05-06")]


def test_a_trip_to_a_region_is_no_visit_to_a_country(extract):
    text = "date 2023-05-02 Chilean President Tomas Araya returned on Monday from a week-long trip to Southeast Asia.\n"
    assert [e.channel for e in extract(text).events] == []


def test_the_summit_called_their_first_meeting_is_the_summit_told_again(extract):
    text = ("date 2023-05-02 A summit of three leaders, Tomas Araya of Chile, Rosa Quispe of Peru and Evo Mamani "
            "of Bolivia, has begun in Lima. For Araya and Quispe, the Lima summit was their first meeting.\n")
    assert [(e.channel, len(e.participants)) for e in extract(text).events] == [("multilateral_meeting", 3)]


def test_a_meeting_at_a_conference_is_a_meeting_and_the_conference_only_its_occasion(extract):
    text = ("date 2023-05-02 Chilean Foreign Minister Ana Costa and Peruvian Foreign Minister Jorge Salas met at "
            "the regional forum's annual conference in Quito.\n")
    assert [(e.channel, [p.name for p in e.participants]) for e in extract(text).events] == [
        ("meeting", ["Ana Costa", "Jorge Salas"])]



def test_spoke_today_with_is_a_talk_whose_medium_the_clause_leaves_open(extract):
    text = ("Statement\n\nMay 14, 2023\n\nPresident Ana Lindgren spoke today with Prime Minister Tomasz Nowak of "
            "Poland. The leaders discussed energy security.\n")
    assert [(e.channel, [p.name for p in e.participants], e.date.isoformat()) for e in extract(text).events] == [
        ("phone_call", ["Ana Lindgren", "Tomasz Nowak"], "2023-05-14")]


def test_an_interview_is_heard_from_who_answers_and_an_officials_interviews_with_officials_are_no_interview(extract):
    media = ("Published 12 January 2021\n\nIn an interview with the BBC on Monday, Irish Foreign Minister Sean Byrne "
             "said talks with British Foreign Secretary Emma Clarke would resume next week.\n")
    assert [(e.channel, [p.name for p in e.participants]) for e in extract(media).events] == [
        ("press_conference", ["Sean Byrne"])]
    officials = ("Published 12 January 2021\n\nThe agenda will follow Chilean President Tomas Araya's interviews "
                 "with Peru's President Rosa Quispe and Bolivia's President Evo Mamani, officials said.\n")
    assert all(e.channel != "press_conference" for e in extract(officials).events)


def test_arriving_for_a_visit_to_a_country_is_a_meeting_there(extract):
    text = ("22 Feb 2018, 10:15\n\nGerman Chancellor Klaus Weber arrived in Tokyo on Wednesday for a three-day "
            "official visit to Japan.\n")
    assert [(e.channel, [p.name for p in e.participants], e.date.isoformat(), e.location_name)
            for e in extract(text).events] == [("meeting", ["Klaus Weber"], "2018-02-21", "Tokyo")]


def test_a_transcript_whose_heading_names_a_briefing_and_its_speaker_reports_that_briefing(extract):
    text = ("Foreign Ministry Spokesperson Li Wei's regular press conference on June 5, 2023\n\n"
            "Q: Can you share more details about the visit?\n\n"
            "A: State Councilor Zhang Min will visit Brazil from June 7 to 9.\n")
    [event] = extract(text).events
    assert (event.channel, [p.name for p in event.participants], event.date.isoformat()) == (
        "press_conference", ["Li Wei"], "2023-06-05")
    assert event.evidence[0].sentence == text.splitlines()[0]


def test_a_heading_briefing_the_body_reports_is_not_told_twice(extract):
    text = ("Spokesperson Li Wei's briefing on June 5, 2023\n\n"
            "Foreign Ministry spokesperson Li Wei told a regular briefing on Monday that talks would go on.\n")
    assert [e.channel for e in extract(text).events] == ["press_conference"]


def test_telling_a_newspaper_is_remarks_to_the_press(extract):
    text = ("date 2023-11-17 Estonian Foreign Minister Mart Kivi told the newspaper Postimees on Thursday that "
            "sanctions would be extended. Kivi told a radio station later that day he was hopeful. On Wednesday, Kivi "
            "told Latvian state television that talks would go on.\n")
    _, found = events(extract, text)
    assert found == [{"channel": "press_conference", "people": [("Mart Kivi", "EE")], "date": "2023-11-16",
                      "precision": "day", "basis": "relative", "location": None},
                     {"channel": "press_conference", "people": [("Mart Kivi", "EE")], "date": "2023-11-15",
                      "precision": "day", "basis": "relative", "location": None}]
