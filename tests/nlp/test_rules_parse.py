"""Rules that read the parse, on hand-built Docs (no model): guest lists, briefings and speeches, call
media, the states of "the A-B talks", pairs and reporters, "I" in a quotation, venues and their
city, regions. Each Doc is built from (word, space, tag, pos, dep, head, lemma) rows and IOB
entity tags, and the function is called directly, so a model upgrade that moves a parse shows
which rule it moved. The people of a Doc are given by hand (People, Person, Mention), so these
tests do not depend on the name rules either. All names are invented."""
from spacy.tokens import Doc, Span

from service.nlp.anaphora import pair_of, quote_speaker, reporter
from service.nlp.candidates import (
    _a_state_or_city,
    _by_way_of,
    _candidate,
    _noun_people,
    _read_noun,
    _read_verb,
    find_candidates,
    listed_after,
    state_pair,
    subject_pids,
)
from service.nlp.lexicon import lexicon
from service.nlp.people import Mention, People, Person
from service.nlp.places import _venue_cities, _venue_prep, event_location


def built(nlp, rows, ents):
    """A Doc from (word, space, tag, pos, dep, head, lemma) rows and IOB entity tags; every ROOT
    starts a sentence of its own."""
    words, spaces, tags, pos, deps, heads, lemmas = (list(col) for col in zip(*rows, strict=True))
    return Doc(nlp.vocab, words=words, spaces=spaces, tags=tags, pos=pos, deps=deps, heads=heads,
               lemmas=lemmas, ents=ents)


def people_of(doc, named):
    """People from (start, end, country) mentions: one person per distinct name text, in order."""
    persons: list[Person] = []
    mentions: list[Mention] = []
    for start, end, country in named:
        name = doc[start:end].text
        person = next((p for p in persons if p.name == name), None)
        if person is None:
            person = Person(len(persons), name, tuple(name.split()), country)
            persons.append(person)
        person.mentions += 1
        mentions.append(Mention(start, end, person.pid, "full" if end - start > 1 else "short"))
    by_token = {i: m.pid for m in mentions for i in range(m.start, m.end)}
    return People(persons, mentions, by_token)


def names(people, pids):
    return [people.persons[p].name for p in pids]


# --- events.listed_after: a host, a guest noun and a list opened by a marker -------------------

GUESTS_AMONG_THEM = [  # "Anna Kovar received several guests on Monday, among them Tomas Brel of Peru
    #                     and Lena Vask, at the palace of Ivo Marin."
    ("Anna", True, "NNP", "PROPN", "compound", 1, "Anna"),  # 0
    ("Kovar", True, "NNP", "PROPN", "nsubj", 2, "Kovar"),
    ("received", True, "VBD", "VERB", "ROOT", 2, "receive"),
    ("several", True, "JJ", "ADJ", "amod", 4, "several"),
    ("guests", True, "NNS", "NOUN", "dobj", 2, "guest"),
    ("on", True, "IN", "ADP", "prep", 2, "on"),  # 5
    ("Monday", False, "NNP", "PROPN", "pobj", 5, "Monday"),
    (",", True, ",", "PUNCT", "punct", 2, ","),
    ("among", True, "IN", "ADP", "prep", 2, "among"),  # the list hangs from the verb, not the guests
    ("them", True, "PRP", "PRON", "pobj", 8, "they"),
    ("Tomas", True, "NNP", "PROPN", "compound", 11, "Tomas"),  # 10
    ("Brel", True, "NNP", "PROPN", "appos", 9, "Brel"),
    ("of", True, "IN", "ADP", "prep", 11, "of"),
    ("Peru", True, "NNP", "PROPN", "pobj", 12, "Peru"),
    ("and", True, "CC", "CCONJ", "cc", 11, "and"),
    ("Lena", True, "NNP", "PROPN", "compound", 16, "Lena"),  # 15
    ("Vask", False, "NNP", "PROPN", "conj", 11, "Vask"),
    (",", True, ",", "PUNCT", "punct", 2, ","),
    ("at", True, "IN", "ADP", "prep", 2, "at"),
    ("the", True, "DT", "DET", "det", 20, "the"),
    ("palace", True, "NN", "NOUN", "pobj", 18, "palace"),  # 20
    ("of", True, "IN", "ADP", "prep", 20, "of"),
    ("Ivo", True, "NNP", "PROPN", "compound", 23, "Ivo"),
    ("Marin", False, "NNP", "PROPN", "pobj", 21, "Marin"),
    (".", False, ".", "PUNCT", "punct", 2, "."),
]
GUESTS_AMONG_THEM_ENTS = ["B-PERSON", "I-PERSON", "O", "O", "O", "O", "B-DATE", "O", "O", "O", "B-PERSON",
                          "I-PERSON", "O", "B-GPE", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "O",
                          "B-PERSON", "I-PERSON", "O"]


