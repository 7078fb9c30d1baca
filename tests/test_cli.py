"""The CLI: commands parse options, call the library, print; exit codes a script can use."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from careerladder.cli import app

runner = CliRunner()


def test_build_example_prints_outputs(tmp_path):
    result = runner.invoke(app, ["build", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert str(tmp_path / "roles.jsonl") in result.output
    assert "6 (6 ladder levels, 0 job postings)" in result.output


def test_build_nothing_readable_exits_1(tmp_path):
    (tmp_path / "e.md").write_text("")
    result = runner.invoke(app, ["build", str(tmp_path / "e.md"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert "empty file" in result.output


def test_inspect_text_and_json(tmp_path):
    f = tmp_path / "d.md"
    f.write_text("# Director\n\n*Same as Manager, but also...*\n\n## Should have\n\n- 5+ years managing managers\n")
    text = runner.invoke(app, ["inspect", str(f)])
    assert text.exit_code == 0
    assert "L7 5+ years managing managers" in text.output and "years_experience ≥5 (management)" in text.output
    data = json.loads(runner.invoke(app, ["inspect", str(f), "--format", "json"]).stdout)
    assert data[0]["title"] == "Director" and data[0]["parents"][0]["title"] == "Manager"


def test_inspect_a_folder_is_a_usage_error(tmp_path):
    assert runner.invoke(app, ["inspect", str(tmp_path)]).exit_code == 2


def test_ladder_shows_origins(tmp_path):
    from careerladder.pipeline import EXAMPLE_LADDER
    result = runner.invoke(app, ["ladder", str(EXAMPLE_LADDER)])
    assert result.exit_code == 0
    assert "[inherited from Engineering Manager]" in result.output
    data = json.loads(runner.invoke(app, ["ladder", str(EXAMPLE_LADDER), "-f", "json"]).stdout)
    assert [lv["title"] for lv in data[0]["levels"]][0] == "Engineering Manager"


def test_every_command_has_help():
    for name in ("build", "inspect", "ladder"):
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0 and len(result.output) > 100
