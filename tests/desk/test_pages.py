"""The desk's pages over the real HTTP stack and database: what each shows, its errors, its
switches (TIMELINE_DESK, TIMELINE_READS_REQUIRE_KEY) and its fixed number of queries."""
import base64

import pytest
from bs4 import BeautifulSoup

from service import config, create_app
from service.db import database
from tests.conftest import assert_problem


def page(response, status=200):
    assert response.status_code == status, response.get_data(as_text=True)[:2000]
    assert response.mimetype == "text/html"
    assert "Traceback" not in response.get_data(as_text=True)
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def titles(soup):
    return [h.get_text(" ", strip=True) for h in soup.select("article.event > h3")]


def cells(table):
    return [[cell.get_text(" ", strip=True) for cell in row.find_all(["th", "td"])]
            for row in table.select("tbody tr")]


def test_timeline_lists_every_event_with_its_evidence_and_exports(client, newsroom):
    soup = page(client.get("/"))
    assert soup.html["lang"] == "en"
    assert titles(soup) == ["Ines Varela and Arne Lyngstad speak by phone", "Arne Lyngstad meets Rocio Pardo",
                            "Arne Lyngstad writes to Ines Varela <b>again</b>"]
    assert soup.select("article.event b") == []  # the markup in a title is text
    assert soup.select_one("#results-title").get_text() == "3 events"
    first = soup.select_one("article.event")
    facts = {div.dt.get_text(): div.dd.get_text(" ", strip=True) for div in first.select("dl.facts > div")}
    assert facts == {
        "Date": "8 Apr 2025 (to the day; date stated in the report)", "Channel": "Phone call",
        "Participants": "Ines Varela (Foreign Minister, PT) Arne Lyngstad (Foreign Minister, NO)",
        "Location": "not reported", "Topics": "Fisheries", "Confidence": "80%",
    }
    assert [a["href"] for a in first.select("dl.facts a")] == [
        f"/participants/{newsroom.varela.id}", f"/participants/{newsroom.lyngstad.id}", "/?topic=fisheries"]
    evidence = first.select_one("ul.evidence li")
    assert evidence.blockquote.get_text() == (
        "Foreign Minister Ines Varela of Portugal and Norwegian Foreign Minister Arne Lyngstad spoke by telephone "
        "on Tuesday about fishing quotas in the North Atlantic.")
    assert evidence.select_one("p.source").get_text(" ", strip=True) == "— Tagus Daily , 9 Apr 2025"
    assert evidence.select_one("p.source a")["href"] == f"/documents/{newsroom.d1.id}#span-{CALL_START}"
    assert [(a.get_text(" ", strip=True), a["href"]) for a in soup.select("p.exports a")] == [
        ("JSON", "/v1/events"), ("CSV", "/v1/events?format=csv"), ("iCalendar", "/v1/events?format=ics"),
        ("TimelineJS", "/v1/events?format=timelinejs"), ("Atom feed (subscribe)", "/v1/events?format=atom"),
    ]


CALL_START = len("LISBOA, April 9. ")


def test_the_form_carries_the_api_query_and_typed_names_become_slugs(client, newsroom):
    soup = page(client.get("/", query_string=[("participant", "Rocio Pardo"), ("q", ""), ("channel", "meeting"),
                                               ("country", ""), ("sort", "-date")]))
    assert titles(soup) == ["Arne Lyngstad meets Rocio Pardo"]
    assert [a["href"] for a in soup.select("p.exports a")] == [
        "/v1/events?participant=rocio-pardo&channel=meeting&sort=-date",
        "/v1/events?participant=rocio-pardo&channel=meeting&sort=-date&format=csv",
        "/v1/events?participant=rocio-pardo&channel=meeting&sort=-date&format=ics",
        "/v1/events?participant=rocio-pardo&channel=meeting&sort=-date&format=timelinejs",
        "/v1/events?participant=rocio-pardo&channel=meeting&sort=-date&format=atom",
    ]
    # the JSON link is the same query: the API answers it with the same event
    api = client.get("/v1/events?participant=rocio-pardo&channel=meeting&sort=-date").json
    assert [event["title"] for event in api["data"]] == ["Arne Lyngstad meets Rocio Pardo"]
    # the form is filled in again: a field for the participant given, and one more
    assert [i.get("value") for i in soup.select("input[name=participant]")] == ["rocio-pardo", ""]
    assert [i["value"] for i in soup.select("input[name=channel][checked]")] == ["meeting"]
    assert soup.select_one("#f-sort option[selected]")["value"] == "-date"
    # every control has a label
    for control in soup.select("form.filters input:not([type=hidden]), form.filters select"):
        assert control.find_parent("label") or soup.select_one(f"label[for={control['id']}]"), control


