"""From candidates to events: the date of each report, and one event per real-world contact.

Sentences of one article that report the same contact (same channel, one set of people within
the other, compatible dates) make one event; a talk whose medium its clause leaves open takes
it from another report of the same people.
"""
import datetime as dt

from spacy.tokens import Doc

from .candidates import MEETINGS, Candidate, destinations, sequenced
from .dates import DateExpr
from .event_dates import date_for, finer, settle
from .lexicon import lexicon
from .people import People
from .places import event_location, in_topic


def _same_time(a: DateExpr | None, b: DateExpr | None) -> bool:
    """Whether two dates may be of one contact: either unknown, or equal to the coarser precision."""
    if a is None or b is None or a.date is None or b.date is None:
        return True
    n = 7 if "month" in (a.precision, b.precision) else 4 if "year" in (a.precision, b.precision) else 10
    return a.date.isoformat()[:n] == b.date.isoformat()[:n]


class Group:
    def __init__(self, cand: Candidate, date: DateExpr | None):
        self.channel = cand.channel
        self.pids = list(cand.pids)
        self.cands = [cand]
        self.date = date
        self.follows: Group | None = None  # "X also met Y": the contact this one was part of

    def compatible_date(self, other: DateExpr | None) -> bool:
        return _same_time(self.date, other)


def _placed(cand: Candidate) -> bool:
    """The clause says where: "in Tallinn", "at the palace"."""
    doc = cand.trigger.doc
    return any(doc[i].ent_type_ in {"GPE", "LOC", "FAC"} and doc[i - 1].lower_ in {"in", "at"}
               and not in_topic(doc[i]) for i in cand.region if i > 0)


def _in_a_city(cand: Candidate) -> bool:
    """The clause names the city the contact took place in ("held talks in Hanoi"): it was in person."""
    doc = cand.trigger.doc
    return event_location([doc[i] for i in sorted(cand.region)], list(doc.ents)) is not None


def _same_people(a: list[int], b: list[int]) -> bool:
    """The same people: equal, or one set inside the other sharing two or more."""
    a, b = set(a), set(b)
    return a == b or ((a <= b or b <= a) and len(a & b) >= 2)


def _private_company(trigger) -> bool:
    """ "spoke with students", "talked to residents": the talk's other end is a common noun that names
    no office or person of a state (not "spoke to Prime Minister X", "with his counterpart")."""
    v = lexicon().titles
    objs = [o for p in trigger.children if p.dep_ == "prep" and p.lower_ in {"with", "to"}
            for o in p.children if o.dep_ == "pobj"]
    mods = {"compound", "appos", "poss", "amod"}
    return bool(objs) and all(o.pos_ == "NOUN" and o.lower_ not in v.person_nouns and o.lower_ not in v.title_words
                              and not any(c.pos_ == "PROPN" and c.dep_ in mods for c in o.children) for o in objs)


def _default_medium(cand: Candidate) -> str:
    """ "X spoke with Y" with no place is, in diplomatic news, a call; "held talks" is a meeting."""
    if cand.trigger.pos_ == "VERB" and cand.trigger.lemma_.lower() in {"speak", "talk", "chat"}:
        # "X spoke with students at the university": no one of a state on the other end, so no call;
        # as a meeting of one person it is dropped like any other talk with no counterpart
        alone = len(cand.pids) == 1 and not cand.counterpart and _private_company(cand.trigger)
        return "meeting" if alone or _placed(cand) else "phone_call"
    return "meeting"


def background(date: DateExpr | None, published: dt.date | None) -> bool:
    """A contact dated more than a year before the article is history, not news."""
    if date is None or date.date is None or published is None:
        return False
    if date.precision == "year":
        return date.date.year < published.year
    return date.date < published - dt.timedelta(days=366)


