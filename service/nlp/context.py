"""Titles and countries from the words around a person's name.

"Ruritanian Foreign Minister X", "Peru's Foreign Minister X", "President X of Ghana",
"X, Ambassador of Chile to the UN", "X, a spokesman for the movement's media office".
A country after "to" is where an envoy serves, not where they come from.
"""
import functools

from spacy.tokens import Doc

from .appointed import appointed_as
from .countries import bloc, code_at, code_of, country_after, ent_at, span_code
from .groups import led_by, respectively
from .lexicon import lexicon
from .places import city_country


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


STOP = -1


@functools.cache
def _leading() -> frozenset[str]:
    """Words a title does not begin with: links, possessives, determiners and articles."""
    lex = lexicon()
    return lex.titles.title_links | lex.grammar.possessive | lex.grammar.determiners | lex.grammar.indefinite_articles


def _comma_opens_apposition(doc: Doc, i: int, start: int, floor: int) -> bool:
    """ "Ghanaian President, NAME", "the Ambassador of the Kingdom of Norway, H.E. Mr. NAME": the comma
    between a title (or the country of a title) and the name it introduces; not the comma of a list
    ("Prime Minister A of Ruritania, Prime Minister B")."""
    v = lexicon().titles
    if i <= floor or not all(t.lower_ in v.title_or_honorific for t in doc[i + 1:start]):
        return False
    before = doc[i - 1]
    if before.lower_ in v.title_words:
        return True
    body = before.ent_type_ == "ORG" and (ent := ent_at(doc, i - 1)) is not None and bloc(ent.text) is not None
    if before.ent_type_ not in {"GPE", "NORP"} and before.lower_ not in v.institution_words and not body \
            and before.lower_ not in v.office_words and (before.ent_type_ or _untagged_body(doc, i - 1)[0] is None):
        return False  # "the Ambassador of Norway, NAME", "a spokesperson for the Ruritanian ministry, NAME",
        #               "the Minister of State for Foreign Affairs, NAME"
    ent = ent_at(doc, i - 1)
    if ent is not None and ent.start > 0 and doc[ent.start - 1].lower_ in {"and", ","}:
        return False  # "the ministers of Norway and Sweden, A and B": a list, not one name's title
    for tok in reversed(doc[max(floor, i - 12):i - 1]):
        if tok.lower_ in v.title_or_modifier:
            return True
        if tok.ent_type_ == "PERSON" or tok.is_punct:
            return False
    return False


def _country_step(doc: Doc, i: int) -> tuple[str, int] | int:
    """At a capitalised word left of a name: (country, where it starts), or the index to go on from."""
    tok = doc[i]
    ent = ent_at(doc, i)
    iso = span_code(ent) if ent is not None and tok.ent_type_ in {"GPE", "NORP", "ORG"} else None
    iso = iso or code_of(tok.text)
    if iso is None and ent is not None and ent.start > 0 and doc[ent.start - 1].lower_ == "of":
        iso = city_country(ent.text)  # "Emir of <city>": a city-state or emirate
    lo = ent.start if ent is not None else i
    if iso is None and ent is None:
        iso, lo = _untagged_body(doc, i)
    if not iso:
        return i  # an unknown capitalised word inside the title ("Foreign Affairs")
    if lo == 0 or doc[lo - 1].lower_ != "to" or tok.ent_type_ == "NORP":
        return iso, lo
    return lo  # "Ambassador to Kenya": where the envoy serves, not their country


def _untagged_body(doc: Doc, i: int) -> tuple[str | None, int]:
    """ "European Commission President NAME": a body of several capitalised words ending at `i` that the
    model left untagged: (its code, where it starts)."""
    for j in range(i - 1, max(i - 4, -1), -1):
        if not doc[j].text[:1].isupper():
            break
        iso = code_of(doc[j:i + 1].text)
        if iso:  # "the Swiss Confederation": a state's name whose first word the model typed alone
            return iso, j
        if doc[j].ent_type_:
            break
    return None, i


def _left_step(doc: Doc, i: int, start: int, floor: int) -> tuple[str, int] | int:
    """One word left of a name: STOP, the index to go on from, or (country, where it starts)."""
    v = lexicon().titles
    tok, low = doc[i], doc[i].lower_
    if tok.text == "," and _comma_opens_apposition(doc, i, start, floor):
        return i
    if tok.ent_type_ == "PERSON" and low not in v.title_modifier_honorific:
        return STOP  # another name: "Presidents A B and C D"
    if low in v.title_links:
        prev = doc[i - 1] if i > floor else None
        ok = prev is not None and (prev.lower_ in v.title_words or prev.lower_ in v.modifiers
                                   or prev.text[:1].isupper())
        return i if ok else STOP
    if low in lexicon().grammar.possessive or low in v.title_words or low in v.modifiers or low in v.honorifics:
        return i
    if tok.text[:1].isupper():
        return _country_step(doc, i)
    if low in v.institution_words or low in v.office_words:
        return i  # "Chadian army chief NAME", "Ruritanian foreign ministry spokesman NAME"
    return STOP


