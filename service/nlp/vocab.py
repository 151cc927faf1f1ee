"""Title words and person nouns (data/titles.json), shared by people and event extraction."""
import functools

from .pipeline import data


@functools.cache
def vocab() -> dict:
    """The vocabularies, and the unions of them that the name and title scans test every token against."""
    v = _lists()
    v["title_or_modifier"] = v["title_words"] | v["modifiers"]
    v["title_or_honorific"] = v["title_words"] | v["honorifics"]
    v["title_modifier_honorific"] = v["title_or_modifier"] | v["honorifics"]
    v["name_never_starts"] = v["title_modifier_honorific"] | v["office_words"] | {"the", "his", "her", "their", "its"}
    return v


def _lists() -> dict:
    t = data("titles.json")
    words = {w for title in t["titles"] for w in title.split()} - {"of", "and", "the"}
    return {"titles": set(t["titles"]), "title_words": words, "modifiers": set(t["modifiers"]),
            "spokes": tuple(t["spokesperson"]), "person_nouns": set(t["person_nouns"]),
            "honorifics": set(t["honorifics"]) - {"he", "his", "her"},
            "name_titles": set(t["name_titles"]), "institutions": set(t["institution_words"]),
            "international_bodies": t["international_bodies"], "name_part_titles": set(t["name_part_titles"]),
            "particles": set(t["name_particles"]), "name_abbreviations": set(t["name_abbreviations"]),
            "office_words": set(t["office_words"]),
            "not_name_words": set(t["not_name_words"]),
            "blocs": {k.casefold(): v for k, v in t["bloc_codes"].items()}}
