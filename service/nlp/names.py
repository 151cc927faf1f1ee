"""Name spans: where a person's name begins and ends in the text.

The model's PERSON spans are a start: they often stop at a hyphen ("Han Min-soo"), a particle
("Anna von der Brandt"), or start after an initial or an abbreviated given name ("Md. Karim
Uddin"), and they hold titles, honorifics and nationality words ("His Majesty King X"). A
nickname in quotes inside a name ('Ana "Nina" Ruiz') is not part of the name.
"""
import functools
import re

from spacy.tokens import Doc, Span, Token

from .appointed import appointed_as
from .lexicon import lexicon
from .places import city_country, country_of, is_known_place_or_group

HYPHENS = {"-", "‐", "–"}
QUOTES = {'"', "“", "”", "'", "‘", "’"}
NAME_LABELS = {"PERSON", "NORP", "GPE"}
INITIAL = re.compile(r"^[A-Z]\.$")
NOT_NAME_START = {"ADV", "ADP", "DET", "CCONJ", "SCONJ", "PRON", "AUX", "PART", "PUNCT"}  # "Later King NAME"


@functools.cache
def _never_starts() -> frozenset[str]:
    """Title words, modifiers, honorifics, office words and determiners: no name begins with one."""
    lex = lexicon()
    return lex.titles.title_modifier_honorific | lex.titles.office_words | lex.grammar.determiners


def _given_abbreviation(tok: Token) -> bool:
    """ "P." in "Lucia P. Navarro", "Md." in "Md. Karim Uddin"."""
    return bool(INITIAL.match(tok.text)) or tok.lower_ in lexicon().titles.name_abbreviations


def _particle(tok: Token) -> bool:
    titles = lexicon().titles
    return tok.lower_ in titles.name_particles and (tok.is_lower or tok.lower_ in titles.joining_particles)


def _capitalised(tok: Token) -> bool:
    return tok.is_alpha and tok.text[:1].isupper()


def _extend_right(doc: Doc, end: int) -> int:
    """Over a hyphen ("Min-soo"), particles followed by a name word ("von der Brandt")."""
    while True:
        if (end + 1 < len(doc) and doc[end].text in HYPHENS and not doc[end - 1].whitespace_
                and not doc[end].whitespace_ and doc[end + 1].is_alpha):
            end += 2
            continue
        if (end + 3 < len(doc) and doc[end].text in QUOTES and doc[end + 2].text in QUOTES
                and _capitalised(doc[end + 1]) and _capitalised(doc[end + 3])):
            end += 4  # 'Ana "Nina" Ruiz': the model's span often stops at the quote
            continue
        k = end
        while k < len(doc) and k - end < 3 and _particle(doc[k]):
            k += 1
        if k > end and k < len(doc) and _capitalised(doc[k]) and not country_of(doc[k].text):
            end = k + 1
            continue
        if _surname_left_out(doc, end):
            end += 1  # "Rosa Elena Garza Villarreal": the model stopped one word short
            continue
        return end


def _surname_left_out(doc: Doc, end: int) -> bool:
    """A capitalised word the model left untagged right after a name of two or more words, ending it."""
    if end >= len(doc) or end < 2 or doc[end - 1].ent_type_ != "PERSON" or doc[end - 2].ent_type_ != "PERSON":
        return False
    tok = doc[end]
    after = doc[end + 1] if end + 1 < len(doc) else None
    # the model may also type that last word alone, as a person of its own or a place it is not
    # ("[Rosa Valdivia] [Fuentes]", "[Samuel Okello] [Mugisha]")
    lone = tok.ent_iob_ == "B" and (after is None or after.ent_iob_ != "I") and (
        tok.ent_type_ == "PERSON" or tok.ent_type_ in {"GPE", "ORG", "NORP"} and not is_known_place_or_group(tok.text))
    return (tok.pos_ == "PROPN" and (not tok.ent_type_ or lone) and _capitalised(tok) and _plain_word(tok)
            and tok.lower_ not in lexicon().titles.title_words and doc[end - 1].whitespace_ != ""
            and (after is None or not _capitalised(after)))


