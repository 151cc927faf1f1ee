"""The desk in headless Chromium with the seeds loaded by the real loader: every page renders,
asks nothing of another machine, logs no console error and passes axe-core with no serious or
critical violation; the filter form narrows the list; the pager reaches the last page; the
evidence marks cover exactly the characters of the evidence. Screenshots: artifacts/desk/.

Skipped, saying why, without Chromium; the accessibility check is skipped without axe-core
(AXE_CORE_DIR, or `npm pack axe-core` reaching the registry).
"""
from urllib.parse import parse_qsl, urlparse

import pytest

from service.models import Document, Mention
from tests.desk.browser import ARTIFACTS, axe_source, browser, server, tab  # noqa: F401 - fixtures

WORD_MARKS = "[...document.querySelectorAll('article.event mark.hit')].map(m => m.textContent)"
SPAN_MARKS = "[...document.querySelectorAll('mark.span')].map(m => [+m.dataset.start, +m.dataset.end, m.textContent])"


def _seed_ids(client):
    events = client.get("/v1/events", query_string={"limit": 200}).json["data"]
    busiest = max(events, key=lambda e: (len(e["sources"]), -e["id"]))
    people = {}
    for event in events:
        for person in event["participants"]:
            people[person["id"]] = people.get(person["id"], 0) + 1
    return events, busiest, max(people, key=lambda actor: (people[actor], -actor))


def test_every_page_renders_offline_without_errors_and_accessibly(client, seeds, server, tab):  # noqa: F811
    events, busiest, person = _seed_ids(client)
    pages = {
        "timeline": ("/", {}),
        "timeline-search": ("/?q=Afghanistan&undated=exclude&limit=5", {}),
        "event": (f"/events/{busiest['id']}", {}),
        "participant": (f"/participants/{person}", {}),
        "document": (f"/documents/{busiest['sources'][0]['document_id']}", {}),
        "timeline-phone": ("/?limit=3", {"width": 390, "height": 844}),
        "timeline-first-screen": ("/", {"width": 1200, "height": 900}),
    }
    axe = axe_source()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    problems = {}
    for name, (path, size) in pages.items():
        view = tab(**size)
        response = view.page.goto(server + path)
        assert response.status == 200, (name, response.status)
        assert view.page.locator("html").get_attribute("lang") == "en"
        assert view.page.locator("h1").count() == 1
        view.page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=not size)
        found = {"console": view.errors, "elsewhere": view.elsewhere,
                 "axe": view.axe_violations(axe) if axe else []}
        if any(found.values()):
            problems[name] = found
        # every request the page made went to the test server
        assert view.requested and all(url.startswith(server + "/") for url in view.requested), view.requested
    assert problems == {}
    timeline = tab()
    timeline.page.goto(server + "/")
    assert timeline.page.locator("article.event").count() == len(events)
    # a keyboard user's first Tab reaches the skip link, and Enter moves to the content
    timeline.page.keyboard.press("Tab")
    assert timeline.page.evaluate("document.activeElement.textContent") == "Skip to content"
    timeline.page.keyboard.press("Enter")
    assert timeline.page.evaluate("document.activeElement.id") == "main"
    if axe is None:
        pytest.skip("pages checked, but not for accessibility: axe-core could not be had (set AXE_CORE_DIR)")


def test_the_filter_form_narrows_the_list(client, seeds, server, tab):  # noqa: F811
    view = tab()
    view.page.goto(server + "/")
    everything = view.page.locator("article.event").count()
    field = view.page.get_by_label("Participant", exact=True)
    field.press_sequentially("Lavr")
    # the suggestions come from /v1/participants as one types
    view.page.wait_for_function("() => document.querySelectorAll('#participant-options option').length > 0",
                                timeout=5000)
    assert view.page.evaluate("[...document.querySelectorAll('#participant-options option')].map(o => o.value)") == [
        "sergey-lavrov"]
    field.fill("Sergey Lavrov")
    view.page.get_by_role("checkbox", name="Phone call").check()
    view.page.get_by_role("button", name="Show events").click()
    view.page.wait_for_load_state()
    query = parse_qsl(urlparse(view.page.url).query, keep_blank_values=True)
    assert query == [("participant", "Sergey Lavrov"), ("sort", "date"), ("limit", "20"), ("channel", "phone_call")]
    shown = view.page.locator("article.event h3").all_inner_texts()
    expected = client.get("/v1/events", query_string={"participant": "sergey-lavrov", "channel": "phone_call"}).json
    assert shown == [event["title"] for event in expected["data"]]
    assert 0 < len(shown) < everything
    assert view.errors == [] and view.elsewhere == []


def test_the_pager_reaches_the_last_page(client, seeds, server, tab):  # noqa: F811
    view = tab()
    view.page.goto(server + "/?limit=2&sort=-date")
    seen, pages = [], 0
    while pages < 20:  # bounded: nine seed events make five pages
        pages += 1
        seen += [int(n) for n in view.page.locator("article.event").evaluate_all(
            "nodes => nodes.map(n => n.dataset.eventId)")]
        following = view.page.locator("a[rel=next]")
        if following.count() == 0:
            break
        following.click()
        view.page.wait_for_load_state()
    expected = [e["id"] for e in client.get("/v1/events", query_string={"limit": 200, "sort": "-date"}).json["data"]]
    assert seen == expected and pages == -(-len(expected) // 2)
    assert view.page.locator("nav.pager").inner_text().split() == ["First", "page", "Last", "page"]
    view.page.get_by_role("link", name="First page").click()
    assert view.page.locator("article.event").first.get_attribute("data-event-id") == str(expected[0])
    assert view.errors == [] and view.elsewhere == []


def test_the_evidence_marks_cover_exactly_the_evidence(client, seeds, server, tab, db):  # noqa: F811
    view = tab()
    for document in Document.select().order_by(Document.id):
        view.page.goto(f"{server}/documents/{document.id}")
        marks = view.page.evaluate(SPAN_MARKS)
        # each mark is exactly the characters of the text at its offsets
        assert all(text == document.text[start:end] for start, end, text in marks), document.key
        covered = {i for start, end, _ in marks for i in range(start, end)}
        evidence = {i for m in Mention.select().where(Mention.document == document) for i in range(m.start, m.end)}
        assert covered == evidence and evidence, document.key
    # the event page's link to a sentence lands on the mark of its first character
    _, busiest, _ = _seed_ids(client)
    view.page.goto(f"{server}/events/{busiest['id']}")
    view.page.get_by_role("link", name="In the article").first.click()
    view.page.wait_for_load_state()
    first = busiest["sources"][0]["evidence"][0]
    target = view.page.evaluate("[+document.querySelector(':target').dataset.start, location.hash]")
    assert target == [first["start"], f"#span-{first['start']}"]
    # search words are marked, and only they
    view.page.goto(f"{server}/?q=Kabul")
    words = view.page.evaluate(WORD_MARKS)
    assert words and {word.casefold() for word in words} == {"kabul"}
    assert view.errors == [] and view.elsewhere == []
