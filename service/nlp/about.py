"""Which countries a sentence is *about*: "the situation in X", "the X issue", "talks on X", "discussed X".

A country merely named (a participant's nationality, a list of members, where someone flew in
from) is not what the contact was about, so it is no topic.
"""
from collections import Counter

from spacy.tokens import Span, Token

from .lexicon import lexicon
from .places import span_country


def _first_conjunct(tok: Token) -> Token:
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    return tok


def is_about(root: Token) -> bool:
    """Whether a place word is what its clause is about."""
    words = lexicon().topics
    tok = _first_conjunct(root)
    head = tok.head
    if tok.dep_ in {"amod", "compound", "nmod"}:
        return head.lemma_.lower() in words.about_nouns
    if tok.dep_ == "pobj":
        prep = head.lower_
        if prep in words.about_preps:
            return True
        return prep in {"in", "of", "for"} and head.head.lemma_.lower() in words.about_nouns
    if tok.dep_ == "dobj":
        return head.lemma_.lower() in words.about_verbs
    return False


def about_countries(ents: list[Span], start: int, end: int, into: Counter) -> None:
    """Count the countries the text [start, end) is about into `into`."""
    for ent in ents:
        if not (start <= ent.start_char < end) or ent.label_ not in {"GPE", "NORP"}:
            continue
        nxt = ent.doc[ent.end] if ent.end < len(ent.doc) else None
        if nxt is not None and nxt.lower_ in lexicon().topics.not_a_country:  # "the Korean Peninsula": a region
            continue
        iso = span_country(ent)
        if iso and is_about(ent.root):
            into[iso] += 1
