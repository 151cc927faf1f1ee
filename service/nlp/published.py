"""The publication date of an article, from its header lines.

Header shapes: a header field (``date 2021-08-17``); a publication line ("Published: ...",
"By A. Writer | 7 Jun, 2016 09:30", a line that is only a date, a title that closes with the
document's date); a dateline ("City, Month D (Agency) --", "City Month D/YYYY (Agency)",
"CITY (Country), Month D, YYYY", "AGENCY - 14th Jun, 2019 -"). A date inside a line of other
page furniture ("Editor: A. Name Monday, July 1st, 2024") is a masthead: the day the page was
seen, too weak to resolve "on Monday" against. With none of these, the date that closes an
embedded post ("-- Name (@handle) May 9, 2017") shows when the article was at the earliest written.
The shapes of a date and of a dateline are in header_dates.
"""
import datetime as dt
import functools
import re
from dataclasses import dataclass

from .header_dates import DATELINE, HEADER, dateline, dateline_day, full_dates, post_date, post_dates
from .lexicon import lexicon
from .normalise import alternation, months, weekdays

__all__ = ["DATELINE", "HEADER", "Publication", "dateline_day", "full_dates", "post_dates", "publication",
           "publication_date"]

SEPARATORS = re.compile(r"\s[|·•/]\s")
PARAGRAPH_WORDS = 20  # a longer line is body text, not a headline or byline
AFTER_STORY = 3  # the first paragraph and the two lines after it: a date may be printed below it
FIELD = re.compile(r"^[^\W\d][\w .]{0,30}:\s")  # "Editor in Chief: ...": a field of page furniture


@dataclass
class Publication:
    date: dt.date | None
    basis: str  # header | publication_line | dateline | post | masthead | none
    header_end: int  # where the story begins
    report: dt.date | None = None  # the dateline's day when it gives one: what "on Monday" counts from
    report_span: tuple[int, int] | None = None  # where the dateline's date is in the text
    dateline_start: int | None = None  # where the dateline begins


DATES = lexicon().dates
PUBLISHED = re.compile(rf"(?<!\w)(?:{alternation(DATES.publication_labels)})\s*:?\s*(?:on\s+)?", re.I)
UPDATED = re.compile(rf"(?<!\w)(?:{alternation(DATES.update_labels)})\s*:?\s*(?:on\s+)?", re.I)
BYLINE = re.compile(rf"^\s*(?:{alternation(DATES.byline_starts)})\s+[^\W\d]", re.I)
CRAWLED = re.compile(rf"(?<!\w)(?:{alternation(DATES.crawl_labels)})\b", re.I)


def _labelled(line: str, dates: list[tuple[re.Match, dt.date]]) -> dt.date | None:
    """The date after a publication label; else, with an update label, the date printed before it
    ("Mar 3, 2015 | Updated Mar 4, 2015"), or the updated date when it is the only one."""
    for label in PUBLISHED.finditer(line):
        after = next((d for m, d in dates if m.start() >= label.end() - 1), None)
        if after is not None:
            return after
    for label in UPDATED.finditer(line):
        before = [d for m, d in dates if m.end() <= label.start()]
        after = next((d for m, d in dates if m.start() >= label.end() - 1), None)
        if before or after is not None:
            return before[0] if before else after
    return None


def _filler(text: str) -> list[str]:
    """The words of a header field that are not clock, time zone, label or date words."""
    skip = set(DATES.header_filler) | set(months()) | set(weekdays(abbreviations=True))
    return [w for w in re.findall(r"[^\W\d_]+", text) if w.lower() not in skip]


def _publication_line(line: str, m0: re.Match) -> bool:
    """A line that is only a date (and a clock time), or whose field holding the date is, a byline
    ("By Ana Maria Lopes on March 3, 2015"), or a title that closes with the document's date
    ("Statement by the Envoy, 10 April 2025")."""
    if BYLINE.match(line):
        return True
    fields = SEPARATORS.split(line)
    for part in [line, *(p for p in fields if m0.group(0) in p)] if len(fields) > 1 else [line]:
        cut = part.find(m0.group(0))
        if len(_filler(part[:cut] + " " + part[cut + len(m0.group(0)):])) <= 2:
            return True
    before, after = line[:m0.start()], line[m0.end():]
    return bool(re.search(r"[,–—-]\s*$", before)) and not _filler(after) and not FIELD.match(line.lstrip())


