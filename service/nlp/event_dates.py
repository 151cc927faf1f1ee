"""Which date each event gets.

First the date of the contact's own clause (not the day a reporting verb gives: "the ministry
said on Monday that they had met" leaves the meeting undated), else the date an earlier sentence
gives the occasion the clause names ("spoke at the summit"; "on the eve of the summit": the
day before it). Of two reports of one contact, the
finer date wins (a day over "last week"). Then, for events still undated: the occasion an "also"
follows; for a post, briefing or statement, the date closing the post quoted below it, its
reporting date, the contact just reported for "afterwards", or, when its paragraph reports a
contact, a date between that contact and the report (the day when both fall on it, else the
month); for a contact, its day as told without names just before ("The ministers held talks on
Sunday. Minister A and Minister B discussed ...") or just after ("The conversation took place on
Wednesday"), or in the headline above the lead ("leaders hold call on Monday"); and the report's
own day for a contact told in the simple past with no day ("X met Y", "held talks") in a report
whose dateline gives its day, or in the lead sentence of a dated report; so does a speech,
briefing or statement told that way in a datelined report that nothing else dates, and a letter
or message sent ("X sent a cable to Y"). "Has met", "recently met" give none.
"""
import dataclasses
import datetime as dt

from spacy.tokens import Doc, Span, Token

from .anaphora import occasion_nouns
from .candidates import Candidate, sequenced, verb_of
from .dates import DateExpr, find_dates
from .headline import headline
from .lexicon import lexicon
from .modality import hypothetical
from .pipeline import channel_spans, sent_of, sentences, text_of
from .places import country_of

CONTACTS = {"meeting", "multilateral_meeting", "phone_call", "video_call", "generic"}
IN_PERSON = {"meeting", "multilateral_meeting", "generic"}
SPOKEN = {"statement", "press_conference"}
AFTERWARDS = lexicon().dates.afterwards  # "told reporters afterwards"
CONTACT_NOUNS = lexicon().dates.contact_nouns  # "after the meeting"
CONTACT_VERBS = lexicon().dates.contact_verbs  # "after meeting with X"
DEFINITE = lexicon().dates.definite  # "the conversation", "their talks": a contact already told
OCCASION_LOOK_BACK = 6  # sentences


def _in(dates: list[DateExpr], sent: Span) -> list[DateExpr]:
    return [d for d in dates if sent.start_char <= d.start < sent.end_char]


def date_for(doc: Doc, cand: Candidate, dates: list[DateExpr]) -> DateExpr | None:
    """The date of the contact's own clause, else of the occasion it names."""
    reporting = lexicon().channels.reporting_verbs | lexicon().channels.said_verbs  # "posted on Tuesday that"
    own, loose = [], []
    for d in _in(dates, cand.sent):
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        if _quoted(root) and not _quoted(cand.trigger):
            continue  # '"They spoke on Sunday," X said in a statement': the quotation's date is not the statement's
        verb = verb_of(root)
        # "the ministry confirmed on Aug 25 a meeting held the previous day": the report's date is not the event's
        reported = (verb.lemma_.lower() in reporting and verb.i != cand.trigger.i and not d.anaphoric
                    and cand.channel not in SPOKEN)
        in_trigger = cand.trigger.left_edge.i <= root.i <= cand.trigger.right_edge.i
        if reported and not in_trigger:
            continue
        if verb.i not in (cand.gv.i, cand.trigger.i) and not in_trigger and _modal(verb):
            continue  # "said on X that work would continue this week": the day of a plan the contact tells of
        if in_trigger or root.i in cand.region or verb.i in (cand.gv.i, cand.trigger.i):
            own.append((abs(root.i - cand.trigger.i), d))
        else:
            loose.append((abs(root.i - cand.trigger.i), d))
    # "a week after the two spoke by phone": the dates of the clause it hangs from are of another time
    for pool in (own,) if sequenced(cand.gv) is not None else (own, loose):
        if pool:
            return min(pool, key=lambda x: x[0])[1]
    return _occasion_date(cand, dates) or _eve_date(doc, cand, dates) or _label_date(doc, cand, dates)


def _plan_day(doc: Doc, d: DateExpr, cand: Candidate) -> bool:
    """A date of another clause whose verb is modal ("adding that work would continue this week")."""
    span = doc.char_span(d.start, d.end, alignment_mode="expand")
    verb = verb_of(span.root) if span is not None else None
    return verb is not None and verb.i not in (cand.gv.i, cand.trigger.i) and _modal(verb)


