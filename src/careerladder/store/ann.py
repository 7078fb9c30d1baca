"""Approximate nearest-neighbour search over the statement vectors of a SQLite store, kept beside the
database file (``usearch``'s HNSW graph), with exact search below a size threshold.

Files: ``<database>.vectors/<seq>.usearch`` (the graph and its float32 vectors, keys = statement
rowids), ``<seq>.npy`` (every statement's vector as float16, rows in rowid order, memory-mapped: the
exact search of a selective filter reads it) and ``<seq>.npz`` (the rowids, the filter columns as
codes, and what the files were made from: database id, model, change sequence). ``<seq>`` is the last
``vector_changes`` sequence number they include; the ``.npz`` is written last, so a set without it is
unfinished and ignored, and older sets are deleted once a newer one is complete.

Freshness: SQLite migration 7 logs every insert, delete and vector update of ``statements`` in
``vector_changes`` (triggers, so every writer is seen). ``AnnIndex.load`` applies the changes logged
after its files' sequence (remove, then add again), and rebuilds from the statements when the files
are missing, belong to another database or model, cover fewer statements than are stored, or when
more than ``thresholds.VECTOR_INDEX_REBUILD_SHARE`` of them changed. A writable store saves the
updated files and trims the log when it is closed (``careerladder build`` and ``ingest`` close their
store), so a reader usually opens a current index by memory-mapping it.

Below ``thresholds.VECTOR_INDEX_MIN`` statements the search is exact (``vectors.VectorIndex``), and
nothing is written beside the database.
"""

from __future__ import annotations

import json
import math
import os
import sqlite3
from pathlib import Path
from typing import Any, Mapping

import numpy as np

from .. import thresholds as T
from ..embed import DIMENSIONS, MODEL_ID, from_bytes
from .vectors import Fetch, VectorIndex

COLUMNS = ("kind", "level", "competency", "organization")
_ROWS = ("SELECT s.rowid, s.vector, r.kind, r.level, s.competency, r.organization "
         "FROM statements s JOIN roles r ON r.id = s.role_id")


def index_dir(database: str | Path) -> Path:
    """Where the index files of ``database`` live: ``<database>.vectors/``."""
    return Path(f"{database}.vectors")


def _scalar(fetch: Fetch, sql: str, args: tuple = ()) -> Any:
    rows = fetch(sql, args)
    return rows[0][0] if rows else None


