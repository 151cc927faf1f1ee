"""Rules of the sixth batch on hand-built Docs (no model; see test_rules_parse.py for the row shape).
All names are invented."""
from service.nlp.actors import find_people
from service.nlp.candidates import _attends, _candidate
from service.nlp.context import name_context
from service.nlp.coref import _holds, title_mentions
from service.nlp.lexicon import lexicon
from service.nlp.modality import fragment_verb, hypothetical
from service.nlp.people import Person

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


# --- names.name_spans: "the Minister of <portfolio> of the Republic of X, NAME", typed an organisation ----

PORTFOLIO_COMMA = [  # "Lena Vask called the Minister of Trade and European Integration of the Republic of
    #                   Moldova, Petru Vornic."
    ("Lena", True, "NNP", "PROPN", "compound", 1, "Lena"),  # 0
    ("Vask", True, "NNP", "PROPN", "nsubj", 2, "Vask"),  # 1
    ("called", True, "VBD", "VERB", "ROOT", 2, "call"),  # 2
    ("the", True, "DT", "DET", "det", 4, "the"),  # 3
    ("Minister", True, "NNP", "PROPN", "dobj", 2, "Minister"),  # 4
    ("of", True, "IN", "ADP", "prep", 4, "of"),  # 5
    ("Trade", True, "NNP", "PROPN", "pobj", 5, "Trade"),  # 6
    ("and", True, "CC", "CCONJ", "cc", 6, "and"),  # 7
    ("European", True, "NNP", "PROPN", "compound", 9, "European"),  # 8
    ("Integration", True, "NNP", "PROPN", "conj", 6, "Integration"),  # 9
    ("of", True, "IN", "ADP", "prep", 9, "of"),  # 10
    ("the", True, "DT", "DET", "det", 12, "the"),  # 11
    ("Republic", True, "NNP", "PROPN", "pobj", 10, "Republic"),  # 12
    ("of", True, "IN", "ADP", "prep", 12, "of"),  # 13
    ("Moldova", False, "NNP", "PROPN", "pobj", 13, "Moldova"),  # 14
    (",", True, ",", "PUNCT", "punct", 9, ","),  # 15
    ("Petru", True, "NNP", "PROPN", "compound", 17, "Petru"),  # 16
    ("Vornic", False, "NNP", "PROPN", "appos", 9, "Vornic"),  # 17
    (".", False, ".", "PUNCT", "punct", 2, "."),  # 18
]
PORTFOLIO_ENTS = ["B-PERSON", "I-PERSON", "O", "O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "B-GPE",
                  "I-GPE", "I-GPE", "B-GPE", "O", "B-ORG", "I-ORG", "O"]


def test_a_name_after_a_portfolio_and_the_republic_it_serves_typed_an_organisation_is_a_person(nlp):
    doc = built(nlp, PORTFOLIO_COMMA, PORTFOLIO_ENTS)
    assert [p.name for p in find_people(doc).persons] == ["Lena Vask", "Petru Vornic"]


# --- candidates._candidate: "The following readout was issued by the Spokesperson for NAME:" ----------

FOLLOWING_READOUT = [  # "The following readout was issued by the Spokesperson for Director-General Oda Brekke:"
    ("The", True, "DT", "DET", "det", 2, "the"),  # 0
    ("following", True, "JJ", "ADJ", "amod", 2, "following"),  # 1
    ("readout", True, "NN", "NOUN", "nsubjpass", 4, "readout"),  # 2
    ("was", True, "VBD", "AUX", "auxpass", 4, "be"),  # 3
    ("issued", True, "VBN", "VERB", "ROOT", 4, "issue"),  # 4
    ("by", True, "IN", "ADP", "agent", 4, "by"),  # 5
    ("the", True, "DT", "DET", "det", 7, "the"),  # 6
    ("Spokesperson", True, "NNP", "PROPN", "pobj", 5, "Spokesperson"),  # 7
    ("for", True, "IN", "ADP", "prep", 7, "for"),  # 8
    ("Director-General", True, "NNP", "PROPN", "compound", 11, "Director-General"),  # 9
    ("Oda", True, "NNP", "PROPN", "compound", 11, "Oda"),  # 10
    ("Brekke", False, "NNP", "PROPN", "pobj", 8, "Brekke"),  # 11
    (":", False, ":", "PUNCT", "punct", 4, ":"),  # 12
]
FOLLOWING_ENTS = ["O"] * 10 + ["B-PERSON", "I-PERSON", "O"]


