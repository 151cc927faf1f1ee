"""Event candidates: a channel expression, the clause around it and the people in that clause."""
from collections.abc import Callable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from schemas.channels import SPEAKER_ONLY

from .anaphora import last_pair, pair_of, quote_speaker, reporter
from .countries import code_at, ent_at
from .lexicon import Channels, lexicon
from .modality import fragment_verb, hypothetical
from .people import People
from .pipeline import channel_spans, sent_of, sentences
from .places import city_country, country_of

PRUNE = {"ccomp", "relcl", "parataxis", "advcl", "csubj"}
SUBJECTS = {"nsubj", "nsubjpass"}
MEETINGS = {"meeting", "multilateral_meeting", "generic", "video_call"}


@dataclass
class Candidate:
    channel: str
    pids: list[int]
    trigger: Token
    gv: Token  # the verb of the clause the trigger belongs to
    sent: Span
    region: set[int] = field(default_factory=set)
    counterpart: bool = False
    implied: bool = False  # a spokesperson's "said": a briefing unless a clause says otherwise
    subj: list[int] = field(default_factory=list)  # who acts (the rest are counterparts)
    destination: str | None = None  # the country a visit of a tour went to (one event per country)


def clause(tok: Token) -> list[Token]:
    """The subtree of `tok` without the clauses embedded in it (reported speech, relative clauses)."""
    out, stack = [], [tok]
    while stack:
        t = stack.pop()
        out.append(t)
        for c in t.children:
            if c.dep_ in PRUNE or (c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"} and t.pos_ in {"VERB", "AUX"}):
                continue
            stack.append(c)
    return sorted(out, key=lambda t: t.i)


def pids_in(tokens, people: People) -> list[int]:
    out: list[int] = []
    for t in tokens:
        pid = people.pid_at(t.i)
        if pid is not None and pid not in out:
            out.append(pid)
    return out


def subject_pids(v: Token, people: People, depth: int = 0, pronouns: bool = True) -> list[int]:
    subj = [c for c in v.children if c.dep_ in SUBJECTS]
    if not subj:  # "Visiting Minister X called on Y", read as "[visiting X] called": X is the subject
        subj = [k for c in v.children if c.dep_ == "csubj" and c.lower_ in lexicon().grammar.visiting_words
                for k in c.children if k.dep_ == "dobj"]
    if not subj and fragment_verb(v):  # "The Foreign Secretary of X, NAME, called on Y"
        return pids_in([t for t in clause(v.head) if not v.left_edge.i <= t.i <= v.right_edge.i], people)
    if not subj and depth < 3 and v.dep_ == "pcomp" and v.head.dep_ == "prep" \
            and v.head.head.pos_ in {"VERB", "AUX"}:
        return subject_pids(v.head.head, people, depth + 1, pronouns)  # "After meeting Y, X said": X met Y
    if not subj and depth < 3 and v.dep_ in {"advcl", "xcomp", "conj", "pcomp", "acl"} and v.head.i != v.i:
        return subject_pids(v.head, people, depth + 1, pronouns)
    out: list[int] = []
    for s in subj:
        if s.lower_ in {"who", "that"} and v.dep_ == "relcl":
            s = v.head  # "X, who met Y on Monday, ...": the subject is X
        found = pids_in(_acting(s), people)
        if not found and pronouns and s.lower_ in {"he", "she"} and v.dep_ == "relcl" and depth < 3:
            found = _host_subject(v, people, depth)  # "X paid a visit to Y, during which he met Z": X
        if not found and pronouns and s.lower_ in {"he", "she"}:
            found = _antecedent(s, people)
        if not found and s.lower_ == "i":
            found = quote_speaker(s, people)  # "“I met X today,” Y said"
        if not found:
            found = pair_of(s, people)  # "the two leaders met"
        for pid in found:
            if pid not in out:
                out.append(pid)
    return out


def _host_subject(rel: Token, people: People, depth: int) -> list[int]:
    """The subject of the verb whose phrase a relative clause hangs from ("paid a visit, during which ...")."""
    h = rel.head
    while h.pos_ not in {"VERB", "AUX"} and h.head.i != h.i:
        h = h.head
    return subject_pids(h, people, depth + 1, pronouns=False) if h.pos_ in {"VERB", "AUX"} else []


def _acting(subj: Token) -> list[Token]:
    """The words of a subject that may name who acts: "X's ministry said" is the ministry's act, not X's."""
    words = clause(subj)
    if subj.pos_ == "NOUN" and subj.lower_ in lexicon().titles.institution_words:
        owned = {t.i for k in subj.children if k.dep_ == "poss" for t in k.subtree}
        words = [t for t in words if t.i not in owned]
    return words


def _antecedent(pron: Token, people: People) -> list[int]:
    """ "He also met X": the person who was the subject of the sentence before (or of this one)."""
    floor, worded = sent_of(pron).start, 0
    for _ in range(4):  # two sentences back at most, past fragments with no words (a lone quote mark)
        if floor == 0 or worded == 2:
            break
        floor = sent_of(pron.doc[floor - 1]).start
        if not any(t.is_alpha for t in pron.doc[floor:sent_of(pron.doc[floor]).end]):
            continue
        worded += 1
        found = _subject_between(pron, people, floor)
        if found:
            return found
        same = [t for t in pron.doc[floor:sent_of(pron.doc[floor]).end]
                if t.lower_ == pron.lower_ and t.dep_ in SUBJECTS]
        if same:  # "..., she said in an interview. She said she had spoken ...": the same person again
            return _antecedent(same[-1], people)
    return _subject_between(pron, people, sent_of(pron).start)


def _subject_between(pron: Token, people: People, floor: int) -> list[int]:
    """The last person before `pron` (from token `floor`) named as a subject or its apposition."""
    for m in reversed(people.mentions):
        if floor <= m.start < pron.i:
            root = pron.doc[m.start:m.end].root
            if root.dep_ in SUBJECTS or root.dep_ == "appos" and (root.head.dep_ in SUBJECTS or _lost_subject(root)):
                return [m.pid]
    return []


def _lost_subject(name: Token) -> bool:
    """ "Sitting in her office, NAME, 52, talked about ...": the parser hangs the name on the noun before
    it as an apposition and leaves the sentence's verb, after the name, with no subject but the opening
    participle ("Sitting" as the subject): the name is the subject."""
    verb = sent_of(name).root
    subjects = [k for k in verb.children if k.dep_ in SUBJECTS]
    return (verb.pos_ in {"VERB", "AUX"} and verb.i > name.i and name.head.i < name.i
            and name.head.pos_ in {"NOUN", "PROPN"}
            and all(k.tag_ == "VBG" and k.left_edge.i <= name.i <= k.right_edge.i for k in subjects))


def object_pids(v: Token, people: People) -> list[int]:
    out: list[int] = []
    # "spoke with A on Monday and with B on Tuesday": the second "with" is a conjunct of another phrase
    gapped = [k for c in v.children if c.dep_ == "prep" for k in c.conjuncts if k.pos_ == "ADP"]
    for c in [*v.children, *gapped]:
        linking = c.dep_ in {"prep", "conj"} and c.lower_ in {"with", "to", "between", "and"}
        if c.dep_ in {"dobj", "dative", "agent"} or linking:
            for pid in pids_in(clause(c), people) + (list_pids(c, people) if c.dep_ == "prep" else []):
                if pid not in out:
                    out.append(pid)
    return out


def list_pids(prep: Token, people: People) -> list[int]:
    """People listed after "with"/"between" up to the next verb or ", and" (the parse of long
    lists of titled names is often broken: "talks with the King of X, Prime Minister Y of Z and ...")."""
    out: list[int] = []
    sent = sent_of(prep)
    seen_noun = False
    for t in prep.doc[prep.i + 1:sent.end]:
        pid = people.pid_at(t.i)
        if pid is None and (t.pos_ == "VERB" and t.dep_ not in {"amod", "compound"} or t.text in {";", ":"}
                            or t.lower_ in {"and", "but"} and t.i > 0 and t.doc[t.i - 1].text == ","
                            and not _list_goes_on(t, people)):
            break
        if pid is None and seen_noun and t.pos_ == "ADP" and t.lower_ != "of":
            break
        seen_noun = seen_noun or t.pos_ in {"NOUN", "PROPN"}
        if pid is not None and pid not in out:
            out.append(pid)
    return out


def _list_goes_on(conj: Token, people: People) -> bool:
    """ ", and the President of X, NAME": after ", and" another person is named before any verb."""
    for t in conj.doc[conj.i + 1:sent_of(conj).end]:
        if people.pid_at(t.i) is not None:
            return conj.lower_ == "and"
        if t.pos_ in {"VERB", "AUX"} and t.dep_ not in {"amod", "compound"}:
            return False
    return False


def _counterpart(tokens, people: People) -> bool:
    """Someone the clause does not name takes part: "met his counterpart", "met the delegation"; not a
    company's or a team's ("met the chief executive of a carmaker": no diplomatic counterpart)."""
    nouns = lexicon().titles.person_nouns
    return any(t.lower_ in nouns and people.pid_at(t.i) is None and not _non_state_noun(t)
               and not (t.dep_ in {"compound", "amod"} and people.pid_at(t.head.i) is not None) for t in tokens)


def _non_state_noun(tok: Token) -> bool:
    """ "chief" in "chief executive", "head" in "head coach": the word begins a company, sports or
    media role."""
    non_state = lexicon().participation.non_state_titles
    nxt = tok.nbor(1).lower_ if tok.i + 1 < len(tok.doc) else ""
    return tok.lower_ in non_state or f"{tok.lower_} {nxt}" in non_state


def best_matches(doc: Doc) -> dict[int, tuple[str, Span]]:
    """The strongest channel expression per head token; matched once per doc."""
    cached = doc.user_data.get("nlp_channels")
    if cached is None:
        cached = doc.user_data["nlp_channels"] = _match_channels(doc)
    return cached


def _match_channels(doc: Doc) -> dict[int, tuple[str, Span]]:
    rank = lexicon().channels.rank
    best: dict[int, tuple[str, Span]] = {}
    for span in channel_spans(doc):
        channel = span.label_
        root = span.root
        old = best.get(root.i)
        # the longest expression wins, then the one that starts earlier ("courtesy call from")
        if old is None or (len(span), -span.start, -rank[channel]) > (len(old[1]), -old[1].start, -rank[old[0]]):
            best[root.i] = (channel, span)
    return best


def find_candidates(doc: Doc, people: People, skip: Callable[[int], bool]) -> list[Candidate]:
    c = lexicon().channels
    out: list[Candidate] = []
    media: dict[int, list[tuple[str, Token]]] = {}  # sentence start -> the call media named there
    for channel, span in best_matches(doc).values():
        trig = span.root
        if skip(trig.idx):
            continue
        if channel in {"phone_call", "video_call"} and not hypothetical(trig):
            media.setdefault(sent_of(trig).start, []).append((channel, trig))
        cand = _candidate(channel, trig, people, c) or _named_next(channel, trig, people)
        if cand is not None:
            out.append(cand)
    press = {c.trigger.i for c in out if c.channel == "press_conference"}
    out = [c for c in out if not (c.channel == "speech" and any(
        p.dep_ == "prep" and any(o.i in press for o in p.children) for p in c.trigger.children))]
    for cand in out:  # "congratulated X in a phone call": the call is how it was said
        if cand.channel == "correspondence" and _exchanged(cand.trigger, c):
            cand.channel = "generic"  # "the two exchanged greetings": what they said in their talk
        if cand.channel in {"generic", "correspondence"}:
            cand.channel = next((m for m, tok in media.get(cand.sent.start, ())
                                 if _by_way_of(tok) and (tok.i in cand.region or verb_of(tok).i == cand.gv.i)),
                                cand.channel)
    out = _said_in_writing(out)
    # "X said in a statement. ... Y and Z discussed trade, X said.": what the statement's author says
    # again is the statement, not a briefing
    wrote = {p for cand in out if cand.channel == "statement" for p in cand.subj}
    for tok in doc:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in c.speech_verbs or skip(tok.idx):
            continue
        for pid in subject_pids(tok, people, pronouns=False):
            if people.persons[pid].spokesperson and not hypothetical(tok) and pid not in wrote:
                out.append(Candidate("press_conference", [pid], tok, tok, sent_of(tok), set(t.i for t in clause(tok)),
                                     implied=True, subj=[pid]))
    return _dedupe(_occasions_dropped([c for c in (_principals(c, people) for c in out) if c is not None]))


def _occasions_dropped(cands: list[Candidate]) -> list[Candidate]:
    """ "X met Y during the conference": the meeting is the event, the conference only its occasion."""
    met = {(c.sent.start, c.trigger.i, frozenset(c.pids)) for c in cands if c.channel == "meeting"}
    return [c for c in cands if not (c.channel == "multilateral_meeting" and c.trigger.i != c.gv.i
                                     and (c.sent.start, c.gv.i, frozenset(c.pids)) in met)]


def _non_state(person, people: People, doc: Doc) -> bool:
    """Someone the article gives only a company, sports or media role ("CEO X", "X, the club's
    coach"): no diplomatic actor. A state title anywhere wins."""
    non_state = lexicon().participation.non_state_titles
    if _of_non_state_body(person, people, doc):
        return True
    if any(not any(w in non_state for w in t.lower().split()) for t in person.titles if t):
        return False
    if person.titles:
        return True
    before = (doc[max(m.start - 3, 0):m.start] for m in people.mentions if m.pid == person.pid)
    return any(t.lower_ in non_state for words in before for t in words)


def _of_non_state_body(person, people: People, doc: Doc) -> bool:
    """ "The president of the national football federation, NAME," "NAME, chairman of the club,": the
    office the name is in apposition with is one of a sports or company body."""
    bodies = lexicon().participation.non_state_bodies
    for m in people.mentions:
        if m.pid != person.pid:
            continue
        root = doc[m.start:m.end].root
        offices = [root.head] if root.dep_ == "appos" else []
        offices += [k for k in root.children if k.dep_ == "appos"]
        if any(t.lower_ in bodies for o in offices for k in o.children if k.dep_ == "prep" and k.lower_ in {"of", "for"}
               for t in k.subtree):
            return True
    return False


ATTENDANCE_REACH = 6  # words from a name up to the phrase that says it only attends


def _attends(tok: Token) -> bool:
    """ "accompanied by X", "in the presence of X": X is there, not a party to the contact."""
    attendance = lexicon().participation.attendance_heads
    t, path = tok, set()
    for _ in range(ATTENDANCE_REACH):
        if t.lower_ in attendance and t.head.lemma_.lower() in attendance[t.lower_]:
            return True
        path.add(t.lower_)
        if t.head.i == t.i or t.head.pos_ in {"VERB", "AUX"}:
            break
        t = t.head
    # "was attended by the Ambassador of X to Y, NAME": the name the parse hung elsewhere in the
    # clause of the first verb above it, after that verb's "by" (not "joined by X for talks with Y")
    verb = t.head
    return not path & {"with", "between"} and any(
        k.lower_ in attendance and verb.lemma_.lower() in attendance[k.lower_] and k.i < tok.i for k in verb.children)


def _principals(cand: Candidate, people: People) -> Candidate | None:
    """The candidate without attendees and non-state people; None when nobody is left."""
    doc = cand.trigger.doc
    keep = []
    # "X accompanied Y on the visit": X only attends Y's contact
    escorts = cand.subj if cand.gv.lemma_.lower() in lexicon().participation.accompanying_verbs else []
    for pid in cand.pids:
        if _non_state(people.persons[pid], people, doc) or pid in escorts:
            continue
        at = [m.start for m in people.mentions if m.pid == pid and cand.sent.start <= m.start < cand.sent.end]
        if at and pid not in cand.subj and all(_attends(doc[i]) for i in at):
            continue
        keep.append(pid)
    if not keep:
        return None
    cand.pids, cand.subj = keep, [p for p in cand.subj if p in keep]
    return cand


@dataclass
class Reading:
    """How the clause around a trigger reads: who acts, who else takes part, the governing verb."""
    channel: str
    gv: Token
    subj: list[int]
    objs: list[int]
    region: list[Token]


def _read_verb(channel: str, trig: Token, people: People) -> Reading | None:
    """ "X met Y", "X received Y"."""
    guests = [k for k in trig.children if k.dep_ in {"dobj", "nsubjpass"}]
    late = [] if guests or trig.lemma_.lower() not in lexicon().channels.host_verbs else _late_guests(trig, people)
    guests = guests or late
    if trig.lemma_.lower() in {"receive", "welcome"} and not any(
            people.pid_at(k.i) is not None or k.lower_ in lexicon().titles.person_nouns | {"he", "she"}
            or _credentials(k) for k in guests):
        return None  # "received a letter": the letter is the event
    objs = [] if channel in SPEAKER_ONLY else object_pids(trig, people)
    objs += [p for k in late for p in pids_in(clause(k), people) if p not in objs]
    if channel not in SPEAKER_ONLY and guests and _credentials(guests[0]):  # "received the credentials of the
        # Ambassador of X to Y, NAME,": the parser hangs NAME on the verb
        objs += [p for k in trig.children if k.dep_ == "npadvmod" and k.i > guests[0].i
                 for p in pids_in(clause(k), people) if p not in objs]
    if trig.lemma_.lower() == "call":  # "called on X" is a courtesy call; "called on X to act" is none
        if any(k.dep_ in {"xcomp", "ccomp"} for k in trig.children):
            return None
        calling = [k for k in trig.children if k.dep_ == "prep" and k.lower_ in lexicon().channels.calling_preps]
        objs = [p for k in calling for p in pids_in(clause(k), people)]
    if not objs and channel not in SPEAKER_ONLY and any(k.lower_ in lexicon().titles.person_nouns for k in guests):
        objs = listed_after(trig, people)  # "received several guests, among them X, Y and Z"
    return Reading(channel, trig, subject_pids(trig, people), objs, clause(trig))


def _late_guests(verb: Token, people: People) -> list[Token]:
    """ "received in X on Saturday the Prime Minister of Y, NAME": a guest named after the place and
    day, which the parser hangs on the verb as a modifier or on the day's preposition as its object."""
    out = []
    for k in verb.children:
        if k.i < verb.i:
            continue
        if k.dep_ == "npadvmod" and pids_in(clause(k), people):
            out.append(k)
        if k.dep_ == "prep" and k.lower_ in {"on", "in", "at"}:
            out += [o for o in k.children if o.dep_ == "pobj" and people.pid_at(o.i) is not None]
    return out


def _credentials(obj: Token) -> bool:
    """ "received the (copies of the) credentials of the new Ambassador": handed over in person."""
    nouns = lexicon().channels.credential_nouns
    return obj.lower_ in nouns or any(t.lower_ in nouns for t in obj.subtree if t.i - obj.i < 5)


def _before_a_plan(v: Token) -> bool:
    """ "will sign the pact after meeting Y": a contact told inside a plan is planned too, unless the
    contact has its own date ("After meeting in X last month, the two will meet again")."""
    if v.dep_ != "pcomp" or v.head.dep_ != "prep" or v.head.head.pos_ not in {"VERB", "AUX"}:
        return False
    return hypothetical(v.head.head) and not any(t.ent_type_ == "DATE" for t in v.subtree)


def _occasion_of_a_plan(trig: Token, gv: Token) -> bool:
    """ "During the visit, X is scheduled to call on Y": a contact noun that is only the occasion (the
    object of a preposition) of a clause whose verb is a plan ("is scheduled to", "is expected to") is
    planned too."""
    if trig.pos_ not in {"NOUN", "PROPN"} or trig.dep_ != "pobj" or trig.head.head.i != gv.i:
        return False
    return any(k.dep_ == "xcomp" and k.pos_ in {"VERB", "AUX"} and hypothetical(k) for k in gv.children)


def listed_after(trig: Token, people: People) -> list[int]:
    """The people of a list that a marker ("including", "among them", "such as") opens after `trig`
    in its sentence, up to the next verb or the first preposition after a name ("at the palace")."""
    sent = sent_of(trig)
    markers = lexicon().channels.list_markers
    words = [t.lower_ for t in sent]
    start = next((i for i in range(trig.i - sent.start + 1, len(words))
                  if words[i] in markers or " ".join(words[i:i + 2]) in markers), None)
    out: list[int] = []
    if start is None:
        return out
    for t in sent[start + 1:]:
        pid = people.pid_at(t.i)
        if pid is None and (t.pos_ == "VERB" or t.text in {";", ":"}
                            or out and t.pos_ == "ADP" and t.lower_ != "of"):
            break
        if pid is not None and pid not in out:
            out.append(pid)
    return out


def _read_adposition(channel: str, trig: Token, people: People) -> Reading:
    """ "X spoke to Y by phone": the verb the medium hangs from."""
    gv = trig.head
    for _ in range(4):  # "said at the start of a speech": the verb the phrase hangs from
        if gv.pos_ in {"VERB", "AUX"} or gv.head.i == gv.i:
            break
        gv = gv.head
    objs = [] if channel in SPEAKER_ONLY else object_pids(gv, people)
    for medium in (k for k in trig.children if k.dep_ == "pobj"):  # "spoke by telephone with X"
        objs += [p for p in object_pids(medium, people) if p not in objs]
    return Reading(channel, gv, subject_pids(gv, people), objs, clause(gv))


def _noun_people(trig: Token, people: People, speaker_only: bool = False) -> list[int]:
    """The people a noun trigger names itself: "his talks with X", "the meeting between X and Y".
    A briefing or speech names only its speaker: "X's briefing", "X, briefing reporters on Y's plane"."""
    own = _possessor(trig, people)
    if speaker_only:
        named = [t for t in trig.children if t.dep_ in {"poss", "compound", "nmod"}]
        # "a briefing by X"
        named += [t for k in trig.children if k.dep_ == "prep" and k.lower_ == "by" for t in k.subtree]
        if trig.dep_ == "appos":
            named.append(trig.head)
        own += [p for p in pids_in(named, people) if p not in own]
    else:
        own += [p for p in pids_in(clause(trig), people) if p not in own]
        for owner in (k for k in trig.children if k.dep_ == "poss" and not own):
            own += pair_of(owner, people)  # "the presidents' phone call"
        if not own:
            own += state_pair(trig, people)  # "the Ruritanian-Utopian talks"
    for prep in (k for k in trig.children if k.dep_ == "prep" and k.lower_ in {"with", "between"}):
        own += [p for p in list_pids(prep, people) if p not in own]
    return own


def state_pair(trig: Token, people: People) -> list[int]:
    """ "the A-B talks", "the A and B summit": the one person of each of the two or more states that
    modify the trigger, when the article names exactly one of each (besides those who report)."""
    doc = trig.doc
    states: list[str] = []
    for ent in doc[trig.left_edge.i:trig.i].ents:  # "the New Zealand-Fiji talks": whole names
        iso = country_of(ent.text) if ent.label_ in {"GPE", "NORP"} else None
        if iso and iso not in states:
            states.append(iso)
    if len(states) < 2:
        return []
    out = []
    reporters = {m.pid for m in people.mentions if reporter(doc[m.start])}
    for iso in states:
        of_state = [p.pid for p in people.persons if p.country == iso and not p.spokesperson]
        if len(of_state) > 1:  # "X said", "according to X": who reports the talks is not in them
            of_state = [p for p in of_state if p not in reporters]
        if len(of_state) != 1:
            return []
        out += of_state
    return out


def _read_noun(channel: str, trig: Token, people: People, c: Channels) -> Reading | None:
    """ "held talks with Y", "in a phone call", "told a news conference", "the meeting of X and Y"."""
    node = trig
    while node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.head.lemma_.lower() in c.quantity_nouns:
        node = node.head.head  # "a round of talks"
    while channel in SPEAKER_ONLY and node.dep_ == "pobj" and node.head.lower_ == "of" \
            and node.head.head.lower_ in c.part_nouns:
        node = node.head.head  # "said at the start of a speech"
    own = _noun_people(trig, people, channel in SPEAKER_ONLY)
    head = node.head
    if trig.lemma_.lower() in c.interview_nouns:
        guests = [p for k in trig.children if k.dep_ == "prep" and k.lower_ == "with" for p in list_pids(k, people)]
        askers = own + subject_pids(verb_of(trig), people)
        if guests and any(people.persons[p].country or people.persons[p].titles for p in askers):
            return None  # "X's interviews with Y", both officials: talks, told by other triggers
        if guests:  # "an interview with X": X speaks, whoever asks
            return Reading(channel, verb_of(trig), guests, [], clause(trig))
    if node.dep_ == "pobj" and head.lower_ == "to" and head.head.lower_ in c.attribution_preps:
        return None  # "according to a statement": a source, not an event
    if node.dep_ == "attr" and any(k.dep_ in SUBJECTS and k.lemma_.lower() in c.summit_nouns for k in head.children):
        return None  # "the summit was their first meeting": the summit itself, told again
    if hypothetical(trig) or (node.i != trig.i and hypothetical(node)):
        return None
    if node.dep_ in {"dobj", "nsubjpass"} and head.lemma_.lower() in c.light_verbs:
        # "held talks with Y"; "talks were held between X and Y" (by X: the agent)
        objs = own + [p for p in object_pids(head, people) if p not in own]
        if head.lemma_.lower() in c.receiving_verbs:  # "received a phone call from X": X called
            senders = [k for k in head.children if k.dep_ == "prep" and k.lower_ in c.sender_preps]
            objs += [p for k in senders for p in pids_in(clause(k), people) if p not in objs]
        return Reading(channel, head, subject_pids(head, people), objs, clause(head))
    framing = head.lower_ in c.framing_preps or head.lower_ == "for" and trig.lemma_.lower() in c.visit_words
    if node.dep_ == "pobj" and framing and head.head.pos_ in {"VERB", "AUX"}:  # "arrived for a visit"
        return _read_framed(channel, trig, head, own, people, c)
    if node.dep_ in SUBJECTS | {"dobj", "attr"} or head.pos_ in {"VERB", "AUX"}:
        # "X told a news conference (with Y)": X speaks there
        speaks = node.dep_ == "dobj" and head.lemma_.lower() in c.speech_verbs
        return Reading(channel, head, subject_pids(head, people) if speaks else [], own, clause(trig))
    gv = head
    while gv.pos_ not in {"VERB", "AUX"} and gv.head.i != gv.i:
        gv = gv.head
    return Reading(channel, gv, [], own, clause(trig))


def _read_framed(channel: str, trig: Token, prep: Token, own: list[int], people: People, c: Channels) -> Reading:
    """ "X said in a statement", "X spoke at the summit", "in a call with Y"."""
    gv = prep.head
    if channel == "multilateral_meeting" and prep.lower_ == "at" and gv.lemma_.lower() in c.speech_verbs:
        channel = "speech"  # "X said at the summit": X spoke there
    objs = own
    if channel not in SPEAKER_ONLY or any(k.lower_ in c.joint_words for k in trig.children):
        objs = own + [p for p in object_pids(gv, people) if p not in own]
    return Reading(channel, gv, subject_pids(gv, people), objs, clause(gv))


def _read(channel: str, trig: Token, people: People, c: Channels) -> Reading | None:
    if trig.pos_ in {"VERB", "AUX"}:
        return _read_verb(channel, trig, people)
    if trig.pos_ == "ADP":
        return _read_adposition(channel, trig, people)
    return _read_noun(channel, trig, people, c)


def _candidate(channel: str, trig: Token, people: People, c: Channels) -> Candidate | None:
    if channel == "statement" and any(k.dep_ == "amod" and k.lower_ in c.self_references for k in trig.children):
        return None  # "the following readout was issued by X": the document itself
    r = _read(channel, trig, people, c)
    if r is None or (r.gv.pos_ in {"VERB", "AUX"} and hypothetical(r.gv)) or _before_a_plan(r.gv) \
            or _occasion_of_a_plan(trig, r.gv):
        return None
    joint = any(k.lower_ in c.joint_words for k in trig.children)
    if r.channel in SPEAKER_ONLY and r.subj and not joint:
        pids = r.subj
    else:
        pids = r.subj + [p for p in r.objs if p not in r.subj]
    if joint and len(pids) == 1 and pids[0] in (pair := last_pair(trig, people)):
        pids += [p for p in pair if p not in pids]  # "at a joint press conference after the talks, X said"
    if not pids or (r.channel == "correspondence" and len(pids) == 1 and not r.subj):
        return None
    region_set = {t.i for t in r.region} | {t.i for t in trig.subtree}
    region_toks = [trig.doc[i] for i in sorted(region_set)]
    # a summit or session has company even when the report names one attendee
    counterpart = (r.channel == "multilateral_meeting" or _counterpart(region_toks, people)
                   or _destination(trig, region_toks))
    return Candidate(r.channel, pids, trig, r.gv, sent_of(trig), region_set, counterpart,
                     subj=[p for p in r.subj if p in pids])


def _named_next(channel: str, trig: Token, people: People) -> Candidate | None:
    """ "The presidents of A, B and C met in X on Monday. Presidents NAME, NAME and NAME agreed ...",
    "Leaders of A, B, C and D met ... . Taking part were NAME, ...": a meeting of a plural office of a
    list of states that names no one has the people the next sentence names, as many as the states
    (three or more: a multilateral meeting); the states go to them in order."""
    gv = trig if trig.pos_ in {"VERB", "AUX"} else verb_of(trig)
    if channel not in {"meeting", "multilateral_meeting"} or hypothetical(gv):
        return None
    v = lexicon().titles
    group = next((k for k in gv.children if k.dep_ in SUBJECTS and k.tag_ in {"NNS", "NNPS"}
                  and k.lemma_.lower() in v.person_nouns | v.title_words), None)
    sents = sentences(trig.doc)
    own = sent_of(trig)
    k = next(i for i, sent in enumerate(sents) if sent.start == own.start)
    if group is None or k + 1 >= len(sents) or pids_in(own, people):
        return None
    pids = [p for t in sents[k + 1] if (p := people.pid_at(t.i)) is not None and not reporter(t)
            and not people.persons[p].spokesperson]
    pids = list(dict.fromkeys(pids))
    codes = list(dict.fromkeys(iso for t in group.subtree if (iso := code_at(trig.doc, t.i))))
    if len(codes) < 2 or len(codes) != len(pids):
        return None  # "the leaders of the Gulf countries signed ...": no list to match the names against
    for pid, iso in zip(pids, codes, strict=True):
        people.persons[pid].country = people.persons[pid].country or iso
    channel = "multilateral_meeting" if len(pids) >= 3 else channel
    return Candidate(channel, pids, trig, gv, own, {t.i for t in clause(gv)}, True, subj=pids)


def _by_way_of(tok: Token) -> bool:
    """ "in a phone call", "by phone", "via video link": a medium in a phrase, not an event of its own
    ("the call followed the talks")."""
    return tok.pos_ == "ADP" or tok.dep_ == "pobj" or tok.head.dep_ == "pobj" and tok.dep_ in {"compound", "amod"}


def verb_of(tok: Token) -> Token:
    """The verb `tok` hangs from (the root when there is none): where its clause's subject and dates are."""
    while tok.pos_ not in {"VERB", "AUX"} and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _dedupe(cands: list[Candidate]) -> list[Candidate]:
    """One candidate per sentence and set of people: the strongest channel expression wins."""
    rank = lexicon().channels.rank
    best: dict[tuple, Candidate] = {}
    for cand in cands:
        key = (cand.sent.start, frozenset(cand.pids), sequenced(cand.gv))
        old = best.get(key)
        if old is None or (cand.implied, _rank(cand, rank)) < (old.implied, _rank(old, rank)):
            best[key] = cand
    return sorted(best.values(), key=lambda c: c.trigger.i)


def sequenced(verb: Token) -> int | None:
    """ "hosted Y on Thursday, a week after the two spoke by phone": a clause of another time than the
    one it hangs from reports a contact of its own (its verb's index; None for any other clause)."""
    marks = lexicon().dates.sequence_marks
    if verb.dep_ == "advcl" and any(k.dep_ == "mark" and k.lower_ in marks for k in verb.children):
        return verb.i
    return None


def _rank(cand: Candidate, rank: dict) -> float:
    """A speech "via video" or "via video link" is a recorded address: the medium ranks after the speech."""
    if cand.channel == "video_call" and _by_way_of(cand.trigger):
        return rank["speech"] + 0.5
    return rank[cand.channel]


def destinations(trig: Token) -> list[str]:
    """The countries a visit or tour went to, in order: "a tour that took him to A, B and C"."""
    if trig.lemma_.lower() not in lexicon().channels.visit_words:
        return []
    out: list[str] = []
    for t in trig.subtree:
        iso = country_of(t.text) if t.ent_type_ == "GPE" and t.ent_iob_ == "B" else None
        first = t
        while first.dep_ == "conj" and first.head.i != first.i:  # "to A, B and C": back to A
            first = first.head
        if iso and iso not in out and (first.dep_ == "pobj" and first.head.lower_ == "to"
                                       or first.dep_ == "dobj" and first.head.i == trig.i):
            out.append(iso)
    return out


def _destination(trig: Token, region: list[Token]) -> bool:
    """ "X's trip to Ruritania", "X visited Ruritania": a visit to a country is a meeting even when
    the hosts go unnamed (CONVENTIONS)."""
    if trig.lemma_.lower() not in lexicon().channels.visit_words:
        return False
    return any(t.ent_type_ == "GPE" and (t.dep_ == "dobj" and t.head.i == trig.i or t.head.lower_ in {"to", "in"})
               and _a_state_or_city(t) for t in region)


def _a_state_or_city(tok: Token) -> bool:
    """The place `tok` heads is a country or a city, not a region ("a trip to Latin America")."""
    ent = ent_at(tok.doc, tok.i)
    start = min([ent.start if ent is not None else tok.i] + [k.i for k in tok.lefts if k.dep_ == "compound"])
    name = tok.doc[start:max(tok.i + 1, ent.end if ent is not None else 0)].text  # "Latin" + "America"
    return bool(country_of(name) or city_country(name))


def _possessor(trig: Token, people: People) -> list[int]:
    """ "his meeting with X": the person "his" refers to, the subject (or the subject's owner,
    "X's call ... followed his meeting") of this sentence before it, else of the sentence before."""
    pron = next((k for k in trig.children if k.dep_ == "poss" and k.lower_ in {"his", "her"}), None)
    if pron is None:
        return []
    sent = sent_of(pron)
    for m in reversed(people.mentions):  # the nearest: "The President of X, NAME, who took to his ..."
        if sent.start <= m.start < pron.i:
            root = pron.doc[m.start:m.end].root
            if root.dep_ in SUBJECTS or root.dep_ in {"poss", "appos"} and root.head.dep_ in SUBJECTS:
                return [m.pid]
    return _antecedent(pron, people)


def _exchanged(trig: Token, c: Channels) -> bool:
    """ "exchanged greetings": an exchange of words, not a letter (a message or cable stays one)."""
    return (trig.lemma_.lower() in c.spoken_courtesies and trig.dep_ == "dobj"
            and trig.head.lemma_.lower() == "exchange")


def _said_in_writing(cands: list[Candidate]) -> list[Candidate]:
    """ "congratulating X in a statement": the congratulation is the statement, not a letter to X."""
    written = {c.gv.i for c in cands if c.channel == "statement" and c.trigger.i != c.gv.i}
    return [c for c in cands if not (c.channel == "correspondence" and c.trigger.pos_ == "VERB"
                                     and c.trigger.i in written)]
