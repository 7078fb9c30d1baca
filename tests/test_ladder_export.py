"""Ladders written back out for editing (``careerladder export ladder``): YAML that follows the ladder
schema and a CSV matrix, from prose ladders and ladders kept as data, and read back into the same
ladder. The round trips compare the models (titles, order, tracks, trunks, codes, inheritance, stated
equivalences, expectations), not the bytes. Also the ladder pages of a ladder that forks."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest
import yaml

from careerladder.model import iter_sections, iter_statements
from careerladder.pipeline import Analyzer, build, load
from careerladder.readers.ladder_data import GENERAL
from careerladder.render.ladder_file import ladder_csv, ladder_dict, ladder_yaml, select
from careerladder.vocab import NON_EXPECTATION_KINDS

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "ladder_data"
TWO_TRACKS = ROOT / "examples" / "ladder-two-tracks"
EXAMPLE = ROOT / "examples" / "ladder-data" / "ridgeback-ladder.yaml"
CLI = Path(sys.executable).parent / "careerladder"
SCHEMA = json.loads(files("careerladder").joinpath("schema/ladder.schema.json").read_text(encoding="utf-8"))


def ladders_of(*paths):
    analyzer = Analyzer(level=False)
    loaded = load(paths, analyzer=analyzer)
    _, ladders, _ = analyzer.resolve(loaded.roles, loaded.pages)
    return ladders


def statements(role):
    """(section path, text, label) of a level's expectations, children included (what an export keeps)."""
    out = []
    for section in iter_sections(role.sections):
        if section.kind in NON_EXPECTATION_KINDS:
            continue
        for st in iter_statements(section.statements):
            if not st.reference:
                out.append((tuple(section.path) or (GENERAL,), st.text, st.label))
    return out


def model(ladders) -> dict:
    """What a round trip keeps, by track: company, trunk's track, levels (title, code, parents' titles,
    expectations) in order, and stated equivalences (as pairs of titles)."""
    by_id = {lad.id: lad for lad in ladders}
    titles = {r.id: r.title for lad in ladders for r in lad.roles}
    return {lad.track: {
        "company": lad.company, "trunk": by_id[lad.trunk].track if lad.trunk in by_id else None,
        "levels": [(r.title, r.level_code, [titles.get(p.resolved_id) for p in r.parents if p.resolved_id],
                    statements(r))
                   for r in lad.roles],
        "equivalences": sorted(sorted((titles[e.a], titles[e.b])) for e in lad.equivalences
                               if e.basis in ("stated", "table") and e.a in titles and e.b in titles),
    } for lad in ladders}


def read_back(tmp_path: Path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8", newline="")
    return ladders_of(path)


def test_prose_ladder_to_yaml_and_back_keeps_titles_order_tracks_and_expectations(tmp_path):
    prose = ladders_of(TWO_TRACKS)
    text = ladder_yaml(prose)
    data = yaml.safe_load(text)
    assert list(jsonschema.Draft202012Validator(SCHEMA).iter_errors(data)) == []
    assert data["company"] == "Saltfern Mobility"
    assert [t["name"] for t in data["tracks"]] == ["individual contributor", "management"]
    again = read_back(tmp_path, "saltfern.yaml", text)
    assert model(again) == model(prose)
    assert all(lad.order_evidence == "declared" for lad in again)
    # the stated equivalences (IC3 ~ M3...) are kept; the inheritance too
    assert model(again)["management"]["equivalences"]


def test_prose_ladder_to_csv_and_back(tmp_path):
    prose = ladders_of(TWO_TRACKS)
    again = read_back(tmp_path, "saltfern.csv", ladder_csv(prose))
    assert model(again) == model(prose)


@pytest.mark.parametrize("fixture", ["harbour-columns.csv", "harbour-rows.csv", "spreadsheet-export.csv"])
def test_csv_to_model_to_csv_keeps_the_ladder(tmp_path, fixture):
    first = ladders_of(FIXTURES / fixture)
    written = ladder_csv(first)
    second = read_back(tmp_path, "again.csv", written)
    assert model(second) == model(first)
    assert model(read_back(tmp_path, "third.csv", ladder_csv(second))) == model(first)
    assert written.startswith("competency,") and "\r\n" in written  # a matrix, levels as columns


def test_yaml_to_model_to_yaml_keeps_the_ladder_and_its_fork(tmp_path):
    first = ladders_of(EXAMPLE)
    text = ladder_yaml(first)
    assert list(jsonschema.Draft202012Validator(SCHEMA).iter_errors(yaml.safe_load(text))) == []
    second = read_back(tmp_path, "again.yaml", text)
    assert model(second) == model(first)
    assert model(second)["management"]["trunk"] == "shared"
    csv_again = read_back(tmp_path, "again.csv", ladder_csv(first))
    assert model(csv_again) == model(first)


def test_a_ladder_id_exports_its_track_with_the_trunk_and_a_company_every_track():
    ladders = ladders_of(EXAMPLE)
    chosen = select(ladders, "ridgeback-freight-management")
    assert [lad.track for lad in chosen] == ["shared", "management"]
    data = ladder_dict(chosen)
    assert [(t["name"], t.get("trunk")) for t in data["tracks"]] == [("shared", None), ("management", "shared")]
    assert "equivalences" not in data  # the IC levels they pair with are not exported
    assert [lad.track for lad in select(ladders, "Ridgeback Freight")] == \
        ["shared", "individual_contributor", "management"]
    assert select(ladders, "no such ladder") == []


def test_a_multi_line_expectation_is_one_cell_line_break_kept(tmp_path):
    ladders = ladders_of(FIXTURES / "spreadsheet-export.csv")
    text = ladder_yaml(ladders)
    assert "|-\n" in text or "|\n" in text  # a literal block for the two-line expectation
    again = read_back(tmp_path, "again.yaml", text)
    assert model(again) == model(ladders)


@pytest.fixture(scope="module")
def data_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("ladder-data-build")
    result = build([ROOT / "examples" / "ladder-data"], out)
    return out, result


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(CLI), *args], capture_output=True, text=True, cwd=cwd, timeout=300)


