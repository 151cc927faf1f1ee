"""Publication dates and date expressions, on invented header lines and sentences."""
import datetime as dt

import pytest

from service.nlp.dates import find_dates, publication, publication_date

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
    # numeric dates: year first with slashes, day first with hyphens, a creation date over an update
    ("Envoys meet\nSource:Wire Published: 2019/3/7 08:10:12\n\nBody.", (D(2019, 3, 7), "publication_line")),
    ("Envoys meet\nWire | Lisbon | Updated: 05-02-2020 10:00 CET | Created: 04-02-2020 09:15 CET\nBody.",
     (D(2020, 2, 4), "publication_line")),
    ("Envoys meet\nTue 03/10/2017\nBody.", (D(2017, 10, 3), "publication_line")),
    ("Envoys meet\nFri 03/10/2017\nBody.", (D(2017, 3, 10), "publication_line")),
    # weekday, ordinal day and clock time; short month with a comma and a time
    ("Envoys meet\nWed 4th March 2015 | 10:12 AM\nBody.", (D(2015, 3, 4), "publication_line")),
    ("Envoys meet\n9 Jun, 2016 09:30\nBody.", (D(2016, 6, 9), "publication_line")),
    # month names of a byline language
    ("Envoys meet\nBy Staff     Date 12 Januari 2013\nBody.", (D(2013, 1, 12), "publication_line")),
    ("Envoys meet\nPublicado: 3 de marzo de 2015\nBody.", (D(2015, 3, 3), "publication_line")),
    # a title that closes with the document's own date
    ("Minutes of the Council of Elders, Friday, May 9, 2025\nBody.", (D(2025, 5, 9), "publication_line")),
    # datelines: month and day with a slashed year, a place with its country in parentheses, agency first
    ("Quelimane March 8/2019 (XNA) The minister arrived.", (D(2019, 3, 8), "dateline")),
    ("Talks end\nPORTO NOVO (Benin), July 9, 2016\nThe ministers met.", (D(2016, 7, 9), "dateline")),
    ("Talks end\nXNA - 14th Jun, 2019 - The ministers met.", (D(2019, 6, 14), "dateline")),
    # the date inside the agency's parentheses, under a standfirst with no full stop
    ("Ministers of three coastal states agreed on common fishing quotas for the coming season at a meeting "
     "hosted by the Chilean president in Santiago\n\nLIMA (Andes Desk - 4th March, 2020) The ministers met.",
     (D(2020, 3, 4), "dateline")),
    # a year after the day with no comma, and the story on the dateline's line
    ("Envoy visits\n\nSUVA, Nov 4 2017 (Pacific Desk) - The envoy met the minister on Friday.",
     (D(2017, 11, 4), "dateline")),
    # an update label: the date printed before it is the publication's
    ("Envoys meet\nMar 3, 2015 | Updated Mar 4, 2015\nBody.", (D(2015, 3, 3), "publication_line")),
    # a byline with a long name; a header below lines of site navigation
    ("Envoys meet\nBy Ana Maria Lopes da Silva on March 3, 2015\nBody.", (D(2015, 3, 3), "publication_line")),
    ("Home\nWorld\nAsia\nEurope\nAfrica\nSport\nOpinion\nVideo\nEnvoys meet\n4 March 2015\nBody.",
     (D(2015, 3, 4), "publication_line")),
    # the day a page was fetched is no publication date
    ("Envoys meet\nRetrieved 3 May 2021 10:00 UTC\nBody.", (None, "none")),
    ("Envoys meet\nMay 1, 2021 | Accessed May 3, 2021\nBody.", (D(2021, 5, 1), "publication_line")),
    # a bare date line (a banner's day) gives way to a labelled date below it
    ("Tuesday, June 4, 2024\nEnvoys meet\nPosted on: May 30, 2024\nBody.", (D(2024, 5, 30), "publication_line")),
    # nothing in the header: a labelled date under the story
    ("Envoys meet\n\nThe envoys met.\n\nPublished on 3 May 2021 by the Press Office\n", (D(2021, 5, 3),
                                                                                         "publication_line")),
    # a communique's formal closing line: "this 3rd day of <month>, <year>"
    ("STATE HOUSE\n\nPRESS RELEASE\n\nThe President met the envoys.\n\nIssued at Harbourtown this 21st day of "
     "October, 2031\n\nMINISTER OF INFORMATION\n", (D(2031, 10, 21), "publication_line")),
    # no header date: an embedded post's closing date
    ("Talks end\n\nThe envoy wrote a note.\n\nWe had a good exchange today.\n"
     "\u2014 Office of the Envoy (@envoy_office) May 9, 2017\n\nMore text.", (D(2017, 5, 9), "post")),
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


def test_a_dateline_without_year_is_the_day_relative_dates_count_from():
    text = "Talks\nPublished: 2022-03-22\nRavenna, March 21: The two ministers spoke by phone on Thursday."
    shown = publication(text)
    assert (shown.date, shown.basis, shown.report) == (D(2022, 3, 22), "publication_line", D(2022, 3, 21))
    assert resolved(text[shown.header_end:], shown.report) == [("Thursday", D(2022, 3, 17), "day", "relative")]


def test_a_weekday_and_a_day_with_the_month_in_parentheses():
    anchor = D(2022, 3, 17)  # a Thursday
    assert resolved("They met on Monday (14/3) and again on Friday (11.03).", anchor) == [
        ("Monday (14/3)", D(2022, 3, 14), "day", "explicit"),
        ("Friday (11.03)", D(2022, 3, 11), "day", "explicit"),
    ]


