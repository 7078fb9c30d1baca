"""Every command of the README's "Using it" block, run as a user would on a fresh copy of the project with
no ``../shared`` beside it: each exits 0 and prints what the README says it does."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CLI = Path(sys.executable).parent / "careerladder"
#: What each README command must print (a piece of its standard output), by the words that start it.
EXPECTED = {
    "build examples/ladder-two-tracks": "site      out/site/index.html",
    "inspect examples/postings/text": "Chief Technology Officer",
    "ladder examples/ladder-two-tracks": "Ladder: Saltfern Mobility management",
    "level examples/postings": "text says",
    "level examples/untitled": "(no title)",
    "calibrate examples/ladder-two-tracks": "Across companies",
    "diff m4-senior-engineering-manager.md": "Director of Engineering versus Senior Engineering Manager",
    "assess --evidence": "Noor Haddad: VP of Engineering",
    "lint examples/ladder-two-tracks": "",
    "ingest examples/corpus": "careerladder ingest",
    "report --db out/postings.db": "Market report:",
    "export ladders --db": '"name": "Saltfern Mobility management"',
    "export ladder saltfern-mobility": "competency,Software Engineer,Senior Software Engineer",
    "ladder examples/ladder-data": "continues from Ridgeback Freight shared, after Engineer",
    "serve --db out/careerladder.db": "",
}


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("## Using it", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    commands = []
    for line in block.splitlines():
        line = re.sub(r"\s+#.*$", "", line).strip()
        if line.startswith("careerladder "):
            commands.append(line[len("careerladder "):])
    return commands


def expectation(command: str) -> str:
    keys = [k for k in EXPECTED if command.startswith(k)]
    assert len(keys) == 1, f"no expectation for the README command {command!r}: add one to EXPECTED"
    return EXPECTED[keys[0]]


@pytest.fixture(scope="module")
def fresh_copy(tmp_path_factory) -> Path:
    """The project's files, without the virtual environment, outputs or ../shared, in a new folder."""
    copy = tmp_path_factory.mktemp("clone") / "careerladder"
    shutil.copytree(ROOT, copy, ignore=shutil.ignore_patterns(
        ".venv", ".git", "__pycache__", "*.egg-info", "careerladder-out", "out", ".pytest_cache"))
    assert not (copy.parent / "shared").exists()
    return copy


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(copy: Path, args: list[str]) -> None:
    """Start ``serve`` (on a free port: 8000 may be taken on a test machine), fetch /, stop it."""
    port = free_port()
    proc = subprocess.Popen([str(CLI), *args, "--port", str(port)], cwd=copy, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:
                    assert response.status == 200 and b"Saltfern Mobility" in response.read()
                    return
            except OSError:
                assert proc.poll() is None, proc.communicate()[0]
                assert time.monotonic() < deadline, "serve did not answer in 30 s"
                time.sleep(0.3)
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_readme_lists_the_commands_it_promises():
    commands = readme_commands()
    assert len(commands) == len(EXPECTED)
    for command in commands:
        expectation(command)
    assert all("../shared" not in c for c in commands)


def test_every_readme_command_runs_on_a_fresh_copy(fresh_copy):
    env = {**os.environ, "COLUMNS": "120"}
    for command in readme_commands():  # in README order: build writes out/ that later commands read
        args = command.split()
        if args[0] == "serve":
            serve(fresh_copy, args)
            continue
        result = subprocess.run([str(CLI), *args], cwd=fresh_copy, capture_output=True, text=True, env=env,
                                timeout=300)
        assert result.returncode == 0, (command, result.stdout[-2000:], result.stderr[-2000:])
        assert expectation(command) in result.stdout, (command, result.stdout[-2000:])
