"""The channel expressions of a Doc: spaCy token patterns, tried only where a match can begin.

spaCy's Matcher (under the SpanRuler) runs every pattern from every token and pays a Python call
per token for each IN list: with the 45 channel patterns of data/en/channels.json that was 9% of
`timeline load`, more than all our other components together. Every channel pattern begins with
a word (a LOWER or LEMMA value, or a list of them), so here a pattern is tried only at the tokens
its first word accepts: a one-word pattern is checked there directly, a longer one by its own
Matcher over the few tokens a match can span from there. What it finds is the SpanRuler's:
every (start, end, label) match once, as Spans sorted by position, in doc.spans[spans_key].
A pattern whose first token is not such a plain word test is matched over the whole Doc.
"""
import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

# the token attributes a first-word test reads, as the Matcher reads them
ATTRS = {"LOWER": "lower_", "LEMMA": "lemma_", "ORTH": "text", "POS": "pos_", "TAG": "tag_"}
ANCHORS = ("LOWER", "LEMMA", "ORTH")  # a first token must name one of these for the pattern to be anchored
UNBOUNDED = 10**9


@dataclass(frozen=True)
class Anchored:
    """One pattern: its label, the test of its first token, and, for a longer pattern, its Matcher
    and the most tokens a match spans."""
    label: str
    tests: tuple[tuple[str, frozenset[str]], ...]  # (token attribute, values it may take)
    matcher: Matcher | None
    reach: int

    def starts_at(self, tok: Token) -> bool:
        return all(getattr(tok, attr) in values for attr, values in self.tests)


def _tests(spec: dict) -> tuple[tuple[str, frozenset[str]], ...] | None:
    """A first token's spec as plain value tests; None when it holds anything else (an operator,
    NOT_IN, a regex, a flag) or names no word to anchor on."""
    tests = []
    for key, value in spec.items():
        if key not in ATTRS:
            return None
        if isinstance(value, str):
            tests.append((key, frozenset([value])))
        elif isinstance(value, dict) and list(value) == ["IN"] and all(isinstance(v, str) for v in value["IN"]):
            tests.append((key, frozenset(value["IN"])))
        else:
            return None
    if not any(key in ANCHORS for key, _ in tests):
        return None
    tests.sort(key=lambda t: ANCHORS.index(t[0]) if t[0] in ANCHORS else len(ANCHORS))  # the anchor first
    return tuple((ATTRS[key], values) for key, values in tests)


def _reach(pattern: list[dict]) -> int:
    """The most tokens a match of the pattern spans."""
    total = 0
    for spec in pattern:
        op = spec.get("OP")
        if op in (None, "!", "?", "1"):
            total += 1
        elif op in ("*", "+"):
            return UNBOUNDED
        else:
            low, comma, high = re.fullmatch(r"\{(\d*)(,?)(\d*)\}", op).groups()
            if comma and not high:
                return UNBOUNDED
            total += int(high if comma else low)
    return total


class AnchoredRuler:
    """Labelled token patterns written to doc.spans[spans_key], as the SpanRuler writes them."""

    def __init__(self, nlp: Language, name: str, spans_key: str):
        self.vocab, self.name, self.key = nlp.vocab, name, spans_key
        self.anchored: dict[tuple[str, str], list[Anchored]] = {}  # (attribute, value) -> patterns
        self.whole = Matcher(nlp.vocab, validate=False)  # the patterns without a first word to anchor on

    def add_patterns(self, patterns: list[dict]) -> None:
        """[{"label": ..., "pattern": [token specs]}], as for the SpanRuler."""
        for entry in patterns:
            label, pattern = entry["label"], entry["pattern"]
            tests = _tests(pattern[0]) if pattern else None
            if tests is None or _reach(pattern) >= UNBOUNDED:
                self.whole.add(label, [pattern])
                continue
            matcher = None
            if len(pattern) > 1:
                matcher = Matcher(self.vocab, validate=False)
                matcher.add(label, [pattern])
            rule = Anchored(label, tests, matcher, _reach(pattern))
            attr, values = tests[0]
            for value in values:
                self.anchored.setdefault((attr, value), []).append(rule)

    def __call__(self, doc: Doc) -> Doc:
        found: set[tuple[int, int, str]] = set()
        attrs = {attr for attr, _ in self.anchored}
        for tok in doc:
            for attr in attrs:
                for rule in self.anchored.get((attr, getattr(tok, attr)), ()):
                    if rule.starts_at(tok):
                        found.update(self._matches(rule, doc, tok.i))
        if len(self.whole):
            found.update((s, e, self.vocab.strings[key]) for key, s, e in self.whole(doc))
        doc.spans[self.key] = sorted({Span(doc, s, e, label=label, span_id="") for s, e, label in found if s != e})
        return doc

    @staticmethod
    def _matches(rule: Anchored, doc: Doc, i: int):
        if rule.matcher is None:
            return [(i, i + 1, rule.label)]
        window = doc[i:min(len(doc), i + rule.reach)]
        return [(i + s, i + e, rule.label) for _, s, e in rule.matcher(window, allow_missing=True)]


@Language.factory("timeline_anchored_ruler", default_config={"spans_key": "channels"})
def make_anchored_ruler(nlp: Language, name: str, spans_key: str) -> AnchoredRuler:
    return AnchoredRuler(nlp, name, spans_key)
