"""Which date each event gets when its own clause gives none (invented texts, real pipeline)."""
import pytest


def dates(result):
    return [(e.channel, [p.name for p in e.participants], e.date.isoformat() if e.date else None, e.date_precision,
             e.date_basis) for e in result.events]


@pytest.mark.parametrize("text, expected", [
    # a datelined report: "held talks" in the simple past is of the dateline's day
    ("Ravenna March 4/2019 (XNA) Finnish Foreign Minister Aino Virtanen held talks with her Estonian counterpart "
     "Mart Tamm.\n", ("2019-03-04", "day", "relative")),
    # "has held" gives no day
    ("Ravenna March 4/2019 (XNA) Finnish Foreign Minister Aino Virtanen has held talks with her Estonian "
     "counterpart Mart Tamm.\n", (None, None, "unknown")),
    # a report that is not datelined: its lead sentence is the report of the day
    ("Published: March 4, 2019\n\nFinnish Foreign Minister Aino Virtanen held talks with her Estonian counterpart "
     "Mart Tamm.\n", ("2019-03-04", "day", "relative")),
    # ... but not a sentence after the lead, nor a contact that "recently" took place
    ("Published: March 4, 2019\n\nThe Baltic region faces new risks, officials said.\n\nFinnish Foreign Minister "
     "Aino Virtanen held talks with her Estonian counterpart Mart Tamm.\n", (None, None, "unknown")),
    ("Published: March 4, 2019\n\nFinnish Foreign Minister Aino Virtanen recently held talks with her Estonian "
     "counterpart Mart Tamm.\n", (None, None, "unknown")),
    # a letter sent in the simple past, in a datelined report: sent on the report's day
    ("Ravenna, 4 March 2019 (XNA) - Finnish President Aino Virtanen sent a letter of congratulations to "
     "Estonian President Mart Tamm on the occasion of his country's national day.\n",
     ("2019-03-04", "day", "relative")),
])
def test_a_contact_in_the_simple_past_takes_the_day_of_the_report(extract, text, expected):
    (event,) = extract(text).events
    assert (event.date.isoformat() if event.date else None, event.date_precision, event.date_basis) == expected


def test_the_contact_told_without_names_just_before_gives_its_day(extract):
    text = ("Published: May 13, 2024\n\nThe foreign ministers of the two countries held talks in Tallinn on Sunday.\n"
            "Finnish Foreign Minister Aino Virtanen and her Estonian counterpart Mart Tamm discussed energy.\n")
    assert dates(extract(text)) == [("meeting", ["Aino Virtanen", "Mart Tamm"], "2024-05-12", "day", "relative")]


def test_a_definite_mention_after_the_report_gives_its_day(extract):
    text = ("Published: June 7, 2024\n\nFinnish President Aino Virtanen and Estonian President Mart Tamm spoke by "
            "phone recently, a spokesman said.\nHe said the conversation took place on Wednesday evening.\n")
    assert dates(extract(text)) == [("phone_call", ["Aino Virtanen", "Mart Tamm"], "2024-06-05", "day", "relative")]


def test_a_speech_at_the_forum_takes_the_span_of_days_the_forum_was_given_sentences_before(extract):
    text = ("Published: February 14, 2024\n\nThe Nordic Forum is being held in Oslo from February 12-14.\n"
            "Finnish President Aino Virtanen flew in with a large delegation.\nShe was welcomed by officials.\n"
            "During her speech at the forum, Virtanen praised the hosts.\n")
    speech = [d for d in dates(extract(text)) if d[0] == "speech"]
    assert speech == [("speech", ["Aino Virtanen"], "2024-02-01", "month", "explicit")]


@pytest.mark.parametrize("day, call, briefing", [
    ("Friday", ("2024-06-07", "day"), ("2024-06-07", "day")),  # the report's own day: that day
    ("Wednesday", ("2024-06-05", "day"), ("2024-06-01", "month")),  # earlier that month: between the two
])
def test_a_briefing_about_a_contact_falls_between_the_contact_and_the_report(extract, day, call, briefing):
    text = (f"Published: June 7, 2024\n\nFinnish President Aino Virtanen and Estonian President Mart Tamm held a "
            f"phone call on {day}.\nVirtanen's spokesman Juha Laine told a press briefing that Virtanen and Tamm "
            f"talked over the phone for an hour.\n")
    assert [(e.channel, e.date.isoformat(), e.date_precision) for e in extract(text).events] == [
        ("phone_call", *call), ("press_conference", *briefing)]


