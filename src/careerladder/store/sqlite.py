"""SQLite store (stdlib ``sqlite3``): WAL journal, one transaction per document, FTS5 search.

>>> store = SQLiteStore(":memory:")
>>> store.counts()["roles"]
0
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any, Iterator, Mapping, Sequence

from .. import thresholds as T
from ..errors import StoreError
from .base import (DocumentRecord, DocumentStatus, SearchHit, assessment_row,
                   document_status, flatten_statements)
from .duplicates import DOCUMENT_COLUMNS, Fold, count_sql, fold_columns, sql_finder, stale_sql
from .migrations import migrate
from .sqlite_search import filter_tag, fts_query, search_tags, search_window, snippet
from .ann import AnnIndex, sync
from .vectors import hybrid_search, role_vectors


class _BatchFailed(Exception):
    """A document of a batch written without savepoints failed; the batch was rolled back."""


class SQLiteStore:
    """The default store: a single SQLite file (``":memory:"`` for tests).

    ``notes``: what opening it did that the user should hear of (the migration that embedded the
    statements stored before embeddings). Raises ``StoreError`` when the file cannot be opened or has
    a newer schema.
    """

    def __init__(self, path: str | Path = ":memory:", *, readonly: bool = False):
        self.path = str(path)
        self.notes: list[str] = []
        self.readonly = readonly
        self.vector_index = AnnIndex(None if path == ":memory:" else Path(path).resolve(), writable=not readonly)
        try:
            if readonly:
                uri = f"file:{Path(self.path).resolve()}?mode=ro"
                self.conn = sqlite3.connect(uri, uri=True, check_same_thread=False)
            else:
                if self.path != ":memory:":
                    Path(self.path).parent.mkdir(parents=True, exist_ok=True)
                self.conn = sqlite3.connect(self.path, check_same_thread=False)
            self.conn.row_factory = sqlite3.Row
            self.conn.execute("PRAGMA foreign_keys = ON")
            if not readonly:
                if self.path != ":memory:":
                    self.conn.execute("PRAGMA journal_mode = WAL")
                self.conn.execute("PRAGMA synchronous = NORMAL")
                migrate(self.conn, self.path, self.notes)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open database: {exc}", self.path) from exc
        self.finder = sql_finder(lambda sql, args: self.conn.execute(sql, args).fetchall(), "?", "CROSS JOIN")

    # -- writes ---------------------------------------------------------------
    def has_document(self, source: str, content_hash: str, analysis_hash: str | None = None) -> bool:
        """True when ``source`` is stored with this content (and analysis, when given)."""
        row = self.conn.execute("SELECT content_hash, analysis_hash FROM documents WHERE source = ?",
                                (source,)).fetchone()
        if row is None or row["content_hash"] != content_hash:
            return False
        return analysis_hash is None or row["analysis_hash"] == analysis_hash

    def document_status(self, source: str, content_hash: str, analysis_version: str) -> DocumentStatus:
        """``new``, ``changed``, ``stale`` or ``current`` (``base.document_status``)."""
        row = self.conn.execute("SELECT content_hash, analysis_version FROM documents WHERE source = ?",
                                (source,)).fetchone()
        return document_status(tuple(row) if row else None, content_hash, analysis_version)

    def _unchanged(self, record: DocumentRecord) -> bool:
        """True when ``record`` is stored with the same content and analyzed roles; its analysis
        version is then brought up to date (inside the caller's transaction, when there is one)."""
        row = self.conn.execute("SELECT content_hash, analysis_hash, analysis_version FROM documents "
                                "WHERE source = ?", (record.source,)).fetchone()
        if row is None or (row[0], row[1]) != (record.content_hash, record.analysis_hash):
            return False
        if row[2] != record.analysis_version:
            self.conn.execute("UPDATE documents SET analysis_version = ? WHERE source = ?",
                              (record.analysis_version, record.source))
        return True

    def write_document(self, record: DocumentRecord, roles: Sequence[Mapping[str, Any]]) -> bool | Fold:
        """Replace what is stored for ``record.source`` by ``roles`` in one transaction.

        Returns False (and writes only a newer ``analysis_version``) when content and analysis are
        unchanged, a ``Fold`` when the document repeats a stored posting (``store.duplicates``).
        Raises ``StoreError`` on a database error; the previous version stays intact.
        """
        try:
            with self.conn:
                if self._unchanged(record):
                    return False
                fold = self._replace_document(record, roles)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot store document: {exc}", record.source) from exc
        except UnicodeEncodeError as exc:  # text UTF-8 cannot hold (a lone surrogate from a JSON/YAML escape)
            raise StoreError(f"cannot store document: {exc.reason} in its text", record.source) from exc
        return fold or True

    def write_documents(self, batch: Sequence[tuple[DocumentRecord, Sequence[Mapping[str, Any]]]]
                        ) -> list[Any]:
        """Write many documents in one transaction; each document is stored whole or not at all.

        Returns one outcome per item: True (written), a ``Fold`` (written folded into a stored
        posting), False (unchanged) or the
        ``StoreError`` of a document that failed. The batch is first written without
        savepoints (the fast path); if any document fails, it is rolled back and written
        again with a savepoint per document, so the failing ones leave nothing behind and
        the others are committed. Raises ``StoreError`` only when the commit itself
        fails, and then nothing of the batch is stored.
        """
        try:
            return self._write_batch(batch, savepoints=False)
        except _BatchFailed:
            return self._write_batch(batch, savepoints=True)

    def _write_batch(self, batch, *, savepoints: bool) -> list[Any]:
        out: list[Any] = []
        conn = self.conn
        try:
            if not conn.in_transaction:
                conn.execute("BEGIN")
            for record, roles in batch:
                if self._unchanged(record):
                    out.append(False)
                    continue
                if not savepoints:
                    try:
                        fold = self._replace_document(record, roles)
                    except Exception as exc:  # noqa: BLE001 - redo the batch document by document
                        conn.rollback()
                        raise _BatchFailed from exc
                    out.append(fold or True)
                    continue
                conn.execute("SAVEPOINT document")
                try:
                    fold = self._replace_document(record, roles)
                except Exception as exc:  # noqa: BLE001 - a bad role dict fails its document only
                    conn.execute("ROLLBACK TO document")
                    conn.execute("RELEASE document")
                    out.append(exc if isinstance(exc, StoreError)
                               else StoreError(f"cannot store document: {type(exc).__name__}: {exc}",
                                               record.source))
                    continue
                conn.execute("RELEASE document")
                out.append(fold or True)
            conn.commit()
        except sqlite3.Error as exc:
            conn.rollback()
            raise StoreError(f"cannot store a batch of {len(batch)} documents: {exc}", self.path) from exc
        return out

    def _replace_document(self, record: DocumentRecord, roles: Sequence[Mapping[str, Any]]) -> Fold | None:
        """Delete what ``record.source`` holds, then write it whole, or folded (no roles) when it repeats a
        stored posting; the documents folded into a posting whose text changed are marked stale."""
        old = self.conn.execute("DELETE FROM documents WHERE source = ? RETURNING text_hash",
                                (record.source,)).fetchone()
        if old and old[0] and old[0] != record.text_hash:
            self.conn.execute(stale_sql("?"), (record.source,))
        fold = self.finder.find(record, roles)
        self.conn.execute(
            f"INSERT INTO documents ({DOCUMENT_COLUMNS}, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "datetime('now'))",
            (record.source, record.content_hash, record.analysis_hash, record.format,
             json.dumps(record.metadata, ensure_ascii=False), record.analysis_version, *fold_columns(record, fold)))
        if fold is None:
            for role in roles:
                self._insert_role(record.source, role, record.vectors)
            if record.text_hash and record.bands:
                self.conn.executemany("INSERT OR IGNORE INTO document_bands VALUES (?, ?)",
                                      [(key, record.source) for key in record.bands])
        return fold

    def _insert_role(self, source: str, role: Mapping[str, Any], vectors: Mapping[str, bytes]) -> None:
        leveling = role.get("leveling") or {}
        span = role.get("span") or [0, 0]
        self.conn.execute(
            "INSERT INTO roles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (role["id"], source, role["title"], role.get("organization"), role["kind"], role.get("ladder"),
             leveling.get("title_level"), leveling.get("level"), leveling.get("confidence"),
             leveling.get("inflation"), span[0], span[1], json.dumps(role, ensure_ascii=False)))
        self.conn.executemany(
            "INSERT INTO statements (id, role_id, parent_id, section_kind, section_path, kind, label, text, line, "
            "competency, competencies, reference, tags, vector) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [row + (search_tags(role, row[9]), vector)
             for row, vector in zip(flatten_statements(role), role_vectors(role, vectors))])
        self.conn.executemany(
            "INSERT INTO requirements VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(role["id"], r.get("statement_id"), r["type"], r.get("min"), r.get("max"), r.get("unit"),
              r.get("qualifier"), r.get("value"), r["text"], r["line"]) for r in role.get("requirements", ())])
        self.conn.executemany(
            "INSERT INTO parents VALUES (?, ?, ?, ?, ?, ?)",
            [(role["id"], p["title"], p["phrase"], p.get("href"), p["line"], p.get("resolved_id"))
             for p in role.get("parents", ())])

    def write_ladders(self, ladders: Sequence[Mapping[str, Any]]) -> None:
        """Replace the stored ladders (they are derived from all stored levels)."""
        try:
            with self.conn:
                self.conn.execute("DELETE FROM ladders")
                self.conn.executemany("INSERT INTO ladders VALUES (?, ?, ?)",
                                      [(l["id"], l["name"], json.dumps(l, ensure_ascii=False)) for l in ladders])
        except sqlite3.Error as exc:
            raise StoreError(f"cannot store ladders: {exc}", self.path) from exc

    # -- reads ----------------------------------------------------------------
    def documents(self, kind: str | None = None) -> Iterator[tuple[DocumentRecord, list[dict[str, Any]]]]:
        """Stored documents by key, each with its roles in document order; with ``kind``, only those
        holding a role of that kind."""
        sql = ("SELECT source, content_hash, analysis_hash, format, metadata, analysis_version, duplicate_of "
               "FROM documents d"
               + (" WHERE EXISTS (SELECT 1 FROM roles r WHERE r.document = d.source AND r.kind = ?)" if kind else "")
               + " ORDER BY source")
        for row in self.conn.execute(sql, (kind,) if kind else ()).fetchall():
            record = DocumentRecord(row[0], row[1], row[2], row[3], json.loads(row[4]), row[5], duplicate_of=row[6])
            data = [json.loads(r[0]) for r in self.conn.execute(
                "SELECT data FROM roles WHERE document = ? ORDER BY line_start, id", (row[0],))]
            yield record, data

    def data_version(self) -> str:
        """``PRAGMA data_version``: changes when another connection commits."""
        return str(self.conn.execute("PRAGMA data_version").fetchone()[0])

    def roles(self, kind: str | None = None, ladder: str | None = None) -> Iterator[dict[str, Any]]:
        """Stored roles (``roles.jsonl`` dicts), by id; optionally only one kind or ladder."""
        sql, args = "SELECT data FROM roles WHERE 1=1", []
        if kind:
            sql, args = sql + " AND kind = ?", args + [kind]
        if ladder:
            sql, args = sql + " AND ladder = ?", args + [ladder]
        for row in self.conn.execute(sql + " ORDER BY id", args):
            yield json.loads(row["data"])

    def role(self, role_id: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT data FROM roles WHERE id = ?", (role_id,)).fetchone()
        return json.loads(row["data"]) if row else None

    def ladders(self) -> list[dict[str, Any]]:
        return [json.loads(r["data"]) for r in self.conn.execute("SELECT data FROM ladders ORDER BY id")]

    def search(self, query: str, *, level: str | None = None, competency: str | None = None,
               organization: str | None = None, kind: str | None = None, limit: int | None = None
               ) -> list[SearchHit]:
        """Statements matching ``query`` (all words, last one as a prefix), best first, with filters;
        at most ``limit`` (default ``thresholds.SEARCH_RESULTS``).

        Ranked by bm25 among the ``thresholds.SEARCH_WINDOW`` most recently stored matching statements
        (all of them when fewer match), so a query for a word in every posting stays fast in
        a corpus of millions of statements; with a filter, among at least
        ``thresholds.SEARCH_FILTERED_RANKED`` × ``limit`` recent matches passing it. Kind, level and
        competency filters are words of the full-text index (``search_tags``); snippets are made for the
        returned rows only.
        """
        match = fts_query(query)
        if not match:
            return []
        limit = T.SEARCH_RESULTS if limit is None else limit
        wanted = {f"{prefix}{filter_tag(value)}" for prefix, value in (("zk", kind), ("zl", level), ("zc", competency))
                  if value}
        try:
            window = search_window(self.conn, match, wanted, organization, T.SEARCH_FILTERED_RANKED * int(limit))
            best = [rowid for rowid, _ in sorted(window, key=lambda row: row[1])[: int(limit)]]
            if not best:
                return []
            # the rows of the best ones (FTS5's snippet() here would re-read each match list: slow for common words)
            marks = ",".join("?" * len(best))
            rows = self.conn.execute(
                "SELECT s.rowid AS rid, s.id, s.role_id, s.text, s.line, s.section_kind, s.competency, "
                "r.title, r.organization, r.level, r.kind FROM statements s JOIN roles r ON r.id = s.role_id "
                f"WHERE s.rowid IN ({marks})", best).fetchall()
        except sqlite3.OperationalError as exc:
            raise StoreError(f"search failed: {exc}", self.path) from exc
        order = {rowid: i for i, rowid in enumerate(best)}
        rows = sorted(rows, key=lambda r: order[r["rid"]])
        words = [w.strip('"*').lower() for w in match.split()]
        return [SearchHit(r["id"], r["role_id"], r["text"], r["line"], r["section_kind"], r["competency"],
                          r["title"], r["organization"], r["level"], r["kind"], snippet(r["text"], words))
                for r in rows]

    def hybrid_search(self, query: str, *, level: str | None = None, competency: str | None = None,
                      organization: str | None = None, kind: str | None = None, limit: int | None = None,
                      semantic_only: bool = False) -> list[SearchHit]:
        """``search`` fused with the nearest statements by meaning (``store.vectors.hybrid_search``; the index
        beside the database, ``store.ann``, from ``thresholds.VECTOR_INDEX_MIN`` statements)."""
        token = f"{self.data_version()}:{self.conn.total_changes}"
        try:
            return hybrid_search(self, self.vector_index, self._fetch, token, "?", query, limit=limit,
                                 semantic_only=semantic_only, level=level, competency=competency,
                                 organization=organization, kind=kind)
        except sqlite3.OperationalError as exc:
            if "vector" in str(exc):
                raise StoreError("stored before statement embeddings: open it once for writing (careerladder ingest, "
                                 "build, or search --semantic) to add them", self.path) from exc
            raise StoreError(f"search failed: {exc}", self.path) from exc

    # -- assessments ------------------------------------------------------------
    def write_assessment(self, data: Mapping[str, Any]) -> bool:
        """Store one assessment (an ``assessment_data`` dict, see ``schema/assessment.schema.json``)
        in one transaction. Returns False, writing nothing, when the same dict is already stored.
        Raises ``StoreError`` on a database error or a dict without person, perspective, ladder,
        level, assessed_on and readiness."""
        row = assessment_row(data, self.path)
        try:
            with self.conn:
                cur = self.conn.execute(
                    "INSERT OR IGNORE INTO assessments (person, perspective, ladder, level_id, level_title, "
                    "assessed_on, readiness, data_hash, data, stored_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, datetime('now'))", row)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot store assessment: {exc}", self.path) from exc
        return cur.rowcount == 1

    def assessments(self, person: str, *, level: str | None = None) -> list[dict[str, Any]]:
        """Stored assessments of ``person`` (exact name), as the dicts written, oldest first
        (by ``assessed_on``, then storing order); ``level``: only this level id."""
        sql, args = "SELECT data FROM assessments WHERE person = ?", [person]
        if level:
            sql, args = sql + " AND level_id = ?", args + [level]
        return [json.loads(r["data"]) for r in self.conn.execute(sql + " ORDER BY assessed_on, id", args)]

    def counts(self) -> dict[str, int]:
        """Rows per table: documents, roles, statements, requirements, ladders."""
        return {t: self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: S608 - fixed names
                for t in ("documents", "roles", "statements", "requirements", "ladders")}

    def duplicate_counts(self) -> dict[str, int]:
        """Documents folded into another posting, by kind: ``{"exact": n, "near": n}``."""
        found = dict(self.conn.execute(count_sql()).fetchall())
        return {"exact": found.get("exact", 0), "near": found.get("near", 0)}

    def integrity_ok(self) -> bool:
        """``PRAGMA integrity_check`` says ok."""
        return self.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

    def _fetch(self, sql: str, args: Sequence[Any]) -> list[Any]:
        return self.conn.execute(sql, args).fetchall()

    def close(self) -> None:
        """A writable store first saves the vector index beside it (``store.ann.sync``); ``StoreError`` when that
        fails (the data is committed already)."""
        try:
            if not self.readonly:
                sync(self.conn, self.vector_index)
        except (sqlite3.Error, OSError, RuntimeError, ValueError) as exc:
            raise StoreError(f"cannot update the vector index beside the database: {exc}", self.path) from exc
        finally:
            self.conn.close()

    def __enter__(self) -> "SQLiteStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
