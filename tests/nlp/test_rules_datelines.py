"""Datelines without a parse: the year of a yearless dateline from the full dates of the story
(components._dateline_near_dates), and agencies with hyphens in a dateline (header_dates.AGENCY).
Invented texts."""
import datetime as dt

from service.nlp.components import _dateline_near_dates
from service.nlp.header_dates import dateline, full_dates

D = dt.date


def test_a_yearless_dateline_takes_the_year_nearest_a_full_date_recounted():
    text = "CUENCA, Oct 28 (LAGO-NEWS) -- The two ministers last met on December 7, 2021 in Loja.\n"
    assert _dateline_near_dates(text, 0) == D(2021, 10, 28)


def test_a_yearless_dateline_takes_the_year_nearest_a_full_date_ahead():
    text = "CUENCA, Oct 28 (LAGO-NEWS) -- The new governor takes office on January 2, 2024.\n"
    assert _dateline_near_dates(text, 0) == D(2023, 10, 28)


def test_the_nearest_day_wins_over_the_latest_year():
    # the story recounts a date from 2019 and one from 2022: the dateline's day is nearest June 2022
    text = ("CUENCA, Jul 3 (LAGO-NEWS) -- The mayor, elected on March 1, 2019, met the envoy again after "
            "their talks of June 20, 2022.\n")
    assert _dateline_near_dates(text, 0) == D(2022, 7, 3)


def test_a_story_without_full_dates_gives_the_dateline_no_year():
    text = "CUENCA, Oct 28 (LAGO-NEWS) -- The two ministers met on Monday.\n"
    assert full_dates(text) == []
    assert _dateline_near_dates(text, 0) is None


def test_a_line_that_is_no_dateline_gives_nothing():
    text = "The two ministers met on December 7, 2021 in Loja.\n"
    assert _dateline_near_dates(text, 0) is None


def test_an_agency_with_a_hyphen_closes_a_dateline():
    line = "CUENCA, Oct 28 (LAGO-NEWS) -- The two ministers met on Monday."
    end, day, span = dateline(line, D(2023, 12, 31))
    assert (line[end:].strip(), day, line[span[0]:span[1]]) == ("The two ministers met on Monday.", D(2023, 10, 28),
                                                                "Oct 28")
    end, day, _ = dateline("CUENCA, Oct 28 (Lago News) -- The two ministers met.", D(2023, 12, 31))
    assert day == D(2023, 10, 28)
