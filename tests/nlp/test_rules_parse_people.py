"""People-side rules on hand-built Docs (no model): titles on a line of their own, hyphenated titles,
short names without their accents, the states an article names together, parties at one table.
All names are invented."""
from spacy.tokens import Doc

from service.nlp.actors import find_people
from service.nlp.context import _right_apposition
from service.nlp.coref import _holds
from service.nlp.merge import parties
from service.nlp.pairs import left_country, state_sets
from service.nlp.people import People, Person


def built(nlp, rows, ents):
    """A Doc from (word, space, tag, pos, dep, head, lemma) rows and IOB entity tags."""
    words, spaces, tags, pos, deps, heads, lemmas = (list(col) for col in zip(*rows, strict=True))
    return Doc(nlp.vocab, words=words, spaces=spaces, tags=tags, pos=pos, deps=deps, heads=heads,
               lemmas=lemmas, ents=ents)


# --- context._right_apposition stops at a line break; coref._holds splits hyphenated titles -----

LINE_TITLE = [  # "Maria Lind, Secretary-General\n\nThe Secretary-General met the envoys."
    ("Maria", True, "NNP", "PROPN", "compound", 1, "Maria"),  # 0
    ("Lind", False, "NNP", "PROPN", "ROOT", 1, "Lind"),
    (",", True, ",", "PUNCT", "punct", 1, ","),
    ("Secretary", False, "NNP", "PROPN", "compound", 5, "Secretary"),
    ("-", False, "HYPH", "PUNCT", "punct", 5, "-"),
    ("General", False, "NNP", "PROPN", "appos", 1, "General"),  # 5
    ("\n\n", False, "_SP", "SPACE", "dep", 5, "\n\n"),
    ("The", True, "DT", "DET", "det", 10, "the"),
    ("Secretary", False, "NNP", "PROPN", "compound", 10, "Secretary"),
    ("-", False, "HYPH", "PUNCT", "punct", 10, "-"),
    ("General", True, "NNP", "PROPN", "nsubj", 11, "General"),  # 10
    ("met", True, "VBD", "VERB", "ROOT", 11, "meet"),
    ("the", True, "DT", "DET", "det", 13, "the"),
    ("envoys", False, "NNS", "NOUN", "dobj", 11, "envoy"),
    (".", False, ".", "PUNCT", "punct", 11, "."),
]
LINE_TITLE_ENTS = ["B-PERSON", "I-PERSON"] + ["O"] * 13


def test_an_apposition_on_a_line_of_its_own_ends_at_the_line_break(nlp):
    doc = built(nlp, LINE_TITLE, LINE_TITLE_ENTS)
    # past the line break the next sentence's verb would end the apposition as a clause: no title
    assert _right_apposition(doc, 2, frozenset()) == ("Secretary-General", None)


def test_the_hyphenated_title_mention_goes_to_the_one_holding_that_title(nlp):
    doc = built(nlp, LINE_TITLE, LINE_TITLE_ENTS)
    found = find_people(doc)
    assert [(p.name, p.title) for p in found.persons] == [("Maria Lind", "Secretary-General")]
    assert [(m.start, m.end) for m in found.mentions if m.kind == "title" and m.start > 6] == [(10, 11)]
    assert {found.persons[m.pid].name for m in found.mentions} == {"Maria Lind"}


def test_a_hyphenated_title_in_the_names_own_apposition_is_no_mention_of_its_own(nlp):
    doc = built(nlp, LINE_TITLE, LINE_TITLE_ENTS)
    assert [(m.start, m.end, m.kind) for m in find_people(doc).mentions] == [(0, 2, "full"), (10, 11, "title")]


def test_a_hyphenated_title_holds_each_of_its_words():
    holder = Person(0, "Maria Lind", ("Maria", "Lind"), titles=["Secretary-General"])
    assert _holds(holder, {"secretary", "general"}) and _holds(holder, {"general"})
    assert not _holds(Person(1, "Ivo Marin", ("Ivo", "Marin"), titles=["Attorney General"]), {"secretary", "general"})


# --- actors._unmarked_words folds accents -----------------------------------------------------------

