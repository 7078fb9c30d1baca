"""One convention for every command (docs/cli.md, "Conventions"): a path that does not exist exits 2, an
empty folder and a folder of junk exit 1, each skipped file is one line ``PATH: CODE reason``, and
nothing is left behind."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from careerladder.cli import app
from careerladder.version import __version__

#: Each command that reads paths, as a function of (the path, a scratch folder) -> its arguments.
COMMANDS = {
    "build": lambda p, out: ["build", str(p), "--out", str(out / "o")],
    "inspect": lambda p, out: ["inspect", str(p / "notes.md" if p.is_dir() and (p / "notes.md").exists() else p)],
    "ladder": lambda p, out: ["ladder", str(p)],
    "level": lambda p, out: ["level", str(p)],
    "calibrate": lambda p, out: ["calibrate", str(p)],
    "lint": lambda p, out: ["lint", str(p)],
    "diff": lambda p, out: ["diff", "a.md", "b.md", "--in", str(p)],
    "ingest": lambda p, out: ["ingest", str(p), "--db", str(out / "o" / "x.db"), "--jobs", "1"],
    "assess": lambda p, out: ["assess", "--ladder", str(p), "--level", "Director", "-e", str(out / "ev.md")],
}


@pytest.fixture
def scratch(tmp_path):
    (tmp_path / "scratch").mkdir()
    (tmp_path / "scratch" / "ev.md").write_text("- Hired four engineering managers.\n", encoding="utf-8")
    return tmp_path / "scratch"


def run(args):
    return CliRunner().invoke(app, args)


def left_behind(scratch) -> list[str]:
    return sorted(p.name for p in scratch.iterdir() if p.name != "ev.md")


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_missing_path_exits_2_with_one_line(command, tmp_path, scratch):
    missing = tmp_path / "nope"
    result = run(COMMANDS[command](missing, scratch))
    assert result.exit_code == 2, result.output
    assert f"{missing}: NOT_FOUND no such file or folder" in result.stderr.splitlines()
    assert left_behind(scratch) == []


@pytest.mark.parametrize("command", sorted(set(COMMANDS) - {"inspect"}))
def test_an_empty_folder_exits_1_with_one_line(command, tmp_path, scratch):
    (tmp_path / "empty").mkdir()
    result = run(COMMANDS[command](tmp_path / "empty", scratch))
    assert result.exit_code == 1, result.output
    assert f"{tmp_path / 'empty'}: NO_INPUT no files in this folder" in result.stderr.splitlines()
    assert left_behind(scratch) == []


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_folder_of_junk_names_every_file_and_exits_1(command, tmp_path, scratch):
    junk = tmp_path / "junk"
    junk.mkdir()
    (junk / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (junk / "report.docx").write_bytes(b"PK\x03\x04\x14\x00")
    (junk / "notes.md").write_text("# Grocery list\n\n- apples\n- pears\n", encoding="utf-8")
    result = run(COMMANDS[command](junk, scratch))
    assert result.exit_code == 1, result.output
    lines = result.stderr.splitlines()
    assert f"{junk / 'notes.md'}: NO_ROLE not a role document: title 'Grocery list' names no role" in lines
    if command != "inspect":  # inspect reads the one file it is given
        assert f"{junk / 'logo.png'}: READ_ERROR binary file (.png), not a text document" in lines
        assert f"{junk / 'report.docx'}: READ_ERROR binary file (.docx), not a text document" in lines
        assert any("3 skipped: 2 binary, 1 not a role document" in line for line in lines), lines
    assert left_behind(scratch) == []


@pytest.mark.parametrize("command", ["report", "export", "serve"])
def test_a_missing_or_empty_database_is_one_line(command, tmp_path):
    args = {"report": ["report"], "export": ["export", "roles"], "serve": ["serve"]}[command]
    missing = run(args + ["--db", str(tmp_path / "nope.db")])
    assert missing.exit_code == 2 and f"{tmp_path / 'nope.db'}: NOT_FOUND" in missing.stderr
    empty = tmp_path / "empty.db"
    from careerladder.store import open_store
    open_store(empty).close()
    result = run(args + ["--db", str(empty)])
    assert result.exit_code == 1 and f"{empty}: NO_INPUT the database holds no roles" in result.stderr


def test_version_and_help_speak_the_users_words():
    assert run(["--version"]).stdout.strip() == f"careerladder {__version__}"
    for command in ["build", "lint", "ingest", "assess", "level", "export"]:
        text = run([command, "--help"]).stdout
        assert "<bool>" not in text and "list[" not in text and "<path>" not in text, (command, text)
