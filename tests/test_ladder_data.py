"""Ladders kept as data, read: careerladder's ladder YAML, a job family in the Financial Times' layout,
CSV matrices (levels as columns or rows, as a spreadsheet exports them, malformed), each through the
same analysis as prose ladders. Fixtures written by us in tests/fixtures/ladder_data/; the Financial
Times' own file is read from ../shared when it is there."""

from __future__ import annotations

import csv
import io
import json
from importlib.resources import files
from pathlib import Path

import jsonschema
import pytest
import yaml

from careerladder.model import iter_sections, iter_statements, role_statements
from careerladder.pipeline import Analyzer, load
from careerladder.readers import read_path, read_text

FIXTURES = Path(__file__).parent / "fixtures" / "ladder_data"
SCHEMA = json.loads(files("careerladder").joinpath("schema/ladder.schema.json").read_text(encoding="utf-8"))
FT = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "ladders" / \
    "Financial-Times__engineering-progression"


def ladders_of(*paths, orientation: str | None = None):
    """(roles, ladders by track, diagnostics of reading and resolving) of ``paths``."""
    analyzer = Analyzer(level=False, orientation=orientation)
    loaded = load(paths, analyzer=analyzer)
    roles, ladders, diags = analyzer.resolve(loaded.roles, loaded.pages)
    return roles, {lad.track: lad for lad in ladders}, loaded.diagnostics + diags


def titles(ladder) -> list[str]:
    return [r.title for r in ladder.roles]


def own(role) -> list[tuple[tuple[str, ...], str]]:
    """(section path, text) of every statement of a level, children included, in order."""
    return [(s.path, st.text) for s in iter_sections(role.sections) for st in iter_statements(s.statements)]


# -- careerladder's ladder YAML ------------------------------------------------------------------------------
def test_yaml_ladder_two_tracks_inheritance_and_equivalences():
    roles, ladders, diags = ladders_of(FIXTURES / "harbour-ladder.yaml")
    assert not diags
    assert set(ladders) == {"individual_contributor", "management"}
    ic, mgmt = ladders["individual_contributor"], ladders["management"]
    assert titles(ic) == ["Software Engineer", "Senior Software Engineer", "Staff Engineer"]
    assert titles(mgmt) == ["Engineering Manager", "Senior Engineering Manager"]
    assert ic.company == mgmt.company == "Harbourlight Energy" and not ic.company_inferred
    assert ic.order_evidence == mgmt.order_evidence == "declared"
    assert [r.level_code for r in ic.roles] == ["IC2", "IC3", "IC4"]
    senior, staff = ic.roles[1], ic.roles[2]
    assert [(p.title, p.resolved_id, p.line) for p in senior.parents] == \
        [("Software Engineer", "harbour-ladder.yaml#software-engineer", 20)]
    assert staff.parents[0].resolved_id == "harbour-ladder.yaml#senior-software-engineer"
    assert senior.metadata["declared"]["canonical"] == "senior"
    # effective expectations: own first, then the parent's, then the grandparent's
    assert [e.depth for e in ic.effective[staff.id]] == [0, 0] + [1] * 4 + [2] * 3
    pairs = {(e.a.split("#")[1], e.b.split("#")[1], e.basis, e.line) for e in ic.equivalences}
    assert pairs == {("senior-software-engineer", "engineering-manager", "stated", 61),
                     ("staff-engineer", "senior-engineering-manager", "stated", 62)}


def test_yaml_ladder_expectations_keep_themes_labels_children_and_lines():
    roles, ladders, _ = ladders_of(FIXTURES / "harbour-ladder.yaml")
    senior = ladders["individual_contributor"].roles[1]
    sections = {s.path: s for s in iter_sections(senior.sections)}
    assert list(sections) == [("Technical",), ("Technical", "Code quality"), ("Technical", "Architecture"),
                              ("Delivery",)]
    assert all(s.kind == "responsibilities" for s in sections.values())
    design, = sections[("Technical", "Architecture")].statements
    assert (design.label, design.line, design.text) == \
        ("Practitioner", 25, "Designs services that other teams can run without them.")
    assert [(c.text, c.line) for c in design.children] == \
        [("Writes the design record before the first line of code.", 28)]
    assert senior.id == "harbour-ladder.yaml#senior-software-engineer" and senior.kind == "ladder_level"


def test_yaml_ladder_fixture_and_example_follow_the_schema():
    validator = jsonschema.Draft202012Validator(SCHEMA)
    validator.check_schema(SCHEMA)
    example = Path(__file__).resolve().parent.parent / "examples" / "ladder-data"
    for path in [FIXTURES / "harbour-ladder.yaml", *sorted(example.glob("*.yaml"))]:
        assert list(validator.iter_errors(yaml.safe_load(path.read_text(encoding="utf-8")))) == [], path


