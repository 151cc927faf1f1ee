"""Articles in, events out: the extraction entry point used by the loader."""
from collections import Counter
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Token

from .actors import People, find_people
from .dates import DateExpr, find_dates, publication_date
from .events import MEETINGS, Candidate, cfg, find_candidates
from .pipeline import load_nlp
from .places import event_location, span_country
from .topics import assign, labels
from .types import ArticleExtraction, ArticleInput, EvidenceSpan, ExtractedEvent, Participant
from .zones import evidence_bounds, find_zones

CHANNEL_LABELS = {"phone_call": "Phone call", "video_call": "Video call", "meeting": "Meeting",
                  "multilateral_meeting": "Multilateral meeting", "speech": "Speech",
                  "press_conference": "Press conference", "statement": "Statement", "correspondence": "Correspondence"}
PLACED = {"meeting", "multilateral_meeting", "speech", "press_conference"}


def extract_articles(articles: Iterable[ArticleInput], batch_size: int = 16) -> Iterator[ArticleExtraction]:
    """One ArticleExtraction per article, in input order; texts are parsed in nlp.pipe batches."""
    nlp = load_nlp()
    pairs = ((a.text, a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield extract_doc(doc, article)


def extract_doc(doc: Doc, article: ArticleInput) -> ArticleExtraction:
    found, basis, header_end = publication_date(doc.text)
    published = article.published or found
    if article.published:
        basis = "client"
    anchor = published if basis in {"client", "header", "publication_line", "dateline"} else None
    zones = find_zones(doc, header_end)
    result = ArticleExtraction(published=published, published_basis=basis, title=article.title or _title(doc.text))
    if zones.opinion:
        return result
    people = find_people(doc)
    cands = find_candidates(doc, people, zones.skip)
    if not cands:
        return result
    dates = [d for d in find_dates(doc.text, anchor, header_end) if not zones.skip(d.start)]
    groups = _merge(doc, cands, dates, people)
    countries, actors = _country_counts(doc, zones)
    for group in groups:
        result.events.append(_event(doc, group, people, (countries, actors), header_end))
    return result


def _title(text: str) -> str | None:
    for line in text.splitlines():
        if line.strip():
            return line.strip()[:300]
    return None


def _attach(tok: Token) -> Token:
    """The verb a date or place hangs from (or the noun trigger met on the way)."""
    t = tok
    while t.pos_ not in {"VERB", "AUX"} and t.head is not t:
        t = t.head
    return t


def _date_for(doc: Doc, cand: Candidate, dates: list[DateExpr]) -> DateExpr | None:
    sent = cand.sent
    inside = [d for d in dates if sent.start_char <= d.start < sent.end_char]
    reporting = cfg()["reporting_verbs"]
    own, loose = [], []
    for d in inside:
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        verb = _attach(root)
        if root.i in cand.region or verb is cand.gv or verb is cand.trigger:
            own.append((abs(root.i - cand.trigger.i), d))
        elif d.anaphoric or verb.lemma_.lower() not in reporting or cand.channel in {"statement", "press_conference"}:
            loose.append((abs(root.i - cand.trigger.i), d))
    for pool in (own, loose):
        if pool:
            return min(pool, key=lambda x: x[0])[1]
    return None


def _reported_date(doc: Doc, cand: Candidate, dates: list[DateExpr]) -> DateExpr | None:
    """A statement or briefing with no date of its own: the latest "X said/confirmed on <date>" before it."""
    reporting = cfg()["reporting_verbs"]
    best = None
    for d in dates:
        if d.start >= cand.sent.end_char or d.date is None:
            continue
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        if span is not None and not d.anaphoric and _attach(span.root).lemma_.lower() in reporting:
            best = d
    return best


class Group:
    def __init__(self, cand: Candidate, date: DateExpr | None):
        self.channel = cand.channel
        self.pids = list(cand.pids)
        self.cands = [cand]
        self.date = date

    def compatible_date(self, other: DateExpr | None) -> bool:
        a, b = self.date, other
        if a is None or b is None or a.date is None or b.date is None:
            return True
        n = 7 if "month" in (a.precision, b.precision) else 10
        return a.date.isoformat()[:n] == b.date.isoformat()[:n]


def _merge(doc: Doc, cands: list[Candidate], dates: list[DateExpr], people: People) -> list[Group]:
    dated = [(c, _date_for(doc, c, dates)) for c in cands]
    # a talk whose medium the clause leaves open takes it from another report of the same people
    for i, (cand, date) in enumerate(dated):
        if cand.channel != "generic":
            continue
        ctx = next((c2 for c2, _ in dated
                    if c2.channel in {"phone_call", "video_call"} and set(c2.pids) & set(cand.pids)), None)
        cand.channel = ctx.channel if ctx else "meeting"
        if date is None and ctx is not None:
            dated[i] = (cand, next(d for c2, d in dated if c2 is ctx))
    dated = [x for cand, date in dated for x in _split(cand, date)]
    groups: list[Group] = []
    for cand, date in dated:
        if cand.channel in MEETINGS and len(cand.pids) == 1 and not cand.counterpart:
            if not any(g.channel == cand.channel and set(cand.pids) <= set(g.pids) for g in groups) \
                    and not any(c2.channel == cand.channel and len(c2.pids) > 1 and set(cand.pids) < set(c2.pids)
                                for c2, _ in dated):
                continue
        target = None
        for g in groups:
            if g.channel != cand.channel or not g.compatible_date(date):
                continue
            a, b = set(g.pids), set(cand.pids)
            if a <= b or b <= a:
                target = g
                break
            if (len(a) == len(b) == 1 and cand.channel in {"meeting", "phone_call"} and date and g.date
                    and date.date and date.date == g.date.date):
                pa, pb = people.persons[next(iter(a))], people.persons[next(iter(b))]
                if pa.country != pb.country:
                    target = g
                    break
        if target is None:
            groups.append(Group(cand, date))
            continue
        target.cands.append(cand)
        target.pids += [p for p in cand.pids if p not in target.pids]
        if target.date is None or target.date.date is None and date is not None and date.date is not None:
            target.date = date
    for g in groups:
        if g.channel == "meeting" and len(g.pids) >= 3:
            g.channel = "multilateral_meeting"
        if g.date is None and g.channel in {"statement", "press_conference"}:
            g.date = _reported_date(doc, g.cands[0], dates)
    return [g for g in groups if not (g.channel in MEETINGS and len(g.pids) == 1 and not g.cands[0].counterpart)]


def _split(cand: Candidate, date):
    """A round of calls ("X had calls with A, B and C") is one call per counterpart; three or more
    people at one table are a multilateral meeting."""
    others = [p for p in cand.pids if p not in cand.subj]
    if cand.channel in {"phone_call", "video_call"} and len(cand.subj) == 1 and len(others) >= 2:
        out = []
        for p in others:
            part = Candidate(**{**cand.__dict__, "pids": cand.subj + [p]})
            out.append((part, date))
        return out
    if cand.channel == "meeting" and len(cand.pids) >= 3:
        cand.channel = "multilateral_meeting"
    return [(cand, date)]


ACTOR_DEPS = {"nsubj", "nsubjpass", "poss"}


def _modifies_institution(tok: Token) -> bool:
    """ "the U.S. State Department", "the Chinese foreign ministry": a country acting, not a person's nationality."""
    head = tok.head
    while head.dep_ in {"compound", "amod"} and head.head is not head:
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


def _event(doc: Doc, g: Group, people: People, counts: tuple[Counter, Counter], header_end: int) -> ExtractedEvent:
    text = doc.text
    countries, actors = counts
    evidence, ev_countries = [], Counter()
    for cand in g.cands:
        s, e = evidence_bounds(text, max(cand.sent.start_char, header_end), cand.sent.end_char, cand.trigger.idx)
        if any(ev.start == s for ev in evidence):
            continue
        date_text = g.date.text if g.date and cand is g.cands[0] else None
        evidence.append(EvidenceSpan(text[s:e], s, e, date_text))
        for ent in doc.char_span(s, e, alignment_mode="expand").ents:
            if ent.label_ in {"GPE", "NORP"}:
                iso = span_country(ent)
                if iso:
                    ev_countries[iso] += 1
    participants = []
    for pid in g.pids:
        p = people.persons[pid]
        country = p.country or _fallback_country(p, g, people, actors, countries)
        participants.append(Participant(name=p.name, country=country, title=p.title,
                                        aliases=sorted(a for a in p.aliases if a != p.name)))
    location = None
    if g.channel in PLACED:
        for cand in g.cands:
            location = event_location([doc[i] for i in sorted(cand.region)], doc.ents)
            if location is None and cand.channel != "press_conference":
                location = event_location(list(cand.sent), doc.ents)
            if location:
                break
    own = {p.country for p in participants if p.country}
    lead = _lead(doc, header_end)
    for ent in lead.ents:
        if ent.label_ in {"GPE", "NORP"} and span_country(ent):
            ev_countries[span_country(ent)] += 1
    topics = assign(" ".join([ev.sentence for ev in evidence] + [lead.text]), text, ev_countries, countries, own)
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
        topics=topics, title=f"{CHANNEL_LABELS[g.channel]}: {who}", summary=evidence[0].sentence,
        confidence=round(min(confidence, 0.95), 2))


def _lead(doc: Doc, header_end: int):
    """The first sentence of the body: news puts the gist of the story there."""
    for sent in doc.sents:
        if sent.end_char > header_end and len(sent) > 8:
            return sent
    return doc[0:0]


def _fallback_country(p, g: Group, people: People, actors: Counter, countries: Counter) -> str | None:
    """Someone the article gives no country: the country it most often makes an actor (else names
    most often, twice at least), if no other participant of the event holds it."""
    others = {people.persons[q].country for q in g.pids if q != p.pid}
    for iso, _ in actors.most_common():
        if iso not in others:
            return iso
    for iso, n in countries.most_common():
        if n >= 2 and iso not in others:
            return iso
    return None


__all__ = ["extract_articles", "extract_doc", "labels"]
