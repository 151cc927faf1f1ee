"""The anchored ruler finds exactly the spans spaCy's SpanRuler finds with the same patterns."""
import spacy
from spacy.pipeline import SpanRuler
from spacy.tokens import Doc

from service.nlp.anchored import AnchoredRuler
from service.nlp.lexicon import lexicon
from service.nlp.pipeline import CHANNEL_SPANS


def _spans(doc, key):
    return [(s.start, s.end, s.label_, s.text) for s in doc.spans[key]]


def _both(nlp, patterns, doc):
    """doc.spans["ours"] from the anchored ruler, doc.spans["ref"] from spaCy's SpanRuler."""
    ours = AnchoredRuler(nlp, "ours", "ours")
    ours.add_patterns(patterns)
    ref = SpanRuler(nlp, "ref", spans_key="ref", validate=False)
    ref.add_patterns(patterns)
    ours(doc)
    ref(doc)
    return _spans(doc, "ours"), _spans(doc, "ref")


def test_the_channel_spans_of_an_article_are_the_span_rulers(nlp):
    text = ("Foreign Minister Ana Ruiz of Ruritania spoke by phone with her Osterlich counterpart on Monday. "
            "The two ministers held talks in Lisbon on Tuesday and later told reporters the meeting went well. "
            "In a statement posted on its Twitter account, the ministry said Ruiz would deliver a keynote "
            "address at the regional forum and exchange views with the press via video link.")
    doc = nlp(text)
    patterns = [{"label": c, "pattern": p} for c, ps in lexicon().channels.patterns.items() for p in ps]
    ours, ref = _both(nlp, patterns, doc)
    assert ours == ref == _spans(doc, CHANNEL_SPANS)
    assert [(label, text) for _, _, label, text in ours] == [
        ("phone_call", "by phone"), ("generic", "talks"), ("press_conference", "told reporters"),
        ("meeting", "meeting"), ("statement", "In a statement"), ("statement", "statement"), ("statement", "posted"),
        ("statement", "on its Twitter"), ("statement", "Twitter account"), ("speech", "deliver a keynote"),
        ("speech", "deliver a keynote address"), ("speech", "address at"), ("multilateral_meeting", "forum"),
        ("generic", "exchange views"), ("video_call", "via video"), ("video_call", "video link")]


def test_operators_optional_ends_and_unanchored_patterns_match_as_in_spacy():
    nlp = spacy.blank("en")
    words = ["we", "had", "a", "long", "long", "call", "with", "them", "and", "then", "a", "call"]
    pos = ["PRON", "VERB", "DET", "ADJ", "ADJ", "NOUN", "ADP", "PRON", "CCONJ", "ADV", "DET", "NOUN"]
    doc = Doc(nlp.vocab, words=words, pos=pos, lemmas=[w.rstrip("s") for w in words])
    patterns = [
        {"label": "one", "pattern": [{"LEMMA": {"IN": ["call", "talk"]}, "POS": "NOUN"}]},
        {"label": "upto", "pattern": [{"LOWER": "a"}, {"POS": "ADJ", "OP": "{0,2}"}, {"LOWER": "call"}]},
        {"label": "tail", "pattern": [{"LOWER": "call"}, {"LOWER": {"IN": ["with", "to"]}, "OP": "?"}]},
        {"label": "plus", "pattern": [{"LOWER": "long", "OP": "+"}, {"LOWER": "call"}]},  # unbounded: whole Doc
        {"label": "not", "pattern": [{"LOWER": {"NOT_IN": ["we", "the"]}, "POS": "DET"}]},  # no word to anchor on
        {"label": "none", "pattern": [{"LOWER": "had"}, {"LOWER": "the"}]},
    ]
    ours, ref = _both(nlp, patterns, doc)
    assert ours == ref  # in the same order too: by position, then as spaCy sorts labels
    assert sorted(ours) == [(2, 3, "not", "a"), (2, 6, "upto", "a long long call"), (3, 6, "plus", "long long call"),
                            (4, 6, "plus", "long call"), (5, 6, "one", "call"), (5, 6, "tail", "call"),
                            (5, 7, "tail", "call with"), (10, 11, "not", "a"), (10, 12, "upto", "a call"),
                            (11, 12, "one", "call"),
                            (11, 12, "tail", "call")]
