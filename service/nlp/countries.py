"""A country from the words of a title: a state, a nationality, an affiliation, the EU's bodies.

The EU's representatives have a code of their own (EU); a city or emirate an office is of
("Crown Prince of <emirate>") gives that city's country; a country after "to" is where an envoy
serves, not where they come from.
"""
from spacy.tokens import Doc, Span

from .lexicon import lexicon
from .places import city_country, country_of, span_country, strip_name


def bloc(text: str) -> str | None:
    """ "EU", "the European Commission": a body whose representatives have a code of their own."""
    return lexicon().titles.blocs.get(strip_name(text).casefold())


def code_of(text: str) -> str | None:
    return country_of(text) or bloc(text)


def span_code(span: Span) -> str | None:
    return span_country(span) or bloc(span.text)


def ent_at(doc: Doc, i: int) -> Span | None:
    tok = doc[i]
    if not tok.ent_type_:
        return None
    j = i
    while j > 0 and doc[j].ent_iob_ == "I":
        j -= 1
    k = i + 1
    while k < len(doc) and doc[k].ent_iob_ == "I":
        k += 1
    return doc[j:k]


def code_at(doc: Doc, i: int) -> str | None:
    """The code a capitalised word gives, alone or with the entity it is part of ("State Department")."""
    tok = doc[i]
    if not tok.text[:1].isupper():
        return None
    iso = code_of(tok.text)
    if iso is None and tok.ent_type_:
        ent = ent_at(doc, i)
        iso = span_code(ent) if ent is not None else None
    return iso


def _city_of_office(doc: Doc, i: int) -> str | None:
    """ "of Sharjah,", "of London": a city that is the whole object of "of" (not "of the Paris Club")."""
    ent = ent_at(doc, i)
    whole = ent is not None and ent.start == i and doc[i].ent_type_ != "PERSON"
    start, end = (ent.start, ent.end) if whole else (i, i + 1)
    if not doc[i].text[:1].isupper() or (end < len(doc) and doc[end].text[:1].isupper()):
        return None
    return city_country(doc[start:end].text)


def country_after(doc: Doc, lo: int, hi: int) -> str | None:
    """The country named in "of ..." after a title: a state ("of the Republic of X"), or the country of
    a city or emirate the office is of ("Crown Prince of <emirate>", "Mayor of <city>")."""
    for tok in doc[lo:hi]:
        if tok.lower_ in {"to", "at"}:
            return None
        iso = code_at(doc, tok.i)
        if iso is None and tok.i == lo:
            iso = _city_of_office(doc, tok.i)
        if iso:
            return iso
    return None