def test_yaml_ladder_bad_entries_are_one_line_each_and_the_rest_is_read():
    text = (FIXTURES / "harbour-ladder.yaml").read_text(encoding="utf-8")
    text = text.replace("      - title: Staff Engineer\n", "      - code: IC9\n      - title: Staff Engineer\n", 1)
    text = text.replace("inherits: Senior Software Engineer", "inherits: Distinguished Engineer")
    text = text.replace("  - [Staff Engineer, Senior Engineering Manager]", "  - [Staff Engineer]")
    docs = read_text(text, "bad.yaml")
    problems = [str(p) for p in docs[0].problems]
    assert problems == [
        "bad.yaml:31: BAD_ENTRY track 1 (individual_contributor), level 3: a level with no title (skipped)",
        "bad.yaml:34: BAD_ENTRY level 'Staff Engineer': inherits: 'Distinguished Engineer' names no level of this file",
        "bad.yaml:63: BAD_ENTRY equivalences: an equivalence is a pair of levels [a, b] (skipped)",
    ]
    assert [d.title for d in docs] == ["Software Engineer", "Senior Software Engineer", "Staff Engineer",
                                       "Engineering Manager", "Senior Engineering Manager"]


# -- CSV matrices --------------------------------------------------------------------------------------------
def test_csv_matrix_with_levels_as_columns_reads_as_the_yaml_ladder():
    _, from_csv, diags = ladders_of(FIXTURES / "harbour-columns.csv")
    assert not diags
    _, from_yaml, _ = ladders_of(FIXTURES / "harbour-ladder.yaml")
    for track, lad in from_csv.items():
        assert lad.order_evidence == "declared" and lad.company == "Harbourlight Energy"
        assert titles(lad) == [t for t in titles(from_yaml[track]) if t != "Staff Engineer"]
    ic = from_csv["individual_contributor"]
    assert [r.level_code for r in ic.roles] == ["IC2", "IC3"]
    assert ic.roles[1].parents[0].resolved_id == ic.roles[0].id
    assert {(e.a.split("#")[1], e.b.split("#")[1], e.basis) for e in ic.equivalences} == \
        {("senior-software-engineer", "engineering-manager", "stated")}
    first = ic.roles[0]
    assert own(first) == [
        (("Technical", "Code quality"), "Writes tests for every change they make."),
        (("Technical", "Code quality"), "Keeps functions small enough to review in one sitting."),
        (("Delivery",), "Ships reviewed changes to production every week.")]
    # one statement per bullet of a cell, at its line; the cell of the row "Technical > Code quality"
    # starts on line 7 and its second bullet is on line 8
    assert [(st.line, st.end_line) for _, st in role_statements(first)] == [(7, 7), (8, 8), (9, 9)]


def test_csv_matrix_with_levels_as_rows_is_detected_or_told():
    _, ladders, diags = ladders_of(FIXTURES / "harbour-rows.csv")
    assert not diags
    assert titles(ladders["individual_contributor"]) == ["Software Engineer", "Senior Software Engineer"]
    em, = ladders["management"].roles
    assert em.level_code == "M3" and em.span[0] == 4
    assert own(em) == [(("Delivery",), "Plans the team's quarter with product and design."),
                       (("People",), "Holds a weekly one-to-one with each of their reports.")]
    told = read_path(FIXTURES / "harbour-rows.csv", options={"orientation": "rows"})
    assert [d.title for d in told] == ["Software Engineer", "Senior Software Engineer", "Engineering Manager"]
    turned = read_path(FIXTURES / "harbour-rows.csv", options={"orientation": "columns"})
    assert [d.title for d in turned][:2] == ["Track", "Code"]  # read as told, however odd


def test_spreadsheet_export_with_bom_and_multi_line_cells_reads_without_loss():
    path = FIXTURES / "spreadsheet-export.csv"
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    docs = read_path(path)
    assert {d.format for d in docs} == {"ladder_csv"} and not docs[0].problems
    _, ladders, diags = ladders_of(path)
    assert not diags
    lad, = ladders.values()
    assert titles(lad) == ["Junior Engineer", "Engineer", "Senior Engineer"]
    junior, engineer, senior = lad.roles
    assert own(junior)[0] == (("Craft", "Testing"),
                              "Writes unit tests for their own code.\nAsks for help when a test is hard to write.")
    assert [(p, t) for p, t in own(junior)][1] == (("Craft", "Code review"), "Asks for a review on every change.")
    assert [(st.text, st.line) for _, st in role_statements(engineer)][:2] == \
        [("Writes unit and integration tests.", 3), ("Fixes flaky tests they find.", 4)]
    assert own(senior)[-1] == (("Collaboration", "Communication"),
                               'Presents the team\'s work at the monthly demo, "warts and all".')
    # every line of every filled cell is a statement's (or part of one), nothing else is
    text = raw.decode("utf-8-sig")
    cells = [c for row in list(csv.reader(io.StringIO(text, newline="")))[1:] for c in row[2:] if c.strip()]
    written = sorted(line.strip().lstrip("- ") for c in cells for line in c.splitlines() if line.strip())
    read = sorted(line for r in lad.roles for _, t in own(r) for line in t.split("\n"))
    assert written == read


