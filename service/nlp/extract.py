"""Articles in, events out: the extraction entry point used by the loader."""
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from schemas.channels import PLACED
from schemas.channels import label as channel_label

from .anaphora import antecedent
from .candidates import best_matches
from .event_topics import article_about, event_topics, headline_span
from .headline import headline
from .lexicon import lexicon
from .merge import Group, background
from .modality import hypothetical
from .pairs import left_country
from .people import People
from .pipeline import load_nlp, sent_of, text_of
from .places import dateline_city, event_location, span_country
from .topic_vocabulary import labels, signal_counts
from .types import ArticleExtraction, ArticleInput, EvidenceSpan, ExtractedEvent, Participant
from .zones import Zones, evidence_bounds


def extract_articles(articles: Iterable[ArticleInput], batch_size: int = 16) -> Iterator[ArticleExtraction]:
    """One ArticleExtraction per article, in input order; texts are parsed in nlp.pipe batches."""
    nlp = load_nlp()
    for doc in nlp.pipe((_prepared(nlp, a) for a in articles), batch_size=batch_size):
        yield extract_doc(doc)


def _prepared(nlp, article: ArticleInput) -> Doc:
    """The tokenised article, carrying the client's input for the components (a date it gives wins)."""
    doc = nlp.make_doc(article.text)
    doc._.article = article
    doc.user_data["nlp_text"] = article.text  # what text_of would join from the tokens: the same string
    return doc


def extract_doc(doc: Doc) -> ArticleExtraction:
    """Read the components' annotations (components.py) into the dataclasses of types.py."""
    article, pub, zones, groups = doc._.article, doc._.publication, doc._.zones, doc._.contacts
    text, ents = text_of(doc), list(doc.ents)
    line = headline(text)
    result = ArticleExtraction(published=pub.date, published_basis=pub.basis,
                               title=(article.title if article else None) or line)
    if not groups:
        return result
    art = Article(doc, doc._.people, zones, pub.header_end, ents, *_country_counts(doc, zones),
                  signal_counts(text), headline_span(doc, line), len(groups) == 1,
                  article_about(doc, zones), [], dateline_city(text),
                  _occasion_places(doc, zones, ents, doc._.dates, pub.date), groups,
                  pub.dateline_start)
    for group in groups:
        art.starts.append(min(c.sent.start_char for c in group.cands))
        if (left := left_country(doc, group.pids, doc._.people)) is not None:
            doc._.people.persons[left[0]].country = left[1]  # "relations between A and B"
    for group in groups:
        result.events.append(_event(art, group))
    return result


@dataclass
class Article:
    """What every event of one article shares: computed once."""
    doc: Doc
    people: People
    zones: Zones
    header_end: int
    ents: list[Span]
    countries: Counter
    actors: Counter
    signals: Counter
    headline: Span | None
    single: bool  # the article reports one event: its headline is about it
    about: Counter  # the countries the article's sentences are about
    starts: list[int]  # where each event's evidence begins
    dateline: tuple[str, str] | None = None  # the city the report was filed from
    occasion_places: dict | None = None  # channel -> places named with such an occasion
    groups: list | None = None  # every event of the article
    dateline_start: int | None = None  # where a dateline begins: the lead sentence of its line keeps it


ACTOR_DEPS = {"nsubj", "nsubjpass", "poss"}


def _modifies_institution(tok: Token) -> bool:
    """ "the U.S. State Department", "the Chinese foreign ministry": a country acting, not a person's nationality."""
    head = tok.head
    while head.dep_ in {"compound", "amod"} and head.head.i != head.i:
        head = head.head
    return head.ent_type_ != "PERSON" and head.pos_ in {"PROPN", "NOUN"}


def _country_counts(doc: Doc, zones) -> tuple[Counter, Counter]:
    """(mentions of each country, mentions as an actor: "China respects", "the Chinese Foreign Ministry")."""
    counts: Counter = Counter()
    actors: Counter = Counter()
    for ent in doc.ents:
        if ent.label_ in {"GPE", "NORP"} and ent.start_char >= zones.header_end:
            iso = span_country(ent)
            if iso:
                counts[iso] += 1
                root = ent.root
                dep = root.head.dep_ if root.dep_ == "conj" else root.dep_
                if dep in ACTOR_DEPS or (dep in {"compound", "amod", "nmod"} and _modifies_institution(root)):
                    actors[iso] += 1
    return counts, actors