def test_export_ladder_command(data_build, tmp_path):
    out, _ = data_build
    db = str(out / "careerladder.db")
    done = run("export", "ladder", "ridgeback-freight-individual-contributor", "--db", db)
    assert done.returncode == 0, done.stderr
    data = yaml.safe_load(done.stdout)
    assert list(jsonschema.Draft202012Validator(SCHEMA).iter_errors(data)) == []
    assert [t["name"] for t in data["tracks"]] == ["shared", "individual contributor"]
    assert data["tracks"][1]["levels"][0]["inherits"] == "engineer"
    done = run("export", "ladder", "Tern Analytics", "--db", db, "--format", "csv", "--out", str(tmp_path / "t.csv"))
    assert done.returncode == 0, done.stderr
    tern, = ladders_of(tmp_path / "t.csv")
    assert [r.title for r in tern.roles] == ["Junior Developer", "Developer", "Senior Developer", "Lead Developer"]
    assert run("export", "ladder", "--db", db).returncode == 2
    missing = run("export", "ladder", "Nobody Inc", "--db", db)
    assert missing.returncode == 2 and "Nobody Inc: NOT_FOUND" in missing.stderr
    assert run("export", "ladder", "Tern Analytics", "--db", db, "--format", "json").returncode == 2


def test_orientation_option_reads_a_matrix_as_told(tmp_path):
    done = run("ladder", str(FIXTURES / "harbour-rows.csv"), "--orientation", "rows", "--format", "json")
    assert done.returncode == 0, done.stderr
    assert {lad["track"] for lad in json.loads(done.stdout)} == {"individual_contributor", "management"}
    bad = run("ladder", str(FIXTURES / "malformed.csv"))
    assert bad.returncode == 0
    assert [line for line in bad.stderr.splitlines() if "BAD_CELL" in line][0].endswith(
        "malformed.csv:1: BAD_CELL row 1, column C: level column with no title; its 1 cell(s) skipped")


def test_level_pages_of_a_fork(data_build):
    from careerladder.pages.catalog import Catalog
    from careerladder.pages.context import ladder_data, level_context
    from careerladder.store import open_store

    out, _ = data_build
    store = open_store(str(out / "careerladder.db"), readonly=True)
    try:
        cat = Catalog.load(store)
        shared = cat.ladder("ridgeback-freight-shared")
        engineer = shared.roles[-1]
        nav = level_context(cat, engineer)["ladder"]
        assert nav["higher"] is None
        assert sorted((n["title"], n["ladder_name"]) for n in nav["next"]) == [
            ("Engineering Manager", "Ridgeback Freight management"),
            ("Senior Engineer", "Ridgeback Freight individual contributor")]
        manager = cat.ladder("ridgeback-freight-management").roles[0]
        nav = level_context(cat, manager)["ladder"]
        assert nav["lower"]["title"] == "Engineer" and nav["trunk"]["name"] == "Ridgeback Freight shared"
        assert [b["first"]["title"] for b in ladder_data(cat, shared)["branches"]] == \
            ["Senior Engineer", "Engineering Manager"]
    finally:
        store.close()
    page = next((out / "site" / "level").glob("*ridgeback-ladder*engineer.html"))
    html = page.read_text(encoding="utf-8")
    assert "Next level, one per track this one forks into" in html and "Ridgeback Freight management" in html
    stored = json.loads((out / "ladders.json").read_text(encoding="utf-8"))
    assert {lad["id"]: lad["trunk"] for lad in stored}["ridgeback-freight-management"] == "ridgeback-freight-shared"


def test_every_corpus_ladder_round_trips(tmp_path):
    """Every company of ../shared/corpus/ladders, prose or data, written as YAML and as a CSV matrix and
    read back: the same ladder. A matrix has one row order for all levels, and a level that repeats a
    heading has its parts joined: there only the order of a level's sections may change."""
    corpus = ROOT.parent / "shared" / "corpus" / "ladders"
    if not corpus.exists():
        pytest.skip(f"needs {corpus} (the shared corpus beside the project); absent in this checkout")
    companies: dict[tuple, list] = {}
    for lad in ladders_of(corpus):
        companies.setdefault((lad.folder, lad.company or lad.name.split(" ")[0]), []).append(lad)

    def unordered(m: dict) -> dict:
        return {t: {**v, "levels": [(*lv[:3], sorted(lv[3], key=repr)) for lv in v["levels"]]} for t, v in m.items()}

    exact = 0
    for (folder, company), ladders in companies.items():
        for name, write in (("again.yaml", ladder_yaml), ("again.csv", ladder_csv)):
            again = model(read_back(tmp_path, name, write(ladders)))
            assert unordered(again) == unordered(model(ladders)), (folder, company, name)
            exact += again == model(ladders)
    assert exact >= 2 * len(companies) - 8
