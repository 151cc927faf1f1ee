"""The state that issues a readout: "Ministry of External Affairs / Government of India" at its head."""
from spacy.tokens import Doc

from .countries import code_at
from .lexicon import lexicon
from .people import Person
from .pipeline import text_of

HEAD_TOKENS = 24  # an issuer's block is short: a name and a label or two, not a sentence
HEAD_LINES = 5  # the lines of the head that may name the issuer


def issuer_country(doc: Doc) -> str | None:
    """The one state the head of the document names as its issuer (participation.json: issuer_words):
    the first block (its lines up to the first blank line) when it is an institution's name, else the
    short lines among the first few that are ("Government of India"); none when they name several."""
    text = text_of(doc)
    start = len(text) - len(text.lstrip())
    end = text.find("\n\n", start)
    end = len(text) if end < 0 else end
    found = _named(doc, _tokens(doc, start, end))
    if not found:
        found = {iso for line in _head_lines(doc) for iso in _named(doc, line)}
    return found.pop() if len(found) == 1 else None


def _head_lines(doc: Doc) -> list[list]:
    """The tokens of the first HEAD_LINES lines that hold any (of a line longer than an issuer's
    block, only as many as tell it is)."""
    text, lines, pos = text_of(doc), [], 0
    while pos <= len(text) and len(lines) < HEAD_LINES:
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        if text[pos:end].strip():
            lines.append(_tokens(doc, pos, end))
        pos = end + 1
    return [line for line in lines if line]


def _tokens(doc: Doc, lo: int, hi: int) -> list:
    """The words of the text from `lo` to `hi`, at most one more than an issuer's block holds (enough
    to tell a longer text is none)."""
    span = doc.char_span(lo, hi, alignment_mode="expand")
    tokens = []
    for tok in span if span is not None else ():
        if not tok.is_space:
            tokens.append(tok)
            if len(tokens) > HEAD_TOKENS:
                break
    return tokens


def _named(doc: Doc, tokens: list) -> set[str]:
    """The states a verbless institution's name among `tokens` names; a headline ("Kenyan government
    bans ...") names none."""
    words = lexicon().participation.issuer_words
    if not tokens or len(tokens) > HEAD_TOKENS or not any(t.lower_ in words for t in tokens):
        return set()
    if any(t.pos_ in {"VERB", "AUX"} for t in tokens):
        return set()
    return {iso for t in tokens if (iso := code_at(doc, t.i))}


def is_issuer_line(doc: Doc, lo: int, hi: int) -> bool:
    """Whether the text from `lo` to `hi` (a head line) is a verbless institution's name
    ("Ministry of Foreign Affairs of the Republic of Indonesia")."""
    return bool(_named(doc, _tokens(doc, lo, hi)))


def issuer_countries(doc: Doc, persons: list[Person]) -> None:
    """A readout's own officials, titled but given no country of their own, act for the issuer."""
    iso = issuer_country(doc)
    if iso is None:
        return
    for person in persons:
        if person.country is None and person.titles:
            person.country = iso
