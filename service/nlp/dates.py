"""Dates: the publication date of an article, and date expressions resolved against it.

Relative expressions ("on Monday", "last week") need an anchor: the publication date when the
article shows one (a masthead date is too weak). Without an anchor they stay unresolved: a date
is never invented.
"""
import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {m: i for i, ms in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec")), 1) for m in ms}
WEEKDAYS = {d: i for i, d in enumerate(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"))}

MON = r"(?P<mon>january|february|march|april|may|june|july|august|september|october|november|december" \
      r"|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
WD = r"(?:(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+)?"
ORD = r"(?:st|nd|rd|th)?"
PART = r"(?:\s+(?:morning|afternoon|evening|night))?"
YEAR = r"(?P<year>(?:19|20)\d\d)"
ABSOLUTE = [
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mnum>\d\d)-(?P<day>\d\d)(?!\d)"),
    re.compile(WD + r"\b" + MON + r"\s+(?P<day>\d{1,2})" + ORD + r"\b(?:,?\s+" + YEAR + r")?" + PART, re.I),
    re.compile(WD + r"\b(?P<day>\d{1,2})" + ORD + r"[\s-]+(?:of\s+)?" + MON + r"(?:[\s,-]+" + YEAR + r")?\b" + PART,
               re.I),
    re.compile(r"\b(?P<day>\d{1,2})" + ORD
               + r",?\s+(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+"
               + MON + r",?\s+" + YEAR, re.I),
    re.compile(r"\b(?:in\s+)?" + MON + r",?\s+" + YEAR + r"\b", re.I),
    re.compile(r"\b(?:in|since|during|back in)\s+" + YEAR + r"\b(?![-–/]\d)", re.I),
]
NOT_OF = r"(?!\s+(?:the|a|an|his|her|its|their)\b)"
RELATIVE = re.compile(
    r"\b(?:(?P<last>last|this past|earlier this|this|next|in|since)\s+)?"
    r"(?:(?:late|early)\s+)?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?" + PART + r"\b"
    r"|\b(?P<day_word>today|tonight|yesterday|tomorrow)\b"
    # "a day before the summit" is relative to the summit, not to the date just mentioned
    r"|\b(?P<anaphor>(?:a|one|the)\s+day\s+(?:earlier|before" + NOT_OF + r")|the\s+previous\s+day"
    r"|the\s+day\s+before" + NOT_OF + r"|(?:the\s+)?(?:next|following)\s+day|a\s+day\s+later)\b"
    r"|\b(?P<period>(?:last|earlier\s+this|this|late\s+last|early\s+this|earlier\s+in\s+the)\s+(?:week|month|year|weekend))\b"
    r"|\b(?P<lastmon>last|this\s+past|in|since|earlier\s+in|late|early)\s+" + MON.replace("?P<mon>", "?P<mon2>")
    + r"(?!\s*\d)",
    re.I)


@dataclass
class DateExpr:
    start: int  # character offsets in the article
    end: int
    text: str
    date: dt.date | None
    precision: str | None  # day | month | year
    basis: str  # explicit | relative | unknown
    anaphoric: bool = False  # "the previous day": relative to the date just mentioned


def _month(text: str) -> int:
    return MONTHS[text.lower().rstrip(".")]


def _safe(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _absolute(m: re.Match, anchor: dt.date | None) -> tuple[dt.date | None, str]:
    gd = m.groupdict()
    if not gd.get("mnum") and not gd.get("mon"):
        return dt.date(int(gd["year"]), 1, 1), "year"
    mon = int(gd["mnum"]) if gd.get("mnum") else _month(gd["mon"])
    year = int(gd["year"]) if gd.get("year") else None
    if not gd.get("day"):
        return (_safe(year, mon, 1), "month") if year else (None, "month")
    day = int(gd["day"])
    if year is None:
        if anchor is None:
            return None, "day"
        year = anchor.year
        guess = _safe(year, mon, day)
        if guess and guess > anchor + dt.timedelta(days=7):
            year -= 1
    return _safe(year, mon, day), "day"


def _month_back(anchor: dt.date, months: int) -> dt.date:
    y, m = divmod(anchor.year * 12 + anchor.month - 1 - months, 12)
    return dt.date(y, m + 1, 1)


def _relative(m: re.Match, anchor: dt.date | None, reference: dt.date | None):
    gd = m.groupdict()
    if gd["wd"]:
        if (gd["last"] or "").lower() in {"next", "since", "in"} or anchor is None:
            return None, "day"
        back = (anchor.weekday() - WEEKDAYS[gd["wd"].lower()]) % 7
        if (gd["last"] or "").lower() == "this" and WEEKDAYS[gd["wd"].lower()] > anchor.weekday():
            return None, "day"  # "this Friday" said on a Wednesday is still to come
        if (gd["last"] or "").lower() == "last" and back == 0:
            back = 7
        return anchor - dt.timedelta(days=back), "day"
    if gd["day_word"]:
        word = gd["day_word"].lower()
        if anchor is None or word == "tomorrow":
            return None, "day"
        return anchor - dt.timedelta(days=1 if word == "yesterday" else 0), "day"
    if gd["anaphor"]:
        base = reference or anchor
        if base is None:
            return None, "day"
        later = any(w in gd["anaphor"].lower() for w in ("next", "following", "later"))
        return base + dt.timedelta(days=1 if later else -1), "day"
    if gd["period"]:
        words = gd["period"].lower().split()
        unit = words[-1]
        if anchor is None:
            return None, "year" if unit == "year" else "month"
        if unit == "year":
            return dt.date(anchor.year - (words[0] in {"last", "late"}), 1, 1), "year"
        if unit == "month":
            return _month_back(anchor, 1 if words[0] in {"last", "late"} else 0), "month"
        days = 7 if words[0] in {"last", "late"} else 0
        return (anchor - dt.timedelta(days=days)).replace(day=1), "month"
    mon = _month(gd["mon2"])
    if anchor is None:
        return None, "month"
    strictly_before = gd["lastmon"].lower() in {"last", "this past"}
    year = anchor.year if (mon < anchor.month or (mon == anchor.month and not strictly_before)) else anchor.year - 1
    return dt.date(year, mon, 1), "month"


def find_dates(text: str, anchor: dt.date | None, skip_until: int = 0) -> list[DateExpr]:
    """Every date expression of the text after `skip_until`, resolved, in text order.

    Anaphoric expressions ("the previous day") count from the last day-precise date before them.
    """
    found: list[tuple[int, int, re.Match, bool]] = []
    taken: list[tuple[int, int]] = []
    for rx in ABSOLUTE:
        for m in rx.finditer(text, skip_until):
            if not any(s < m.end() and m.start() < e for s, e in taken):
                found.append((m.start(), m.end(), m, True))
                taken.append((m.start(), m.end()))
    for m in RELATIVE.finditer(text, skip_until):
        if not any(s < m.end() and m.start() < e for s, e in taken):
            found.append((m.start(), m.end(), m, False))
    out: list[DateExpr] = []
    reference = None
    for start, end, m, absolute in sorted(found, key=lambda f: f[0]):
        if absolute:
            date, precision = _absolute(m, anchor)
            basis = "explicit"
        else:
            date, precision = _relative(m, anchor, reference)
            basis = "relative"
        expr = DateExpr(start, end, m.group(0), date, precision, basis if date else "unknown",
                        anaphoric=bool(not absolute and m.groupdict().get("anaphor")))
        out.append(expr)
        if date and precision == "day":
            reference = date
    return out


PUBLISHED = re.compile(r"\b(?:published|posted|updated|last updated|date)\s*:?\s*(?:on\s+)?"
                       r"(?:\d{1,2}:\d\d\s*(?:[ap]\.?m\.?)?,?\s*)?", re.I)
HEADER = re.compile(r"^\s*date\s*:?\s+(\d{4}-\d\d-\d\d)(?!\d)(?:T[\d:.]+Z?)?", re.I)
DATELINE = re.compile(r"[A-Z][A-Za-z .'-]{1,40}(?:\s*\[[^\]\n]{1,40}\])?,\s*" + MON + r"\s+\d{1,2}"
                      + r"(?:,\s*(?:19|20)\d\d)?\.?\s*(?:\([A-Za-z .]{2,20}\)|/[A-Za-z .]{2,20}/\.?)\s*(?:--|[:\-–—])?",
                      re.I)
SEPARATORS = re.compile(r"\s[|·•]\s")
LEFTOVER = re.compile(r"[^A-Za-z]+|\b(?:utc|gmt|am|pm|ago|years?|months?|days?|hours?|updated|published|posted|"
                      r"on|at|by|"
                      r"ist|est|edt|cet|bst|local|time)\b", re.I)


def _full_dates(line: str) -> list[tuple[re.Match, dt.date]]:
    out = []
    for rx in ABSOLUTE[:4]:
        for m in rx.finditer(line):
            if m.groupdict().get("year"):
                date, _ = _absolute(m, None)
                if date:
                    out.append((m, date))
    return sorted(out, key=lambda x: x[0].start())


def publication_date(text: str, max_lines: int = 8) -> tuple[dt.date | None, str, int]:
    """(date, basis, end offset of the header zone) from the first lines of an article.

    basis: header (``date 2021-08-17``), publication_line (``Published: ...`` or a line that is
    only a date), dateline (``City, August 17, 2021 (Agency):``), masthead (a date inside a line
    of other text, such as a site banner), none.
    """
    m = HEADER.match(text)
    if m:
        zone = m.end()
        rest = text[m.end():]
        dl = DATELINE.match(text, m.end() + len(rest) - len(rest.lstrip()))
        if dl:
            zone = dl.end()
        return dt.date.fromisoformat(m.group(1)), "header", zone
    offset, seen = 0, 0
    best = None
    for line in text.splitlines(keepends=True):
        start, offset = offset, offset + len(line)
        if not line.strip():
            continue
        seen += 1
        if seen > max_lines:
            break
        dl = DATELINE.match(line, len(line) - len(line.lstrip()))
        if dl:
            # the first line of the story: its dateline is the report's date, not an event's
            in_dateline = _full_dates(line[:dl.end()])
            if in_dateline:
                return in_dateline[0][1], "dateline", start + dl.end()
            date, basis, _ = best or (None, "none", 0)
            return date, basis, start + dl.end()
        dates = _full_dates(line)
        if not dates:
            continue
        pub = PUBLISHED.search(line)
        if pub:
            after = [d for m, d in dates if m.start() >= pub.end() - 1]
            return (after or [dates[0][1]])[0], "publication_line", offset
        m0, date = dates[0]
        # the date alone on its line, or alone in a field of a byline ("By A. Writer | Sep 3, 2021 8:15 PM")
        for part in [line, *(p for p in SEPARATORS.split(line) if m0.group(0) in p)]:
            cut = part.find(m0.group(0))
            rest = LEFTOVER.sub(" ", part[:cut] + " " + part[cut + len(m0.group(0)):]).split()
            rest = [w for w in rest if w.lower() not in MONTHS and w.lower() not in WEEKDAYS]
            if len(rest) <= 2 and (part is line or len(SEPARATORS.split(line)) > 1):
                return date, "publication_line", offset
        if best is None:
            best = (date, "masthead", offset)
    return best or (None, "none", 0)
