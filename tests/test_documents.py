"""Reading articles: files, folders, JSON, stdin, and the one-line reasons for refusing input."""
import datetime as dt
import io
import json

from service.loading.sources import collect

LIMIT = 1000
TEXT = "The envoy of Freedonia met the minister of Sylvania in Ruritania on Friday."


def sources(tmp_path, *paths, stdin=None):
    return [(s.name, s.article, s.error) for s in collect([str(p) for p in paths], LIMIT, stdin=stdin)]


def test_folder_yields_txt_and_json_articles_in_name_order_keyed_by_file_name(tmp_path):
    (tmp_path / "b.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "a.json").write_text(json.dumps({"text": TEXT, "title": "T", "published": "2020-05-01"}))
    (tmp_path / "notes.md").write_text("ignored")
    got = sources(tmp_path, tmp_path)
    assert [(name.rsplit("/", 1)[1], article.key, error) for name, article, error in got] == [
        ("a.json", "a.json", None),
        ("b.txt", "b.txt", None),
    ]
    assert got[0][1].title == "T" and got[0][1].published == dt.date(2020, 5, 1)


def test_json_list_gives_one_article_per_object_and_its_own_key(tmp_path):
    path = tmp_path / "batch.json"
    path.write_text(json.dumps([{"text": TEXT, "key": "one"}, {"text": TEXT + " Again."}, {"title": "no text"}]))
    got = sources(tmp_path, path)
    assert [(a.key if a else None, e) for _, a, e in got] == [
        ("one", None),
        ("batch.json#1", None),
        (None, "a JSON article needs a `text` string"),
    ]


def test_bad_inputs_are_refused_with_one_line_reasons(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"abc\x00def more words here")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 talks between ministers".encode("latin-1"))
    (tmp_path / "huge.txt").write_bytes(b"word " * 300)
    (tmp_path / "digits.txt").write_text("2020 2021 2022")
    (tmp_path / "broken.json").write_text("{not json")
    (tmp_path / "date.json").write_text(json.dumps({"text": TEXT, "published": "yesterday"}))
    got = {name.rsplit("/", 1)[1]: error for name, _, error in sources(tmp_path, tmp_path)}
    assert got == {
        "binary.txt": "binary content (NUL bytes), not a text article",
        "broken.json": "not valid JSON (Expecting property name enclosed in double quotes at line 1 column 2)",
        "date.json": "published 'yesterday' is not an ISO date (YYYY-MM-DD)",
        "digits.txt": "no sentences: fewer than three words of text",
        "empty.txt": "empty article",
        "huge.txt": "1.5 kB is over the article limit of 1.0 kB (TIMELINE_MAX_ARTICLE_BYTES)",
        "latin1.txt": "not UTF-8 text (invalid byte at offset 3)",
    }


def test_missing_path_is_reported(tmp_path):
    assert sources(tmp_path, tmp_path / "nope.txt") == [(str(tmp_path / "nope.txt"), None, "no such file or folder")]


def test_stdin_text_gets_a_content_key_and_crlf_is_normalised(tmp_path):
    got = sources(tmp_path, "-", stdin=io.BytesIO((TEXT + "\r\nSecond line.").encode()))
    name, article, error = got[0]
    assert (name, error) == ("-", None)
    assert article.key.startswith("stdin-") and len(article.key) == 18
    assert article.text == TEXT + "\nSecond line."


def test_stdin_json_object(tmp_path):
    got = sources(tmp_path, "-", stdin=io.BytesIO(json.dumps({"text": TEXT, "key": "wire-1"}).encode()))
    assert [(a.key, e) for _, a, e in got] == [("wire-1", None)]
