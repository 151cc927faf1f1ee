"""The model's rule-based parts, made to remember what they computed: the same annotations, faster.

The attribute_ruler of en_core_web_sm maps tags (and some words) to POS, morphology and lemmas
with 179 Matcher patterns; spaCy runs each of them from every token, which made it the slowest
part of the model in `timeline load` (10% of it). Nearly all of them are one-token patterns, whose
match depends only on the token's own attributes that the patterns read (its lower form, tag,
dependency label...): here those are matched once per distinct combination of such values and
remembered; the few longer patterns keep a Matcher over the Doc. The matches, sorted as the
ruler sorts them, go to the ruler's own set_annotations: every token ends up exactly as the model
leaves it.

The lemmatizer's rules (5% of the load) remember only some of their answers: a base form (a
singular noun, an infinitive) is worked out again, morphology and all, at every token. Its
answer depends on the word, the POS and the morphology alone, so every answer is remembered by
those three.
"""
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Token

# what a one-token spec may read, as the token's own value of it
READERS = {
    "ORTH": lambda t: t.orth, "TEXT": lambda t: t.orth, "LOWER": lambda t: t.lower, "NORM": lambda t: t.norm,
    "TAG": lambda t: t.tag, "POS": lambda t: t.pos, "DEP": lambda t: t.dep, "LEMMA": lambda t: t.lemma,
    "MORPH": lambda t: t.morph.key, "SHAPE": lambda t: t.shape, "ENT_TYPE": lambda t: t.ent_type,
    "IS_SPACE": lambda t: t.is_space, "IS_PUNCT": lambda t: t.is_punct, "IS_ALPHA": lambda t: t.is_alpha,
    "IS_DIGIT": lambda t: t.is_digit, "IS_TITLE": lambda t: t.is_title, "IS_LOWER": lambda t: t.is_lower,
    "IS_UPPER": lambda t: t.is_upper, "LENGTH": len,
}

REMEMBERED = 200_000  # combinations kept (a few MB); past that the memory starts again


def _one_token(pattern: list[dict]) -> bool:
    return len(pattern) == 1 and "OP" not in pattern[0] and all(k.upper() in READERS for k in pattern[0])


class RememberingAttributeRuler:
    """Wraps the model's AttributeRuler: the same annotations, matched faster."""

    def __init__(self, ruler: AttributeRuler):
        self.ruler, self.vocab = ruler, ruler.vocab
        self.single = Matcher(self.vocab, validate=False)
        self.longer = Matcher(self.vocab, validate=False)
        read: set[str] = set()
        for i in range(len(ruler.attrs)):
            key = str(i)
            _, patterns = ruler.matcher.get(key)
            single = [p for p in patterns if _one_token(p)]
            longer = [p for p in patterns if not _one_token(p)]
            if single:
                self.single.add(key, single)
                read.update(k.upper() for p in single for k in p[0])
            if longer:
                self.longer.add(key, longer)
        self.readers = [READERS[name] for name in sorted(read)]
        self.seen: dict[tuple, tuple[int, ...]] = {}  # the token's values -> the one-token patterns it matches

    def _keys(self, tok: Token) -> tuple[int, ...]:
        values = tuple(read(tok) for read in self.readers)
        keys = self.seen.get(values)
        if keys is None:
            if len(self.seen) >= REMEMBERED:
                self.seen.clear()
            keys = self.seen[values] = tuple({m for m, _, _ in self.single(tok.doc[tok.i:tok.i + 1],
                                                                        allow_missing=True)})
        return keys

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """AttributeRuler.match: (rule index, match id, start, end), later rules last."""
        found = set(self.longer(doc, allow_missing=True)) if len(self.longer) else set()
        if len(self.single):
            for tok in doc:
                found.update((m, tok.i, tok.i + 1) for m in self._keys(tok))
        matches = [(int(self.vocab.strings[m_id]), m_id, s, e) for m_id, s, e in found]
        matches.sort()
        return matches

    def __call__(self, doc: Doc) -> Doc:
        self.ruler.set_annotations(doc, self.match(doc))
        return doc


@Language.factory("timeline_attribute_rules", default_config={"ruler": "attribute_ruler"})
def make_attribute_rules(nlp: Language, name: str, ruler: str) -> RememberingAttributeRuler:
    """The remembering ruler over the pipeline's component `ruler` (added beside it)."""
    return RememberingAttributeRuler(nlp.get_pipe(ruler))


def remember_lemmas(nlp: Language, name: str = "lemmatizer") -> None:
    """The rule lemmatizer, answering each (word, POS, morphology) once (spaCy's Lemmatizer calls
    self.lemmatize, which it sets to rule_lemmatize for the rule mode)."""
    lemmatizer = nlp.get_pipe(name)
    rule = lemmatizer.rule_lemmatize
    seen: dict[tuple[int, int, int], list[str]] = {}

    def lemmatize(token: Token) -> list[str]:
        key = (token.orth, token.pos, token.morph.key)
        forms = seen.get(key)
        if forms is None:
            if len(seen) >= REMEMBERED:
                seen.clear()
            forms = seen[key] = rule(token)
        return forms

    if lemmatizer.mode == "rule":
        lemmatizer.lemmatize = lemmatize


def remember_attribute_rules(nlp: Language, name: str = "attribute_ruler") -> None:
    """Put the remembering ruler in the place and under the name of the model's attribute_ruler."""
    nlp.add_pipe("timeline_attribute_rules", name=f"remembering_{name}", before=name, config={"ruler": name})
    nlp.remove_pipe(name)
    nlp.rename_pipe(f"remembering_{name}", name)
