"""Whole-article shapes of the eighth batch, on short invented texts through the real pipeline."""
from .conftest import brief


def _events(extract, text):
    return [(e["channel"], [name for name, _ in e["people"]], e["date"])
            for e in (brief(e, text) for e in extract(text).events)]


def test_a_postponed_or_cancelled_meeting_is_no_event_beside_the_held_one(extract):
    text = ("Ministers meet in Tartu\nMarch 3, 2032\n\nTARTU - Finnish Foreign Minister Oskari Lehtola met "
            "Estonian Foreign Minister Maret Kivisild in Tartu on Wednesday.\n\nTalks between Lehtola and "
            "Swedish Foreign Minister Ebba Lindqvist, planned for Thursday in Uppsala, have been postponed "
            "because of a strike, the ministry said. Lindqvist also cancelled her call with Norwegian Foreign "
            "Minister Sindre Vold.\n")
    assert _events(extract, text) == [("meeting", ["Oskari Lehtola", "Maret Kivisild"], "2032-03-03")]


def test_a_portfolio_word_alone_is_no_title_mention_of_the_byline_name(extract):
    text = ("Irish and Danish leaders talk\nBy Mira Lund, Staff Reporter | Published Tuesday, March 2, 2032\n\n"
            "Irish Prime Minister Cathal Brennan and Danish Prime Minister Sofie Aagaard held a phone call, "
            "discussing trade, cyber defence and energy security.\n")
    assert _events(extract, text) == [("phone_call", ["Cathal Brennan", "Sofie Aagaard"], "2032-03-02")]
