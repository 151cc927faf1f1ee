"""`timeline load` and `export` on awkward inputs: one key per input, one line per problem, nothing lost."""
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from service.cli import main
from service.db import database
from tests.test_cli_load import ARTICLE, snapshot

TIMELINE = str(Path(sys.executable).with_name("timeline"))
# invented: five short reports of the same desk
REPORTS = [
    f"date 2019-03-{10 + n} Valdoria's Foreign Minister Ilse Marwick held a phone conversation with her "
    f"Estonian counterpart Peeter Lind{'a' * n} on Tuesday and discussed energy security in the Baltic region.\n"
    for n in range(5)
]


@pytest.fixture
def load(app):
    """`timeline load ARGS` in-process on the test backend's database."""
    url, bound = app.config["DATABASE_URL"], database.obj

    def invoke(*args):
        result = CliRunner().invoke(main, ["load", *args], env={"DATABASE_URL": url})
        database.initialize(bound)
        return result

    return invoke


def _keys(client):
    return sorted(d["key"] for d in client.get("/v1/documents").json["data"])


def test_same_named_files_in_subfolders_keep_apart_and_a_second_load_changes_nothing(load, client, tmp_path):
    for month, text in (("2024-03", REPORTS[0]), ("2024-04", REPORTS[1])):
        (tmp_path / month).mkdir()
        (tmp_path / month / "story.txt").write_text(text, encoding="utf-8")
    first = load(str(tmp_path))
    assert first.exit_code == 0, first.output
    assert _keys(client) == ["2024-03/story.txt", "2024-04/story.txt"]
    before = snapshot()
    second = load(str(tmp_path))
    assert second.output.splitlines()[-1].startswith("2 articles: 0 new, 0 replaced, 2 unchanged, 0 failed")
    assert snapshot() == before


def test_two_inputs_with_one_key_are_both_refused_naming_each_other(load, client, tmp_path):
    (tmp_path / "a.json").write_text(json.dumps({"key": "wire-7", "text": REPORTS[0]}), encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps({"key": "wire-7", "text": REPORTS[1]}), encoding="utf-8")
    (tmp_path / "c.txt").write_text(REPORTS[2], encoding="utf-8")
    result = load(str(tmp_path))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert f"skipped {tmp_path / 'a.json'}: key 'wire-7' is also the key of {tmp_path / 'b.json'}" in lines
    assert f"skipped {tmp_path / 'b.json'}: key 'wire-7' is also the key of {tmp_path / 'a.json'}" in lines
    assert _keys(client) == ["c.txt"]


def test_an_article_over_spacys_length_is_skipped_and_the_rest_of_the_folder_loads(load, client, tmp_path):
    for n, text in enumerate(REPORTS):
        (tmp_path / f"{n}.txt").write_text(text, encoding="utf-8")
    (tmp_path / "huge.txt").write_text("The minister spoke. " * 50_025, encoding="utf-8")  # 1,000,500 chars
    (tmp_path / "big.txt").write_bytes(b"a" * 31_000_000)
    result = load(str(tmp_path))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert (f"skipped {tmp_path / 'huge.txt'}: 1.0 MB is over the article limit of 102.4 kB "
            "(TIMELINE_MAX_ARTICLE_BYTES)") in lines
    assert (f"skipped {tmp_path / 'big.txt'}: 31.0 MB is over the article limit of 102.4 kB "
            "(TIMELINE_MAX_ARTICLE_BYTES)") in lines
    assert lines[-1].startswith("5 articles: 5 new, 0 replaced, 0 unchanged, 2 failed")
    assert _keys(client) == ["0.txt", "1.txt", "2.txt", "3.txt", "4.txt"]


def _timeline(url, *args, **kwargs):
    return subprocess.run([TIMELINE, *args], env={**os.environ, "DATABASE_URL": url}, capture_output=True,
                          text=True, timeout=120, **kwargs)


def test_load_from_a_closed_stdin_is_one_line(app, tmp_path):
    result = _timeline(app.config["DATABASE_URL"], "load", "-", stdin=subprocess.DEVNULL,
                       preexec_fn=lambda: os.close(0))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        "skipped -: standard input is closed or cannot be read",
        result.stderr.splitlines()[-1]]
    assert "Traceback" not in result.stderr


def test_export_into_a_missing_folder_is_one_line(app, tmp_path):
    result = _timeline(app.config["DATABASE_URL"], "export", "-o", str(tmp_path / "missing" / "events.ndjson"))
    assert (result.returncode, result.stdout) == (1, "")
    target = tmp_path / "missing" / "events.ndjson"
    assert result.stderr == f"timeline: cannot write {target}: No such file or directory\n"


def test_a_damaged_sqlite_file_is_one_line(tmp_path):
    path = tmp_path / "damaged.db"
    url = f"sqlite:///{path}"
    (tmp_path / "call.txt").write_text(ARTICLE, encoding="utf-8")
    assert _timeline(url, "load", str(tmp_path / "call.txt")).returncode == 0
    # overwrite the pages of the document table: the schema still reads, the articles do not
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        root = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = 'document'").fetchone()[0]
        page_size = connection.execute("PRAGMA page_size").fetchone()[0]
    with path.open("r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(b"\xa5" * page_size)
    result = _timeline(url, "load", str(tmp_path / "call.txt"))
    assert result.returncode == 1
    assert result.stderr == "timeline: database error: database disk image is malformed\n"


def test_the_password_of_the_database_url_is_never_printed(tmp_path):
    result = CliRunner().invoke(main, ["migrate"], env={"DATABASE_URL": "postgresql://desk:s3cr3t@127.0.0.1:1/none"})
    assert result.exit_code == 1
    assert "s3cr3t" not in result.output
    assert result.output.startswith("timeline: cannot open the database 'postgresql://desk:***@127.0.0.1:1/none': ")
    assert len(result.output.strip().splitlines()) == 1
