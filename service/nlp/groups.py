"""Countries from the phrase a name belongs to: a list ("the ministers of Peru and Chile, A and B",
"A and B, from Peru and Chile respectively") or what the person leads ("the delegation of Chile
led by NAME")."""
from spacy.tokens import Doc

from .countries import code_at, code_of, ent_at, span_code
from .lexicon import lexicon
from .people import Mention, Person
from .places import country_of


def respectively_countries(doc: Doc, persons: list[Person], mentions: list[Mention]) -> None:
    """ "A and B, from Peru and Chile respectively": the n-th name takes the n-th country."""
    for r in (t.i for t in doc if t.lower_ == "respectively"):
        codes, k, glue = [], r - 1, lexicon().grammar.list_glue
        while k > 0 and (doc[k].lower_ in glue or code_at(doc, k)):
            if iso := code_at(doc, k):
                codes.append((k, iso))
            k -= 1
        codes = [iso for _, iso in sorted(_one_per_entity(doc, codes))]
        names = _listed_names(doc, mentions, k + 1)
        if len(codes) >= 2 and len(names) == len(codes):
            for pid, iso in zip(names, codes, strict=True):
                persons[pid].country = persons[pid].country or iso


def listed_countries(doc: Doc, persons: list[Person], mentions: list[Mention]) -> None:
    """ "The foreign ministers of Peru and Chile, A and B, met": after a plural title "of" a list of
    countries, a comma and as many names: the n-th name takes the n-th country (read on the words,
    as the parser often makes the names conjuncts of the countries)."""
    glue = lexicon().grammar.list_glue
    for comma in (t.i for t in doc if t.text == ","):
        codes, k = [], comma - 1
        while k > 0 and (doc[k].lower_ in glue - {"of"} or code_at(doc, k)):
            if iso := code_at(doc, k):
                codes.append((k, iso))
            k -= 1
        title = doc[k - 1] if k > 0 and doc[k].lower_ == "of" else None
        ranked = title is not None and _plural_title(title)
        if not ranked:
            codes = _owners_before(doc, comma - 1)  # "Kenya's and Uganda's foreign ministers, A and B"
        codes = [iso for _, iso in sorted(_one_per_entity(doc, codes))]
        names = _names_after(doc, mentions, comma + 1)
        if len(codes) >= 2 and len(names) == len(codes):
            for pid, iso in zip(names, codes, strict=True):
                # the rank in the list beats the country word next to the name ("Uganda's ... , A")
                persons[pid].country = (persons[pid].country or iso) if ranked else iso


def _plural_title(tok) -> bool:
    return tok.tag_ in {"NNS", "NNPS"} and tok.lemma_.lower() in lexicon().titles.title_words


def _owners_before(doc: Doc, t: int) -> list[tuple[int, str]]:
    """ "Kenya's and Uganda's foreign ministers", "the Kenyan and Ugandan envoys": the countries
    (with their positions) of a list that owns or qualifies the plural title ending at `t`."""
    if t < 1 or not _plural_title(doc[t]):
        return []
    v, g = lexicon().titles, lexicon().grammar
    k = t - 1
    while k > 0 and doc[k].lower_ in v.modifiers and not code_at(doc, k):
        k -= 1  # "foreign", "deputy"
    codes = []
    while k >= 0 and (doc[k].lower_ in g.list_glue - {"of"} or doc[k].lower_ in g.possessive or code_at(doc, k)):
        if iso := code_at(doc, k):
            codes.append((k, iso))
        k -= 1
    return codes


def _names_after(doc: Doc, mentions: list[Mention], start: int) -> list[int]:
    """The persons named in the list that begins at `start` ("A, B and C")."""
    names: list[int] = []
    cursor = start
    for m in sorted((m for m in mentions if m.start >= start and m.kind != "title"), key=lambda m: m.start):
        if any(t.lower_ not in {"and", ","} for t in doc[cursor:m.start]):
            break
        names.append(m.pid)
        cursor = m.end
    return names


def _one_per_entity(doc: Doc, codes: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """One code per country named: "South Korea" is one country, not two words."""
    seen, out = set(), []
    for k, iso in codes:
        ent = ent_at(doc, k)
        key = ent.start if ent is not None else k
        if key not in seen:
            seen.add(key)
            out.append((k, iso))
    return out


def _listed_names(doc: Doc, mentions: list[Mention], end: int) -> list[int]:
    """The persons named in the list that ends where the countries begin ("A, B and C,")."""
    names: list[int] = []
    cursor = end
    for m in sorted((m for m in mentions if m.end <= end and m.kind != "title"), key=lambda m: -m.start):
        gap = doc[m.end:cursor]
        if any(t.lower_ not in {"and", ","} for t in gap):
            break
        names.insert(0, m.pid)
        cursor = m.start
    return names


def led_by(root) -> str | None:
    """ "the delegation of Ruritania led by NAME", "Ruritania, led by King NAME": the country led."""
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ != "by" or prep.head.lemma_.lower() not in {"lead", "head"}:
        return None
    led = prep.head.head
    if led.ent_type_ in {"GPE", "NORP"}:
        iso = span_code(ent_at(led.doc, led.i))
        if iso:
            return iso
    for t in led.subtree:
        if t.i >= prep.head.i:
            break
        if t.text[:1].isupper() and (iso := code_of(t.text)):
            return iso
    return None


def respectively(root) -> tuple[str, str | None] | None:
    """ "The foreign ministers of Peru and Chile, NAME and NAME": the office, and the country of the
    same rank in the list of countries as this name in the list of names."""
    v = lexicon().titles
    head, chain = root, [root]
    while head.dep_ in {"conj", "appos"} and head.head.i != head.i and head.head.tag_ not in {"NNS", "NNPS"}:
        head = head.head
        chain.append(head)
    head = head.head
    if head.tag_ not in {"NNS", "NNPS"} or head.lemma_.lower() not in v.title_words or head.i > root.i:
        return None
    names = [t for t in head.subtree if t.dep_ in {"conj", "appos"} and t.pos_ == "PROPN" and t.i > head.i
             and t.ent_type_ in {"PERSON", "ORG", ""} and not country_of(t.text)]
    # "the ministers of Peru and Chile" or "the Peru and Chile ministers"
    places = [t for p in head.children if p.dep_ in {"prep", "compound", "amod", "nmod"}
              and p.lower_ not in {"to", "at", "in"}  # envoys "to" a country serve there
              for t in p.subtree if t.dep_ in {"pobj", "conj", "compound", "amod", "nmod"} and country_of(t.text)]
    office = " ".join([t.text for t in head.children if t.dep_ in {"amod", "compound"} and t.i < head.i
                       and not country_of(t.text)] + [head.lemma_])
    rank = next((k for k, t in enumerate(names) if t.i == root.i), None)
    if rank is None:
        return None
    country = country_of(places[rank].text) if len(places) == len(names) else None
    return office, country