def _lines(text: str, max_lines: int):
    offset, seen = 0, 0
    for line in text.splitlines(keepends=True):
        start, offset = offset, offset + len(line)
        if not line.strip():
            continue
        seen += 1
        if seen > max_lines:
            return
        yield start, offset, line


def _from_header(text: str, m: re.Match) -> Publication:
    """ "date 2021-08-17", and the dateline that may follow it on the line."""
    date = dt.date.fromisoformat(m.group(1))
    rest = text[m.end():]
    dl = dateline(rest.lstrip(), date) if rest.strip() else None
    skip = m.end() + len(rest) - len(rest.lstrip())
    if dl is None:
        return Publication(date, "header", m.end())
    return Publication(date, "header", skip + dl[0], dl[1], (skip + dl[2][0], skip + dl[2][1]), skip)


def _line_date(line: str) -> tuple[dt.date, str, bool] | None:
    """(date, publication_line | masthead, whether a publication label gives it) of a header line
    that shows a full date."""
    crawl = CRAWLED.search(line)
    # the day a page was fetched ("Retrieved 3 May 2021") is not when it was published
    dates = [(m, d) for m, d in full_dates(line) if crawl is None or m.start() < crawl.start()]
    if not dates:
        return None
    date = _labelled(line, dates)
    if date is not None:
        return date, "publication_line", True
    if _publication_line(line, dates[0][0]):
        return dates[0][1], "publication_line", False
    if _publication_line(line, dates[-1][0]):
        return dates[-1][1], "publication_line", False
    return dates[0][1], "masthead", False


def _footer_date(text: str, lines: int = 4) -> dt.date | None:
    """A labelled publication date in the last lines ("Published on 3 May 2021" under the story)."""
    tail = [line for line in text.splitlines()[-3 * lines:] if line.strip()][-lines:]
    for line in tail:
        dates = full_dates(line)
        date = _labelled(line, dates) if dates and len(line.split()) <= PARAGRAPH_WORDS else None
        if date is not None:
            return date
    return None


STORY_END = (".", "!", "?", '"', "”", "’", ")")


@functools.lru_cache(maxsize=64)
def publication(text: str, max_lines: int = 12) -> Publication:
    m = HEADER.match(text)
    if m:
        return _from_header(text, m)
    best, story, labelled = None, None, False  # story: where the first paragraph of body text begins
    after_story, standfirst = 0, False
    for start, end, line in _lines(text, max_lines):
        known = best.date if best and best.basis != "masthead" else None
        # a dateline opens the story; or the line under a standfirst (a long first line with no full stop)
        dl = dateline(line, known) if story is None or (standfirst and after_story == 1) else None
        if dl is not None:  # the first line of the story: its dateline is the report's date, not an event's
            span, begins = (start + dl[2][0], start + dl[2][1]), start + len(line) - len(line.lstrip())
            if dl[1] is not None and (best is None or best.basis == "masthead"):
                return Publication(dl[1], "dateline", start + dl[0], dl[1], span, begins)
            return Publication(best.date if best else None, best.basis if best else "none", start + dl[0], dl[1],
                               span, begins)
        if len(line.split()) > PARAGRAPH_WORDS:
            standfirst = story is None and not line.rstrip().endswith(STORY_END)
            story = start if story is None else story
        after_story = after_story + 1 if story is not None else 0
        if after_story > AFTER_STORY:
            break
        if best is not None and best.basis != "masthead" and (labelled or story is not None):
            if story is not None:
                break
            continue  # after a labelled date, only a dateline; a bare date line may be a banner's day
        found = _line_date(line)
        # a date printed below the first paragraph ends the header above that paragraph
        zone = end if story is None or story == start else story
        if found is not None and (best is None or found[1] == "publication_line" and (
                best.basis == "masthead" or found[2])):
            best, labelled = Publication(found[0], found[1], zone), found[2]
    if best is not None and best.basis != "masthead":
        return best
    footer = _footer_date(text)
    if footer is not None:
        return Publication(footer, "publication_line", best.header_end if best else 0)
    post = post_date(text)
    if post is not None:
        return Publication(post, "post", best.header_end if best else 0)
    return best or Publication(None, "none", 0)


def publication_date(text: str, max_lines: int = 12) -> tuple[dt.date | None, str, int]:
    """(date, basis, end offset of the header zone): see Publication."""
    p = publication(text, max_lines)
    return p.date, p.basis, p.header_end