def test_a_two_word_marker_opens_the_list_and_a_preposition_after_a_name_closes_it(nlp):
    doc = built(nlp, GUESTS_AMONG_THEM, GUESTS_AMONG_THEM_ENTS)
    people = people_of(doc, [(0, 2, None), (10, 12, "PE"), (15, 17, None), (22, 24, None)])
    # "at the palace of Ivo Marin": the list ended at "at"; the palace's owner is no guest
    assert names(people, listed_after(doc[2], people)) == ["Tomas Brel", "Lena Vask"]


def test_a_host_verb_with_a_guest_noun_object_meets_the_listed_people(nlp):
    doc = built(nlp, GUESTS_AMONG_THEM, GUESTS_AMONG_THEM_ENTS)
    people = people_of(doc, [(0, 2, None), (10, 12, "PE"), (15, 17, None), (22, 24, None)])
    reading = _read_verb("meeting", doc[2], people)
    assert (names(people, reading.subj), names(people, reading.objs)) == (["Anna Kovar"], ["Tomas Brel", "Lena Vask"])


def test_a_list_opened_by_including_ends_at_the_next_verb(nlp):
    rows = [  # "Anna Kovar received guests, including Tomas Brel, and thanked Lena Vask."
        ("Anna", True, "NNP", "PROPN", "compound", 1, "Anna"),  # 0
        ("Kovar", True, "NNP", "PROPN", "nsubj", 2, "Kovar"),
        ("received", True, "VBD", "VERB", "ROOT", 2, "receive"),
        ("guests", False, "NNS", "NOUN", "dobj", 2, "guest"),
        (",", True, ",", "PUNCT", "punct", 3, ","),
        ("including", True, "VBG", "VERB", "prep", 3, "include"),  # 5
        ("Tomas", True, "NNP", "PROPN", "compound", 7, "Tomas"),
        ("Brel", False, "NNP", "PROPN", "pobj", 5, "Brel"),
        (",", True, ",", "PUNCT", "punct", 2, ","),
        ("and", True, "CC", "CCONJ", "cc", 2, "and"),
        ("thanked", True, "VBD", "VERB", "conj", 2, "thank"),  # 10
        ("Lena", True, "NNP", "PROPN", "compound", 12, "Lena"),
        ("Vask", False, "NNP", "PROPN", "dobj", 10, "Vask"),
        (".", False, ".", "PUNCT", "punct", 2, "."),
    ]
    doc = built(nlp, rows, ["B-PERSON", "I-PERSON", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O",
                            "B-PERSON", "I-PERSON", "O"])
    people = people_of(doc, [(0, 2, None), (6, 8, None), (11, 13, None)])
    assert names(people, listed_after(doc[2], people)) == ["Tomas Brel"]


def test_a_host_verb_without_a_marker_lists_nobody(nlp):
    rows = [  # "Anna Kovar received several guests at the palace of Ivo Marin."
        ("Anna", True, "NNP", "PROPN", "compound", 1, "Anna"),  # 0
        ("Kovar", True, "NNP", "PROPN", "nsubj", 2, "Kovar"),
        ("received", True, "VBD", "VERB", "ROOT", 2, "receive"),
        ("several", True, "JJ", "ADJ", "amod", 4, "several"),
        ("guests", True, "NNS", "NOUN", "dobj", 2, "guest"),
        ("at", True, "IN", "ADP", "prep", 2, "at"),  # 5
        ("the", True, "DT", "DET", "det", 7, "the"),
        ("palace", True, "NN", "NOUN", "pobj", 5, "palace"),
        ("of", True, "IN", "ADP", "prep", 7, "of"),
        ("Ivo", True, "NNP", "PROPN", "compound", 10, "Ivo"),
        ("Marin", False, "NNP", "PROPN", "pobj", 8, "Marin"),  # 10
        (".", False, ".", "PUNCT", "punct", 2, "."),
    ]
    doc = built(nlp, rows, ["B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O"])
    people = people_of(doc, [(0, 2, None), (9, 11, None)])
    assert listed_after(doc[2], people) == []
    assert _read_verb("meeting", doc[2], people).objs == []


# --- events._noun_people(speaker_only=True): a briefing names only its speaker ------------------

BRIEFING = [  # "Maria Soto, briefing reporters on Jonas Weber's plane, said the talks went well."
    ("Maria", True, "NNP", "PROPN", "compound", 1, "Maria"),  # 0
    ("Soto", False, "NNP", "PROPN", "nsubj", 11, "Soto"),
    (",", True, ",", "PUNCT", "punct", 1, ","),
    ("briefing", True, "NN", "NOUN", "appos", 1, "briefing"),
    ("reporters", True, "NNS", "NOUN", "dobj", 3, "reporter"),
    ("on", True, "IN", "ADP", "prep", 3, "on"),  # 5
    ("Jonas", True, "NNP", "PROPN", "compound", 7, "Jonas"),
    ("Weber", False, "NNP", "PROPN", "poss", 9, "Weber"),
    ("'s", True, "POS", "PART", "case", 7, "'s"),
    ("plane", False, "NN", "NOUN", "pobj", 5, "plane"),
    (",", True, ",", "PUNCT", "punct", 1, ","),  # 10
    ("said", True, "VBD", "VERB", "ROOT", 11, "say"),
    ("the", True, "DT", "DET", "det", 13, "the"),
    ("talks", True, "NNS", "NOUN", "nsubj", 14, "talk"),
    ("went", True, "VBD", "VERB", "ccomp", 11, "go"),
    ("well", False, "RB", "ADV", "advmod", 14, "well"),  # 15
    (".", False, ".", "PUNCT", "punct", 11, "."),
]
BRIEFING_ENTS = ["B-PERSON", "I-PERSON", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O", "O", "O",
                 "O", "O", "O"]