def test_search_words_are_marked_in_titles_and_evidence(client, newsroom):
    soup = page(client.get("/", query_string={"q": "quotas oslo"}))
    assert titles(soup) == ["Arne Lyngstad meets Rocio Pardo"]
    assert [m.get_text() for m in soup.select("article.event mark")] == ["Oslo", "quotas"]


def test_the_axis_counts_events_by_channel_and_links_each_period(client, newsroom):
    soup = page(client.get("/", query_string={"undated": "exclude"}))
    bars = [(r["data-channel"], r["data-count"]) for r in soup.select("figure.axis > svg rect")]
    assert bars == [("phone_call", "1"), ("meeting", "1")]
    assert soup.select_one("figure.axis svg")["role"] == "img"
    assert [li.get_text(strip=True) for li in soup.select("figure.axis .legend li")] == ["Phone call", "Meeting"]
    table = soup.select_one("details.axis-table table")
    assert cells(table) == [["8 Apr 2025", "1", "Phone call 1"], ["3 Jun 2025", "1", "Meeting 1"]]
    link = table.select_one("tbody a")["href"]
    # a date range leaves undated events out by itself
    assert link == "/?from=2025-04-08&to=2025-04-08"
    assert titles(page(client.get(link))) == ["Ines Varela and Arne Lyngstad speak by phone"]
    # a wider range: months
    soup = page(client.get("/", query_string={"interval": "month"}))
    assert cells(soup.select_one("details.axis-table table")) == [
        ["1 Apr 2025", "1", "Phone call 1"], ["1 Jun 2025", "1", "Meeting 1"], ["undated", "1", "Correspondence 1"]]


def test_bad_input_is_a_page_that_says_what_is_wrong(client, newsroom):
    soup = page(client.get("/", query_string={"country": "Portugal", "limit": "0", "undated": "sometimes"}), 422)
    assert [li.strong.get_text() for li in soup.select(".errors li")] == ["country", "limit", "undated"]
    assert soup.select("article.event") == []
    soup = page(client.get("/?cursor=garbage"), 400)
    assert soup.select_one("p.problem").get_text() == (
        "The cursor is not one this API issued. Start again from the first page.")
    for url, detail in (("/events/999", "There is no event 999."),
                        ("/participants/999", "There is no participant 999."),
                        ("/documents/999", "There is no document 999.")):
        soup = page(client.get(url), 404)
        assert soup.select_one("p.problem").get_text() == detail
    # the API's errors stay problem+json
    assert_problem(client.get("/v1/events?cursor=garbage"), 400)


def test_event_page_shows_sources_conflicts_and_corrections(client, newsroom, headers):
    fixed = client.patch(f"/v1/events/{newsroom.call.id}", json={"title": "Varela and Lyngstad on quotas"},
                         headers=headers)
    assert fixed.status_code == 200
    soup = page(client.get(f"/events/{newsroom.call.id}"))
    assert soup.h1.get_text() == "Varela and Lyngstad on quotas"
    assert [s.h3.get_text() for s in soup.select("article.source")] == ["Tagus Daily"]
    assert cells(soup.select_one("table.conflicts")) == [
        ["date", "2025-04-08", "varela-call.txt"], ["2025-04-09", "lyngstad-oslo.txt"]]
    history = cells(soup.select_one("table.history"))
    assert [row[1:] for row in history] == [
        ["update", "desk-editor", 'title : "Ines Varela and Arne Lyngstad speak by phone" → '
                                  '"Varela and Lyngstad on quotas"']]
    # a stored URL that is no web address is shown, never linked
    soup = page(client.get(f"/events/{newsroom.talks.id}"))
    assert soup.select("article.source a[href^=javascript]") == []
    assert "javascript:alert(1) (not a web address)" in soup.select_one("article.source").get_text(" ", strip=True)
    assert soup.select_one("table.history") is None


