"""Ladder lint: each check on a small ladder written by us that triggers it and one that does not (every
rule selected); the seeds and every corpus ladder without a crash; Abtion's duplicate titles; GitLab's
references. Selection and the registry: test_lint_rules.py; steps: test_lint_steps.py; which lines are
expectations: test_lint_statements.py; the wording checks: test_lint_wording.py; word lists:
test_lint_words.py."""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from careerladder import thresholds
from careerladder.cli import app
from careerladder.lint import (CHECKS, DIAGNOSTIC_SEVERITY, Check, Finding, counts, exit_status, finding_data,
                               known_codes, lint_ladder, lint_ladders, registered)
from careerladder.lint.context import LadderContext, text_leveler
from careerladder.extract.titles import title_level
from careerladder.model import Diagnostic, Leveling
from careerladder.pipeline import lint_paths, load
from careerladder.resolve import resolve

FIXTURES = Path(__file__).parent / "fixtures" / "lint"

#: fixture folder -> the codes its bad ladder must give (and its good ladder must not).
CASES = {
    "references": {"UNRESOLVED_PARENT", "UNRESOLVED_LINK"},
    "cycle": {"CYCLE"},
    "duplicate_title": {"DUPLICATE_TITLE"},
    "empty_level": {"EMPTY_LEVEL"},
    "empty_step": {"EMPTY_STEP"},
    "uneven_step": {"UNEVEN_STEP"},
    "coverage_drop": {"COVERAGE_DROP"},
    "coverage_gap": {"COVERAGE_GAP"},
    "repeated_statement": {"REPEATED_STATEMENT"},
    "vague_statement": {"VAGUE_STATEMENT"},
    "requirement_order": {"REQUIREMENT_ORDER"},
    "near_duplicate": {"NEAR_DUPLICATE"},  # lint.semantic
}


def codes(path: Path) -> dict[str, list[Finding]]:
    """Findings of every rule (the opt-in ones too) under ``path``, by code."""
    out: dict[str, list[Finding]] = defaultdict(list)
    for f in lint_paths([path], select=known_codes()).findings:
        out[f.code].append(f)
    return out


@pytest.mark.parametrize("case", sorted(CASES))
def test_check_triggers_on_bad_ladder_only(case):
    bad, good = codes(FIXTURES / case / "bad"), codes(FIXTURES / case / "good")
    for code in CASES[case]:
        assert bad.get(code), f"{case}/bad should give {code}: {dict(bad)}"
        assert not good.get(code), f"{case}/good should not give {code}: {good[code]}"
    assert not bad.get("INTERNAL_ERROR") and not good.get("INTERNAL_ERROR")


def test_every_check_has_a_fixture_and_a_doc_entry():
    tested = set().union(*CASES.values()) | {"LEVEL_MISMATCH", "CROSS_LADDER_DRIFT"}  # level_mismatch/ below; test_lint_semantic
    assert {c.code for c in registered()} <= tested
    doc = (Path(__file__).parent.parent / "docs" / "lint.md").read_text()
    for code in [c.code for c in registered()] + list(DIAGNOSTIC_SEVERITY) + ["LEVEL_CHECK_SKIPPED"]:
        assert f"`{code}`" in doc, f"docs/lint.md does not list {code}"


def test_findings_point_at_the_right_lines():
    dup = codes(FIXTURES / "duplicate_title" / "bad")["DUPLICATE_TITLE"]
    assert sorted(f.line for f in dup) == [11, 16]  # the two "Senior Engineering Manager" headings
    # "Leads two teams" above "four to six engineers": asks in other units are never compared
    assert "REQUIREMENT_ORDER" not in codes(FIXTURES / "duplicate_title" / "bad")
    assert all(f.severity == "warning" and f.role_id and f.ladder_id == "northwind-boats-management" for f in dup)
    vague = codes(FIXTURES / "vague_statement" / "bad")["VAGUE_STATEMENT"]
    assert sorted(f.line for f in vague) == [8, 9]  # not the "3+ years" line, not the one-on-one line
    order, = codes(FIXTURES / "requirement_order" / "bad")["REQUIREMENT_ORDER"]
    assert order.source.endswith("vp-of-engineering.md") and order.line == 10 and "'Director of Engineering'" in \
        order.message
    repeats = codes(FIXTURES / "repeated_statement" / "bad")["REPEATED_STATEMENT"]
    # the levels that inherit it repeat it; the VP, who inherits nothing, restates on purpose
    assert sorted(f.line for f in repeats) == [15, 22]
    drop, = codes(FIXTURES / "coverage_drop" / "bad")["COVERAGE_DROP"]
    assert "hiring" in drop.message and drop.line == 13
    gap, = codes(FIXTURES / "coverage_gap" / "bad")["COVERAGE_GAP"]
    assert "people_management" in gap.message and "Director" in gap.message and gap.line == 18