def _settle_media(dated: list[tuple[Candidate, DateExpr | None]]) -> None:
    """A talk whose medium the clause leaves open takes it from another report of the same people."""
    told = {id(c) for c, _ in dated if c.channel != "generic"}  # a medium the text gives, not one settled here
    for i, (cand, date) in enumerate(dated):
        if cand.channel != "generic":
            continue
        # "met X for talks hosted by Z": the talks are that meeting, and Z took part in it
        host = next((c2 for c2, _ in dated if c2 is not cand and c2.channel in MEETINGS
                     and cand.trigger.i in c2.region and c2.trigger.i not in cand.region), None)
        if host is not None:
            host.pids += [p for p in cand.pids if p not in host.pids]
            cand.pids = list(host.pids)
        # "met X to discuss ...": the contact of the same sentence; else a call with the same people
        ctx = next((c2 for c2, _ in dated if c2 is not cand and c2.channel != "generic"
                    and c2.sent.start == cand.sent.start and set(cand.pids) <= set(c2.pids)), None)
        # a call of the same people ("X and Y spoke by phone ... The talks covered ..."), or a round
        # of calls of X's whose callers go unnamed; never a call of one of them with someone else,
        # nor for talks the clause places in a city ("held talks in Hanoi": in person)
        ctx = ctx or next((c2 for c2, d2 in dated if not _in_a_city(cand) and c2.channel in {"phone_call", "video_call"}
                           and (id(c2) in told or _same_people(c2.pids, cand.pids))
                           and (_same_people(c2.pids, cand.pids) or set(c2.pids) <= set(cand.pids))
                           and _same_time(date, d2)), None)  # talks of another day are other talks
        ctx = ctx or _the_one_call(cand, date, dated)
        # "X met Y ... The two presidents spoke about ...": the talk of the meeting just reported
        ctx = ctx or next((c2 for c2, _ in reversed(dated[:i]) if c2.channel == "meeting"
                           and len(cand.pids) > 1 and set(cand.pids) <= set(c2.pids)), None)
        cand.channel = ctx.channel if ctx else _default_medium(cand)
        if date is None and ctx is not None:
            dated[i] = (cand, next(d for c2, d in dated if c2 is ctx))


def _the_one_call(cand: Candidate, date: DateExpr | None, dated: list[tuple[Candidate, DateExpr | None]]):
    """ "X held calls with A and B. ... With B, the minister discussed trade": a talk naming only one
    person and an unnamed other ("the minister"), who took part in one call of the article and in no
    other contact, is that call; its other side is the call's."""
    if len(cand.pids) != 1 or not cand.counterpart or _in_a_city(cand):
        return None  # "the minister", "the two" stand for the other side
    pid = cand.pids[0]
    others = [(c2, d2) for c2, d2 in dated if c2 is not cand and pid in c2.pids and c2.channel != "generic"]
    calls = {frozenset(c2.pids) for c2, _ in others}
    if len(calls) != 1 or not all(c2.channel in {"phone_call", "video_call"} and len(c2.pids) > 1
                                  and _same_time(date, d2) for c2, d2 in others):
        return None
    ctx = others[0][0]
    if pid not in ctx.subj and ctx.subj:
        cand.pids = [p for p in ctx.subj if p != pid] + [pid]  # a round of calls is split later: its caller
    elif len(ctx.pids) == 2:
        cand.pids = list(ctx.pids)
    else:
        return None
    return ctx


def _said_in_contact(dated: list[tuple[Candidate, DateExpr | None]]) -> None:
    """ "During the call ... X congratulated Y on ...": a courtesy verb with no written medium, between
    the same people as a call or meeting of the article at a compatible time, was said in that contact."""
    for i, (cand, date) in enumerate(dated):
        if cand.channel != "correspondence" or cand.trigger.pos_ != "VERB" or len(cand.pids) < 2:
            continue
        ctx = next(((c2, d2) for c2, d2 in dated if c2.channel in {"phone_call", "video_call", "meeting"}
                    and _same_people(c2.pids, cand.pids) and _same_time(date, d2)), None)
        if ctx is not None:
            cand.channel = ctx[0].channel
            dated[i] = (cand, date or ctx[1])


