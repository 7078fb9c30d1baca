"""Streaming ingest of job postings: files -> worker processes (read + analyze) -> one writer (the store).

``ingest(paths, db)`` walks the files lazily; each worker process gets the run's ``Analyzer``
once and runs the one analysis path on one file at a time (``Analyzer.analyze_file``: read,
parse, extract, classify, level) and returns role dicts; the parent process is the only
writer and stores documents in batches (``store.base.write_batch``: one transaction
per batch, each document atomic). Memory stays flat: at most ``2 * jobs`` files are in
flight and one batch waits to be written.

* Documents are keyed as ``build`` keys them (``analysis.document_key``: the path relative to
  the input root, ``#fragment`` for a record of a container file), so a folder built and then
  ingested into one database is the same documents.
* Resumable: a document already stored with the same content and the same analysis version
  is skipped before it is analyzed (``Store.document_status``); one stored by another
  analysis version (another careerladder or leveling model) is analyzed again and counted as
  ``reanalyzed``; ``force=True`` re-analyzes everything and rewrites only what changed.
* The ladder step runs last: when the run stored ladder levels, every ladder level in the
  store is resolved again (``resolve_stored``), so each level keeps its ladder and effective
  expectations.
* Every failure is one line ``file[#fragment]: CODE reason`` in the error log
  (``READ_ERROR``, ``NO_ROLE``, ``INTERNAL_ERROR``, ``STORE_ERROR``, ``WORKER_DIED``), and so is
  every limit a stored document ran into (``STATEMENT_CUT``, ``NESTING_CLAMPED``: warnings).
"""

from __future__ import annotations

import multiprocessing
import os
import time
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Iterator, Sequence, TextIO

from .. import thresholds as T
from ..errors import CareerLadderError, StoreError
from ..model import Diagnostic
from ..store import Store, open_store
from ..version import __version__
from .analysis import Analyzer, FileResult, FileTask, file_tasks, internal_error
from .writer import IngestSummary, ProblemCallback, ProgressCallback, Writer

#: Name of the error log written next to a SQLite database (or in the current folder).
ERROR_LOG_NAME = "careerladder-errors.log"


# -- what a worker does -----------------------------------------------------------
#: The worker process's analyzer and read-only store (set once per process by ``_init_worker``).
_worker_analyzer: Analyzer | None = None
_worker_store: Store | None = None


def _init_worker(analyzer: Analyzer, db: str | None) -> None:
    """Keep the run's analyzer (its models load on first use, once per process) and open the store
    read-only for skip checks; without a store the writer still skips unchanged documents."""
    global _worker_analyzer, _worker_store
    _worker_analyzer = analyzer
    try:
        _worker_store = open_store(db, readonly=True) if db else None
    except StoreError:
        _worker_store = None


def _ping() -> bool:
    return True


def _worker_task(task: FileTask) -> FileResult:
    assert _worker_analyzer is not None, "worker started without _init_worker"
    check = _worker_store.document_status if _worker_store is not None else None
    return _worker_analyzer.analyze_file(task, check).encode()


# -- the run ----------------------------------------------------------------------
def default_errors_path(db: str | Path) -> Path:
    """Where the error log goes: beside a SQLite file, else in the current folder."""
    text = str(db)
    if text.startswith("sqlite:///"):
        text = text[len("sqlite:///"):]
    if "://" in text or text == ":memory:":
        return Path(ERROR_LOG_NAME)
    return Path(text).parent / ERROR_LOG_NAME


@contextmanager
def run_log(summary: IngestSummary, command: str, inputs: Sequence[Path | str]) -> Iterator[TextIO]:
    """The error log of one run, opened for appending: earlier runs' lines are kept, and this run's
    lines follow a header ``# <UTC time> careerladder <version> <command> <inputs>``."""
    assert summary.errors_path is not None
    summary.errors_path.parent.mkdir(parents=True, exist_ok=True)
    with open(summary.errors_path, "a", encoding="utf-8") as log:
        stamp = datetime.now(timezone.utc).isoformat(timespec="seconds")
        log.write(f"# {stamp} careerladder {__version__} {command} {' '.join(map(str, inputs))}\n")
        yield log


def discard_if_nothing_stored(db: str | Path, existed: bool | Path, summary: IngestSummary) -> bool:
    """When a run could store nothing and found nothing stored, remove the SQLite database it created
    (with its ``-wal``/``-shm`` files), an error log holding only its own lines, and the folders made
    for them: nothing is left behind. ``existed``: what ``_existed(db)`` said before the run.
    Returns True when it removed the database."""
    text = str(db).removeprefix("sqlite:///")
    if existed is True or summary.stored or summary.skipped or any(summary.duplicates.values()) \
            or "://" in text or text == ":memory:":
        return False
    for suffix in ("", "-wal", "-shm"):
        Path(text + suffix).unlink(missing_ok=True)
    log = summary.errors_path
    if log is not None and log.exists() and log.read_text(encoding="utf-8").count("\n# ") == 0:
        log.unlink()
    if isinstance(existed, Path):  # the first folder this run made: remove it and what it holds, if empty
        for folder in sorted((p for p in [existed, *existed.rglob("*")] if p.is_dir()), key=lambda p: -len(p.parts)):
            if not any(folder.iterdir()):
                folder.rmdir()
    return True