def test_a_briefing_in_apposition_names_its_head_not_the_owner_of_the_plane(nlp):
    doc = built(nlp, BRIEFING, BRIEFING_ENTS)
    people = people_of(doc, [(0, 2, None), (6, 8, None)])
    assert names(people, _noun_people(doc[3], people, speaker_only=True)) == ["Maria Soto"]
    # read as a talk, the same noun would name whoever its phrase holds: the plane's owner
    assert names(people, _noun_people(doc[3], people)) == ["Jonas Weber"]
    cand = _candidate("press_conference", doc[3], people, lexicon().channels)
    assert (cand.channel, names(people, cand.pids)) == ("press_conference", ["Maria Soto"])


def test_a_briefing_names_its_possessor(nlp):
    rows = [  # "Jonas Weber's briefing ended."
        ("Jonas", True, "NNP", "PROPN", "compound", 1, "Jonas"),  # 0
        ("Weber", False, "NNP", "PROPN", "poss", 3, "Weber"),
        ("'s", True, "POS", "PART", "case", 1, "'s"),
        ("briefing", True, "NN", "NOUN", "nsubj", 4, "briefing"),
        ("ended", False, "VBD", "VERB", "ROOT", 4, "end"),
        (".", False, ".", "PUNCT", "punct", 4, "."),  # 5
    ]
    doc = built(nlp, rows, ["B-PERSON", "I-PERSON", "O", "O", "O", "O"])
    people = people_of(doc, [(0, 2, None)])
    assert names(people, _noun_people(doc[3], people, speaker_only=True)) == ["Jonas Weber"]


def test_a_briefing_by_a_person_names_that_person(nlp):
    rows = [  # "A briefing by Ana Vera followed the talks."
        ("A", True, "DT", "DET", "det", 1, "a"),  # 0
        ("briefing", True, "NN", "NOUN", "nsubj", 5, "briefing"),
        ("by", True, "IN", "ADP", "prep", 1, "by"),
        ("Ana", True, "NNP", "PROPN", "compound", 4, "Ana"),
        ("Vera", True, "NNP", "PROPN", "pobj", 2, "Vera"),
        ("followed", True, "VBD", "VERB", "ROOT", 5, "follow"),  # 5
        ("the", True, "DT", "DET", "det", 7, "the"),
        ("talks", False, "NNS", "NOUN", "dobj", 5, "talk"),
        (".", False, ".", "PUNCT", "punct", 5, "."),
    ]
    doc = built(nlp, rows, ["O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O"])
    people = people_of(doc, [(3, 5, None)])
    assert names(people, _noun_people(doc[1], people, speaker_only=True)) == ["Ana Vera"]


# --- events._read_noun: "said at the start of a speech" ------------------------------------------

def test_a_speech_under_a_part_noun_is_framed_by_the_verb_the_part_hangs_from(nlp):
    rows = [  # "Weber said at the start of a speech in Lima that trade matters."
        ("Weber", True, "NNP", "PROPN", "nsubj", 1, "Weber"),  # 0
        ("said", True, "VBD", "VERB", "ROOT", 1, "say"),
        ("at", True, "IN", "ADP", "prep", 1, "at"),
        ("the", True, "DT", "DET", "det", 4, "the"),
        ("start", True, "NN", "NOUN", "pobj", 2, "start"),
        ("of", True, "IN", "ADP", "prep", 4, "of"),  # 5
        ("a", True, "DT", "DET", "det", 7, "a"),
        ("speech", True, "NN", "NOUN", "pobj", 5, "speech"),
        ("in", True, "IN", "ADP", "prep", 7, "in"),
        ("Lima", True, "NNP", "PROPN", "pobj", 8, "Lima"),
        ("that", True, "IN", "SCONJ", "mark", 12, "that"),  # 10
        ("trade", True, "NN", "NOUN", "nsubj", 12, "trade"),
        ("matters", False, "VBZ", "VERB", "ccomp", 1, "matter"),
        (".", False, ".", "PUNCT", "punct", 1, "."),
    ]
    doc = built(nlp, rows, ["B-PERSON", "O", "O", "O", "O", "O", "O", "O", "O", "B-GPE", "O", "O", "O", "O"])
    people = people_of(doc, [(0, 1, None)])
    reading = _read_noun("speech", doc[7], people, lexicon().channels)
    assert (reading.channel, reading.gv.text, names(people, reading.subj), reading.objs) == (
        "speech", "said", ["Weber"], [])


# --- events._by_way_of: a call medium from a phrase, not a call of its own -----------------------

