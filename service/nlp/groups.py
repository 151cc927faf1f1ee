"""Countries from the phrase a name belongs to: a list ("the ministers of Peru and Chile, A and B")
or what the person leads ("the delegation of Chile led by NAME")."""
from .countries import code_of, ent_at, span_code
from .places import country_of
from .vocab import vocab


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
    v = vocab()
    head, chain = root, [root]
    while head.dep_ in {"conj", "appos"} and head.head.i != head.i and head.head.tag_ not in {"NNS", "NNPS"}:
        head = head.head
        chain.append(head)
    head = head.head
    if head.tag_ not in {"NNS", "NNPS"} or head.lemma_.lower() not in v["title_words"] or head.i > root.i:
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