def test_malformed_matrix_gives_one_line_per_bad_cell_and_reads_the_rest():
    roles, ladders, diags = ladders_of(FIXTURES / "malformed.csv")
    bad = sorted(str(d).replace(str(FIXTURES) + "/", "") for d in diags if d.code == "BAD_CELL")
    assert bad == [
        "malformed.csv:1: BAD_CELL row 1, column C: level column with no title; its 1 cell(s) skipped",
        "malformed.csv:1: BAD_CELL row 1, column E: level 'Software Engineer' is named twice in one track "
        "(also column B); this one is skipped",
        "malformed.csv:3: BAD_CELL row 3, column A: competency row with no name; its cells skipped",
    ]
    assert all("\n" not in line for line in bad)
    lad, = ladders.values()
    assert titles(lad) == ["Software Engineer", "Senior Software Engineer"]
    assert own(lad.roles[0]) == [(("Delivery",), "Ships small changes.")]
    assert own(lad.roles[1]) == [(("Delivery",), "Plans the quarter."), (("People",), "Mentors one engineer.")]


@pytest.mark.parametrize("head,reader", [
    ("job_id,title,location,description\n1,Engineering Manager,Oslo,Lead a team\n", "csv_postings"),
    ("title,company,description,url\nEngineering Manager,Kestrel,Lead,https://x.invalid\n", "not a ladder"),
    ("Engineer, Senior Engineer, Staff Engineer are our levels.\nWe write about them below.\n", "text"),
    ("Competency,Junior,Mid,Senior\nTesting,Writes tests,Owns tests,Sets strategy\n", "ladder_csv"),
    ("Level,Testing,Delivery\nL1,Writes tests,Ships\nL2,Owns tests,Plans\n", "ladder_csv"),
])
def test_a_ladder_matrix_is_told_from_a_postings_export_and_prose(head, reader):
    from careerladder.readers import choose_reader

    chosen = choose_reader(Path("file.csv" if reader != "text" else "notes.txt"), head)
    if reader == "not a ladder":  # a postings export: whichever postings reader takes it, not the matrix's
        assert chosen is None or chosen.name != "ladder_csv"
    else:
        assert chosen.name == reader


def test_truth_files_and_evidence_are_not_ladder_data():
    from careerladder.readers import choose_reader

    truth = Path(__file__).parent / "fixtures" / "ladders" / "ambiguous_parent" / "expected.yaml"
    evidence = Path(__file__).resolve().parent.parent / "examples" / "evidence" / "noor-vp-manager-example.yaml"
    for path in (truth, evidence):
        chosen = choose_reader(path, path.read_text(encoding="utf-8")[:4096])
        assert chosen.name not in ("ladder_yaml", "job_family", "ladder_csv"), path


# -- a job family in the Financial Times' layout -----------------------------------------------------------
def test_job_family_forks_from_a_shared_trunk():
    roles, ladders, diags = ladders_of(FIXTURES / "job-family.yml")
    assert [str(d).split(": ", 1)[1] for d in diags] == \
        ["BAD_ENTRY competency c8: level 'principal' is not a level of this file (skipped)"]
    assert set(ladders) == {"shared", "individual_contributor", "management"}
    shared = ladders["shared"]
    assert titles(shared) == ["Associate Engineer", "Engineer"] and shared.trunk is None
    assert titles(ladders["management"]) == ["Lead Engineer", "Head of Engineering"]
    assert ladders["management"].roles[0].heading == "Lead Engineer (People Manager)"
    assert ladders["management"].trunk == ladders["individual_contributor"].trunk == shared.id
    assert shared.company == "Kestrel Rail"
    assert {(e.a.split("#")[1], e.b.split("#")[1], e.basis) for e in ladders["management"].equivalences} == \
        {("lead-ic", "lead-pm", "stated")}
    engineer = shared.roles[1]
    assert [(p, t) for p, t in own(engineer)] == [
        (("Craft",), "Delivers features on their own, with tests."),
        (("Craft",), "Keeps the services they touch observable."), (("People",), "Helps new joiners set up their machines.")]
    assert {st.label for _, st in role_statements(engineer)} == {"Working knowledge", "Awareness"}
    head = ladders["management"].roles[1]
    standards, = head.sections[0].statements  # themes in the order the file lists them: Craft, People
    assert (standards.label, [c.text for c in standards.children]) == \
        ("Expert", ["Chose the department's deployment pipeline."])  # an example, as a child


