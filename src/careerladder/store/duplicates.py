"""Duplicate postings, decided where documents are written (both stores share this logic).

The same posting comes twice: saved under two names, reposted month after month, exported by two
tools. Each job-posting document arrives with a fingerprint of its text (``readers.fingerprint``:
``DocumentRecord.text_hash``, ``signature``, ``bands``), made by the worker that analyzed it.
When a store writes a document, ``DuplicateFinder.find`` looks for a posting already stored —
in this batch or in any earlier run into the same database — that it repeats:

* **exact**: a stored document with the same ``text_hash`` (the same words once whitespace,
  markup, punctuation and case are normalized);
* **near**: a stored posting with the same title sharing an LSH band (``document_bands``) whose
  MinHash signature agrees on at least ``thresholds.NEAR_DUPLICATE_SIMILARITY`` of its values
  (the ``thresholds.DUPLICATE_CANDIDATES`` sharing the most bands are compared).

A document that repeats one is **folded**: its ``documents`` row is written (its key, content
hash, format, metadata: every source a posting came from stays known, and a later run skips it
as stored) with ``duplicate_of`` = the posting it repeats (always a stored posting that is not
itself folded), ``duplicate_kind`` and ``similarity``; its roles are not written, so search, the
site and ``report`` see the posting once. Only documents whose roles are all job postings are
folded (two ladders may share text on purpose), and only texts of at least
``thresholds.DUPLICATE_MIN_WORDS`` words have a fingerprint. When a posting that others were
folded into is rewritten with other text, those others are marked for analysis again (their
``analysis_version`` is cleared, so the next ``ingest`` re-reads and re-folds them).

>>> finder = DuplicateFinder(exact=lambda h: "a.json#1" if h == "abc" else None, near=lambda bands: [])
>>> finder.find(DocumentRecord("b.md", "c", "a", "text", {}, text_hash="abc", bands=(1,)), [{"kind": "job_posting"}])
Fold(duplicate_of='a.json#1', kind='exact', similarity=1.0)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Iterable, Literal, Mapping, Sequence

from .. import thresholds
from ..readers.fingerprint import similarity
from .base import DocumentRecord


@dataclass(frozen=True, slots=True)
class Fold:
    """The outcome of writing a document folded into another: ``duplicate_of`` (the stored posting's key),
    ``kind`` (``exact`` or ``near``) and ``similarity`` (estimated Jaccard, 1.0 for exact)."""

    duplicate_of: str
    kind: Literal["exact", "near"]
    similarity: float


#: ``exact(text_hash)`` -> key of the stored posting with that text (its canonical one), or None.
ExactLookup = Callable[[str], "str | None"]
#: ``near(bands)`` -> (key, signature) of stored canonical postings sharing a band, most bands first.
NearLookup = Callable[[Sequence[int]], "Iterable[tuple[str, bytes]]"]


def is_posting(roles: Sequence[Mapping[str, Any]]) -> bool:
    """True when ``roles`` (stored role dicts) are all job postings, and there is one at least."""
    return bool(roles) and all(r.get("kind") == "job_posting" for r in roles)


class DuplicateFinder:
    """Finds the stored posting a document repeats, through the store's two lookups (see the module
    docstring); the store writes what it finds before looking up the next document of a batch."""

    def __init__(self, exact: ExactLookup, near: NearLookup):
        self.exact, self.near = exact, near

    def find(self, record: DocumentRecord, roles: Sequence[Mapping[str, Any]]) -> Fold | None:
        """The ``Fold`` of ``record`` when it repeats a stored posting, else None (it is stored whole)."""
        if not record.text_hash or not is_posting(roles):
            return None
        found = self.exact(record.text_hash)
        if found is not None and found != record.source:
            return Fold(found, "exact", 1.0)
        if not record.signature or not record.bands:
            return None
        best: tuple[float, str] | None = None
        for source, signature in self.near(record.bands):
            if source == record.source or not signature:
                continue
            score = similarity(record.signature, signature)
            if score >= thresholds.NEAR_DUPLICATE_SIMILARITY and (best is None or score > best[0]):
                best = (score, source)
        return Fold(best[1], "near", round(best[0], 4)) if best else None


def fold_columns(record: DocumentRecord, fold: Fold | None) -> tuple:
    """The duplicate columns of a ``documents`` row: ``(text_hash, minhash, duplicate_of, duplicate_kind,
    similarity)``; a folded document keeps no signature (nothing is compared with it)."""
    if fold is None:
        return record.text_hash, record.signature, None, None, None
    return record.text_hash, None, fold.duplicate_of, fold.kind, fold.similarity


#: Rows fetched by a query: ``fetch(sql, args)``; each store passes its own.
Fetch = Callable[[str, Sequence[Any]], list]


def sql_finder(fetch: Fetch, mark: str, join: str = "JOIN") -> DuplicateFinder:
    """A ``DuplicateFinder`` over the ``documents`` and ``document_bands`` tables (both stores), through
    ``fetch`` with ``mark`` as the parameter placeholder (``?`` or ``%s``); ``join``: ``CROSS JOIN`` makes
    SQLite keep the bands first (PostgreSQL's planner does so by itself, and has no ``CROSS JOIN … ON``)."""
    exact_sql = f"SELECT coalesce(duplicate_of, source) FROM documents WHERE text_hash = {mark} LIMIT 1"

    def exact(text_hash: str) -> str | None:
        rows = fetch(exact_sql, (text_hash,))
        return rows[0][0] if rows else None

    def near(bands: Sequence[int]) -> list[tuple[str, bytes]]:
        marks = ", ".join([mark] * len(bands))
        # the bands first (a few rows by their key), then their documents: never a scan of the postings
        sql = (f"SELECT d.source, d.minhash FROM (SELECT source, count(*) AS shared FROM document_bands "
               f"WHERE key IN ({marks}) GROUP BY source) b {join} documents d ON d.source = b.source "
               f"WHERE d.duplicate_of IS NULL ORDER BY b.shared DESC, d.source "
               f"LIMIT {int(thresholds.DUPLICATE_CANDIDATES)}")
        return [(source, bytes(signature) if signature is not None else b"") for source, signature
                in fetch(sql, list(bands))]

    return DuplicateFinder(exact, near)


def stale_sql(mark: str) -> str:
    """Clears the analysis version of the documents folded into a posting whose text changed."""
    return f"UPDATE documents SET analysis_version = '' WHERE duplicate_of = {mark}"


#: Columns of a ``documents`` row, in the order both stores write them.
DOCUMENT_COLUMNS = ("source, content_hash, analysis_hash, format, metadata, analysis_version, text_hash, minhash, "
                    "duplicate_of, duplicate_kind, similarity")


def count_sql() -> str:
    """Folded documents by kind (rows of ``(kind, n)``)."""
    return "SELECT duplicate_kind, count(*) FROM documents WHERE duplicate_of IS NOT NULL GROUP BY duplicate_kind"


def batch_finder(exact: ExactLookup, near: NearLookup) -> tuple[DuplicateFinder, Callable[[DocumentRecord, "Fold | None"], None]]:
    """A finder that also sees the documents of the batch being written before they reach the database
    (the PostgreSQL store writes a batch with one COPY), and ``add(record, fold)`` to call after each."""
    hashes: dict[str, str] = {}
    bands: dict[int, list[tuple[str, bytes]]] = {}

    def batch_exact(text_hash: str) -> str | None:
        return hashes.get(text_hash) or exact(text_hash)

    def batch_near(keys: Sequence[int]) -> list[tuple[str, bytes]]:
        shared: dict[str, list] = {}
        for key in keys:
            for source, signature in bands.get(key, ()):
                shared.setdefault(source, [0, signature])[0] += 1
        mine = sorted(shared.items(), key=lambda kv: -kv[1][0])
        return [(s, sig) for s, (_, sig) in mine] + list(near(keys))

    def add(record: DocumentRecord, fold: Fold | None) -> None:
        if record.text_hash:
            hashes.setdefault(record.text_hash, fold.duplicate_of if fold else record.source)
        if fold is None and record.signature:
            for key in record.bands:
                bands.setdefault(key, []).append((record.source, record.signature))

    return DuplicateFinder(batch_exact, batch_near), add
