"""Mentions by title alone: "the President", "the Peruvian president", "his Chilean counterpart".

A title-only mention goes to the person of the article who holds that title (and nationality),
most mentioned so far; a nationality word given with it fills in that person's country.
"""
import re
from collections import Counter

from spacy.tokens import Doc

from .lexicon import lexicon
from .people import Mention, Person
from .pipeline import sent_of
from .places import country_of


def _counterpart_of(doc: Doc, tok, persons: list[Person], mentions: list[Mention]) -> Person | None:
    """ "his Chilean counterpart" with no name after it: the article's one person of that country."""
    if tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN":
        return None
    want = next((country_of(c.text) for c in tok.children if c.i < tok.i and country_of(c.text)), None)
    if tok.i + 2 < len(doc) and doc[tok.i + 1].text == ",":
        k = _past_apposed_title(doc, tok.i + 2)  # "his Rwandan counterpart, the Minister of X, NAME": NAME
        named = next((m for m in mentions if k is not None and m.start == k), None)
        if named is not None:
            person = persons[named.pid]
            person.country = person.country or want
            return person
    if want is None:
        return None
    matching = [p for p in persons if p.country == want]
    return matching[0] if len(matching) == 1 else None


def _names_a_person_itself(doc: Doc, tok, covered: set[int]) -> bool:
    """The title sits in a name's own phrase ("President NAME", "Ghanaian President, NAME", "the
    President of Ghana NAME"): that name already holds it, so it is no mention of its own."""
    v = lexicon().titles
    nxt = tok.i + 1
    if nxt < len(doc) and doc[nxt].text[:1].isupper() and doc[nxt].pos_ == "PROPN":
        return True
    k = tok.i - 1
    while k > 0 and (doc[k].lower_ in v.title_or_modifier or doc[k].lower_ in {"the", "a", "an", "'s", "’s"}
                     or doc[k].lower_ in v.office_words or doc[k].ent_type_ in {"GPE", "NORP"}
                     or doc[k].text in {"-", "‐", "–"}):
        k -= 1  # "NAME, Iran's deputy defence minister", "NAME, Secretary-General"
    if k > 0 and doc[k].text == "," and k - 1 in covered:
        return True  # "NAME, Chairman of the council": the name's apposition
    k = nxt
    if k < len(doc) and doc[k].lower_ in {"of", "for"}:  # "The President of Ruritania, NAME,", "Minister for
        k = next((i for i in range(k, min(k + 7, len(doc))) if doc[i].text == ","), k)  # Health, NAME"
    if k + 1 < len(doc) and doc[k].text == ",":
        k += 1
        while k < len(doc) and doc[k].lower_ in v.title_or_honorific:
            k += 1
        if k in covered:
            return True  # "Ghanaian President, NAME,"
        k = _past_apposed_title(doc, k)
        if k is not None and k in covered:
            return True  # "his Rwandan counterpart, the Minister of Foreign Affairs, NAME"
    first = next((i for i in range(nxt, min(nxt + 4, len(doc))) if i in covered), None)
    return first is not None and not any(t.is_punct or t.pos_ in {"VERB", "AUX"} for t in doc[nxt:first])


def _past_apposed_title(doc: Doc, k: int) -> int | None:
    """From `k`, after "the <title of ...>," (a title set off by commas): where the words after it begin."""
    v = lexicon().titles
    if k >= len(doc) or doc[k].lower_ != "the":
        return None
    words = v.title_modifier_honorific | v.office_words | v.title_links | {"of", "for", "and", "the"}
    j = k + 1
    while j < len(doc) and j - k < TITLE_RUN and (doc[j].lower_ in words or doc[j].ent_type_ in {"GPE", "NORP"}
                                                   or doc[j].text[:1].isupper() and doc[j].ent_type_ != "PERSON"):
        j += 1  # the portfolio's capitalised words ("and International Cooperation")
    if j == k + 1 or j >= len(doc) or doc[j].text != "," or not any(t.lower_ in v.title_words for t in doc[k:j]):
        return None
    j += 1
    while j < len(doc) and doc[j].lower_ in v.title_or_honorific:
        j += 1
    return j