def test_a_legacy_job_family_is_its_own_deprecated_track(tmp_path):
    text = (FIXTURES / "job-family.yml").read_text(encoding="utf-8")
    legacy = text.replace("name: Engineering\n", "name: Engineering (Legacy)\nisLegacy: true\n", 1)
    legacy = legacy.replace(" (Individual Contributor)", "").replace(" (People Manager)", " Manager")
    (tmp_path / "legacy.yml").write_text(legacy, encoding="utf-8")
    roles, ladders, _ = ladders_of(tmp_path / "legacy.yml")
    assert list(ladders) == ["engineering (legacy)"]
    assert {r.variant for r in ladders["engineering (legacy)"].roles} == {"deprecated"}


def test_financial_times_engineering_family_as_published():
    if not FT.exists():
        pytest.skip(f"needs {FT} (the shared corpus beside the project); absent in this checkout")
    path = FT / "data" / "job-families" / "engineering.yml"
    roles, ladders, diags = ladders_of(path)
    assert not diags
    assert {t: titles(lad) for t, lad in ladders.items()} == {
        "shared": ["Junior Engineer", "Engineer", "Senior Engineer 1"],
        "individual_contributor": ["Senior Engineer 2", "Principal Engineer"],
        "management": ["Senior Engineer 2", "Principal Engineer", "Technology Director"],
    }
    assert [r.heading for r in ladders["management"].roles] == [
        "Senior Engineer 2 (People Manager)", "Principal Engineer (People Manager)", "Technology Director"]
    assert [r.span[0] for r in ladders["shared"].roles] == [9, 12, 15]
    shared = ladders["shared"]
    assert ladders["individual_contributor"].trunk == ladders["management"].trunk == shared.id
    assert {lad.company for lad in ladders.values()} == {"Financial Times"}
    assert all(lad.order_evidence == "declared" for lad in ladders.values())
    themes = ["Planning and Organising", "Independent Working", "Problem Solving & Decision Making",
              "Business Impact", "Communication", "Team Work", "Curiosity & Learning",
              "Leadership of Self and Others", "Technical"]
    levels = [r for lad in ladders.values() for r in lad.roles]
    assert len(levels) == 8
    for role in levels:  # nine competency records a level, under their themes, in the themes' order
        assert [s.heading for s in role.sections] == themes
        assert all(st.label for _, st in role_statements(role))
    statements = [st for r in levels for _, st in role_statements(r)]
    technical = [st for r in levels for s in r.sections if s.heading == "Technical" for st in s.statements]
    assert len(technical) > len(levels)  # numbered lines of a summary are one expectation each
    assert len(statements) == 8 * 8 + len(technical)
    junior = shared.roles[0]
    first = junior.sections[0].statements[0]
    assert (first.line, first.label) == (93, "Awareness") and first.text.startswith("Aware of how the team delivers")


def test_yaml_ladder_loads_safely_and_within_limits():
    from careerladder.errors import LimitError

    tagged = ("tracks:\n  - name: management\n    levels:\n      - title: !!python/object/apply:os.system [\"exit 3\"]\n"
              "      - title: !custom Engineering Manager\n")
    docs = read_text(tagged, "tagged.yaml")
    assert [d.title for d in docs] == ["Engineering Manager"]  # nothing constructed: a tag is only text
    assert "a level with no title" in str(docs[0].problems[0])
    laughs = "description:\n  - &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"  - &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
        for p, c in zip("abcdefg", "bcdefgh")) + "tracks:\n  - name: x\n    levels:\n      - title: y\n"
    with pytest.raises(LimitError, match="expands to more than"):
        read_text(laughs, "laughs.yaml")


def test_two_levels_of_one_title_stay_two_when_ids_tell_them_apart():
    text = ("tracks:\n  - name: individual contributor\n    levels:\n"
            "      - {title: Engineer, id: engineer-backend}\n      - {title: Engineer, id: engineer-frontend}\n")
    docs = read_text(text, "twins.yaml")
    assert [d.fragment for d in docs] == ["engineer-backend", "engineer-frontend"] and not docs[0].problems
    docs = read_text(text + "      - {title: Engineer}\n", "twins.yaml")
    assert [d.fragment for d in docs] == ["engineer-backend", "engineer-frontend"]
    assert str(docs[0].problems[0]) == ("twins.yaml:6: BAD_ENTRY track 1 (individual_contributor), level 3: "
                                        "level 'Engineer' is already a level of this track (skipped)")
