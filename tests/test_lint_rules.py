"""The rule registry of ladder lint (``careerladder.lint.rules``): the default set, selection as in ruff,
unknown codes, a code registered twice, ``--list-rules`` and ``--select`` on a ladder written by us."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from careerladder.cli import app
from careerladder.lint import Check, UnknownRule, default_codes, known_codes, register, registered, select_codes
from careerladder.lint.rules import OPT_IN_DIAGNOSTICS, SKIPPED_FILE_CODES, rule_rows

FIXTURES = Path(__file__).parent / "fixtures" / "lint"
OPT_IN = {"UNEVEN_STEP", "COVERAGE_DROP", "LEVEL_MISMATCH", "UNRESOLVED_LINK", "NEAR_DUPLICATE", "CROSS_LADDER_DRIFT"}


def test_the_default_set_leaves_the_opt_in_rules_and_skipped_files_out():
    assert not (OPT_IN | SKIPPED_FILE_CODES) & default_codes()
    assert {"VAGUE_STATEMENT", "REPEATED_STATEMENT", "UNRESOLVED_PARENT"} <= default_codes()
    assert "LEVEL_CHECK_SKIPPED" not in default_codes()  # its check, LEVEL_MISMATCH, is opt-in
    assert {c.code for c in registered() if not c.default} | OPT_IN_DIAGNOSTICS == OPT_IN


def test_selection():
    assert select_codes() == default_codes()
    assert select_codes(select=["vague_statement"]) == {"VAGUE_STATEMENT"}
    assert select_codes(extend=["level_mismatch"]) == default_codes() | {"LEVEL_MISMATCH", "LEVEL_CHECK_SKIPPED"}
    assert select_codes(every=True) == known_codes()
    assert "VAGUE_STATEMENT" not in select_codes(ignore=["Vague_Statement"])
    assert select_codes(ignore=["NOT_A_RULE"]) == default_codes()  # ignoring an unknown code is harmless
    with pytest.raises(UnknownRule, match="NOT_A_RULE"):
        select_codes(select=["not_a_rule"])


def test_a_code_cannot_be_registered_twice():
    with pytest.raises(ValueError, match="VAGUE_STATEMENT"):
        register(Check("VAGUE_STATEMENT", "warning", "again", lambda ctx: ()))
    with pytest.raises(ValueError, match="NO_ROLE"):
        register(Check("NO_ROLE", "info", "a reading code", lambda ctx: ()))


def test_rule_rows_name_every_reported_code_once():
    codes = [r["code"] for r in rule_rows()]
    assert len(codes) == len(set(codes)) and set(codes) == known_codes() - SKIPPED_FILE_CODES
    assert {r["code"] for r in rule_rows() if not r["default"]} == OPT_IN | {"LEVEL_CHECK_SKIPPED"}


def test_cli_list_rules_and_select():
    runner = CliRunner()
    listed = json.loads(runner.invoke(app, ["lint", "--list-rules", "--format", "json"]).stdout)["rules"]
    assert {r["code"] for r in listed if r["default"]} <= default_codes()
    bad = str(FIXTURES / "uneven_step" / "bad")
    assert "UNEVEN_STEP" not in runner.invoke(app, ["lint", bad]).stdout
    assert "UNEVEN_STEP" in runner.invoke(app, ["lint", bad, "--select", "UNEVEN_STEP"]).stdout
    assert "UNEVEN_STEP" in runner.invoke(app, ["lint", bad, "--all"]).stdout
    result = runner.invoke(app, ["lint", bad, "--select", "NOT_A_RULE"])
    assert result.exit_code == 2 and "NOT_A_RULE" in result.stderr
