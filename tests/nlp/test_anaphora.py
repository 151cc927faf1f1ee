"""Words that point back: "the two leaders", "both ministers", "spoke at the session" (invented texts)."""
from .conftest import brief


def test_the_two_leaders_are_the_two_people_named_just_before(extract):
    text = ("Published: May 2, 2023\n\n"
            "Zambian President Joseph Banda and Malawian President Grace Phiri have pledged to finish the railway "
            "linking their capitals.\n\n"
            "Last month, the two leaders met in Lilongwe and signed a customs deal.\n")
    result = extract(text)
    assert [brief(e, text) for e in result.events] == [
        {"channel": "meeting", "people": [("Joseph Banda", "ZM"), ("Grace Phiri", "MW")], "date": "2023-04-01",
         "precision": "month", "basis": "relative", "location": ("Lilongwe", "MW")}]


def test_both_ministers_continue_the_contact_just_reported(extract):
    text = ("Published: August 7, 2020\n\n"
            "Chilean Foreign Minister Rosa Vidal received her Peruvian counterpart Tomas Ugarte in Santiago on "
            "Thursday.\n\nBoth ministers signed an agreement on fishing quotas.\n")
    result = extract(text)
    assert [brief(e, text) for e in result.events] == [
        {"channel": "meeting", "people": [("Rosa Vidal", "CL"), ("Tomas Ugarte", "PE")], "date": "2020-08-06",
         "precision": "day", "basis": "relative", "location": ("Santiago", "CL")}]
    assert [ev.sentence[:22] for ev in result.events[0].evidence] == ["Chilean Foreign Minist",
                                                                      "Both ministers signed "]


def test_a_pair_is_not_taken_from_a_sentence_where_one_of_two_only_reports(extract):
    text = ("Published: August 7, 2020\n\n"
            "A rebel delegation led by Omar Idris met aid officials in Juba on Monday, Samir Haddad, a spokesman "
            "for the rebels, said.\n\nThe two sides discussed food deliveries.\n")
    people = [[p.name for p in e.participants] for e in extract(text).events]
    assert ["Omar Idris", "Samir Haddad"] not in people


def test_speakers_at_the_session_take_its_date_and_place_from_the_sentence_that_introduced_it(extract):
    text = ("Published: March 9, 2024\n\n"
            "The UN Security Council held an emergency session in New York on Friday on the fighting in Chad. "
            "Brazilian Ambassador Lucia Ferraz, Irish Ambassador Conor Walsh and Kenyan Ambassador Peter Otieno "
            "spoke at the session, calling for a ceasefire.\n")
    result = extract(text)
    assert [brief(e, text) for e in result.events] == [
        {"channel": "speech", "people": [("Lucia Ferraz", "BR"), ("Conor Walsh", "IE"), ("Peter Otieno", "KE")],
         "date": "2024-03-08", "precision": "day", "basis": "relative", "location": ("New York", "US")}]
    # "Security Council" is a name, not the security theme
    assert result.events[0].topics == ["chad", "peace-process", "united-nations"]


def test_the_two_presidents_spoke_is_the_talk_of_the_meeting_just_reported(extract):
    text = ("Published: November 15, 2022\n\n"
            "Peruvian President Rosa Vidal and Kenyan President Peter Otieno met in Lima on Monday. "
            "The two presidents spoke for two hours about Bolivia, copper and the war in Sudan.\n")
    result = extract(text)
    assert [brief(e, text) for e in result.events] == [
        {"channel": "meeting", "people": [("Rosa Vidal", "PE"), ("Peter Otieno", "KE")], "date": "2022-11-14",
         "precision": "day", "basis": "relative", "location": ("Lima", "PE")}]
    assert len(result.events[0].evidence) == 2
    assert result.events[0].topics == ["bolivia", "sudan", "war"]


