"""The one analysis path (pipeline.analysis): build and ingest key documents alike, the ladder step on a
store, the analysis version stored with each document, and a leveling model chosen per run."""

from __future__ import annotations

import json
import pickle
import shutil

import pytest
from typer.testing import CliRunner

from careerladder.cli import app
from careerladder.errors import ReadError
from careerladder.leveling import MODEL_PATH, Leveler
from careerladder.pipeline import EXAMPLE_LADDER, Analyzer, FileTask, build, ingest
from careerladder.pipeline.analysis import _LOADED
from careerladder.store import open_store
from conftest import SEEDS, log_problems


def stored_roles(db) -> dict[str, dict]:
    store = open_store(db)
    try:
        return {r["id"]: r for r in store.roles()}
    finally:
        store.close()


def other_model(path) -> Leveler:
    """The shipped model with another name: the same weights, another sha256 (another analysis version)."""
    model = Leveler.load(MODEL_PATH)
    model.trained_on_ = "a copy for the tests"
    model.save(path)
    return model


def test_build_then_ingest_the_same_folder_into_one_database(tmp_path):
    out = tmp_path / "o"
    build([EXAMPLE_LADDER], out)
    db = out / "careerladder.db"
    built = stored_roles(db)
    jsonl = {r["id"]: r for r in map(json.loads, (out / "roles.jsonl").read_text().splitlines())}
    assert built == jsonl  # the store holds what roles.jsonl says, ladder and effective expectations included

    again = ingest([EXAMPLE_LADDER], db, jobs=1, errors_path=tmp_path / "1.log")
    assert (again.read, again.stored, again.skipped, again.failed, again.reanalyzed) == (6, 0, 6, 0, 0)
    assert log_problems(tmp_path / "1.log") == []

    forced = ingest([EXAMPLE_LADDER], db, jobs=2, errors_path=tmp_path / "2.log", force=True)
    assert (forced.read, forced.failed, forced.ladder_levels) == (6, 0, 6)
    assert forced.stored == 0  # analyzed again and resolved with the stored ladder: nothing changed
    after = stored_roles(db)
    assert after == built
    assert all(r["ladder"] and r["effective_expectations"] for r in after.values())

    last = ingest([EXAMPLE_LADDER], db, jobs=1, errors_path=tmp_path / "3.log")
    assert (last.stored, last.failed, last.skipped) == (0, 0, 6)
    assert open_store(db).counts()["documents"] == 6


def test_ingest_alone_resolves_ladder_levels_as_build_does(tmp_path):
    build([EXAMPLE_LADDER], tmp_path / "built")
    summary = ingest([EXAMPLE_LADDER], tmp_path / "ingested.db", jobs=1, errors_path=tmp_path / "e.log")
    assert (summary.stored, summary.ladder_levels) == (6, 6)
    assert stored_roles(tmp_path / "ingested.db") == stored_roles(tmp_path / "built" / "careerladder.db")
    store = open_store(tmp_path / "ingested.db")
    ladder, = store.ladders()
    assert [lv["title"] for lv in ladder["levels"]][0] == "Engineering Manager"


def test_a_changed_analysis_version_reanalyzes(tmp_path, seeds_or_example):
    db = tmp_path / "x.db"
    first = ingest([seeds_or_example], db, jobs=1, errors_path=tmp_path / "e.log")
    assert first.stored == first.read > 0 and first.reanalyzed == 0
    other_model(tmp_path / "model.json")
    analyzer = Analyzer(leveling_model=tmp_path / "model.json")
    assert analyzer.version != Analyzer().version
    second = ingest([seeds_or_example], db, jobs=1, errors_path=tmp_path / "e.log", analyzer=analyzer)
    assert second.reanalyzed == first.read and second.failed == 0
    assert second.stored == 0  # the same weights under another name: analyzed again, the same roles
    third = ingest([seeds_or_example], db, jobs=2, errors_path=tmp_path / "e.log", analyzer=analyzer)
    assert (third.skipped, third.reanalyzed, third.stored) == (first.read, 0, 0)  # the version was recorded


def test_the_analyzer_pickles_its_model_path_not_the_model(tmp_path):
    other_model(tmp_path / "model.json")
    analyzer = Analyzer(leveling_model=tmp_path / "model.json")
    analyzer.models()
    blob = pickle.dumps(analyzer)
    assert len(blob) < 2_000  # a path and a digest, never the weights
    clone = pickle.loads(blob)
    assert clone == analyzer and clone.version == analyzer.version
    assert clone.models()[1] is analyzer.models()[1]  # one load per process, shared by every task
    assert (str(tmp_path / "model.json"), analyzer.model_sha256) in _LOADED


def test_a_model_that_cannot_be_read_is_one_line(tmp_path):
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(ReadError) as caught:
        Analyzer(leveling_model=tmp_path / "bad.json")
    assert str(caught.value).startswith(str(tmp_path / "bad.json") + ": not a leveling model")
    result = CliRunner().invoke(app, ["build", str(EXAMPLE_LADDER), "--out", str(tmp_path / "o"),
                                      "--leveling-model", str(tmp_path / "missing.json")])
    assert result.exit_code == 1 and "cannot read the leveling model" in result.output
    assert not (tmp_path / "o").exists()


def test_build_and_ingest_take_a_leveling_model(tmp_path):
    other_model(tmp_path / "model.json")
    runner = CliRunner()
    built = runner.invoke(app, ["build", str(EXAMPLE_LADDER), "--out", str(tmp_path / "o"),
                                "--leveling-model", str(tmp_path / "model.json")])
    assert built.exit_code == 0, built.output
    ingested = runner.invoke(app, ["ingest", str(EXAMPLE_LADDER), "--db", str(tmp_path / "o" / "careerladder.db"),
                                   "--jobs", "1", "--json", "--leveling-model", str(tmp_path / "model.json")])
    assert ingested.exit_code == 0, ingested.output
    summary = json.loads(ingested.stdout)
    assert (summary["skipped"], summary["reanalyzed"]) == (6, 0)  # built by the same model: current


def test_analyze_file_keys_records_of_a_container_file(tmp_path):
    records = [{"position": "Engineering Manager", "company": "Acme", "description": "Lead a team of 6 engineers.",
                "id": n} for n in ("a1", "a1", "b2")]
    path = tmp_path / "board.json"
    path.write_text(json.dumps(records), encoding="utf-8")
    result = Analyzer().analyze_file(FileTask(str(path), "exports/board.json"))
    assert [a.key for a in result.analyzed] == ["exports/board.json#a1", "exports/board.json#a1~2",
                                                "exports/board.json#b2"]
    assert [a.where for a in result.analyzed][0] == f"{path}#a1"


@pytest.fixture
def seeds_or_example():
    """The seeds when ../shared is here, else the bundled example ladder (the test needs no corpus)."""
    return SEEDS if SEEDS.is_dir() else EXAMPLE_LADDER


def test_copy_of_the_shipped_model_is_the_same_version(tmp_path):
    shutil.copyfile(MODEL_PATH, tmp_path / "same.json")
    assert Analyzer(leveling_model=tmp_path / "same.json").version == Analyzer().version
