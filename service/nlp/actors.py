"""People of an article: full names, short mentions, title-only mentions, titles and countries."""

from spacy.tokens import Doc, Span

from .context import name_context
from .coref import title_mentions
from .offices import is_counterpart
from .people import Mention, People, Person
from .pipeline import sent_of
from .places import country_of, is_known_place_or_group
from .vocab import vocab

PARTICLES = {"bin", "bint", "al", "el", "de", "da", "del", "der", "di", "du", "van", "von", "la", "le", "ibn",
             "abu", "dos"}
NAME_PART_TITLES = {"sheikh", "sheikha"}
HYPHENS = {"-", "‐", "–"}
NAME_LABELS = {"PERSON", "NORP", "GPE"}
DETERMINERS = {"the", "his", "her", "their", "its"}


def _clean(span: Span) -> Span | None:
    """Trim possessives, titles and places off a name span; None when it is not a person's name."""
    start, end = span.start, span.end
    doc = span.doc
    while (end + 1 < len(doc) and doc[end].text in HYPHENS and not doc[end - 1].whitespace_
           and not doc[end].whitespace_ and doc[end + 1].is_alpha):
        end += 2  # "Han Min-soo": the model's span often stops at the hyphen
    while end > start and doc[end - 1].text in {"'s", "’s", "'", "’", ".", ","}:
        end -= 1
    v = vocab()
    while start < end and (doc[start].lower_ in v["title_words"] | v["modifiers"] | DETERMINERS | v["honorifics"]
                           or country_of(doc[start].text)):
        if doc[start].lower_ in NAME_PART_TITLES and start + 1 < end and start > 0 \
                and doc[start - 1].lower_ in v["title_words"]:
            break  # "Prime Minister Sheikh NAME": after an office, "Sheikh" is part of the name
        start += 1
    if start >= end:
        return None
    words = doc[start:end]
    for tok in words:
        if tok.lower_ in PARTICLES or tok.text in HYPHENS:  # "el-Sisi", "al-Burhan"
            continue
        if tok.i > words.start and doc[tok.i - 1].text in HYPHENS and tok.is_alpha:
            continue  # "Min-soo"
        if not tok.text[:1].isupper() or any(c.isdigit() for c in tok.text):
            return None
    if words[-1].lower_ in PARTICLES or is_known_place_or_group(words.text):
        return None
    return words


def _name_spans(doc: Doc) -> list[Span]:
    out = []
    v = vocab()
    for ent in doc.ents:
        titled = ent.start > 0 and doc[ent.start - 1].lower_ in v["title_words"] or (
            ent.root.dep_ == "appos" and ent.root.head.lower_ in v["title_words"])  # "The Premier of X, NAME,"
        if ent.label_ not in NAME_LABELS and not (ent.label_ == "ORG" and titled):
            continue
        if ent.label_ == "ORG" and any(t.lower_ in v["institutions"] for t in ent):
            continue
        span = _clean(ent)
        if span is None:
            continue
        if ent.label_ != "PERSON":
            # the small model sometimes types a name as NORP/GPE/ORG: accept two or more unknown words
            if len(span) < 2 or len(span) > 4 or any(is_known_place_or_group(t.text) for t in span):
                continue
            if any(t.pos_ != "PROPN" for t in span if t.lower_ not in PARTICLES):
                continue
        out.append(span)
    return out + _untagged_after_titles(doc)


def _untagged_after_titles(doc: Doc) -> list[Span]:
    """ "Pope Leo", "Emir Tamim": capitalised words right after a title that the model left untagged."""
    v = vocab()
    out = []
    for tok in doc:
        title = tok.lower_[:-1] if tok.tag_ in {"NNS", "NNPS"} and tok.lower_.endswith("s") else tok.lower_
        if title not in v["name_titles"] or tok.ent_type_:  # "Presidents NAME of X and NAME of Y" too
            continue
        end = tok.i + 1
        while (end < len(doc) and end - tok.i <= 4 and doc[end].pos_ == "PROPN" and doc[end].text[:1].isupper()
               and not doc[end].ent_type_
               and doc[end].lower_ not in v["title_words"] | v["modifiers"] | v["institutions"]):
            end += 1
        if end > tok.i + 1 and (end == len(doc) or doc[end].pos_ != "PROPN"):
            span = _clean(doc[tok.i + 1:end])
            if span is not None:
                out.append(span)
    return out


def _subsequence(short: tuple[str, ...], long_: tuple[str, ...]) -> bool:
    n = len(short)
    return any(long_[i:i + n] == short for i in range(len(long_) - n + 1))