def _extend_left(doc: Doc, start: int) -> int:
    """Over an initial or abbreviated given name, the given name before an initial, and the given
    name before "bin" (a name does not begin with its father's)."""
    if (start > 0 and doc[start].lower_ in lexicon().titles.father_particles and _capitalised(doc[start - 1])
            and doc[start - 1].pos_ == "PROPN" and _plain_word(doc[start - 1])):
        start -= 1
    while start > 0 and _given_abbreviation(doc[start - 1]):
        start -= 1
    before = doc[start - 1] if start > 0 else None
    if (before is not None and INITIAL.match(doc[start].text) and _capitalised(before)
            and before.pos_ == "PROPN" and _plain_word(before)):
        start -= 1  # "Lucia" of "Lucia P. Navarro"
    elif (before is not None and start > 1 and not before.ent_type_ and before.pos_ == "PROPN"
          and _capitalised(before) and _plain_word(before) and _ends_title(doc, start - 2)
          and (start + 1 == len(doc) or not _capitalised(doc[start + 1]))):
        start -= 1  # "Aide Tomas Ortiz", "Minister of Ruritania Tomas Ortiz": the model tagged only the surname
    elif before is not None and _joined_given_name(doc, start):
        start -= 1  # "Karin Berg, ..." where the model tagged only "Berg": the parser joins the two
    elif before is not None and _given_name_after_title(doc, start):
        start -= 1  # "Minister of Development Ana Ruiz Vela", "the Secretary-General of X, Ana Ruiz Vela,"
    return start


def _ends_title(doc: Doc, k: int) -> bool:
    """`doc[k]` ends a title: a title word ("Aide") or the country after "<title> of" ("Minister of Ruritania")."""
    title_words = lexicon().titles.title_words
    if doc[k].lower_ in title_words:
        return True
    j = k
    while j > 0 and doc[j].ent_type_ == "GPE" and doc[j].ent_iob_ == "I":
        j -= 1
    return (doc[k].ent_type_ == "GPE" and j > 1 and bool(country_of(doc[j:k + 1].text))
            and doc[j - 1].lower_ == "of" and doc[j - 2].lower_ in title_words)


def _given_name_after_title(doc: Doc, start: int) -> bool:
    """An untagged capitalised word the parser joins to a tagged name of two or more words, right
    after a title's last word or the comma that closes a title: the given name the model left out."""
    before, name = doc[start - 1], doc[start]
    if start < 2 or name.ent_type_ != "PERSON" or start + 1 >= len(doc) or doc[start + 1].ent_type_ != "PERSON":
        return False
    v, lead = lexicon().titles, doc[start - 2]
    opens = lead.text == "," or lead.lower_ in v.title_words | v.office_words
    office = {w for t in v.spokesperson for w in t.split()} | v.person_nouns | v.institution_words
    # the model may type the given name alone as a place or an organisation ("Governor [Esteban] Ruiz Soto")
    lone = before.ent_iob_ == "B" and before.ent_type_ in {"ORG", "GPE", "NORP"} \
        and not is_known_place_or_group(before.text)
    return (opens and (not before.ent_type_ or lone) and before.pos_ == "PROPN" and before.dep_ == "compound"
            and before.lower_ not in office
            and start <= before.head.i < start + 4 and _capitalised(before) and _plain_word(before))


def _joined_given_name(doc: Doc, start: int) -> bool:
    """An untagged capitalised word that the parser makes a compound of a one-word name."""
    before = doc[start - 1]
    alone = (start < 2 or doc[start - 2].pos_ != "PROPN") and (start + 1 == len(doc) or doc[start + 1].pos_ != "PROPN")
    return (alone and not before.ent_type_ and before.pos_ == "PROPN" and before.dep_ == "compound"
            and before.head.i == start and _capitalised(before) and _plain_word(before))


def _plain_word(tok: Token) -> bool:
    return tok.lower_ not in _never_starts() \
        and not country_of(tok.text)