class AnnIndex:
    """``VectorIndex``'s interface (``load(fetch, token)``, ``nearest(query, k, filters)``) over an HNSW
    index kept in files beside ``database`` (``None``: in memory only, never saved).

    ``writable``: ``save(fetch)`` may write the files and trim ``vector_changes``. Attributes after
    ``load``: ``mode`` (``"exact"`` or ``"ann"``), ``rebuilt`` (this load built the graph anew).
    """

    def __init__(self, database: str | Path | None, *, writable: bool = False):
        self.dir = index_dir(database) if database not in (None, ":memory:") else None
        self.writable = writable
        self.exact = VectorIndex()
        self.token: str | None = None
        self.mode = "exact"
        self.rebuilt = False
        self.dirty = False
        self.graph: Any = None
        self.viewed = False
        self.seq = 0
        self.db_id = ""
        self.rowids = np.zeros(0, dtype=np.int64)
        self.vectors = np.zeros((0, DIMENSIONS), dtype=np.float16)
        self.codes = np.zeros((len(COLUMNS), 0), dtype=np.int32)
        self.values: list[dict[Any, int]] = [{} for _ in COLUMNS]
        self.subsets: dict[tuple, Any] = {}

    def __len__(self) -> int:
        return len(self.exact) if self.mode == "exact" else len(self.rowids)

    # -- keeping it current -----------------------------------------------------
    def load(self, fetch: Fetch, token: str) -> None:
        """Bring the index up to the store's state (a no-op when ``token`` is unchanged)."""
        if token == self.token:
            return
        self.subsets = {}
        count = int(_scalar(fetch, "SELECT count(*) FROM statements") or 0)
        if count < T.VECTOR_INDEX_MIN or not _has_log(fetch):
            self.mode, self.graph = "exact", None
            self.exact.load(fetch, token)
            self.token = token
            return
        self.exact = VectorIndex()
        self.mode = "ann"
        seq = int(_scalar(fetch, "SELECT seq FROM sqlite_sequence WHERE name = 'vector_changes'") or 0)
        db_id = str(_scalar(fetch, "SELECT id FROM vector_index_id") or "")
        if self.graph is None or self.db_id != db_id or self.seq > seq:
            self._read(db_id, seq)
        if self._gap(fetch, seq):  # the log was trimmed past our files: a newer set should exist
            self._read(db_id, seq)
            if self._gap(fetch, seq):
                self.graph = None
        if self.graph is not None and self.seq < seq:
            changed = [r[0] for r in fetch("SELECT DISTINCT statement FROM vector_changes WHERE seq > ?",
                                           (self.seq,))]
            if len(changed) > T.VECTOR_INDEX_REBUILD_SHARE * max(1, len(self.rowids)):
                self.graph = None
            else:
                self._apply(fetch, np.asarray(sorted(changed), dtype=np.int64))
                self.seq = seq
        if self.graph is None or len(self.rowids) != count:
            self._rebuild(fetch, seq)
        self.db_id = db_id
        self.token = token

    def _gap(self, fetch: Fetch, seq: int) -> bool:
        """True when changes after our files' sequence are missing from the log."""
        if self.graph is None or self.seq >= seq:
            return False
        first = _scalar(fetch, "SELECT min(seq) FROM vector_changes WHERE seq > ?", (self.seq,))
        return first is None or first > self.seq + 1

    def _read(self, db_id: str, seq: int) -> None:
        """The newest complete set of files made from this database and model, not newer than ``seq``."""
        self.graph = None
        if self.dir is None or not self.dir.is_dir():
            return
        from usearch.index import Index

        for n in sorted((int(p.stem) for p in self.dir.glob("*.npz") if p.stem.isdigit()), reverse=True):
            try:
                with np.load(self.dir / f"{n}.npz", allow_pickle=False) as z:
                    meta = json.loads(str(z["meta"]))
                    if meta.get("db") != db_id or meta.get("model") != MODEL_ID or n > seq:
                        continue
                    rowids, codes = z["rowids"], z["codes"]
                    values = [{v: i for i, v in enumerate(vs)} for vs in meta["values"]]
                vectors = np.load(self.dir / f"{n}.npy", mmap_mode="r")
                graph = Index.restore(str(self.dir / f"{n}.usearch"), view=True)
            except (OSError, ValueError, KeyError, RuntimeError):
                continue
            if graph is None or vectors.shape != (len(rowids), DIMENSIONS):
                continue
            self.graph, self.seq, self.rowids, self.codes, self.vectors, self.values = (
                graph, n, rowids, codes, vectors, values)
            self.viewed = True
            graph.expansion_search = T.VECTOR_INDEX_EXPANSION_SEARCH
            return

    def _new_graph(self) -> Any:
        from usearch.index import Index

        return Index(ndim=DIMENSIONS, metric="ip", dtype="f32", connectivity=T.VECTOR_INDEX_CONNECTIVITY,
                     expansion_add=T.VECTOR_INDEX_EXPANSION_ADD, expansion_search=T.VECTOR_INDEX_EXPANSION_SEARCH)

    def _rows(self, fetch: Fetch, sql: str, args: Any) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        rows = fetch(sql, args)
        rowids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
        vectors = from_bytes([bytes(r[1]) if r[1] is not None else None for r in rows]).astype(np.float16)
        codes = np.array([[self.values[c].setdefault(r[c + 2], len(self.values[c])) for r in rows]
                          for c in range(len(COLUMNS))], dtype=np.int32).reshape(len(COLUMNS), len(rows))
        return rowids, vectors, codes

    def _rebuild(self, fetch: Fetch, seq: int) -> None:
        self.values = [{} for _ in COLUMNS]
        rowids, vectors, codes = self._rows(fetch, _ROWS + " ORDER BY s.rowid", ())
        graph = self._new_graph()
        keep = np.any(vectors, axis=1)
        if keep.any():
            graph.add(rowids[keep].astype(np.uint64), vectors[keep].astype(np.float32), threads=os.cpu_count() or 1)
        self.graph, self.rowids, self.vectors, self.codes, self.seq = graph, rowids, vectors, codes, seq
        self.viewed = False
        self.rebuilt = self.dirty = True

    def _apply(self, fetch: Fetch, changed: np.ndarray) -> None:
        """Remove the ``changed`` rowids, then add back those still stored, with their current vectors."""
        if self.viewed:  # a memory-mapped graph is read-only: read it whole before changing it
            from usearch.index import Index

            self.graph, self.viewed = Index.restore(str(self.dir / f"{self.seq}.usearch")), False
            self.graph.expansion_search = T.VECTOR_INDEX_EXPANSION_SEARCH
        gone = np.isin(self.rowids, changed)
        old = self.rowids[gone][np.any(self.vectors[gone], axis=1)]
        if len(old):
            self.graph.remove(old.astype(np.uint64))
        parts = [self._rows(fetch, _ROWS + f" WHERE s.rowid IN ({','.join('?' * len(chunk))})", chunk.tolist())
                 for chunk in np.array_split(changed, math.ceil(len(changed) / T.SQLITE_IN_CHUNK) or 1)]
        new_ids = np.concatenate([self.rowids[~gone]] + [p[0] for p in parts])
        new_vectors = np.concatenate([np.asarray(self.vectors[~gone])] + [p[1] for p in parts])
        new_codes = np.concatenate([self.codes[:, ~gone]] + [p[2] for p in parts], axis=1)
        order = np.argsort(new_ids, kind="stable")
        self.rowids, self.vectors, self.codes = new_ids[order], new_vectors[order], new_codes[:, order]
        for ids, vectors, _ in parts:
            keep = np.any(vectors, axis=1)
            if keep.any():
                self.graph.add(ids[keep].astype(np.uint64), vectors[keep].astype(np.float32))
        self.dirty = True

    def save(self, fetch: Fetch, trim: Any = None) -> bool:
        """Write the files (when changed since read) and delete older sets; ``trim(seq)`` then drops the
        log up to ``seq``. Returns True when files were written. Errors writing are left to the caller."""
        if self.mode != "ann" or self.dir is None or not self.writable or not self.dirty:
            return False
        self.dir.mkdir(parents=True, exist_ok=True)
        n = self.seq
        meta = {"db": self.db_id, "model": MODEL_ID, "seq": n,
                "values": [sorted(d, key=d.__getitem__) for d in self.values]}
        tmp = self.dir / f".{n}.tmp"
        self.graph.save(str(tmp))
        os.replace(tmp, self.dir / f"{n}.usearch")
        with open(tmp, "wb") as fh:
            np.save(fh, np.ascontiguousarray(self.vectors, dtype=np.float16))
        os.replace(tmp, self.dir / f"{n}.npy")
        with open(tmp, "wb") as fh:
            np.savez(fh, rowids=self.rowids, codes=self.codes, meta=np.array(json.dumps(meta)))
        os.replace(tmp, self.dir / f"{n}.npz")
        for old in self.dir.iterdir():
            stem = old.name.split(".")[0]
            if stem.isdigit() and int(stem) != n:
                old.unlink(missing_ok=True)
        self.dirty = False
        if trim is not None:
            trim(n)
        return True

    # -- searching -----------------------------------------------------------------
    def vectors_of(self, rowids: Any) -> np.ndarray:
        """The float32 vectors (n, ``DIMENSIONS``) of indexed statements, by rowid (float16 as stored)."""
        if self.mode == "exact":
            return self.exact.vectors_of(rowids)
        at = np.searchsorted(self.rowids, np.asarray(rowids, dtype=np.int64))
        return np.asarray(self.vectors[at], dtype=np.float32)

    def nearest(self, query: np.ndarray, k: int, filters: Mapping[str, str | None] | None = None
                ) -> list[tuple[int, float]]:
        """``[(rowid, cosine)]``, best first, of the statements passing ``filters`` (exact values of kind,
        level, competency, organization). Without a filter: the graph's ``k`` nearest. With one: exact
        over the statements passing it when at most ``thresholds.VECTOR_EXACT_FILTERED`` do, else the
        graph read ``k`` / (share passing) × ``thresholds.VECTOR_FILTER_MARGIN`` deep, then filtered."""
        if self.mode == "exact":
            return self.exact.nearest(query, k, filters)
        query = np.asarray(query, dtype=np.float32)
        if not len(self.rowids) or k <= 0 or not np.any(query):
            return []
        key = tuple((column, (filters or {}).get(column)) for column in COLUMNS if (filters or {}).get(column))
        if not key:
            if k >= len(self.rowids):  # every statement asked for: the graph may not reach them all after removals
                rows = np.arange(len(self.rowids))
                return self._exact(rows, np.asarray(self.vectors, dtype=np.float32), query, k)
            return self._graph_search(query, k)
        subset = self._subset(key)
        if subset is None:
            return []
        mask, rows, matrix = subset
        if matrix is not None:
            return self._exact(rows, matrix, query, k)
        depth = min(len(self.rowids), math.ceil(k * len(mask) / len(rows) * T.VECTOR_FILTER_MARGIN))
        found = self.graph.search(query, depth)
        keep = mask[np.searchsorted(self.rowids, found.keys.astype(np.int64))]
        return [(int(r), 1.0 - float(d)) for r, d in zip(found.keys[keep][:k], found.distances[keep][:k])]

    def _subset(self, key: tuple) -> tuple[np.ndarray, np.ndarray, np.ndarray | None] | None:
        """The statements passing a filter: (mask, their positions, their float32 vectors when at most
        ``thresholds.VECTOR_EXACT_FILTERED``, else None); None when none pass. The last
        ``thresholds.VECTOR_FILTER_CACHE`` filters are kept until the index changes."""
        if key in self.subsets:
            return self.subsets[key]
        mask = np.ones(len(self.rowids), dtype=bool)
        for column, value in key:
            c = COLUMNS.index(column)
            code = self.values[c].get(value)
            mask &= self.codes[c] == (code if code is not None else -1)
        rows = np.flatnonzero(mask)
        out = None
        if len(rows):
            matrix = np.asarray(self.vectors[rows], dtype=np.float32) if len(rows) <= T.VECTOR_EXACT_FILTERED else None
            out = (mask, rows, matrix)
        if len(self.subsets) >= T.VECTOR_FILTER_CACHE:
            self.subsets.pop(next(iter(self.subsets)))
        self.subsets[key] = out
        return out

    def _exact(self, rows: np.ndarray, matrix: np.ndarray, query: np.ndarray, k: int) -> list[tuple[int, float]]:
        """The ``k`` best of ``rows`` (positions in ``rowids``, vectors ``matrix``) by cosine, best first, as
        exact search (``vectors.VectorIndex``) ranks them."""
        scores = matrix @ query
        k = min(k, len(rows))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(int(self.rowids[rows[i]]), float(scores[i])) for i in top]

    def _graph_search(self, query: np.ndarray, k: int) -> list[tuple[int, float]]:
        found = self.graph.search(query, min(k, len(self.graph)) or 1)
        return [(int(key), 1.0 - float(d)) for key, d in zip(found.keys, found.distances)]


