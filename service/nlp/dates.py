"""Date expressions of an article's body, resolved against its report date.

The patterns below find the expressions; dateparser (normalise.parse) reads them, with the
anchor as its base and a preference for the past. Two classes stay with this module because
dateparser has no reading for them: anaphoric days ("the previous day", "a day earlier", "that day", counted
from the date just mentioned) and the weekday inside a numeric day ("Monday (20/10)"). Conventions
dateparser does not know are kept by the base it is given: a weekday is the latest such day on or
before the anchor, "last November" is strictly before the anchor's month, a day without a year
up to a week after the anchor is still this year's. Without an anchor, relative expressions stay
unresolved: a date is never invented.
"""
import datetime as dt
import re
from dataclasses import dataclass

from .header_dates import DATELINE, FORMS, HEADER, full_dates, post_dates, resolve
from .lexicon import lexicon
from .normalise import alternation, months, parse, weekdays
from .published import publication, publication_date

__all__ = ["DATELINE", "HEADER", "DateExpr", "find_dates", "find_post_dates", "full_dates", "publication",
           "publication_date"]

WEEKDAYS = weekdays()
MON = alternation(m for m, (_, lang) in months().items() if lang == "en")
WDS = alternation(WEEKDAYS)
WD = rf"(?:(?P<wd>{WDS}),?\s+)?"
ORD = r"(?:st|nd|rd|th)?"
DATES = lexicon().dates
PART = rf"(?:\s+(?:{alternation(DATES.parts_of_day)}))?"
YEAR = r"(?P<year>(?:19|20)\d\d)"
RANGE = r"\s*(?:[-–]|to|and)\s*"
ABSOLUTE = [
    # a span of days is the month it falls in: "from March 3-5", "13 - 15 February 2019"
    re.compile(rf"\b(?P<mon>{MON})\.?\s+(?P<day>\d{{1,2}}){ORD}{RANGE}\d{{1,2}}{ORD}\b(?!:)(?:,?\s+{YEAR})?", re.I),
    re.compile(rf"\b(?P<day>\d{{1,2}}){ORD}{RANGE}\d{{1,2}}{ORD}\s+(?:of\s+)?(?P<mon>{MON})\b\.?(?:,?\s+{YEAR})?",
               re.I),
    *FORMS[:2],  # numeric: 2021-08-17, 2021/8/17, 17-08-2021, 17.08.2021, 17/08/2021
    re.compile(rf"\b(?P<wd>{WDS})\s*\((?P<a>\d{{1,2}})[/.](?P<b>\d{{1,2}})\)", re.I),
    re.compile(WD + rf"\b(?P<mon>{MON})\.?\s+(?P<day>\d{{1,2}}){ORD}\b(?:,?\s+{YEAR})?" + PART, re.I),
    re.compile(WD + rf"\b(?P<day>\d{{1,2}}){ORD}[\s-]+(?:of\s+)?(?P<mon>{MON})\b\.?(?:[\s,-]+{YEAR})?\b" + PART, re.I),
    re.compile(rf"\b(?P<day>\d{{1,2}}){ORD},?\s+(?P<wd>{WDS}),?\s+(?P<mon>{MON})\.?,?\s+{YEAR}", re.I),
    re.compile(rf"\b(?:in\s+)?(?P<mon>{MON})\.?,?\s+{YEAR}\b", re.I),
    re.compile(rf"\b(?:in|since|during|back in)\s+{YEAR}\b(?![-–/]\d)", re.I),
]
NOT_OF = r"(?!\s+(?:the|a|an|his|her|its|their)\b)"
SAME_DAY = alternation(DATES.same_day)
DAY_BEFORE = DATES.day_before
THAT_DAY = alternation(DATES.that_day)
COUNTS = DATES.counts
COUNT = rf"(?:\d{{1,2}}|{alternation(COUNTS)})"
RELATIVE = re.compile(
    rf"\b(?:(?P<last>last|this past|earlier this|this|next|in|since)\s+)?"
    rf"(?:(?:late|early)\s+)?(?P<wd>{WDS})s?" + PART + r"\b"
    rf"|\b(?P<ago>{COUNT}\s+(?:days?|weeks?|months?)\s+ago|the\s+day\s+before\s+yesterday)\b"
    rf"|\b(?P<day_word>{SAME_DAY}|{alternation(DAY_BEFORE)}|tomorrow)\b"
    # "a day before the summit" is relative to the summit, not to the date just mentioned
    rf"|\b(?P<anaphor>(?P<that_day>{THAT_DAY})|(?P<count>{COUNT}|the)\s+days?\s+(?:earlier|later|before" + NOT_OF
    + r")|the\s+previous\s+day"
    r"|the\s+day\s+before" + NOT_OF + r"|(?:the\s+)?(?:next|following)\s+day|a\s+day\s+later)\b"
    # "on the 14th": a day of the month, when a phrase or a stop follows (not "the 14th round")
    r"|\bon\s+the\s+(?P<nth>[123]?\d)(?:st|nd|rd|th)(?:\s+of\s+this\s+month)?"
    r"(?=\s*(?:[,.;:)]|$|(?:in|at|with|when|after|before|during|and\s+(?!\d))\b))"
    r"|\b(?P<period>(?:last|earlier\s+this|this|late\s+last|early\s+this|earlier\s+in\s+the)\s+(?:week|month|year|weekend)"
    rf"|(?:{alternation(DATES.weekend_preps)})\s+the\s+weekend(?!\s+of\b))\b"
    r"|\b(?P<lastmon>last|this\s+past|in|since|earlier\s+in|late|early|mid)(?:\s+|-|\s+mid-)(?P<mon2>" + MON
    + r")\b\.?(?!\s*\d)",
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
    post: bool = False  # the date closing an embedded post: the post's own date


PRECISION = {"day": "day", "week": "month", "month": "month", "year": "year"}
WEEK = dt.timedelta(days=7)
DAY = dt.timedelta(days=1)
SATURDAY = 5


def _read(expr: str, base: dt.date | None) -> tuple[dt.date | None, str]:
    """dateparser's reading, as (first day of the period, precision)."""
    found = parse(expr, base)
    if found is None:
        return None, "day"
    date, period = found
    precision = PRECISION.get(period, "day")
    if precision == "month":
        date = date.replace(day=1)
    elif precision == "year":
        date = dt.date(date.year, 1, 1)
    return date, precision


def _in_parentheses(m: re.Match, anchor: dt.date | None) -> tuple[dt.date | None, str]:
    """ "Monday (20/10)": the day and month, in whichever order agrees with the weekday, in the
    latest year that puts it no later than a week after the anchor."""
    if anchor is None:
        return None, "day"
    wd = WEEKDAYS[m["wd"].lower()]
    a, b = int(m["a"]), int(m["b"])
    for year in (anchor.year, anchor.year - 1):
        for month, day in ((b, a), (a, b)):
            try:
                date = dt.date(year, month, day)
            except ValueError:
                continue
            if date.weekday() == wd and date <= anchor + WEEK:
                return date, "day"
    return None, "day"


def _absolute(m: re.Match, anchor: dt.date | None) -> tuple[dt.date | None, str]:
    gd = m.groupdict()
    if m.re in FORMS:
        return resolve(m), "day"
    if gd.get("a"):
        return _in_parentheses(m, anchor)
    if not gd.get("mon"):
        return dt.date(int(gd["year"]), 1, 1), "year"
    words = f"{gd['mon']} {gd['year'] or ''}" if m.re in ABSOLUTE[:2] or not gd.get("day") else \
        f"{gd['mon']} {gd['day']} {gd['year'] or ''}"
    if gd.get("year"):
        date, precision = _read(words, None)
    elif anchor is None:
        return None, "day"
    else:  # no year: a date up to a week after the report is still this year's
        date, precision = _read(words, anchor + WEEK)
    if m.re in ABSOLUTE[:2] and date is not None:
        return date.replace(day=1), "month"
    return date, precision


def _weekday(gd: dict, anchor: dt.date) -> tuple[dt.date | None, str]:
    last = (gd["last"] or "").lower()
    wd = WEEKDAYS[gd["wd"].lower()]
    if last in {"next", "since", "in"}:
        return None, "day"
    if last == "this" and wd > anchor.weekday():
        return None, "day"  # "this Friday" said on a Wednesday is still to come
    # the latest such day on or before the anchor; "last Monday" said on a Monday is a week back
    return _read(gd["wd"], anchor if last == "last" else anchor + DAY)


def _period(words: list[str], anchor: dt.date) -> tuple[dt.date | None, str]:
    """ "last week", "earlier this month", "late last year": dateparser reads the period without
    its qualifier; a week is recorded as the month it began in, the weekend just past ("over the
    weekend") as the month of its Saturday."""
    if words[-2:] == ["the", "weekend"]:  # "over the weekend": the latest Saturday, recorded as its month
        return (anchor - DAY * ((anchor.weekday() - SATURDAY) % 7)).replace(day=1), "month"
    unit = "week" if words[-1] == "weekend" else words[-1]
    which = "last" if "last" in words else "this"
    return _read(f"{which} {unit}", anchor)


def _day_of_month(day: int, anchor: dt.date | None) -> tuple[dt.date | None, str]:
    """ "on the 14th": the latest 14th on or before the anchor (this month's, else last month's)."""
    if anchor is None:
        return None, "day"
    month = anchor.replace(day=1)
    for _ in range(3):  # "the 31st" said in a month of 30 days: the last month that has one
        try:
            date = month.replace(day=day)
        except ValueError:
            date = None
        if date is not None and date <= anchor:
            return date, "day"
        month = (month - DAY).replace(day=1)
    return None, "day"


def _relative(m: re.Match, anchor: dt.date | None, reference: dt.date | None):
    gd = m.groupdict()
    if gd["anaphor"]:
        base = reference or anchor
        if base is None:
            return None, "day"
        if gd["that_day"]:
            return base, "day"
        later = any(w in gd["anaphor"].lower() for w in ("next", "following", "later"))
        count = (gd["count"] or "one").lower()
        days = int(count) if count.isdigit() else COUNTS.get(count, 1)
        return base + (DAY if later else -DAY) * days, "day"
    if gd["nth"]:
        return _day_of_month(int(gd["nth"]), anchor)
    kind = "month" if gd["period"] or gd["mon2"] or "week" in (gd["ago"] or "") else "day"
    if anchor is None:
        return None, "year" if gd["period"] and gd["period"].lower().endswith("year") else kind
    if gd["wd"]:
        return _weekday(gd, anchor)
    if gd["ago"]:
        return _read(gd["ago"], anchor)
    if gd["day_word"]:
        word = gd["day_word"].lower()
        if word == "tomorrow":
            return None, "day"
        return (anchor - DAY if word in DAY_BEFORE else anchor), "day"
    if gd["period"]:
        return _period(gd["period"].lower().split(), anchor)
    # "in November" may be this month; "last November" is before it
    strictly_before = gd["lastmon"].lower() in {"last", "this past"}
    return _read(gd["mon2"], anchor.replace(day=1) - DAY if strictly_before else anchor)


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


def find_post_dates(text: str) -> list[DateExpr]:
    """The dates that close embedded posts: each dates the post above it."""
    return [DateExpr(s, e, text[s:e], date, "day", "explicit", post=True) for s, e, date in post_dates(text)]
