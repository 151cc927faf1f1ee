"""The office a title names, without the country: "Ruritanian Foreign Minister" -> "Foreign Minister".

The country is kept apart (Person.country); "his Ruritanian counterpart" names no office of its
own: it borrows the office of the person it is the counterpart of, or gives none.
"""
import functools
import re

from .lexicon import lexicon
from .places import country_of

POSSESSIVE = re.compile(r"^(.+?)['’]s$")


@functools.cache
def _leading() -> frozenset[str]:
    """Determiners and articles before an office ("the", "his", "a")."""
    return lexicon().grammar.determiners | lexicon().grammar.indefinite_articles


def _country_words(words: list[str]) -> int:
    """How many leading words name a country or nationality ("South African", "the U.S.", "Japan's")."""
    for n in (3, 2, 1):
        if len(words) <= n:
            continue
        phrase = " ".join(words[:n])
        bare = POSSESSIVE.match(phrase)
        if country_of(bare.group(1) if bare else phrase):
            return n
    return 0


def office(title: str | None) -> str | None:
    """The title without leading determiners, nationality words and possessive countries."""
    if not title:
        return None
    words = re.split(r"\s[-–—]\s", title)[-1].split()  # "CITY - President": a dateline before the title
    while True:
        if len(words) > 1 and (words[0].lower() in _leading() or not any(c.isalnum() for c in words[0])):
            words = words[1:]
            continue
        n = _country_words(words)
        if not n:
            break
        words = words[n:]
    # "Prime Minister of Greece", "Ambassador of Chile to the UN": the country is not the office
    for k in range(1, len(words)):
        if words[k].lower() == "of":
            end = next((j for j in range(k + 1, len(words)) if words[j].lower() == "to"), len(words))
            if end > k + 1 and country_of(" ".join(words[k + 1:end])):
                words = words[:k] + words[end:]
                break
    if words and words[-1].lower().endswith("s") and words[-1].lower()[:-1] in lexicon().titles.title_words:
        words[-1] = words[-1][:-1]  # "Presidents A of X and B of Y": each holds the office
    if words and words[-1].lower() in {"counterpart", "counterparts"}:
        return None
    return " ".join(words) or None


def is_counterpart(title: str) -> bool:
    return "counterpart" in title.lower()
