"""Shapes of a fifth batch of invented articles, through the real pipeline (and the header
shapes without it): live pages whose entries are stamped with a clock time; a transcript titled
below its issuer's name; talks on the eve of a summit."""
from service.nlp.header_dates import entry_starts
from service.nlp.lexicon import lexicon

from .conftest import brief

ZONES = lexicon().dates.header_filler


def events(extract, text, **kw):
    return [brief(e, text) for e in extract(text, **kw).events]


def test_a_clock_time_alone_on_a_line_or_opening_one_starts_a_live_entry():
    text = "Live\n\n09:40 GMT\nA met B.\n\n14.05 CET - C spoke.\n\n10:00 The end\n"
    assert [text[o:o + 2] for o in entry_starts(text, 0, ZONES)] == ["A ", "C "]


def test_one_clock_time_is_no_live_page():
    assert entry_starts("By A Writer\n\n10:32 GMT\nA met B.\n", 0, ZONES) == []


def test_each_entry_of_a_live_page_is_a_report_of_its_day(extract):
    text = ("Live: Nordic ministers meet in Tampere\n\n"
            "Last updated: Thursday 4 June 2026 17:10 CET\n\n"
            "Welcome to our live coverage of today's meeting of Nordic ministers in Tampere.\n\n"
            "09:20 GMT\n"
            "Norwegian Foreign Minister Ingrid Solheim-Vik told reporters on arrival that fisheries would come "
            "first.\n\n"
            "11:05 GMT\n"
            "Finnish Foreign Minister Aarne Lehtikoski met Estonian Foreign Minister Kaarel Tamm on the margins "
            "of the meeting in Tampere.\n\n"
            "15:40 GMT\n"
            "Lehtikoski spoke by phone with Latvian Foreign Minister Inese Berzina during the afternoon break.\n")
    day = {"date": "2026-06-04", "precision": "day", "basis": "relative"}
    assert events(extract, text) == [
        {"channel": "press_conference", "people": [("Ingrid Solheim-Vik", "NO")], **day, "location": None},
        {"channel": "meeting", "people": [("Aarne Lehtikoski", "FI"), ("Kaarel Tamm", "EE")], **day,
         "location": ("Tampere", "FI")},
        {"channel": "phone_call", "people": [("Aarne Lehtikoski", "FI"), ("Inese Berzina", "LV")], **day,
         "location": None}]


def test_a_transcript_titled_below_its_issuer_s_name_reports_that_briefing(extract):
    text = ("Ministry of Foreign Affairs of the Republic of Estonia\n\n"
            "Press Briefing by the Ministry Spokesperson, Maarja Kallaste\n"
            "Tallinn, Thursday, 4 June 2026\n\n"
            "Spokesperson Maarja Kallaste: Good morning. I have one announcement.\n\n"
            "Question: President Duarte Ventura of Portugal said on Monday that Estonia should host the summit. "
            "Your response?\n\n"
            "Spokesperson: We have taken note of the remarks.\n")
    assert events(extract, text) == [
        {"channel": "press_conference", "people": [("Maarja Kallaste", "EE")], "date": "2026-06-04",
         "precision": "day", "basis": "relative", "location": None}]


def test_talks_on_the_eve_of_a_summit_are_the_day_before_the_summit(extract):
    text = ("Published: 14 August 2026\n\n"
            "Leaders of Chile, Peru and Bolivia met in Arica from Monday to Wednesday for the Andean Water Summit.\n\n"
            "On the eve of the summit, Chilean President Elena Rivas Toro held talks in Arica with Peruvian Prime "
            "Minister Hugo Salcedo Vera.\n")
    found = events(extract, text)
    assert found[-1] == {"channel": "meeting", "people": [("Elena Rivas Toro", "CL"), ("Hugo Salcedo Vera", "PE")],
                         "date": "2026-08-09", "precision": "day", "basis": "relative", "location": ("Arica", "CL")}
