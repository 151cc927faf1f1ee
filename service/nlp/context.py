"""Titles and countries from the words around a person's name.

"Ruritanian Foreign Minister X", "Peru's Foreign Minister X", "President X of Ghana",
"X, Ambassador of Chile to the UN", "X, a spokesman for the movement's media office".
A country after "to" is where an envoy serves, not where they come from.
"""
from spacy.tokens import Doc, Span

from .places import city_country, country_of, span_country
from .vocab import vocab


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


def _line_start(doc: Doc, start: int) -> int:
    """Where the words before a name may begin: after a line break or a full stop (the parser
    sometimes ends a sentence after "U.S.", so sentence bounds are too tight)."""
    i = start - 1
    while i >= 0 and start - i <= 12:
        tok = doc[i]
        if (tok.is_space and "\n" in tok.text) or tok.text in {".", "!", "?", ":", ";"}:
            return i + 1
        i -= 1
    return max(i + 1, 0)


def _honorifics_before(doc: Doc, start: int) -> int:
    n = 0
    while start - n - 1 >= 0 and doc[start - n - 1].lower_ in vocab()["honorifics"]:
        n += 1
    return n


def name_context(doc: Doc, start: int, end: int) -> tuple[list[str], str | None]:
    """(titles, country) from the words around a name: "Ruritanian Foreign Minister X", "X, Ambassador of China"."""
    v = vocab()
    floor = _line_start(doc, start)
    titles: list[str] = []
    country = None
    j = end
    if j + 1 < len(doc) and doc[j].lower_ == "of":
        country = country_after(doc, j + 1, j + 5)
    # left: "[Chinese] [State Councilor and Foreign Minister] NAME", "South Africa's President NAME"
    i, country_at = start - 1, None
    while i >= max(floor, start - 10):
        tok = doc[i]
        if tok.text == "," and i == start - 1 - _honorifics_before(doc, start) and i > floor \
                and doc[i - 1].ent_type_ in {"GPE", "NORP"}:
            i -= 1  # "the Ambassador of the Kingdom of Norway, H.E. Mr. NAME"
            continue
        low = tok.lower_
        if tok.ent_type_ == "PERSON" and low not in v["title_words"] and low not in v["modifiers"]:
            break  # another name: "Presidents A B and C D"
        if low in {"and", "of", "to", "the", "-"}:
            prev = doc[i - 1] if i > floor else None
            if prev is None or not (prev.lower_ in v["title_words"] or prev.lower_ in v["modifiers"]
                                    or prev.text[:1].isupper()):
                break
        elif low in {"'s", "’s"} or low in v["title_words"] or low in v["modifiers"] or low in v["honorifics"]:
            pass
        elif tok.text[:1].isupper():
            ent = ent_at(doc, i)
            iso = span_country(ent) if ent is not None and tok.ent_type_ in {"GPE", "NORP", "ORG"} else None
            iso = iso or country_of(tok.text)
            if iso is None and ent is not None and ent.start > 0 and doc[ent.start - 1].lower_ == "of":
                iso = city_country(ent.text)  # "Emir of <city>": a city-state or emirate
            lo = ent.start if ent is not None and iso else i
            if iso:
                if lo == 0 or doc[lo - 1].lower_ != "to" or tok.ent_type_ == "NORP":
                    country = country or iso
                    country_at = lo
                    break
                i = lo
        else:
            break
        i -= 1
    first = country_at if country_at is not None else i + 1
    while first - 1 >= floor and (doc[first - 1].lower_ in v["title_words"] | v["modifiers"]
                                  or doc[first - 1].lower_ in {"of", "and"} and first - 2 >= floor
                                       and doc[first - 2].lower_ in v["title_words"]):
        first -= 1
    words = list(doc[first:start])
    while words and (words[0].lower_ in {"and", "of", "to", "the", "-", "'s", "’s"}):
        words.pop(0)
    while words and words[-1].lower_ in v["honorifics"] | {","}:
        words.pop()
    for k in range(len(words) - 1, 0, -1):
        if words[k].lower_ == "and" and words[k - 1].lower_ not in v["title_words"]:
            words = words[k + 1:]  # "... of Japan and Chancellor NAME": the title starts after "and"
            break
    if any(t.lower_ in v["title_words"] for t in words):
        titles.append(doc[words[0].i:words[-1].i + 1].text)
    # right: "NAME of Ghana", "NAME, Ambassador of Chile to the UN", "NAME, a spokesman for the movement"
    if j + 1 < len(doc) and doc[j].text == ",":
        k = j + 1
        while k < len(doc) and doc[k].lower_ in {"a", "an", "the"}:
            k += 1
        if k < len(doc) and (doc[k].lower_ in v["title_words"] or doc[k].lower_ in v["modifiers"]):
            stop = k
            while stop < min(len(doc), k + 14) and doc[stop].text not in {",", ".", ";", "“", "\""}:
                if doc[stop].ent_type_ == "PERSON" and doc[stop].pos_ == "PROPN":
                    stop = k  # another name: a list, not an appositive
                    break
                stop += 1
            app = doc[k:stop]
            words = []
            for tok in app:
                if tok.lower_ in {"of", "for", "to", "at"} and words:
                    break
                words.append(tok.text)
            titles.append(" ".join(words))
            if country is None:
                for t in app:
                    if t.lower_ in {"of", "for"}:
                        country = country_after(doc, t.i + 1, min(stop, t.i + 6))
                        if country:
                            break
                else:
                    country = next((country_of(t.text) for t in app if t.text[:1].isupper()
                                    and country_of(t.text)), None)
    # appositive head: "Peru and Chile presidents, NAME and NAME"
    root = doc[start:end].root
    listed = _respectively(root)
    if listed is None and root.dep_ == "appos" and root.head.lemma_.lower() in v["title_words"]:
        titles.append(root.head.lemma_.lower())
    if listed is not None:
        titles.append(listed[0])
        country = listed[1] or country  # the rank in the list beats the nearest country word
    return titles, country


def _respectively(root) -> tuple[str, str | None] | None:
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


def country_after(doc: Doc, lo: int, hi: int) -> str | None:
    for tok in doc[lo:hi]:
        if tok.lower_ in {"to", "at"}:
            return None
        iso = country_of(tok.text) if tok.text[:1].isupper() else None
        if iso is None and tok.ent_type_ and tok.text[:1].isupper():
            ent = ent_at(doc, tok.i)
            iso = span_country(ent) if ent is not None else None
        if iso:
            return iso
    return None
