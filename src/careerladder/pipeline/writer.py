"""The single writer of a run: counts what the analysis of each file gave, logs every problem, and writes
documents to the store in batches (``store.base.write_batch``: one transaction per batch, each document
whole or not at all; a posting that repeats one already stored is written folded into it,
``store.duplicates``). Used by ``ingest`` and the Dask engine; ``resolve_stored`` is the ladder step
over a store.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Callable, Sequence, TextIO

from .. import codec
from .. import thresholds as T
from ..errors import StoreError
from ..model import Diagnostic
from ..store import Store
from ..store.base import write_batch
from ..store.duplicates import Fold
from .analysis import Analyzed, Analyzer, FileResult, analysis_hash

@dataclass
class IngestSummary:
    """Counts of one ingest run.

    ``files``: files seen; ``files_failed``: files that could not be read; ``read``:
    documents read; ``stored``: documents written (new or changed); ``skipped``:
    documents already stored with this content and analysis version; ``reanalyzed``:
    documents analyzed again because the store held them from another analysis version;
    ``ladder_levels``: ladder levels resolved again by the ladder step; ``no_role``: documents that hold no
    role (not a job posting); ``not_postings``: files that hold no posting by design (an index,
    derived data: ``NOT_A_POSTING``); ``duplicates``: documents written folded into a posting
    already stored, by kind (``{"exact": n, "near": n}``, ``store.duplicates``; not counted in
    ``stored``); ``failed``: documents that could not be analyzed or
    stored; ``warnings``: limits a stored document ran into (``STATEMENT_CUT``,
    ``NESTING_CLAMPED``); ``roles``: roles written; ``elapsed``: seconds;
    ``errors_path``: the log holding one line per problem (files_failed + no_role +
    failed + warnings lines) after this run's header line; ``reasons``: skipped files and
    documents by reason (``Diagnostic.reason``: binary, unknown format, not a role document...).
    """

    files: int = 0
    files_failed: int = 0
    read: int = 0
    stored: int = 0
    skipped: int = 0
    reanalyzed: int = 0
    ladder_levels: int = 0
    no_role: int = 0
    not_postings: int = 0
    duplicates: dict[str, int] = field(default_factory=lambda: {"exact": 0, "near": 0})
    failed: int = 0
    warnings: int = 0
    roles: int = 0
    elapsed: float = 0.0
    errors_path: Path | None = None
    reasons: dict[str, int] = field(default_factory=dict)

    @property
    def documents_per_second(self) -> float:
        return self.read / self.elapsed if self.elapsed > 0 else 0.0

    def as_dict(self) -> dict:
        return {"files": self.files, "files_failed": self.files_failed, "read": self.read, "stored": self.stored,
                "skipped": self.skipped, "reanalyzed": self.reanalyzed, "ladder_levels": self.ladder_levels,
                "no_role": self.no_role, "not_postings": self.not_postings, "duplicates": dict(self.duplicates),
                "failed": self.failed,
                "warnings": self.warnings, "roles": self.roles,
                "elapsed": round(self.elapsed, 3), "documents_per_second": round(self.documents_per_second, 1),
                "errors_path": str(self.errors_path) if self.errors_path else None,
                "reasons": dict(sorted(self.reasons.items()))}


ProgressCallback = Callable[[IngestSummary], None]
ProblemCallback = Callable[[Diagnostic], None]


class Writer:
    """The parent's side: counts results, logs problems, writes documents in batches.

    ``log`` gets one line per problem; ``write_batch`` keeps each document atomic.
    """

    def __init__(self, store: Store, summary: IngestSummary, log: TextIO, batch_size: int | None = None,
                 analyzer: Analyzer | None = None, on_problem: ProblemCallback | None = None,
                 on_note: ProblemCallback | None = None):
        self.store, self.summary, self.log = store, summary, log
        #: Documents per store transaction (default ``thresholds.BATCH_DOCUMENTS``).
        self.batch_size = T.BATCH_DOCUMENTS if batch_size is None else batch_size
        self.on_problem, self.on_note = on_problem, on_note
        self.pending: list[Analyzed] = []
        #: Documents holding a ladder level, kept for the ladder step (``finish``) when ``analyzer`` is given.
        self.ladder_documents: list[Analyzed] = []
        self.analyzer = analyzer

    def add(self, result: FileResult) -> None:
        s = self.summary
        s.files += 1
        s.read += result.read
        s.skipped += result.skipped
        s.reanalyzed += result.reanalyzed
        for note in result.notes:
            if self.on_note is not None:
                self.on_note(note)
        for problem in result.problems:
            if problem.code == "NO_ROLE":
                s.no_role += 1
            elif problem.code == "NOT_A_POSTING":
                s.not_postings += 1
            elif problem.severity == "warning":
                s.warnings += 1
            elif result.read == 0:
                s.files_failed += 1
            else:
                s.failed += 1
            self.problem(problem)
        for item in result.analyzed:
            item = item if item.data is not None else item.encode()
            ladder = self.analyzer is not None and any(d.get("kind") == "ladder_level" for d in item.data or ())
            (self.ladder_documents if ladder else self.pending).append(item)
        if len(self.pending) >= self.batch_size:
            self.flush()

    def problem(self, problem: Diagnostic) -> None:
        self.log.write(" ".join(str(problem).split()) + "\n")
        if problem.reason:
            self.summary.reasons[problem.reason] = self.summary.reasons.get(problem.reason, 0) + 1
        if self.on_problem is not None:
            self.on_problem(problem)

    def flush(self) -> None:
        batch, self.pending = self.pending, []
        if not batch:
            return
        try:
            outcomes = write_batch(self.store, [(a.record, a.data) for a in batch])
        except StoreError as exc:  # the whole transaction failed: nothing of the batch is stored
            outcomes = [exc] * len(batch)
        self.count(batch, outcomes)

    def finish(self) -> None:
        """Write what is pending, then run the ladder step (``resolve_stored``) when the run analyzed
        ladder levels: they are written once, resolved with every ladder level already stored."""
        self.flush()
        if not self.ladder_documents or self.analyzer is None:
            return
        batch, self.ladder_documents = self.ladder_documents, []
        try:
            outcomes, self.summary.ladder_levels = resolve_stored(self.store, self.analyzer, batch)
        except StoreError as exc:
            outcomes = [exc] * len(batch)
        self.count(batch, outcomes)

    def count(self, batch: Sequence[Analyzed], outcomes: Sequence[Any]) -> None:
        """Count written, folded, unchanged and failed documents; one log line per failure."""
        for item, outcome in zip(batch, outcomes):
            if isinstance(outcome, Fold):
                self.summary.duplicates[outcome.kind] += 1
            elif outcome is True:
                self.summary.stored += 1
                self.summary.roles += len(item.data or ())
            elif outcome is False:
                self.summary.skipped += 1
            else:
                self.summary.failed += 1
                message = outcome.message if isinstance(outcome, StoreError) else str(outcome)
                self.problem(Diagnostic("STORE_ERROR", message, item.where, None, "error"))
        self.log.flush()


def resolve_stored(store: Store, analyzer: Analyzer, pending: Sequence[Analyzed] = ()
                   ) -> tuple[list[Any], int]:
    """The ladder step over a store: every ladder level stored, plus those of ``pending`` (encoded
    documents not written yet, which replace stored ones with the same key), resolved together
    (``Analyzer.resolve``) and written with their ladder and effective expectations; the stored
    ladders are replaced.

    Returns (one write outcome per ``pending`` document, as ``write_batch`` gives them; the number
    of ladder levels resolved). Documents whose roles come out the same are not rewritten.
    Raises ``StoreError`` when the store cannot be read or the ladders cannot be written.
    """
    new = {a.key for a in pending}
    documents = [(record, data) for record, data in store.documents(kind="ladder_level") if record.source not in new]
    documents += [(a.record, a.data or []) for a in pending]
    decoded = [(record, [codec.role_from_data(d) for d in data]) for record, data in documents]
    levels = [r for _, roles in decoded for r in roles if r.kind == "ladder_level"]
    if not levels:
        return write_batch(store, documents[len(documents) - len(pending):]), 0
    roles, ladders, _ = analyzer.resolve(levels)
    by_id = {r.id: r for r in roles}
    effective = {rid: exps for ladder in ladders for rid, exps in ladder.effective.items()}
    batch = []
    for record, doc_roles in decoded:
        data = [codec.role_data(by_id.get(r.id, r), effective.get(r.id)) for r in doc_roles]
        batch.append((replace(record, analysis_hash=analysis_hash(data)), data))
    outcomes = write_batch(store, batch)
    store.write_ladders([codec.ladder_data(lad) for lad in ladders])
    return outcomes[len(outcomes) - len(pending):], len(levels)