def sync(conn: sqlite3.Connection, index: AnnIndex) -> bool:
    """Make ``index`` (a writable store's) current, save its files and trim ``vector_changes`` up to what
    they hold. Below ``thresholds.VECTOR_INDEX_MIN`` statements (or in memory) the log is only emptied: a
    later index is built from the statements. Returns True when files were written. Raises
    ``sqlite3.Error``, ``OSError`` or usearch's ``RuntimeError``."""
    def fetch(sql: str, args: Any) -> list[Any]:
        return conn.execute(sql, args).fetchall()

    if not _has_log(fetch):
        return False
    pending = bool(fetch("SELECT 1 FROM vector_changes LIMIT 1", ()))
    if not pending and (index.dir is None or any(index.dir.glob("*.npz"))):  # nothing changed since saved
        return False
    count = int(_scalar(fetch, "SELECT count(*) FROM statements") or 0)
    if index.dir is None or count < T.VECTOR_INDEX_MIN:
        if pending:
            with conn:
                conn.execute("DELETE FROM vector_changes")
        return False
    seq = _scalar(fetch, "SELECT seq FROM sqlite_sequence WHERE name = 'vector_changes'")
    index.load(fetch, f"sync:{seq}")

    def trim(upto: int) -> None:
        with conn:
            conn.execute("DELETE FROM vector_changes WHERE seq <= ?", (upto,))
    return index.save(fetch, trim)


def _has_log(fetch: Fetch) -> bool:
    return bool(fetch("SELECT 1 FROM sqlite_master WHERE name = 'vector_changes'", ()))


__all__ = ["AnnIndex", "COLUMNS", "index_dir", "sync"]
