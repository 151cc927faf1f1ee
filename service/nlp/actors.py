"""People of an article: full names, short mentions, title-only mentions, titles and countries."""

from spacy.tokens import Doc, Span

from ..resolving.spellings import token_equal
from .context import name_context
from .coref import title_mentions
from .groups import listed_countries, respectively_countries
from .headline import headline
from .issuer import issuer_countries
from .lexicon import lexicon
from .names import name_key, name_spans, name_text, nickname
from .offices import is_counterpart
from .people import Mention, People, Person
from .pipeline import sent_of, text_of
from .places import affiliation_of, fold
from .speaks_for import possessors_of_titles, principal_countries


def _subsequence(short: tuple[str, ...], long_: tuple[str, ...]) -> bool:
    n = len(short)
    return any(long_[i:i + n] == short for i in range(len(long_) - n + 1))


PLACE_TYPES = {"GPE", "LOC", "FAC"}  # the model's own reading of that occurrence


def find_people(doc: Doc) -> People:
    """Every person of the article and every mention of them, resolved within the article.

    Full names (two or more words) make the persons; a shorter form that is part of a longer
    name is the same person ("Da Silva Costa" -> "Silva Costa"), and so is a spelling that differs
    by one letter in a long word ("Lena Hartman" / "Lena Hartmann"). A single word ("Costa") is the
    nearest preceding person whose name holds that word, so three different Costas stay apart;
    a nickname given with the full name ("Ana Ruiz (Nina)") is that person. "The President",
    "the Peruvian president" go to the most-mentioned person holding that title so far.
    """
    spans = name_spans(doc)
    spans = [s for s in spans if not _a_venue(s, spans)
             and (len(name_key(s)) > 1 or not (_used_as_place(doc, s) or _qualifies_title(s, spans)))]
    persons, by_key = _persons(spans)
    mentions, covered = _mentions(doc, spans, persons, by_key)
    mentions += _unmarked_words(doc, persons, mentions, covered)
    mentions.sort(key=lambda m: m.start)
    _add_context(doc, persons, mentions)
    respectively_countries(doc, persons, mentions)
    listed_countries(doc, persons, mentions)
    principal_countries(doc, persons, mentions)
    issuer_countries(doc, persons)
    mentions = title_mentions(doc, persons, mentions, covered)
    acting_for = possessors_of_titles(doc, mentions)
    by_token = {i: m.pid for m in mentions for i in range(m.start, m.end) if i not in acting_for}
    return People(persons, mentions, by_token)


def _used_as_place(doc: Doc, span: Span) -> bool:
    """A single capitalised word the article also uses as a place ("met in Tabuk", typed a place
    there): not a person."""
    places = doc.user_data.get("nlp_place_words")
    if places is None:
        preps, possessive = lexicon().places.place_only_preps, lexicon().grammar.possessive
        places = doc.user_data["nlp_place_words"] = {
            tok.text for tok in doc[1:] if doc[tok.i - 1].lower_ in preps and tok.ent_type_ in PLACE_TYPES
            and (tok.i + 1 == len(doc) or doc[tok.i + 1].lower_ not in possessive)}
    return span.text in places


def _a_venue(span: Span, spans: list[Span]) -> bool:
    """ "during a meeting at Qasr Al Noor": a name the article gives only right after a venue
    preposition, owning nothing there, is where the event was (a palace, a villa), not a person."""
    doc = span.doc
    if span.start == 0 or doc[span.start - 1].lower_ not in lexicon().places.venue_preps:
        return False
    if span.end < len(doc) and doc[span.end].lower_ in lexicon().grammar.possessive:
        return False  # "at Ana Ruiz's residence"
    return not any(s.text == span.text for s in spans if s.start != span.start)


def _qualifies_title(span: Span, spans: list[Span]) -> bool:
    """ "Governor <province>, NAME": one word between a title and the full name it introduces
    is where the office is, not a person (unless the article names it again)."""
    doc = span.doc
    if span.start == 0 or doc[span.start - 1].lower_ not in lexicon().titles.title_words:
        return False
    if span.end + 1 >= len(doc) or doc[span.end].text != ",":
        return False
    follows = any(s.start == span.end + 1 and len(name_key(s)) > 1 for s in spans)
    return follows and sum(t.text == span.text for t in doc) == 1


def _variant_of(key: tuple[str, ...], persons: list[Person]) -> Person | None:
    """A person whose name is this one spelt with one letter different in long words."""
    for p in persons:
        if len(p.tokens) == len(key) and key != p.tokens \
                and all(token_equal(a, b) for a, b in zip(key, p.tokens, strict=True)):
            return p
    return None


def _persons(spans: list[Span]) -> tuple[list[Person], dict[tuple, Person]]:
    """The persons of the full names, longest first, and the person each name form denotes."""
    names = {}
    for span in spans:
        names.setdefault(name_key(span), name_text(span))
    persons: list[Person] = []
    by_key: dict[tuple, Person] = {}
    for key in sorted(names, key=len, reverse=True):
        owner = next((p for p in persons if len(key) < len(p.tokens) and _subsequence(key, p.tokens)), None)
        if owner is None and len(key) >= 2:
            owner = _variant_of(key, persons)
        if owner is None and len(key) >= 2:
            owner = Person(len(persons), names[key], key)
            persons.append(owner)
        if owner is not None and len(key) > 1:  # a single word can belong to several people
            owner.aliases.add(names[key])
            by_key[key] = owner
    for span in spans:
        nick, owner = nickname(span), by_key.get(name_key(span))
        if nick and owner is not None and len(name_key(span)) > 1:
            owner.aliases.add(nick)
            by_key.setdefault((nick.lower(),), owner)
    return persons, by_key


