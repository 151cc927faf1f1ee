"""The topics of one event: from its evidence, what its participants said right after it, and a
headline about it; then what the whole article is about, last (topics.assign ranks them)."""
from collections import Counter

from spacy.tokens import Doc, Span

from .about import about_countries
from .people import People
from .pipeline import sentences, text_of
from .topic_vocabulary import assign
from .types import EvidenceSpan, Participant
from .zones import Zones

FOLLOW_UP = 5  # sentences after the evidence that may carry what was said at the contact


def article_about(doc: Doc, zones: Zones) -> Counter:
    """The countries the article's sentences are about, outside headings and captions."""
    about: Counter = Counter()
    about_countries([e for e in doc.ents if not zones.skip(e.start_char)], 0, len(text_of(doc)), about)
    return about


def headline_span(doc: Doc, title: str | None) -> Span | None:
    """The headline's tokens in the article (None when it is not a line of the text)."""
    if not title:
        return None
    start = text_of(doc).find(title)
    return doc.char_span(start, start + len(title), alignment_mode="expand") if start >= 0 else None


def _follow_up(doc: Doc, people: People, pids: set[int], after: int, stops: list[int]) -> list[Span]:
    """The sentences after the evidence that go on about the contact, up to the evidence of another
    event of the article: those naming a participant, or no one (reported speech goes on)."""
    stop = min((s for s in stops if s > after), default=len(text_of(doc)))
    out = []
    for sent in sentences(doc):
        if sent.start_char <= after:
            continue
        if sent.start_char >= stop or len(out) >= FOLLOW_UP:
            break
        named = {people.pid_at(t.i) for t in sent} - {None}
        if named and not named & pids:
            break  # the article has moved on to someone else
        out.append(sent)
    return out


def event_topics(art, pids: list[int], evidence: list[EvidenceSpan], participants: list[Participant],
                 stops: list[int], intro: list[Span]) -> list[str]:
    """`intro`: earlier sentences that introduced the contact ("held a session on X. Y spoke at the session")."""
    about: Counter = Counter()
    for ev in evidence:
        about_countries(art.ents, ev.start, ev.end, about)
    for sent in intro:
        about_countries(art.ents, sent.start_char, sent.end_char, about)
    said = _follow_up(art.doc, art.people, set(pids), max(ev.end for ev in evidence), stops)
    surnames = {p.name.split()[-1].lower() for p in participants}
    line = art.headline
    if line is not None and not (art.single or surnames & {w.strip(",:;’'").lower() for w in line.text.split()}):
        line = None  # a headline about another event of the article
    if line is not None:
        about_countries(art.ents, line.start_char, line.end_char, about)
    own = {p.country for p in participants if p.country}
    text = " ".join([ev.sentence for ev in evidence] + [s.text for s in intro])
    heading = line.text if line is not None else ""
    said_about: Counter = Counter()
    for sent in said:
        about_countries(art.ents, sent.start_char, sent.end_char, said_about)
    return assign(text, heading, art.signals, about, own, art.about, " ".join(s.text for s in said), said_about)