def _existed(db: str | Path) -> bool | Path:
    """True when ``db`` is a URL or an existing file; else False, or the first of its folders that does not
    exist yet (the run will make it)."""
    text = str(db).removeprefix("sqlite:///")
    if "://" in text or text == ":memory:" or Path(text).exists():
        return True
    missing = [p for p in Path(text).absolute().parents if not p.exists()]
    return missing[-1] if missing else False


def ingest(paths: Sequence[Path | str], db: str | Path, *, jobs: int | None = None,
           errors_path: Path | str | None = None, batch_size: int | None = None, force: bool = False,
           progress: ProgressCallback | None = None, tasks: Iterable[FileTask] | None = None,
           analyzer: Analyzer | None = None, on_problem: ProblemCallback | None = None,
           on_note: ProblemCallback | None = None) -> IngestSummary:
    """Ingest every file under ``paths`` into the store at ``db``; returns the summary.

    ``analyzer``: the analysis (default ``Analyzer()``: the shipped models), given once to each
    worker process; ``jobs``: worker processes (default: CPU count; 1 runs in this process);
    ``errors_path``: the error log (default ``default_errors_path(db)``), appended to with a
    header per run (``run_log``); ``on_problem``: called with each problem as it is logged;
    ``on_note``: with what reading chose for a file (``FIELDS``: the fields of an export), once per file;
    ``force``: analyze documents even when already stored; ``progress``:
    called with the running summary after each file; ``tasks``: files to ingest
    instead of walking ``paths`` (benchmarks replicate a corpus this way).
    Raises ``StoreError`` only when the store cannot be opened; bad input is logged. When
    nothing could be stored into a new SQLite database, it is removed (``discard_if_nothing_stored``).
    """
    jobs = max(1, jobs or os.cpu_count() or 1)
    existed = _existed(db)
    analyzer = analyzer or Analyzer()
    summary = IngestSummary(errors_path=Path(errors_path) if errors_path else default_errors_path(db))
    tasks = tasks if tasks is not None else file_tasks(paths)
    started = time.perf_counter()
    store = open_store(db)
    try:
        with run_log(summary, "ingest", paths) as log:
            writer = Writer(store, summary, log, batch_size, analyzer, on_problem, on_note)

            def tick() -> None:
                summary.elapsed = time.perf_counter() - started
                if progress:
                    progress(summary)

            if jobs == 1:
                check = None if force else store.document_status
                for task in tasks:
                    writer.add(analyzer.analyze_file(task, check))
                    tick()
            else:
                shared = None if force or str(db) == ":memory:" else str(db)
                for result in run_pool(tasks, jobs, shared, analyzer):
                    writer.add(result)
                    tick()
            writer.finish()
            tick()
    finally:
        store.close()
    discard_if_nothing_stored(db, existed, summary)
    return summary


def run_pool(tasks: Iterable[FileTask], jobs: int, db: str | None, analyzer: Analyzer) -> Iterator[FileResult]:
    """Results of ``tasks`` analyzed by ``jobs`` worker processes, in completion order.

    Keeps ``thresholds.FILES_IN_FLIGHT_PER_JOB * jobs`` files in flight. A worker that dies (killed,
    out of memory) breaks the pool: the files that were in flight are retried one at a
    time in a fresh pool, and a file that kills its worker again gives a ``WORKER_DIED``
    problem instead of stopping the run.
    """
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)

    def new_pool() -> ProcessPoolExecutor:
        pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_init_worker, initargs=(analyzer, db))
        try:
            pool.submit(_ping).result()
        except BrokenProcessPool as exc:
            pool.shutdown(wait=False, cancel_futures=True)
            raise CareerLadderError(f"worker processes cannot start ({exc}); try --jobs 1") from exc
        return pool

    limit = T.FILES_IN_FLIGHT_PER_JOB * jobs
    it = iter(tasks)
    suspects: list[FileTask] = []
    while True:
        pool = new_pool()
        try:
            while suspects:  # alone, so the file that kills its worker is known
                task = suspects.pop(0)
                try:
                    result = pool.submit(_worker_task, task).result()
                except BrokenProcessPool:
                    result = FileResult(task.path, problems=[Diagnostic(
                        "WORKER_DIED", "the worker process died reading this file (killed or out of memory)",
                        task.path, None, "error")])
                    pool.shutdown(wait=False, cancel_futures=True)
                    pool = new_pool()
                yield result
            in_flight: dict[Future, FileTask] = {}
            while True:
                while len(in_flight) < limit:
                    task = next(it, None)
                    if task is None:
                        break
                    try:
                        in_flight[pool.submit(_worker_task, task)] = task
                    except BrokenProcessPool:
                        suspects.append(task)
                        break
                if not in_flight and not suspects:
                    return
                done, _ = wait(in_flight, return_when=FIRST_COMPLETED)
                for future in done:
                    task = in_flight.pop(future)
                    try:
                        result = future.result()
                    except BrokenProcessPool:
                        suspects.append(task)
                        continue
                    except Exception as exc:  # noqa: BLE001 - e.g. a result that cannot be pickled
                        result = FileResult(task.path, problems=[internal_error("worker failed", exc, task.path)])
                    yield result
                if suspects:
                    suspects.extend(in_flight.values())
                    break
        finally:
            pool.shutdown(wait=not suspects, cancel_futures=True)