def _modal(verb: Token) -> bool:
    """ "would continue", "will meet": a verb with a modal or future auxiliary tells no past day."""
    aux = lexicon().channels.hypothetical_aux
    return verb.pos_ in {"VERB", "AUX"} and any(k.dep_ in {"aux", "auxpass"} and k.lower_ in aux for k in verb.children)


def _label_date(doc: Doc, cand: Candidate, dates: list[DateExpr]) -> DateExpr | None:
    """ "Monday: X hosted Y in Z.": a day set before a colon at the start of the line labels the line."""
    text = text_of(doc)
    at = cand.sent.start_char
    line = text.rfind("\n", 0, at) + 1
    return next((d for d in dates if line <= d.start and d.end <= at and not text[line:d.start].strip()
                 and text[d.end:at].strip() == ":"), None)


PRECISE = {"day": 0, "month": 1, "year": 2}


def finer(new: DateExpr | None, old: DateExpr | None) -> bool:
    """Whether another report's date says more about the contact: a date where there was none, a
    day where there was a month ("met last week" ... "the meeting on Tuesday")."""
    if new is None or new.date is None:
        return old is None
    if old is None or old.date is None:
        return True
    return PRECISE.get(new.precision, 3) < PRECISE.get(old.precision, 3)


def _occasion_date(cand: Candidate, dates: list[DateExpr]) -> DateExpr | None:
    """ "spoke at the summit": the date an earlier sentence gives the summit in the summit's own
    phrase or clause ("the summit, held from May 3-5"), the nearest first."""
    trig = cand.trigger
    held_at = [o for p in trig.children if trig.pos_ == "NOUN" and p.dep_ == "prep" and p.lower_ in {"at", "during"}
               for o in p.children if o.dep_ == "pobj" and any(c.lower_ in DEFINITE for c in o.children)]
    nouns = {n.lemma_.lower() for n in occasion_nouns(trig) + held_at}  # "his speech at the summit"
    return _named_date(cand, nouns, dates) if nouns else None


def _eve_date(doc: Doc, cand: Candidate, dates: list[DateExpr]) -> DateExpr | None:
    """ "On the eve of the summit, X held talks with Y": the day before the day an earlier sentence
    gives the summit."""
    verb = cand.gv if cand.gv.pos_ in {"VERB", "AUX"} else verb_of(cand.trigger)
    eves = [o for p in verb.children if p.dep_ == "prep" for o in p.children
            if o.dep_ == "pobj" and o.lower_ in lexicon().dates.eve_words]
    for eve in eves:
        occasion = next((o for q in eve.children if q.dep_ == "prep" and q.lower_ == "of"
                         for o in q.children if o.dep_ == "pobj" and any(c.lower_ in DEFINITE for c in o.children)),
                        None)
        found = _named_date(cand, {occasion.lemma_.lower()}, dates) if occasion is not None else None
        if found is not None and found.precision == "day":
            start, end = eve.head.idx, occasion.idx + len(occasion)
            return DateExpr(start, end, text_of(doc)[start:end], found.date - dt.timedelta(days=1), "day", "relative")
    return None


def _named_date(cand: Candidate, nouns: set[str], dates: list[DateExpr]) -> DateExpr | None:
    """The date an earlier sentence gives an occasion one of `nouns` names, in its own phrase or clause."""
    sents = sentences(cand.trigger.doc)
    here = next(k for k, s in enumerate(sents) if s.start == cand.sent.start)
    for sent in reversed(sents[max(0, here - OCCASION_LOOK_BACK):here]):
        named = [t for t in sent if t.pos_ in {"NOUN", "PROPN"} and (t.lemma_.lower() in nouns or t.lower_ in nouns)]
        if not named:
            continue
        found = [d for d in _in(dates, sent) if not d.anaphoric and d.date is not None
                 and any(_of_clause(cand.trigger.doc, d, n) for n in named)]
        if found:
            return found[0]
    return None


def _of_clause(doc: Doc, d: DateExpr, noun: Token) -> bool:
    """Whether a date belongs to the noun's phrase or to the clause the noun is in."""
    span = doc.char_span(d.start, d.end, alignment_mode="expand")
    return span is not None and (noun.left_edge.i <= span.root.i <= noun.right_edge.i
                                 or verb_of(span.root).i == verb_of(noun).i)


