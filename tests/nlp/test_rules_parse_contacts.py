"""Contact rules that read the parse, on hand-built Docs (no model), with people given by hand: who
takes part in a contact a verb or noun reports. All names are invented."""
from service.nlp.candidates import _read_verb

from .test_rules_parse import built, names, people_of

CALLED_ON = [  # "Anna Kovar called on the Peruvian president, Tomas Brel."
    ("Anna", True, "NNP", "PROPN", "compound", 1, "Anna"),  # 0
    ("Kovar", True, "NNP", "PROPN", "nsubj", 2, "Kovar"),
    ("called", True, "VBD", "VERB", "ROOT", 2, "call"),
    ("on", True, "IN", "ADP", "prep", 2, "on"),
    ("the", True, "DT", "DET", "det", 6, "the"),
    ("Peruvian", True, "JJ", "ADJ", "amod", 6, "peruvian"),  # 5
    ("president", False, "NN", "NOUN", "pobj", 3, "president"),
    (",", True, ",", "PUNCT", "punct", 6, ","),
    ("Tomas", True, "NNP", "PROPN", "compound", 9, "Tomas"),
    ("Brel", False, "NNP", "PROPN", "appos", 6, "Brel"),
    (".", False, ".", "PUNCT", "punct", 2, ".")]
CALLED_ON_ENTS = ["B-PERSON", "I-PERSON", "O", "O", "O", "B-NORP", "O", "O", "B-PERSON", "I-PERSON", "O"]


def test_calling_on_someone_is_a_courtesy_call_on_them(nlp):
    doc = built(nlp, CALLED_ON, CALLED_ON_ENTS)
    people = people_of(doc, [(0, 2, None), (8, 10, "PE")])
    reading = _read_verb("meeting", doc[2], people)
    assert (names(people, reading.subj), names(people, reading.objs)) == (["Anna Kovar"], ["Tomas Brel"])


def test_calling_on_someone_to_act_is_no_contact(nlp):
    # "Anna Kovar called on the Peruvian president, Tomas Brel, to resign."
    rows = [*CALLED_ON[:10], (",", True, ",", "PUNCT", "punct", 6, ","),
            ("to", True, "TO", "PART", "aux", 12, "to"),
            ("resign", False, "VB", "VERB", "xcomp", 2, "resign"),
            (".", False, ".", "PUNCT", "punct", 2, ".")]
    doc = built(nlp, rows, [*CALLED_ON_ENTS[:10], "O", "O", "O", "O"])
    people = people_of(doc, [(0, 2, None), (8, 10, "PE")])
    assert _read_verb("meeting", doc[2], people) is None
