"""Where an event took place, on short invented texts through the real pipeline."""
from .conftest import brief


def found(extract, text):
    return [brief(e, text) for e in extract(text).events]


def test_a_virtual_summit_with_adjectives_between_is_a_video_call_without_a_place(extract):
    text = ("date 2021-05-12 Norwegian Prime Minister Ingrid Solberg held a first virtual bilateral summit with "
            "Chilean President Tomas Araya on Tuesday.\n")
    assert found(extract, text) == [
        {"channel": "video_call", "people": [("Ingrid Solberg", "NO"), ("Tomas Araya", "CL")],
         "date": "2021-05-11", "precision": "day", "basis": "relative", "location": None}]


def test_here_in_a_datelined_report_names_the_dateline_city(extract):
    text = ("Ministers talk trade\n\nNAIROBI, March 4 (Wire) -- Talks held here on Friday between Danish Foreign "
            "Minister Lars Holm and Kenyan Foreign Minister Amina Odhiambo focused on flower exports.\n")
    [event] = extract(text).events
    assert (event.location_name, event.location_country) == ("Nairobi", "KE")


def test_here_without_a_dateline_names_no_place(extract):
    text = "date 2022-03-04 Danish Foreign Minister Lars Holm met Kenyan Foreign Minister Amina Odhiambo here.\n"
    [event] = extract(text).events
    assert event.location_name is None


def test_the_city_of_a_venue_and_the_city_of_x(extract):
    text = ("date 2019-09-09 Peruvian President Rosa Quispe met Bolivian President Evo Mamani at the Lima "
            "Convention Center on Sunday. Canadian Prime Minister Anne Tremblay visited the historic city of "
            "Cusco on Monday, where she met Peruvian Foreign Minister Jorge Salas.\n")
    assert [e["location"] for e in found(extract, text)] == [("Lima", "PE"), ("Cusco", "PE")]


def test_an_occasion_named_without_people_gives_its_place_to_the_one_event_of_its_kind(extract):
    text = ("date 2023-06-04 A trilateral session in Riga brought the Baltic ministers together on Sunday.\n\n"
            "Estonian Foreign Minister Mart Kask, Latvian Foreign Minister Ilze Berzina and Lithuanian Foreign "
            "Minister Tomas Petrauskas discussed energy and the border.\n")
    [event] = extract(text).events
    assert event.channel == "multilateral_meeting"
    assert (event.location_name, event.location_country) == ("Riga", "LV")


def test_two_meetings_of_one_kind_do_not_share_a_place_named_once(extract):
    text = ("date 2023-06-04 Estonian Foreign Minister Mart Kask met Finnish Foreign Minister Aino Virtanen in "
            "Tallinn on Saturday. Kask met Swedish Foreign Minister Erik Lund at the airport on Sunday.\n")
    assert [e["location"] for e in found(extract, text)] == [("Tallinn", "EE"), None]


def test_history_gives_no_place_and_a_city_the_model_mistypes_is_still_a_city(extract):
    text = ("Date: 2024-05-10\n\nUruguayan President Marta Silva hosted Paraguayan President Hugo Benitez at the "
            "Suarez residence in Montevideo on Thursday. The two presidents last met in Asuncion in 2019.\n\n"
            "Later on Thursday, Silva spoke by telephone with Argentine President Luis Pereyra, her office said.\n")
    assert [(e["channel"], [n for n, _ in e["people"]], e["location"]) for e in found(extract, text)] == [
        ("meeting", ["Marta Silva", "Hugo Benitez"], ("Montevideo", "UY")),
        ("phone_call", ["Marta Silva", "Luis Pereyra"], None)]


def test_a_sea_is_no_city(extract):
    text = ("date 2013-09-23 Chilean President Pablo Rojas met Peruvian President Ana Flores on Monday to discuss "
            "shipping in the Caribbean Sea.\n")
    [event] = extract(text).events
    assert event.location_name is None


def test_a_host_meets_each_guest_of_a_list_after_a_guest_noun(extract):
    text = ("date 2024-04-12 Lena Moravcova, the Slovak president, received several delegations on Tuesday, "
            "including Norway's Prime Minister Piet Hovland, Chile's President Ola Barrera, and Brazil's Foreign "
            "Minister Joana Pereira.\n")
    host = ("Lena Moravcova", "SK")
    assert [(e["channel"], e["people"], e["date"]) for e in found(extract, text)] == [
        ("meeting", [host, guest], "2024-04-09")
        for guest in (("Piet Hovland", "NO"), ("Ola Barrera", "CL"), ("Joana Pereira", "BR"))]


def test_a_venue_and_its_city_place_the_event_and_the_venue_keeps_its_city(extract):
    text = ("date 2024-04-12 Norwegian Prime Minister Piet Hovland held talks with Slovak President Lena Moravcova "
            "at the Grassalkovich Palace, Bratislava, on Tuesday.\n\nHovland, who spoke to reporters at the "
            "Grassalkovich Palace after meeting with Moravcova, said trade would double.\n")
    where = ("Bratislava", "SK")
    assert found(extract, text) == [
        {"channel": "meeting", "people": [("Piet Hovland", "NO"), ("Lena Moravcova", "SK")], "date": "2024-04-09",
         "precision": "day", "basis": "relative", "location": where},
        # remarks "after meeting with" her: that meeting's day; the venue is where the article placed it
        {"channel": "press_conference", "people": [("Piet Hovland", "NO")], "date": "2024-04-09",
         "precision": "day", "basis": "relative", "location": where}]


def test_guests_listed_after_including(extract):
    text = ("date 2024-04-12 Swedish Prime Minister Karin Berg received several leaders, including Finnish "
            "President Aino Lahti and Danish Prime Minister Jens Holm, at the Rosenbad building in Stockholm on "
            "Wednesday.\n")
    assert [(e["people"], e["date"], e["location"]) for e in found(extract, text)] == [
        ([("Karin Berg", "SE"), ("Aino Lahti", "FI")], "2024-04-10", ("Stockholm", "SE")),
        ([("Karin Berg", "SE"), ("Jens Holm", "DK")], "2024-04-10", ("Stockholm", "SE"))]


def test_a_guest_noun_without_a_list_names_nobody(extract):
    text = "date 2024-04-12 Swedish Prime Minister Karin Berg received several guests at the Rosenbad on Wednesday.\n"
    assert all(len(e.participants) == 1 for e in extract(text).events)


def test_a_city_whose_name_begins_with_its_article_keeps_it(extract):
    for article in ("The", "the"):
        text = ("date 2024-04-09 Estonian Prime Minister Kaarel Tamm met Portuguese Prime Minister Rui Barreto "
                f"in {article} Hague on Monday.\n")
        assert [e["location"] for e in found(extract, text)] == [("The Hague", "NL")]


def test_a_place_inside_what_was_discussed_is_not_where_and_the_sidelines_are_an_occasion(extract):
    text = ("date 2024-07-09 Irish Foreign Minister Ciara Nolan held talks with Moroccan Foreign Minister Karim "
            "Tazi on Monday on fishing boats from Spain in Tangier.\n\n"
            "Nolan met Tunisian Foreign Minister Hela Gharbi on the sidelines of the forum in Marseille on "
            "Tuesday.\n")
    assert [e["location"] for e in found(extract, text)] == [None, ("Marseille", "FR")]
