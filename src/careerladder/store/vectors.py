"""Statement vectors in a store: writing them, filling the missing ones, exact search over them, and
the hybrid ranking (full-text and embedding) both stores share.

Every stored statement has a vector (``statements.vector``: ``embed.to_bytes``, float16). The
analysis path computes it (``DocumentRecord.vectors``); a statement written without one is embedded
when it is written (``role_vectors``), and statements stored before vectors existed get theirs when
the database is first opened for writing by this version (migration 6 in SQLite, 5 in PostgreSQL,
then ``fill_missing``).

Exact search (``VectorIndex``): every vector held in memory (float32, loaded once per connection and
again when the store changes), a query is one matrix-vector product, then a partial sort. PostgreSQL
always searches so; SQLite does below ``thresholds.VECTOR_INDEX_MIN`` statements and reads the
approximate index kept beside the database above (``store.ann``); ``benchmarks/search.py`` measures
both at 10^6 statements.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Callable, Mapping, Sequence

import numpy as np

from .. import thresholds as T
from ..embed import DIMENSIONS, embed, from_bytes, to_bytes
from .base import SearchHit, flatten_statements
from .sqlite_search import snippet

Fetch = Callable[[str, Sequence[Any]], list[Any]]


def role_vectors(role: Mapping[str, Any], known: Mapping[str, bytes]) -> list[bytes]:
    """The stored vector of each statement of ``role`` in ``flatten_statements`` order: the one the
    analysis computed (``known``, by statement id), else embedded here."""
    rows = list(flatten_statements(role))
    missing = [i for i, row in enumerate(rows) if row[0] not in known]
    made = embed([rows[i][7] for i in missing]) if missing else np.zeros((0, DIMENSIONS), np.float32)
    out = [known.get(row[0], b"") for row in rows]
    for i, vector in zip(missing, made):
        out[i] = to_bytes(vector)
    return out


def fill_missing(fetch: Fetch, update: Callable[[list[tuple[bytes, int]]], None], placeholder: str = "?") -> int:
    """Embed every stored statement without a vector, ``thresholds.EMBED_BATCH`` at a time (by rowid);
    ``update`` writes ``[(vector, rowid)]``. Returns how many got one."""
    done, last = 0, -1
    while True:
        rows = fetch(f"SELECT rowid, text FROM statements WHERE vector IS NULL AND rowid > {placeholder} "
                     f"ORDER BY rowid LIMIT {placeholder}", (last, T.EMBED_BATCH))
        if not rows:
            return done
        vectors = embed([r[1] for r in rows])
        update([(to_bytes(v), int(r[0])) for v, r in zip(vectors, rows)])
        done += len(rows)
        last = int(rows[-1][0])


class VectorIndex:
    """Every stored statement's vector in memory, with what the search filters need.

    ``load(fetch, token)`` (re)reads them when ``token`` (the store's change token) differs from the
    last load's; ``nearest(query, k, filters)`` gives ``[(rowid, cosine)]``, best first, of the
    statements passing the filters (kind, level, competency, organization: exact values).
    """

    _COLUMNS = ("kind", "level", "competency", "organization")

    def __init__(self) -> None:
        self.token: str | None = None
        self.rowids = np.zeros(0, dtype=np.int64)
        self.matrix = np.zeros((0, DIMENSIONS), dtype=np.float32)
        self.codes: dict[str, tuple[dict[Any, int], np.ndarray]] = {}

    def load(self, fetch: Fetch, token: str) -> None:
        if token == self.token:
            return
        rows = fetch("SELECT s.rowid, s.vector, r.kind, r.level, s.competency, r.organization "
                     "FROM statements s JOIN roles r ON r.id = s.role_id ORDER BY s.rowid", ())
        self.rowids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
        self.matrix = from_bytes([bytes(r[1]) if r[1] is not None else None for r in rows])
        self.codes = {}
        for n, column in enumerate(self._COLUMNS, start=2):
            values: dict[Any, int] = {}
            self.codes[column] = (values, np.fromiter((values.setdefault(r[n], len(values)) for r in rows),
                                                      dtype=np.int32, count=len(rows)))
        self.token = token

    def __len__(self) -> int:
        return len(self.rowids)

    def vectors_of(self, rowids: Sequence[int]) -> np.ndarray:
        """The float32 vectors (n, ``DIMENSIONS``) of loaded statements, by rowid."""
        return self.matrix[np.searchsorted(self.rowids, np.asarray(rowids, dtype=np.int64))]

    def nearest(self, query: np.ndarray, k: int, filters: Mapping[str, str | None] | None = None
                ) -> list[tuple[int, float]]:
        if not len(self.rowids) or k <= 0 or not np.any(query):
            return []
        scores = self.matrix @ np.asarray(query, dtype=np.float32)
        for column, value in (filters or {}).items():
            if value:
                values, codes = self.codes[column]
                code = values.get(value)
                scores = np.where(codes == code, scores, -np.inf) if code is not None else np.full_like(scores,
                                                                                                     -np.inf)
        k = min(k, len(scores))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.argsort(-scores[top], kind="stable")]
        return [(int(self.rowids[i]), float(scores[i])) for i in top if np.isfinite(scores[i])]


def hybrid(query: str, fts: list[SearchHit], semantic: list[tuple[SearchHit, float]], limit: int,
           similarity: Mapping[str, float]) -> list[SearchHit]:
    """Full-text hits and embedding neighbours in one ranking: reciprocal rank fusion, each list's rank r
    giving ``weight / (thresholds.HYBRID_RRF_K + r)`` (full-text weighted ``thresholds.HYBRID_FTS_WEIGHT``,
    the embedding 1). ``similarity``: the cosine of each hit (by statement id), shown with it; a hit the
    embedding alone found gets a snippet marking the query's words it holds."""
    score: dict[str, float] = {}
    hits: dict[str, SearchHit] = {}
    for rank, hit in enumerate(fts, 1):
        score[hit.statement_id] = T.HYBRID_FTS_WEIGHT / (T.HYBRID_RRF_K + rank)
        hits[hit.statement_id] = hit
    words = [w.lower() for w in query.split()]
    semantic_only = set()
    for rank, (hit, _) in enumerate(semantic, 1):
        score[hit.statement_id] = score.get(hit.statement_id, 0.0) + 1.0 / (T.HYBRID_RRF_K + rank)
        if hit.statement_id not in hits:
            hits[hit.statement_id] = hit
            semantic_only.add(hit.statement_id)
    best = sorted(score, key=lambda sid: -score[sid])[:limit]
    return [replace(hits[sid], similarity=round(similarity.get(sid, 0.0), 3),
                    **({"snippet": snippet(hits[sid].text, words)} if sid in semantic_only else {})) for sid in best]


def _neighbours(index: Any, vector: np.ndarray, depth: int, filters: Mapping[str, str | None]
                ) -> list[tuple[int, float]]:
    """``[(rowid, cosine with vector)]`` of the ``depth`` nearest statements passing ``filters``, after one
    round of pseudo-relevance feedback (see ``hybrid_search``); reads the index only."""
    near = index.nearest(vector, depth, filters)
    if near and T.HYBRID_FEEDBACK_DOCS:  # pseudo-relevance feedback: the query moved towards its neighbours
        top = index.vectors_of([rowid for rowid, _ in near[:T.HYBRID_FEEDBACK_DOCS]])
        moved = vector + T.HYBRID_FEEDBACK_WEIGHT * top.mean(axis=0)
        near = index.nearest(moved / (np.linalg.norm(moved) or 1.0), depth, filters)
        near = list(zip((rowid for rowid, _ in near),
                        (index.vectors_of([rowid for rowid, _ in near]) @ vector).tolist()))
    return near


def hybrid_search(store: Any, index: VectorIndex, fetch: Fetch, token: str, placeholder: str, query: str, *,
                  limit: int | None = None, semantic_only: bool = False, **filters: str | None) -> list[SearchHit]:
    """``Store.hybrid_search`` for a store reading rows with ``fetch`` (``placeholder``: ``?`` or ``%s``):
    the store's full-text search and the nearest vectors (``index``: ``VectorIndex`` or ``ann.AnnIndex``,
    brought up to date when ``token`` changes), each ``thresholds.HYBRID_CANDIDATES`` deep, fused by
    ``hybrid``; ``semantic_only``: the embedding alone. The nearest vectors are those of the query moved
    towards the mean of its first ``thresholds.HYBRID_FEEDBACK_DOCS`` neighbours (Rocchio's pseudo-relevance
    feedback); the similarity shown is the cosine of the query with the statement's stored vector."""
    limit = T.SEARCH_RESULTS if limit is None else int(limit)
    depth = max(limit, T.HYBRID_CANDIDATES)
    vector = embed([query])[0]
    index.load(fetch, token)
    fts = [] if semantic_only else store.search(query, limit=depth, **filters)
    near = _neighbours(index, vector, depth, filters)
    rows = {}
    if near:
        marks = ",".join([placeholder] * len(near))
        for r in fetch("SELECT s.rowid, s.id, s.role_id, s.text, s.line, s.section_kind, s.competency, r.title, "
                       f"r.organization, r.level, r.kind FROM statements s JOIN roles r ON r.id = s.role_id "
                       f"WHERE s.rowid IN ({marks})", [rowid for rowid, _ in near]):
            rows[r[0]] = SearchHit(*r[1:], snippet=r[3])
    semantic = [(rows[rowid], score) for rowid, score in near if rowid in rows]
    similarity = {hit.statement_id: score for hit, score in semantic}
    unseen = [h for h in fts if h.statement_id not in similarity]
    if unseen:  # full-text hits the embedding did not reach: their stored vectors (embedded here if missing)
        marks = ",".join([placeholder] * len(unseen))
        stored = dict(fetch(f"SELECT id, vector FROM statements WHERE id IN ({marks})",
                            [h.statement_id for h in unseen]))
        blobs = [stored.get(h.statement_id) for h in unseen]
        vectors = from_bytes([bytes(b) if b is not None else None for b in blobs])
        gaps = [i for i, row in enumerate(vectors) if not row.any()]
        if gaps:
            vectors[gaps] = embed([unseen[i].text for i in gaps])
        similarity.update(zip((h.statement_id for h in unseen), (vectors @ vector).tolist()))
    return hybrid(query, fts, semantic, limit, similarity)


__all__ = ["VectorIndex", "fill_missing", "hybrid", "hybrid_search", "role_vectors"]
