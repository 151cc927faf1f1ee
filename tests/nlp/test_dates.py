"""Publication dates and date expressions, on invented header lines and sentences."""
import datetime as dt

import pytest

from service.nlp.dates import find_dates, publication_date

D = dt.date


@pytest.mark.parametrize("text, expected", [
    (" date 2020-05-04 Quito [Ecuador], May 4 (XNA): The minister left.", (D(2020, 5, 4), "header")),
    ("Published: 08:05, March 9, 2019 | Updated: 09:00, March 9, 2019\nTitle\n", (D(2019, 3, 9), "publication_line")),
    ("Talks end in Lima\nMarch 2, 2017 / 3:15 PM / a year ago\n\nBody.", (D(2017, 3, 2), "publication_line")),
    ("Envoys meet\n14-July-2012\nBody text here.", (D(2012, 7, 14), "publication_line")),
    ("Envoys meet\n\nTuesday, October 8, 2019\n\nBody text.", (D(2019, 10, 8), "publication_line")),
    ("Envoys meet\n\n# 3 April 2020 10:20 (UTC +02:00)\n\nBody.", (D(2020, 4, 3), "publication_line")),
    ("Envoys meet\n\n9th Friday, October 2020 - 11:45 UTC\n\nBody.", (D(2020, 10, 9), "publication_line")),
    ("Daily Gazette founder: Ann Smith Sunday, May 5th, 2024\n\nBody.", (D(2024, 5, 5), "masthead")),
    ("Valletta, June 3, 2018 (Wire): The minister left for Rome.", (D(2018, 6, 3), "dateline")),
    ("No date anywhere.\nThe minister left.", (None, "none")),
    ("Leaders talk\nMINSK, Aug. 25 (Wire) -- The minister left.", (None, "none")),
    ("date: 2021-04-07T10:00:00Z\nBody.", (D(2021, 4, 7), "header")),
    ("Talks resume\nBy Jo Reporter | Sep 3, 2021 08:15 PM IST\nBody.", (D(2021, 9, 3), "publication_line")),
])
def test_publication_date_forms(text, expected):
    date, basis, _ = publication_date(text)
    assert (date, basis) == expected


def test_header_zone_covers_the_dateline():
    text = " date 2020-05-04 Quito [Ecuador], May 4 (XNA): The minister left."
    assert text[publication_date(text)[2]:].strip() == "The minister left."


def test_a_dateline_without_year_is_kept_out_of_the_event_dates():
    text = "Leaders talk\nMINSK, Aug. 25 (Wire) -- The minister left on Monday."
    zone = publication_date(text)[2]
    assert text[zone:].strip() == "The minister left on Monday."
    assert [d.text for d in find_dates(text, None, zone)] == ["Monday"]


def test_agency_dateline_with_slashes():
    text = "Talks\nRIGA, May 3. /Wire/. Latvian Foreign Minister Ilze Ozola met her Estonian counterpart."
    assert text[publication_date(text)[2]:].strip().startswith("Latvian Foreign Minister")


def resolved(text, anchor):
    return [(d.text, d.date, d.precision, d.basis) for d in find_dates(text, anchor)]


def test_relative_dates_against_the_publication_date():
    anchor = D(2022, 3, 10)  # a Thursday
    text = ("They met on Monday night. A day earlier they had dinner. Last week aides talked. "
            "Last November the envoys spoke, and earlier this month they wrote. Today he flew home. "
            "On Thursday he rested.")
    assert resolved(text, anchor) == [
        ("Monday night", D(2022, 3, 7), "day", "relative"),
        ("A day earlier", D(2022, 3, 6), "day", "relative"),
        ("Last week", D(2022, 3, 1), "month", "relative"),
        ("Last November", D(2021, 11, 1), "month", "relative"),
        ("earlier this month", D(2022, 3, 1), "month", "relative"),
        ("Today", D(2022, 3, 10), "day", "relative"),
        ("Thursday", D(2022, 3, 10), "day", "relative"),
    ]


def test_absolute_dates_take_the_year_of_the_anchor_and_the_previous_day_counts_from_them():
    text = "On Sep 3 the office confirmed a meeting held the previous day. Sunday 5 January 2014 was quiet."
    assert resolved(text, D(2021, 9, 6)) == [
        ("Sep 3", D(2021, 9, 3), "day", "explicit"),
        ("the previous day", D(2021, 9, 2), "day", "relative"),
        ("Sunday 5 January 2014", D(2014, 1, 5), "day", "explicit"),
    ]


def test_without_an_anchor_relative_dates_stay_unresolved():
    assert resolved("They met on Monday and again on Oct 2.", None) == [
        ("Monday", None, "day", "unknown"),
        ("Oct 2", None, "day", "unknown"),
    ]


def test_a_day_before_a_named_occasion_is_not_relative_to_the_date_just_given():
    import datetime as dt

    from service.nlp.dates import find_dates
    found = find_dates("They met on Tuesday, a day before the regional summit. A day earlier, she flew in.",
                       dt.date(2022, 6, 9))
    assert [(d.text, d.date) for d in found] == [("Tuesday", dt.date(2022, 6, 7)),
                                                 ("A day earlier", dt.date(2022, 6, 6))]
