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