def test_the_following_readout_is_the_document_itself_and_a_past_readout_is_a_statement(nlp):
    doc = built(nlp, FOLLOWING_READOUT, FOLLOWING_ENTS)
    people = people_of(doc, [(10, 12, None)])
    assert _candidate("statement", doc[2], people, lexicon().channels) is None
    rows = [r if r[0] != "following" else ("brief", True, "JJ", "ADJ", "amod", 2, "brief") for r in FOLLOWING_READOUT]
    doc = built(nlp, rows, FOLLOWING_ENTS)
    cand = _candidate("statement", doc[2], people_of(doc, [(10, 12, None)]), lexicon().channels)
    assert names(people, cand.pids) == ["Oda Brekke"]


# --- context.name_context: "the President of the Swiss Confederation, NAME" -------------------------------

CONFEDERATION = [  # "Dana Hull met the President of the Swiss Confederation, Anton Brugger."
    ("Dana", True, "NNP", "PROPN", "compound", 1, "Dana"),  # 0
    ("Hull", True, "NNP", "PROPN", "nsubj", 2, "Hull"),  # 1
    ("met", True, "VBD", "VERB", "ROOT", 2, "meet"),  # 2
    ("the", True, "DT", "DET", "det", 4, "the"),  # 3
    ("President", True, "NNP", "PROPN", "dobj", 2, "President"),  # 4
    ("of", True, "IN", "ADP", "prep", 4, "of"),  # 5
    ("the", True, "DT", "DET", "det", 8, "the"),  # 6
    ("Swiss", True, "NNP", "PROPN", "compound", 8, "Swiss"),  # 7
    ("Confederation", False, "NNP", "PROPN", "pobj", 5, "Confederation"),  # 8
    (",", True, ",", "PUNCT", "punct", 8, ","),  # 9
    ("Anton", True, "NNP", "PROPN", "compound", 11, "Anton"),  # 10
    ("Brugger", False, "NNP", "PROPN", "appos", 4, "Brugger"),  # 11
    (".", False, ".", "PUNCT", "punct", 2, "."),  # 12
]
CONFEDERATION_ENTS = ["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "B-NORP", "O", "O", "B-PERSON", "I-PERSON",
                      "O"]


def test_a_state_named_in_two_words_the_model_typed_one_of_is_the_country_of_the_title_before_a_comma(nlp):
    doc = built(nlp, CONFEDERATION, CONFEDERATION_ENTS)
    assert name_context(doc, 10, 12)[1] == "CH"


# --- candidates._attends: "The meeting was attended by the Ambassador of X to the State, NAME." ------------

ATTENDED_BY_AMBASSADOR_OF_PERU = [  # "The meeting was attended by the Ambassador of Peru": both parses below
    ("The", True, "DT", "DET", "det", 1, "the"),  # 0
    ("meeting", True, "NN", "NOUN", "nsubjpass", 3, "meeting"),  # 1
    ("was", True, "VBD", "AUX", "auxpass", 3, "be"),  # 2
    ("attended", True, "VBN", "VERB", "ROOT", 3, "attend"),  # 3
    ("by", True, "IN", "ADP", "agent", 3, "by"),  # 4
    ("the", True, "DT", "DET", "det", 6, "the"),  # 5
    ("Ambassador", True, "NNP", "PROPN", "pobj", 4, "Ambassador"),  # 6
    ("of", True, "IN", "ADP", "prep", 6, "of"),  # 7
    ("Peru", True, "NNP", "PROPN", "pobj", 7, "Peru"),  # 8
]
ATTENDED_BY = [  # "The meeting was attended by the Ambassador of Peru to the State, Ana Ruiz." (the name
    #               parsed under "to", not under the agent)
    *ATTENDED_BY_AMBASSADOR_OF_PERU,  # 0-8
    ("to", True, "IN", "ADP", "prep", 3, "to"),  # 9
    ("the", True, "DT", "DET", "det", 11, "the"),  # 10
    ("State", False, "NNP", "PROPN", "nmod", 14, "State"),  # 11
    (",", True, ",", "PUNCT", "punct", 11, ","),  # 12
    ("Ana", True, "NNP", "PROPN", "compound", 14, "Ana"),  # 13
    ("Ruiz", False, "NNP", "PROPN", "pobj", 9, "Ruiz"),  # 14
    (".", False, ".", "PUNCT", "punct", 3, "."),  # 15
]
ATTENDED_ENTS = ["O"] * 8 + ["B-GPE", "O", "O", "B-ORG", "O", "B-PERSON", "I-PERSON", "O"]