def _extend(span: Span) -> tuple[int, int]:
    doc = span.doc
    start, end = _extend_left(doc, span.start), span.end
    if all(_given_abbreviation(t) or t.lower_ in lexicon().titles.title_modifier_honorific for t in span):
        while (end < len(doc) and end - span.end < 4 and _capitalised(doc[end]) and doc[end].pos_ == "PROPN"
               and not doc[end].ent_type_):
            end += 1  # the model typed "Md." or "Datuk Seri" alone and left the name after it untagged
    elif _title_before_comma(doc, start) or (start > 0 and doc[start - 1].lower_ in lexicon().titles.title_words):
        end = _rest_of_apposition(doc, end)  # "Foreign Minister Ana Lucia Ferrandiz Quispe" too
    return start, _extend_right(doc, end)


def _rest_of_apposition(doc: Doc, end: int) -> int:
    """ "his Chilean counterpart, Pedro Valdivia Soto,", "Foreign Minister Ana Lucia Ferrandiz Quispe":
    the model tagged the given names only; the untagged capitalised words after them, up to the word
    in apposition to the title, are the rest of the name."""
    k = end
    while k < len(doc) and k - end < 3 and doc[k].pos_ == "PROPN" and _capitalised(doc[k]) and not doc[k].ent_type_ \
            and _plain_word(doc[k]) and doc[k].lower_ not in lexicon().titles.title_words:
        k += 1
    if k > end and (k == len(doc) or doc[k].pos_ != "PROPN") and doc[k - 1].dep_ == "appos":
        return k
    return end


def _opening_gerund(tok: Token) -> bool:
    """ "Thanking NAME's team, ...": a sentence opening on a verb the model took for a first name."""
    return tok.tag_ == "VBG" or (tok.is_sent_start and len(tok.text) >= 7 and tok.lower_.endswith("ing"))


def _function_word(tok: Token) -> bool:
    """ "Later" of "Later King NAME"; not a particle the tagger took for one ("Van", "De", "Al")."""
    return tok.pos_ in NOT_NAME_START and tok.lower_ not in lexicon().titles.name_particles


def _strip_left(doc: Doc, start: int, end: int) -> int:
    """Titles, honorifics, determiners, nationality and office words off the front of a name."""
    v = lexicon().titles
    drop = _never_starts()
    while start < end and (doc[start].lower_ in drop or country_of(doc[start].text) or _opening_gerund(doc[start])
                           or _function_word(doc[start]) or doc[start].text in {",", "/"}):
        if (doc[start].lower_ in v.name_part_titles and start + 1 < end and start > 0
                and doc[start - 1].lower_ in v.title_words):
            break  # "Prime Minister Sheikh NAME": after an office, "Sheikh" is part of the name
        start += 1
    if end - start >= 3 and start > 0 and doc[start - 1].lower_ in {"in", "from", "at"} \
            and city_country(doc[start].text):
        start += 1  # "the minister in Ruritown Ana Costa": the city the office sits in, not a given name
    return start


def _nickname_at(doc: Doc, i: int) -> bool:
    """A quoted word inside a name: the quote marks and the word between them."""
    tok = doc[i]
    if tok.text in QUOTES:
        return True
    return 0 < i < len(doc) - 1 and doc[i - 1].text in QUOTES and doc[i + 1].text in QUOTES


def _is_name(words: Span) -> bool:
    doc, particles = words.doc, lexicon().titles.name_particles
    for tok in words:
        if _particle(tok) or tok.lower_ in particles or tok.text in HYPHENS or _nickname_at(doc, tok.i):
            continue
        if tok.i > words.start and doc[tok.i - 1].text in HYPHENS and tok.is_alpha:
            continue  # "Min-soo"
        if _given_abbreviation(tok):
            continue
        if not tok.text[:1].isupper() or any(c.isdigit() for c in tok.text):
            return False
    last = words[-1]
    if len(words) == 1 and words.start > 0 and doc[words.start - 1].lower_ == "the":
        return False  # "in the Sahel", "the Kremlin": a region or an institution, not a surname
    if any(t.lower_ in lexicon().titles.not_name_words for t in words):
        return False  # "<X> Province", "a New Europe", "Global Governance"
    return last.lower_ not in lexicon().titles.name_particles and not _given_abbreviation(last) \
        and not is_known_place_or_group(name_text(words))