TITLE_RUN = 12  # "Deputy Prime Minister and Minister of State for Foreign Affairs Sheikh NAME"


def _title_runs_to_name(doc: Doc, tok, covered: set[int]) -> int | None:
    """Where the name begins that a title's words run on to, past more of a title ("Deputy Prime
    Minister and Minister of State for Foreign Affairs Sheikh NAME", "Foreign Minister of the Republic
    of X NAME"): the title is that name's own, whoever else holds the same office."""
    v = lexicon().titles
    if tok.i in covered or tok.lower_ not in v.title_words or tok.pos_ not in {"NOUN", "PROPN"} \
            or tok.dep_ == "compound":
        return None
    words = v.title_modifier_honorific | v.office_words | v.title_links | v.name_part_titles | {"the", "and"}
    k = nxt = tok.i + 1
    while k < len(doc) and k - nxt < TITLE_RUN and k not in covered and (
            doc[k].lower_ in words or doc[k].ent_type_ in {"GPE", "NORP"}):
        k += 1
    # "a spokesman for NAME": a name right after a link is whom the office serves, not who holds it
    return k if k > nxt and k in covered and doc[k - 1].lower_ not in v.title_links | {"the", "and"} else None


def _is_title_mention(doc: Doc, tok, covered: set[int]) -> bool:
    """A singular title used alone for someone ("the President said"), not one of a group or a name's own."""
    v = lexicon().titles
    if tok.i in covered or tok.lower_ not in v.title_words or tok.pos_ not in {"NOUN", "PROPN"}:
        return False
    if tok.lower_ in v.office_words:  # "cyber defence", "the State": a portfolio alone names no one
        return False
    if tok.dep_ == "compound" or tok.lower_ in {"head", "official", "leader", "chief"} or tok.tag_ in {"NNS", "NNPS"}:
        return False
    if _names_a_person_itself(doc, tok, covered):
        return False
    mods = [c for c in tok.children if c.i < tok.i]
    return not any(c.lower_ in {"a", "an", "another", "two", "both"} or c.tag_ in {"PRP$", "NNS"} for c in mods)


def _holder(tok, persons: list[Person], out: list[Mention], want: str | None) -> Person | None:
    """The person of the article a title mention names: the one holding that title (and country),
    most mentioned so far, or someone named in or just before the sentence."""
    seen = Counter(m.pid for m in out if m.start < tok.i)
    near = sent_of(tok).start - 40
    # "the Prime Minister": every word of the office, not only "minister"
    phrase = {c.lower_.rstrip("s") for c in tok.children if c.dep_ in {"compound", "amod"} and c.i < tok.i
              and c.lower_ in lexicon().titles.title_or_modifier} | {tok.lower_.rstrip("s")}
    best = None
    for pid, count in seen.items():
        p = persons[pid]
        titled = _holds(p, phrase)
        if p.titles and not titled:
            continue
        if not titled and not any(m.pid == pid and near <= m.start < tok.i for m in out):
            continue
        if want and p.country and p.country != want:
            continue
        last = max(m.start for m in out if m.pid == pid and m.start < tok.i)
        # of two holders named as often, whoever was the subject just before ("X was received by
        # Prime Minister Y ... The prime minister later met Z": X), else the one named last
        score = (bool(want) and p.country == want, titled, count, _subject_since(tok, pid, out), last)
        if best is None or score > best[0]:
            best = (score, p)
    if best is None:  # "Readout of the Secretary-General's meeting" before the holder is named
        holders = [p for p in persons if _holds(p, phrase) and (not want or p.country in (None, want))]
        return holders[0] if len(holders) == 1 else None
    return best[1]