def test_a_short_name_without_its_accents_the_model_left_untagged_is_the_accented_name(nlp):
    rows = [  # "Inés Núñez met Pablo Rey in Lima. Rey later met Nunez again."
        ("Inés", True, "NNP", "PROPN", "compound", 1, "Inés"),  # 0
        ("Núñez", True, "NNP", "PROPN", "nsubj", 2, "Núñez"),
        ("met", True, "VBD", "VERB", "ROOT", 2, "meet"),
        ("Pablo", True, "NNP", "PROPN", "compound", 4, "Pablo"),
        ("Rey", True, "NNP", "PROPN", "dobj", 2, "Rey"),
        ("in", True, "IN", "ADP", "prep", 2, "in"),  # 5
        ("Lima", False, "NNP", "PROPN", "pobj", 5, "Lima"),
        (".", True, ".", "PUNCT", "punct", 2, "."),
        ("Rey", True, "NNP", "PROPN", "nsubj", 10, "Rey"),
        ("later", True, "RB", "ADV", "advmod", 10, "later"),
        ("met", True, "VBD", "VERB", "ROOT", 10, "meet"),  # 10
        ("Nunez", True, "NNP", "PROPN", "dobj", 10, "Nunez"),
        ("again", False, "RB", "ADV", "advmod", 10, "again"),
        (".", False, ".", "PUNCT", "punct", 10, "."),
    ]
    ents = ["B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O", "B-GPE", "O", "B-PERSON", "O", "O",
            "O", "O", "O"]  # the model missed "Nunez"
    found = find_people(built(nlp, rows, ents))
    assert [p.name for p in found.persons] == ["Inés Núñez", "Pablo Rey"]
    assert [(m.start, found.persons[m.pid].name, m.kind) for m in found.mentions] == [
        (0, "Inés Núñez", "full"), (3, "Pablo Rey", "full"), (8, "Pablo Rey", "short"), (11, "Inés Núñez", "short")]


# --- pairs.state_sets / left_country -----------------------------------------------------------------

def _relations(nlp, hyphen_ties: bool):
    """ "Kari Lunde met Paul Mwangi. Relations between Norway and Kenya are good. Trade between Peru and
    Chile grew.[ Kenya-Uganda ties grew.]" """
    rows = [
        ("Kari", True, "NNP", "PROPN", "compound", 1, "Kari"),  # 0
        ("Lunde", True, "NNP", "PROPN", "nsubj", 2, "Lunde"),
        ("met", True, "VBD", "VERB", "ROOT", 2, "meet"),
        ("Paul", True, "NNP", "PROPN", "compound", 4, "Paul"),
        ("Mwangi", False, "NNP", "PROPN", "dobj", 2, "Mwangi"),
        (".", True, ".", "PUNCT", "punct", 2, "."),  # 5
        ("Relations", True, "NNS", "NOUN", "nsubj", 11, "relation"),
        ("between", True, "IN", "ADP", "prep", 6, "between"),
        ("Norway", True, "NNP", "PROPN", "pobj", 7, "Norway"),
        ("and", True, "CC", "CCONJ", "cc", 8, "and"),
        ("Kenya", True, "NNP", "PROPN", "conj", 8, "Kenya"),  # 10
        ("are", True, "VBP", "AUX", "ROOT", 11, "be"),
        ("good", False, "JJ", "ADJ", "acomp", 11, "good"),
        (".", True, ".", "PUNCT", "punct", 11, "."),
        ("Trade", True, "NN", "NOUN", "nsubj", 19, "trade"),
        ("between", True, "IN", "ADP", "prep", 14, "between"),  # 15
        ("Peru", True, "NNP", "PROPN", "pobj", 15, "Peru"),
        ("and", True, "CC", "CCONJ", "cc", 16, "and"),
        ("Chile", True, "NNP", "PROPN", "conj", 16, "Chile"),
        ("grew", False, "VBD", "VERB", "ROOT", 19, "grow"),
        (".", hyphen_ties, ".", "PUNCT", "punct", 19, "."),  # 20
    ]
    ents = ["B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "B-GPE", "O", "B-GPE", "O", "O",
            "O", "O", "O", "B-GPE", "O", "B-GPE", "O", "O"]
    if hyphen_ties:
        rows += [
            ("Kenya", False, "NNP", "PROPN", "compound", 24, "Kenya"),  # 21
            ("-", False, "HYPH", "PUNCT", "punct", 24, "-"),
            ("Uganda", True, "NNP", "PROPN", "compound", 24, "Uganda"),
            ("ties", True, "NNS", "NOUN", "nsubj", 25, "tie"),
            ("grew", False, "VBD", "VERB", "ROOT", 25, "grow"),  # 25
            (".", False, ".", "PUNCT", "punct", 25, "."),
        ]
        ents += ["B-GPE", "I-GPE", "I-GPE", "O", "O", "O"]  # one entity: "Kenya-Uganda"
    doc = built(nlp, rows, ents)
    people = People([Person(0, "Kari Lunde", ("Kari", "Lunde")), Person(1, "Paul Mwangi", ("Paul", "Mwangi"), "KE")],
                    [], {})
    return doc, people


