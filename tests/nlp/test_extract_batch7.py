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
