"""Words that point back: "the two leaders", "both ministers" (a pair of people named just before),
"the session", "the talks" (a contact described in an earlier sentence, with its date and place)."""
import functools

from spacy.tokens import Span, Token

from .lexicon import lexicon
from .people import People
from .pipeline import sent_of, sentences, text_of
from .zones import quote_spans

LOOK_BACK = 3  # sentences


def _before(tok: Token, n: int) -> list[Span]:
    """The n sentences before the one holding tok, nearest first."""
    sents = sentences(tok.doc)
    here = sent_of(tok)
    i = next(k for k, s in enumerate(sents) if s.start == here.start)
    return [sents[k] for k in range(i - 1, max(i - 1 - n, -1), -1)]


def pair_of(noun: Token, people: People) -> list[int]:
    """ "the two leaders", "both ministers", "the presidents' call", "the two" alone: the two people
    named last before it, when the nearest sentences reaching two name exactly two; nothing when
    that is ambiguous."""
    pair_words = lexicon().grammar.pair_words
    if _bare_pair(noun, pair_words):
        pass  # "The two had last spoken on March 3", "Both said"
    elif noun.lemma_.lower() not in lexicon().titles.person_nouns or noun.tag_ not in {"NNS", "NNPS"}:
        return []
    else:
        owner = noun.dep_ == "poss" and any(c.lower_ == "the" for c in noun.children)  # "the presidents' call"
        if not owner and not any(c.lower_ in pair_words for c in noun.children if c.i < noun.i):
            return []
    return last_pair(noun, people)


def last_pair(tok: Token, people: People) -> list[int]:
    """The two people named last before `tok`, or nothing when the nearest sentences name more."""
    pair = _last_two(tok, people, with_reporters=False)
    if pair is None:
        return []  # three or more: ambiguous
    return pair or _last_two(tok, people, with_reporters=True) or _next_two(tok, people)


def _next_two(tok: Token, people: People) -> list[int]:
    """No one named before: the two people the next sentence names, when it names exactly two
    (""The two leaders spoke on Sunday," a spokesman said. President A and President B discussed ...")."""
    if any(people.pid_at(t.i) is not None and not people.persons[people.pid_at(t.i)].spokesperson
           for s in [sent_of(tok), *_before(tok, LOOK_BACK)] for t in s if t.i < tok.i):
        return []
    sents = sentences(tok.doc)
    here = sent_of(tok)
    i = next(k for k, s in enumerate(sents) if s.start == here.start)
    if i + 1 >= len(sents):
        return []
    named: list[int] = []
    for t in sents[i + 1]:
        pid = people.pid_at(t.i)
        if pid is not None and pid not in named and not people.persons[pid].spokesperson and not reporter(t):
            named.append(pid)
    return named if len(named) == 2 else []


def _last_two(noun: Token, people: People, with_reporters: bool) -> list[int] | None:
    """The two people named last before `noun` (its sentence, then up to LOOK_BACK before it), None
    when the sentences reaching two name more. Who reports is left out, unless no one else is found
    and they spoke in an earlier sentence ("A said ... B said ... The two had last spoken ...")."""
    named: list[int] = []
    own = sent_of(noun)
    for sent in [own, *_before(noun, LOOK_BACK)]:
        for t in sent:
            pid = people.pid_at(t.i)
            counted = not reporter(t) or (with_reporters and sent != own)
            if (pid is not None and pid not in named and t.i < noun.i and counted
                    and not people.persons[pid].spokesperson):
                named.append(pid)
        if len(named) >= 2:  # a sentence naming one of them reaches back to the other
            return named if len(named) == 2 else None
    return []


def _bare_pair(tok: Token, pair_words) -> bool:
    """ "the two" or "both" standing alone as the subject: a pair of people (never "the two countries",
    where the word only counts the noun)."""
    if tok.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    if tok.lower_ not in pair_words and tok.pos_ == "ADJ":  # "The two last met": the parser made "last" the head
        tok = next((c for c in tok.children if c.lower_ in pair_words and c.dep_ == "nummod"), tok)
    if tok.lower_ not in pair_words:
        return False
    return tok.lower_ != "two" or any(c.lower_ == "the" for c in tok.children)


def reporter(tok: Token) -> bool:
    """Whether a name is who reports ("..., X, a spokesman, said", "according to X"), not a party to
    the contact."""
    root = tok
    while root.dep_ in {"compound", "flat", "appos"} and root.head.i != root.i:
        root = root.head
    if root.dep_ == "pobj" and root.head.lower_ == "to" and root.head.head.lower_ == "according":
        return True
    return root.dep_ == "nsubj" and root.head.lemma_.lower() in _reporting()


@functools.cache
def _reporting() -> frozenset[str]:
    return lexicon().channels.reporting_verbs | lexicon().channels.said_verbs


def occasion_nouns(trigger: Token) -> list[Token]:
    """ "the talks", "spoke at the session": the definite nouns that point back to an occasion."""
    nouns = [trigger] if trigger.pos_ == "NOUN" else [
        o for p in trigger.children if p.dep_ == "prep" and p.lower_ in {"at", "during", "in"}
        for o in p.children if o.dep_ == "pobj" and o.pos_ == "NOUN"]
    return [n for n in nouns if any(c.lower_ in {"the", "that", "this"} for c in n.children)]


def antecedent(trigger: Token) -> Span | None:
    """ "spoke at the session", "the talks": the earlier sentence that introduced that contact (same noun)."""
    for noun in occasion_nouns(trigger):
        lemma = noun.lemma_.lower()
        for sent in _before(noun, LOOK_BACK):
            if any(t.lemma_.lower() == lemma and t.pos_ == "NOUN" for t in sent):
                return sent
    return None


def quote_speaker(tok: Token, people: People) -> list[int]:
    """ "“I hosted X,” Y said": the one person of the paragraph who says the quotation `tok` is in."""
    doc = tok.doc
    spans = quote_spans(doc)
    if not any(a <= tok.idx < b for a, b in spans):
        return []
    text = text_of(doc)
    lo, hi = text.rfind("\n", 0, tok.idx) + 1, text.find("\n", tok.idx)
    hi = len(text) if hi < 0 else hi
    verbs = _reporting()
    found: list[int] = []
    for t in doc:
        if not lo <= t.idx < hi or t.pos_ != "VERB" or t.lemma_.lower() not in verbs \
                or any(a <= t.idx < b for a, b in spans):
            continue
        for subj in (k for k in t.children if k.dep_ == "nsubj"):
            for pid in {p for w in subj.subtree if (p := people.pid_at(w.i)) is not None}:
                if pid not in found:
                    found.append(pid)
    return found if len(found) == 1 else []
