"""Reported contacts in less common shapes (invented texts, real pipeline)."""
from .conftest import brief


def people(result):
    return [[(p.name, p.country, p.title) for p in e.participants] for e in result.events]


def test_hyphenated_particles_stay_in_names_and_a_contact_about_a_participants_own_country(extract):
    text = ("Published: August 2, 2023\n\nIn a telephone conversation on Tuesday, Libyan President Omar al-Mukhtar "
            "and Chadian army chief Idriss el-Kamal discussed efforts to end the fighting in Chad.\n")
    result = extract(text)
    assert [brief(e, text) for e in result.events] == [
        {"channel": "phone_call", "people": [("Omar al-Mukhtar", "LY"), ("Idriss el-Kamal", "TD")],
         "date": "2023-08-01", "precision": "day", "basis": "relative", "location": None}]
    assert result.events[0].topics == ["chad"]


def test_an_appositive_name_after_a_title_received_by_a_host_in_the_city_visited(extract):
    text = ("Published: February 20, 2024\n\nThe Prime Minister of Portugal, Duarte Amaral, visited Rabat on "
            "Tuesday, where he was received by Moroccan Prime Minister Karim Bennani.\n")
    result = extract(text)
    assert [brief(e, text) for e in result.events] == [
        {"channel": "meeting", "people": [("Duarte Amaral", "PT"), ("Karim Bennani", "MA")], "date": "2024-02-20",
         "precision": "day", "basis": "relative", "location": ("Rabat", "MA")}]
    assert people(result)[0][0] == ("Duarte Amaral", "PT", "Prime Minister")


def test_had_met_in_reported_speech_is_an_event_not_background(extract):
    text = ("Published: October 30, 2023\n\nThe foreign ministry of Ghana said in a press release that Deputy "
            "Foreign Minister Ama Owusu had met Irish Trade Minister Sean Byrne in Accra.\n")
    assert people(extract(text)) == [[("Ama Owusu", None, "Deputy Foreign Minister"),
                                      ("Sean Byrne", "IE", "Trade Minister")]]


def test_to_discuss_after_met_is_that_meeting_not_another_call(extract):
    text = ("Published: June 3, 2024\n\nPeruvian Foreign Minister Rosa Vidal phoned her Bolivian counterpart Jorge "
            "Mamani on Sunday. Vidal later met Chilean President Tomas Ugarte in Arequipa on Monday to discuss "
            "lithium.\n")
    result = extract(text)
    assert [(e.channel, [p.name for p in e.participants], e.location_name) for e in result.events] == [
        ("phone_call", ["Rosa Vidal", "Jorge Mamani"], None),
        ("meeting", ["Rosa Vidal", "Tomas Ugarte"], "Arequipa")]


def test_names_listed_after_a_plural_office_take_the_countries_in_order_and_a_host_joins(extract):
    text = ("Published: December 5, 2023\n\nThe foreign ministers of Peru and Bolivia, Rosa Vidal and Jorge Mamani, "
            "met in Quito on Monday for talks hosted by Ecuadorian Foreign Minister Tomas Ugarte.\n")
    result = extract(text)
    assert [brief(e, text) for e in result.events] == [
        {"channel": "multilateral_meeting", "people": [("Rosa Vidal", "PE"), ("Jorge Mamani", "BO"),
                                                       ("Tomas Ugarte", "EC")],
         "date": "2023-12-04", "precision": "day", "basis": "relative", "location": ("Quito", "EC")}]
    assert [p.title for p in result.events[0].participants] == ["foreign minister", "foreign minister",
                                                                 "Foreign Minister"]


def test_names_listed_after_country_names_used_as_modifiers(nlp):
    from service.nlp.actors import find_people
    doc = nlp("The Peru and Chile presidents, Rosa Vidal and Tomas Ugarte, met in Lima on Monday.")
    assert [(p.name, p.country, p.title) for p in find_people(doc).persons] == [
        ("Rosa Vidal", "PE", "president"), ("Tomas Ugarte", "CL", "president")]


def test_long_names_after_a_royal_title_and_sheikh_after_an_office(extract):
    text = ("Published: April 2, 2024\n\nPrime Minister Sheikh Amina Rahman held a phone call with Nepal's King "
            "Tashi Dorji Namgyel Thapa on Monday, discussing hydropower trade.\n")
    assert people(extract(text)) == [[("Sheikh Amina Rahman", None, "Prime Minister"),
                                      ("Tashi Dorji Namgyel Thapa", "NP", "King")]]


def test_hyphenated_given_names_and_names_after_a_plural_title(extract):
    text = ("Published: July 1, 2022\n\nPresidents Maria Elena Ruiz Tagle of Peru and Jorge Mamani of Bolivia "
            "exchanged congratulatory messages on Thursday. Separately, Korean envoy Park Min-soo visited Lima.\n")
    assert people(extract(text))[0] == [("Maria Elena Ruiz Tagle", "PE", "President"), ("Jorge Mamani", "BO", None)]
    from service.nlp.actors import find_people
    from service.nlp.pipeline import load_nlp
    doc = load_nlp()("Korean envoy Park Min-soo met Peruvian President Rosa Vidal in Lima on Monday.")
    assert [p.name for p in find_people(doc).persons] == ["Park Min-soo", "Rosa Vidal"]
