"""Whole-article shapes of the ninth batch, on short invented texts through the real pipeline."""
from .conftest import brief


def _events(extract, text):
    return [(e["channel"], [name for name, _ in e["people"]], e["date"])
            for e in (brief(e, text) for e in extract(text).events)]


def test_a_place_and_title_typed_as_one_person_leave_the_name_after_them(nlp):
    for text, name in [
            ("During the visit, Otxoa met Mendoza Governor Ramiro Quesada Ibarra at the Government House in "
             "Mendoza.", "Ramiro Quesada Ibarra"),
            ("Lund met Texas Governor Esteban Paredes Soto in Austin.", "Esteban Paredes Soto"),
            ("During the trip, Lund met Texas Governor Ramiro Quesada Ibarra in Austin.", "Ramiro Quesada Ibarra")]:
        names = [p.name for p in nlp(text)._.people.persons]
        assert name in names and not any(n.endswith("Governor") for n in names)


def test_a_talk_with_students_is_no_call(extract):
    text = ("Envoy in the north\nMay 12, 2031\n\nThe Danish Ambassador to Chile, Mette Rosendahl, met Regional "
            "Governor Ignacio Paredes Soto in Arica on Monday.\n\nThe ambassador later spoke with students at "
            "the Tarapaca Institute.\n")
    assert [c for c, _, _ in _events(extract, text)] == ["meeting"]


def test_the_day_of_a_plan_told_in_a_statement_is_not_the_statement_s(extract):
    text = ("Talks on fisheries\nPublished: 14 October 2031\n\nREYKJAVIK, Oct 14 (Nordic Wire) - Icelandic "
            "Foreign Minister Bryndis Haldorsen said in a statement that the two sides had narrowed their "
            "differences, adding that technical talks would continue this week.\n")
    assert _events(extract, text) == [("statement", ["Bryndis Haldorsen"], "2031-10-14")]


def test_told_reporters_on_arrival_in_a_city_took_place_there(extract):
    text = ("Ministers gather\nMay 3, 2031\n\nSlovak Foreign Minister Juraj Bielik told reporters on arrival in "
            "Strasbourg that the package was too weak.\n")
    assert [e["location"] for e in (brief(e, text) for e in extract(text).events)] == [("Strasbourg", "FR")]


def test_a_talk_naming_only_one_caller_of_a_round_is_that_call(extract):
    text = ("Minister's calls\nThursday 8 May 2031\n\nWELLINGTON - New Zealand Foreign Minister Mere Tawhiri held "
            "separate phone calls on Wednesday with Chilean Foreign Minister Rocio Ibanez Vera and Peruvian Foreign "
            "Minister Hugo Salas Mena.\n\nWith Salas Mena, the minister discussed fisheries and Antarctic research, "
            "her office said.\n")
    assert sorted(_events(extract, text)) == [
        ("phone_call", ["Mere Tawhiri", "Hugo Salas Mena"], "2031-05-07"),
        ("phone_call", ["Mere Tawhiri", "Rocio Ibanez Vera"], "2031-05-07")]


def test_the_lead_naming_the_pair_by_their_states_gives_its_day(extract):
    text = ("Border deal\nPublished: 9 July 2031\n\nVIENNA, July 9 (Alpine Wire) - The foreign ministers of Chile "
            "and Bolivia agreed on Monday to reopen a mountain pass, officials said.\n\nChilean Foreign Minister "
            "Ines Carrasco Pino and Bolivian Foreign Minister Rene Quispe Mamani met in La Paz to discuss trade "
            "and water rights.\n")
    assert _events(extract, text) == [("meeting", ["Ines Carrasco Pino", "Rene Quispe Mamani"], "2031-07-07")]


def test_a_headline_opening_with_two_states_gives_the_unmarked_minister_the_other(extract):
    text = ("Norway, Kenya discuss fisheries in phone call\nMarch 4, 2031\n\nOSLO: Development Minister Sigrid "
            "Aamodt Holm and Kenyan Foreign Minister Otieno Wafula Kariuki spoke by phone on Monday about fisheries.\n")
    assert [e["people"] for e in (brief(e, text) for e in extract(text).events)] == [
        [("Sigrid Aamodt Holm", "NO"), ("Otieno Wafula Kariuki", "KE")]]


def test_a_later_talk_on_the_sidelines_of_the_summit_takes_the_summit_s_city(extract):
    text = ("Leader holds talks at summit\nJune 9, 2031\n\nADDIS ABABA - Kenyan President Joseph Wekesa Chebet met "
            "Nigerian President Musa Olumide Eze on the sidelines of the African Union summit in Addis Ababa on "
            "Sunday, discussing regional security.\n\nLater on Sunday, also on the sidelines of the summit, Chebet "
            "held talks with Ghanaian President Abena Owusu Darko, with whom he discussed visa-free travel.\n\n"
            "The two-day summit, which brought together leaders from across the continent, focused on education.\n")
    assert [e["location"] for e in (brief(e, text) for e in extract(text).events)] == [
        ("Addis Ababa", "ET"), ("Addis Ababa", "ET")]


def test_a_last_surname_the_model_typed_alone_ends_the_name(nlp):
    for text, name in [
            ("CARTAGENA - Chilean President Rosa Valdivia Fuentes met Peruvian President Tomas Quiroga Lena on "
             "Sunday, discussing port security and trade.", "Rosa Valdivia Fuentes"),
            ("ARUSHA - Ugandan President Samuel Okello Mugisha met Tanzanian President Neema Mushi Kombo in "
             "Arusha on Sunday.", "Samuel Okello Mugisha")]:
        assert name in [p.name for p in nlp(text)._.people.persons]


def test_a_community_the_model_typed_as_a_nationality_is_no_person(extract):
    text = ("Leaders meet\nJune 9, 2031\n\nARUSHA - Ugandan President Samuel Okello Mugisha met Tanzanian President "
            "Neema Mushi Kombo on the sidelines of the East African Community summit in Arusha on Sunday.\n")
    assert [c for c, _, _ in _events(extract, text)] == ["meeting"]


def test_a_name_after_the_title_of_a_state_body_is_found(nlp):
    for text, name in [
            ("Lund held talks with Chairwoman of the National Assembly Pham Thi Lien on Friday.", "Pham Thi Lien"),
            ("Lund met President of the Senate Jorge Ruiz Vela on Friday.", "Jorge Ruiz Vela")]:
        assert name in [p.name for p in nlp(text)._.people.persons]