def reported_date(doc: Doc, cand: Candidate, dates: list[DateExpr]) -> DateExpr | None:
    """A statement or briefing with no date of its own: the latest "X said/confirmed on <date>" before it."""
    reporting = lexicon().channels.reporting_verbs
    best = None
    for d in dates:
        if d.start >= cand.sent.end_char or d.date is None:
            continue
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        if span is not None and not d.anaphoric and verb_of(span.root).lemma_.lower() in reporting:
            best = d
    return best


def _also(g, before: list) -> object | None:
    """ "X also held talks with Z", undated: on the same occasion as the last dated meeting of X, or as
    the address X gave ("addressed the council ... also met Z on the sidelines of the session")."""
    doc = g.cands[0].trigger.doc
    if not any(doc[i].lower_ in lexicon().dates.same_occasion for c in g.cands for i in c.region):
        return None
    if any(sequenced(c.gv) is not None for c in g.cands):
        return None  # "a month after the two met on the sidelines of ...": another occasion
    return next((o for o in reversed(before) if o.channel in {"meeting", "multilateral_meeting", "speech"}
                 and o.date is not None and set(o.pids) & set(g.pids)), None)


def _later_day(g, before: list) -> DateExpr | None:
    """ "The Emir received X on Sunday. ... Later, X held talks with Y": undated, a contact told in a
    sentence opened by "later" is of the day of the contact of its people told just before (the
    place is not carried over: the text does not say it)."""
    opener = next((t for t in g.cands[0].sent if not t.is_space), None)
    if opener is None or opener.lower_ not in lexicon().dates.later_openers and not _before_contact(opener):
        return None
    prev = next((o for o in reversed(before) if o.channel in CONTACTS | {"speech"} and set(o.pids) & set(g.pids)
                 and o.cands[0].sent.start < g.cands[0].sent.start), None)
    return prev.date if prev is not None and prev.date is not None and prev.date.precision == "day" else None


def _before_contact(opener: Token) -> bool:
    """ "Prior to the talks, ...", "Ahead of the meeting, ...": an opener placing the contact before the
    one just told (a contact noun with "the"), on its day."""
    if opener.lower_ not in lexicon().dates.before_openers:
        return False
    return any(t.lemma_.lower() in CONTACT_NOUNS and any(d.lower_ == "the" for d in t.children)
               for t in opener.subtree if t.dep_ == "pobj")


def _afterwards(tok: Token) -> bool:
    """ "afterwards", "after the meeting", "following the talks": right after the contact just reported."""
    if tok.lower_ in AFTERWARDS:
        return True
    if tok.lower_ not in {"after", "following"}:
        return False
    for k in tok.children:
        if k.dep_ == "pcomp" and k.lemma_.lower() in CONTACT_VERBS:
            return True  # "after meeting with X"
        if k.dep_ == "pobj" and k.lemma_.lower() in CONTACT_NOUNS and any(
                d.lower_ == "the" or d.dep_ == "prep" and d.lower_ == "with" for d in k.children):
            return True  # "after the meeting", "following talks with X"
    return False


def _spoken_date(doc: Doc, g, before: list, groups: list, dates: list[DateExpr], anchor: dt.date | None):
    date = reported_date(doc, g.cands[0], dates)
    if date is None and any(_afterwards(doc[i]) for c in g.cands for i in c.region):
        # "X told a news conference afterwards": the day of the contact just reported (last told before it)
        here = g.cands[0].sent.start
        told = [(max(starts), o) for o in before if o.date is not None and set(o.pids) & set(g.pids)
                and (starts := [c.sent.start for c in o.cands if c.sent.start <= here])]
        date = max(told, key=lambda x: x[0])[1].date if told else None
    if date is None and anchor is not None:
        date = _about_contact(g, groups, anchor)
    return date


POST_REACH = 3  # lines from a statement to the post it introduces


def _post_closing(g, dates: list[DateExpr]) -> DateExpr | None:
    """ "X wrote on Twitter:" and the post quoted below it: the date that closes the post."""
    text = text_of(g.cands[0].trigger.doc)
    end = max(c.sent.end_char for c in g.cands)
    return next((d for d in dates if d.post and d.start >= end and text.count("\n", end, d.start) <= POST_REACH * 2),
                None)


