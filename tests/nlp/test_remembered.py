"""The remembering attribute ruler and lemmatizer leave every token as the model's own do."""
import spacy

from service.nlp.pipeline import MODEL
from service.nlp.remembered import RememberingAttributeRuler, remember_lemmas

TEXTS = [
    "Foreign Minister Ana Ruiz didn't meet her counterpart; she'd rather call him, she said on Tuesday.",
    "The talks, which began at 9 a.m., weren't over until the ministers had signed the accord in Porto Lindo.",
    "  Whether or not they agree, the envoys will be meeting again -- perhaps tomorrow, though that's unclear.",
    "He said: \"We're ready.\"  Isn't it?  Both sides have said so since 2019, haven't they?",
    "Y'all ain't gonna believe it, let's go; c'mon, there are talks and there's gotta be a deal.",  # longer rules
]


def _tokens(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i) for t in doc]


def test_every_token_gets_the_models_pos_morphology_and_lemma():
    """The stock model first; then the remembering ruler and lemmatizer over the model's parse."""
    stock = spacy.load(MODEL)
    expected = [_tokens(doc) for doc in stock.pipe(TEXTS)]
    ruler = RememberingAttributeRuler(stock.get_pipe("attribute_ruler"))
    with stock.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        parsed = list(stock.pipe(TEXTS + TEXTS))  # twice: the second time from what it remembered
    remember_lemmas(stock)
    lemmatizer = stock.get_pipe("lemmatizer")
    got = [_tokens(lemmatizer(ruler(doc))) for doc in parsed]
    assert got == expected + expected
    assert ruler.seen  # one entry per distinct (lower form, tag, dependency, space) of these texts


def test_the_loader_pipeline_uses_it_in_the_rulers_place(nlp):
    assert isinstance(nlp.get_pipe("attribute_ruler"), RememberingAttributeRuler)
    assert nlp.pipe_names.index("attribute_ruler") == nlp.pipe_names.index("parser") + 1