def test_resolve_problems_are_mapped_not_detected_again():
    loaded = load([FIXTURES / "references" / "bad"])
    _, ladders, diags = resolve(loaded.roles)
    found = lint_ladders(ladders, diags, known_codes())
    mapped = {(f.source, f.line, f.code, f.severity) for f in found if f.code in DIAGNOSTIC_SEVERITY}
    assert mapped == {(d.source, d.line, d.code, DIAGNOSTIC_SEVERITY[d.code]) for d in diags}
    parent, = [f for f in found if f.code == "UNRESOLVED_PARENT"]
    assert parent.severity == "error" and parent.role_id.endswith("director-of-engineering.md")


def test_uneven_threshold_is_the_named_one(monkeypatch):
    assert codes(FIXTURES / "uneven_step" / "bad")["UNEVEN_STEP"]
    monkeypatch.setattr(thresholds, "LINT_UNEVEN_HIGH_RATIO", 5.0)  # the VP step adds 4x the median
    assert not codes(FIXTURES / "uneven_step" / "bad").get("UNEVEN_STEP")


def test_level_check_skips_with_info_when_leveling_fails():
    def broken(role):
        raise RuntimeError("model file damaged")

    found = lint_ladder(_ladder(FIXTURES / "level_mismatch" / "good"), CHECKS, broken)
    skipped = [f for f in found if f.code == "LEVEL_CHECK_SKIPPED"]
    assert len(skipped) == 1 and skipped[0].severity == "info" and "level" in skipped[0].message
    assert exit_status(found, strict=True) == 0


def _ladder(path: Path):
    _, (ladder,), _ = resolve(load([path]).roles)
    return ladder


def test_empty_step_needs_the_same_words_not_only_the_same_meaning(write):
    """The diff reads "the hiring loop of every team in the group" as the lower level's hiring line (nothing
    added), but the scope grew: that is a change, not an empty step. A copy of the line is one."""
    lower = (FIXTURES / "empty_step" / "bad" / "engineering-manager.md").read_text()
    head = "---\norganization: Kettle Works\n---\n# Senior Engineering Manager\n\n*Same as Engineering Manager, " \
           "but also...*\n\n### Is expected to\n\n"
    write("wider/engineering-manager.md", lower)
    wider = write("wider/senior-engineering-manager.md", head + "- Run the hiring loop of every team in the group "
                  "and write the interview feedback within a day.\n").parent
    ladder = _ladder(wider)
    ctx = LadderContext(ladder, text_leveler())
    (em, sem), = ctx.steps()
    assert ctx.diff(em, sem).added_count == 0  # the diff alone would call it empty
    assert not codes(wider).get("EMPTY_STEP")
    write("copy/engineering-manager.md", lower)
    copy = write("copy/senior-engineering-manager.md", head + "- Run the team's hiring loop and write the interview "
                 "feedback within a day.\n").parent
    assert [f.line for f in codes(copy)["EMPTY_STEP"]] == [4]


def test_level_mismatch_compares_the_text_level_with_the_title():
    def reads_as(levels: dict[str, str]):
        """A stand-in for level_role: the text reads as levels[title], with probability 0.9."""
        def level_role(role):
            lv = levels[role.title]
            return replace(role, leveling=Leveling(lv, 0.9, {lv: 0.9}, title_level(role.title)))
        return level_role

    ladder = _ladder(FIXTURES / "level_mismatch" / "bad")
    agree = reads_as({"Engineering Manager": "em", "Director of Engineering": "director"})
    assert not [f for f in lint_ladder(ladder, CHECKS, agree) if f.code == "LEVEL_MISMATCH"]
    inflated = reads_as({"Engineering Manager": "vp", "Director of Engineering": "director"})
    found, = [f for f in lint_ladder(ladder, CHECKS, inflated) if f.code == "LEVEL_MISMATCH"]
    assert found.source.endswith("engineering-manager.md") and found.line == 4
    assert "VP of Engineering" in found.message and "Engineering Manager" in found.message


