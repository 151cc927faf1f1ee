"""The headline of an article and the office a title names (invented texts)."""
import pytest

from service.nlp.headline import headline
from service.nlp.offices import office


@pytest.mark.parametrize(("text", "expected"), [
    ("Published: 08:05, March 3, 2020 | Updated: 09:10, March 3, 2020\nRuritania, Elbonia sign river pact\n"
     "By Ana Costa in Valdoria\n\nThe two states signed a pact.\n", "Ruritania, Elbonia sign river pact"),
    ("November 4, 2018\n\nVALDORIA - The foreign minister of Ruritania met her Elbonian counterpart.\n", None),
    ("Editor in Chief: J. Doe Tuesday, May 4th, 2021\n\nMinister visits northern port\n\nThe minister went.\n",
     "Minister visits northern port"),
    ("date 2020-05-01 Valdoria [Ruritania], May 1 (RNA): Foreign Minister Ana Costa met the envoy of Elbonia "
     "on Friday.\n", None),
    ("Valdoria, May 1 (RNA): Foreign Minister Ana Costa met the envoy of Elbonia on Friday.\nMore text.\n", None),
    ("Leaders pledge closer ties\n2 March 2021 14:20 (UTC +01:00)\n\nBy Staff Writer\n\nThe leaders met.\n",
     "Leaders pledge closer ties"),
    ("The two presidents met in Valdoria on Monday and agreed to reopen the border crossing.\n", None),
    ("Home | World | Africa\nUpdated 5 hours ago\nReading time: 3 min\nCan the river pact hold?\n\nText.\n",
     "Can the river pact hold?"),
])
def test_headline_is_the_first_short_line_that_is_not_furniture(text, expected):
    assert headline(text) == expected


@pytest.mark.parametrize(("title", "expected"), [
    ("Chile's Foreign Minister", "Foreign Minister"),
    ("Peruvian Vice President and Foreign Minister", "Vice President and Foreign Minister"),
    ("Indian External Affairs Minister", "External Affairs Minister"),
    ("South Africa’s Deputy President", "Deputy President"),
    ("the U.S. Secretary of State", "Secretary of State"),
    ("his Peruvian counterpart", None),
    ("Ambassador of Chile to the UN", "Ambassador to the UN"),
    ("Prime Minister of Greece", "Prime Minister"),
    ("Crown Prince of Sharjah", "Crown Prince of Sharjah"),
    (None, None),
])
def test_office_drops_determiners_and_the_country(title, expected):
    assert office(title) == expected


def test_counterpart_holds_the_office_of_whom_they_meet(extract):
    text = ("Trade talks in Quito\n\nPeruvian Trade Minister Rosa Quispe met her Ecuadorian counterpart "
            "Diego Andrade in Quito on Tuesday.\n")
    result = extract(text, published=None)
    assert result.title == "Trade talks in Quito"
    assert [(p.name, p.country, p.title) for p in result.events[0].participants] == [
        ("Rosa Quispe", "PE", "Trade Minister"), ("Diego Andrade", "EC", "Trade Minister")]


def test_a_counterpart_with_no_known_office_has_no_title(extract):
    text = ("Published: March 4, 2020\n\nPeru's Rosa Quispe held a phone call with her Ecuadorian counterpart "
            "Diego Andrade on Tuesday.\n")
    people = [(p.name, p.country, p.title) for p in extract(text).events[0].participants]
    assert people == [("Rosa Quispe", "PE", None), ("Diego Andrade", "EC", None)]


def test_an_officer_of_an_international_body_gets_no_guessed_country(extract):
    text = ("Published: April 4, 2023\n\n"
            "OSCE Secretary General Anna Berg said in a statement on Tuesday that Moldova's reforms were welcome.\n")
    people = [(p.name, p.country, p.title) for p in extract(text).events[0].participants]
    assert people == [("Anna Berg", None, "OSCE Secretary General")]


def test_a_dateline_dash_is_no_part_of_the_office(extract):
    text = ("Published: March 2, 2024\n\nQUITO - President Leo Torres received Peruvian President Rosa Vidal in "
            "Quito on Friday.\n")
    people = [(p.name, p.title) for p in extract(text).events[0].participants]
    assert people == [("Leo Torres", "President"), ("Rosa Vidal", "President")]