def _scan_left(doc: Doc, start: int, floor: int) -> tuple[int, str | None, int | None]:
    """Walk left over the title: (where it stopped, the country word found, where that word starts)."""
    i = start - 1
    while i >= max(floor, start - 10):
        step = _left_step(doc, i, start, floor)
        if isinstance(step, tuple):
            return i, step[0], step[1]
        if step == STOP:
            break
        i = step - 1
    return i, None, None


def _title_part(tok) -> bool:
    """A word that may begin a title: an office or modifier word, a portfolio, an institution or body, a country."""
    v = lexicon().titles
    low = tok.lower_
    return (low in v.title_or_modifier or low in v.office_words or low in v.institution_words
            or tok.ent_type_ == "ORG" or tok.text in v.international_bodies or code_at(tok.doc, tok.i) is not None)


def _left_title(doc: Doc, floor: int, first: int, start: int) -> str | None:
    """The title words between where the left scan stopped and the name."""
    v = lexicon().titles
    while first - 1 >= floor and (doc[first - 1].lower_ in v.title_or_modifier
                                  or doc[first - 1].lower_ in {"of", "and"} and first - 2 >= floor
                                  and doc[first - 2].lower_ in v.title_or_modifier
                                  or _title_hyphen(doc, first - 1, floor)):
        first -= 1
    words = list(doc[first:start])
    while words and (words[0].lower_ in _leading()):
        words.pop(0)
    while words and words[-1].lower_ in v.honorifics | {","}:
        words.pop()
    for k in range(len(words) - 1, 0, -1):
        if words[k].lower_ == "and" and words[k - 1].lower_ not in v.title_or_modifier:
            words = words[k + 1:]  # "... of Japan and Chancellor NAME": the title starts after "and"
            break
    words = [w for w in words if w.lower_ not in v.honorifics and w.text != ","]
    while words and not _title_part(words[0]):
        words.pop(0)  # "<epithet> King NAME": the title is "King"
    if len(words) > 1 and words[-1].lower_ in v.name_part_titles and words[-2].lower_ in v.title_words:
        words.pop()  # "Emir Sheikh NAME": "Sheikh" is a style of the name, the office is "Emir"
    if any(t.lower_ in v.title_words for t in words):
        return "".join(("" if k == 0 or (w.i == words[k - 1].i + 1 and not words[k - 1].whitespace_) else " ")
                       + w.text for k, w in enumerate(words))
    return None


def _title_hyphen(doc: Doc, i: int, floor: int) -> bool:
    """The hyphen of "Secretary-General", "Director-General": between two title words, unspaced."""
    words = lexicon().titles.title_or_modifier
    return (doc[i].text in {"-", "‐"} and i - 1 >= floor and i + 1 < len(doc) and not doc[i - 1].whitespace_
            and not doc[i].whitespace_ and doc[i - 1].lower_ in words and doc[i + 1].lower_ in words)


def _another_name(tok, names: frozenset[str]) -> bool:
    """A word of the phrase after a name that is itself a name: a list of people, not an apposition."""
    v = lexicon().titles
    if tok.pos_ != "PROPN" or not tok.text[:1].isupper() or tok.lower_ in v.title_or_modifier:
        return False
    return tok.ent_type_ == "PERSON" or tok.lower_ in names


def _owner_before_title(doc: Doc, k: int) -> tuple[str | None, int]:
    """ "Kenya's", "the EU's", "the Saudi" before the title of an apposition: (its code, where the title starts)."""
    if k + 2 < len(doc) and doc[k + 1].lower_ in lexicon().grammar.possessive and (owner := code_of(doc[k].text)):
        return owner, k + 2  # "NAME, Kenya's foreign minister", "NAME, the EU's envoy"
    ent = ent_at(doc, k) if k < len(doc) and doc[k].ent_type_ in {"NORP", "GPE"} else None
    owned = ent is not None and ent.start == k and ent.end + 1 < len(doc)
    if owned and doc[ent.end].lower_ in lexicon().grammar.possessive and (owner := span_code(ent)):
        return owner, ent.end + 1  # "NAME, New Zealand's foreign minister": a country of several words
    titled = ent is not None and ent.end < len(doc) and doc[ent.end].lower_ in lexicon().titles.title_or_modifier
    if titled and ent.start == k and (owner := span_code(ent)):
        return owner, ent.end  # "NAME, the Saudi envoy"
    return None, k