def merge(doc: Doc, cands: list[Candidate], dates: list[DateExpr], people: People,
          published: dt.date | None = None, anchor: dt.date | None = None,
          report: DateExpr | None = None, lead: int | None = None) -> list[Group]:
    """`anchor`: the day relative dates count from; `report`: the day of the report (its dateline's
    date, else its publication date, then only for the lead sentence, the token index `lead`)."""
    dated = [(c, d) for c in cands if not background(d := date_for(doc, c, dates), published)]
    _settle_media(dated)
    _said_in_contact(dated)
    dated = [x for cand, date in dated for x in _split(cand, date, people, dates)]
    groups: list[Group] = []
    for cand, date in dated:
        if cand.channel in MEETINGS and len(cand.pids) == 1 and not cand.counterpart:
            if not any(g.channel == cand.channel and set(cand.pids) <= set(g.pids) for g in groups) \
                    and not any(c2.channel == cand.channel and len(c2.pids) > 1 and set(cand.pids) < set(c2.pids)
                                for c2, _ in dated):
                continue
        target = None
        for g in groups:
            virtual = _virtual_summit(g, cand)
            if (g.channel != cand.channel and not virtual) or not g.compatible_date(date) \
                    or _elsewhere(g, cand, people) or _other_time(g, cand) or _after_reception(g, cand):
                continue
            a, b = set(g.pids), set(cand.pids)
            if a <= b or b <= a:
                target = g
                if virtual:
                    g.channel = "video_call"
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
        if finer(date, target.date):
            target.date = date
    for g in groups:  # three states or more in person; two envoys of one body are one party
        if g.channel == "meeting" and parties(g.pids, people) >= 3:
            g.channel = "multilateral_meeting"
    settle(doc, groups, dates, anchor, report, lead)
    return [g for g in groups if not (g.channel in MEETINGS and len(g.pids) == 1 and not g.cands[0].counterpart)
            and not (g.channel == "correspondence" and len(g.pids) == 1
                     and not any(c.trigger.pos_ == "VERB" or _sender(c) for c in g.cands))]


def _virtual_summit(g: Group, cand: Candidate) -> bool:
    """ "The leaders of A, B and C held a videoconference ... X said after the summit": a summit and a
    video call of three or more people, one's people among the other's, are one virtual summit."""
    pair = {g.channel, cand.channel}
    if pair != {"video_call", "multilateral_meeting"}:
        return False
    call = set(g.pids) if g.channel == "video_call" else set(cand.pids)
    summit = set(cand.pids) if g.channel == "video_call" else set(g.pids)
    return len(call) >= 3 and summit <= call


def _sender(cand: Candidate) -> bool:
    """ "In a letter, X said ...": X wrote it (the addressee may go unnamed)."""
    return cand.trigger.dep_ == "pobj" and cand.trigger.head.lower_ == "in" and bool(cand.subj) \
        and cand.gv.lemma_.lower() in lexicon().channels.reporting_verbs


def _for_summit(verb) -> bool:
    """ "welcomed A and B for a summit / to the conference"."""
    return any(p.dep_ == "prep" and p.lower_ in {"for", "to"} and o.dep_ == "pobj"
               and o.lemma_.lower() in lexicon().channels.summit_nouns for p in verb.children for o in p.children)


def _elsewhere(g: Group, cand: Candidate, people: People) -> bool:
    """A leg of a tour is its own event: it joins only reports of the visit to the same country (the
    people met there are of that country, or the clause names one of its cities), and a report of
    other people ("welcoming X's visit, Y said") never joins a leg."""
    if cand.destination:
        return any(c.destination != cand.destination and not (c.destination is None
                                                              and _there(c, cand.destination, people))
                   for c in g.cands)
    legs = {c.destination for c in g.cands if c.destination}
    return bool(legs) and len(g.pids) != len(cand.pids) and not (len(legs) == 1 and _there(cand, legs.pop(), people))


def _there(cand: Candidate, iso: str, people: People) -> bool:
    """The contact took place in country iso: everyone the subject meets is of it, or the clause says
    "in CITY" of it ("In Accra, X met Y" for a leg to Ghana)."""
    hosts = [p for p in cand.pids if p not in cand.subj]
    if cand.subj and hosts and all(people.persons[p].country == iso for p in hosts):
        return True
    doc = cand.trigger.doc
    place = event_location([doc[i] for i in sorted(cand.region)], list(doc.ents)) \
        or event_location(list(cand.sent), list(doc.ents))
    return place is not None and place[1] == iso