PHONE_CALL = [  # "Soto spoke with Weber in a phone call on Monday."
    ("Soto", True, "NNP", "PROPN", "nsubj", 1, "Soto"),  # 0
    ("spoke", True, "VBD", "VERB", "ROOT", 1, "speak"),
    ("with", True, "IN", "ADP", "prep", 1, "with"),
    ("Weber", True, "NNP", "PROPN", "pobj", 2, "Weber"),
    ("in", True, "IN", "ADP", "prep", 1, "in"),
    ("a", True, "DT", "DET", "det", 7, "a"),  # 5
    ("phone", True, "NN", "NOUN", "compound", 7, "phone"),
    ("call", True, "NN", "NOUN", "pobj", 4, "call"),
    ("on", True, "IN", "ADP", "prep", 1, "on"),
    ("Monday", False, "NNP", "PROPN", "pobj", 8, "Monday"),
    (".", False, ".", "PUNCT", "punct", 1, "."),  # 10
]
PHONE_CALL_ENTS = ["B-PERSON", "O", "O", "B-PERSON", "O", "O", "O", "O", "O", "B-DATE", "O"]

CALL_FOLLOWED = [  # "The call followed the talks between Soto and Weber."
    ("The", True, "DT", "DET", "det", 1, "the"),  # 0
    ("call", True, "NN", "NOUN", "nsubj", 2, "call"),
    ("followed", True, "VBD", "VERB", "ROOT", 2, "follow"),
    ("the", True, "DT", "DET", "det", 4, "the"),
    ("talks", True, "NNS", "NOUN", "dobj", 2, "talk"),
    ("between", True, "IN", "ADP", "prep", 4, "between"),  # 5
    ("Soto", True, "NNP", "PROPN", "pobj", 5, "Soto"),
    ("and", True, "CC", "CCONJ", "cc", 6, "and"),
    ("Weber", False, "NNP", "PROPN", "conj", 6, "Weber"),
    (".", False, ".", "PUNCT", "punct", 2, "."),
]
CALL_FOLLOWED_ENTS = ["O", "O", "O", "O", "O", "O", "B-PERSON", "O", "B-PERSON", "O"]


def test_a_medium_in_a_prepositional_phrase_is_by_way_of_and_an_argument_is_not(nlp):
    doc = built(nlp, PHONE_CALL, PHONE_CALL_ENTS)
    assert (_by_way_of(doc[7]), _by_way_of(doc[6])) == (True, True)  # "in a phone call": the object, its compound
    doc = built(nlp, CALL_FOLLOWED, CALL_FOLLOWED_ENTS)
    assert _by_way_of(doc[1]) is False  # "the call followed the talks": a subject
    rows = [  # "Soto spoke by phone."
        ("Soto", True, "NNP", "PROPN", "nsubj", 1, "Soto"),
        ("spoke", True, "VBD", "VERB", "ROOT", 1, "speak"),
        ("by", True, "IN", "ADP", "prep", 1, "by"),
        ("phone", False, "NN", "NOUN", "pobj", 2, "phone"),
        (".", False, ".", "PUNCT", "punct", 1, "."),
    ]
    doc = built(nlp, rows, ["B-PERSON", "O", "O", "O", "O"])
    assert (_by_way_of(doc[2]), _by_way_of(doc[3])) == (True, True)


def _channels(doc, spans):
    doc.spans["channels"] = [Span(doc, s, e, label=label) for s, e, label in spans]
    return doc


def test_a_talk_in_a_phone_call_is_a_phone_call(nlp):
    doc = _channels(built(nlp, PHONE_CALL, PHONE_CALL_ENTS), [(1, 2, "generic"), (6, 8, "phone_call")])
    people = people_of(doc, [(0, 1, None), (3, 4, None)])
    found = find_candidates(doc, people, lambda idx: False)
    assert [(c.channel, names(people, c.pids)) for c in found] == [("phone_call", ["Soto", "Weber"])]


def test_talks_that_a_call_follows_keep_their_own_medium(nlp):
    doc = _channels(built(nlp, CALL_FOLLOWED, CALL_FOLLOWED_ENTS), [(1, 2, "phone_call"), (4, 5, "generic")])
    people = people_of(doc, [(6, 7, None), (8, 9, None)])
    found = find_candidates(doc, people, lambda idx: False)
    assert [(c.channel, names(people, c.pids)) for c in found] == [("generic", ["Soto", "Weber"])]


# --- events.state_pair and anaphora.reporter: "the A-B talks", "according to X" -------------------

