"""Lint checks that read meaning (careerladder.lint.semantic), both opt-in: NEAR_DUPLICATE (its fixture is a case of
tests/test_lint.py) and CROSS_LADDER_DRIFT, on fixtures we wrote."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from careerladder.cli import app
from careerladder.lint import default_codes, registered, select_codes
from careerladder.pipeline import lint_paths

FIXTURES = Path(__file__).parent / "fixtures" / "lint"
DOC = Path(__file__).parent.parent / "docs" / "lint.md"


def test_semantic_checks_are_registered_and_documented():
    semantic = {"NEAR_DUPLICATE", "CROSS_LADDER_DRIFT"}
    assert semantic <= {c.code for c in registered()} and not semantic & default_codes()
    doc = DOC.read_text(encoding="utf-8")
    assert "`NEAR_DUPLICATE`" in doc and "`CROSS_LADDER_DRIFT`" in doc


def test_near_duplicate_names_both_lines_and_the_similarity():
    found = [f for f in lint_paths([FIXTURES / "near_duplicate" / "bad"], select=["NEAR_DUPLICATE"]).findings
             if f.code == "NEAR_DUPLICATE"]
    assert len(found) == 1 and found[0].line == 15 and found[0].severity == "info"
    assert "line 8" in found[0].message and "similarity 0." in found[0].message


def test_cross_ladder_drift_is_off_by_default_and_names_what_each_asks():
    path = FIXTURES / "cross_ladder_drift"
    assert not [f for f in lint_paths([path]).findings if f.code == "CROSS_LADDER_DRIFT"]
    drift = [f for f in lint_paths([path], select=select_codes(extend=["CROSS_LADDER_DRIFT"])).findings
             if f.code == "CROSS_LADDER_DRIFT"]
    assert len(drift) == 1 and "director levels" in drift[0].message
    assert "People management" in drift[0].message and "Technical direction" in drift[0].message


def test_cross_ladder_drift_is_quiet_for_levels_that_ask_alike(tmp_path):
    for name in ("a", "b"):
        text = (FIXTURES / "cross_ladder_drift" / "people.md").read_text(encoding="utf-8")
        (tmp_path / f"{name}.md").write_text(text.replace("Quillon Bank", f"Company {name.upper()}"), encoding="utf-8")
    assert not [f for f in lint_paths([tmp_path], select=["CROSS_LADDER_DRIFT"]).findings
                if f.code == "CROSS_LADDER_DRIFT"]


def test_cli_extend_select():
    path = str(FIXTURES / "cross_ladder_drift")
    on = CliRunner().invoke(app, ["lint", path, "--extend-select", "cross_ladder_drift"])
    assert on.exit_code == 0 and "CROSS_LADDER_DRIFT" in on.output
    assert "CROSS_LADDER_DRIFT" not in CliRunner().invoke(app, ["lint", path]).output