def _mentions(doc: Doc, spans: list[Span], persons: list[Person], by_key: dict) -> tuple[list[Mention], set[int]]:
    mentions: list[Mention] = []
    covered: set[int] = set()
    for span in spans:
        key = name_key(span)
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
    return mentions, covered


def _unmarked_words(doc: Doc, persons: list[Person], mentions: list[Mention], covered: set[int]) -> list[Mention]:
    """Single words of a known name that the model did not tag as a person ("Okonkwo" as ORG)."""
    words = {fold(w) for p in persons for w in _short_forms(p)} | {
        fold(a) for p in persons for a in p.aliases if len(a.split()) == 1}  # "Nunez" for "Núñez"
    out: list[Mention] = []
    for tok in doc:
        if (tok.i in covered or fold(tok.text) not in words or not tok.text[:1].isupper()
                or tok.pos_ not in {"PROPN", "NOUN"}):
            continue
        person = _nearest(persons, mentions + out, tok.lower_, tok.i, doc)
        if person:
            out.append(Mention(tok.i, tok.i + 1, person.pid, "short"))
            person.aliases.add(tok.text)
            covered.add(tok.i)
    return out


def _short_forms(p: Person) -> set[str]:
    """The words of a name that can stand for the person alone: not particles, not a father's name."""
    particles, father = lexicon().titles.name_particles, lexicon().titles.father_particles
    return {w for k, w in enumerate(p.tokens) if len(w) > 1 and w not in particles
            and not (k > 0 and p.tokens[k - 1] in father)}


def _one_edit(a: str, b: str) -> bool:
    """Two spellings one letter apart: one substituted, added or dropped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _speaker(tok) -> bool:
    return tok.dep_ == "nsubj" and tok.head.lemma_.lower() in lexicon().channels.speaker_verbs


def _nearest(persons: list[Person], mentions: list[Mention], word: str, at: int, doc: Doc | None = None):
    """The person a single word names: the nearest preceding one whose name holds it; when the
    word is someone speaking ("Costa said"), the nearest such person who was speaking too."""
    candidates = {p.pid for p in persons if word in _short_forms(p) or word in {a.lower() for a in p.aliases}}
    if not candidates:  # "Nunez" for "Núñez", "Ostrovsky" for "Ostrovskyy": accents, one letter more or less
        key = fold(word)
        candidates = {p.pid for p in persons if any(fold(w) == key or len(key) >= 6 and _one_edit(key, fold(w))
                                                    for w in _short_forms(p) if len(w) >= 4)}
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


def _headline_end(doc: Doc) -> int:
    """Where the article's headline line ends (0 without one): a headline's words are telegraphic
    ("X Receives Prime Minister of Y, Z, And W"), so the body's mentions decide titles and countries."""
    text = text_of(doc)
    line = headline(text)
    if not line:
        return 0
    offset = 0
    for raw in text.splitlines(keepends=True):
        if " ".join(raw.split()) == line:
            return offset + len(raw)
        offset += len(raw)
    return 0


def _add_context(doc: Doc, persons: list[Person], mentions: list[Mention]) -> None:
    """Titles and country from every mention: full names first, body before headline."""
    head_end = _headline_end(doc)
    particles = lexicon().titles.name_particles
    names = frozenset(w for p in persons for w in p.tokens if len(w) > 2 and w not in particles)
    for m in sorted(mentions, key=lambda m: (doc[m.start].idx < head_end, m.kind != "full", m.start)):
        person = persons[m.pid]
        person.mentions += 1
        titles, country = name_context(doc, m.start, m.end, names)
        person.country = person.country or country
        for t in titles:
            if t and t not in person.titles:
                person.titles.append(t)
            if t and is_counterpart(t) and person.counterpart_of is None:
                person.counterpart_of = _counterpart_owner(doc, persons, mentions, m)
    for person in persons:
        person.country = person.country or _title_institution(person.titles)


def _title_institution(titles: list[str]) -> str | None:
    """ "White House spokesman", "Kremlin aide": a state institution named inside the title itself
    (data/en/affiliations.json)."""
    for title in titles:
        words = title.split()
        for n in (3, 2, 1):
            for k in range(len(words) - n + 1):
                iso = affiliation_of(" ".join(words[k:k + n]))
                if iso:
                    return iso
    return None


def _counterpart_owner(doc: Doc, persons: list[Person], mentions: list[Mention], m: Mention) -> Person | None:
    """Whose counterpart a named person is: the nearest other person named before in the sentence."""
    floor = sent_of(doc[m.start]).start
    before = [x for x in mentions if floor <= x.start < m.start and x.pid != m.pid]
    return persons[max(before, key=lambda x: x.start).pid] if before else None