def clean(span: Span) -> Span | None:
    """The name inside a span: extended over particles, initials and hyphens, trimmed of possessives,
    titles and places; None when it is not a person's name."""
    doc = span.doc
    start, end = _extend(span)
    dash = next((i for i in range(start + 1, end) if _spaced_dash(doc[i])), None)
    if dash is not None:
        end = dash  # "NAME - met in X": a hyphen with a space on both sides is a dash, which ends the name
    while end > start and doc[end - 1].text in {"'s", "’s", "'", "’", ".", ",", '"', "”", "“"}:
        if doc[end - 1].text == "." and _given_abbreviation(doc[end - 1]):
            break
        end -= 1
    start = _strip_left(doc, start, end)
    if start >= end:
        return None
    words = doc[start:end]
    return words if _is_name(words) else None


def _spaced_dash(tok: Token) -> bool:
    return tok.text in HYPHENS and tok.i > 0 and bool(tok.doc[tok.i - 1].whitespace_) and bool(tok.whitespace_)


def name_tokens(span: Span) -> list[Token]:
    """The tokens of the name without a quoted nickname."""
    return [t for t in span if not _nickname_at(span.doc, t.i)]


def name_key(span: Span) -> tuple[str, ...]:
    return tuple(t.lower_ for t in name_tokens(span))


def name_text(span: Span) -> str:
    toks = name_tokens(span)
    return "".join(t.text_with_ws for t in toks[:-1]) + toks[-1].text if toks else ""


def nickname(span: Span) -> str | None:
    """ 'Ana "Nina" Ruiz' -> "Nina"; 'Ana Ruiz (Nina)' -> "Nina"."""
    doc = span.doc
    inside = [t for t in span if t.text not in QUOTES and _nickname_at(doc, t.i)]
    if inside:
        return inside[0].text
    e = span.end
    if e + 2 < len(doc) and doc[e].text == "(" and doc[e + 2].text == ")" and _capitalised(doc[e + 1]) \
            and not country_of(doc[e + 1].text) and doc[e + 1].lower_ not in lexicon().titles.title_words:
        return doc[e + 1].text
    return None


def name_spans(doc: Doc) -> list[Span]:
    out = []
    v = lexicon().titles
    for ent in doc.ents:
        titled = ent.start > 0 and doc[ent.start - 1].lower_ in v.title_words or (
            ent.root.dep_ == "appos" and ent.root.head.lower_ in v.title_words  # "The Premier of X, NAME,"
        ) or _title_before_comma(doc, ent.start) or appointed_as(doc, ent.end) is not None \
            or _in_titled_list(doc, ent.start) or _after_portfolio(doc, ent) \
            or ent[0].lower_ in v.honorifics and len(ent) > 1  # "H.E. NAME" typed one organisation
        if ent.label_ not in NAME_LABELS and not (ent.label_ == "ORG" and titled):
            continue
        if ent.label_ == "ORG" and any(t.lower_ in v.institution_words for t in ent):
            continue
        if ent.label_ != "PERSON" and is_known_place_or_group(ent.text):
            continue  # "Rio de Janeiro": a place, though its last words look like a surname
        if _title_ended(doc, ent):
            continue  # "Mendoza Governor NAME": the model's person is a place and a title
        span = clean(ent)
        if span is None or (out and span.start < out[-1].end):
            continue
        if out and span.start == out[-1].end and ent.label_ == "PERSON" == doc[span.start - 1].ent_type_:
            joined = clean(doc[out[-1].start:span.end])  # "Andrés Felipe" + "Ortega Salcedo", typed as two
            if joined is not None:  # people: given names and two surnames are one name
                out[-1] = joined
                continue
        if ent.label_ != "PERSON" and not _untyped_name(span):
            continue
        out.append(span)
    taken = {i for s in out for i in range(s.start, s.end)}
    out += _untagged_after_titles(doc, taken)
    taken |= {i for s in out for i in range(s.start, s.end)}
    out += _untagged_before_apposition(doc, taken)
    taken |= {i for s in out for i in range(s.start, s.end)}
    return sorted(out + _title_appositions(doc, taken), key=lambda s: s.start)