def _state_talks(nlp, reported: bool):
    """ "Ana Vera met Luis Soto. The Peruvian-Chilean talks ended, according to Rosa Quispe." or,
    not reported, "Ana Vera and Rosa Quispe met Luis Soto. The Peruvian-Chilean talks ended." """
    if reported:
        first = [
            ("Ana", True, "NNP", "PROPN", "compound", 1, "Ana"),  # 0
            ("Vera", True, "NNP", "PROPN", "nsubj", 2, "Vera"),
            ("met", True, "VBD", "VERB", "ROOT", 2, "meet"),
            ("Luis", True, "NNP", "PROPN", "compound", 4, "Luis"),
            ("Soto", False, "NNP", "PROPN", "dobj", 2, "Soto"),
            (".", True, ".", "PUNCT", "punct", 2, "."),  # 5
        ]
        ents = ["B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O"]
        named = [(0, 2, "PE"), (3, 5, "CL")]
    else:
        first = [
            ("Ana", True, "NNP", "PROPN", "compound", 1, "Ana"),  # 0
            ("Vera", True, "NNP", "PROPN", "nsubj", 5, "Vera"),
            ("and", True, "CC", "CCONJ", "cc", 1, "and"),
            ("Rosa", True, "NNP", "PROPN", "compound", 4, "Rosa"),
            ("Quispe", True, "NNP", "PROPN", "conj", 1, "Quispe"),
            ("met", True, "VBD", "VERB", "ROOT", 5, "meet"),  # 5
            ("Luis", True, "NNP", "PROPN", "compound", 7, "Luis"),
            ("Soto", False, "NNP", "PROPN", "dobj", 5, "Soto"),
            (".", True, ".", "PUNCT", "punct", 5, "."),
        ]
        ents = ["B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O"]
        named = [(0, 2, "PE"), (6, 8, "CL"), (3, 5, "PE")]
    n = len(first)
    talks = [
        ("The", True, "DT", "DET", "det", n + 4, "the"),  # n
        ("Peruvian", False, "JJ", "ADJ", "amod", n + 3, "peruvian"),
        ("-", False, "HYPH", "PUNCT", "punct", n + 3, "-"),
        ("Chilean", True, "NNP", "PROPN", "compound", n + 4, "Chilean"),
        ("talks", True, "NNS", "NOUN", "nsubj", n + 5, "talk"),
        ("ended", False, "VBD", "VERB", "ROOT", n + 5, "end"),  # n + 5
    ]
    ents += ["O", "B-NORP", "O", "B-NORP", "O", "O"]
    if reported:
        talks += [
            (",", True, ",", "PUNCT", "punct", n + 5, ","),
            ("according", True, "VBG", "VERB", "prep", n + 5, "accord"),
            ("to", True, "IN", "ADP", "prep", n + 7, "to"),
            ("Rosa", True, "NNP", "PROPN", "compound", n + 10, "Rosa"),
            ("Quispe", False, "NNP", "PROPN", "pobj", n + 8, "Quispe"),  # n + 10
        ]
        ents += ["O", "O", "O", "B-PERSON", "I-PERSON"]
        named.append((n + 9, n + 11, "PE"))
    talks.append((".", False, ".", "PUNCT", "punct", n + 5, "."))
    ents.append("O")
    doc = built(nlp, first + talks, ents)
    return doc, people_of(doc, named), doc[n + 4]


def test_the_talks_of_two_states_are_the_one_person_of_each_besides_who_reports_them(nlp):
    doc, people, talks = _state_talks(nlp, reported=True)
    assert names(people, state_pair(talks, people)) == ["Ana Vera", "Luis Soto"]
    assert names(people, _noun_people(talks, people)) == ["Ana Vera", "Luis Soto"]


def test_the_talks_of_a_state_with_two_people_who_do_not_report_name_nobody(nlp):
    doc, people, talks = _state_talks(nlp, reported=False)
    assert state_pair(talks, people) == []


def test_the_talks_of_a_state_of_two_words_and_another_state(nlp):
    rows = [  # "Kiri Tane met Josefa Rabuka. The New Zealand-Fijian talks ended."
        ("Kiri", True, "NNP", "PROPN", "compound", 1, "Kiri"),  # 0
        ("Tane", True, "NNP", "PROPN", "nsubj", 2, "Tane"),
        ("met", True, "VBD", "VERB", "ROOT", 2, "meet"),
        ("Josefa", True, "NNP", "PROPN", "compound", 4, "Josefa"),
        ("Rabuka", False, "NNP", "PROPN", "dobj", 2, "Rabuka"),
        (".", True, ".", "PUNCT", "punct", 2, "."),  # 5
        ("The", True, "DT", "DET", "det", 11, "the"),
        ("New", True, "NNP", "PROPN", "compound", 8, "New"),
        ("Zealand", False, "NNP", "PROPN", "compound", 11, "Zealand"),
        ("-", False, "HYPH", "PUNCT", "punct", 10, "-"),
        ("Fijian", True, "JJ", "ADJ", "amod", 11, "fijian"),  # 10
        ("talks", True, "NNS", "NOUN", "nsubj", 12, "talk"),
        ("ended", False, "VBD", "VERB", "ROOT", 12, "end"),
        (".", False, ".", "PUNCT", "punct", 12, "."),
    ]
    doc = built(nlp, rows, ["B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O", "O", "B-GPE", "I-GPE", "O",
                            "B-NORP", "O", "O", "O"])
    people = people_of(doc, [(0, 2, "NZ"), (3, 5, "FJ")])
    assert names(people, state_pair(doc[11], people)) == ["Kiri Tane", "Josefa Rabuka"]


