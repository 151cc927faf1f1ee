"""The states an article names together ("talks between A and B", "the A-B summit", "the A, B and C
foreign ministers"): a participant whose own mentions give no country takes the one state of such
a set that the event's other participants leave ("Minister X of A met Y; relations between A and B"
gives Y the country B). A set is used only when it has as many states as the event has people and
holds every country the others already have; two sets that disagree give nothing."""
from spacy.tokens import Doc, Span

from .headline import headline
from .lexicon import lexicon
from .people import People
from .pipeline import sentences, text_of
from .places import country_of, is_country, is_demonym

JOINERS = {",", "and", "&", "-", "–", "/", "the"}
HYPHENS = ("-", "–")


def _state(text: str) -> str | None:
    return country_of(text) if is_country(text) or is_demonym(text) else None


def _entity_states(text: str) -> list[str]:
    """One entity's states: "Kenya" -> [KE]; "Kenya-Uganda" tagged as one entity -> [KE, UG]."""
    whole = _state(text)
    if whole:
        return [whole]
    for dash in HYPHENS:
        if dash in text:
            parts = [_state(p.strip()) for p in text.split(dash)]
            if all(parts):
                return parts
    return []


def state_sets(doc: Doc) -> list[frozenset[str]]:
    """Every run of two or more states joined only by commas, "and", hyphens or "the", in a sentence
    that speaks of their relationship ("relations", "ties", "the two countries": data)."""
    cached = doc.user_data.get("nlp_state_sets")
    if cached is None:
        words = lexicon().participation.relation_words
        cached = doc.user_data["nlp_state_sets"] = [
            frozenset(run) for sent in sentences(doc) if any(t.lower_ in words for t in sent)
            for run in _runs(sent) if len(run) >= 2] + [frozenset(run) for run in _headline_runs(doc)]
    return cached


def _headline_runs(doc: Doc) -> list[list[str]]:
    """ "India, Egypt discuss shipping": a headline that opens with two or more states joined only by
    commas or "and" names the states of its story's pair."""
    line = headline(text_of(doc))
    start = text_of(doc).find(line) if line else -1
    span = doc.char_span(start, start + len(line), alignment_mode="expand") if start >= 0 else None
    if span is None:
        return []
    runs = _runs(span)
    first = next((e for e in span.ents if e.label_ in {"GPE", "NORP", "ORG"} and _entity_states(e.text)), None)
    return [runs[0]] if runs and len(runs[0]) >= 2 and first is not None and first.start == span.start else []


def _runs(sent: Span) -> list[list[str]]:
    """The runs of states of one sentence, in order."""
    ents = {e.start: e for e in sent.ents if e.label_ in {"GPE", "NORP", "ORG"}}
    runs: list[list[str]] = [[]]
    i = sent.start
    while i < sent.end:
        ent = ents.get(i)
        states = _entity_states(ent.text) if ent is not None else []
        if states:
            runs[-1] += [s for s in states if s not in runs[-1]]
            i = ent.end
            continue
        if sent.doc[i].lower_ not in JOINERS and runs[-1]:
            runs.append([])
        i += 1
    return runs


def _international(person) -> bool:
    bodies = [b.lower() for b in lexicon().titles.international_bodies]
    return any(b in t.lower().split() or b in t.lower() and " " in b for t in person.titles for b in bodies)


def left_country(doc: Doc, pids: list[int], people: People) -> tuple[int, str] | None:
    """(pid, country) for the one participant of `pids` whose country the article's state sets give."""
    persons = [people.persons[p] for p in pids]
    unknown = [p for p in persons if p.country is None]
    known = {p.country for p in persons if p.country is not None}
    if len(unknown) != 1 or len(known) != len(persons) - 1 or _international(unknown[0]):
        return None
    found = {next(iter(s - known)) for s in state_sets(doc) if len(s) == len(persons) and known < s}
    return (unknown[0].pid, found.pop()) if len(found) == 1 else None
