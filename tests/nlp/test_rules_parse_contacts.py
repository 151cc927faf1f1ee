"""Contact rules that read the parse, on hand-built Docs (no model), with people given by hand: who
takes part in a contact a verb or noun reports. All names are invented."""
from service.nlp.candidates import _candidate, _principals, _read_noun, _read_verb, subject_pids
from service.nlp.lexicon import lexicon
from service.nlp.places import in_topic

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


def test_talks_held_between_two_people_in_the_passive_are_theirs(nlp):
    rows = [  # "Talks were held on Friday between Anna Kovar and Tomas Brel."
        ("Talks", True, "NNS", "NOUN", "nsubjpass", 2, "talk"),  # 0
        ("were", True, "VBD", "AUX", "auxpass", 2, "be"),
        ("held", True, "VBN", "VERB", "ROOT", 2, "hold"),
        ("on", True, "IN", "ADP", "prep", 2, "on"),
        ("Friday", True, "NNP", "PROPN", "pobj", 3, "Friday"),
        ("between", True, "IN", "ADP", "prep", 2, "between"),  # 5
        ("Anna", True, "NNP", "PROPN", "compound", 7, "Anna"),
        ("Kovar", True, "NNP", "PROPN", "pobj", 5, "Kovar"),
        ("and", True, "CC", "CCONJ", "cc", 7, "and"),
        ("Tomas", True, "NNP", "PROPN", "compound", 10, "Tomas"),
        ("Brel", False, "NNP", "PROPN", "conj", 7, "Brel"),  # 10
        (".", False, ".", "PUNCT", "punct", 2, ".")]
    doc = built(nlp, rows, ["O", "O", "O", "O", "B-DATE", "O", "B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON",
                            "O"])
    people = people_of(doc, [(6, 8, None), (9, 11, None)])
    reading = _read_noun("generic", doc[0], people, lexicon().channels)
    assert (reading.gv.i, names(people, reading.objs)) == (2, ["Anna Kovar", "Tomas Brel"])


def test_who_accompanies_someone_on_a_visit_only_attends_it(nlp):
    rows = [  # "Tomas Brel accompanied Anna Kovar on the visit."
        ("Tomas", True, "NNP", "PROPN", "compound", 1, "Tomas"),  # 0
        ("Brel", True, "NNP", "PROPN", "nsubj", 2, "Brel"),
        ("accompanied", True, "VBD", "VERB", "ROOT", 2, "accompany"),
        ("Anna", True, "NNP", "PROPN", "compound", 4, "Anna"),
        ("Kovar", True, "NNP", "PROPN", "dobj", 2, "Kovar"),
        ("on", True, "IN", "ADP", "prep", 2, "on"),  # 5
        ("the", True, "DT", "DET", "det", 7, "the"),
        ("visit", False, "NN", "NOUN", "pobj", 5, "visit"),
        (".", False, ".", "PUNCT", "punct", 2, ".")]
    doc = built(nlp, rows, ["B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O"])
    people = people_of(doc, [(0, 2, "NZ"), (3, 5, "NZ")])
    cand = _candidate("meeting", doc[7], people, lexicon().channels)
    assert names(people, cand.pids) == ["Tomas Brel", "Anna Kovar"]
    assert names(people, _principals(cand, people).pids) == ["Anna Kovar"]


def test_a_ministry_speaks_for_itself_not_for_the_minister_who_owns_it(nlp):
    rows = [  # "Anna Kovar's ministry said in a statement." / "Anna Kovar said in a statement."
        ("Anna", True, "NNP", "PROPN", "compound", 1, "Anna"),  # 0
        ("Kovar", False, "NNP", "PROPN", "poss", 3, "Kovar"),
        ("'s", True, "POS", "PART", "case", 1, "'s"),
        ("ministry", True, "NN", "NOUN", "nsubj", 4, "ministry"),
        ("said", True, "VBD", "VERB", "ROOT", 4, "say"),
        ("in", True, "IN", "ADP", "prep", 4, "in"),  # 5
        ("a", True, "DT", "DET", "det", 7, "a"),
        ("statement", False, "NN", "NOUN", "pobj", 5, "statement"),
        (".", False, ".", "PUNCT", "punct", 4, ".")]
    doc = built(nlp, rows, ["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O", "O"])
    people = people_of(doc, [(0, 2, "MA")])
    assert subject_pids(doc[4], people) == []
    assert _candidate("statement", doc[7], people, lexicon().channels) is None


COURTESY_CALL_IN = [  # "Anna Kovar paid a courtesy call on President Tomas Brel in Lima."
    ("Anna", True, "NNP", "PROPN", "compound", 1, "Anna"),  # 0
    ("Kovar", True, "NNP", "PROPN", "nsubj", 2, "Kovar"),
    ("paid", True, "VBD", "VERB", "ROOT", 2, "pay"),
    ("a", True, "DT", "DET", "det", 5, "a"),
    ("courtesy", True, "NN", "NOUN", "compound", 5, "courtesy"),
    ("call", True, "NN", "NOUN", "dobj", 2, "call"),  # 5
    ("on", True, "IN", "ADP", "prep", 5, "on"),
    ("President", True, "NNP", "PROPN", "compound", 9, "President"),
    ("Tomas", True, "NNP", "PROPN", "compound", 9, "Tomas"),
    ("Brel", True, "NNP", "PROPN", "pobj", 6, "Brel"),
    ("in", True, "IN", "ADP", "prep", 9, "in"),  # 10
    ("Lima", False, "NNP", "PROPN", "pobj", 10, "Lima"),
    (".", False, ".", "PUNCT", "punct", 2, ".")]
COURTESY_CALL_IN_ENTS = ["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O",
                         "B-GPE", "O"]


def test_a_city_after_the_person_called_on_is_where_not_what_was_discussed(nlp):
    doc = built(nlp, COURTESY_CALL_IN, COURTESY_CALL_IN_ENTS)
    assert not in_topic(doc[11])  # "on" takes a person here, not a subject of talks
    talks_on = built(nlp, [  # "Talks on workers in Lima."
        ("Talks", True, "NNS", "NOUN", "ROOT", 0, "talk"), ("on", True, "IN", "ADP", "prep", 0, "on"),
        ("workers", True, "NNS", "NOUN", "pobj", 1, "worker"), ("in", True, "IN", "ADP", "prep", 2, "in"),
        ("Lima", False, "NNP", "PROPN", "pobj", 3, "Lima"), (".", False, ".", "PUNCT", "punct", 0, ".")],
        ["O", "O", "O", "O", "B-GPE", "O"])
    assert in_topic(talks_on[4])  # a place inside what was discussed