def test_a_yearless_dateline_is_the_day_a_weekday_counts_from_and_the_lead_keeps_it(extract):
    text = ("Talks\nPublished: March 23, 2022\nRavenna, March 21: Italian Foreign Minister Marco Bellini and his "
            "Greek counterpart Yannis Pappas spoke by phone on Thursday.\n")
    (event,) = extract(text).events
    assert (event.date.isoformat(), event.date_precision, event.date_basis) == ("2022-03-17", "day", "relative")
    assert event.evidence[0].sentence.startswith("Ravenna, March 21: Italian Foreign Minister")


def test_a_post_quoted_below_a_statement_gives_its_date(extract):
    text = ("Talks end\nPublished: May 10, 2017\n\nItalian Foreign Minister Marco Bellini wrote on Twitter after the "
            "call.\n\nWe agreed to work together on migration. pic.twitter.com/abc123\n"
            "\u2014 Marco Bellini (@mbellini) May 9, 2017\n\nMore text follows here.\n")
    assert dates(extract(text)) == [("statement", ["Marco Bellini"], "2017-05-09", "day", "explicit")]


def test_said_on_a_day_that_they_had_spoken_leaves_the_contact_undated(extract):
    text = ("Published: March 23, 2022\n\nItalian Foreign Minister Marco Bellini said on Monday that he had spoken "
            "by phone with his Greek counterpart Yannis Pappas.\n")
    assert dates(extract(text)) == [("phone_call", ["Marco Bellini", "Yannis Pappas"], None, None, "unknown")]


def _built(words, heads, deps, tags, pos):
    """A parsed Doc built by hand: the rule is checked without the statistical model."""
    import spacy
    from spacy.tokens import Doc

    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, tags=tags, pos=pos)


@pytest.mark.parametrize("words, heads, deps, tags, pos, dated", [
    (["Ana", "Ruiz", "met", "Li", "Wei", "."], [1, 2, 2, 4, 2, 2],
     ["compound", "nsubj", "ROOT", "compound", "dobj", "punct"],
     ["NNP", "NNP", "VBD", "NNP", "NNP", "."], ["PROPN", "PROPN", "VERB", "PROPN", "PROPN", "PUNCT"], True),
    (["Ana", "Ruiz", "has", "met", "Li", "Wei", "."], [1, 3, 3, 3, 5, 3, 3],
     ["compound", "nsubj", "aux", "ROOT", "compound", "dobj", "punct"],
     ["NNP", "NNP", "VBZ", "VBN", "NNP", "NNP", "."], ["PROPN", "PROPN", "AUX", "VERB", "PROPN", "PROPN", "PUNCT"],
     False),
])
def test_report_day_reads_the_simple_past_from_the_parse(words, heads, deps, tags, pos, dated):
    import datetime as dt

    from service.nlp.candidates import Candidate
    from service.nlp.dates import DateExpr
    from service.nlp.event_dates import _report_day

    doc = _built(words, heads, deps, tags, pos)
    verb = next(t for t in doc if t.pos_ == "VERB")
    cand = Candidate("meeting", [0, 1], verb, verb, doc[:], {t.i for t in doc})
    group = type("G", (), {"cands": [cand]})()
    report = DateExpr(0, 0, "May 3", dt.date(2024, 5, 3), "day", "relative")
    assert (_report_day(doc, group, [], report, None) is report) is dated


def test_a_speech_at_the_forum_does_not_take_a_date_the_forum_sentence_gives_something_else(extract):
    text = ("Published: May 9, 2024\n\nThe Nordic Forum opened in Oslo on May 3.\n"
            "On May 6, officials said that the forum had drawn many guests.\n"
            "Finnish President Aino Virtanen flew in with a large delegation.\n"
            "During her speech at the forum, Virtanen praised the hosts.\n")
    speech = [d for d in dates(extract(text)) if d[0] == "speech"]
    assert speech == [("speech", ["Aino Virtanen"], "2024-05-03", "day", "explicit")]


def test_a_yearless_dateline_takes_the_year_of_the_clients_publication_date(extract):
    import datetime as dt

    text = ("Talks\nRAVENNA, March 21 (Wire) -- Italian Foreign Minister Marco Bellini and his Greek counterpart "
            "Yannis Pappas spoke by phone on Thursday.\n")
    (event,) = extract(text, published=dt.date(2022, 3, 22)).events
    assert (event.date.isoformat(), event.date_basis) == ("2022-03-17", "relative")


def test_a_day_from_a_later_report_of_the_contact_refines_a_month():
    import datetime as dt

    from service.nlp.dates import DateExpr
    from service.nlp.event_dates import finer

    month = DateExpr(0, 9, "last week", dt.date(2024, 5, 1), "month", "relative")
    day = DateExpr(20, 27, "Tuesday", dt.date(2024, 5, 7), "day", "relative")
    assert finer(day, month) and not finer(month, day) and finer(month, None) and not finer(None, month)