def test_participant_page_shows_aliases_titles_months_and_counterparts(client, newsroom):
    soup = page(client.get(f"/participants/{newsroom.lyngstad.id}"))
    facts = {div.dt.get_text(): div.dd.get_text(" ", strip=True) for div in soup.select("main > dl.facts > div")}
    assert facts == {"Kind": "person", "Country": "NO", "Also written": "Lyngstad",
                     "Events": "3, from 8 Apr 2025 to 3 Jun 2025", "Slug": "arne-lyngstad ( JSON )"}
    assert [li.get_text(" ", strip=True) for li in soup.select("h2 + ul li")][:1] == [
        "Foreign Minister: 2 events, the last 3 Jun 2025"]
    assert [(r["data-channel"], r["data-count"]) for r in soup.select("figure.axis > svg rect")] == [
        ("phone_call", "1"), ("meeting", "1")]
    table = soup.select_one("table.counterparts")
    assert cells(table) == [["Ines Varela", "PT", "2", "8 Apr 2025"], ["Rocio Pardo", "CL", "1", "3 Jun 2025"]]
    together = table.select("tbody a")[1]["href"]
    assert together == "/?participant=arne-lyngstad&participant=ines-varela"
    assert titles(page(client.get(together))) == [
        "Ines Varela and Arne Lyngstad speak by phone", "Arne Lyngstad writes to Ines Varela <b>again</b>"]
    assert titles(soup) == ["Ines Varela and Arne Lyngstad speak by phone", "Arne Lyngstad meets Rocio Pardo",
                            "Arne Lyngstad writes to Ines Varela <b>again</b>"]
    assert soup.select_one("p.exports a")["href"] == "/v1/events?participant=arne-lyngstad"


def test_document_page_marks_every_evidence_span_and_links_its_event(client, newsroom):
    soup = page(client.get(f"/documents/{newsroom.d2.id}"))
    article = soup.select_one("div.article")
    marks = [(int(m["data-start"]), int(m["data-end"]), m["data-events"], m.get_text())
             for m in article.select("mark.span")]
    first = newsroom.d2.text.index("Arne Lyngstad met")
    second = newsroom.d2.text.index("Lyngstad later")
    assert marks == [
        (first, newsroom.d2.text.index(" Lyngstad later"), str(newsroom.talks.id),
         "Arne Lyngstad met Chilean Foreign Minister Rocio Pardo in Oslo on June 3 to discuss fishing quotas."),
        (second, len(newsroom.d2.text), str(newsroom.letter.id),
         "Lyngstad later wrote to Varela about the same quotas."),
    ]
    assert [a["href"] for a in article.select("a.span-link")] == [
        f"/events/{newsroom.talks.id}", f"/events/{newsroom.letter.id}"]
    # the article's text is all there, in order, marks or not
    assert article.get_text().replace(f"evidence for event\xa0{newsroom.talks.id}", "").replace(
        f"evidence for event\xa0{newsroom.letter.id}", "") == newsroom.d2.text
    assert titles(soup) == ["Arne Lyngstad meets Rocio Pardo", "Arne Lyngstad writes to Ines Varela <b>again</b>"]


@pytest.fixture
def count_queries(monkeypatch):
    statements = []
    real = database.obj.execute_sql

    def counting(sql, params=None, *args, **kwargs):
        statements.append(sql)
        return real(sql, params, *args, **kwargs)

    monkeypatch.setattr(database.obj, "execute_sql", counting)
    return statements


