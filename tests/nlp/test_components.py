"""The registered components: each writes its findings on the Doc, through the real pipeline, and
the contact passes run on a hand-built Doc (no model), so a model upgrade shows what moved."""
import datetime as dt

import spacy
from spacy.tokens import Doc

from service.nlp.components import (
    contacts_component,
    dates_component,
    people_component,
    publication_component,
    zones_component,
)
from service.nlp.extract import extract_doc
from service.nlp.types import ArticleInput

TEXT = ("Talks in Maputo\n\nMAPUTO, May 6, 2023 (Wire) -- Mozambican President Lina Cossa met Zambian "
        "President Peter Banda on Friday.\n\nCossa later spoke by phone with Malawian President Grace Phiri.\n")


def test_the_pipeline_runs_our_components_in_order(nlp):
    names = nlp.pipe_names
    ours = [n for n in names if n.startswith("timeline_")]
    assert ours == ["timeline_publication", "timeline_line_breaks", "timeline_channels", "timeline_zones",
                    "timeline_people", "timeline_dates", "timeline_contacts"]
    assert names.index("timeline_line_breaks") < names.index("parser")
    assert names.index("lemmatizer") < names.index("timeline_channels")
    assert names.index("ner") < names.index("timeline_zones")


def test_each_component_writes_its_findings_on_the_doc(nlp):
    doc = nlp(TEXT)
    assert (doc._.publication.date, doc._.publication.basis) == (dt.date(2023, 5, 6), "dateline")
    assert doc._.publication.anchor == dt.date(2023, 5, 6)
    assert TEXT[:doc._.publication.header_end].startswith("Talks in Maputo")
    assert not doc._.zones.opinion
    assert sorted({s.label_ for s in doc.spans["people"]}) == ["Grace Phiri", "Lina Cossa", "Peter Banda"]
    assert {(s.label_, s.text) for s in doc.spans["channels"]} >= {("meeting", "met"), ("phone_call", "by phone")}
    assert [(d.text, d.date) for d in doc._.dates] == [("Friday", dt.date(2023, 5, 5))]
    assert [(g.channel, sorted(doc._.people.persons[p].name for p in g.pids)) for g in doc._.contacts] == [
        ("meeting", ["Lina Cossa", "Peter Banda"]), ("phone_call", ["Grace Phiri", "Lina Cossa"])]


def test_the_client_date_wins_and_extract_doc_only_reads_annotations(nlp):
    doc = nlp.make_doc("Lina Cossa met Peter Banda on Friday in Maputo.\n")
    doc._.article = ArticleInput(key="k", text=doc.text, published=dt.date(2023, 5, 8))
    result = extract_doc(nlp(doc))
    assert (result.published, result.published_basis) == (dt.date(2023, 5, 8), "client")
    assert [(e.channel, e.date, e.location_name) for e in result.events] == [
        ("meeting", dt.date(2023, 5, 5), "Maputo")]


def _hand_built() -> Doc:
    """ "Lina Cossa met Peter Banda ." parsed by hand, with the model's usual labels."""
    words = ["Lina", "Cossa", "met", "Peter", "Banda", "."]
    doc = Doc(spacy.blank("en").vocab, words=words, heads=[1, 2, 2, 4, 2, 2],
              deps=["compound", "nsubj", "ROOT", "compound", "dobj", "punct"],
              tags=["NNP", "NNP", "VBD", "NNP", "NNP", "."], pos=["PROPN", "PROPN", "VERB", "PROPN", "PROPN", "PUNCT"],
              lemmas=["Lina", "Cossa", "meet", "Peter", "Banda", "."],
              ents=["B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O"])
    doc._.article = ArticleInput(key="k", text=doc.text, published=dt.date(2023, 5, 8))
    return doc


def test_the_contact_passes_read_the_parse_of_a_hand_built_doc(nlp):
    doc = _hand_built()
    publication_component(doc)
    zones_component(doc)
    people_component(doc)
    nlp.get_pipe("timeline_channels")(doc)
    dates_component(doc)
    contacts_component(doc)
    assert [s.label_ for s in doc.spans["people"]] == ["Lina Cossa", "Peter Banda"]
    [group] = doc._.contacts
    assert (group.channel, [doc._.people.persons[p].name for p in group.pids]) == (
        "meeting", ["Lina Cossa", "Peter Banda"])
    # the lead sentence of a dated report is the report of the day
    assert group.date is not None and group.date.date == dt.date(2023, 5, 8)
