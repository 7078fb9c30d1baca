"""The store interface every backend implements (SQLite, PostgreSQL, in-memory).

A store holds documents, their roles (as the ``roles.jsonl`` dict), statements
with full-text search, requirements, parent references and ladders. Writes are
one transaction per document; a document whose content and analysis are
unchanged is not written again.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any, Iterator, Mapping, Protocol, Sequence

from ..errors import StoreError


@dataclass(frozen=True, slots=True)
class DocumentRecord:
    """One stored document: ``source`` (path, ``#fragment`` for container records), its
    ``content_hash`` (sha256 of the input), ``analysis_hash`` (sha256 of the roles written
    for it), ``format`` and ``metadata``."""

    source: str
    content_hash: str
    analysis_hash: str
    format: str
    metadata: Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class SearchHit:
    """A statement matching a search: ids, text, line, and its role's title/organization/level."""

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


class Store(Protocol):
    """What ``pipeline``, the CLI and the web app need from a database."""

    def has_document(self, source: str, content_hash: str, analysis_hash: str | None = None) -> bool: ...

    def write_document(self, record: DocumentRecord, roles: Sequence[Mapping[str, Any]]) -> bool: ...

    def write_documents(self, batch: Sequence[tuple[DocumentRecord, Sequence[Mapping[str, Any]]]]
                        ) -> list[bool | Exception]: ...

    def write_ladders(self, ladders: Sequence[Mapping[str, Any]]) -> None: ...

    def roles(self, kind: str | None = None, ladder: str | None = None) -> Iterator[dict[str, Any]]: ...

    def role(self, role_id: str) -> dict[str, Any] | None: ...

    def ladders(self) -> list[dict[str, Any]]: ...

    def search(self, query: str, *, level: str | None = None, competency: str | None = None,
               organization: str | None = None, kind: str | None = None, limit: int = 50) -> list[SearchHit]: ...

    def write_assessment(self, data: Mapping[str, Any]) -> bool: ...

    def assessments(self, person: str, *, level: str | None = None) -> list[dict[str, Any]]: ...

    def counts(self) -> dict[str, int]: ...

    def close(self) -> None: ...


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
                ) -> list[bool | Exception]:
    """Write many documents, each atomically: one outcome per item, in order.

    An outcome is True (written), False (already stored with this content and
    analysis) or the ``StoreError`` that document raised; a failed document
    leaves nothing of itself behind and the rest of the batch is still written.
    Uses the store's own ``write_documents`` (one transaction for the batch,
    a savepoint per document) and falls back to ``write_document`` one by one.
    """
    bulk = getattr(store, "write_documents", None)
    if bulk is not None:
        return bulk(batch)
    out: list[bool | Exception] = []
    for record, roles in batch:
        try:
            out.append(store.write_document(record, roles))
        except Exception as exc:  # noqa: BLE001 - reported per document, the batch goes on
            out.append(exc)
    return out