def test_according_to_names_a_reporter_and_a_subject_of_meet_is_none(nlp):
    doc, people, _ = _state_talks(nlp, reported=True)
    rosa, quispe = (t for t in doc if t.text in {"Rosa", "Quispe"})
    assert (reporter(rosa), reporter(quispe), reporter(doc[1]), reporter(doc[4])) == (True, True, False, False)


def test_the_two_leaders_leave_out_who_reports_their_meeting(nlp):
    rows = [  # "Ana Vera met Luis Soto on Monday, according to Rosa Quispe. The two leaders discussed trade."
        ("Ana", True, "NNP", "PROPN", "compound", 1, "Ana"),  # 0
        ("Vera", True, "NNP", "PROPN", "nsubj", 2, "Vera"),
        ("met", True, "VBD", "VERB", "ROOT", 2, "meet"),
        ("Luis", True, "NNP", "PROPN", "compound", 4, "Luis"),
        ("Soto", True, "NNP", "PROPN", "dobj", 2, "Soto"),
        ("on", True, "IN", "ADP", "prep", 2, "on"),  # 5
        ("Monday", False, "NNP", "PROPN", "pobj", 5, "Monday"),
        (",", True, ",", "PUNCT", "punct", 2, ","),
        ("according", True, "VBG", "VERB", "prep", 2, "accord"),
        ("to", True, "IN", "ADP", "prep", 8, "to"),
        ("Rosa", True, "NNP", "PROPN", "compound", 11, "Rosa"),  # 10
        ("Quispe", False, "NNP", "PROPN", "pobj", 9, "Quispe"),
        (".", True, ".", "PUNCT", "punct", 2, "."),
        ("The", True, "DT", "DET", "det", 15, "the"),
        ("two", True, "CD", "NUM", "nummod", 15, "two"),
        ("leaders", True, "NNS", "NOUN", "nsubj", 16, "leader"),  # 15
        ("discussed", True, "VBD", "VERB", "ROOT", 16, "discuss"),
        ("trade", False, "NN", "NOUN", "dobj", 16, "trade"),
        (".", False, ".", "PUNCT", "punct", 16, "."),
    ]
    doc = built(nlp, rows, ["B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O", "B-DATE", "O", "O", "O",
                            "B-PERSON", "I-PERSON", "O", "O", "B-CARDINAL", "O", "O", "O", "O"])
    people = people_of(doc, [(0, 2, None), (3, 5, None), (10, 12, None)])
    assert names(people, pair_of(doc[15], people)) == ["Ana Vera", "Luis Soto"]
    assert names(people, subject_pids(doc[16], people)) == ["Ana Vera", "Luis Soto"]


# --- anaphora.pair_of with a plural possessor: "the presidents' call" ------------------------------

def _presidents_call(nlp, third: bool):
    """ "Ana Vera met Luis Soto[ and Rosa Quispe]. The presidents' call lasted an hour." """
    first = [
        ("Ana", True, "NNP", "PROPN", "compound", 1, "Ana"),  # 0
        ("Vera", True, "NNP", "PROPN", "nsubj", 2, "Vera"),
        ("met", True, "VBD", "VERB", "ROOT", 2, "meet"),
        ("Luis", True, "NNP", "PROPN", "compound", 4, "Luis"),
        ("Soto", third, "NNP", "PROPN", "dobj", 2, "Soto"),
    ]
    ents = ["B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON"]
    named = [(0, 2, None), (3, 5, None)]
    if third:
        first += [("and", True, "CC", "CCONJ", "cc", 4, "and"),
                  ("Rosa", True, "NNP", "PROPN", "compound", 7, "Rosa"),
                  ("Quispe", False, "NNP", "PROPN", "conj", 4, "Quispe")]
        ents += ["O", "B-PERSON", "I-PERSON"]
        named.append((6, 8, None))
    first.append((".", True, ".", "PUNCT", "punct", 2, "."))
    ents.append("O")
    n = len(first)
    call = [
        ("The", True, "DT", "DET", "det", n + 1, "the"),  # n
        ("presidents", False, "NNS", "NOUN", "poss", n + 3, "president"),
        ("'", True, "POS", "PART", "case", n + 1, "'"),
        ("call", True, "NN", "NOUN", "nsubj", n + 4, "call"),
        ("lasted", True, "VBD", "VERB", "ROOT", n + 4, "last"),
        ("an", True, "DT", "DET", "det", n + 6, "an"),  # n + 5
        ("hour", False, "NN", "NOUN", "npadvmod", n + 4, "hour"),
        (".", False, ".", "PUNCT", "punct", n + 4, "."),
    ]
    ents += ["O", "O", "O", "O", "O", "B-TIME", "I-TIME", "O"]
    doc = built(nlp, first + call, ents)
    return doc, people_of(doc, named), doc[n + 1], doc[n + 3]


def test_the_presidents_call_is_the_pair_named_before(nlp):
    doc, people, presidents, call = _presidents_call(nlp, third=False)
    assert names(people, pair_of(presidents, people)) == ["Ana Vera", "Luis Soto"]
    assert names(people, _noun_people(call, people)) == ["Ana Vera", "Luis Soto"]


