"""The typed loader of the extractor's word lists (service/nlp/lexicon.py)."""
import json
import shutil

import pytest
from pydantic import BaseModel

from service.nlp.lexicon import DATA, FILES, Lexicon, LexiconError, lexicon, load


def _values(model: BaseModel, where: str):
    for name, value in model:
        if name == "comment" or name == "not_followed_by":  # comments; an optional list of a topic
            continue
        if isinstance(value, BaseModel):
            yield from _values(value, f"{where}.{name}")
        elif isinstance(value, tuple) and value and isinstance(value[0], BaseModel):
            for k, item in enumerate(value):
                yield from _values(item, f"{where}.{name}[{k}]")
        else:
            yield f"{where}.{name}", value


def test_every_list_of_every_file_loads_non_empty_and_typed():
    seen = dict(_values(lexicon(), "en"))
    assert {key.split(".")[1] for key in seen} == set(FILES) == set(Lexicon.model_fields)
    for key, value in seen.items():
        if isinstance(value, frozenset | tuple | dict):
            assert value, key
            assert all(isinstance(w, str) and w for w in value), key
        else:
            assert isinstance(value, str | None), key  # slugs, labels, IPTC codes of the topics
    assert isinstance(lexicon().titles.honorifics, frozenset)
    assert lexicon().dates.publication_labels[:1] == tuple(json.loads(
        (DATA / "en" / "dates.json").read_text(encoding="utf-8"))["publication_labels"][:1])  # file order kept


def test_the_derived_word_sets():
    titles = lexicon().titles
    assert "minister" in titles.title_words and "of" not in titles.title_words  # "Minister of State": a link
    assert titles.title_or_modifier == titles.title_words | titles.modifiers
    assert titles.title_modifier_honorific == titles.title_words | titles.modifiers | titles.honorifics
    assert titles.blocs["e.u."] == "EU"
    assert lexicon().channels.rank[lexicon().channels.priority[0]] == 0
    assert lexicon() is lexicon()  # read once per process


@pytest.fixture
def folder(tmp_path):
    """A copy of the English files to break one at a time."""
    shutil.copytree(DATA / "en", tmp_path / "en")
    return tmp_path / "en"


def _rewrite(path, change):
    raw = json.loads(path.read_text(encoding="utf-8"))
    change(raw)
    path.write_text(json.dumps(raw), encoding="utf-8")


def test_a_copy_of_the_files_loads_to_the_same_lexicon(folder):
    assert load(folder) == lexicon()


def test_a_missing_list_names_the_file_and_the_key(folder):
    _rewrite(folder / "titles.json", lambda raw: raw.pop("honorifics"))
    with pytest.raises(LexiconError) as err:
        load(folder)
    assert str(err.value) == f"{folder / 'titles.json'}: honorifics: Field required"


def test_a_list_of_the_wrong_type_names_the_file_the_key_and_the_item(folder):
    _rewrite(folder / "grammar.json", lambda raw: raw.update(determiners="the", pair_words=["two", 2]))
    with pytest.raises(LexiconError) as err:
        load(folder)
    assert str(err.value) == (f"{folder / 'grammar.json'}: determiners: Input should be a valid array; "
                              "pair_words.1: Input should be a valid string")


def test_an_empty_list_and_an_unknown_key_are_refused(folder):
    _rewrite(folder / "places.json", lambda raw: raw.update(settlement_nouns=[], settlment_nouns=["town"]))
    with pytest.raises(LexiconError) as err:
        load(folder)
    assert str(err.value) == (f"{folder / 'places.json'}: settlement_nouns: Frozenset should have at least 1 item "
                              "after validation, not 0; settlment_nouns: Extra inputs are not permitted")


def test_a_count_must_be_a_number_not_a_numeral_string(folder):
    _rewrite(folder / "dates.json", lambda raw: raw["counts"].update(two="2"))
    with pytest.raises(LexiconError) as err:
        load(folder)
    assert str(err.value) == f"{folder / 'dates.json'}: counts.two: Input should be a valid integer"


def test_a_file_that_is_not_json_or_not_there(folder):
    (folder / "channels.json").write_text('{"priority": [', encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        load(folder)
    assert str(err.value).startswith(f"{folder / 'channels.json'}: Invalid JSON: EOF while parsing a list")
    (folder / "channels.json").unlink()
    with pytest.raises(LexiconError) as err:
        load(folder)
    assert str(err.value) == f"{folder / 'channels.json'}: cannot be read (No such file or directory)"