def test_states_joined_in_a_sentence_of_relations_make_a_set_and_trade_alone_does_not(nlp):
    doc, _ = _relations(nlp, hyphen_ties=False)
    assert state_sets(doc) == [frozenset({"NO", "KE"})]


def test_a_hyphenated_pair_tagged_as_one_entity_is_two_states(nlp):
    doc, _ = _relations(nlp, hyphen_ties=True)
    assert state_sets(doc) == [frozenset({"NO", "KE"}), frozenset({"KE", "UG"})]


def test_a_run_of_states_joined_by_commas_and_hyphens_is_one_set(nlp):
    rows = [  # "Finnish, Estonian and Latvian officials held trilateral talks on Peru-Chile ties."
        ("Finnish", False, "JJ", "ADJ", "amod", 5, "finnish"),  # 0
        (",", True, ",", "PUNCT", "punct", 0, ","),
        ("Estonian", True, "JJ", "ADJ", "conj", 0, "estonian"),
        ("and", True, "CC", "CCONJ", "cc", 2, "and"),
        ("Latvian", True, "JJ", "ADJ", "conj", 2, "latvian"),
        ("officials", True, "NNS", "NOUN", "nsubj", 5, "official"),  # 5
        ("held", True, "VBD", "VERB", "ROOT", 5, "hold"),
        ("trilateral", True, "JJ", "ADJ", "amod", 8, "trilateral"),
        ("talks", True, "NNS", "NOUN", "dobj", 6, "talk"),
        ("on", True, "IN", "ADP", "prep", 8, "on"),
        ("Peru", False, "NNP", "PROPN", "compound", 13, "Peru"),  # 10
        ("-", False, "HYPH", "PUNCT", "punct", 12, "-"),
        ("Chile", True, "NNP", "PROPN", "compound", 13, "Chile"),
        ("ties", False, "NNS", "NOUN", "pobj", 9, "tie"),
        (".", False, ".", "PUNCT", "punct", 6, "."),
    ]
    ents = ["B-NORP", "O", "B-NORP", "O", "B-NORP", "O", "O", "O", "O", "O", "B-GPE", "O", "B-GPE", "O", "O"]
    # "officials held trilateral talks on" ends the first run; the hyphen joins the second
    assert state_sets(built(nlp, rows, ents)) == [frozenset({"FI", "EE", "LV"}), frozenset({"PE", "CL"})]


def test_the_participant_without_a_country_takes_the_state_the_set_leaves(nlp):
    doc, people = _relations(nlp, hyphen_ties=False)
    assert left_country(doc, [0, 1], people) == (0, "NO")


def test_two_sets_that_leave_different_states_give_nothing(nlp):
    doc, people = _relations(nlp, hyphen_ties=True)
    assert left_country(doc, [0, 1], people) is None


def test_an_officer_of_an_international_body_takes_no_state(nlp):
    doc, people = _relations(nlp, hyphen_ties=False)
    people.persons[0].titles = ["EU envoy"]
    assert left_country(doc, [0, 1], people) is None


# --- merge.parties: two envoys of one body are one party ------------------------------------------

def test_two_envoys_of_one_body_are_one_party_and_people_of_no_country_one_each():
    people = People([Person(0, "Maria Lind", ("Maria", "Lind")),
                     Person(1, "Piet Vos", ("Piet", "Vos"), "EU"),
                     Person(2, "Ana Berg", ("Ana", "Berg"), "EU"),
                     Person(3, "Ivo Marin", ("Ivo", "Marin")),
                     Person(4, "Luis Soto", ("Luis", "Soto"), "CL")], [], {})
    assert parties([0, 1, 2], people) == 2
    assert parties([0, 3], people) == 2
    assert parties([1, 2, 4], people) == 2
    assert parties([0, 1, 4], people) == 3


# --- context._owner_before_title: a country of several words before the clitic ----------------------