def test_the_presidents_call_after_three_people_is_nobodys(nlp):
    doc, people, presidents, call = _presidents_call(nlp, third=True)
    assert pair_of(presidents, people) == []
    assert _noun_people(call, people) == []


# --- anaphora.quote_speaker: "I" inside a quotation ------------------------------------------------

def _quoted(nlp, second_speaker: bool):
    """ "“I met Ana Vera,” Luis Soto said[, and Rosa Quispe said it too]." """
    rows = [
        ("“", False, "``", "PUNCT", "punct", 2, "“"),  # 0
        ("I", True, "PRP", "PRON", "nsubj", 2, "I"),
        ("met", True, "VBD", "VERB", "ccomp", 9, "meet"),
        ("Ana", True, "NNP", "PROPN", "compound", 4, "Ana"),
        ("Vera", False, "NNP", "PROPN", "dobj", 2, "Vera"),
        (",", False, ",", "PUNCT", "punct", 2, ","),  # 5
        ("”", True, "''", "PUNCT", "punct", 2, "”"),
        ("Luis", True, "NNP", "PROPN", "compound", 8, "Luis"),
        ("Soto", True, "NNP", "PROPN", "nsubj", 9, "Soto"),
        ("said", False, "VBD", "VERB", "ROOT", 9, "say"),
    ]
    ents = ["O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "B-PERSON", "I-PERSON", "O"]
    named = [(3, 5, None), (7, 9, None)]
    if second_speaker:
        rows += [(",", True, ",", "PUNCT", "punct", 9, ","),  # 10
                 ("and", True, "CC", "CCONJ", "cc", 9, "and"),
                 ("Rosa", True, "NNP", "PROPN", "compound", 13, "Rosa"),
                 ("Quispe", True, "NNP", "PROPN", "nsubj", 14, "Quispe"),
                 ("said", True, "VBD", "VERB", "conj", 9, "say"),
                 ("it", True, "PRP", "PRON", "dobj", 14, "it"),  # 15
                 ("too", False, "RB", "ADV", "advmod", 14, "too")]
        ents += ["O", "O", "B-PERSON", "I-PERSON", "O", "O", "O"]
        named.append((12, 14, None))
    rows.append((".", False, ".", "PUNCT", "punct", 9, "."))
    ents.append("O")
    doc = built(nlp, rows, ents)
    return doc, people_of(doc, named)


def test_i_in_a_quotation_is_the_one_speaker_of_its_paragraph(nlp):
    doc, people = _quoted(nlp, second_speaker=False)
    assert names(people, quote_speaker(doc[1], people)) == ["Luis Soto"]
    assert names(people, subject_pids(doc[2], people)) == ["Luis Soto"]


def test_i_in_a_quotation_two_people_say_is_nobody(nlp):
    doc, people = _quoted(nlp, second_speaker=True)
    assert quote_speaker(doc[1], people) == []
    assert subject_pids(doc[2], people) == []


def test_i_outside_a_quotation_is_nobody(nlp):
    rows = [  # "I met Ana Vera, Luis Soto said."
        ("I", True, "PRP", "PRON", "nsubj", 1, "I"),  # 0
        ("met", True, "VBD", "VERB", "ccomp", 7, "meet"),
        ("Ana", True, "NNP", "PROPN", "compound", 3, "Ana"),
        ("Vera", False, "NNP", "PROPN", "dobj", 1, "Vera"),
        (",", True, ",", "PUNCT", "punct", 7, ","),
        ("Luis", True, "NNP", "PROPN", "compound", 6, "Luis"),  # 5
        ("Soto", True, "NNP", "PROPN", "nsubj", 7, "Soto"),
        ("said", False, "VBD", "VERB", "ROOT", 7, "say"),
        (".", False, ".", "PUNCT", "punct", 7, "."),
    ]
    doc = built(nlp, rows, ["O", "O", "B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O", "O"])
    people = people_of(doc, [(2, 4, None), (5, 7, None)])
    assert quote_speaker(doc[0], people) == []


# --- places: "at VENUE, CITY"; events._a_state_or_city ---------------------------------------------

VENUE = [  # "Vera met Soto at the Jade Hall, Lima, on Monday. Soto later spoke at the Jade Hall."
    ("Vera", True, "NNP", "PROPN", "nsubj", 1, "Vera"),  # 0
    ("met", True, "VBD", "VERB", "ROOT", 1, "meet"),
    ("Soto", True, "NNP", "PROPN", "dobj", 1, "Soto"),
    ("at", True, "IN", "ADP", "prep", 1, "at"),
    ("the", True, "DT", "DET", "det", 6, "the"),
    ("Jade", True, "NNP", "PROPN", "compound", 6, "Jade"),  # 5
    ("Hall", False, "NNP", "PROPN", "pobj", 3, "Hall"),
    (",", True, ",", "PUNCT", "punct", 6, ","),
    ("Lima", False, "NNP", "PROPN", "appos", 6, "Lima"),
    (",", True, ",", "PUNCT", "punct", 1, ","),
    ("on", True, "IN", "ADP", "prep", 1, "on"),  # 10
    ("Monday", False, "NNP", "PROPN", "pobj", 10, "Monday"),
    (".", True, ".", "PUNCT", "punct", 1, "."),
    ("Soto", True, "NNP", "PROPN", "nsubj", 15, "Soto"),
    ("later", True, "RB", "ADV", "advmod", 15, "later"),
    ("spoke", True, "VBD", "VERB", "ROOT", 15, "speak"),  # 15
    ("at", True, "IN", "ADP", "prep", 15, "at"),
    ("the", True, "DT", "DET", "det", 19, "the"),
    ("Jade", True, "NNP", "PROPN", "compound", 19, "Jade"),
    ("Hall", False, "NNP", "PROPN", "pobj", 16, "Hall"),
    (".", False, ".", "PUNCT", "punct", 15, "."),  # 20
]
VENUE_ENTS = ["B-PERSON", "O", "B-PERSON", "O", "O", "B-FAC", "I-FAC", "O", "B-GPE", "O", "O", "B-DATE", "O",
              "B-PERSON", "O", "O", "O", "O", "B-FAC", "I-FAC", "O"]


def test_a_city_after_a_venue_and_a_comma_is_where_the_event_was(nlp):
    doc = built(nlp, VENUE, VENUE_ENTS)
    assert _venue_prep(doc, 7).i == 3  # the comma after "the Jade Hall" follows the venue's "at"
    assert _venue_prep(doc, 9) is None  # the comma after "Lima" follows no venue
    assert event_location(list(doc[0:13]), list(doc.ents)) == ("Lima", "PE")


def test_the_city_after_the_comma_beats_a_city_the_venue_is_named_after(nlp):
    rows = [  # "Vera met Soto at the Arequipa Trade Centre, Lima."
        ("Vera", True, "NNP", "PROPN", "nsubj", 1, "Vera"),  # 0
        ("met", True, "VBD", "VERB", "ROOT", 1, "meet"),
        ("Soto", True, "NNP", "PROPN", "dobj", 1, "Soto"),
        ("at", True, "IN", "ADP", "prep", 1, "at"),
        ("the", True, "DT", "DET", "det", 7, "the"),
        ("Arequipa", True, "NNP", "PROPN", "compound", 7, "Arequipa"),  # 5
        ("Trade", True, "NNP", "PROPN", "compound", 7, "Trade"),
        ("Centre", False, "NNP", "PROPN", "pobj", 3, "Centre"),
        (",", True, ",", "PUNCT", "punct", 7, ","),
        ("Lima", False, "NNP", "PROPN", "appos", 7, "Lima"),
        (".", False, ".", "PUNCT", "punct", 1, "."),  # 10
    ]
    doc = built(nlp, rows, ["B-PERSON", "O", "B-PERSON", "O", "B-FAC", "I-FAC", "I-FAC", "I-FAC", "O", "B-GPE", "O"])
    assert event_location(list(doc), list(doc.ents)) == ("Lima", "PE")


def test_a_venue_keeps_the_city_the_article_gave_it(nlp):
    doc = built(nlp, VENUE, VENUE_ENTS)
    assert _venue_cities(doc, list(doc.ents)) == {"Jade Hall": ("Lima", "PE")}
    assert event_location(list(doc[13:21]), list(doc.ents)) == ("Lima", "PE")


def test_a_venue_the_article_never_places_gives_no_city(nlp):
    rows = [(w, s, t, p, d, h - 13, lemma) for w, s, t, p, d, h, lemma in VENUE[13:]]
    doc = built(nlp, rows, VENUE_ENTS[13:])
    assert event_location(list(doc), list(doc.ents)) is None


def _trip_to(nlp, words, ents):
    """ "Vera's trip to <words>": the last word the object of "to", the others its compounds."""
    n = len(words)
    rows = [("Vera", False, "NNP", "PROPN", "poss", 2, "Vera"),
            ("'s", True, "POS", "PART", "case", 0, "'s"),
            ("trip", True, "NN", "NOUN", "ROOT", 2, "trip"),
            ("to", True, "IN", "ADP", "prep", 2, "to")]
    rows += [(w, k < n - 1, "NNP", "PROPN", "compound" if k < n - 1 else "pobj", 3 + n if k < n - 1 else 3, w)
             for k, w in enumerate(words)]
    doc = built(nlp, rows, ["B-PERSON", "O", "O", "O"] + ents)
    return doc[3 + n]


def test_a_region_is_no_state_or_city_even_when_its_last_word_names_a_country(nlp):
    assert _a_state_or_city(_trip_to(nlp, ["Peru"], ["B-GPE"])) is True
    assert _a_state_or_city(_trip_to(nlp, ["Lima"], ["B-GPE"])) is True
    assert _a_state_or_city(_trip_to(nlp, ["Central", "Asia"], ["B-LOC", "I-LOC"])) is False
    # the model tagged "America" alone: its compound still makes the region
    assert _a_state_or_city(_trip_to(nlp, ["America"], ["B-GPE"])) is True
    assert _a_state_or_city(_trip_to(nlp, ["Latin", "America"], ["O", "B-GPE"])) is False