def _other_time(g: Group, cand: Candidate) -> bool:
    """ "met in Canberra on Thursday, a month after the two met in Vientiane": a clause of another time
    and the clause it hangs from report two contacts, whatever their dates."""
    mine = sequenced(cand.gv)
    return any(c.sent.start == cand.sent.start and (sequenced(c.gv) is None) != (mine is None) for c in g.cands)


def _after_reception(g: Group, cand: Candidate) -> bool:
    """ "The Emir of X received NAME ... Later, NAME held talks with Y": a sentence that opens with
    "later" tells a contact after the reception of one named guest by an unnamed host, not the same one."""
    opener = next((t for t in cand.sent if not t.is_space), None)
    later = opener is not None and opener.lower_ in lexicon().dates.later_openers
    hosts = lexicon().channels.host_verbs
    return later and len(cand.pids) > 1 and all(
        c.sent.start < cand.sent.start and len(c.pids) == 1 and c.trigger.lemma_.lower() in hosts for c in g.cands)


def _split(cand: Candidate, date, people: People, dates: list[DateExpr]):
    """A round of calls ("X had calls with A, B and C") or of bilateral meetings ("met separately
    with A and B") is one contact per counterpart; three or more people at one table are a
    multilateral meeting."""
    others = [p for p in cand.pids if p not in cand.subj]
    doc = cand.trigger.doc
    # a host who receives several guests receives them one by one: bilateral meetings
    verb = cand.trigger.lemma_.lower() if cand.trigger.pos_ == "VERB" else ""
    hosts = verb in lexicon().channels.host_verbs
    if (hosts or verb == "host") and _for_summit(cand.trigger):
        cand.channel = "multilateral_meeting"  # "hosted A and B for a summit": one table, not two visits
        return [(cand, date)]
    separate_words = lexicon().channels.separate_words
    plural = cand.trigger.tag_ == "NNS" and cand.trigger.lower_ not in lexicon().channels.plural_only
    separate = hosts or plural or any(doc[i].lower_ in separate_words for i in cand.region)  # "meetings with A and B"
    call = cand.channel == "phone_call" or (cand.channel == "video_call"
                                            and cand.trigger.lemma_.lower() in {"call", "conversation", "talk"})
    tour = destinations(cand.trigger) if cand.channel == "meeting" and len(cand.pids) == 1 else []
    if len(tour) >= 2:  # "a tour that took him to A, B and C": each country of a tour is one event
        return [(Candidate(**{**cand.__dict__, "destination": iso}), date) for iso in tour]
    if len(cand.subj) == 1 and len(others) >= 2 and (call or cand.channel == "meeting" and separate):
        own = _own_dates(cand, others, people, dates)
        return [(Candidate(**{**cand.__dict__, "pids": cand.subj + [p]}), own.get(p, date)) for p in others]
    if cand.channel == "meeting" and parties(cand.pids, people) >= 3:
        cand.channel = "multilateral_meeting"
    return [(cand, date)]


def _own_dates(cand: Candidate, others: list[int], people: People, dates: list[DateExpr]) -> dict:
    """ "spoke with A on Monday and with B on Tuesday": each counterpart's own date, the one after its
    name and before the next; only when every counterpart has one and they differ."""
    sent = cand.sent
    first = {p: min((m.start for m in people.mentions if m.pid == p and sent.start <= m.start < sent.end),
                    default=None) for p in others}
    if any(v is None for v in first.values()):
        return {}
    order = sorted(others, key=lambda p: first[p])
    doc = cand.trigger.doc
    bounds = [doc[first[p]].idx for p in order] + [sent.end_char]
    own = {}
    for k, p in enumerate(order):
        found = [d for d in dates if bounds[k] < d.start < bounds[k + 1] and d.date is not None]
        if len(found) == 1:
            own[p] = found[0]
    distinct = {d.date for d in own.values()}
    return own if len(own) == len(others) and len(distinct) == len(others) else {}


def parties(pids: list[int], people: People) -> int:
    """The states or bodies at one table: two envoys of one body are one party (a person of no
    known country is a party of their own)."""
    return len({people.persons[p].country or p for p in pids})
