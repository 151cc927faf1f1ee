"""Rules of the seventh batch on hand-built Docs (no model; see test_rules_parse.py for the row shape).
All names are invented."""
from service.nlp.candidates import _candidate
from service.nlp.lexicon import lexicon

from .test_rules_parse import built, names, people_of

CREDENTIALS = [  # "Eva Lind received the credentials of the Ambassador of Peru to Ruvania, Ana Ruiz." (the name
    #              hung on the verb as a noun-phrase modifier, not under the ambassador)
    ("Eva", True, "NNP", "PROPN", "compound", 1, "Eva"),  # 0
    ("Lind", True, "NNP", "PROPN", "nsubj", 2, "Lind"),  # 1
    ("received", True, "VBD", "VERB", "ROOT", 2, "receive"),  # 2
    ("the", True, "DT", "DET", "det", 4, "the"),  # 3
    ("credentials", True, "NNS", "NOUN", "dobj", 2, "credential"),  # 4
    ("of", True, "IN", "ADP", "prep", 4, "of"),  # 5
    ("the", True, "DT", "DET", "det", 7, "the"),  # 6
    ("Ambassador", True, "NNP", "PROPN", "pobj", 5, "Ambassador"),  # 7
    ("of", True, "IN", "ADP", "prep", 7, "of"),  # 8
    ("Peru", True, "NNP", "PROPN", "pobj", 8, "Peru"),  # 9
    ("to", True, "IN", "ADP", "prep", 4, "to"),  # 10
    ("Ruvania", False, "NNP", "PROPN", "pobj", 10, "Ruvania"),  # 11
    (",", True, ",", "PUNCT", "punct", 2, ","),  # 12
    ("Ana", True, "NNP", "PROPN", "compound", 14, "Ana"),  # 13
    ("Ruiz", False, "NNP", "PROPN", "npadvmod", 2, "Ruiz"),  # 14
    (".", False, ".", "PUNCT", "punct", 2, "."),  # 15
]
CREDENTIALS_ENTS = ["B-PERSON", "I-PERSON"] + ["O"] * 7 + ["B-GPE", "O", "B-GPE", "O", "B-PERSON", "I-PERSON", "O"]


def test_the_ambassador_named_after_the_credentials_takes_part_wherever_the_parse_hung_the_name(nlp):
    doc = built(nlp, CREDENTIALS, CREDENTIALS_ENTS)
    people = people_of(doc, [(0, 2, None), (13, 15, None)])
    cand = _candidate("meeting", doc[2], people, lexicon().channels)
    assert (cand.channel, names(people, cand.pids)) == ("meeting", ["Eva Lind", "Ana Ruiz"])
