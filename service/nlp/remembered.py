"""The model's rule-based parts, made to remember what they computed: the same annotations, faster.

The attribute_ruler of en_core_web_sm maps tags (and some words) to POS, morphology and lemmas
with 179 Matcher patterns; spaCy runs each of them from every token, which made it the slowest
part of the model in `timeline load` (10% of it). Nearly all of them are one-token patterns, whose
match depends only on the token's own attributes that the patterns read (its lower form, tag,
dependency label...): here those are matched once per distinct combination of such values and
remembered, and so is whether a longer pattern's first token matches: such a pattern then runs
its own Matcher over the few tokens from there. The matches, sorted as the
ruler sorts them, go to the ruler's own set_annotations: every token ends up exactly as the model
leaves it.

The lemmatizer's rules (5% of the load) remember only some of their answers: a base form (a
singular noun, an infinitive) is worked out again, morphology and all, at every token. Its
answer depends on the word, the POS and the morphology alone, so every answer is remembered by
those three.
"""
from spacy.attrs import IDS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Token

from .anchored import UNBOUNDED, _reach

# what a one-token spec may read (Doc.to_array gives each token's value of them)
READABLE = {"ORTH", "LOWER", "NORM", "TAG", "POS", "DEP", "LEMMA", "MORPH", "SHAPE", "ENT_TYPE", "IS_SPACE",
            "IS_PUNCT", "IS_ALPHA", "IS_DIGIT", "IS_TITLE", "IS_LOWER", "IS_UPPER", "LENGTH"}
REMEMBERED = 200_000  # combinations kept (a few MB); past that the memory starts again


def _one_token(pattern: list[dict]) -> bool:
    return len(pattern) == 1 and "OP" not in pattern[0] and all(k.upper() in READABLE for k in pattern[0])


class RememberingAttributeRuler:
    """Wraps the model's AttributeRuler: the same annotations, matched faster."""

    def __init__(self, ruler: AttributeRuler):
        self.ruler, self.vocab = ruler, ruler.vocab
        self.single = Matcher(self.vocab, validate=False)  # one-token patterns and the first tokens of longer ones
        self.longer = Matcher(self.vocab, validate=False)  # longer patterns without such a first token
        self.starts: dict[str, tuple[str, Matcher, int]] = {}  # first-token key -> (rule key, its Matcher, reach)
        read: set[str] = set()
        for i in range(len(ruler.attrs)):
            key = str(i)
            _, patterns = ruler.matcher.get(key)
            for n, pattern in enumerate(patterns):
                if _one_token(pattern):
                    self.single.add(key, [pattern])
                    read.update(k.upper() for k in pattern[0])
                elif _one_token(pattern[:1]) and _reach(pattern) < UNBOUNDED:
                    start = f"{key} starts {n}"  # a match of the pattern begins where its first token matches
                    self.single.add(start, [pattern[:1]])
                    read.update(k.upper() for k in pattern[0])
                    whole = Matcher(self.vocab, validate=False)
                    whole.add(key, [pattern])
                    self.starts[start] = (key, whole, _reach(pattern))
                else:
                    self.longer.add(key, [pattern])
        self.read = [IDS[name] for name in sorted(read)]
        self.seen: dict[tuple, tuple] = {}  # the token's values -> its one-token matches and pattern starts

    def _hits(self, doc: Doc, i: int) -> tuple[tuple[int, int, str | None], ...]:
        """(rule index, match id, None) of the one-token patterns the token matches, (0, 0, start key)
        of the longer patterns that may begin at it."""
        out = set()
        for m, _, _ in self.single(doc[i:i + 1], allow_missing=True):
            name = self.vocab.strings[m]
            out.add((0, 0, name) if name in self.starts else (int(name), m, None))
        return tuple(sorted(out, key=str))

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """AttributeRuler.match: (rule index, match id, start, end), later rules last."""
        strings, seen = self.vocab.strings, self.seen
        found = [(int(strings[m]), m, s, e) for m, s, e in self.longer(doc, allow_missing=True)] \
            if len(self.longer) else []
        if len(self.single) and len(doc):
            values = doc.to_array(self.read).reshape(len(doc), len(self.read)).tolist()
            for i, row in enumerate(values):
                key = tuple(row)
                hits = seen.get(key)
                if hits is None:
                    if len(seen) >= REMEMBERED:
                        seen.clear()
                    hits = seen[key] = self._hits(doc, i)
                for r, m, start in hits:
                    if start is None:
                        found.append((r, m, i, i + 1))
                        continue
                    rule, whole, reach = self.starts[start]
                    window = doc[i:min(len(doc), i + reach)]
                    found.extend((int(rule), k, i + s, i + e) for k, s, e in whole(window, allow_missing=True))
        return sorted(set(found))

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
