"""Parts of an article that report no event: header, headings, photo captions.

Also tells an opinion piece (the author writes in the first person) from a news report.
"""
import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc

from .lexicon import lexicon
from .pipeline import text_of

CREDIT = re.compile(r"\((?:[^()]*/[^()]*|photo[^()]*|file[^()]*|credit[^()]*)\)\s*$", re.I)
CAPTION_START = re.compile(r"^\s*(?:photo|file photo|picture|image|caption)\b\s*[:/-]?", re.I)
TERMINAL = tuple('.!?"”’:)')
QUOTE_PAIRS = (("“", "”"), ("‘", "’"))


@dataclass
class Zones:
    header_end: int
    spans: list[tuple[int, int]]  # sorted, non-overlapping (start, end) excluded from events
    opinion: bool

    def skip(self, offset: int) -> bool:
        if offset < self.header_end:
            return True
        i = bisect.bisect_right(self.spans, (offset, float("inf"))) - 1
        return i >= 0 and self.spans[i][0] <= offset < self.spans[i][1]


def _lines(text: str):
    offset = 0
    for line in text.splitlines(keepends=True):
        yield offset, line
        offset += len(line)


def _quotes(text: str) -> list[tuple[int, int]]:
    out = []
    for opening, closing in QUOTE_PAIRS:
        start = None
        for m in re.finditer(re.escape(opening) + "|" + re.escape(closing), text):
            if m.group(0) == opening and start is None:
                start = m.start()
            elif m.group(0) == closing and start is not None:
                out.append((start, m.end()))
                start = None
    for offset, line in _lines(text):
        marks = [m.start() for m in re.finditer('"', line)]
        out.extend((offset + a, offset + b + 1) for a, b in zip(marks[::2], marks[1::2], strict=False))
    return out


def quote_spans(doc: Doc) -> list[tuple[int, int]]:
    """The (start, end) character spans of the article's quotations, found once per doc."""
    cached = doc.user_data.get("nlp_quotes")
    if cached is None:
        cached = doc.user_data["nlp_quotes"] = sorted(_quotes(text_of(doc)))
    return cached


def find_zones(doc: Doc, header_end: int) -> Zones:
    text = text_of(doc)
    quotes = _quotes(text)
    spans = []
    for offset, line in _lines(text):
        body = line.strip()
        if not body:
            continue
        heading = not body.endswith(TERMINAL) and len(body.split()) <= 20
        caption = bool(CREDIT.search(body)) or bool(CAPTION_START.match(body))
        if heading or caption:
            spans.append((offset, offset + len(line)))
    merged: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
        else:
            merged.append((s, e))
    zones = Zones(header_end, merged, False)
    quoted = Zones(0, sorted(quotes), False)
    # the author speaking outside quotations, three times in two paragraphs at least: an opinion piece
    words = lexicon().grammar.first_person
    first_person = [t.idx for t in doc if t.lower_ in words and t.pos_ == "PRON" and not zones.skip(t.idx)
                    and not quoted.skip(t.idx) and (t.text != "I" or t.tag_ == "PRP")]
    paragraphs = {text.count("\n\n", 0, i) for i in first_person}
    zones.opinion = len(first_person) >= 3 and len(paragraphs) >= 2
    return zones


def evidence_bounds(text: str, start: int, end: int, at: int) -> tuple[int, int]:
    """The sentence [start, end) cut to the paragraph holding offset `at` (a heading glued to it goes)."""
    lo = text.rfind("\n", start, at)
    hi = text.find("\n", at, end)
    s = lo + 1 if lo >= 0 else start
    e = hi if hi >= 0 else end
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e