def find_people(doc: Doc) -> People:
    """Every person of the article and every mention of them, resolved within the article.

    Full names (two or more words) make the persons; a shorter form that is part of a longer
    name is the same person ("Da Silva Costa" -> "Silva Costa"). A single word ("Costa") is the nearest preceding
    person whose name holds that word, so three different Costas stay apart. "The President",
    "the Peruvian president" go to the most-mentioned person holding that title so far.
    """
    spans = _name_spans(doc)
    names = {}
    for span in spans:
        key = tuple(t.lower_ for t in span)
        names.setdefault(key, span.text)
    persons: list[Person] = []
    by_key: dict[tuple, Person] = {}
    for key in sorted(names, key=len, reverse=True):
        owner = next((p for p in persons if len(key) < len(p.tokens) and _subsequence(key, p.tokens)), None)
        if owner is None and len(key) >= 2:
            owner = Person(len(persons), names[key], key)
            persons.append(owner)
        if owner is not None and len(key) > 1:  # a single word can belong to several people
            owner.aliases.add(names[key])
            by_key[key] = owner
    mentions: list[Mention] = []
    covered: set[int] = set()
    for span in spans:
        key = tuple(t.lower_ for t in span)
        person = by_key.get(key)
        if person is None and len(key) == 1 and span.root.ent_type_ in {"PERSON", ""}:
            person = _nearest(persons, mentions, key[0], span.start, doc)
            if person is not None:
                person.aliases.add(span.text)
            else:
                person = Person(len(persons), span.text, key, aliases={span.text})
                persons.append(person)
                by_key[key] = person
        if person is None:
            continue
        mentions.append(Mention(span.start, span.end, person.pid, "full" if len(key) > 1 else "short"))
        covered.update(range(span.start, span.end))
    # single words the model did not tag as a person ("Okonkwo" as ORG)
    words = {w for p in persons for w in p.tokens if len(w) > 1 and w not in PARTICLES}
    for tok in doc:
        if (tok.i in covered or tok.lower_ not in words or not tok.text[:1].isupper()
                or tok.pos_ not in {"PROPN", "NOUN"}):
            continue
        person = _nearest(persons, mentions, tok.lower_, tok.i, doc)
        if person:
            mentions.append(Mention(tok.i, tok.i + 1, person.pid, "short"))
            person.aliases.add(tok.text)
            covered.add(tok.i)
    mentions.sort(key=lambda m: m.start)
    _add_context(doc, persons, mentions)
    mentions = title_mentions(doc, persons, mentions, covered)
    by_token = {i: m.pid for m in mentions for i in range(m.start, m.end)}
    return People(persons, mentions, by_token)


SPEECH = {"say", "tell", "add", "stress", "note", "state", "explain", "insist", "emphasize", "emphasise"}


def _speaker(tok) -> bool:
    return tok.dep_ == "nsubj" and tok.head.lemma_.lower() in SPEECH


def _nearest(persons: list[Person], mentions: list[Mention], word: str, at: int, doc: Doc | None = None):
    """The person a single word names: the nearest preceding one whose name holds it; when the
    word is someone speaking ("Costa said"), the nearest such person who was speaking too."""
    candidates = {p.pid for p in persons if word in p.tokens}
    if not candidates:
        return None
    before = [m for m in mentions if m.pid in candidates and m.start < at]
    if doc is not None and _speaker(doc[at]) and len({m.pid for m in before}) > 1:
        speakers = [m for m in before if at - m.start < 80 and _speaker(doc[m.start:m.end].root)]
        if speakers:
            return persons[max(speakers, key=lambda m: m.start).pid]
    if before:
        return persons[max(before, key=lambda m: m.start).pid]
    after = [m for m in mentions if m.pid in candidates]
    if after:
        return persons[min(after, key=lambda m: m.start).pid]
    return persons[min(candidates)]


def _add_context(doc: Doc, persons: list[Person], mentions: list[Mention]) -> None:
    for m in sorted(mentions, key=lambda m: (m.kind != "full", m.start)):
        person = persons[m.pid]
        person.mentions += 1
        titles, country = name_context(doc, m.start, m.end)
        person.country = person.country or country
        for t in titles:
            if t and t not in person.titles:
                person.titles.append(t)
            if t and is_counterpart(t) and person.counterpart_of is None:
                person.counterpart_of = _counterpart_owner(doc, persons, mentions, m)


def _counterpart_owner(doc: Doc, persons: list[Person], mentions: list[Mention], m: Mention) -> Person | None:
    """Whose counterpart a named person is: the nearest other person named before in the sentence."""
    floor = sent_of(doc[m.start]).start
    before = [x for x in mentions if floor <= x.start < m.start and x.pid != m.pid]
    return persons[max(before, key=lambda x: x.start).pid] if before else None
