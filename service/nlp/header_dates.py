"""Dates in header lines: the shapes of a full date, datelines, and the date closing an embedded post.

Numeric dates read year first when they start with one, else day first ("16-11-2021"); with
slashes, month first when the day cannot come first or the line's weekday says so. Month names
are English and, in header lines, those of the byline languages (data/en/dates.json).
"""
import datetime as dt
import re

from .lexicon import lexicon
from .normalise import alternation, month_of, months, parse, weekdays

WD = alternation(weekdays(abbreviations=True))
MON = alternation(months())
MON_EN = alternation(m for m, (_, lang) in months().items() if lang == "en")
ORD = r"(?:st|nd|rd|th)?"
YEAR = r"(?P<y>(?:19|20)\d\d)"
WEEKDAY = rf"(?:(?P<wd>{WD})\.?,?\s+)?"
LINK = "|".join(re.escape(w).replace(r"\ ", r"\s+") + r"\s+" for w in lexicon().dates.date_links)


def _date_forms(mon: str) -> list[re.Pattern]:
    return [
        re.compile(rf"\b{YEAR}(?P<s>[-/.])(?P<a>\d{{1,2}})(?P=s)(?P<b>\d{{1,2}})(?!\d)"),
        re.compile(rf"(?<![\d/.-]){WEEKDAY}(?P<a>\d{{1,2}})(?P<s>[-/.])(?P<b>\d{{1,2}})(?P=s){YEAR}\b", re.I),
        re.compile(rf"\b{WEEKDAY}(?P<mon>{mon})\.?\s+(?P<d>\d{{1,2}}){ORD}(?:,?\s+|/){YEAR}\b", re.I),
        re.compile(rf"\b{WEEKDAY}(?P<d>\d{{1,2}}){ORD}[\s-]+(?:{LINK})?(?P<mon>{mon})\.?(?:,?\s+|-)(?:de\s+)?{YEAR}\b",
                   re.I),
        re.compile(rf"\b(?P<d>\d{{1,2}}){ORD},?\s+(?P<wd>{WD})\.?,?\s+(?P<mon>{mon})\.?,?\s+{YEAR}\b", re.I),
    ]


FORMS = _date_forms(MON)
HEADER = re.compile(r"^\s*date\s*:?\s+(\d{4}-\d\d-\d\d)(?!\d)(?:T[\d:.]+Z?)?", re.I)
# a place is capitalised words, not a weekday or month ("Port Louis", "PORTO NOVO (Benin)",
# "Quito [Ecuador]", "KANDY, Central Province")
NAME = rf"(?!(?i:{WD}|{MON})\b)[A-Z][A-Za-z.'-]*(?:\s(?:[A-Z][A-Za-z.'-]*|de|al|el|es))"r"{0,3}"
PLACE = rf"{NAME}(?:,\s*{NAME})?" r"(?:\s*[\[(][^\]()\n]{1,40}[\])])?"
AGENCY = r"\s*(?:\([A-Za-z .&-]{2,30}\)|/[A-Za-z .&-]{2,30}/\.?)"  # "(Reuters)", "(AFP-JIJI)", "/TASS/."
SHORT_DATE = (rf"(?:(?P<mon>(?i:{MON_EN}))\.?\s+(?P<d>\d{{1,2}}){ORD}(?:(?:,\s*|\s+|/){YEAR})?"
              rf"|(?P<d2>\d{{1,2}}){ORD}\s+(?P<mon2>(?i:{MON_EN}))\.?(?:,?\s+(?P<y2>(?:19|20)\d\d))?)")
END = r"(?:\s*(?:--|[:\-–—])\s|\s*$)"
# "City, Month D (Agency) --", "CITY (Country), Month D, YYYY", "City Month D/YYYY (Agency)",
# "AGENCY - 14th Jun, 2019 -"
DATELINE = re.compile(rf"(?:{PLACE},?\s*|[A-Z][A-Za-z.&]{{1,15}}(?:\s[A-Z][A-Za-z.&]{{1,15}}){{0,2}}\s+[-–—]\s+)"
                      rf"{SHORT_DATE}\.?(?:{AGENCY}\s*(?:--|[:\-–—])?|{END})")
# "CITY (Agency - 19th November, 2021)": the date inside the agency's parentheses
AGENCY_DATELINE = re.compile(rf"{PLACE}\s*\([^()\n]{{2,40}}?\s[-–—]\s{SHORT_DATE}\)\s*(?:--|[:\-–—])?")
POST_CLOSE = re.compile(rf"^\s*(?:—|–|--?)\s*[^()\n]{{1,80}}\(@\w{{1,30}}\)\s+(?P<date>(?P<mon>{MON_EN})\.?\s+"
                        rf"(?P<d>\d{{1,2}}),?\s+{YEAR})\s*$", re.I | re.M)
