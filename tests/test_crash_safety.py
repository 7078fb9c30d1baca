"""Crash safety: ``careerladder ingest`` killed with SIGKILL in the middle of its writes, then run
again, leaves a database that passes ``PRAGMA integrity_check``, holds no partial role, and ends
with exactly the roles of a clean run; ingesting the same input once more adds nothing.

The postings are generated here in our own words (300 small files); the killed run writes in
batches of 25 documents so that the kill lands between and during many commits.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from careerladder.store.sqlite import flatten_statements

FILES = 300
BATCH = 25
TITLES = ["Engineering Manager", "Senior Engineering Manager", "Director of Engineering", "VP of Engineering",
          "Head of Platform Engineering", "Engineering Manager, Payments", "CTO"]
TECH = ["Go and Kubernetes", "Python, Django and PostgreSQL", "TypeScript and React", "Java and Kafka"]
CLI = [sys.executable, "-c", "from careerladder.cli import main; main()"]
#: The same ingest the CLI runs, with small batches (the CLI writes 500 documents per transaction).
LIBRARY = [sys.executable, "-c", "import sys; from careerladder.pipeline.ingest import ingest; "
           f"ingest([sys.argv[1]], sys.argv[2], jobs=2, batch_size={BATCH})"]


def write_postings(folder: Path, n: int) -> None:
    """``n`` job postings, each different (numbers, company, stack), some sharing a title."""
    folder.mkdir()
    for i in range(n):
        title, tech = TITLES[i % len(TITLES)], TECH[i % len(TECH)]
        (folder / f"posting-{i:04}.md").write_text(
            f"# {title}\n\n### Example Company {i}\n\n"
            f"We are hiring a {title.lower()} to lead a team of {5 + i % 20} engineers building our "
            f"product number {i}.\n\n## Requirements\n\n- {3 + i % 8}+ years of experience managing engineers\n"
            f"- Experience with {tech}\n- Hire, coach and grow engineers; run weekly 1:1s\n\n"
            f"## Benefits\n\n- Remote-first, work from anywhere\n", encoding="utf-8")


def run(command: list[str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(command + list(args), capture_output=True, text=True, timeout=600, env=_env())


def _env() -> dict[str, str]:
    env = dict(os.environ)
    src = str(Path(__file__).resolve().parent.parent / "src")
    env["PYTHONPATH"] = src + os.pathsep + env.get("PYTHONPATH", "")
    return env


def stored_documents(db: Path) -> int:
    """Documents committed so far, read without disturbing the writer (0 before the schema exists)."""
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.1)
        try:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def kill_mid_run(folder: Path, db: Path) -> int:
    """Start an ingest, SIGKILL its whole process group once some batches are committed; the
    number of documents committed just before the kill."""
    proc = subprocess.Popen(LIBRARY + [str(folder), str(db)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            env=_env(), start_new_session=True)
    try:
        deadline = time.monotonic() + 300
        seen = 0
        while proc.poll() is None and time.monotonic() < deadline:
            seen = stored_documents(db)
            if seen >= 2 * BATCH:
                break
            time.sleep(0.01)
        assert proc.poll() is None, f"ingest ended before it could be killed: {proc.stderr.read()[-500:]}"
        os.killpg(proc.pid, signal.SIGKILL)  # the writer and its worker processes, mid-write
    finally:
        proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    return seen


def check(db: Path) -> dict[str, str]:
    """Integrity and completeness of a database no process is writing; its roles as {id: data}."""
    copy = db.parent / f"check-{db.name}"
    for suffix in ("", "-wal"):  # a copy, so checking never changes the database under test
        if Path(f"{db}{suffix}").exists():
            shutil.copyfile(f"{db}{suffix}", f"{copy}{suffix}")
    conn = sqlite3.connect(copy)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        conn.execute("INSERT INTO statements_fts(statements_fts) VALUES ('integrity-check')")
        roles = {rid: data for rid, data in conn.execute("SELECT id, data FROM roles")}
        documents = {source for (source,) in conn.execute("SELECT source FROM documents")}
        assert {json.loads(d)["id"] for d in roles.values()} == set(roles)
        per_document = dict(conn.execute("SELECT document, count(*) FROM roles GROUP BY document"))
        assert set(per_document) == documents  # no document row without its roles, no role without its document
        for rid, data in roles.items():  # no role without all of its rows
            role = json.loads(data)
            assert conn.execute("SELECT count(*) FROM statements WHERE role_id = ?", (rid,)).fetchone()[0] \
                == sum(1 for _ in flatten_statements(role))
            assert conn.execute("SELECT count(*) FROM requirements WHERE role_id = ?", (rid,)).fetchone()[0] \
                == len(role["requirements"])
            assert conn.execute("SELECT count(*) FROM parents WHERE role_id = ?", (rid,)).fetchone()[0] \
                == len(role["parents"])
        return roles
    finally:
        conn.close()


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="needs POSIX process groups")
def test_ingest_killed_mid_run_recovers_exactly(tmp_path):
    folder = tmp_path / "postings"
    write_postings(folder, FILES)

    clean = run(CLI, "ingest", str(folder), "--db", str(tmp_path / "clean.db"), "--jobs", "2", "--json")
    assert clean.returncode == 0, clean.stderr[-2000:]
    assert json.loads(clean.stdout)["stored"] == FILES
    expected = check(tmp_path / "clean.db")
    assert len(expected) == FILES

    db = tmp_path / "killed.db"
    committed = kill_mid_run(folder, db)
    survived = check(db)  # the database a crash leaves: sound, with whole roles only
    assert 2 * BATCH <= committed <= len(survived) < FILES
    assert all(expected[rid] == data for rid, data in survived.items())

    restarted = run(LIBRARY, str(folder), str(db))
    assert restarted.returncode == 0, restarted.stderr[-2000:]
    assert check(db) == expected

    with sqlite3.connect(db) as conn:
        before = conn.execute("SELECT source, ingested_at FROM documents ORDER BY source").fetchall()
    again = run(CLI, "ingest", str(folder), "--db", str(db), "--jobs", "2", "--json")
    assert again.returncode == 0, again.stderr[-2000:]
    summary = json.loads(again.stdout)
    assert (summary["stored"], summary["skipped"], summary["failed"]) == (0, FILES, 0)
    assert check(db) == expected
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT source, ingested_at FROM documents ORDER BY source").fetchall() == before
