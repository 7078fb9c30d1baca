"""Shared fixtures. Tests that need ``../shared`` (the seeds and the corpus) skip with a reason
when it is absent, as it is in a user's clone."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
CORPUS = SHARED / "corpus"
LADDERS = CORPUS / "ladders"
POSTINGS = CORPUS / "postings"
FIXTURES = Path(__file__).parent / "fixtures"


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"needs {path} (the shared seeds/corpus beside the project); absent in this checkout")
    return path


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return _need(SEEDS)


@pytest.fixture(scope="session")
def example_inputs() -> list[Path]:
    """The bundled example ladder, plus the seeds when ``../shared`` is present: the site and web-app
    tests run on a user's clone too, and show the seeds' job postings where they exist."""
    from careerladder.pipeline import EXAMPLE_LADDER

    return [EXAMPLE_LADDER, *([SEEDS] if SEEDS.exists() else [])]


@pytest.fixture(scope="session")
def example_build(tmp_path_factory, example_inputs):
    """``careerladder build`` of ``example_inputs``, run once: (out folder, BuildResult). Tests read it
    and copy what they change."""
    from careerladder.pipeline import build

    out = tmp_path_factory.mktemp("example-build")
    return out, build(example_inputs, out)


@pytest.fixture(scope="session")
def ladders_dir() -> Path:
    return _need(LADDERS)


@pytest.fixture(scope="session")
def postings_dir() -> Path:
    return _need(POSTINGS)


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory, seeds_dir):
    """``careerladder build ../shared/seeds`` run once: (BuildResult, {seed prefix: role dict})."""
    import json

    from careerladder.pipeline import build

    out = tmp_path_factory.mktemp("seed-build")
    result = build([seeds_dir], out)
    rows = [json.loads(line) for line in (out / "roles.jsonl").read_text().splitlines()]
    by_seed = {Path(r["source"]).name[:3]: r for r in rows}
    return result, by_seed, out


@pytest.fixture
def write(tmp_path):
    """write(name, text) -> Path: a file under a fresh temporary folder."""
    def _write(name: str, text: str | bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return path
    return _write


def log_problems(path: Path) -> list[str]:
    """The problem lines of an error log (every run's; the ``# ...`` run headers left out)."""
    return [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("# ")]


#: Run before a test's code in ``run_offline``: every socket call refused and recorded in ``attempts``.
_NO_NETWORK = r"""
import socket
attempts = []
def refuse(*args, **kwargs):
    attempts.append(repr(args)[:80])
    raise OSError("network blocked by the test")
socket.socket.connect = refuse
socket.socket.connect_ex = refuse
socket.create_connection = refuse
socket.getaddrinfo = refuse
"""


def run_offline(code: str, timeout: float = 120) -> dict:
    """Run ``code`` in a fresh Python process whose every socket call is refused (and recorded in a list
    ``attempts`` the code can report), with careerladder's ``src`` on the path; return the JSON object its
    last output line prints. Fails the test when the process fails."""
    import json
    import os
    import subprocess
    import sys

    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "HF_HUB_OFFLINE": "", "NO_PROXY": ""}
    out = subprocess.run([sys.executable, "-c", _NO_NETWORK + code], capture_output=True, text=True, env=env,
                         timeout=timeout)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])
