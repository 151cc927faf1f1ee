"""`timeline load` and `timeline export` as a newsroom runs them: real files, the real pipeline,
the real database of the test backend."""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from service.cli import main
from service.db import database
from service.models import TABLES

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ARTICLE = (
    "date 2019-03-14 Valdoria's Foreign Minister Ilse Marwick held a phone conversation with her "
    "Estonian counterpart Peeter Lind on Tuesday and discussed energy security in the Baltic region.\n"
)


@pytest.fixture
def run(app):
    url = app.config["DATABASE_URL"]

    def invoke(*args, stdin=None):
        result = CliRunner().invoke(main, list(args), env={"DATABASE_URL": url}, input=stdin)
        database.initialize(app_database)
        return result

    app_database = database.obj
    return invoke


def snapshot():
    """Every row of every table, for comparing the store before and after."""
    database.connect(reuse_if_open=True)
    out = {}
    for model in TABLES:
        rows = model.select().order_by(model._meta.primary_key).tuples()
        out[model.__name__] = [tuple(str(v) for v in row) for row in rows]
    database.close()
    return out


def test_loading_the_seeds_twice_changes_nothing(run):
    first = run("load", str(SEEDS))
    assert first.exit_code == 0, first.output
    before = snapshot()
    assert before["Event"] and before["Mention"] and before["Document"]
    second = run("load", str(SEEDS))
    assert second.exit_code == 0, second.output
    assert "5 articles: 0 new, 0 replaced, 5 unchanged, 0 failed" in second.output
    assert snapshot() == before


def test_bad_files_are_skipped_with_a_reason_the_rest_load_and_the_exit_is_non_zero(run, tmp_path):
    (tmp_path / "good.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02 binary junk here")
    result = run("load", str(tmp_path))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert f"skipped {tmp_path / 'binary.txt'}: binary content (NUL bytes), not a text article" in lines
    assert f"skipped {tmp_path / 'empty.txt'}: empty article" in lines
    assert lines[-1].startswith("1 articles: 1 new, 0 replaced, 0 unchanged, 2 failed; events: 1 created, 0 merged")


def test_export_writes_the_api_shape_one_event_per_line(run, client, tmp_path):
    (tmp_path / "call.txt").write_text(ARTICLE, encoding="utf-8")
    assert run("load", str(tmp_path)).exit_code == 0
    out = tmp_path / "events.ndjson"
    result = run("export", "--format", "ndjson", "-o", str(out))
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1
    exported = json.loads(lines[0])
    assert exported == client.get(f"/v1/events/{exported['id']}").json
    assert (exported["date"], exported["channel"]) == ("2019-03-12", "phone_call")
    assert [(p["name"], p["country"]) for p in exported["participants"]] == [
        ("Ilse Marwick", None), ("Peeter Lind", "EE")]
    assert exported["sources"][0]["document"] == "call.txt"


def test_stdin_json_article_loads_under_its_key(run, client):
    body = json.dumps({"key": "wire-42", "text": ARTICLE, "published": "2019-03-14"})
    result = run("load", "-", stdin=body)
    assert result.exit_code == 0, result.output
    documents = client.get("/v1/documents").json["data"]
    assert [(d["key"], d["published"]) for d in documents] == [("wire-42", "2019-03-14")]


def test_unreachable_database_is_one_line_and_non_zero(tmp_path):
    result = CliRunner().invoke(main, ["load", str(tmp_path)],
                                env={"DATABASE_URL": "postgresql://nobody@127.0.0.1:1/none"})
    assert result.exit_code == 1
    assert result.output.startswith("timeline: cannot open the database")
    assert len(result.output.strip().splitlines()) == 1
