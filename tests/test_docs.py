"""Docs stay true: the CLI reference is regenerated and compared, the README's two commands exist
and .ci/run calls the test one; Markdown docs' examples run as doctests (pytest --doctest-glob)."""

from __future__ import annotations

from pathlib import Path

from careerladder.cli.reference import cli_reference

ROOT = Path(__file__).resolve().parent.parent


def test_cli_reference_is_up_to_date():
    assert (ROOT / "docs" / "cli.md").read_text() == cli_reference(), \
        "docs/cli.md is stale: run python -m careerladder.cli.reference > docs/cli.md"


def test_readme_quickstart_commands_exist_and_ci_runs_the_test_command():
    readme = (ROOT / "README.md").read_text()
    assert "./scripts/demo" in readme and "./scripts/test" in readme
    for script in ("scripts/demo", "scripts/test", ".ci/run"):
        path = ROOT / script
        assert path.exists() and path.stat().st_mode & 0o111, script
    assert "./scripts/test" in (ROOT / ".ci" / "run").read_text()
