"""The main job end to end: bundled example ladder, bad input in a batch, re-builds, the JSON Schema."""

from __future__ import annotations

import json

import jsonschema
import pytest

from careerladder.errors import NoInputError
from careerladder.pipeline import EXAMPLE_LADDER, ROLE_SCHEMA, build
from careerladder.store import open_store


@pytest.fixture(scope="module")
def example(tmp_path_factory):
    out = tmp_path_factory.mktemp("example")
    return build(None, out), out


def test_example_ladder_is_one_resolved_chain(example):
    result, _ = example
    ladder, = result.ladders
    assert [r.title for r in ladder.roles] == [
        "Engineering Manager", "Senior Engineering Manager", "Director of Engineering",
        "Senior Director of Engineering", "VP of Engineering", "Chief Technology Officer"]
    assert all(p.resolved_id for r in ladder.roles for p in r.parents)
    assert [len(r.parents) for r in ladder.roles] == [0, 1, 1, 1, 1, 1]
    cto = ladder.roles[-1]
    assert {e.origin_title for e in ladder.effective[cto.id]} == {r.title for r in ladder.roles}
    assert result.diagnostics == []


def test_roles_jsonl_matches_the_shipped_schema(example):
    _, out = example
    schema = json.loads(ROLE_SCHEMA.read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    rows = [json.loads(line) for line in (out / "roles.jsonl").read_text().splitlines()]
    assert len(rows) == 6
    for row in rows:
        jsonschema.validate(row, schema)
    broken = dict(rows[0], kind="manager")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


def test_rebuild_writes_nothing_new(example, tmp_path):
    result = build(None, tmp_path)
    assert result.written == 6
    again = build(None, tmp_path)
    assert again.written == 0
    store = open_store(tmp_path / "careerladder.db")
    assert store.counts()["roles"] == 6 and store.counts()["ladders"] == 1


def test_bad_files_are_reported_and_the_batch_goes_on(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "empty.md").write_text("")
    (src / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 10)
    (src / "broken.md").write_text("---\ntitle: [oops\n---\n# x\n")
    (src / "data.json").write_text('{"a": 1}')
    (src / "em.md").write_text((EXAMPLE_LADDER / "engineering-manager.md").read_text())
    result = build([src], tmp_path / "out")
    assert [r.title for r in result.roles] == ["Engineering Manager"]
    errors = sorted((d.source.rsplit("/", 1)[-1], d.code) for d in result.diagnostics if d.severity == "error")
    assert errors == [("binary.txt", "READ_ERROR"), ("broken.md", "READ_ERROR"), ("empty.md", "READ_ERROR")]
    data, = [d for d in result.diagnostics if d.source.endswith("data.json")]  # JSON with no posting: named
    assert (data.code, data.severity, data.reason) == ("NOT_A_POSTING", "info", "not a posting")
    assert all("\n" not in str(d) for d in result.diagnostics)
    assert "broken YAML front matter" in (tmp_path / "out" / "summary.md").read_text()


def test_nothing_readable_raises_and_writes_nothing(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "empty.md").write_text("")
    (tmp_path / "in" / "notes.md").write_text("# Grocery list\n\n- apples\n")
    with pytest.raises(NoInputError, match="no role could be read") as caught:
        build([tmp_path / "in"], tmp_path / "out")
    assert [(d.code, d.reason) for d in caught.value.diagnostics] == [("READ_ERROR", "empty"),
                                                                      ("NO_ROLE", "not a role document")]
    assert not (tmp_path / "out").exists()


def test_summary_escapes_document_text(tmp_path):
    src = tmp_path / "x.md"
    src.write_text("---\ntitle: Engineering Manager <script>alert(1)</script> | x\n---\n\n# Role\n\n- a\n")
    build([src], tmp_path / "out")
    summary = (tmp_path / "out" / "summary.md").read_text()
    assert "<script>" not in summary and "&lt;script&gt;" in summary
