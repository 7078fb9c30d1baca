"""Streaming ingest of job postings: files -> worker processes (read + analyze) -> one writer (the store).

``ingest(paths, db)`` walks the files lazily; each worker reads one file at a time
(``readers.read_path``), analyzes each of its documents (``pipeline.analyze``: parse,
extract, classify, level) and returns role dicts; the parent process is the only
writer and stores documents in batches (``store.base.write_batch``: one transaction
per batch, each document atomic). Memory stays flat: at most ``2 * jobs`` files are in
flight and one batch waits to be written.

* Document ids are stable across runs: the path relative to the input root
  (``pipeline.document_id``), ``#fragment`` for a record of a container file.
* Resumable: a document already stored with the same content hash is skipped before
  it is analyzed (``Store.has_document``); ``force=True`` re-analyzes everything and
  rewrites only what changed.
* Every failure is one line ``file[#fragment]: CODE reason`` in the error log
  (``READ_ERROR``, ``NO_ROLE``, ``INTERNAL_ERROR``, ``STORE_ERROR``, ``WORKER_DIED``), and so is
  every limit a stored document ran into (``STATEMENT_CUT``, ``NESTING_CLAMPED``: warnings).
* Ingest does not resolve inheritance: job postings take no part in it. Ladder levels
  ingested here keep their parent references unresolved; use ``careerladder build`` for
  career ladders (it resolves a whole ladder at once).
"""

from __future__ import annotations

import multiprocessing
import os
import time
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Sequence, TextIO

from . import codec
from .errors import CareerLadderError, ParseError, ReadError, StoreError
from .model import Diagnostic, Document
from .pipeline import analysis_hash, analyze, document_id
from .readers import iter_files, read_path
from .readers.base import limit_warnings
from .store import DocumentRecord, Store, open_store
from .store.base import write_batch

#: Documents written per store transaction.
BATCH_DOCUMENTS = 500
#: Files in flight per worker process (bounds memory: results of at most this many files wait).
FILES_IN_FLIGHT_PER_JOB = 2
#: Name of the error log written next to a SQLite database (or in the current folder).
ERROR_LOG_NAME = "careerladder-errors.log"


@dataclass(frozen=True, slots=True)
class FileTask:
    """One file to ingest: ``path`` as given and ``doc_id``, its stable id (unique in the run)."""

    path: str
    doc_id: str


@dataclass(frozen=True, slots=True)
class Analyzed:
    """A document ready to store: its record, its roles as ``roles.jsonl`` dicts, and ``where``
    (``path#fragment``, how the error log names it)."""

    record: DocumentRecord
    roles: list[dict]
    where: str


@dataclass(slots=True)
class FileResult:
    """What one file gave: analyzed documents, skipped ones, and problems (one Diagnostic each).

    ``read``: documents the file held (0 when it could not be read).
    """

    path: str
    read: int = 0
    analyzed: list[Analyzed] = field(default_factory=list)
    skipped: int = 0
    problems: list[Diagnostic] = field(default_factory=list)


@dataclass
class IngestSummary:
    """Counts of one ingest run.

    ``files``: files seen; ``files_failed``: files that could not be read; ``read``:
    documents read; ``stored``: documents written (new or changed); ``skipped``:
    documents already stored with this content; ``no_role``: documents that hold no
    role (not a job posting); ``failed``: documents that could not be analyzed or
    stored; ``warnings``: limits a stored document ran into (``STATEMENT_CUT``,
    ``NESTING_CLAMPED``); ``roles``: roles written; ``elapsed``: seconds;
    ``errors_path``: the log holding one line per problem (files_failed + no_role +
    failed + warnings lines).
    """

    files: int = 0
    files_failed: int = 0
    read: int = 0
    stored: int = 0
    skipped: int = 0
    no_role: int = 0
    failed: int = 0
    warnings: int = 0
    roles: int = 0
    elapsed: float = 0.0
    errors_path: Path | None = None

    @property
    def documents_per_second(self) -> float:
        return self.read / self.elapsed if self.elapsed > 0 else 0.0

    def as_dict(self) -> dict:
        return {"files": self.files, "files_failed": self.files_failed, "read": self.read, "stored": self.stored,
                "skipped": self.skipped, "no_role": self.no_role, "failed": self.failed,
                "warnings": self.warnings, "roles": self.roles,
                "elapsed": round(self.elapsed, 3), "documents_per_second": round(self.documents_per_second, 1),
                "errors_path": str(self.errors_path) if self.errors_path else None}