def _subject_since(tok, pid: int, out: list[Mention]) -> bool:
    """Whether `pid` is named as a subject in the sentence before `tok`'s, or in `tok`'s before it."""
    sent = sent_of(tok)
    floor = sent_of(tok.doc[sent.start - 1]).start if sent.start > 0 else sent.start
    for m in out:
        if m.pid != pid or not floor <= m.start < tok.i:
            continue
        head = tok.doc[m.start:m.end].root
        for _ in range(4):  # "The prime minister of Fiji, NAME, was received": the phrase NAME is in
            if head.dep_ not in {"appos", "pobj", "prep"} or head.head.i == head.i:
                break
            head = head.head
        if head.dep_ in {"nsubj", "nsubjpass"}:
            return True
    return False


STYLE_REACH = 3  # "His Highness Sheikh NAME": words from the style to the name it styles


def _bare_style(doc: Doc, tok, covered: set[int]) -> bool:
    """ "His Highness also received ...": a style of address with no name or title after it."""
    v = lexicon().titles
    if tok.i in covered or tok.lower_ not in v.style_nouns or tok.i == 0 \
            or doc[tok.i - 1].lower_ not in v.style_owners:
        return False
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    return nxt is None or not (nxt.text[:1].isupper() or nxt.lower_ in v.title_or_honorific | {"the"})


def _styled(doc: Doc, tok, persons: list[Person], out: list[Mention]) -> Person | None:
    """The person last named with that style before it ("His Highness Sheikh NAME ... His Highness")."""
    v = lexicon().titles
    for m in reversed([m for m in out if m.kind == "full" and m.start < tok.i]):
        k = m.start - 1
        while k > max(0, m.start - STYLE_REACH - 1) and doc[k].lower_ != tok.lower_ and (
                doc[k].lower_ in v.title_or_honorific or doc[k].lower_ in v.name_part_titles):
            k -= 1  # "His Highness Sheikh NAME": past the name's own styles and titles
        if k >= 0 and doc[k].lower_ == tok.lower_:
            return persons[m.pid]
    return None


def _holds(p: Person, phrase: set[str]) -> bool:
    """A title of `p` holds every word of the mention's phrase, and no rank below it the phrase leaves
    out ("the Secretary-General" is not the Deputy Secretary-General)."""
    ranks = lexicon().titles.lower_ranks
    for t in p.titles:
        words = {w.rstrip("s") for w in re.split(r"[\s\-‐–]+", t.lower())}
        if phrase <= words and not (words & ranks) - phrase:
            return True
    return False


def _title_country(tok) -> str | None:
    """The country a title mention gives: "the Peruvian president", "the president of Peru"."""
    want = None
    for c in tok.subtree:
        if c.i < tok.i and c.text[:1].isupper():
            want = country_of(c.text) or want
    for prep in tok.children:
        if want is None and prep.dep_ == "prep" and prep.lower_ == "of":
            want = next((iso for t in prep.subtree if t.text[:1].isupper() and (iso := country_of(t.text))), None)
    return want


def title_mentions(doc: Doc, persons: list[Person], mentions: list[Mention], covered: set[int]) -> list[Mention]:
    """ "The President", "the Peruvian president", "said Kenyan Foreign Minister" -> a person of the article."""
    out = list(mentions)
    for tok in doc:
        if tok.lower_ == "counterpart" and tok.i not in covered:
            person = _counterpart_of(doc, tok, persons, out)
        elif (named := _title_runs_to_name(doc, tok, covered)) is not None:
            person = next((persons[m.pid] for m in out if m.start <= named < m.end), None)
        elif _is_title_mention(doc, tok, covered):
            want = _title_country(tok)
            person = _holder(tok, persons, out, want)
            if person is not None and want and not person.country:
                person.country = want
        elif _bare_style(doc, tok, covered):
            person = _styled(doc, tok, persons, out)
        else:
            continue
        if person is not None:
            out.append(Mention(tok.i, tok.i + 1, person.pid, "title"))
            covered.add(tok.i)
    out.sort(key=lambda m: m.start)
    return out
