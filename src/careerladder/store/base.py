"""The store interface every backend implements (``SQLiteStore``, ``PostgresStore``), and what they share.

A store holds documents, their roles (as the ``roles.jsonl`` dict), statements
with full-text search, requirements, parent references, ladders and assessments.
Writes are one transaction per document; a document whose content and analysis are
unchanged is not written again. ``open_store`` (``careerladder.store``) picks the
backend from the path or URL; SQLite's ``":memory:"`` is the in-memory store for tests.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import Any, Iterator, Literal, Mapping, Protocol, Sequence

from ..errors import StoreError


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    """One stored document: ``source`` (its document key: the path relative to the input root,
    ``#fragment`` for container records), its ``content_hash`` (sha256 of the input),
    ``analysis_hash`` (sha256 of the roles written for it), ``format``, ``metadata`` and
    ``analysis_version`` (the analysis that made it: ``pipeline.Analyzer.version``); for a job
    posting, the fingerprint of its text (``readers.fingerprint``: ``text_hash``, the MinHash
    ``signature`` and its LSH ``bands``) that finds duplicates (``store.duplicates``; None and
    empty for other documents and short texts), and, read back, ``duplicate_of``: the posting it
    was folded into. ``vectors``: statement id -> its embedding as stored (``embed.to_bytes``,
    computed once in the analysis path); a statement missing here is stored without one and
    embedded by the store (``store.vectors.fill_missing``)."""

    source: str
    content_hash: str
    analysis_hash: str
    format: str
    metadata: Mapping[str, Any]
    analysis_version: str = ""
    text_hash: str | None = None
    signature: bytes | None = None
    bands: tuple[int, ...] = ()
    duplicate_of: str | None = None
    vectors: Mapping[str, bytes] = field(default_factory=dict)


#: What a store holds of a document (``Store.document_status``): ``new`` (nothing), ``changed``
#: (other content), ``stale`` (this content, made by another analysis version), ``current``.
DocumentStatus = Literal["new", "changed", "stale", "current"]


def document_status(stored: tuple[str, str] | None, content_hash: str, analysis_version: str) -> DocumentStatus:
    """The status of a document from its stored ``(content_hash, analysis_version)`` (None: not stored)."""
    if stored is None:
        return "new"
    if stored[0] != content_hash:
        return "changed"
    return "current" if stored[1] == analysis_version else "stale"


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A statement matching a search: ids, text, line, and its role's title/organization/level;
    ``similarity``: the cosine of its embedding with the query's (hybrid search only, else None)."""

    statement_id: str
    role_id: str
    text: str
    line: int
    section_kind: str
    competency: str | None
    title: str
    organization: str | None
    level: str | None
    kind: str
    snippet: str
    similarity: float | None = None


class Store(Protocol):
    """What ``pipeline``, the CLI and the web app need from a database.

    Every method raises ``StoreError`` (naming the database) when the database fails;
    reads return plain dicts shaped like ``roles.jsonl`` lines and ``ladders.json`` items.
    """

    def has_document(self, source: str, content_hash: str, analysis_hash: str | None = None) -> bool:
        """True when ``source`` is stored with this content (and these analyzed roles, when
        ``analysis_hash`` is given)."""
        ...

    def document_status(self, source: str, content_hash: str, analysis_version: str) -> DocumentStatus:
        """What is stored under ``source``: ``new``, ``changed``, ``stale`` or ``current``
        (``document_status``); ingest skips ``current`` documents and re-analyzes the rest."""
        ...

    def write_document(self, record: DocumentRecord, roles: Sequence[Mapping[str, Any]]) -> Any:
        """Replace what is stored under ``record.source`` by ``roles`` in one transaction; True when
        written, a ``store.duplicates.Fold`` when written folded into a posting already stored
        (its roles are then not stored), False when content and analysis were unchanged (only
        ``analysis_version`` is then brought up to date). On error the previous version stays intact."""
        ...

    def write_documents(self, batch: Sequence[tuple[DocumentRecord, Sequence[Mapping[str, Any]]]]
                        ) -> list[Any]:
        """``write_document`` for many documents in one transaction, each whole or not at all: one
        outcome per item, in order (True, False, the ``store.duplicates.Fold`` of a posting written
        folded into one already stored, or the ``StoreError`` of a document that failed)."""
        ...

    def duplicate_counts(self) -> dict[str, int]:
        """Documents folded into another posting, by kind: ``{"exact": n, "near": n}``."""
        ...

    def write_ladders(self, ladders: Sequence[Mapping[str, Any]]) -> None:
        """Replace every stored ladder by ``ladders`` (``codec.ladder_data`` dicts)."""
        ...

    def documents(self, kind: str | None = None) -> Iterator[tuple[DocumentRecord, list[dict[str, Any]]]]:
        """Stored documents, by key, each with its roles in document order; with ``kind``, only the
        documents holding a role of that kind (``ladder_level``, ``job_posting``)."""
        ...

    def roles(self, kind: str | None = None, ladder: str | None = None) -> Iterator[dict[str, Any]]:
        """Stored roles, ordered by id; optionally only one kind or one ladder."""
        ...

    def role(self, role_id: str) -> dict[str, Any] | None:
        """One stored role, or None."""
        ...

    def ladders(self) -> list[dict[str, Any]]:
        """Stored ladders, ordered by id."""
        ...

    def search(self, query: str, *, level: str | None = None, competency: str | None = None,
               organization: str | None = None, kind: str | None = None, limit: int | None = None
               ) -> list[SearchHit]:
        """Statements matching every word of ``query`` (the last word as a prefix), best first, at most
        ``limit`` (default ``thresholds.SEARCH_RESULTS``), optionally filtered; ranked among the
        ``thresholds.SEARCH_WINDOW`` most recent matches. A query with no word matches nothing."""
        ...

    def hybrid_search(self, query: str, *, level: str | None = None, competency: str | None = None,
                      organization: str | None = None, kind: str | None = None, limit: int | None = None,
                      semantic_only: bool = False) -> list[SearchHit]:
        """``search`` and the statements nearest to the query by meaning (``store.vectors``), in one
        ranking, each hit with its ``similarity``; the same filters. ``semantic_only``: by meaning alone.
        Raises ``embed.ModelError`` when the embedding model is not installed."""
        ...

    def write_assessment(self, data: Mapping[str, Any]) -> bool:
        """Store an assessment (``render.assessment.assessment_data``); False when the same dict is
        already stored. Raises ``StoreError`` for a dict that is not an assessment."""
        ...

    def assessments(self, person: str, *, level: str | None = None) -> list[dict[str, Any]]:
        """A person's stored assessments, oldest first; optionally of one level id only."""
        ...

    def counts(self) -> dict[str, int]:
        """Rows per table: documents, roles, statements, requirements, ladders, assessments."""
        ...

    def data_version(self) -> str:
        """A token that changes whenever another connection commits a change (the web app reloads its
        catalog when it changes)."""
        ...

    def close(self) -> None:
        """Close the connection (the store is unusable afterwards)."""
        ...


#: Markers around matched words in ``SearchHit.snippet`` (renderers escape the text, then replace them).
MARK_START, MARK_END = "\x02", "\x03"


def flatten_statements(role: Mapping[str, Any]) -> Iterator[tuple]:
    """Rows ``(id, role_id, parent_id, section_kind, section_path, kind, label, text, line,
    competency, competencies, reference)`` for every statement of a role dict."""
    def walk_statements(statements, kind, path, parent_id):
        for st in statements:
            comps = st.get("competencies") or []
            top = max(comps, key=lambda c: c["score"])["competency"] if comps else None
            yield (st["id"], role["id"], parent_id, kind, path, st.get("kind", "item"), st.get("label"), st["text"],
                   st["line"], top, json.dumps(comps) if comps else None, 1 if st.get("reference") else 0)
            yield from walk_statements(st.get("children", ()), kind, path, st["id"])

    def walk_sections(sections):
        for section in sections:  # the path is encoded once per section, not once per statement
            yield from walk_statements(section.get("statements", ()), section["kind"],
                                       json.dumps(section.get("path", [])), None)
            yield from walk_sections(section.get("subsections", ()))

    yield from walk_sections(role.get("sections", ()))


def assessment_row(data: Mapping[str, Any], path: str | None) -> tuple:
    """The ``assessments`` row of an ``assessment_data`` dict: ``(person, perspective, ladder id,
    level id, level title, assessed_on, overall readiness in [0, 1], sha256 of the JSON, JSON)``;
    the hash makes storing the same dict twice a no-op. Raises ``StoreError`` (naming ``path``, the
    database) when person, perspective, ladder, level, assessed_on or readiness is missing or bad."""
    try:
        row = (str(data["person"]), str(data["perspective"]), str(data["ladder"]["id"]), str(data["level"]["id"]),
               str(data["level"]["title"]), str(data["assessed_on"]), float(data["readiness"]["overall"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise StoreError(f"not an assessment: missing or bad {exc}", path) from exc
    text = json.dumps(data, sort_keys=True, ensure_ascii=False)
    return (*row, hashlib.sha256(text.encode("utf-8")).hexdigest(), text)


def write_batch(store: Store, batch: Sequence[tuple[DocumentRecord, Sequence[Mapping[str, Any]]]]
                ) -> list[Any]:
    """Write many documents, each atomically: one outcome per item, in order.

    An outcome is True (written), a ``store.duplicates.Fold`` (written as a duplicate of a
    posting already stored), False (already stored with this content and
    analysis) or the ``StoreError`` that document raised; a failed document
    leaves nothing of itself behind and the rest of the batch is still written.
    Uses the store's own ``write_documents`` (one transaction for the batch,
    a savepoint per document) and falls back to ``write_document`` one by one.
    """
    bulk = getattr(store, "write_documents", None)
    if bulk is not None:
        return bulk(batch)
    out: list[Any] = []
    for record, roles in batch:
        try:
            out.append(store.write_document(record, roles))
        except Exception as exc:  # noqa: BLE001 - reported per document, the batch goes on
            out.append(exc)
    return out