def test_level_mismatch_without_a_level_in_the_title(write):
    def bullets(*words):
        return "".join(f"- {w} the quarterly plan of the group with every team.\n" for w in words)

    # level codes order the two (a title without a level orders nothing: Director before Head is no step alone)
    path = write("levels.md", "---\norganization: Juniper Row\n---\n# Levels\n\n## E1 - Director of Engineering\n\n"
                 + bullets("Writes", "Reviews", "Presents", "Funds", "Staffs")
                 + "\n## E2 - Head of Engineering\n\n" + bullets("Shares", "Checks", "Reads", "Files", "Tracks"))
    ladder = _ladder(path.parent)
    assert [r.title for r in ladder.roles] == ["Director of Engineering", "Head of Engineering"]

    def reads_as(levels):
        return lambda role: replace(role, leveling=Leveling(levels[role.title], 0.9, {levels[role.title]: 0.9},
                                                            title_level(role.title)))

    lower = reads_as({"Director of Engineering": "director", "Head of Engineering": "em"})
    found, = [f for f in lint_ladder(ladder, CHECKS, lower) if f.code == "LEVEL_MISMATCH"]
    assert found.line == 14 and "lower than" in found.message  # the "## Head of Engineering" heading
    above = reads_as({"Director of Engineering": "director", "Head of Engineering": "vp"})
    assert not [f for f in lint_ladder(ladder, CHECKS, above) if f.code == "LEVEL_MISMATCH"]


def test_level_mismatch_with_the_leveler():
    bad, good = codes(FIXTURES / "level_mismatch" / "bad"), codes(FIXTURES / "level_mismatch" / "good")
    assert not bad.get("LEVEL_CHECK_SKIPPED") and not good.get("LEVEL_CHECK_SKIPPED")
    found, = bad["LEVEL_MISMATCH"]
    assert found.source.endswith("engineering-manager.md") and found.line == 4
    assert not good.get("LEVEL_MISMATCH")


def test_a_failing_check_is_reported_and_the_others_still_run():
    def broken(ctx):
        raise ValueError("boom")
        yield  # pragma: no cover

    loaded = load([FIXTURES / "duplicate_title" / "bad"])
    _, (ladder,), _ = resolve(loaded.roles)
    found = lint_ladder(ladder, (Check("BROKEN", "warning", "always fails", broken),) + CHECKS)
    assert any(f.code == "INTERNAL_ERROR" and "BROKEN" in f.message and f.severity == "error" for f in found)
    assert any(f.code == "DUPLICATE_TITLE" for f in found)


def test_finding_text_json_counts_and_exit_status():
    f = Finding("EMPTY_STEP", "warning", "level 'X' adds nothing", "ladder/x.md", 4, "acme", "x.md")
    assert str(f) == "ladder/x.md:4: EMPTY_STEP level 'X' adds nothing"
    assert str(Finding("LEVEL_CHECK_SKIPPED", "info", "skipped", "x.md")) == "x.md: LEVEL_CHECK_SKIPPED skipped"
    assert finding_data(f) == {"code": "EMPTY_STEP", "severity": "warning", "message": "level 'X' adds nothing",
                               "source": "ladder/x.md", "line": 4, "ladder_id": "acme", "role_id": "x.md"}
    err = Finding("CYCLE", "error", "loop", "y.md", 1)
    assert counts([f, err, f]) == {"error": 1, "warning": 2, "info": 0}
    assert (exit_status([f]), exit_status([f], strict=True), exit_status([err]), exit_status([])) == (0, 1, 1, 0)


def test_a_finding_is_a_diagnostic_printed_by_it():
    d = Diagnostic("CYCLE", "loop", "y.md", 1, "warning")
    f = Finding.of(d, "error", "acme", "y.md")
    assert isinstance(f, Diagnostic) and str(f) == str(d) == "y.md:1: CYCLE loop"
    assert (f.severity, f.ladder_id, f.role_id) == ("error", "acme", "y.md")
    assert f == Finding("CYCLE", "error", "loop", "y.md", 1, "acme", "y.md")
    assert replace(f, line=2) == Finding("CYCLE", "error", "loop", "y.md", 2, "acme", "y.md")
    assert Finding.of(d).severity == "warning" and Finding.of(d).ladder_id is None


