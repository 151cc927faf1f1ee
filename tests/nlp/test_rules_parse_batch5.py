"""Rules of the fifth batch on hand-built Docs (no model; see test_rules_parse.py for the row shape):
a contact whose noun carries a negative determiner is no event; a minister an institution calls
its own acts for the institution's state. All names are invented."""
from service.nlp.modality import hypothetical
from service.nlp.people import Mention
from service.nlp.speaks_for import institution_country

from .test_rules_parse import built

NO_CALL = [  # "No call took place between Vera Lind and Emil Brun."
    ("No", True, "DT", "DET", "det", 1, "no"),  # 0
    ("call", True, "NN", "NOUN", "nsubj", 2, "call"),  # 1
    ("took", True, "VBD", "VERB", "ROOT", 2, "take"),  # 2
    ("place", True, "NN", "NOUN", "dobj", 2, "place"),  # 3
    ("between", True, "IN", "ADP", "prep", 2, "between"),  # 4
    ("Vera", True, "NNP", "PROPN", "compound", 6, "Vera"),  # 5
    ("Lind", True, "NNP", "PROPN", "pobj", 4, "Lind"),  # 6
    ("and", True, "CC", "CCONJ", "cc", 6, "and"),  # 7
    ("Emil", True, "NNP", "PROPN", "compound", 9, "Emil"),  # 8
    ("Brun", False, "NNP", "PROPN", "conj", 6, "Brun"),  # 9
    (".", False, ".", "PUNCT", "punct", 2, "."),  # 10
]
HELD_NO_TALKS = [  # "Vera Lind held no talks with Emil Brun."
    ("Vera", True, "NNP", "PROPN", "compound", 1, "Vera"),  # 0
    ("Lind", True, "NNP", "PROPN", "nsubj", 2, "Lind"),  # 1
    ("held", True, "VBD", "VERB", "ROOT", 2, "hold"),  # 2
    ("no", True, "DT", "DET", "det", 4, "no"),  # 3
    ("talks", True, "NNS", "NOUN", "dobj", 2, "talk"),  # 4
    ("with", True, "IN", "ADP", "prep", 4, "with"),  # 5
    ("Emil", True, "NNP", "PROPN", "compound", 7, "Emil"),  # 6
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


# --- speaks_for.institution_country: "the ministry said its minister, NAME" -------------------

ITS_MINISTER = [  # "Chile's Ministry of Defence said its minister, Rosa Vial, met Ivo Kral."
    ("Chile", False, "NNP", "PROPN", "poss", 2, "Chile"),  # 0
    ("'s", True, "POS", "PART", "case", 0, "'s"),  # 1
    ("Ministry", True, "NNP", "PROPN", "nsubj", 5, "Ministry"),  # 2
    ("of", True, "IN", "ADP", "prep", 2, "of"),  # 3
    ("Defence", True, "NNP", "PROPN", "pobj", 3, "Defence"),  # 4
    ("said", True, "VBD", "VERB", "ROOT", 5, "say"),  # 5
    ("its", True, "PRP$", "PRON", "poss", 7, "its"),  # 6
    ("minister", False, "NN", "NOUN", "nsubj", 12, "minister"),  # 7
    (",", True, ",", "PUNCT", "punct", 7, ","),  # 8
    ("Rosa", True, "NNP", "PROPN", "compound", 10, "Rosa"),  # 9
    ("Vial", False, "NNP", "PROPN", "appos", 7, "Vial"),  # 10
    (",", True, ",", "PUNCT", "punct", 7, ","),  # 11
    ("met", True, "VBD", "VERB", "ccomp", 5, "meet"),  # 12
    ("Ivo", True, "NNP", "PROPN", "compound", 14, "Ivo"),  # 13
    ("Kral", False, "NNP", "PROPN", "dobj", 12, "Kral"),  # 14
    (".", False, ".", "PUNCT", "punct", 5, "."),  # 15
]
ITS_ENTS = ["B-GPE", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O",
            "B-PERSON", "I-PERSON", "O"]


def test_a_minister_the_ministry_calls_its_own_acts_for_the_ministry_s_state(nlp):
    doc = built(nlp, ITS_MINISTER, ITS_ENTS)
    assert institution_country(doc, Mention(9, 11, 0, "full")) == "CL"
    assert institution_country(doc, Mention(13, 15, 1, "full")) is None  # the other side: no such office


def test_a_minister_a_person_calls_his_own_takes_no_state_from_the_sentence(nlp):
    rows = [("Ana", True, "NNP", "PROPN", "compound", 2, "Ana"), ("Chile", True, "NNP", "PROPN", "compound", 2,
                                                                        "Chile"),
            ("Soto", True, "NNP", "PROPN", "nsubj", 5, "Soto")] + ITS_MINISTER[3:]
    ents = ["B-PERSON", "I-PERSON", "I-PERSON", "O", "O"] + ITS_ENTS[5:]
    assert institution_country(built(nlp, rows, ents), Mention(9, 11, 0, "full")) is None
