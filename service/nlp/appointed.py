"""The office a person was just given: "NAME on her appointment as Foreign Minister of Mongolia"."""
from spacy.tokens import Doc

from .countries import code_at, country_after
from .lexicon import lexicon

OWNERS = {"his", "her", "their"}


def appointed_as(doc: Doc, end: int) -> tuple[str, str | None] | None:
    """ "on his election as President of X", "on her appointment as Mongolian foreign minister", right
    after a name ending at `end`: (the title, its country). The congratulated person holds that office."""
    v = lexicon().titles
    k = end
    if not (k + 4 < len(doc) and doc[k].lower_ == "on" and doc[k + 1].lower_ in OWNERS
            and doc[k + 2].lower_ in v.appointment_nouns and doc[k + 3].lower_ == "as"):
        return None
    start = stop = k + 4
    country = None
    while stop < min(len(doc), start + 6) and (doc[stop].lower_ in v.title_or_modifier or code_at(doc, stop)):
        country = country or code_at(doc, stop)  # "as Mongolian foreign minister"
        stop += 1
    if not any(t.lower_ in v.title_words for t in doc[start:stop]):
        return None
    if stop < len(doc) and doc[stop].lower_ == "of":
        country = country or country_after(doc, stop + 1, min(len(doc), stop + 5))
    words = [t.text for t in doc[start:stop] if not code_at(doc, t.i)]
    return " ".join(words), country