def test_a_name_after_attended_by_only_attends_wherever_the_parse_hung_it(nlp):
    doc = built(nlp, ATTENDED_BY, ATTENDED_ENTS)
    assert _attends(doc[14]) and _attends(doc[13])
    rows = [r if r[0] != "attended" else ("followed", True, "VBN", "VERB", "ROOT", 3, "follow") for r in ATTENDED_BY]
    assert not _attends(built(nlp, rows, ATTENDED_ENTS)[14])


# --- coref: a title whose words run on into a name's own title is no mention of someone else --------------

TITLE_RUN = [  # "Deputy Prime Minister and Minister of State for Foreign Affairs Sheikh Omar Al Hadi met Ivo Kral."
    ("Deputy", True, "NNP", "PROPN", "compound", 2, "Deputy"),  # 0
    ("Prime", True, "NNP", "PROPN", "compound", 2, "Prime"),  # 1
    ("Minister", True, "NNP", "PROPN", "nsubj", 14, "Minister"),  # 2
    ("and", True, "CC", "CCONJ", "cc", 2, "and"),  # 3
    ("Minister", True, "NNP", "PROPN", "conj", 2, "Minister"),  # 4
    ("of", True, "IN", "ADP", "prep", 4, "of"),  # 5
    ("State", True, "NNP", "PROPN", "pobj", 5, "State"),  # 6
    ("for", True, "IN", "ADP", "prep", 2, "for"),  # 7
    ("Foreign", True, "NNP", "PROPN", "compound", 9, "Foreign"),  # 8
    ("Affairs", True, "NNPS", "PROPN", "pobj", 7, "Affairs"),  # 9
    ("Sheikh", True, "NNP", "PROPN", "compound", 12, "Sheikh"),  # 10
    ("Omar", True, "NNP", "PROPN", "compound", 12, "Omar"),  # 11
    ("Al", True, "NNP", "PROPN", "compound", 13, "Al"),  # 12
    ("Hadi", True, "NNP", "PROPN", "conj", 2, "Hadi"),  # 13
    ("met", True, "VBD", "VERB", "ROOT", 14, "meet"),  # 14
    ("Ivo", True, "NNP", "PROPN", "compound", 16, "Ivo"),  # 15
    ("Kral", False, "NNP", "PROPN", "dobj", 14, "Kral"),  # 16
    (".", False, ".", "PUNCT", "punct", 14, "."),  # 17
]
TITLE_RUN_ENTS = ["O"] * 11 + ["B-PERSON", "I-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O"]


def test_a_title_that_runs_on_into_a_name_is_that_name_s_own(nlp):
    doc = built(nlp, TITLE_RUN, TITLE_RUN_ENTS)
    people = people_of(doc, [(11, 14, None), (15, 17, None)])
    people.persons[1].titles = ["Minister"]  # another minister of the article holds none of these mentions
    covered = {i for m in people.mentions for i in range(m.start, m.end)}
    found = title_mentions(doc, people.persons, people.mentions, covered)
    assert [(m.start, people.persons[m.pid].name) for m in found if m.kind == "title"] == [
        (2, "Omar Al Hadi"), (4, "Omar Al Hadi"), (6, "Omar Al Hadi")]


