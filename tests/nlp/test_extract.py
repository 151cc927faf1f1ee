"""Whole-article extraction on short invented texts, through the real pipeline."""
import datetime as dt

from service.nlp.extract import extract_articles
from service.nlp.types import ArticleInput

from .conftest import brief


def events(extract, text, **kw):
    result = extract(text, **kw)
    return result, [brief(e, text) for e in result.events]


def test_phone_call_reported_twice_is_one_event_dated_by_the_relative_day(extract):
    text = ("date 2019-03-14 Lisbon [Portugal], March 14 (XNA): Portuguese Foreign Minister Rui Tavares held a "
            "phone conversation with his Kenyan counterpart Amina Odhiambo and discussed maritime trade, "
            "the ministry said on Thursday.\n\n"
            "On Wednesday, Tavares spoke with Odhiambo about fishing rights and port investment.\n\n"
            "Odhiambo said the two countries would sign a trade agreement next year.\n")
    result, found = events(extract, text)
    assert (result.published, result.published_basis) == (dt.date(2019, 3, 14), "header")
    assert found == [{"channel": "phone_call", "people": [("Rui Tavares", "PT"), ("Amina Odhiambo", "KE")],
                      "date": "2019-03-13", "precision": "day", "basis": "relative", "location": None}]
    event = result.events[0]
    assert [e.date_text for e in event.evidence] == [None, "Wednesday"]
    # the lead sentence keeps the dateline of its line
    assert event.evidence[0].sentence.startswith("Lisbon [Portugal], March 14 (XNA): Portuguese Foreign Minister")
    assert event.evidence[1].sentence.startswith("On Wednesday, Tavares spoke with Odhiambo")
    assert [p.title for p in event.participants] == ["Foreign Minister", "Foreign Minister"]
    assert event.title == "Phone call: Rui Tavares and Amina Odhiambo"
    assert "trade" in event.topics


def test_summit_of_three_in_a_capital_caption_plans_and_hypotheticals_ignored(extract):
    text = ("Published: 09:30, May 6, 2022\nMinisters agree on river basin plan\n\n"
            "A fisherman repairs nets on the shore of the lake on May 2. (JANE DOE / PHOTO AGENCY)\n\n"
            "Thai Prime Minister Somchai Rattanakul, Lao Prime Minister Khamphet Vongsa and Cambodian Prime "
            "Minister Sok Dara met in the Vietnamese capital of Hanoi on Thursday for a summit on water security.\n\n"
            "Rattanakul and Vongsa will meet again in Bangkok next month.\n\n"
            "The two leaders agreed to look for an opportunity to visit the dam site together.\n")
    result, found = events(extract, text)
    assert (result.published, result.published_basis) == (dt.date(2022, 5, 6), "publication_line")
    assert found == [{"channel": "multilateral_meeting",
                      "people": [("Somchai Rattanakul", "TH"), ("Khamphet Vongsa", "LA"), ("Sok Dara", "KH")],
                      "date": "2022-05-05", "precision": "day", "basis": "relative", "location": ("Hanoi", "VN")}]
    assert "security" in result.events[0].topics


def test_masthead_date_does_not_resolve_relative_dates(extract):
    text = ("Editor in Chief: Tom Baker Friday, March 3, 2023\n\nFinance chiefs talk trade\n\n"
            "In a phone conversation on Tuesday night, Chile's Finance Minister Pablo Rojas told his Peruvian "
            "counterpart Lucia Quispe that tariffs on copper would be reviewed.\n")
    result, found = events(extract, text)
    assert (result.published, result.published_basis) == (dt.date(2023, 3, 3), "masthead")
    assert found == [{"channel": "phone_call", "people": [("Pablo Rojas", "CL"), ("Lucia Quispe", "PE")],
                      "date": None, "precision": None, "basis": "unknown", "location": None}]
    assert result.events[0].evidence[0].date_text == "Tuesday night"


def test_meeting_briefing_and_social_media_statement(extract):
    text = ("Trade talks\nJune 4, 2020 / 6:12 PM\n\n"
            "OTTAWA (Wire) - Canadian Foreign Minister Claire Dubois met Mexican Foreign Minister Jorge Salinas "
            "in Ottawa on Wednesday, the ministry said.\n\n"
            "Foreign ministry spokeswoman Mei Tanaka of Japan told a regular news conference that Japan welcomed "
            "the talks.\n\n"
            "Dubois said on social media that the meeting had been productive.\n")
    _, found = events(extract, text)
    assert found == [
        {"channel": "meeting", "people": [("Claire Dubois", "CA"), ("Jorge Salinas", "MX")],
         "date": "2020-06-03", "precision": "day", "basis": "relative", "location": ("Ottawa", "CA")},
        {"channel": "press_conference", "people": [("Mei Tanaka", "JP")],
         "date": None, "precision": None, "basis": "unknown", "location": None},
        {"channel": "statement", "people": [("Claire Dubois", "CA")],
         "date": None, "precision": None, "basis": "unknown", "location": None},
    ]


