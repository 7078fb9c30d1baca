"""Streaming ingest: resumable runs over the seeds, the error log, a deterministic sample of the postings
corpus, worker processes, and both stores."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pg
import pytest
from typer.testing import CliRunner

from careerladder.cli import app
from careerladder.pipeline import Analyzer, FileTask, default_errors_path, file_tasks, ingest
from careerladder.store import open_store
from conftest import log_problems

#: One line of the error log: ``file[#fragment][:line]: CODE message``.
LOG_LINE = re.compile(r"^(?P<file>[^#\n]+?)(?:#(?P<fragment>[^:\n]+))?(?::\d+)?: "
                      r"(?P<code>READ_ERROR|NO_ROLE|NOT_A_POSTING|INTERNAL_ERROR|STORE_ERROR|WORKER_DIED|"
                      r"STATEMENT_CUT|NESTING_CLAMPED|RECORD_SKIPPED) \S.*$")
#: Files taken from each folder of the postings corpus for the sample run (every n-th, sorted).
SAMPLE_PER_FOLDER = 12
#: Container files above this size (a month of HN posts, the EMSCAD CSV) are limited to one per folder.
LARGE_FILE_BYTES = 300_000


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_seeds_ingest_twice_stores_nothing_the_second_time(seeds_dir, tmp_path, backend):
    url = pg.store_url(backend, tmp_path)
    log = tmp_path / "errors.log"
    first = ingest([seeds_dir], url, jobs=1, errors_path=log)
    assert (first.files, first.read, first.stored, first.roles) == (5, 5, 5, 5)
    assert first.skipped == first.failed == first.no_role == first.files_failed == 0
    assert log_problems(log) == []
    second = ingest([seeds_dir], url, jobs=2, errors_path=log)
    assert (second.read, second.stored, second.skipped) == (5, 0, 5)
    store = open_store(url)
    assert store.counts()["documents"] == 5
    ids = sorted(r["id"] for r in store.roles())
    assert ids == sorted(p.name for p in seeds_dir.iterdir() if p.is_file())  # stable: relative to the root
    kinds = sorted(r["kind"] for r in store.roles())
    assert kinds == ["job_posting", "job_posting", "ladder_level", "ladder_level", "ladder_level"]
    store.close()


def test_worker_processes_store_the_same_as_one_process(seeds_dir, tmp_path):
    one = ingest([seeds_dir], tmp_path / "one.db", jobs=1, errors_path=tmp_path / "one.log")
    two = ingest([seeds_dir], tmp_path / "two.db", jobs=2, errors_path=tmp_path / "two.log")
    assert one.as_dict() | {"elapsed": 0, "documents_per_second": 0, "errors_path": None} == \
        two.as_dict() | {"elapsed": 0, "documents_per_second": 0, "errors_path": None}
    a, b = open_store(tmp_path / "one.db"), open_store(tmp_path / "two.db")
    assert list(a.roles()) == list(b.roles())
    assert a.counts() == b.counts()


def test_bad_input_is_one_line_each_and_the_batch_goes_on(write, tmp_path, seeds_dir):
    root = write("in/ok.md", (seeds_dir / sorted(p.name for p in seeds_dir.iterdir())[1]).read_text()).parent
    write("in/empty.md", "")
    write("in/binary.txt", b"\x00\x01\x02 not text")
    write("in/notes.md", "# Grocery list\n\n- apples\n- pears\n")
    write("in/sub/broken.md", "---\ntitle: [unclosed\n---\n# Engineering Manager\n\n- Coach people\n")
    log = tmp_path / "errors.log"
    summary = ingest([root], tmp_path / "x.db", jobs=1, errors_path=log)
    assert summary.files == 5 and summary.stored == 1
    lines = log_problems(log)
    assert len(lines) == summary.files_failed + summary.failed + summary.no_role == 4
    parsed = [LOG_LINE.match(line) for line in lines]
    assert all(parsed), lines
    by_file = {Path(m["file"]).name: m["code"] for m in parsed}
    assert by_file == {"binary.txt": "READ_ERROR", "broken.md": "READ_ERROR", "empty.md": "READ_ERROR",
                       "notes.md": "NO_ROLE"}


def test_changed_file_is_stored_again_and_force_reanalyzes(write, tmp_path):
    path = write("in/em.md", "# Engineering Manager\n\n## Requirements\n\n- 3+ years managing engineers\n")
    db, log = tmp_path / "x.db", tmp_path / "e.log"
    assert ingest([path.parent], db, jobs=1, errors_path=log).stored == 1
    forced = ingest([path.parent], db, jobs=1, errors_path=log, force=True)
    assert (forced.read, forced.stored, forced.skipped) == (1, 0, 1)  # analyzed again, nothing changed
    path.write_text("# Engineering Manager\n\n## Requirements\n\n- 5+ years managing engineers\n")
    again = ingest([path.parent], db, jobs=1, errors_path=log)
    assert (again.stored, again.skipped) == (1, 0)
    role, = open_store(db).roles()
    assert role["requirements"][0]["min"] == 5.0


def test_document_ids_are_stable_and_unique(tmp_path, write):
    a = write("one/posting.md", "# Engineering Manager\n\n- Coach people\n")
    b = write("two/posting.md", "# Director of Engineering\n\n- Coach managers\n")
    ids = [t.key for t in file_tasks([a, b])]
    assert ids == ["posting.md", "posting.md~2"]
    assert [t.key for t in file_tasks([tmp_path])] == ["one/posting.md", "two/posting.md"]
    result = Analyzer().analyze_file(FileTask(str(a), "x/posting.md"))
    assert [x.key for x in result.analyzed] == ["x/posting.md"]
    assert [x.record.source for x in result.encode().analyzed] == ["x/posting.md"]
    assert result.analyzed[0].roles[0].id.startswith("x/posting.md")


def test_default_error_log_sits_beside_a_sqlite_database(tmp_path):
    assert default_errors_path(tmp_path / "db" / "c.db") == tmp_path / "db" / "careerladder-errors.log"
    assert default_errors_path("postgresql://u@h/db") == Path("careerladder-errors.log")


def _corpus_sample(postings_dir: Path) -> list[FileTask]:
    """Every n-th file of each corpus folder (sorted), so each posting format is in the sample;
    at most one large container file (a month of HN posts) per folder keeps the test quick."""
    sample = []
    for folder in sorted(p for p in postings_dir.iterdir() if p.is_dir()):
        tasks = list(file_tasks([folder]))
        step = max(1, len(tasks) // SAMPLE_PER_FOLDER)
        large = 0
        for t in tasks[::step][:SAMPLE_PER_FOLDER]:
            if Path(t.path).stat().st_size > LARGE_FILE_BYTES:
                large += 1
                if large > 1:
                    continue
            sample.append(FileTask(t.path, f"{folder.name}/{t.key}"))
    return sample


def test_a_sample_of_the_postings_corpus_ingests_without_a_crash(postings_dir, tmp_path):
    sample = _corpus_sample(postings_dir)
    assert len({Path(t.key).parts[0] for t in sample}) >= 5
    log = tmp_path / "errors.log"
    s = ingest([], tmp_path / "x.db", jobs=2, errors_path=log, tasks=sample)
    assert s.files == len(sample)
    assert s.stored + sum(s.duplicates.values()) + s.skipped + s.no_role + s.failed == s.read
    lines = log_problems(log)
    assert len(lines) == s.files_failed + s.failed + s.no_role + s.not_postings + s.warnings
    paths = {t.path for t in sample}
    for line in lines:
        m = LOG_LINE.match(line)
        assert m and m["file"] in paths, line
        assert m["code"] not in ("INTERNAL_ERROR", "WORKER_DIED", "STORE_ERROR"), line  # no crash, no lost write
    store = open_store(tmp_path / "x.db")
    assert store.counts()["documents"] == s.stored + sum(s.duplicates.values())  # folded ones keep their key
    assert store.duplicate_counts() == s.duplicates
    assert store.counts()["roles"] == s.roles
    stored_files = {r["source"] for r in store.roles()}
    remote = {t.path for t in sample if "/jobs/" in t.path and t.path.endswith("README.md")
              and "RemoteWLB" in t.path}
    assert remote and remote <= stored_files  # every RemoteWLB posting in the sample became a role


def test_cli_ingest_prints_the_summary_and_writes_the_log(seeds_dir, tmp_path):
    db = tmp_path / "out" / "c.db"
    result = CliRunner().invoke(app, ["ingest", str(seeds_dir), "--db", str(db), "--jobs", "1", "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert (summary["read"], summary["stored"], summary["failed"]) == (5, 5, 0)
    assert (db.parent / "careerladder-errors.log").exists()
    again = CliRunner().invoke(app, ["ingest", str(seeds_dir), "--db", str(db), "--jobs", "1"])
    assert again.exit_code == 0 and "skipped (already stored)  5" in " ".join(again.stdout.split("\u2502"))


def test_cli_ingest_of_nothing_readable_exits_1_and_leaves_nothing(write, tmp_path):
    path = write("in/empty.md", "")
    result = CliRunner().invoke(app, ["ingest", str(path), "--db", str(tmp_path / "x.db"), "--jobs", "1"])
    assert result.exit_code == 1
    assert f"{path}: READ_ERROR empty file" in result.stderr  # the reason on the terminal, not only in a log
    assert "no document could be stored (1 skipped: 1 empty); nothing was written" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in"]  # no database, no error log


def test_error_logs_of_two_runs_both_survive(write, tmp_path):
    write("in/empty.md", "")
    write("in/em.md", "# Engineering Manager\n\n## Requirements\n\n- 3+ years managing engineers\n")
    db, log = tmp_path / "x.db", tmp_path / "e.log"
    ingest([tmp_path / "in"], db, jobs=1, errors_path=log)
    ingest([tmp_path / "in"], db, jobs=1, errors_path=log)
    lines = log.read_text().splitlines()
    assert [line.startswith("# ") for line in lines] == [True, False, True, False]
    assert " careerladder " in lines[0] and lines[1] == lines[3] and "READ_ERROR empty file" in lines[1]


def test_cli_ingest_prints_progress_lines_when_not_on_a_terminal(write, tmp_path):
    write("in/em.md", "# Engineering Manager\n\n## Requirements\n\n- 3+ years managing engineers\n")
    result = CliRunner().invoke(app, ["ingest", str(tmp_path / "in"), "--db", str(tmp_path / "x.db"), "--jobs", "1"])
    assert result.exit_code == 0
    progress = [line for line in result.stderr.splitlines() if line.startswith("ingest: ")]
    assert progress[0] == "ingest: started, 1 file" and progress[-1].startswith("ingest: done, 1/1 files, 1 document")


def test_limits_a_document_ran_into_are_logged_as_warnings_and_it_is_stored(write, tmp_path):
    long_item = "- Own the " + "very " * 1000 + "large budget\n"
    deep = "".join("  " * depth + "- level\n" for depth in range(15))
    path = write("in/em.md", f"# Engineering Manager\n\n## Requirements\n\n{long_item}\n## Expectations\n\n{deep}")
    log = tmp_path / "e.log"
    summary = ingest([path.parent], tmp_path / "x.db", jobs=1, errors_path=log)
    assert (summary.stored, summary.failed, summary.warnings) == (1, 0, 2)
    lines = log_problems(log)
    assert [line.split()[1] for line in lines] == ["STATEMENT_CUT", "NESTING_CLAMPED"]
    assert all(line.startswith(str(path)) for line in lines), lines