def _event(art: Article, g: Group) -> ExtractedEvent:
    people, text = art.people, text_of(art.doc)
    evidence = []
    for cand in g.cands:
        begin = _evidence_start(art, cand.sent.start_char, cand.sent.end_char)
        s, e = evidence_bounds(text, begin, cand.sent.end_char, cand.trigger.idx)
        if any(ev.start == s for ev in evidence):
            continue
        date_text = g.date.text if g.date and s <= g.date.start < e else None
        evidence.append(EvidenceSpan(text[s:e], s, e, date_text))
    if g.date and evidence and not any(ev.date_text for ev in evidence):
        evidence[0].date_text = g.date.text or None  # the date came from another report of the article
    participants = []
    for pid in g.pids:
        p = people.persons[pid]
        participants.append(Participant(name=p.name, country=p.country, title=p.title,
                                        aliases=sorted(a for a in p.aliases if a != p.name)))
    location = _location(art, g) if g.channel in PLACED else None
    intro = [s for c in g.cands if (s := antecedent(c.trigger)) is not None]
    topics = event_topics(art, g.pids, evidence, participants, art.starts, intro)
    names = [p.name for p in participants]
    who = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    date = g.date if g.date and g.date.date else None
    confidence = 0.55 + 0.1 * (len(participants) > 1) + 0.1 * (date is not None) + 0.05 * min(len(evidence) - 1, 2) \
        - 0.1 * any(c.implied for c in g.cands)
    return ExtractedEvent(
        channel=g.channel, participants=participants, evidence=evidence,
        date=date.date if date else None, date_precision=date.precision if date else None,
        date_basis=date.basis if date else "unknown",
        location_name=location[0] if location else None, location_country=location[1] if location else None,
        topics=topics, title=f"{channel_label(g.channel)}: {who}", summary=evidence[0].sentence,
        confidence=round(min(confidence, 0.95), 2))


def _location(art: Article, g: Group) -> tuple[str, str | None] | None:
    """Where the event took place: a city the evidence names, else the sentence that introduced
    the occasion, else the meeting this one followed; "here" names the dateline's city."""
    doc = art.doc
    for cand in g.cands:
        location = event_location([doc[i] for i in sorted(cand.region)], art.ents)
        if location is None and cand.channel != "press_conference":
            location = event_location(list(cand.sent), art.ents)
        ante = antecedent(cand.trigger) if location is None else None
        if ante is not None:
            location = event_location(list(ante), art.ents)
        if location is None and g.follows is not None:  # "also met": where the occasion was
            first = g.follows.cands[0]
            location = event_location([doc[i] for i in sorted(first.region)], art.ents)
        if location is None and _on_the_sidelines(doc, cand):  # "also on the sidelines of the summit"
            summits = art.occasion_places.get("multilateral_meeting", set())
            location = next(iter(summits)) if len(summits) == 1 else None
        if location is None and art.dateline and any(t.lower_ == "here" and t.dep_ == "advmod" for t in cand.sent):
            location = art.dateline
        if location:
            return location
    places = art.occasion_places.get(g.channel, set())
    alone = sum(other.channel == g.channel for other in art.groups) == 1
    return next(iter(places)) if alone and len(places) == 1 else None


def _on_the_sidelines(doc: Doc, cand) -> bool:
    """ "on the sidelines of the summit", "on the margins of the meeting": a contact held at the
    gathering the article has already placed."""
    c, d = lexicon().channels, lexicon().dates
    return any(doc[i].lower_ in d.same_occasion - {"also"} and any(
        t.lemma_.lower() in c.summit_nouns for t in doc[i].subtree) for i in cand.region)


def _occasion_places(doc: Doc, zones: Zones, ents: list[Span], dates: list, published) -> dict[str, set]:
    """Per channel, the places that sentences naming such an occasion give ("the ministers held
    trilateral talks in Riga"), named people or not: an event of that channel the article
    reports without a place happened there, when the article names only one such place."""
    out: dict[str, set] = {}
    for channel, span in best_matches(doc).values():
        sent = sent_of(span.root)
        if channel not in PLACED | {"generic"} or zones.skip(span.root.idx) or hypothetical(span.root):
            continue
        if any(sent.start_char <= d.start < sent.end_char and background(d, published) for d in dates):
            continue  # "the two last met in X in 2009": history gives no place to today's event
        location = event_location(list(sent), ents)
        # talks whose medium the sentence does not say: the place of a meeting of either kind
        for kind in ("meeting", "multilateral_meeting") if channel == "generic" else (channel,):
            if location:
                out.setdefault(kind, set()).add(location)
    return out


def _evidence_start(art: Article, sent_start: int, sent_end: int) -> int:
    """ "City, Month D (Agency) -- X met Y": the lead sentence keeps the dateline of its line; a
    heading that is the evidence itself (a transcript's title) keeps its own start."""
    if text_of(art.doc)[sent_start:sent_end].strip() and not text_of(art.doc)[art.header_end:sent_end].strip():
        return sent_start
    start = max(sent_start, art.header_end)
    begins = art.dateline_start
    if begins is not None and begins <= start and "\n" not in text_of(art.doc)[begins:start]:
        return begins
    return start


__all__ = ["extract_articles", "extract_doc", "labels"]