SEVERAL_WORD_OWNER = [  # "Hana Moore, South Africa's foreign minister, said."
    ("Hana", True, "NNP", "PROPN", "compound", 1, "Hana"),  # 0
    ("Moore", False, "NNP", "PROPN", "nsubj", 9, "Moore"),
    (",", True, ",", "PUNCT", "punct", 1, ","),
    ("South", True, "NNP", "PROPN", "compound", 4, "South"),
    ("Africa", False, "NNP", "PROPN", "poss", 7, "Africa"),
    ("'s", True, "POS", "PART", "case", 4, "'s"),  # 5
    ("foreign", True, "JJ", "ADJ", "amod", 7, "foreign"),
    ("minister", False, "NN", "NOUN", "appos", 1, "minister"),
    (",", True, ",", "PUNCT", "punct", 1, ","),
    ("said", False, "VBD", "VERB", "ROOT", 9, "say"),
    (".", False, ".", "PUNCT", "punct", 9, "."),  # 10
]
SEVERAL_WORD_OWNER_ENTS = ["B-PERSON", "I-PERSON", "O", "B-GPE", "I-GPE"] + ["O"] * 6


def test_a_country_of_several_words_before_the_clitic_owns_the_title_of_the_apposition(nlp):
    doc = built(nlp, SEVERAL_WORD_OWNER, SEVERAL_WORD_OWNER_ENTS)
    assert _right_apposition(doc, 2, frozenset()) == ("foreign minister", "ZA")


# --- groups.listed_countries: countries owning a plural title, then as many names ------------------

OWNED_PAIR = [  # "Chile's and Peru's foreign ministers, Rosa Ibarra and Luis Cano, met."
    ("Chile", False, "NNP", "PROPN", "nsubj", 14, "Chile"),  # 0
    ("'s", True, "POS", "PART", "case", 0, "'s"),
    ("and", True, "CC", "CCONJ", "cc", 0, "and"),
    ("Peru", False, "NNP", "PROPN", "poss", 6, "Peru"),
    ("'s", True, "POS", "PART", "case", 3, "'s"),
    ("foreign", True, "JJ", "ADJ", "amod", 6, "foreign"),  # 5
    ("ministers", False, "NNS", "NOUN", "conj", 0, "minister"),
    (",", True, ",", "PUNCT", "punct", 6, ","),
    ("Rosa", True, "NNP", "PROPN", "compound", 9, "Rosa"),
    ("Ibarra", True, "NNP", "PROPN", "appos", 6, "Ibarra"),
    ("and", True, "CC", "CCONJ", "cc", 9, "and"),  # 10
    ("Luis", True, "NNP", "PROPN", "compound", 12, "Luis"),
    ("Cano", False, "NNP", "PROPN", "conj", 9, "Cano"),
    (",", True, ",", "PUNCT", "punct", 6, ","),
    ("met", False, "VBD", "VERB", "ROOT", 14, "meet"),
    (".", False, ".", "PUNCT", "punct", 14, "."),  # 15
]
OWNED_PAIR_ENTS = ["B-GPE", "O", "O", "B-GPE", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O",
                   "B-PERSON", "I-PERSON", "O", "O", "O"]


def test_countries_owning_a_plural_title_go_to_the_names_after_it_in_order(nlp):
    doc = built(nlp, OWNED_PAIR, OWNED_PAIR_ENTS)
    # "Peru's foreign ministers, Rosa Ibarra" alone would give her Peru: the rank in the list wins
    assert [(p.name, p.country) for p in find_people(doc).persons] == [("Rosa Ibarra", "CL"), ("Luis Cano", "PE")]


# --- names.name_spans: a later name of a list a plural title opens, typed an organisation --------

TITLED_LIST = [  # "Presidents Ana Ruiz and Tomas Lind agreed."
    ("Presidents", True, "NNS", "NOUN", "compound", 2, "president"),  # 0
    ("Ana", True, "NNP", "PROPN", "compound", 2, "Ana"),
    ("Ruiz", True, "NNP", "PROPN", "nsubj", 6, "Ruiz"),
    ("and", True, "CC", "CCONJ", "cc", 2, "and"),
    ("Tomas", True, "NNP", "PROPN", "compound", 5, "Tomas"),
    ("Lind", True, "NNP", "PROPN", "conj", 2, "Lind"),  # 5
    ("agreed", False, "VBD", "VERB", "ROOT", 6, "agree"),
    (".", False, ".", "PUNCT", "punct", 6, "."),
]
TITLED_LIST_ENTS = ["O", "B-PERSON", "I-PERSON", "O", "B-ORG", "I-ORG", "O", "O"]


def test_a_name_typed_an_organisation_in_a_list_after_a_plural_title_is_a_person(nlp):
    doc = built(nlp, TITLED_LIST, TITLED_LIST_ENTS)
    assert [p.name for p in find_people(doc).persons] == ["Ana Ruiz", "Tomas Lind"]
