"""Denied contacts on hand-built Docs (no model; see test_rules_parse.py for the row shape): a
contact whose noun carries a negative determiner is no event. All names are invented."""
from service.nlp.modality import hypothetical

from .test_rules_parse import built

NO_CALL = [  # "No call took place between Vera Lind and Olaf Brun."
    ("No", True, "DT", "DET", "det", 1, "no"),  # 0
    ("call", True, "NN", "NOUN", "nsubj", 2, "call"),  # 1
    ("took", True, "VBD", "VERB", "ROOT", 2, "take"),  # 2
    ("place", True, "NN", "NOUN", "dobj", 2, "place"),  # 3
    ("between", True, "IN", "ADP", "prep", 2, "between"),  # 4
    ("Vera", True, "NNP", "PROPN", "compound", 6, "Vera"),  # 5
    ("Lind", True, "NNP", "PROPN", "pobj", 4, "Lind"),  # 6
    ("and", True, "CC", "CCONJ", "cc", 6, "and"),  # 7
    ("Olaf", True, "NNP", "PROPN", "compound", 9, "Olaf"),  # 8
    ("Brun", False, "NNP", "PROPN", "conj", 6, "Brun"),  # 9
    (".", False, ".", "PUNCT", "punct", 2, "."),  # 10
]
HELD_NO_TALKS = [  # "Vera Lind held no talks with Olaf Brun."
    ("Vera", True, "NNP", "PROPN", "compound", 1, "Vera"),  # 0
    ("Lind", True, "NNP", "PROPN", "nsubj", 2, "Lind"),  # 1
    ("held", True, "VBD", "VERB", "ROOT", 2, "hold"),  # 2
    ("no", True, "DT", "DET", "det", 4, "no"),  # 3
    ("talks", True, "NNS", "NOUN", "dobj", 2, "talk"),  # 4
    ("with", True, "IN", "ADP", "prep", 4, "with"),  # 5
    ("Olaf", True, "NNP", "PROPN", "compound", 7, "Olaf"),  # 6
    ("Brun", False, "NNP", "PROPN", "pobj", 5, "Brun"),  # 7
    (".", False, ".", "PUNCT", "punct", 2, "."),  # 8
]
PERSONS = ["O", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O"]


def test_no_call_took_place_is_a_denied_contact(nlp):
    doc = built(nlp, NO_CALL, PERSONS)
    assert hypothetical(doc[2])


def test_held_no_talks_is_a_denied_contact_and_held_talks_is_not(nlp):
    ents = ["B-PERSON", "I-PERSON", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O"]
    assert hypothetical(built(nlp, HELD_NO_TALKS, ents)[2])
    held = [r if r[0] != "no" else ("the", True, "DT", "DET", "det", 4, "the") for r in HELD_NO_TALKS]
    assert not hypothetical(built(nlp, held, ents)[2])
