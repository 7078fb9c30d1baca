"""The pipeline on a Dask cluster (the ``dask`` extra: dask[dataframe], distributed, pyarrow).

Two ways in, both running the one analysis path (``pipeline.analysis.Analyzer``: read, parse,
extract, classify, level) with the run's ``Analyzer`` (pickled with each task: it carries model
paths, and each worker process loads the models once):

* ``ingest_dask(paths, db, scheduler=...)``: ``careerladder ingest --engine dask``. Files are
  analyzed on the cluster's workers (they must see the files at the same paths) and the
  results stream back to this process, the single writer, in batches.
* ``analyze_dataset(dataset, output, scheduler=...)``: maps the pipeline over the partitions
  of a JSON Lines or Parquet dataset of documents and writes Parquet (one row per role or
  problem, written by the workers) or a PostgreSQL database (each partition writes its own
  documents with COPY; the ``postgresql://`` URL must be reachable from the workers). A
  SQLite database is written by this process, the single writer, as partitions finish.

A dataset record is one document file: ``{"id": str, "source": str, "text": str}`` — ``id``
the stable document key (``analysis.document_key``; records of a container file get
``id#fragment``), ``source`` the name it came from (its suffix helps choose the reader; it
names the document in the error log), ``text`` the file's decoded text. ``write_dataset``
makes such a dataset from files.

``scheduler`` is a Dask scheduler address (``tcp://host:8786``); without it and without a
``client``, a ``LocalCluster`` with one single-threaded worker process per core is started.
"""

from __future__ import annotations

import io
import itertools
import json
import os
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterable, Iterator, Mapping, Sequence

from .. import thresholds as T
from ..errors import CareerLadderError
from ..model import Diagnostic
from ..readers.base import decode, read_bytes
from ..store import Store, open_store
from .analysis import Analyzer, FileResult, FileTask, file_tasks
from .ingest import _existed, default_errors_path, discard_if_nothing_stored, run_log
from .writer import IngestSummary, ProblemCallback, ProgressCallback, Writer, resolve_stored

#: Columns of a dataset record and of the Parquet output.
RECORD_COLUMNS = ("id", "source", "text")
OUTPUT_COLUMNS = ("document", "status", "role_id", "title", "organization", "kind", "level", "title_level",
                  "inflation", "content_hash", "data", "error")


# -- per-record work (runs on the workers) ------------------------------------------
def analyze_record(record: Mapping[str, Any], analyzer: Analyzer | None = None, status=None) -> FileResult:
    """Read and analyze one dataset record (``{"id", "source", "text"}``) with ``Analyzer.analyze_text``;
    never raises for bad input. The result is encoded (role dicts, ready to store or to send back)."""
    source = str(record.get("source") or record.get("id") or "record")
    task = FileTask(source, str(record.get("id") or source))
    text = record.get("text")
    if not isinstance(text, str):
        return FileResult(source, problems=[Diagnostic("READ_ERROR", "record has no text", source, None, "error")])
    return (analyzer or Analyzer()).analyze_text(task, text, status).encode()


@contextmanager
def _store_or_none(url: str | None, readonly: bool = True) -> Iterator[Store | None]:
    """The store at ``url`` for the length of one task (None when there is none or it cannot be opened)."""
    store = None
    if url:
        try:
            store = open_store(url, readonly=readonly)
        except CareerLadderError:
            store = None
    try:
        yield store
    finally:
        if store is not None:
            store.close()


def _file_tasks(tasks: list[FileTask], check_url: str | None, analyzer: Analyzer) -> list[FileResult]:
    with _store_or_none(check_url) as store:
        check = store.document_status if store is not None else None
        return [analyzer.analyze_file(task, check).encode() for task in tasks]


def _partition_results(frame, check_url: str | None, analyzer: Analyzer) -> list[FileResult]:
    """Every record of a partition analyzed (documents already in ``check_url`` skipped)."""
    with _store_or_none(check_url) as store:
        check = store.document_status if store is not None else None
        return [analyze_record(record, analyzer, check) for record in frame.to_dict("records")]


