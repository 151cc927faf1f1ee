"""Date vocabulary and normalisation: dateparser turns a found date expression into a date.

Expressions are found by the patterns of dates.py and published.py; only the short matched text
goes to dateparser, never a whole sentence. Month and weekday names come from dateparser's own
locales, English for the body and the byline languages of data/en/dates.json for header lines.
"""
import datetime as dt
import functools
import re

from dateparser.date import DateDataParser
from dateparser.languages import default_loader

from .lexicon import lexicon

MONTH_KEYS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
              "november", "december")
WEEKDAY_KEYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _names(lang: str, key: str) -> list[str]:
    return [n.lower().rstrip(".") for n in default_loader.get_locale(lang).info.get(key, [])]


@functools.cache
def months() -> dict[str, tuple[int, str]]:
    """Month name -> (month number, language): English names and abbreviations, and the full
    names (four letters or more) of the byline languages."""
    out: dict[str, tuple[int, str]] = {}
    for i, key in enumerate(MONTH_KEYS, 1):
        for name in _names("en", key):
            out[name] = (i, "en")
    for lang in lexicon().dates.byline_languages:
        for i, key in enumerate(MONTH_KEYS, 1):
            for name in _names(lang, key):
                if len(name) >= 4 and name.isalpha():
                    out.setdefault(name, (i, lang))
    return out


@functools.cache
def weekdays(abbreviations: bool = False) -> dict[str, int]:
    """Weekday name -> 0 (Monday) .. 6; with the three-letter abbreviations of headers ("Tue")."""
    out = {}
    for i, key in enumerate(WEEKDAY_KEYS):
        for name in _names("en", key):
            if name == key or (abbreviations and len(name) >= 3):
                out[name] = i
    return out


def alternation(names) -> str:
    """A regex alternation of words, longest first (so "sept" wins over "sep"), written as a trie:
    "sep(?:t(?:ember)?)?|...". Where several words fit at one position they are prefixes of one
    another and the greedy trie tries the longer first, so it matches what "september|sept|sep"
    matched, backtracking included; but Python's re tries a plain alternation word by word at every
    character, and the trie is several times faster. Words that are not all lower case, or whose
    letters at one branch could match one character case-insensitively, keep the plain alternation."""
    words = list(names)
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here
    if not all(w == w.lower() for w in words) or not _distinct_branches(root):
        return "|".join(re.escape(n) for n in sorted(words, key=len, reverse=True))
    return _trie(root)


def _distinct_branches(node: dict) -> bool:
    chars = [ch for ch in node if ch]
    if len({ch.lower() for ch in chars}) < len(chars) or len({ch.upper() for ch in chars}) < len(chars):
        return False
    return all(_distinct_branches(child) for child in node.values())


def _trie(node: dict) -> str:
    branches = [re.escape(ch) + _trie(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body


def month_of(word: str) -> tuple[int, str] | None:
    return months().get(word.lower().rstrip("."))


@functools.lru_cache(maxsize=4096)
def parse(expr: str, base: dt.date | None = None, lang: str = "en",
          order: str | None = None) -> tuple[dt.date, str] | None:
    """(date, period) of one date expression, period being day, week, month or year; None when
    dateparser cannot read it. Relative to `base`, preferring the past (news reports what happened)."""
    settings = {"PREFER_DATES_FROM": "past", "PREFER_DAY_OF_MONTH": "first"}
    if base is not None:
        settings["RELATIVE_BASE"] = dt.datetime(base.year, base.month, base.day, 12)
    if order:
        settings["DATE_ORDER"] = order
    langs = ["en"] if lang == "en" else [lang, "en"]
    try:
        found = DateDataParser(languages=langs, settings=settings).get_date_data(expr)
    except (ValueError, OverflowError):  # an impossible day ("31/02/2020") is no date, not a failed article
        return None
    if found is None or found.date_obj is None:
        return None
    return found.date_obj.date(), found.period or "day"