def _line(tok: Token) -> int:
    return text_of(tok.doc).rfind("\n", 0, tok.idx) + 1


def _about_contact(g, groups: list, anchor: dt.date) -> DateExpr | None:
    """ "The spokesman told a briefing that the leaders talked": a briefing or post about a contact
    that its paragraph reports falls between that contact and the report. A contact of the report's
    own day gives that day; one earlier in the same month, the month."""
    lines = {_line(c.trigger) for c in g.cands}
    for o in groups:
        d = o.date
        if o is g or o.channel in SPOKEN or d is None or d.date is None or d.precision != "day" or d.date > anchor:
            continue
        if not any(_line(c.trigger) in lines for c in o.cands):
            continue
        if d.date == anchor:
            return d
        if (d.date.year, d.date.month) == (anchor.year, anchor.month):
            return DateExpr(d.start, d.end, d.text, d.date.replace(day=1), "month", "relative")
    return None


def settle(doc: Doc, groups: list, dates: list[DateExpr], anchor: dt.date | None = None,
           report: DateExpr | None = None, lead: int | None = None) -> None:
    """Dates for the events their own clauses left undated (see the module docstring)."""
    named = {c.sent.start for g in groups for c in g.cands}
    for k, g in enumerate(groups):
        if g.date is None and g.channel == "meeting":
            g.follows = _also(g, groups[:k])
            g.date = g.follows.date if g.follows is not None else None
        if g.date is None and g.channel in SPOKEN:
            g.date = _post_closing(g, dates) or _spoken_date(doc, g, groups[:k], groups, dates, anchor)
        if g.date is None and g.channel in SPOKEN | {"speech"} and (lead is None or _in_entry(doc, g)):
            g.date = _report_day(doc, g, dates, report, lead)  # a datelined report's day
        if g.date is None and g.channel in CONTACTS:
            g.date = _later_day(g, groups[:k])
        if g.date is None and g.channel in CONTACTS:
            g.date = (_nameless_date(doc, g, dates, named) or _headline_day(doc, g, anchor, lead)
                      or _report_day(doc, g, dates, report, lead))
        if g.date is None and g.channel == "correspondence":  # "X sent a cable to Y": sent as reported
            g.date = _report_day(doc, g, dates, report, lead)


def _matches(doc: Doc) -> list[tuple[str, Span]]:
    cached = doc.user_data.get("nlp_channel_spans")
    if cached is None:
        cached = doc.user_data["nlp_channel_spans"] = [(span.label_, span) for span in channel_spans(doc)]
    return cached


def _compatible(a: str, b: str) -> bool:
    return a == b or "generic" in (a, b) or (a in IN_PERSON and b in IN_PERSON)


def _nameless_date(doc: Doc, g, dates: list[DateExpr], named: set[int]) -> DateExpr | None:
    """The day of the same contact told in a sentence that names nobody: the sentence just before
    the event's first report, or a definite mention ("the conversation", "the summit") in the
    three sentences after its last one."""
    sents = sentences(doc)
    starts = [s.start for s in sents]
    first = starts.index(min(c.sent.start for c in g.cands))
    last = starts.index(max(c.sent.start for c in g.cands))
    around = [(s, False) for s in sents[max(0, first - 1):first]] + [(s, True) for s in sents[last + 1:last + 4]]
    for sent, after in around:
        if sent.start in named:
            continue
        for channel, span in _matches(doc):
            root = span.root
            if not (sent.start <= root.i < sent.end) or not _compatible(channel, g.channel):
                continue
            if after and not any(c.lower_ in DEFINITE for c in root.children):
                continue
            date = _attached(doc, root, _in(dates, sent))
            if date is not None:
                return date
        if not after and (date := _their_states_lead(doc, g, sent, _in(dates, sent))) is not None:
            return date
    return None


def _their_states_lead(doc: Doc, g, sent: Span, dates: list[DateExpr]) -> DateExpr | None:
    """ "The foreign ministers of A and B agreed on Monday to ... / NAME of A and NAME of B met in X":
    the sentence just before names the same pair only by their offices and states, with its day."""
    people = doc._.people if doc.has_extension("people") else None
    if people is None or len(g.pids) != 2:
        return None
    codes = {people.persons[p].country for p in g.pids}
    nouns = lexicon().titles.person_nouns
    for tok in sent:
        if tok.dep_ not in {"nsubj", "nsubjpass"} or tok.tag_ not in {"NNS", "NNPS"} or tok.lower_ not in nouns:
            continue
        named = {country_of(t.text) for t in tok.subtree if t.ent_type_ in {"GPE", "NORP"}} - {None}
        if None not in codes and len(codes) == 2 and codes <= named:
            return _attached(doc, tok, dates)
    return None