# "10:32 GMT", "14:05", "9.15am BST -": the clock time that opens an entry of a live page
CLOCK = re.compile(r"^[ \t]*\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\.?)?(?P<zone>\s+[A-Za-z]{2,5}(?:[+-]\d{1,2})?)?[ \t]*"
                   r"(?:$|[:\-–—|][ \t]+(?=\S))", re.M | re.I)
LIVE_ENTRIES = 2  # one clock line alone is page furniture, not a live page


def entry_starts(text: str, start: int, zones: frozenset[str]) -> list[int]:
    """Where each entry of a live page begins (a line that is only a clock time, or a clock time
    opening a line), from `start` on; none when the text shows fewer than two. `zones`: the time
    zone words a clock may carry."""
    out = []
    for m in CLOCK.finditer(text, start):
        if m["zone"] and m["zone"].strip().lower().rstrip("+-0123456789") not in zones:
            continue
        rest = len(text) - len(text[m.end():].lstrip())
        out.append(rest)
    return out if len(out) >= LIVE_ENTRIES else []


def _numeric(m: re.Match) -> tuple[str, str]:
    """The text and field order of a numeric date for dateparser."""
    a, b = int(m["a"]), int(m["b"])
    wd = m.groupdict().get("wd")
    text = m.group(0)[m.start("a") - m.start():] if wd else m.group(0)
    if m.re is FORMS[0]:
        return text, "YMD"
    if m["s"] != "/" or a > 12:
        return text, "DMY"
    if b > 12:
        return text, "MDY"
    if wd:  # both readings are possible: the weekday printed with it decides
        day_of_week = weekdays(abbreviations=True)[wd.lower()]
        for order, (mon, day) in (("DMY", (b, a)), ("MDY", (a, b))):
            try:
                if dt.date(int(m["y"]), mon, day).weekday() == day_of_week:
                    return text, order
            except ValueError:
                continue
    return text, "DMY"


def resolve(m: re.Match) -> dt.date | None:
    """The date of a match of one of FORMS."""
    if m.groupdict().get("mon"):
        month = month_of(m["mon"])
        found = parse(m.group(0), None, month[1] if month else "en")
    else:
        text, order = _numeric(m)
        found = parse(text, None, "en", order)
    return found[0] if found else None


def full_dates(line: str) -> list[tuple[re.Match, dt.date]]:
    """Dates with a year in a header line, in line order."""
    out: list[tuple[re.Match, dt.date]] = []
    for rx in FORMS:
        for m in rx.finditer(line):
            if any(o.start() < m.end() and m.start() < o.end() for o, _ in out):
                continue
            date = resolve(m)
            if date is not None:
                out.append((m, date))
    return sorted(out, key=lambda x: x[0].start())


def dateline(line: str, published: dt.date | None) -> tuple[int, dt.date | None, tuple[int, int]] | None:
    """(end of the dateline in the line, its day, the span of its date) when the line starts with
    one; a day without a year takes the publication date's year (the year before, if that puts it
    after publication)."""
    at = len(line) - len(line.lstrip())
    m = DATELINE.match(line, at) or AGENCY_DATELINE.match(line, at)
    if m is None:
        return None
    mon, day, given = (m["mon"], m["d"], m["y"]) if m["mon"] else (m["mon2"], m["d2"], m["y2"])
    year = int(given) if given else published.year if published else None
    groups = [g for g in ("mon", "d", "y", "mon2", "d2", "y2") if m[g]]
    span = (min(m.start(g) for g in groups), max(m.end(g) for g in groups))
    if year is None:
        return m.end(), None, span
    try:
        date = dt.date(year, month_of(mon)[0], int(day))
    except ValueError:
        return m.end(), None, span
    if not given and date > published + dt.timedelta(days=1):
        date = date.replace(year=year - 1) if not (date.month == 2 and date.day == 29) else None
    return m.end(), date, span


def dateline_day(text: str, start: int, published: dt.date) -> dt.date | None:
    """The day of the dateline at `start`, a missing year taken from `published` (a client's date)."""
    end = text.find("\n", start)
    found = dateline(text[start:end if end >= 0 else len(text)], published)
    return found[1] if found else None


def post_dates(text: str) -> list[tuple[int, int, dt.date]]:
    """(start, end, date) of each date that closes an embedded post ("-- Name (@handle) May 9, 2017")."""
    out = []
    for m in POST_CLOSE.finditer(text):
        found = parse(m["date"])
        if found is not None:
            out.append((m.start("date"), m.end("date"), found[0]))
    return out


def post_date(text: str) -> dt.date | None:
    """The latest date closing an embedded post."""
    return max((d for _, _, d in post_dates(text)), default=None)
