"""Plans, hypotheticals, negations and background: clauses that report no event.

"will meet", "agreed to visit", "look for an opportunity to meet", "if they meet", "did not
meet", "no call took place", "had met" (background), "the meeting is set for next week".
"""
from spacy.tokens import Doc, Token

from .lexicon import Channels, lexicon
from .normalise import months, weekdays


def hypothetical(v: Token) -> bool:
    """Plans, hypotheticals, negations, habits and background (pluperfect) are not events."""
    c = lexicon().channels
    if _planned_conjunct(v, c):
        return True
    kids = list(v.children)
    if v.lemma_.lower() in c.called_off_verbs or v.lemma_.lower() == "call" and any(
            k.dep_ == "prt" and k.lower_ == "off" for k in kids):
        return True  # "the talks planned for Friday were postponed", "called off the visit"
    if any(k.dep_ in {"aux", "auxpass"} and k.lower_ in c.hypothetical_aux for k in kids):
        return True
    if any(k.dep_ == "neg" for k in kids):
        return True
    if any(d.dep_ == "det" and d.lower_ in c.negative_determiners
           for k in kids if k.dep_ in {"nsubj", "nsubjpass", "dobj"} for d in k.children):
        return True  # "no call took place", "held no talks": denied
    if any(k.dep_ == "mark" and k.lower_ in c.conditional_marks for k in kids):
        return True
    past = v.tag_ == "VBD" or any(k.dep_ in {"aux", "auxpass"} and k.tag_ == "VBD" for k in kids)
    if not past and any(_future(k, c) for k in kids if k.dep_ in {"npadvmod", "advmod", "prep", "tmod"}):
        return True
    if v.tag_ == "VBN" and any(k.dep_ == "aux" and k.lower_ == "had" for k in kids) \
            and not (_named_day(kids) or _dated_recently(v)):
        # background, unless reported speech shifted it back ("the ministry said X had met Y", "X posted
        # that he had spoken with Y"), or the earlier contact is given its day or month ("the two had
        # last spoken on March 3", "a day earlier X had met Y": CONVENTIONS)
        return not (v.dep_ in {"ccomp", "relcl"}
                    and v.head.lemma_.lower() in c.reporting_verbs | c.said_verbs | c.report_nouns)
    if any(k.lower_ in c.future_modifiers | c.habitual_modifiers for k in kids
           if k.dep_ in {"amod", "compound", "advmod"} and not any(p.dep_ == "prep" for p in k.children)):
        return True  # "an upcoming visit", "several meetings", "previously met", "regularly speak"; but
        # "prior to the talks, X met Y" places the contact in time
    if any(_repeated(k, c) for k in kids):
        return True
    if any(k.lower_ in c.background_adjectives for k in kids if k.dep_ == "amod"):
        return True  # "earlier meetings"; but "X earlier said" is the report of the day
    if any(k.dep_ == "aux" and k.lower_ == "to" for k in kids) or v.dep_ in {"xcomp", "acl"} and not fragment_verb(v):
        head = v.head
        if head.i == v.i:
            return False
        if head.lemma_.lower() in c.intention_heads or head.pos_ in {"NOUN", "ADJ", "PROPN"} \
                or head.lemma_ == "be":
            return True
        return head.pos_ in {"VERB", "AUX"} and hypothetical(head)
    return False


def fragment_verb(v: Token) -> bool:
    """ "The Foreign Secretary of X, NAME, called on Y ...", parsed with the title as the root and the
    verb as its modifier: a past verb after the comma closing the root noun's apposition is the
    sentence's own verb, and that noun its subject."""
    head = v.head
    return v.dep_ == "acl" and head.dep_ == "ROOT" and head.pos_ in {"NOUN", "PROPN"} and v.i > head.i \
        and v.tag_ in {"VBD", "VBN"} and v.i > 0 and v.doc[v.i - 1].text == "," \
        and any(k.dep_ == "appos" for k in head.children) and not any(k.dep_ == "aux" for k in v.children)


def _named_day(kids: list[Token]) -> bool:
    """A modifier of the verb naming a month or weekday ("on March 3", "in May", "on Tuesday")."""
    names = {m for m, (_, lang) in months().items() if lang == "en"} | set(weekdays())
    return any(t.ent_type_ == "DATE" and t.lower_ in names
               for k in kids if k.dep_ in {"prep", "npadvmod", "tmod"} for t in k.subtree)


def _dated_recently(v: Token) -> bool:
    """The verb's phrase holds a date the article resolves to a day or a month ("a day earlier",
    "last week"; "Last Tuesday X had spoken", which the parser may hang from the subject); "years ago"
    or a bare year is no such date."""
    dates = v.doc._.dates if Doc.has_extension("dates") else None
    start, end = v.left_edge.idx, v.right_edge.idx + len(v.right_edge)
    return any(d.date is not None and d.precision in {"day", "month"} and start <= d.start < end
               for d in dates or ())


def _repeated(tok: Token, c: Channels) -> bool:
    """ "met him several times", "have spoken on many occasions": the history of a relationship."""
    if tok.dep_ == "prep":
        nouns = [k for k in tok.children if k.dep_ == "pobj"]
    else:
        nouns = [tok] if tok.dep_ in {"npadvmod", "advmod", "dobj", "tmod"} else []
    return any(n.lower_ in c.repetition_nouns and any(m.dep_ == "amod" and m.lower_ in c.habitual_modifiers
                                                       for m in n.children) for n in nouns)


def _future(tok: Token, c: Channels) -> bool:
    """ "next week", "tomorrow", "later this month", "in the coming days"."""
    words = {t.lower_ for t in tok.subtree}
    return bool(words & c.future_words) or {"coming", "days"} <= words


def _planned_conjunct(v: Token, c: Channels) -> bool:
    """ "if they sit down and talk", "will meet and discuss": the first verb says so; "is scheduled to
    call on X and hold talks with Y": the plan of the first to-infinitive governs both verbs."""
    if v.dep_ != "conj" or v.head.pos_ not in {"VERB", "AUX"} or v.head.i == v.i:
        return False
    return _planned(v.head, c) or any(k.dep_ == "aux" and k.lower_ == "to" for k in v.head.children) \
        and hypothetical(v.head)


def _planned(v: Token, c: Channels) -> bool:
    """A condition or an auxiliary of plan on the verb itself."""
    return any(k.dep_ == "mark" and k.lower_ in c.conditional_marks
               or k.dep_ in {"aux", "auxpass"} and k.lower_ in c.hypothetical_aux for k in v.children)