def _rows(result: FileResult) -> list[dict[str, Any]]:
    """Output rows of one record: a row per role, and a row per problem."""
    rows = []
    for item in result.analyzed:
        for role in item.data or ():
            lv = role.get("leveling") or {}
            rows.append({"document": item.key, "status": "role", "role_id": role["id"],
                         "title": role["title"], "organization": role.get("organization"), "kind": role["kind"],
                         "level": lv.get("level"), "title_level": lv.get("title_level"),
                         "inflation": lv.get("inflation"), "content_hash": item.document.content_hash,
                         "data": json.dumps(role, ensure_ascii=False), "error": None})
    for p in result.problems:
        rows.append({c: None for c in OUTPUT_COLUMNS} | {
            "document": p.source, "status": "no_role" if p.code == "NO_ROLE" else "failed",
            "error": " ".join(str(p).split())})
    return rows


def _empty_rows():
    import pandas as pd

    return pd.DataFrame({k: pd.Series([], dtype=object) for k in OUTPUT_COLUMNS})


def _partition_to_rows(frame, analyzer: Analyzer):
    import pandas as pd

    rows = []
    for record in frame.to_dict("records"):
        rows += _rows(analyze_record(record, analyzer))
    return pd.DataFrame(rows, columns=list(OUTPUT_COLUMNS)).astype(object) if rows else _empty_rows()


def _partition_to_store(frame, url: str, analyzer: Analyzer):
    """Analyze a partition and write it to the store at ``url`` (on the worker): one row of counts + problems."""
    import pandas as pd

    summary, log = IngestSummary(), io.StringIO()
    with _store_or_none(url, readonly=False) as store:
        if store is None:
            raise CareerLadderError("cannot open the database from this worker", url)
        writer = Writer(store, summary, log)
        for result in _partition_results(frame, url, analyzer):
            writer.add(result)
        writer.flush()
    return pd.DataFrame([{key: getattr(summary, key) for key in _COUNTS} | {"problems": log.getvalue().rstrip("\n")}])


_COUNTS = ("files", "files_failed", "read", "stored", "skipped", "no_role", "failed", "roles")


# -- the client side ------------------------------------------------------------------
@contextmanager
def dask_client(scheduler: str | None = None, client=None, workers: int | None = None):
    """A ``distributed.Client``: the one given, one connected to ``scheduler``, or a new LocalCluster."""
    from distributed import Client, LocalCluster

    if client is not None:
        yield client
        return
    if scheduler:
        with Client(scheduler) as c:
            yield c
        return
    n = workers or os.cpu_count() or 1
    with LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Client(cluster) as c:
        yield c


def ingest_dask(paths: Sequence[Path | str], db: str | Path, *, scheduler: str | None = None, client=None,
                workers: int | None = None, errors_path: Path | str | None = None,
                batch_size: int | None = None, force: bool = False, progress: ProgressCallback | None = None,
                tasks: Iterable[FileTask] | None = None, analyzer: Analyzer | None = None,
                on_problem: ProblemCallback | None = None) -> IngestSummary:
    """``ingest`` with the files analyzed on a Dask cluster; this process writes. Same summary and error log.

    Files go to the cluster ``thresholds.DASK_FILES_PER_TASK`` at a time, with ``thresholds.FILES_IN_FLIGHT_PER_JOB`` tasks
    per worker thread in flight. The files of a task that fails on the cluster (its worker
    killed again and again) become ``WORKER_DIED`` lines.
    """
    from distributed import as_completed

    analyzer = analyzer or Analyzer()
    existed = _existed(db)
    summary = IngestSummary(errors_path=Path(errors_path) if errors_path else default_errors_path(db))
    tasks = iter(tasks if tasks is not None else file_tasks(paths))
    started = time.perf_counter()
    store = open_store(db)
    check = None if force or str(db) == ":memory:" else str(db)
    try:
        with run_log(summary, "ingest --engine dask", paths) as log, dask_client(scheduler, client, workers) as c:
            writer = Writer(store, summary, log, batch_size, analyzer, on_problem)
            threads = sum(c.nthreads().values()) or 1
            pending = as_completed()
            by_future: dict = {}

            def submit() -> bool:
                group = list(itertools.islice(tasks, T.DASK_FILES_PER_TASK))
                if not group:
                    return False
                future = c.submit(_file_tasks, group, check, analyzer, pure=False)
                by_future[future.key] = group
                pending.add(future)
                return True

            for _ in range(T.FILES_IN_FLIGHT_PER_JOB * threads):
                if not submit():
                    break
            for future in pending:
                group = by_future.pop(future.key)
                try:
                    results = future.result()
                except Exception as exc:  # noqa: BLE001 - KilledWorker and friends: log the files, go on
                    code = "WORKER_DIED" if type(exc).__name__ == "KilledWorker" else "INTERNAL_ERROR"
                    results = [FileResult(task.path, problems=[Diagnostic(
                        code, f"task failed on the cluster: {type(exc).__name__}: {exc}", task.path, None, "error")])
                        for task in group]
                future.release()
                for result in results:
                    writer.add(result)
                submit()
                summary.elapsed = time.perf_counter() - started
                if progress:
                    progress(summary)
            writer.finish()
    finally:
        store.close()
    discard_if_nothing_stored(db, existed, summary)
    summary.elapsed = time.perf_counter() - started
    return summary