def _title_ended(doc: Doc, ent: Span) -> bool:
    """ "<Province> Governor NAME", "<City> Mayor NAME": an entity that ends in a title word with a
    capitalised name right after it is the title, not a person (the name after it is read as untagged)."""
    return len(ent) >= 2 and ent[-1].lower_ in lexicon().titles.name_titles and ent.end < len(doc) \
        and doc[ent.end].pos_ == "PROPN" and doc[ent.end].text[:1].isupper()


def _after_portfolio(doc: Doc, ent: Span) -> bool:
    """ "Minister of International Relations NAME", typed one organisation: after "<title> of", the
    office words of the portfolio, then the name (clean strips the office words)."""
    v = lexicon().titles
    i = ent.start
    return i >= 2 and doc[i - 1].lower_ in {"of", "for"} and doc[i - 2].lower_ in v.title_words \
        and ent[0].lower_ in v.office_words


def _plural_name_title(tok: Token) -> bool:
    return tok.tag_ in {"NNS", "NNPS"} and tok.lower_.endswith("s") and tok.lower_[:-1] in lexicon().titles.name_titles


def _in_titled_list(doc: Doc, start: int) -> bool:
    """ "Presidents NAME, NAME and NAME": a later name of a list that a plural title opens, whatever
    the model typed it (an organisation, say)."""
    k = start - 1
    for _ in range(6):
        if k < 1 or doc[k].lower_ not in {",", "and"}:
            return False
        k -= 1
        while k > 0 and not _plural_name_title(doc[k]) and (doc[k].pos_ == "PROPN" or doc[k].tag_ == "HYPH"):
            k -= 1  # the name before ("Kofi Asare-Boateng")
        if _plural_name_title(doc[k]):
            return k < start - 2
    return False


def _untyped_name(span: Span) -> bool:
    """The small model sometimes types a name as NORP/GPE/ORG: accept two to six unknown words; a
    word that is also a place ("Mendoza") is kept when the name stands in apposition to a title."""
    words = name_tokens(span)
    if len(words) < 2 or len(words) > 6 or is_known_place_or_group(name_text(span)):
        return False
    if any(is_known_place_or_group(t.text) for t in words) and not _title_before_comma(span.doc, span.start):
        return False
    particles = lexicon().titles.name_particles
    # "Kouyaté-Diallo": the hyphen inside a double surname is part of the name
    return all(t.pos_ == "PROPN" or _given_abbreviation(t) or t.tag_ == "HYPH" and 0 < t.i - span.start < len(span) - 1
               and not t.whitespace_ and not t.doc[t.i - 1].whitespace_ for t in words if t.lower_ not in particles)


def _after_title_country(doc: Doc, i: int) -> int:
    """Where a name may start after a title: past "of <country>" or a bare country ("Prime Minister of
    Ruritania NAME", "PM Ruritania NAME"), or past the portfolio ("Minister of International Relations
    NAME", "Secretary for Foreign Affairs and Trade NAME")."""
    j = i + 1
    if j < len(doc) and doc[j].lower_ in {"of", "for"}:
        office = lexicon().titles.office_words
        k = m = j + 1 + (j + 1 < len(doc) and doc[j + 1].lower_ == "the")
        while m < len(doc) and m - k < 5 and (doc[m].lower_ in office and doc[m].text[:1].isupper()
                                              or doc[m].lower_ == "and" and m > k):
            m += 1
        if m > k and m < len(doc) and doc[m].lower_ in lexicon().titles.institution_words and doc[m].text[:1].isupper():
            return m + 1  # "Chairwoman of the National Assembly NAME": a state body, not a portfolio
        if m > k and doc[m - 1].lower_ != "and":
            if m + 1 < len(doc) and doc[m].lower_ == "of" and _country_at(doc, m + 1):
                return _after_country(doc, m + 1)  # "Minister of Economy of Ruritania NAME"
            return m
    if j < len(doc) and doc[j].lower_ == "of":
        j += 1 + (j + 1 < len(doc) and doc[j + 1].lower_ == "the")
    if j < len(doc) and _country_at(doc, j):
        return _after_country(doc, j)
    if j > i + 1 and (k := _after_institution(doc, j)) is not None:
        return k  # "President of the Senate NAME", "Chairwoman of the National Assembly NAME"
    return i + 1


