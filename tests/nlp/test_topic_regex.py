"""Word alternations written as tries match what the plain longest-first alternations matched."""
import re

from service.nlp.normalise import alternation
from service.nlp.topic_vocabulary import _signals


def test_the_trie_prefers_the_longer_word_and_backs_off_to_a_shorter_one():
    words = ["sec", "secure", "security", "security council", "security councils"]
    trie = re.compile(r"\b(?:" + alternation(words) + r")\b", re.I)
    plain = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + r")\b", re.I)
    text = "A secure line; the Security Council met; security councils; securityx; SEC filings; the sect."
    found = [m.group(0) for m in trie.finditer(text)]
    assert found == [m.group(0) for m in plain.finditer(text)]
    assert found == ["secure", "Security Council", "security councils", "SEC"]


def test_the_signal_regex_finds_the_plain_alternations_matches():
    rx, slugs, _ = _signals()
    plain = re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(slugs, key=len, reverse=True))) + r")\b", re.I)
    text = ("Ministers of Ruritania and Osterlich discussed counter-terrorism, regional security and the "
            "Security Council's climate agenda, trade and investment ties, nuclear non-proliferation, "
            "humanitarian aid to refugees and a ceasefire; terrorists, extremism and energy security too.")
    found = [(m.span(), m.group(0)) for m in rx.finditer(text)]
    assert found == [(m.span(), m.group(0)) for m in plain.finditer(text)]
    assert len(found) >= 8