def test_a_span_of_days_is_its_month():
    assert resolved("The forum ran from June 3-5; the fair, 13 - 15 February 2019.", D(2022, 6, 9)) == [
        ("June 3-5", D(2022, 6, 1), "month", "explicit"),
        ("13 - 15 February 2019", D(2019, 2, 1), "month", "explicit"),
    ]


def test_parts_of_the_report_day_and_months_before_the_anchor():
    anchor = D(2022, 11, 20)
    assert resolved("This morning they spoke. In November they met; last November they wrote.", anchor) == [
        ("This morning", D(2022, 11, 20), "day", "relative"),
        ("In November", D(2022, 11, 1), "month", "relative"),
        ("last November", D(2021, 11, 1), "month", "relative"),
    ]


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


def test_a_date_printed_below_the_first_paragraph_leaves_that_paragraph_in_the_story():
    lead = ("Finnish President Aino Virtanen and her Estonian counterpart Mart Tamm have held talks in Tartu, "
            "amid a dispute over fishing quotas in the waters between the two countries.")
    text = f"Leaders meet in Tartu\n{lead}\nMay 14, 2023\n\nMore of the story.\n"
    date, basis, zone = publication_date(text)
    assert (date, basis) == (D(2023, 5, 14), "publication_line")
    assert text[zone:].startswith(lead)


def test_counted_days_back_and_on_and_numeric_days_in_the_body():
    anchor = D(2021, 9, 22)
    text = ("They met two days ago; three days later they wrote. In mid-March they spoke, and a week ago. "
            "The envoys met on 17.08.2021 and on Tuesday, 24/08/2021.")
    assert resolved(text, anchor) == [
        ("two days ago", D(2021, 9, 20), "day", "relative"),
        ("three days later", D(2021, 9, 23), "day", "relative"),
        ("In mid-March", D(2021, 3, 1), "month", "relative"),
        ("a week ago", D(2021, 9, 1), "month", "relative"),
        ("17.08.2021", D(2021, 8, 17), "day", "explicit"),
        ("Tuesday, 24/08/2021", D(2021, 8, 24), "day", "explicit"),
    ]


def test_a_dateline_with_a_region_after_the_city():
    text = "Talks\nKORCE, Albania, April 20, 2021 (Wire) -- The ministers met."
    assert publication_date(text)[:2] == (D(2021, 4, 20), "dateline")
    assert text[publication_date(text)[2]:].strip() == "The ministers met."


def test_that_day_is_the_day_just_mentioned_and_last_night_the_day_before():
    text = "On March 3 they met. Later that day they spoke. They met again last night. Earlier in the day he flew."
    assert resolved(text, D(2022, 3, 20)) == [
        ("March 3", D(2022, 3, 3), "day", "explicit"),
        ("Later that day", D(2022, 3, 3), "day", "relative"),
        ("last night", D(2022, 3, 19), "day", "relative"),
        ("Earlier in the day", D(2022, 3, 19), "day", "relative"),
    ]


def test_an_impossible_day_is_no_date():
    assert publication_date("Envoys meet\n31/02/2020\nBody.")[:2] == (None, "none")
    assert resolved("They met on 31.02.2021.", D(2021, 3, 3)) == [("31.02.2021", None, "day", "unknown")]


@pytest.mark.parametrize("text, expected", [
    ("The envoys met in Quito on the 14th, the ministry said.", [("on the 14th", D(2025, 3, 14), "day")]),
    ("They spoke on the 3rd and agreed to meet.", [("on the 3rd", D(2025, 3, 3), "day")]),
    # a day after the anchor's is last month's; a month without that day is passed over
    ("The ministers talked on the 28th in Quito.", [("on the 28th", D(2025, 2, 28), "day")]),
    ("The ministers talked on the 31st.", [("on the 31st", D(2025, 1, 31), "day")]),
    ("The ministers met on the 2nd of this month.", [("on the 2nd of this month", D(2025, 3, 2), "day")]),
    # an ordinal that counts something else is no date
    ("The talks resumed on the 14th round of negotiations.", []),
    ("He spoke on the 75th anniversary.", []),
])
def test_a_day_of_the_month_alone_is_the_latest_such_day_on_or_before_the_anchor(text, expected):
    found = find_dates(text, D(2025, 3, 20))
    assert [(d.text, d.date, d.precision) for d in found] == expected


def test_a_day_of_the_month_without_an_anchor_stays_unresolved():
    assert [(d.text, d.date) for d in find_dates("They met on the 14th.", None)] == [("on the 14th", None)]


@pytest.mark.parametrize("published, expected", [
    (D(2027, 1, 1), D(2026, 12, 1)),  # a Friday: the weekend just past is the year before's December
    (D(2027, 3, 1), D(2027, 2, 1)),  # a Monday the 1st: the weekend was in February
    (D(2027, 3, 6), D(2027, 3, 1)),  # a Saturday: the weekend under way
])
def test_over_the_weekend_is_the_month_of_the_weekend_just_past(published, expected):
    found = find_dates("Over the weekend, Ines Walde met Paavo Rinne. At the weekend they spoke again.", published)
    assert [(d.text, d.date, d.precision) for d in found] == [
        ("Over the weekend", expected, "month"), ("At the weekend", expected, "month")]


def test_the_weekend_of_a_day_is_that_day_not_the_weekend_just_past():
    found = find_dates("They met on the weekend of May 3.", D(2027, 6, 9))
    assert [(d.text, d.date) for d in found] == [("May 3", D(2027, 5, 3))]