def test_cli_exit_status_formats_and_ignore():
    runner = CliRunner()
    warn_only = str(FIXTURES / "duplicate_title" / "bad")
    result = runner.invoke(app, ["lint", warn_only])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stdout.splitlines() if "DUPLICATE_TITLE" in line]
    assert len(lines) == 2 and lines[0].startswith(warn_only) and ":11: DUPLICATE_TITLE " in lines[0]
    assert runner.invoke(app, ["lint", warn_only, "--strict"]).exit_code == 1
    assert runner.invoke(app, ["lint", warn_only, "--strict", "--ignore", "duplicate_title", "--ignore",
                               "LEVEL_CHECK_SKIPPED", "--ignore", "LEVEL_MISMATCH"]).exit_code == 0
    result = runner.invoke(app, ["lint", str(FIXTURES / "references" / "bad"), "--format", "json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["counts"]["error"] == 1 and data["ladders"][0]["levels"] == 2
    assert {f["code"] for f in data["findings"]} == {"UNRESOLVED_PARENT"}  # UNRESOLVED_LINK is opt-in
    result = runner.invoke(app, ["lint", str(FIXTURES / "references" / "bad"), "--format", "json",
                                 "--extend-select", "unresolved_link"])
    assert {f["code"] for f in json.loads(result.stdout)["findings"]} == {"UNRESOLVED_PARENT", "UNRESOLVED_LINK"}
    assert runner.invoke(app, ["lint", str(FIXTURES / "no-such-folder")]).exit_code == 2


def test_seeds_lint_without_a_crash(seeds_dir):
    loaded = load([seeds_dir])
    _, ladders, diags = resolve(loaded.roles)
    found = lint_ladders(ladders, loaded.diagnostics + diags)
    assert not [f for f in found if f.code == "INTERNAL_ERROR"]
    # "Same as Engineering Manager" in 001 and 002: that level is not among the seeds -> an error each
    unresolved = sorted(Path(f.source).name[:3] for f in found if f.code == "UNRESOLVED_PARENT")
    assert unresolved == ["001", "002"] and exit_status(found) == 1


@pytest.fixture(scope="module")
def corpus(ladders_dir):
    loaded = load([ladders_dir])
    roles, ladders, diags = resolve(loaded.roles)
    return loaded, roles, ladders, lint_ladders(ladders, loaded.diagnostics + diags, known_codes())


def test_every_corpus_ladder_lints_without_a_crash(corpus, ladders_dir):
    loaded, roles, ladders, found = corpus
    assert len(ladders) >= 15 and not [f for f in found if f.code == "INTERNAL_ERROR"]  # 20 repos, a few hold no level
    assert all("\n" not in str(f) for f in found)
    assert {f.ladder_id for f in found if f.ladder_id} <= {lad.id for lad in ladders}
    # each repository of the corpus alone (a ladder linted without its neighbours) does not crash either
    by_folder = defaultdict(list)
    for role in loaded.roles:
        by_folder[Path(role.source).relative_to(ladders_dir).parts[0]].append(role)
    for folder, folder_roles in by_folder.items():
        _, folder_ladders, folder_diags = resolve(folder_roles)
        alone = lint_ladders(folder_ladders, folder_diags, known_codes())
        assert not [f for f in alone if f.code == "INTERNAL_ERROR"], folder


def test_abtion_three_senior_engineering_managers(corpus):
    _, roles, _, found = corpus
    doc = "abtion__guidelines/career/engineering_manager_career_ladder.md"
    seniors = [r for r in roles if r.source.endswith(doc) and r.title == "Senior Engineering Manager"]
    assert len(seniors) == 3
    dup = {f.role_id for f in found if f.code == "DUPLICATE_TITLE"}
    assert {r.id for r in seniors} <= dup
    lines = {f.line for f in found if f.code == "DUPLICATE_TITLE" and f.source.endswith(doc)}
    assert {r.span[0] for r in seniors} <= lines


def test_gitlab_chain_has_no_unresolved_reference_inside_its_folder(corpus):
    _, roles, _, found = corpus
    folder = "/job-families/engineering/development/management/"
    gitlab = {r.id: r for r in roles if "development/management/" in r.source}
    refs = [(r, p) for r in gitlab.values() for p in (*r.parents, *([r.next_level] if r.next_level else []))]
    unresolved = [f for f in found if f.code.startswith(("UNRESOLVED", "AMBIGUOUS")) and f.role_id in gitlab]
    assert unresolved, "the links to /job-families/engineering/engineering-management/ are reported"
    inside = []
    for f in unresolved:  # the reference a finding is about: same file and line, its title and link in the message
        (role, ref), = [(r, p) for r, p in refs if r.source == f.source and p.line == f.line
                        and repr(p.title) in f.message and (not p.href or repr(p.href) in f.message)]
        assert ref.resolved_id is None
        if ref.href and ref.href.startswith(folder):
            inside.append((role, ref))
    # the management chain (EM -> Sr EM -> Director -> Sr Director -> VP) has none pointing inside the folder
    chain = [r for r in gitlab.values() if r.id.endswith(("#senior-engineering-manager-development",
                                                          "#director-development", "#senior-director-development",
                                                          "#vp-of-development", "/engineering-manager.md"))]
    assert len(chain) == 5 and not [ref for role, ref in inside if role in chain]
    # the one inside-pointing link is the Distinguished Engineer's "Principal Engineer" page, missing from the
    # corpus: reported (a warning), not hidden, and not part of the management chain
    assert [(role.title, ref.title) for role, ref in inside] == [("Distinguished Engineer", "Principal Engineer")]
    principal, = [f for f in unresolved if "principal-engineer" in f.message]
    assert principal.severity == "warning"