def _not_of_a_title(tok, linked: bool) -> bool:
    """A finite verb, or a plural office word before any "of" ("the leaders"): no one person's title."""
    v = lexicon().titles
    if tok.lower_ in v.title_or_modifier and tok.tag_ not in {"NNS", "NNPS"}:
        return False  # "acting", "elected"
    verb = tok.pos_ in {"VERB", "AUX"} and tok.tag_ != "VBN"
    return verb or (not linked and tok.tag_ in {"NNS", "NNPS"} and tok.lower_ in v.title_words)


def _right_apposition(doc: Doc, j: int, names: frozenset[str]) -> tuple[str, str | None] | None:
    """ "NAME, Ambassador of Chile to the UN", "NAME, a spokesman for the movement": (title, country)."""
    v = lexicon().titles
    if not (j + 1 < len(doc) and doc[j].text == ","):
        return None
    k = j + 1
    while k < len(doc) and doc[k].lower_ in {"a", "an", "the", "his", "her", "their"}:
        k += 1
    owner, k = _owner_before_title(doc, k)
    if not (k < len(doc) and (doc[k].lower_ in v.title_words or doc[k].lower_ in v.modifiers)):
        return None
    stop, linked = k, False
    while stop < min(len(doc), k + 14) and doc[stop].text not in {",", ".", ";", "“", "\""} \
            and not (doc[stop].is_space and "\n" in doc[stop].text):  # "NAME, Secretary-General" on its own line
        linked = linked or doc[stop].lower_ in {"of", "for"}  # "a spokesman for President X"
        if not linked and _another_name(doc[stop], names):
            return None  # another name: a list, not an appositive
        if _not_of_a_title(doc[stop], linked):
            return None  # "NAME, the leaders signed ...": a clause or a group, not this person's title
        stop += 1
    app = doc[k:stop]
    n = 0
    for tok in app:
        if tok.lower_ in {"of", "for", "to", "at"} and n:
            break
        n += 1
    country = None
    for t in app:
        if t.lower_ in {"of", "for"}:
            country = country_after(doc, t.i + 1, min(stop, t.i + 6))
            if country:
                break
    else:
        country = next((iso for t in app if (iso := code_at(doc, t.i))), None)
    return app[:n].text, owner or country


def _in_brackets(doc: Doc, end: int) -> str | None:
    """ "NAME (Chile)": a country in brackets right after a name, as in a list of delegates."""
    close = next((k for k in range(end + 1, min(end + 5, len(doc))) if doc[k].text == ")"), None)
    if end >= len(doc) or doc[end].text != "(" or close is None:
        return None
    return span_code(doc[end + 1:close]) if close > end + 1 else None


def name_context(doc: Doc, start: int, end: int, names: frozenset[str] = frozenset()) -> tuple[list[str], str | None]:
    """(titles, country) from the words around a name, in passes: "NAME of Ghana"; the title on the
    left ("Ruritanian Foreign Minister NAME", "Peru's President NAME", "Ghanaian President, NAME");
    an apposition on the right ("NAME, Ambassador of Chile"); a list ("the ministers of Peru and
    Chile, A and B"); the country a NAME leads ("the delegation of Chile led by NAME"). names: the
    words of the article's other names, which end an apposition."""
    v = lexicon().titles
    floor = _line_start(doc, start)
    titles: list[str] = []
    country = country_after(doc, end + 1, end + 5) if end + 1 < len(doc) and doc[end].lower_ == "of" else None
    country = country or _in_brackets(doc, end)
    stopped, left_country, country_at = _scan_left(doc, start, floor)
    country = country or left_country
    left = _left_title(doc, floor, country_at if country_at is not None else stopped + 1, start)
    if left:
        titles.append(left)
    app = _right_apposition(doc, end, names)
    app = app or appointed_as(doc, end)  # "NAME on her appointment as Foreign Minister of X"
    if app is not None:
        titles.append(app[0])
        country = country or app[1]
    root = doc[start:end].root
    listed = respectively(root)
    if listed is None and root.dep_ == "appos" and root.head.lemma_.lower() in v.title_words:
        titles.append(root.head.lemma_.lower())
    if listed is not None:
        titles.append(listed[0])
        country = listed[1] or country  # the rank in the list beats the nearest country word
    return titles, country or led_by(root)
