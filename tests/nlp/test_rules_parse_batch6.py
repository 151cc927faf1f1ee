"""Rules of the sixth batch on hand-built Docs (no model; see test_rules_parse.py for the row shape).
All names are invented."""
from service.nlp.candidates import _candidate
from service.nlp.lexicon import lexicon

from .test_rules_parse import built, names, people_of

RECEIVED_CALL = [  # "Tarek Haddou received a phone call from President of Ruvania Ilko Marev."
    ("Tarek", True, "NNP", "PROPN", "compound", 1, "Tarek"),  # 0
    ("Haddou", True, "NNP", "PROPN", "nsubj", 2, "Haddou"),  # 1
    ("received", True, "VBD", "VERB", "ROOT", 2, "receive"),  # 2
    ("a", True, "DT", "DET", "det", 5, "a"),  # 3
    ("phone", True, "NN", "NOUN", "compound", 5, "phone"),  # 4
    ("call", True, "NN", "NOUN", "dobj", 2, "call"),  # 5
    ("from", True, "IN", "ADP", "prep", 2, "from"),  # 6
    ("President", True, "NNP", "PROPN", "pobj", 6, "President"),  # 7
    ("of", True, "IN", "ADP", "prep", 7, "of"),  # 8
    ("Ruvania", True, "NNP", "PROPN", "pobj", 8, "Ruvania"),  # 9
    ("Ilko", True, "NNP", "PROPN", "compound", 11, "Ilko"),  # 10
    ("Marev", False, "NNP", "PROPN", "appos", 7, "Marev"),  # 11
    (".", False, ".", "PUNCT", "punct", 2, "."),  # 12
]
RECEIVED_ENTS = ["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O", "O", "B-GPE", "B-PERSON", "I-PERSON", "O"]


def test_who_a_phone_call_is_received_from_takes_part(nlp):
    doc = built(nlp, RECEIVED_CALL, RECEIVED_ENTS)
    people = people_of(doc, [(0, 2, None), (10, 12, None)])
    cand = _candidate("phone_call", doc[5], people, lexicon().channels)
    assert (cand.channel, names(people, cand.pids)) == ("phone_call", ["Tarek Haddou", "Ilko Marev"])


def test_who_a_call_is_made_from_a_place_is_no_sender(nlp):
    rows = [r if r[0] != "received" else ("made", True, "VBD", "VERB", "ROOT", 2, "make") for r in RECEIVED_CALL]
    doc = built(nlp, rows, RECEIVED_ENTS)
    people = people_of(doc, [(0, 2, None), (10, 12, None)])
    cand = _candidate("phone_call", doc[5], people, lexicon().channels)
    assert names(people, cand.pids) == ["Tarek Haddou"]
