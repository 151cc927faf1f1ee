"""Mentions by title alone: "the President", "the Peruvian president", "his Chilean counterpart".

A title-only mention goes to the person of the article who holds that title (and nationality),
most mentioned so far; a nationality word given with it fills in that person's country.
"""
from collections import Counter

from spacy.tokens import Doc

from .people import Mention, Person
from .pipeline import sent_of
from .places import country_of
from .vocab import vocab


def _counterpart_of(doc: Doc, tok, persons: list[Person], mentions: list[Mention]) -> Person | None:
    """ "his Chilean counterpart" with no name after it: the article's one person of that country."""
    if tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN":
        return None
    want = next((country_of(c.text) for c in tok.children if c.i < tok.i and country_of(c.text)), None)
    if want is None:
        return None
    matching = [p for p in persons if p.country == want]
    return matching[0] if len(matching) == 1 else None


def title_mentions(doc: Doc, persons: list[Person], mentions: list[Mention], covered: set[int]) -> list[Mention]:
    """ "The President", "the Peruvian president", "said Kenyan Foreign Minister" -> a person of the article."""
    v = vocab()
    out = list(mentions)
    for tok in doc:
        if tok.i in covered or tok.lower_ not in v["title_words"] or tok.pos_ not in {"NOUN", "PROPN"}:
            continue
        if tok.lower_ == "counterpart":
            person = _counterpart_of(doc, tok, persons, out)
            if person is not None:
                out.append(Mention(tok.i, tok.i + 1, person.pid, "title"))
                covered.add(tok.i)
            continue
        if tok.dep_ == "compound" or tok.lower_ in {"head", "official", "leader", "chief"}:
            continue
        if tok.i + 1 < len(doc) and doc[tok.i + 1].text[:1].isupper() and doc[tok.i + 1].pos_ == "PROPN":
            continue
        nxt = doc[tok.i + 1:tok.i + 5]
        if any(t.i in covered for t in nxt) and not any(t.is_punct or t.pos_ in {"VERB", "AUX"} for t in nxt
                                                          if t.i < min(i for i in range(tok.i + 1, tok.i + 5)
                                                                       if i in covered)):
            continue
        mods = [c for c in tok.children if c.i < tok.i]
        if any(c.lower_ in {"a", "an", "another", "two", "both"} or c.tag_ in {"PRP$", "NNS"} for c in mods):
            continue
        if tok.tag_ in {"NNS", "NNPS"}:
            continue
        want = None
        for c in tok.subtree:
            if c.i < tok.i and c.text[:1].isupper():
                want = country_of(c.text) or want
        seen = Counter(m.pid for m in out if m.start < tok.i)
        best = None
        for pid, count in seen.items():
            p = persons[pid]
            titled = any(tok.lower_.rstrip("s") in {w.rstrip("s") for w in t.lower().split()} for t in p.titles)
            if p.titles and not titled:
                continue
            near = sent_of(tok).start - 40
            if not titled and not any(m.pid == pid and near <= m.start < tok.i for m in out):
                continue
            if want and p.country and p.country != want:
                continue
            last = max(m.start for m in out if m.pid == pid and m.start < tok.i)
            score = (bool(want) and p.country == want, titled, count, last)
            if best is None or score > best[0]:
                best = (score, p)
        if best is None:
            continue
        person = best[1]
        if want and not person.country:
            person.country = want
        out.append(Mention(tok.i, tok.i + 1, person.pid, "title"))
        covered.add(tok.i)
    out.sort(key=lambda m: m.start)
    return out