def test_opinion_piece_gives_no_event(extract):
    text = ("April 9, 2018\n\nBy Sam Writer\n\nI have long argued that alliances matter.\n\nMy view is that "
            "President Carla Mendes met her neighbours too rarely, and I think she knows it.\n")
    result, found = events(extract, text)
    assert result.published == dt.date(2018, 4, 9)
    assert found == []


def test_a_quoted_first_person_does_not_make_an_opinion_piece(extract):
    text = ("date 2018-04-09 Peruvian President Rosa Quispe met Chilean President Pablo Soto in Lima on Monday.\n\n"
            "\"I told him we need a deal,\" Quispe said. \"My hope is that we sign it soon.\"\n\n"
            "\"I agree,\" Soto said.\n")
    _, found = events(extract, text)
    assert [f["channel"] for f in found] == ["meeting"]


def test_round_of_calls_is_one_call_per_counterpart(extract):
    text = ("Presidency notes\n\nSaturday, November 7, 2015\n\n"
            "President Ana Lima of Brazil held telephone calls on Friday with Prime Minister Jan Novak of "
            "Slovakia, President Eva Horvat of Croatia and Chancellor Lukas Berger of Austria.\n")
    _, found = events(extract, text)
    day = {"date": "2015-11-06", "precision": "day", "basis": "relative", "location": None}
    assert found == [
        {"channel": "phone_call", "people": [("Ana Lima", "BR"), ("Jan Novak", "SK")], **day},
        {"channel": "phone_call", "people": [("Ana Lima", "BR"), ("Eva Horvat", "HR")], **day},
        {"channel": "phone_call", "people": [("Ana Lima", "BR"), ("Lukas Berger", "AT")], **day},
    ]


def test_message_to_a_counterpart_is_correspondence(extract):
    text = ("date 2016-05-02 President Omar Haddad of Algeria on Sunday sent a message to his Tunisian "
            "counterpart Leila Mansour, congratulating her on the national day.\n")
    _, found = events(extract, text)
    assert found == [{"channel": "correspondence", "people": [("Omar Haddad", "DZ"), ("Leila Mansour", "TN")],
                      "date": "2016-05-01", "precision": "day", "basis": "relative", "location": None}]


def test_no_publication_date_leaves_dates_null_and_topics_come_from_the_text(extract):
    text = ("Envoys meet in Vienna\n\nAustrian Chancellor Lukas Berger met Czech Prime Minister Petr Dvorak "
            "in Vienna on Aug 5 to discuss terrorism and border security.\n")
    result, found = events(extract, text)
    assert (result.published, result.published_basis) == (None, "none")
    assert found == [{"channel": "meeting", "people": [("Lukas Berger", "AT"), ("Petr Dvorak", "CZ")],
                      "date": None, "precision": None, "basis": "unknown", "location": ("Vienna", "AT")}]
    assert result.events[0].topics[:2] == ["counter-terrorism", "security"]


def test_medium_named_in_the_clause_decides_the_channel_and_plans_stay_out(extract):
    text = ("date 2018-09-20 Nepalese Prime Minister Hari Sharma and his Bhutanese counterpart Karma Wangdi "
            "exchanged views on counter-terrorism cooperation in a video call on Wednesday, and agreed to meet "
            "in Thimphu next month.\n")
    _, found = events(extract, text)
    assert found == [{"channel": "video_call", "people": [("Hari Sharma", "NP"), ("Karma Wangdi", "BT")],
                      "date": "2018-09-19", "precision": "day", "basis": "relative", "location": None}]


def test_extract_articles_keeps_input_order_and_client_date_wins():
    texts = ["Nothing happened here.", "date 2020-01-02 Mayor Ivo Petrov met Mayor Dana Kos in Sofia on Monday."]
    arts = [ArticleInput(key=str(i), text=t) for i, t in enumerate(texts)]
    arts.append(ArticleInput(key="2", text=texts[1], published=dt.date(2020, 1, 9)))
    out = list(extract_articles(arts, batch_size=2))
    assert [len(x.events) for x in out] == [0, 1, 1]
    assert [(x.published, x.published_basis) for x in out] == [
        (None, "none"), (dt.date(2020, 1, 2), "header"), (dt.date(2020, 1, 9), "client")]
    assert [x.events[0].date for x in out[1:]] == [dt.date(2019, 12, 30), dt.date(2020, 1, 6)]


