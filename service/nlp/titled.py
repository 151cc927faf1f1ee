"""An article whose heading names a briefing or a speech and its speaker ("Spokesperson X's Regular
Press Conference on 5 June 2023", "Remarks by President X at the Summit") reports that occasion,
even when its body, a transcript, names neither."""
from spacy.tokens import Doc

from .candidates import Candidate, best_matches
from .dates import DateExpr
from .header_dates import full_dates
from .issuer import is_issuer_line
from .merge import Group
from .people import People
from .pipeline import sent_of, text_of

OCCASIONS = {"press_conference", "speech"}
TERMINAL = (".", "!", "?", '"', "”")


def titled_occasion(doc: Doc, people: People, groups: list[Group], report: DateExpr | None) -> Group | None:
    """The occasion the first line names (the line after it when the first is the issuer's name:
    "Ministry of Foreign Affairs of X" above "Press Briefing by the Spokesperson, NAME"), with its one
    speaker, unless the body reports it already."""
    text = text_of(doc)
    lo, hi = _line_at(text, 0)
    if is_issuer_line(doc, lo, hi):
        lo, hi = _line_at(text, hi)
    heading = doc.char_span(lo, hi, alignment_mode="expand")
    if heading is None or text[lo:hi].rstrip().endswith(TERMINAL):
        return None
    for channel, span in best_matches(doc).values():
        trig = span.root
        if channel not in OCCASIONS or not heading.start <= trig.i < heading.end:
            continue
        pids = list(dict.fromkeys(p for t in heading if (p := people.pid_at(t.i)) is not None))
        if len(pids) != 1 or any(g.channel == channel and pids[0] in g.pids for g in groups):
            return None
        date = _heading_date(text, lo, hi) or report
        cand = Candidate(channel, pids, trig, trig, sent_of(trig), {t.i for t in heading}, subj=pids)
        return Group(cand, date)
    return None


def _line_at(text: str, pos: int) -> tuple[int, int]:
    """Where the first line with text from `pos` on begins and ends."""
    lo = pos
    while lo < len(text) and text[lo].isspace():
        lo += 1
    hi = text.find("\n", lo)
    return lo, len(text) if hi < 0 else hi


def _heading_date(text: str, lo: int, hi: int) -> DateExpr | None:
    """ "... Press Conference on June 5, 2023": the full date the heading gives."""
    found = full_dates(text[lo:hi])
    if not found:
        return None
    m, day = found[0]
    return DateExpr(lo + m.start(), lo + m.end(), m.group(0), day, "day", "explicit")