def analyze_dataset(dataset: str | Path, output: str | Path, *, scheduler: str | None = None, client=None,
                    workers: int | None = None, blocksize: int | None = None,
                    errors_path: Path | str | None = None, analyzer: Analyzer | None = None) -> IngestSummary:
    """Map the pipeline over the partitions of a JSONL (``*.jsonl``) or Parquet dataset; returns the summary.

    ``dataset``: a file, folder or glob of records (shape in the module docstring).
    ``output``: a folder for Parquet (``OUTPUT_COLUMNS``; ``status`` is ``role``, ``no_role``
    or ``failed``; ``data`` the role as JSON; a problem is a row whose ``document`` is where it
    is, ``source#fragment``, and ``error`` its log line), or a store
    URL (problems go to ``errors_path``, default beside the database). Counts: ``files`` are
    records. Raises ``CareerLadderError`` when the dataset cannot be read or lacks ``text``.
    """
    import dask
    import dask.dataframe as dd

    started = time.perf_counter()
    analyzer = analyzer or Analyzer()
    frame = _read_dataset(dd, str(dataset), T.DASK_BLOCKSIZE if blocksize is None else blocksize)
    out = str(output)
    summary = IngestSummary()
    with dask_client(scheduler, client, workers) as c:
        if not _is_store_url(out):
            import pyarrow as pa

            rows = frame.map_partitions(_partition_to_rows, analyzer, meta=_empty_rows())
            rows.to_parquet(out, write_index=False, schema=pa.schema([(k, pa.string()) for k in OUTPUT_COLUMNS]),
                            compute_kwargs={"scheduler": c})
            _count_parquet(out, summary)
            summary.elapsed = time.perf_counter() - started
            return summary
        summary.errors_path = Path(errors_path) if errors_path else default_errors_path(out)
        store = open_store(out)  # migrates once, before any partition writes
        try:
            with run_log(summary, "analyze_dataset", [dataset]) as log:
                if out.startswith(("postgresql://", "postgres://")):  # the workers write, in parallel
                    meta = {k: "i8" for k in _COUNTS} | {"problems": object}
                    parts = frame.map_partitions(_partition_to_store, out, analyzer, meta=meta).to_delayed()
                    for future in _bounded(c, parts):
                        row = future.result().iloc[0]
                        for key in _COUNTS:
                            setattr(summary, key, getattr(summary, key) + int(row[key]))
                        if row["problems"]:
                            log.write(row["problems"] + "\n")
                    _, summary.ladder_levels = resolve_stored(store, analyzer)  # the ladder step, once, here
                else:  # SQLite: the workers analyze, this process writes
                    writer = Writer(store, summary, log, analyzer=analyzer)
                    parts = [dask.delayed(_partition_results)(p, out, analyzer) for p in frame.to_delayed()]
                    for future in _bounded(c, parts):
                        for result in future.result():
                            writer.add(result)
                    writer.finish()
        finally:
            store.close()
    summary.elapsed = time.perf_counter() - started
    return summary