def _after_institution(doc: Doc, j: int) -> int | None:
    """Past the capitalised name of a state body that ends in an institution word ("National Assembly")."""
    words = lexicon().titles.institution_words
    for m in range(j, min(j + 4, len(doc))):
        if not doc[m].text[:1].isupper():
            return None
        if doc[m].lower_ in words:
            return m + 1
    return None


def _country_at(doc: Doc, j: int) -> bool:
    """A country begins at `doc[j]`: tagged as a place, or as the first word of an organisation the model
    ran on into the name after it ("Minister of Ruritania Ana Ruiz" tagged as one ORG)."""
    return (doc[j].ent_type_ == "GPE" or doc[j].ent_type_ == "ORG" and doc[j].ent_iob_ == "B") \
        and bool(country_of(doc[j].text))


def _after_country(doc: Doc, j: int) -> int:
    if doc[j].ent_type_ == "ORG":
        return j + 1
    while j < len(doc) and doc[j].ent_type_ == "GPE":
        j += 1
    return j


def _untagged_after_titles(doc: Doc, taken: set[int]) -> list[Span]:
    """ "Pope Leo", "Emir Tamim", "Prime Minister of Ruritania NAME": capitalised words right after a
    title (and its country) that the model left untagged."""
    v = lexicon().titles
    out = []
    for tok in doc:
        title = tok.lower_[:-1] if tok.tag_ in {"NNS", "NNPS"} and tok.lower_.endswith("s") else tok.lower_
        lone_title = tok.ent_type_ == "PERSON" and tok.ent_iob_ == "B" and not (
            tok.i + 1 < len(doc) and doc[tok.i + 1].ent_iob_ == "I")  # "Chairwoman" typed a person alone
        if title not in v.name_titles or tok.ent_type_ and not lone_title and not (
                tok.ent_iob_ != "O" and tok.i + 1 < len(doc) and doc[tok.i + 1].ent_iob_ != "I"
                and any(e.end == tok.i + 1 and _title_ended(doc, e) for e in doc.ents)):
            continue  # "Presidents NAME of X and NAME of Y" too; "Mendoza Governor NAME" typed one person
        begin = end = _after_title_country(doc, tok.i)
        run_on = begin > 0 and doc[begin - 1].ent_type_ == "ORG" and doc[begin].ent_iob_ == "I"
        while (end < len(doc) and end - begin < 4 and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper()
               and (not doc[end].ent_type_ or run_on and doc[end].ent_type_ == "ORG" and doc[end].ent_iob_ == "I"
                    or _lone_org(doc, end) and (end > begin or _untagged_propn(doc, end + 1)))
               # "Ana Ruiz" with only "Ruiz" (or only "Ana", more words following) tagged ORG
               and doc[end].lower_ not in v.title_or_modifier and doc[end].lower_ not in v.institution_words):
            end += 1
        if end > begin and (end == len(doc) or doc[end].pos_ != "PROPN"):
            span = clean(doc[begin:end])
            if span is not None and not any(i in taken for i in range(span.start, span.end)):
                out.append(span)
    return out


def _untagged_propn(doc: Doc, i: int) -> bool:
    return i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper() and not doc[i].ent_type_


def _lone_org(doc: Doc, i: int) -> bool:
    """`doc[i]` alone is tagged as an organisation."""
    return doc[i].ent_type_ == "ORG" and doc[i].ent_iob_ == "B" and (i + 1 == len(doc) or doc[i + 1].ent_iob_ != "I")


