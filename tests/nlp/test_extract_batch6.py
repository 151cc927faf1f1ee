"""Whole-article shapes of the sixth batch, on short invented texts through the real pipeline."""
from .conftest import brief


def test_an_honorific_abbreviation_is_one_token(nlp):
    assert [t.text for t in nlp.tokenizer("received Hon. Kofi Mensah and Amb. Ama Osei")] == [
        "received", "Hon.", "Kofi", "Mensah", "and", "Amb.", "Ama", "Osei"]


def test_an_envoy_styled_hon_after_a_comma_is_whom_the_president_received(extract):
    text = ("STATE HOUSE\n\nPRESS STATEMENT\n\nH.E. President Daniel Mugisha today received at State House "
            "Gulu the Special Envoy of the President of the Republic of Malawi, Hon. Chimwemwe Banda-Phiri, who "
            "delivered a message of goodwill.\n\nIssued this 9th day of March, 2031\n")
    found = [brief(e, text) for e in extract(text).events]
    assert [(e["channel"], [name for name, _ in e["people"]], e["date"]) for e in found] == [
        ("meeting", ["Daniel Mugisha", "Chimwemwe Banda-Phiri"], "2031-03-09")]
