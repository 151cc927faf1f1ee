"""People rules that read the parse, on hand-built Docs (no model): a model upgrade shows what moved."""
from spacy.tokens import Doc

from service.nlp.actors import find_people


def built(nlp, rows, ents):
    """A Doc from (word, space, tag, pos, dep, head, lemma) rows and IOB entity tags."""
    words, spaces, tags, pos, deps, heads, lemmas = (list(col) for col in zip(*rows, strict=True))
    return Doc(nlp.vocab, words=words, spaces=spaces, tags=tags, pos=pos, deps=deps, heads=heads,
               lemmas=lemmas, ents=ents)


def test_the_country_a_person_leads_comes_through_the_agent_of_led(nlp):
    rows = [("The", True, "DT", "DET", "det", 1, "the"),
            ("delegation", True, "NN", "NOUN", "nsubj", 8, "delegation"),
            ("of", True, "IN", "ADP", "prep", 1, "of"),
            ("Zambia", True, "NNP", "PROPN", "pobj", 2, "Zambia"),
            ("led", True, "VBN", "VERB", "acl", 1, "lead"),
            ("by", True, "IN", "ADP", "agent", 4, "by"),
            ("Mulenga", True, "NNP", "PROPN", "compound", 7, "Mulenga"),
            ("Banda", True, "NNP", "PROPN", "pobj", 5, "Banda"),
            ("arrived", False, "VBD", "VERB", "ROOT", 8, "arrive"),
            (".", False, ".", "PUNCT", "punct", 8, ".")]
    doc = built(nlp, rows, ["O", "O", "O", "B-GPE", "O", "O", "B-PERSON", "I-PERSON", "O", "O"])
    assert [(p.name, p.country) for p in find_people(doc).persons] == [("Mulenga Banda", "ZM")]