def test_talks_under_way_and_a_summit_that_has_begun_take_the_report_day(extract):
    text = ("date 2021-12-07 Chilean President Pablo Rojas and Peruvian President Ana Flores are meeting by "
            "videoconference to settle the fishing dispute.\n\nThe Andean summit of Luis Choque (Bolivia), Maria "
            "Vera (Ecuador) and Juan Rios (Colombia) has opened in Lima.\n")
    assert [(e.channel, e.date.isoformat() if e.date else None) for e in extract(text).events] == [
        ("video_call", "2021-12-07"), ("multilateral_meeting", "2021-12-07")]


def test_a_yearless_dateline_is_the_such_day_nearest_the_full_date_recounted(extract):
    text = ("Leaders speak again\n\nQUITO, March 3 (Andes Wire) -- Ecuadorian President Maria Vera phoned "
            "Peruvian President Ana Flores on Friday about the border crossing.\n\nThe crossing was last closed "
            "on November 20, 2022, after floods.\n")
    result = extract(text)
    assert (result.published.isoformat(), result.published_basis) == ("2023-03-03", "dateline_year")
    call = next(e for e in result.events if e.channel == "phone_call")
    assert call.date.isoformat() == "2023-03-03"


def test_a_yearless_dateline_is_the_such_day_nearest_a_full_date_ahead_and_agencies_may_have_hyphens(extract):
    text = ("QUITO, Oct 28 (ANDES-WIRE) -- Ecuadorian President Maria Vera met Peruvian President Ana Flores in "
            "Quito on Monday.\n\nThe two agreed to meet again at a trade fair that opens on January 15, 2024.\n")
    result = extract(text)
    assert (result.published.isoformat(), result.published_basis) == ("2023-10-28", "dateline_year")
    assert [e.date.isoformat() for e in result.events if e.channel == "meeting"] == ["2023-10-23"]


def test_the_lead_is_the_first_sentence_with_a_verb_not_a_dateline_fragment(extract):
    text = ("Water accord signed\n3 May 2022 | 10:00\n\nDUSHANBE.\nTajik President Arman Seitov met Kyrgyz "
            "President Timur Karimov on the border to sign a water accord.\n")
    [event] = extract(text).events
    assert (event.channel, event.date.isoformat()) == ("meeting", "2022-05-03")


def test_a_briefing_and_a_speech_in_the_simple_past_take_the_day_of_a_datelined_report(extract):
    import datetime as dt

    text = ("TARTU, May 6 (XNA) - Estonian Prime Minister Mart Tamm spoke by phone with Latvian Prime Minister "
            "Ilze Berzina on Tuesday.\n\nAt the opening of his keynote to the forum, Tamm thanked the hosts.\n\n"
            "Government spokeswoman Kadri Saar, in a briefing about Prime Minister Mart Tamm's budget, said taxes "
            "would not rise.\n")
    assert dates(extract(text, published=dt.date(2020, 5, 6))) == [
        ("phone_call", ["Mart Tamm", "Ilze Berzina"], "2020-05-05", "day", "relative"),
        ("speech", ["Mart Tamm"], "2020-05-06", "day", "relative"),
        # the briefing is the spokeswoman's: the prime minister is only named for his budget
        ("press_conference", ["Kadri Saar"], "2020-05-06", "day", "relative")]



def test_a_meeting_on_the_sidelines_is_on_the_day_of_the_summit_just_reported(extract):
    text = ("By Staff Reporter | 4 September 2019\n\nKenyan President Samuel Kariuki, Ugandan President Grace "
            "Namata and Tanzanian President Juma Mwinyi met in Arusha on Tuesday for a regional summit.\n\n"
            "On the sidelines, Kariuki held a bilateral meeting with Namata.\n")
    assert dates(extract(text)) == [
        ("multilateral_meeting", ["Samuel Kariuki", "Grace Namata", "Juma Mwinyi"], "2019-09-03", "day", "relative"),
        ("meeting", ["Samuel Kariuki", "Grace Namata"], "2019-09-03", "day", "relative")]


def test_a_round_of_calls_gives_each_counterpart_the_day_after_its_name(extract):
    text = ("10 March 2022\n\nKenyan President Samuel Kariuki spoke by phone with Ugandan President Grace Namata "
            "on Monday and with Tanzanian President Juma Mwinyi on Tuesday.\n")
    assert dates(extract(text)) == [
        ("phone_call", ["Samuel Kariuki", "Grace Namata"], "2022-03-07", "day", "relative"),
        ("phone_call", ["Samuel Kariuki", "Juma Mwinyi"], "2022-03-08", "day", "relative")]
