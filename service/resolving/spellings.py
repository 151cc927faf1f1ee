"""Spellings of a name compared: the normal form every lookup keys on, slugs, and when two
normal forms denote one person. Pure functions (the extractor compares names with them too).

"Dmitri Kovalenko" and "Dmitry Kovalenko" are one actor (tokens of four or more letters may
differ by one edit); "Li Na" and "Li Ne" never merge (short tokens must be equal); a two-token
name inside a longer one ("Omar Haddad" in "Karim Omar Haddad") is the same person.
"""
import re
import unicodedata

HONORIFICS = {"mr", "mrs", "ms", "dr", "sir", "he", "h e"}


def norm(name):
    text = unicodedata.normalize("NFKD", name or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = re.sub(r"[^\w]+", " ", text).strip()
    return " ".join(t for t in text.split() if t not in HONORIFICS)


def slugify(name):
    """The slug of a name: its normal form, hyphenated ("Inés Maró-Velk" -> "ines-maro-velk"). Actors' slugs
    and the countries' topic slugs ("Bosnia and Herzegovina" -> "bosnia-and-herzegovina") are made by it alone."""
    return norm(name).replace(" ", "-")[:200] or "actor"


def _edit_distance_at_most_one(a, b):
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def token_equal(a, b):
    return a == b or (min(len(a), len(b)) >= 4 and _edit_distance_at_most_one(a, b))


def same_person(a, b):
    """Two normalised names that denote the same person."""
    ta, tb = a.split(), b.split()
    if not ta or not tb:
        return False
    if len(ta) == len(tb):
        return all(token_equal(x, y) for x, y in zip(sorted(ta), sorted(tb), strict=True)) or all(
            token_equal(x, y) for x, y in zip(ta, tb, strict=True)
        )
    short, long_ = (ta, tb) if len(ta) < len(tb) else (tb, ta)
    if len(short) < 2:
        return False
    it = iter(long_)
    return all(any(token_equal(s, t) for t in it) for s in short)