# --- modality.fragment_verb: "The Foreign Secretary of X, NAME, called on Y", the title parsed as the root -----

CALLED_ON = [  # "The visiting Foreign Secretary of Ruvania, Ana Ruiz, called on President Ivo Kral."
    ("The", True, "DT", "DET", "det", 3, "the"),  # 0
    ("visiting", True, "VBG", "VERB", "amod", 3, "visit"),  # 1
    ("Foreign", True, "NNP", "PROPN", "compound", 3, "Foreign"),  # 2
    ("Secretary", True, "NNP", "PROPN", "ROOT", 3, "Secretary"),  # 3
    ("of", True, "IN", "ADP", "prep", 3, "of"),  # 4
    ("Ruvania", False, "NNP", "PROPN", "pobj", 4, "Ruvania"),  # 5
    (",", True, ",", "PUNCT", "punct", 3, ","),  # 6
    ("Ana", True, "NNP", "PROPN", "compound", 8, "Ana"),  # 7
    ("Ruiz", False, "NNP", "PROPN", "appos", 3, "Ruiz"),  # 8
    (",", True, ",", "PUNCT", "punct", 3, ","),  # 9
    ("called", True, "VBN", "VERB", "acl", 3, "call"),  # 10
    ("on", True, "IN", "ADP", "prep", 10, "on"),  # 11
    ("President", True, "NNP", "PROPN", "compound", 14, "President"),  # 12
    ("Ivo", True, "NNP", "PROPN", "compound", 14, "Ivo"),  # 13
    ("Kral", False, "NNP", "PROPN", "pobj", 11, "Kral"),  # 14
    (".", False, ".", "PUNCT", "punct", 3, "."),  # 15
]
CALLED_ON_ENTS = ["O"] * 5 + ["B-GPE", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O"]


def test_a_past_verb_after_the_apposition_of_a_root_title_is_the_sentence_s_verb(nlp):
    doc = built(nlp, CALLED_ON, CALLED_ON_ENTS)
    people = people_of(doc, [(7, 9, None), (13, 15, None)])
    cand = _candidate("meeting", doc[10], people, lexicon().channels)
    assert names(people, cand.pids) == ["Ana Ruiz", "Ivo Kral"]
    assert not hypothetical(doc[10])
    # without the apposition the verb modifies the noun ("the Foreign Secretary called ..."): no such reading
    rows = [r for i, r in enumerate(CALLED_ON) if i not in (6, 7, 8)]
    rows = [(w, sp, tag, pos, dep, h - 3 if h > 8 else h, lem) for w, sp, tag, pos, dep, h, lem in rows]
    assert not fragment_verb(built(nlp, rows, ["O"] * 5 + ["B-GPE", "O", "O", "O", "O", "B-PERSON", "I-PERSON",
                                                           "O"])[7])


DEEP_ATTENDED = [  # "The meeting was attended by the Ambassador of Peru to Chile, Ana Ruiz." (the name a
    #                 conjunct of the host state, five words below "by")
    *ATTENDED_BY_AMBASSADOR_OF_PERU,  # 0-8
    ("to", True, "IN", "ADP", "prep", 6, "to"),  # 9
    ("Chile", False, "NNP", "PROPN", "pobj", 9, "Chile"),  # 10
    (",", True, ",", "PUNCT", "punct", 10, ","),  # 11
    ("Ana", True, "NNP", "PROPN", "compound", 13, "Ana"),  # 12
    ("Ruiz", False, "NNP", "PROPN", "conj", 10, "Ruiz"),  # 13
    (".", False, ".", "PUNCT", "punct", 3, "."),  # 14
]


def test_a_name_deep_under_attended_by_only_attends(nlp):
    ents = ["O"] * 8 + ["B-GPE", "O", "B-GPE", "O", "B-PERSON", "I-PERSON", "O"]
    assert _attends(built(nlp, DEEP_ATTENDED, ents)[12])  # where the mention starts: six words below "by"


def test_who_joined_by_an_aide_holds_talks_with_is_a_principal(nlp):
    rows = [  # "Lena Vask was joined by aides for talks with Ivo Kral."
        ("Lena", True, "NNP", "PROPN", "compound", 1, "Lena"),  # 0
        ("Vask", True, "NNP", "PROPN", "nsubjpass", 3, "Vask"),  # 1
        ("was", True, "VBD", "AUX", "auxpass", 3, "be"),  # 2
        ("joined", True, "VBN", "VERB", "ROOT", 3, "join"),  # 3
        ("by", True, "IN", "ADP", "agent", 3, "by"),  # 4
        ("aides", True, "NNS", "NOUN", "pobj", 4, "aide"),  # 5
        ("for", True, "IN", "ADP", "prep", 3, "for"),  # 6
        ("talks", True, "NNS", "NOUN", "pobj", 6, "talk"),  # 7
        ("with", True, "IN", "ADP", "prep", 7, "with"),  # 8
        ("Ivo", True, "NNP", "PROPN", "compound", 10, "Ivo"),  # 9
        ("Kral", False, "NNP", "PROPN", "pobj", 8, "Kral"),  # 10
        (".", False, ".", "PUNCT", "punct", 3, "."),  # 11
    ]
    doc = built(nlp, rows, ["B-PERSON", "I-PERSON"] + ["O"] * 7 + ["B-PERSON", "I-PERSON", "O"])
    assert not _attends(doc[10])


# --- names: a double surname typed an organisation; coref: a lower rank is not the office ---------------

HYPHENATED = [  # "The Deputy Director-General, Mariam Sow-Keita, met Ivo Kral."
    ("The", True, "DT", "DET", "det", 4, "the"),  # 0
    ("Deputy", True, "NNP", "PROPN", "compound", 4, "Deputy"),  # 1
    ("Director", False, "NNP", "PROPN", "compound", 4, "Director"),  # 2
    ("-", False, "HYPH", "PUNCT", "punct", 4, "-"),  # 3
    ("General", False, "NNP", "PROPN", "nsubj", 11, "General"),  # 4
    (",", True, ",", "PUNCT", "punct", 4, ","),  # 5
    ("Mariam", True, "NNP", "PROPN", "compound", 9, "Mariam"),  # 6
    ("Sow", False, "NNP", "PROPN", "compound", 9, "Sow"),  # 7
    ("-", False, "HYPH", "PUNCT", "punct", 9, "-"),  # 8
    ("Keita", False, "NNP", "PROPN", "appos", 4, "Keita"),  # 9
    (",", True, ",", "PUNCT", "punct", 4, ","),  # 10
    ("met", True, "VBD", "VERB", "ROOT", 11, "meet"),  # 11
    ("Ivo", True, "NNP", "PROPN", "compound", 13, "Ivo"),  # 12
    ("Kral", False, "NNP", "PROPN", "dobj", 11, "Kral"),  # 13
    (".", False, ".", "PUNCT", "punct", 11, "."),  # 14
]
HYPHENATED_ENTS = ["O"] * 6 + ["B-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O", "B-PERSON", "I-PERSON", "O"]


def test_a_double_surname_the_model_typed_an_organisation_after_a_title_is_a_person(nlp):
    doc = built(nlp, HYPHENATED, HYPHENATED_ENTS)
    assert [p.name for p in find_people(doc).persons] == ["Mariam Sow-Keita", "Ivo Kral"]


def test_a_bare_office_is_not_its_deputy():
    deputy = Person(0, "Mariam Sow-Keita", ("Mariam", "Sow-Keita"), None, titles=["Deputy Director-General"])
    assert not _holds(deputy, {"director", "general"})
    assert _holds(deputy, {"deputy", "director", "general"}) and _holds(deputy, {"general"}) is False


# --- coref.title_mentions: "His Highness also received ...", the person last named with that style ---------

STYLED = [  # "His Highness Sheikh Omar Al Hadi met Ivo Kral at Qasr Al Noor. His Highness also received Lena Vask."
    ("His", True, "PRP$", "PRON", "poss", 1, "his"),  # 0
    ("Highness", True, "NNP", "PROPN", "nsubj", 6, "Highness"),  # 1
    ("Sheikh", True, "NNP", "PROPN", "compound", 5, "Sheikh"),  # 2
    ("Omar", True, "NNP", "PROPN", "compound", 5, "Omar"),  # 3
    ("Al", True, "NNP", "PROPN", "compound", 5, "Al"),  # 4
    ("Hadi", True, "NNP", "PROPN", "appos", 1, "Hadi"),  # 5
    ("met", True, "VBD", "VERB", "ROOT", 6, "meet"),  # 6
    ("Ivo", True, "NNP", "PROPN", "compound", 8, "Ivo"),  # 7
    ("Kral", True, "NNP", "PROPN", "dobj", 6, "Kral"),  # 8
    ("at", True, "IN", "ADP", "prep", 6, "at"),  # 9
    ("Qasr", True, "NNP", "PROPN", "compound", 12, "Qasr"),  # 10
    ("Al", True, "NNP", "PROPN", "compound", 12, "Al"),  # 11
    ("Noor", False, "NNP", "PROPN", "pobj", 9, "Noor"),  # 12
    (".", True, ".", "PUNCT", "punct", 6, "."),  # 13
    ("His", True, "PRP$", "PRON", "poss", 15, "his"),  # 14
    ("Highness", True, "NNP", "PROPN", "nsubj", 17, "Highness"),  # 15
    ("also", True, "RB", "ADV", "advmod", 17, "also"),  # 16
    ("received", True, "VBD", "VERB", "ROOT", 17, "receive"),  # 17
    ("Lena", True, "NNP", "PROPN", "compound", 19, "Lena"),  # 18
    ("Vask", False, "NNP", "PROPN", "dobj", 17, "Vask"),  # 19
    (".", False, ".", "PUNCT", "punct", 17, "."),  # 20
]
STYLED_ENTS = ["O", "O", "O", "B-PERSON", "I-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O", "B-FAC", "I-FAC",
               "I-FAC", "O", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O"]


def test_a_bare_style_of_address_is_the_person_last_named_with_it(nlp):
    doc = built(nlp, STYLED, STYLED_ENTS)
    people = people_of(doc, [(3, 6, None), (7, 9, None), (10, 13, None), (18, 20, None)])  # a venue taken for a name
    covered = {i for m in people.mentions for i in range(m.start, m.end)}
    found = title_mentions(doc, people.persons, people.mentions, covered)
    assert [(m.start, people.persons[m.pid].name) for m in found if m.kind == "title"] == [(15, "Omar Al Hadi")]


# --- actors: a name the article gives only after "at" is a venue ------------------------------------------

AT_VENUE = [  # "Lena Vask met Ivo Kral at Qasr Al Noor."
    ("Lena", True, "NNP", "PROPN", "compound", 1, "Lena"),  # 0
    ("Vask", True, "NNP", "PROPN", "nsubj", 2, "Vask"),  # 1
    ("met", True, "VBD", "VERB", "ROOT", 2, "meet"),  # 2
    ("Ivo", True, "NNP", "PROPN", "compound", 4, "Ivo"),  # 3
    ("Kral", True, "NNP", "PROPN", "dobj", 2, "Kral"),  # 4
    ("at", True, "IN", "ADP", "prep", 2, "at"),  # 5
    ("Qasr", True, "NNP", "PROPN", "compound", 8, "Qasr"),  # 6
    ("Al", True, "NNP", "PROPN", "compound", 8, "Al"),  # 7
    ("Noor", False, "NNP", "PROPN", "pobj", 5, "Noor"),  # 8
    (".", False, ".", "PUNCT", "punct", 2, "."),  # 9
]
AT_VENUE_ENTS = ["B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "I-PERSON", "O"]


def test_a_name_given_only_after_at_is_a_venue(nlp):
    doc = built(nlp, AT_VENUE, AT_VENUE_ENTS)
    assert [p.name for p in find_people(doc).persons] == ["Lena Vask", "Ivo Kral"]