def _untagged_before_apposition(doc: Doc, taken: set[int]) -> list[Span]:
    """ "Lena Moravcova, the Slovak president, said": two to four capitalised words the model left
    untagged, followed by an apposition that is a title ("the <nationality> <title>") or by the office
    just given to them ("to Lena Moravcova on her election as President of Slovakia")."""
    v = lexicon().titles
    out = []
    i = 0
    while i < len(doc):
        end = i
        while (end < len(doc) and end - i < 4 and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper()
               and not doc[end].ent_type_ and end not in taken and doc[end].lower_ not in v.title_or_modifier
               and doc[end].lower_ not in v.institution_words and not is_known_place_or_group(doc[end].text)):
            end += 1
        titled = _title_apposition(doc, end) or appointed_as(doc, end) is not None  # "X on her election as"
        if end - i >= 2 and (i == 0 or doc[i - 1].pos_ != "PROPN") and titled:
            span = clean(doc[i:end])
            if span is not None:
                out.append(span)
        i = max(end, i + 1)
    return out


def _title_before_comma(doc: Doc, start: int) -> bool:
    """ "the Peruvian foreign minister, NAME", "the Ambassador of Thailand, NAME": a singular title
    word (and the country it is of), then a comma, right before `start`."""
    if start < 2 or doc[start - 1].text != ",":
        return False
    k = start - 2
    if doc[k].ent_type_ == "GPE" and country_of(doc[k].text):
        while k > 0 and (doc[k].ent_iob_ == "I" or doc[k - 1].ent_type_ == "GPE"):
            k -= 1  # "of the Republic of Moldova", typed as two places
        k -= 1 + (k > 0 and doc[k - 1].lower_ == "the")  # "of the Philippines"
        if k < 1 or doc[k].lower_ != "of":
            return False
        k = _before_portfolio(doc, k - 1)
    title = doc[k]
    return title.lower_ in lexicon().titles.title_words and title.tag_ not in {"NNS", "NNPS"}


def _before_portfolio(doc: Doc, k: int) -> int:
    """ "Minister of Foreign Affairs and European Integration of X, NAME": from the portfolio's last
    word at `k`, the title before "<title> of"; `k` itself when no portfolio ends there."""
    office, m = lexicon().titles.office_words, k
    while m > 1 and k - m < 6 and (doc[m].lower_ in office and doc[m].text[:1].isupper() or doc[m].lower_ == "and"):
        m -= 1
    if m < k and doc[m].lower_ in {"of", "for"} and doc[m + 1].lower_ != "and":
        return m - 1
    return k


def _title_appositions(doc: Doc, taken: set[int]) -> list[Span]:
    """ "the visiting Senegalese Foreign Minister, NAME, ...": two to four capitalised words the model
    left untagged, set off by a comma after a title and in apposition to it (the parse says so)."""
    v = lexicon().titles
    out = []
    for comma in (t.i for t in doc if t.text == "," and _title_before_comma(doc, t.i + 1)):
        begin = end = comma + 1
        while (end < len(doc) and end - begin < 4 and doc[end].pos_ == "PROPN" and _capitalised(doc[end])
               and not doc[end].ent_type_ and end not in taken and doc[end].lower_ not in v.title_or_modifier
               and doc[end].lower_ not in v.institution_words):
            end += 1
        if end - begin < 2 or (end < len(doc) and doc[end].pos_ == "PROPN"):
            continue
        last = doc[end - 1]
        if last.dep_ != "appos" or last.head.i >= comma:
            continue
        span = clean(doc[begin:end])
        if span is not None and not is_known_place_or_group(span.text):
            out.append(span)
    return out


def _title_apposition(doc: Doc, comma: int) -> bool:
    """ ", the Slovak president," / ", Chile's foreign minister,": a title after the comma at `comma`."""
    v = lexicon().titles
    if comma >= len(doc) or doc[comma].text != ",":
        return False
    k = comma + 1
    while k < len(doc) and (doc[k].lower_ in {"the", "a", "an", "'s", "’s"} or doc[k].ent_type_ in {"NORP", "GPE"}
                            or doc[k].lower_ in v.modifiers):
        k += 1
    return k < len(doc) and doc[k].lower_ in v.title_words and doc[k].tag_ not in {"NNS", "NNPS"}