def test_a_nationality_and_title_before_a_comma_introduce_the_name(nlp):
    rows = [("Zambian", True, "JJ", "ADJ", "amod", 1, "zambian"),
            ("President", False, "NNP", "PROPN", "nsubj", 6, "President"),
            (",", True, ",", "PUNCT", "punct", 1, ","),
            ("Mulenga", True, "NNP", "PROPN", "compound", 4, "Mulenga"),
            ("Banda", False, "NNP", "PROPN", "appos", 1, "Banda"),
            (",", True, ",", "PUNCT", "punct", 1, ","),
            ("spoke", False, "VBD", "VERB", "ROOT", 6, "speak"),
            (".", False, ".", "PUNCT", "punct", 6, ".")]
    doc = built(nlp, rows, ["B-NORP", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O"])
    found = find_people(doc)
    assert [(p.name, p.country, p.title) for p in found.persons] == [("Mulenga Banda", "ZM", "President")]
    assert [m.kind for m in found.mentions] == ["full"]  # "President" is the name's own title, no mention


def test_a_long_gulf_name_split_by_the_model_is_one_person(nlp):
    from spacy.tokens import Span

    doc = nlp("On Monday Sheikh Nasser bin Fahad bin Omar Al Qasimi received the envoy.")
    doc.set_ents([Span(doc, 3, 6, "PERSON"), Span(doc, 7, 10, "PERSON")], default="outside")
    assert [p.name for p in find_people(doc).persons] == ["Nasser bin Fahad bin Omar Al Qasimi"]
    doc.set_ents([Span(doc, 3, 4, "PERSON"), Span(doc, 5, 10, "ORG")], default="outside")
    assert [p.name for p in find_people(doc).persons] == ["Nasser bin Fahad bin Omar Al Qasimi"]


def _received_the_minister(name_ents):
    """ "Tomas Brel received the visiting Zambian Foreign Minister, Marta Rosario Quintana, on Monday.":
    the name the model left untagged (or typed as an organisation) is in apposition to the title."""
    rows = [("Tomas", True, "NNP", "PROPN", "compound", 1, "Tomas"),  # 0
            ("Brel", True, "NNP", "PROPN", "nsubj", 2, "Brel"),
            ("received", True, "VBD", "VERB", "ROOT", 2, "receive"),
            ("the", True, "DT", "DET", "det", 7, "the"),
            ("visiting", True, "VBG", "VERB", "amod", 7, "visit"),
            ("Zambian", True, "NNP", "PROPN", "compound", 7, "Zambian"),  # 5
            ("Foreign", True, "NNP", "PROPN", "compound", 7, "Foreign"),
            ("Minister", False, "NNP", "PROPN", "dobj", 2, "Minister"),
            (",", True, ",", "PUNCT", "punct", 7, ","),
            ("Marta", True, "NNP", "PROPN", "compound", 11, "Marta"),
            ("Rosario", True, "NNP", "PROPN", "compound", 11, "Rosario"),  # 10: also a city
            ("Quintana", False, "NNP", "PROPN", "appos", 7, "Quintana"),
            (",", True, ",", "PUNCT", "punct", 7, ","),
            ("on", True, "IN", "ADP", "prep", 2, "on"),
            ("Monday", False, "NNP", "PROPN", "pobj", 13, "Monday"),
            (".", False, ".", "PUNCT", "punct", 2, ".")]
    return rows, ["B-PERSON", "I-PERSON", "O", "O", "O", "B-NORP", "O", "O", "O", *name_ents,
                  "O", "O", "B-DATE", "O"]


def test_an_untagged_name_in_apposition_to_a_title_is_a_person(nlp):
    rows, ents = _received_the_minister(["O", "O", "O"])
    found = find_people(built(nlp, rows, ents))
    assert sorted((p.name, p.country) for p in found.persons) == [("Marta Rosario Quintana", "ZM"),
                                                                  ("Tomas Brel", None)]


def test_a_name_typed_as_an_organisation_after_a_title_keeps_a_word_that_is_also_a_city(nlp):
    rows, ents = _received_the_minister(["B-ORG", "I-ORG", "I-ORG"])
    found = find_people(built(nlp, rows, ents))
    assert sorted((p.name, p.country) for p in found.persons) == [("Marta Rosario Quintana", "ZM"),
                                                                  ("Tomas Brel", None)]


def test_a_plural_title_before_a_comma_introduces_no_name(nlp):
    rows, ents = _received_the_minister(["O", "O", "O"])
    rows[7] = ("Ministers", False, "NNPS", "PROPN", "dobj", 2, "Minister")
    assert [p.name for p in find_people(built(nlp, rows, ents)).persons] == ["Tomas Brel"]


def test_a_body_of_several_words_the_model_left_untagged_gives_its_code(nlp):
    # "European Commission President Hanna Lind spoke."
    rows = [("European", True, "NNP", "PROPN", "compound", 1, "European"),
            ("Commission", True, "NNP", "PROPN", "compound", 2, "Commission"),
            ("President", True, "NNP", "PROPN", "compound", 4, "President"),
            ("Hanna", True, "NNP", "PROPN", "compound", 4, "Hanna"),
            ("Lind", True, "NNP", "PROPN", "nsubj", 5, "Lind"),
            ("spoke", False, "VBD", "VERB", "ROOT", 5, "speak"),
            (".", False, ".", "PUNCT", "punct", 5, ".")]
    doc = built(nlp, rows, ["O", "O", "O", "B-PERSON", "I-PERSON", "O", "O"])
    assert [(p.name, p.country) for p in find_people(doc).persons] == [("Hanna Lind", "EU")]


def test_a_spokesman_for_someone_named_before_the_comma_speaks_for_that_state(nlp):
    # "A spokesman for Chilean President Lena Vask, Tomas Brel, told reporters."
    rows = [("A", True, "DT", "DET", "det", 1, "a"),  # 0
            ("spokesman", True, "NN", "NOUN", "nsubj", 11, "spokesman"),
            ("for", True, "IN", "ADP", "prep", 1, "for"),
            ("Chilean", True, "JJ", "ADJ", "amod", 5, "chilean"),
            ("President", True, "NNP", "PROPN", "compound", 5, "President"),
            ("Lena", True, "NNP", "PROPN", "compound", 6, "Lena"),  # 5
            ("Vask", False, "NNP", "PROPN", "pobj", 2, "Vask"),
            (",", True, ",", "PUNCT", "punct", 6, ","),
            ("Tomas", True, "NNP", "PROPN", "compound", 9, "Tomas"),
            ("Brel", False, "NNP", "PROPN", "appos", 6, "Brel"),
            (",", True, ",", "PUNCT", "punct", 1, ","),  # 10
            ("told", True, "VBD", "VERB", "ROOT", 11, "tell"),
            ("reporters", False, "NNS", "NOUN", "dobj", 11, "reporter"),
            (".", False, ".", "PUNCT", "punct", 11, ".")]
    ents = ["O", "O", "O", "B-NORP", "O", "B-PERSON", "I-PERSON", "O", "B-PERSON", "I-PERSON", "O", "O", "O", "O"]
    found = find_people(built(nlp, rows, ents))
    brel = next(p for p in found.persons if p.name == "Tomas Brel")
    assert (brel.country, brel.spokesperson) == ("CL", True)
    # Vask is whom he speaks for, not a party to his briefing
    assert [found.persons[found.pid_at(i)].name if found.pid_at(i) is not None else None for i in (5, 6, 8, 9)] \
        == [None, None, "Tomas Brel", "Tomas Brel"]


def test_a_name_after_a_title_of_a_country_and_a_comma_is_a_person_though_typed_an_organisation(nlp):
    # "Ana Ruiz received a courtesy call from the Ambassador of Peru, Tomas Brel, on Friday." (the parser
    # hangs the name from "call")
    rows = [("Ana", True, "NNP", "PROPN", "compound", 1, "Ana"),  # 0
            ("Ruiz", True, "NNP", "PROPN", "nsubj", 2, "Ruiz"),
            ("received", True, "VBD", "VERB", "ROOT", 2, "receive"),
            ("a", True, "DT", "DET", "det", 5, "a"),
            ("courtesy", True, "JJ", "ADJ", "amod", 5, "courtesy"),
            ("call", True, "NN", "NOUN", "dobj", 2, "call"),  # 5
            ("from", True, "IN", "ADP", "prep", 5, "from"),
            ("the", True, "DT", "DET", "det", 8, "the"),
            ("Ambassador", True, "NNP", "PROPN", "pobj", 6, "Ambassador"),
            ("of", True, "IN", "ADP", "prep", 8, "of"),
            ("Peru", False, "NNP", "PROPN", "pobj", 9, "Peru"),  # 10
            (",", True, ",", "PUNCT", "punct", 5, ","),
            ("Tomas", True, "NNP", "PROPN", "compound", 13, "Tomas"),
            ("Brel", False, "NNP", "PROPN", "appos", 5, "Brel"),
            (",", True, ",", "PUNCT", "punct", 5, ","),
            ("on", True, "IN", "ADP", "prep", 2, "on"),  # 15
            ("Friday", False, "NNP", "PROPN", "pobj", 15, "Friday"),
            (".", False, ".", "PUNCT", "punct", 2, ".")]
    for name in (["B-ORG", "I-ORG"], ["O", "O"]):
        ents = ["B-PERSON", "I-PERSON", *["O"] * 8, "B-GPE", "O", *name, "O", "O", "B-DATE", "O"]
        found = find_people(built(nlp, rows, ents))
        assert sorted((p.name, p.country) for p in found.persons) == [("Ana Ruiz", None), ("Tomas Brel", "PE")]


def test_a_title_joined_by_for_keeps_its_country(nlp):
    # "Omani Minister for Foreign Affairs Salim Al Harthy spoke." ("for" joins a title's words)
    rows = [("Omani", True, "JJ", "ADJ", "amod", 1, "omani"),
            ("Minister", True, "NNP", "PROPN", "nsubj", 8, "Minister"),
            ("for", True, "IN", "ADP", "prep", 1, "for"),
            ("Foreign", True, "NNP", "PROPN", "compound", 4, "Foreign"),
            ("Affairs", True, "NNPS", "PROPN", "compound", 7, "Affairs"),
            ("Salim", True, "NNP", "PROPN", "compound", 7, "Salim"),
            ("Al", True, "NNP", "PROPN", "compound", 7, "Al"),
            ("Harthy", True, "NNP", "PROPN", "pobj", 2, "Harthy"),
            ("spoke", False, "VBD", "VERB", "ROOT", 8, "speak"),
            (".", False, ".", "PUNCT", "punct", 8, ".")]
    doc = built(nlp, rows, ["B-NORP", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "I-PERSON", "O", "O"])
    assert [(p.name, p.country, p.title) for p in find_people(doc).persons] == [
        ("Salim Al Harthy", "OM", "Minister for Foreign Affairs")]


def test_a_title_ending_in_its_portfolio_before_a_comma_introduces_the_name(nlp):
    # "The Omani Minister of State for Foreign Affairs, Salim Harthy, met the envoy."
    rows = [("The", True, "DT", "DET", "det", 2, "the"),
            ("Omani", True, "JJ", "ADJ", "amod", 2, "omani"),
            ("Minister", True, "NNP", "PROPN", "nsubj", 12, "Minister"),
            ("of", True, "IN", "ADP", "prep", 2, "of"),
            ("State", True, "NNP", "PROPN", "pobj", 3, "State"),
            ("for", True, "IN", "ADP", "prep", 2, "for"),  # 5
            ("Foreign", True, "NNP", "PROPN", "compound", 7, "Foreign"),
            ("Affairs", False, "NNPS", "PROPN", "pobj", 5, "Affairs"),
            (",", True, ",", "PUNCT", "punct", 2, ","),
            ("Salim", True, "NNP", "PROPN", "compound", 10, "Salim"),
            ("Harthy", False, "NNP", "PROPN", "appos", 7, "Harthy"),  # 10
            (",", True, ",", "PUNCT", "punct", 2, ","),
            ("met", True, "VBD", "VERB", "ROOT", 12, "meet"),
            ("the", True, "DT", "DET", "det", 14, "the"),
            ("envoy", False, "NN", "NOUN", "dobj", 12, "envoy"),
            (".", False, ".", "PUNCT", "punct", 12, ".")]
    doc = built(nlp, rows, ["O", "B-NORP", "O", "O", "O", "O", "O", "O", "O", "B-PERSON", "I-PERSON", "O", "O", "O",
                            "O", "O"])
    assert [(p.name, p.country) for p in find_people(doc).persons] == [("Salim Harthy", "OM")]


def test_a_name_after_a_title_and_a_comma_the_model_tagged_in_part_is_whole(nlp):
    rows, ents = _received_the_minister(["B-PERSON", "O", "O"])  # only "Marta" tagged; "Rosario" is a city
    found = find_people(built(nlp, rows, ents))
    assert sorted((p.name, p.country) for p in found.persons) == [("Marta Rosario Quintana", "ZM"),
                                                                  ("Tomas Brel", None)]