def _bounded(c, delayed_parts: Sequence, per_thread: int | None = None):
    """Futures of ``delayed_parts`` computed on ``c`` as they complete, a bounded number at a time."""
    from distributed import as_completed

    parts = iter(delayed_parts)
    pending = as_completed()
    limit = (T.FILES_IN_FLIGHT_PER_JOB if per_thread is None else per_thread) * (sum(c.nthreads().values()) or 1)
    for part in parts:
        pending.add(c.compute(part))
        if pending.count() >= limit:
            break
    for future in pending:
        yield future
        future.release()
        part = next(parts, None)
        if part is not None:
            pending.add(c.compute(part))


def _is_store_url(out: str) -> bool:
    return out.startswith(("postgresql://", "postgres://", "sqlite:///")) or \
        out.endswith((".db", ".sqlite", ".sqlite3")) or out == ":memory:"


def _count_parquet(out: str, summary: IngestSummary) -> None:
    import pyarrow.parquet as pq

    table = pq.read_table(out, columns=["document", "status"])
    statuses = table.column("status").to_pylist()
    summary.roles = statuses.count("role")
    summary.no_role = statuses.count("no_role")
    summary.failed = statuses.count("failed")
    summary.read = len(set(table.column("document").to_pylist()))


def _read_dataset(dd, dataset: str, blocksize: int):
    path = Path(dataset)
    parquet = dataset.endswith(".parquet") or (path.is_dir() and any(path.glob("*.parquet")))
    try:
        if parquet:
            frame = dd.read_parquet(dataset, columns=list(RECORD_COLUMNS))
        else:
            target = str(path / "*.jsonl") if path.is_dir() else dataset
            frame = dd.read_json(target, lines=True, blocksize=blocksize, dtype=False)
    except Exception as exc:  # noqa: BLE001 - pandas/pyarrow raise many kinds
        raise CareerLadderError(f"cannot read the dataset: {type(exc).__name__}: {exc}", dataset) from exc
    if "text" not in frame.columns:
        raise CareerLadderError("dataset records need a 'text' column (and 'id', 'source')", dataset)
    return frame


def iter_records(paths: Sequence[Path | str], problems: list[Diagnostic] | None = None
                 ) -> Iterator[dict[str, Any]]:
    """Dataset records (``{"id", "source", "text"}``) for the files under ``paths``.

    A file that cannot be read is not a record; its problem is appended to ``problems``.
    """
    for task in file_tasks(paths):
        try:
            text = decode(read_bytes(Path(task.path), task.path), task.path)
        except CareerLadderError as exc:
            if problems is not None:
                problems.append(Diagnostic("READ_ERROR", exc.message, task.path, exc.line, "error"))
            continue
        yield {"id": task.key, "source": task.path, "text": text}


def write_dataset(paths: Sequence[Path | str], out: Path | str, *, fmt: str = "jsonl",
                  records_per_part: int | None = None) -> tuple[int, list[Diagnostic]]:
    """Write the files under ``paths`` as a dataset folder of ``part-N.jsonl`` or ``part-N.parquet``
    files; returns (records written, problems of files that could not be read). Streams: at most
    ``records_per_part`` (default ``thresholds.DASK_RECORDS_PER_PART``) records are in memory."""
    records_per_part = T.DASK_RECORDS_PER_PART if records_per_part is None else records_per_part
    if fmt not in ("jsonl", "parquet"):
        raise ValueError(f"fmt must be 'jsonl' or 'parquet', not {fmt!r}")
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    part, buffer, total = 0, [], 0
    problems: list[Diagnostic] = []

    def flush() -> None:
        nonlocal part, buffer
        if not buffer:
            return
        target = folder / f"part-{part:05d}.{fmt}"
        if fmt == "jsonl":
            with open(target, "w", encoding="utf-8") as fh:
                fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in buffer)
        else:
            import pyarrow as pa
            import pyarrow.parquet as pq
            pq.write_table(pa.Table.from_pylist(buffer), target)
        part, buffer = part + 1, []

    for record in iter_records(paths, problems):
        buffer.append(record)
        total += 1
        if len(buffer) >= records_per_part:
            flush()
    flush()
    return total, problems