def test_background_contacts_are_dropped_and_spoke_with_alone_is_a_call(extract):
    text = ("date 2021-05-12 U.S. Secretary of State Helen Carter spoke with Nigerian Foreign Minister Tunde Bello "
            "on Tuesday about regional security. In 2015, Carter met Bello in Abuja.\n")
    _, found = events(extract, text)
    assert found == [{"channel": "phone_call", "people": [("Helen Carter", "US"), ("Tunde Bello", "NG")],
                      "date": "2021-05-11", "precision": "day", "basis": "relative", "location": None}]


def test_joint_news_conference_and_a_pronoun_subject(extract):
    text = ("date 2021-05-12 Italian Prime Minister Marco Bellini on Tuesday held talks with visiting Greek Prime "
            "Minister Yannis Pappas in Rome. Speaking at a joint news conference with Pappas after the talks, "
            "Bellini said the two countries would cooperate on migration.\n\n"
            "Ghanaian President Kwame Asante addressed the UN General Assembly in New York on Monday. "
            "He also met Bhutanese Prime Minister Karma Wangdi in the Bhutanese capital of Thimphu on Tuesday.\n")
    _, found = events(extract, text)
    tuesday = {"date": "2021-05-11", "precision": "day", "basis": "relative"}
    assert found == [
        {"channel": "meeting", "people": [("Marco Bellini", "IT"), ("Yannis Pappas", "GR")], **tuesday,
         "location": ("Rome", "IT")},
        # "after the talks": the day of the talks just reported
        {"channel": "press_conference", "people": [("Marco Bellini", "IT"), ("Yannis Pappas", "GR")], **tuesday,
         "location": None},
        {"channel": "speech", "people": [("Kwame Asante", "GH")], "date": "2021-05-10", "precision": "day",
         "basis": "relative", "location": ("New York", "US")},
        {"channel": "meeting", "people": [("Kwame Asante", "GH"), ("Karma Wangdi", "BT")], **tuesday,
         "location": ("Thimphu", "BT")},
    ]


def test_courtesy_call_is_a_meeting_and_honorifics_stay_out_of_names(extract):
    text = ("Friday, 4 June 2021\n\nMinister of Foreign Affairs Dr. Grace Naledi today received a courtesy call "
            "from the newly appointed Ambassador of the Kingdom of Norway, H.E. Mr. Lars Eriksen.\n")
    result, found = events(extract, text)
    assert found == [{"channel": "meeting", "people": [("Grace Naledi", None), ("Lars Eriksen", "NO")],
                      "date": "2021-06-04", "precision": "day", "basis": "relative", "location": None}]
    assert result.events[0].participants[0].title == "Minister of Foreign Affairs"


def test_one_named_attendee_of_a_summit_and_remarks_at_a_summit(extract):
    text = ("date 2019-06-15 Kyrgyz President Almaz Bekov attended the summit of the regional bloc in Bishkek "
            "on Friday. Norwegian Foreign Minister Ingrid Dahl said at the summit that Europe must stay united.\n")
    _, found = events(extract, text)
    friday = {"date": "2019-06-14", "precision": "day", "basis": "relative"}
    assert found == [
        {"channel": "multilateral_meeting", "people": [("Almaz Bekov", "KG")], **friday, "location": ("Bishkek", "KG")},
        # "at the summit": the summit the sentence before introduced, with its day and place
        {"channel": "speech", "people": [("Ingrid Dahl", "NO")], **friday, "location": ("Bishkek", "KG")},
    ]


def test_bilateral_meetings_with_several_leaders_are_one_meeting_each(extract):
    text = ("date 2023-09-10 On the sidelines of the summit, Indian Prime Minister Ravi Kumar held bilateral meetings "
            "with President Ana Costa of Brazil, Prime Minister Kenji Sato of Japan and Chancellor Hans Vogel of "
            "Germany on Saturday.\n")
    result, found = events(extract, text)
    saturday = {"date": "2023-09-09", "precision": "day", "basis": "relative", "location": None}
    assert found == [
        {"channel": "meeting", "people": [("Ravi Kumar", "IN"), ("Ana Costa", "BR")], **saturday},
        {"channel": "meeting", "people": [("Ravi Kumar", "IN"), ("Kenji Sato", "JP")], **saturday},
        {"channel": "meeting", "people": [("Ravi Kumar", "IN"), ("Hans Vogel", "DE")], **saturday},
    ]
    assert [e.participants[1].title for e in result.events] == ["President", "Prime Minister", "Chancellor"]
