"""One slug rule (resolving.spellings.slugify) for actors and the countries' topics."""
import re

from service.nlp.topic_vocabulary import _countries
from service.resolving.spellings import slugify

URL_SAFE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def test_every_country_topic_slug_is_url_safe_and_its_own():
    slugs = [entry["slug"] for entry in _countries().values()]
    assert all(URL_SAFE.fullmatch(slug) for slug in slugs), [s for s in slugs if not URL_SAFE.fullmatch(s)]
    assert len(set(slugs)) == len(slugs)
    assert _countries()["BA"]["slug"] == "bosnia-and-herzegovina"


def test_a_name_and_a_country_are_slugged_alike():
    # invented spellings: accents, an apostrophe, an honorific, stray spaces
    assert slugify("Dr. Inés  Maró-Velk") == "ines-maro-velk"
    assert slugify("Saint Orla's Isles") == "saint-orla-s-isles"
