"""The headline of an article: its first short line, when it has one.

Header, date, masthead and byline lines are skipped; a first line that is a dateline with the
lead sentence, or any line that reads like sentence body, means the article gives no headline.
"""
import re

from .header_dates import DATELINE, HEADER, full_dates

MAX_CHARS = 150
BYLINE = re.compile(r"^(?:by|from|written by|posted by|reported by|staff|reuters staff|editor|editor[- ]in[- ]chief|"
                    r"photo|file photo|image|advertisement|share|home|updated|published|posted|last updated|"
                    r"reading time|read time|source|category|tags?|section|filed under|listen)\b", re.I)
FIELD = re.compile(r"^[A-Za-z][\w ]{0,25}:\s")  # "Editor in Chief: ...", "Published: ..."
SEPARATORS = re.compile(r"\s[|·•]\s")
BODY_END = (".", ",", ";", ":", "-", "–", "—")
LEAD_DATELINE = re.compile(r"^[A-Z][A-Z .'-]{2,30}(?:,\s*[A-Za-z .]+)?\s*(?:\([^)\n]{1,30}\))?\s*[-–—:]\s")


def _is_furniture(line: str) -> bool:
    """A header, date, masthead or byline line: skipped on the way to the headline."""
    if HEADER.match(line) and not line[HEADER.match(line).end():].strip():
        return True
    if full_dates(line) or re.fullmatch(r"[\W\d_]*(?:utc|gmt|am|pm|[\W\d_])*", line, re.I):
        return True
    if BYLINE.match(line) or len(SEPARATORS.split(line)) > 2:
        return True
    return len(line.split()) < 2


def headline(text: str, max_lines: int = 6) -> str | None:
    """The article's headline, or None when its first real line is not one."""
    seen = 0
    for raw in text.splitlines():
        line = " ".join(raw.split())
        if not line:
            continue
        seen += 1
        if seen > max_lines:
            return None
        header = HEADER.match(line)
        if header and line[header.end():].strip():
            return None  # a header glued to the lead sentence
        if _is_furniture(line):
            continue
        if (len(line) > MAX_CHARS or line.endswith(BODY_END) or DATELINE.match(line)
                or LEAD_DATELINE.match(line) or FIELD.match(line) and full_dates(line)):
            return None
        return line
    return None