def test_also_held_talks_is_on_the_occasion_of_the_meeting_before(extract):
    text = ("Published: 09:12, May 21, 2023\n\n"
            "Kenyan President Peter Otieno met Chilean President Rosa Vidal on the sidelines of the summit in Nairobi "
            "on Sunday.\n\nOtieno also held talks with Nepalese Prime Minister Hari Sharma.\n")
    sunday = {"date": "2023-05-21", "precision": "day", "basis": "relative", "location": ("Nairobi", "KE")}
    assert [brief(e, text) for e in extract(text).events] == [
        {"channel": "meeting", "people": [("Peter Otieno", "KE"), ("Rosa Vidal", "CL")], **sunday},
        {"channel": "meeting", "people": [("Peter Otieno", "KE"), ("Hari Sharma", "NP")], **sunday}]


def test_a_news_conference_afterwards_is_on_the_day_of_the_talks(extract):
    text = ("Published: 14:05, March 8, 2024\n\n"
            "Peruvian Foreign Minister Rosa Vidal met Kenyan Foreign Minister Peter Otieno in Lima on Thursday.\n\n"
            "Vidal told a news conference afterwards that the talks were productive.\n")
    found = [(e.channel, [p.name for p in e.participants], e.date.isoformat() if e.date else None)
             for e in extract(text).events]
    assert found == [("meeting", ["Rosa Vidal", "Peter Otieno"], "2024-03-07"),
                     ("press_conference", ["Rosa Vidal"], "2024-03-07")]


def test_talks_named_by_their_two_states_are_the_talks_of_the_one_person_of_each(extract):
    text = ("TALLINN, May 6 (XNA) - Estonian Prime Minister Mart Tamm and his Latvian counterpart Ilze Berzina spoke "
            "by phone on Tuesday, government adviser Kadri Saar told reporters.\n\n"
            "Both leaders recalled the Estonian-Latvian talks of March 2, 2020 in Riga, Saar said.\n")
    found = [(e.channel, [p.name for p in e.participants], e.date.isoformat() if e.date else None)
             for e in extract(text).events]
    # talks of another day and place are other talks than the call, and not a call themselves
    assert ("meeting", ["Mart Tamm", "Ilze Berzina"], "2020-03-02") in found
    # the adviser only reports: she is no party to the talks of her state
    assert all("Kadri Saar" not in people for channel, people, _ in found if channel != "press_conference")


def test_i_in_a_quotation_is_who_says_it(extract):
    text = ("date 2023-04-14 Karin Berg, Sweden's prime minister, told reporters on Thursday: \"I met President "
            "Aino Lahti of Finland this morning and we agreed on a new ferry link.\"\n")
    found = [(e.channel, sorted(p.name for p in e.participants)) for e in extract(text).events]
    assert ("meeting", ["Aino Lahti", "Karin Berg"]) in found


def test_i_in_a_quotation_that_two_people_may_say_is_nobody(extract):
    text = ("date 2023-04-14 \"I met Finnish President Aino Lahti,\" Swedish Prime Minister Karin Berg said, and "
            "Danish Prime Minister Jens Holm said it too.\n")
    meetings = [sorted(p.name for p in e.participants) for e in extract(text).events if e.channel == "meeting"]
    assert ["Aino Lahti", "Karin Berg"] not in meetings and ["Aino Lahti", "Jens Holm"] not in meetings


def test_a_short_name_written_without_its_accent_is_the_same_person_even_when_the_model_tags_nothing(nlp):
    from service.nlp.actors import find_people
    from service.nlp.extract import _prepared
    from service.nlp.types import ArticleInput

    text = ("date 2023-04-14 Peruvian President Rosa Gómez and Chilean President Tomas Araya met in Lima. "
            "Araya later met Gomez again.\n")
    doc = _prepared(nlp, ArticleInput(key="t.txt", text=text))
    for name, pipe in nlp.pipeline:
        if name == "timeline_people":
            break
        doc = pipe(doc)
    doc.ents = [e for e in doc.ents if e.text != "Gomez"]  # the model missed the short form
    people = find_people(doc)
    gomez = next(t for t in doc if t.text == "Gomez")
    assert people.persons[people.pid_at(gomez.i)].name == "Rosa Gómez"
