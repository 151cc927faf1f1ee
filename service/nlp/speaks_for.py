"""Whom a person speaks or acts for: "X's spokesman NAME", "NAME, a spokesman for President X",
"a spokesman for X, NAME".

NAME then represents X's state: they take the country of X (a person of the article with a
country), not that of whoever they speak to.
"""
from spacy.tokens import Doc

from .countries import code_at
from .lexicon import lexicon
from .people import Mention, Person
from .places import country_of

MAX_ISSUER = 10  # the words of "Ghana's Ministry of Foreign Affairs" read for its state


def principal_countries(doc: Doc, persons: list[Person], mentions: list[Mention]) -> None:
    """Give each person with no country of their own the country of the person they speak for."""
    owner_at = {i: m.pid for m in mentions for i in range(m.start, m.end)}
    for m in mentions:
        person = persons[m.pid]
        if m.kind == "title":
            continue
        found = principal_before_comma(doc, m.start, owner_at)
        if found is not None and (title := doc[found[1]:found[2]].text) not in person.titles:
            person.titles.append(title)  # "a spokesman for X, NAME": NAME is the spokesman
        if person.country:
            continue
        other = _possessor_before(doc, m.start, owner_at)
        if other is None:
            other = _principal_after(doc, m.end, owner_at)
        if other is None and found is not None:
            other = found[0]
        if other is not None and other != m.pid and persons[other].country:
            person.country = persons[other].country
        elif other is None:
            person.country = institution_country(doc, m)


def institution_country(doc: Doc, m: Mention) -> str | None:
    """ "Ghana's Ministry of Foreign Affairs said its minister, NAME, held talks": NAME, set in
    apposition to an office the institution's own pronoun owns, acts for the state of the
    institution that says so."""
    root = next((t for t in doc[m.start:m.end] if not m.start <= t.head.i < m.end), None)
    if root is None or root.dep_ != "appos" or not _title_word(office := root.head):
        return None
    if not any(k.dep_ == "poss" and k.lower_ in lexicon().grammar.institution_possessives for k in office.children):
        return None
    verb = office.head if office.dep_ in {"nsubj", "nsubjpass", "dobj"} else None
    say = verb.head if verb is not None and verb.dep_ == "ccomp" else None
    # the subject nearest the verb: not a dateline the parser made one too ("ACCRA - Ghana's Ministry ... said")
    subject = next((k for k in reversed(list(say.lefts)) if k.dep_ == "nsubj"), None) if say is not None else None
    if subject is None or subject.ent_type_ == "PERSON":
        return None
    words = list(subject.subtree)[:MAX_ISSUER]
    return next((iso for t in words if (iso := code_at(doc, t.i))), None)


def possessors_of_titles(doc: Doc, mentions: list[Mention]) -> set[int]:
    """The tokens of X in "X's spokesman NAME", "X's envoy NAME": X names whom NAME acts for, and
    does not act there (a spokesperson's briefing is the spokesperson's)."""
    owner_at = {i: m.pid for m in mentions for i in range(m.start, m.end)}
    out: set[int] = set()
    for m in mentions:
        if m.kind == "title":
            continue
        i = m.start - 1
        while i > 0 and _title_word(doc[i]):
            i -= 1
        if (i < m.start - 1 and i > 0 and doc[i].lower_ in lexicon().grammar.possessive
                and owner_at.get(i - 1) not in {None, m.pid}):
            out.update(k for k, pid in owner_at.items() if pid == owner_at[i - 1] and k < i and i - k <= 6)
        found = principal_before_comma(doc, m.start, owner_at)
        if found is not None:
            out.update(k for k in range(found[2], m.start) if owner_at.get(k) == found[0])
    return out


def principal_before_comma(doc: Doc, start: int, owner_at: dict[int, int]) -> tuple[int, int, int] | None:
    """ "a spokesman for President X, NAME": (X, where the title of NAME begins and ends)."""
    if start < 4 or doc[start - 1].text != ",":
        return None
    owner = owner_at.get(start - 2)
    if owner is None or owner == owner_at.get(start):
        return None
    i = start - 2
    while i > 0 and (owner_at.get(i) == owner or _title_word(doc[i]) or country_of(doc[i].text)):
        i -= 1  # X's name and title ("Chilean President X")
    if doc[i].lower_ not in {"for", "of"}:
        return None
    k = i - 1
    while k >= 0 and _title_word(doc[k]):
        k -= 1
    return (owner, k + 1, i) if k < i - 1 else None


def _title_word(tok) -> bool:
    v = lexicon().titles
    return tok.lower_ in v.title_words or tok.lower_ in v.modifiers or tok.lower_ in v.honorifics


def _possessor_before(doc: Doc, start: int, owner_at: dict[int, int]) -> int | None:
    """ "X's spokesman NAME", "X's special envoy NAME"."""
    i = start - 1
    while i > 0 and _title_word(doc[i]):
        i -= 1
    if i < start - 1 and i > 0 and doc[i].lower_ in lexicon().grammar.possessive:
        return owner_at.get(i - 1)
    return None


def _principal_after(doc: Doc, end: int, owner_at: dict[int, int]) -> int | None:
    """ "NAME, a spokesman for President X", "NAME, an adviser of X"."""
    if end >= len(doc) or doc[end].text != ",":
        return None
    k = end + 1
    while k < len(doc) and doc[k].lower_ in {"a", "an", "the"}:
        k += 1
    first = k
    while k < len(doc) and _title_word(doc[k]):
        k += 1
    if k == first or k >= len(doc) or doc[k].lower_ not in {"for", "of"}:
        return None
    k += 1
    while k < len(doc) and (_title_word(doc[k]) or doc[k].lower_ == "the"):
        k += 1
    return owner_at.get(k)