def test_every_page_costs_a_fixed_number_of_queries(client, newsroom, headers, count_queries):
    client.patch(f"/v1/events/{newsroom.talks.id}", json={"summary": "Checked."}, headers=headers)
    n = newsroom
    pages = {
        # the page of events (as the API's: 1), the axis counts (1), the topics of the form (1)
        "timeline": ["/", "/?limit=1", "/?q=quotas&channel=meeting"],
        # the same: the participant named by slug is looked up inside the page's statement, which
        # walks that participant's own links (issue 10)
        "timeline of a participant": ["/?participant=arne-lyngstad&sort=-date&limit=2"],
        # the event (4), its history (1), with and without corrections
        "event": [f"/events/{n.call.id}", f"/events/{n.talks.id}", f"/events/{n.letter.id}"],
        # actor, detail (2), titles, month counts, counterparts, a page of events (4, or 1)
        "participant": [f"/participants/{n.lyngstad.id}", f"/participants/{n.pardo.id}?limit=1"],
        # detail (metadata, then its events: 1 + 3), the text
        "document": [f"/documents/{n.d1.id}", f"/documents/{n.d2.id}"],
    }
    costs = {}
    for name, urls in pages.items():
        for url in urls:
            del count_queries[:]
            page(client.get(url))
            costs.setdefault(name, set()).add(len(count_queries))
    # the second page of a paged list costs the same as the first
    next_url = page(client.get("/?limit=1")).select_one("a[rel=next]")["href"]
    del count_queries[:]
    page(client.get(next_url))
    costs["timeline"].add(len(count_queries))
    # a page of events is one statement (store.payloads.LINKED)
    assert costs == {"timeline": {3}, "timeline of a participant": {3}, "event": {5}, "participant": {7},
                     "document": {6}}


def test_desk_false_leaves_the_pages_out(app, newsroom):
    assert config.load(environ={"TIMELINE_DESK": "false"})["DESK"] is False
    bound = database.obj
    try:
        api_only = create_app({"DATABASE_URL": app.config["DATABASE_URL"], "DESK": False, "MIGRATE_ON_START": False})
        client = api_only.test_client()
        assert_problem(client.get("/"), 404)
        assert_problem(client.get(f"/events/{newsroom.call.id}"), 404)
        assert_problem(client.get("/desk/assets/desk.css"), 404)
        assert client.get(f"/v1/events/{newsroom.call.id}").status_code == 200
    finally:
        database.initialize(bound)


def test_with_reads_requiring_a_key_the_pages_ask_the_browser_for_it(client, newsroom, key, monkeypatch):
    monkeypatch.setitem(client.application.config, "READS_REQUIRE_KEY", True)
    response = client.get("/")
    soup = page(response, 401)
    assert response.headers["WWW-Authenticate"].startswith('Basic realm="Event Timeline desk')
    assert soup.h1.get_text() == "An API key is needed"
    wrong = {"Authorization": "Basic " + base64.b64encode(b"reporter:tl_not-a-key").decode()}
    page(client.get("/", headers=wrong), 401)
    basic = {"Authorization": "Basic " + base64.b64encode(f"reporter:{key}".encode()).decode()}
    assert titles(page(client.get("/", headers=basic)))[0] == "Ines Varela and Arne Lyngstad speak by phone"
    page(client.get(f"/documents/{newsroom.d1.id}", headers=basic))
    # the export links the page gives work with the same credentials, and not without
    csv = client.get("/v1/events?sort=date&format=csv", headers=basic)
    assert csv.status_code == 200 and csv.mimetype == "text/csv"
    assert csv.get_data(as_text=True).splitlines()[1].startswith(f"{newsroom.call.id},2025-04-08,day,")
    assert_problem(client.get("/v1/events?sort=date&format=csv"), 401)
    # the stylesheet stays open, so the page that asks for the key is readable
    assert client.get("/desk/assets/desk.css").status_code == 200