ProgressCallback = Callable[[IngestSummary], None]
StoredCheck = Callable[[str, str], bool]


# -- what a worker does -----------------------------------------------------------
def file_tasks(paths: Iterable[Path | str]) -> Iterator[FileTask]:
    """A task per file under ``paths`` (lazy), ids deduplicated within the run with ``~2``, ``~3``..."""
    seen: set[str] = set()
    for file, root in iter_files(paths):
        base = doc_id = document_id(file, root)
        n = 2
        while doc_id in seen:
            doc_id, n = f"{base}~{n}", n + 1
        seen.add(doc_id)
        yield FileTask(str(file), doc_id)


def analyze_file(task: FileTask, is_stored: StoredCheck | None = None) -> FileResult:
    """Read one file and analyze each of its documents; never raises for bad input.

    ``is_stored(source, content_hash)`` says whether a document may be skipped.
    """
    try:
        documents = read_path(task.path, task.path)
    except ReadError as exc:
        return FileResult(task.path, problems=[Diagnostic("READ_ERROR", exc.message, task.path, exc.line, "error")])
    except Exception as exc:  # noqa: BLE001 - a reader bug must not stop the batch
        return FileResult(task.path, problems=[_internal("reader failed", exc, task.path)])
    return analyze_documents(task, documents, is_stored)


def analyze_documents(task: FileTask, documents: Sequence[Document], is_stored: StoredCheck | None = None
                      ) -> FileResult:
    """Analyze the documents read from ``task``'s file: ids ``task.doc_id[#fragment]``, one result."""
    result = FileResult(task.path, read=len(documents))
    used: set[str] = set()
    for doc in documents:
        source = f"{task.doc_id}#{doc.fragment}" if doc.fragment else task.doc_id
        base, n = source, 2
        while source in used:
            source, n = f"{base}~{n}", n + 1
        used.add(source)
        where = f"{task.path}#{doc.fragment}" if doc.fragment else task.path
        if is_stored is not None and is_stored(source, doc.content_hash):
            result.skipped += 1
            continue
        result.problems.extend(limit_warnings(doc))  # text cut or nesting clamped: kept, and said
        try:
            roles = analyze(doc, source)
            data = [codec.role_data(role) for role in roles]
        except ParseError as exc:
            result.problems.append(Diagnostic("NO_ROLE", exc.message, where, exc.line, "info"))
            continue
        except Exception as exc:  # noqa: BLE001
            result.problems.append(_internal("analysis failed", exc, where))
            continue
        record = DocumentRecord(source, doc.content_hash, analysis_hash(data), doc.format, doc.metadata)
        result.analyzed.append(Analyzed(record, data, where))
    return result


def _internal(what: str, exc: BaseException, where: str) -> Diagnostic:
    return Diagnostic("INTERNAL_ERROR", f"{what}: {type(exc).__name__}: {exc}", where, None, "error")


#: The worker process's read-only store (opened once per process by ``_init_worker``).
_worker_store: Store | None = None


def _init_worker(db: str | None) -> None:
    """Open the store read-only for skip checks; without it the writer still skips unchanged documents."""
    global _worker_store
    try:
        _worker_store = open_store(db, readonly=True) if db else None
    except StoreError:
        _worker_store = None


def _ping() -> bool:
    return True


def _worker_task(task: FileTask) -> FileResult:
    check = _worker_store.has_document if _worker_store is not None else None
    return analyze_file(task, check)