def _headline_day(doc: Doc, g, anchor: dt.date | None, lead: int | None) -> DateExpr | None:
    """ "Estonian, Japanese leaders hold call on Monday" over a lead that tells the call with no day:
    the headline's one day is the lead contact's, when the headline names a contact of its kind
    (counted from the publication date, as a body weekday is)."""
    if anchor is None or lead is None or not any(c.sent.start == lead for c in g.cands):
        return None
    text = text_of(doc)
    line = headline(text)
    start = text.find(line) if line else -1
    if start < 0 or start >= g.cands[0].sent.start_char:
        return None
    end = start + len(line)
    if not any(start <= span.start_char < end and _compatible(channel, g.channel)
               and not hypothetical(verb_of(span.root)) for channel, span in _matches(doc)):
        return None
    days = [d for d in find_dates(line, anchor) if d.date is not None and d.precision == "day" and not d.anaphoric]
    if len(days) != 1 or days[0].date > anchor:
        return None
    return dataclasses.replace(days[0], start=start + days[0].start, end=start + days[0].end)


def _attached(doc: Doc, mention: Token, dates: list[DateExpr]) -> DateExpr | None:
    """A day-precise date of the clause of `mention`."""
    verb = verb_of(mention)
    for d in dates:
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        if span is not None and d.date is not None and d.precision == "day" and not d.anaphoric \
                and verb_of(span.root).i == verb.i:
            return d
    return None


def _quoted(tok: Token) -> bool:
    text = text_of(tok.doc)
    para = text[text.rfind("\n", 0, tok.idx) + 1:tok.idx]
    return para.count('"') % 2 == 1 or para.count("“") > para.count("”")


def _unquoted(doc: Doc, dates: list[DateExpr]) -> list[DateExpr]:
    return [d for d in dates if not ((span := doc.char_span(d.start, d.end, alignment_mode="expand")) is not None
                                     and _quoted(span.root))]


def _report_day(doc: Doc, g, dates: list[DateExpr], report: DateExpr | None, lead: int | None) -> DateExpr | None:
    """A contact told in the simple past with no date in its sentence, in a datelined report or in
    the lead sentence of a dated one; not "has met", not "recently met"."""
    if report is None:
        return None
    vague = lexicon().dates.vague_past
    for c in g.cands:
        verb = c.gv if c.gv.pos_ in {"VERB", "AUX"} else verb_of(c.trigger)
        if _under_way(c, verb) and not _quoted(c.trigger) and not _in(dates, sent_of(c.trigger)):
            return report  # "is holding talks", "the summit has begun": under way as the report is written
        if lead is not None and c.sent.start != lead and c.sent.start not in _entries(doc):
            continue
        perfect = any(a.dep_ == "aux" and a.lemma_.lower() == "have" for a in verb.children)
        loose = any(a.lower_ in vague for a in verb.children)
        if verb.tag_ == "VBD" and not perfect and not loose and not _quoted(c.trigger) \
                and not _unquoted(doc, [d for d in _in(dates, sent_of(c.trigger)) if not _plan_day(doc, d, c)]):
            return report
    return None


def _entries(doc: Doc) -> frozenset[int]:
    """The first sentences of a live page's time-stamped entries: each is a lead of the day."""
    return getattr(doc._.publication, "entries", frozenset()) if doc.has_extension("publication") else frozenset()


def _in_entry(doc: Doc, g) -> bool:
    return any(c.sent.start in _entries(doc) for c in g.cands)


def _under_way(c, verb) -> bool:
    """ "X is holding talks with Y", "the summit has begun": a contact going on at publication."""
    present = {"is", "are", "am", "'s", "'re"}
    if verb.tag_ == "VBG" and any(a.dep_ == "aux" and a.lower_ in present for a in verb.children):
        return True
    started = verb.lemma_.lower() in lexicon().dates.start_verbs and any(
        a.dep_ == "aux" and a.lower_ in {"has", "have"} for a in verb.children)
    return started and any(k.dep_ in {"nsubj", "nsubjpass"} and k.i == c.trigger.i for k in verb.children)