# -- the single writer ------------------------------------------------------------
class Writer:
    """The parent's side: counts results, logs problems, writes documents in batches.

    ``log`` gets one line per problem; ``write_batch`` keeps each document atomic.
    """

    def __init__(self, store: Store, summary: IngestSummary, log: TextIO, batch_size: int = BATCH_DOCUMENTS):
        self.store, self.summary, self.log, self.batch_size = store, summary, log, batch_size
        self.pending: list[Analyzed] = []

    def add(self, result: FileResult) -> None:
        s = self.summary
        s.files += 1
        s.read += result.read
        s.skipped += result.skipped
        for problem in result.problems:
            if problem.code == "NO_ROLE":
                s.no_role += 1
            elif problem.severity == "warning":
                s.warnings += 1
            elif result.read == 0:
                s.files_failed += 1
            else:
                s.failed += 1
            self.problem(problem)
        self.pending.extend(result.analyzed)
        if len(self.pending) >= self.batch_size:
            self.flush()

    def problem(self, problem: Diagnostic) -> None:
        self.log.write(" ".join(str(problem).split()) + "\n")

    def flush(self) -> None:
        batch, self.pending = self.pending, []
        if not batch:
            return
        try:
            outcomes = write_batch(self.store, [(a.record, a.roles) for a in batch])
        except StoreError as exc:  # the whole transaction failed: nothing of the batch is stored
            outcomes = [exc] * len(batch)
        for item, outcome in zip(batch, outcomes):
            if outcome is True:
                self.summary.stored += 1
                self.summary.roles += len(item.roles)
            elif outcome is False:
                self.summary.skipped += 1
            else:
                self.summary.failed += 1
                message = outcome.message if isinstance(outcome, StoreError) else str(outcome)
                self.problem(Diagnostic("STORE_ERROR", message, item.where, None, "error"))
        self.log.flush()


# -- the run ----------------------------------------------------------------------
def default_errors_path(db: str | Path) -> Path:
    """Where the error log goes: beside a SQLite file, else in the current folder."""
    text = str(db)
    if text.startswith("sqlite:///"):
        text = text[len("sqlite:///"):]
    if "://" in text or text == ":memory:":
        return Path(ERROR_LOG_NAME)
    return Path(text).parent / ERROR_LOG_NAME


def ingest(paths: Sequence[Path | str], db: str | Path, *, jobs: int | None = None,
           errors_path: Path | str | None = None, batch_size: int = BATCH_DOCUMENTS, force: bool = False,
           progress: ProgressCallback | None = None, tasks: Iterable[FileTask] | None = None) -> IngestSummary:
    """Ingest every file under ``paths`` into the store at ``db``; returns the summary.

    ``jobs``: worker processes (default: CPU count; 1 runs in this process);
    ``errors_path``: the error log (default ``default_errors_path(db)``), rewritten
    each run; ``force``: analyze documents even when already stored; ``progress``:
    called with the running summary after each file; ``tasks``: files to ingest
    instead of walking ``paths`` (benchmarks replicate a corpus this way).
    Raises ``StoreError`` only when the store cannot be opened; bad input is logged.
    """
    jobs = max(1, jobs or os.cpu_count() or 1)
    summary = IngestSummary(errors_path=Path(errors_path) if errors_path else default_errors_path(db))
    tasks = tasks if tasks is not None else file_tasks(paths)
    started = time.perf_counter()
    store = open_store(db)
    try:
        summary.errors_path.parent.mkdir(parents=True, exist_ok=True)
        with open(summary.errors_path, "w", encoding="utf-8") as log:
            writer = Writer(store, summary, log, batch_size)

            def tick() -> None:
                summary.elapsed = time.perf_counter() - started
                if progress:
                    progress(summary)

            if jobs == 1:
                check = None if force else store.has_document
                for task in tasks:
                    writer.add(analyze_file(task, check))
                    tick()
            else:
                shared = None if force or str(db) == ":memory:" else str(db)
                for result in run_pool(tasks, jobs, shared):
                    writer.add(result)
                    tick()
            writer.flush()
            tick()
    finally:
        store.close()
    return summary


def run_pool(tasks: Iterable[FileTask], jobs: int, db: str | None) -> Iterator[FileResult]:
    """Results of ``tasks`` analyzed by ``jobs`` worker processes, in completion order.

    Keeps ``FILES_IN_FLIGHT_PER_JOB * jobs`` files in flight. A worker that dies (killed,
    out of memory) breaks the pool: the files that were in flight are retried one at a
    time in a fresh pool, and a file that kills its worker again gives a ``WORKER_DIED``
    problem instead of stopping the run.
    """
    method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)

    def new_pool() -> ProcessPoolExecutor:
        pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=_init_worker, initargs=(db,))
        try:
            pool.submit(_ping).result()
        except BrokenProcessPool as exc:
            pool.shutdown(wait=False, cancel_futures=True)
            raise CareerLadderError(f"worker processes cannot start ({exc}); try --jobs 1") from exc
        return pool

    limit = FILES_IN_FLIGHT_PER_JOB * jobs
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
                        result = FileResult(task.path, problems=[_internal("worker failed", exc, task.path)])
                    yield result
                if suspects:
                    suspects.extend(in_flight.values())
                    break
        finally:
            pool.shutdown(wait=not suspects, cancel_futures=True)
