"""PostgreSQL store (psycopg 3): the SQLite store's schema and queries, COPY for bulk writes,
full-text search with PostgreSQL's own ``tsvector`` + GIN index.

Open it with ``open_store("postgresql://user@host:port/db")``. Differences from SQLite, all
deliberate: search ranks with ``ts_rank`` on the English configuration (stemmed like SQLite's
``porter`` tokenizer); a query made only of stop words ("the") matches nothing; NUL characters,
which PostgreSQL text cannot hold, are dropped from stored text.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any, Iterator, Mapping, Sequence

import psycopg

from .. import thresholds as T
from ..errors import StoreError
from .base import (MARK_END, MARK_START, DocumentRecord, DocumentStatus, SearchHit, assessment_row,
                   document_status, flatten_statements)
from .duplicates import DOCUMENT_COLUMNS, Fold, batch_finder, count_sql, fold_columns, sql_finder, stale_sql
from .postgres_migrations import LATEST, MIGRATIONS
from .vectors import VectorIndex, fill_missing, hybrid_search, role_vectors

#: Text-search configuration used for the statements' ``tsvector``.
TS_CONFIG = "english"
#: Key of the advisory lock that serializes concurrent migrations (any fixed 64-bit number).
MIGRATION_LOCK = 7_264_921_001
#: Key of the advisory lock held while a batch is checked for duplicates and written, so that writers
#: in parallel (Dask partitions) never store the same posting twice.
WRITE_LOCK = 7_264_921_002

#: The migration that adds statement vectors; the statements stored before it are embedded right after it.
VECTORS_MIGRATION = 5

_STATEMENT_COLUMNS = ("id, role_id, parent_id, section_kind, section_path, kind, label, text, line, "
                      "competency, competencies, reference, vector")


def ts_query(text: str) -> str:
    """A safe ``to_tsquery`` string for user text: its letters-and-digits words ANDed, the last as a prefix.

    >>> ts_query('budget OR "x')
    'budget & OR & x:*'
    >>> ts_query("  '; --")
    ''
    """
    words = "".join(ch if ch.isalnum() else " " for ch in text).split()
    if not words:
        return ""
    return " & ".join(words[:-1] + [words[-1] + ":*"])


def _clean(value: Any) -> Any:
    """A value PostgreSQL text accepts (NUL characters dropped)."""
    if isinstance(value, str) and "\x00" in value:
        return value.replace("\x00", "")
    return value


def _row(values: Sequence[Any]) -> tuple:
    return tuple(_clean(v) for v in values)


class PostgresStore:
    """The store in a PostgreSQL database given by a ``postgresql://`` URL (psycopg 3).

    Writes run in explicit transactions; reads run in autocommit mode and never hold a
    transaction open. Raises ``StoreError`` when the server cannot be reached, the
    schema is newer than this careerladder, or a write fails.
    """

    def __init__(self, url: str, *, readonly: bool = False):
        self.url = url
        self.path = _redact(url)
        self.readonly = readonly
        self.notes: list[str] = []
        self.vector_index = VectorIndex()
        try:
            self.conn = psycopg.connect(url, autocommit=True)
            if readonly:
                self.conn.execute("SET default_transaction_read_only = on")
            else:
                self._migrate()
            version = self._schema_version()
        except psycopg.Error as exc:
            raise StoreError(f"cannot open database: {_first_line(exc)}", self.path) from exc
        if version > LATEST:
            self.conn.close()
            raise StoreError(f"database schema version {version} is newer than this careerladder ({LATEST})",
                             self.path)

    # -- schema ---------------------------------------------------------------
    def _schema_version(self) -> int:
        row = self.conn.execute("SELECT to_regclass('schema_migrations')").fetchone()
        if row[0] is None:
            return 0
        return self.conn.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()[0]

    def _migrate(self) -> None:
        with self.conn.transaction():
            self.conn.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
            self.conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations "
                              "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
            have = {r[0] for r in self.conn.execute("SELECT version FROM schema_migrations")}
            if have and max(have) > LATEST:
                return  # refused by the caller with a clear message
            for version, name, sql in MIGRATIONS:
                if version in have:
                    continue
                self.conn.execute(sql)
                if version == VECTORS_MIGRATION:
                    done = fill_missing(lambda q, args: self.conn.execute(q, args).fetchall(), self._set_vectors, "%s")
                    if done:
                        self.notes.append(f"migration {version}: embedded {done} statements stored before "
                                          "(search by meaning needs no new ingest)")
                self.conn.execute("INSERT INTO schema_migrations VALUES (%s, %s, %s)",
                                  (version, name, datetime.now(timezone.utc).isoformat()))

    def _set_vectors(self, rows: list[tuple[bytes, int]]) -> None:
        with self.conn.cursor() as cur:
            cur.executemany("UPDATE statements SET vector = %s WHERE rowid = %s", rows)

    # -- writes ---------------------------------------------------------------
    def has_document(self, source: str, content_hash: str, analysis_hash: str | None = None) -> bool:
        """True when ``source`` is stored with this content (and analysis, when given)."""
        row = self.conn.execute("SELECT content_hash, analysis_hash FROM documents WHERE source = %s",
                                (source,)).fetchone()
        if row is None or row[0] != content_hash:
            return False
        return analysis_hash is None or row[1] == analysis_hash

    def document_status(self, source: str, content_hash: str, analysis_version: str) -> DocumentStatus:
        """``new``, ``changed``, ``stale`` or ``current`` (``base.document_status``)."""
        row = self.conn.execute("SELECT content_hash, analysis_version FROM documents WHERE source = %s",
                                (source,)).fetchone()
        return document_status(tuple(row) if row else None, content_hash, analysis_version)

    def _update_versions(self, records: Sequence[DocumentRecord]) -> None:
        """Bring the ``analysis_version`` of unchanged documents up to date."""
        if records:
            with self.conn.transaction(), self.conn.cursor() as cur:
                cur.executemany("UPDATE documents SET analysis_version = %s WHERE source = %s "
                                "AND analysis_version <> %s",
                                [(r.analysis_version, r.source, r.analysis_version) for r in records])

    def write_document(self, record: DocumentRecord, roles: Sequence[Mapping[str, Any]]) -> bool | Fold:
        """Replace what is stored for ``record.source`` by ``roles`` in one transaction.

        Returns False (and writes only a newer ``analysis_version``) when content and analysis are
        unchanged, a ``Fold`` when the document repeats a stored posting (``store.duplicates``).
        Raises ``StoreError`` on a database error; the previous version stays intact.
        """
        if self.has_document(record.source, record.content_hash, record.analysis_hash):
            self._update_versions([record])
            return False
        _document_rows([(record, roles)], [None])  # KeyError for a malformed role, before any write
        try:
            fold, = self._write([(record, roles)])
        except psycopg.Error as exc:
            raise StoreError(f"cannot store document: {_first_line(exc)}", record.source) from exc
        return fold or True

    def write_documents(self, batch: Sequence[tuple[DocumentRecord, Sequence[Mapping[str, Any]]]]
                        ) -> list[Any]:
        """Write many documents with one COPY per table in one transaction.

        Returns one outcome per item: True (written), a ``Fold`` (written folded into a stored
        posting), False (unchanged) or the
        ``StoreError`` of a document that failed. When the bulk transaction fails it
        is rolled back whole and every document is retried in its own transaction,
        so a bad document never leaves a partial role and never blocks the others.
        """
        if not batch:
            return []
        stored = {}
        sources = [record.source for record, _ in batch]
        for src, content, analysis in self.conn.execute(
                "SELECT source, content_hash, analysis_hash FROM documents WHERE source = ANY(%s)", (sources,)):
            stored[src] = (content, analysis)
        out: list[Any] = [False] * len(batch)
        todo = [i for i, (record, _) in enumerate(batch)
                if stored.get(record.source) != (record.content_hash, record.analysis_hash)]
        self._update_versions([record for i, (record, _) in enumerate(batch) if i not in set(todo)])
        if not todo:
            return out
        try:
            _document_rows([batch[i] for i in todo], [None] * len(todo))  # KeyError for a malformed role
            folds = self._write([batch[i] for i in todo])
        except Exception:  # noqa: BLE001 - find the failing document(s) one by one
            for i in todo:
                try:
                    out[i] = self.write_document(*batch[i])
                except StoreError as exc:
                    out[i] = exc
                except Exception as exc:  # noqa: BLE001
                    out[i] = StoreError(f"cannot store document: {type(exc).__name__}: {exc}", batch[i][0].source)
            return out
        for i, fold in zip(todo, folds):
            out[i] = fold or True
        return out

    def _write(self, batch: Sequence[tuple[DocumentRecord, Sequence[Mapping[str, Any]]]]) -> list[Fold | None]:
        """In one transaction holding ``WRITE_LOCK``: delete the documents being replaced (marking stale the
        ones folded into a posting whose text changed), find each one's duplicate, COPY every table's rows."""
        with self.conn.transaction(), self.conn.cursor() as cur:
            cur.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
            texts = {record.source: record.text_hash for record, _ in batch}
            cur.execute("DELETE FROM documents WHERE source = ANY(%s) RETURNING source, text_hash", (list(texts),))
            changed = [(source,) for source, old in cur.fetchall() if old and old != texts.get(source)]
            if changed:
                cur.executemany(stale_sql("%s"), changed)
            finder, add = batch_finder(*_lookups(self.conn))
            folds = []
            for record, roles in batch:
                folds.append(finder.find(record, roles))
                add(record, folds[-1])
            rows = _document_rows(batch, folds)
            for table, columns in (("documents", DOCUMENT_COLUMNS),
                                   ("document_bands", "key, source"),
                                   ("roles", "id, document, title, organization, kind, ladder, title_level, level, "
                                             "confidence, inflation, line_start, line_end, data"),
                                   ("statements", _STATEMENT_COLUMNS),
                                   ("requirements", "role_id, statement_id, type, min, max, unit, qualifier, value, "
                                                    "text, line"),
                                   ("parents", "role_id, title, phrase, href, line, resolved_id")):
                if not rows[table]:
                    continue
                with cur.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                    for row in rows[table]:
                        copy.write_row(row)
        return folds

    def write_ladders(self, ladders: Sequence[Mapping[str, Any]]) -> None:
        """Replace the stored ladders (they are derived from all stored levels)."""
        try:
            with self.conn.transaction(), self.conn.cursor() as cur:
                cur.execute("DELETE FROM ladders")
                cur.executemany("INSERT INTO ladders VALUES (%s, %s, %s)",
                                [_row((l["id"], l["name"], json.dumps(l, ensure_ascii=False))) for l in ladders])
        except psycopg.Error as exc:
            raise StoreError(f"cannot store ladders: {_first_line(exc)}", self.path) from exc

    # -- reads ----------------------------------------------------------------
    def documents(self, kind: str | None = None) -> Iterator[tuple[DocumentRecord, list[dict[str, Any]]]]:
        """Stored documents by key, each with its roles in document order; with ``kind``, only those
        holding a role of that kind."""
        sql = ("SELECT source, content_hash, analysis_hash, format, metadata, analysis_version, duplicate_of "
               "FROM documents d"
               + (" WHERE EXISTS (SELECT 1 FROM roles r WHERE r.document = d.source AND r.kind = %s)" if kind else "")
               + " ORDER BY source")
        for row in self.conn.execute(sql, (kind,) if kind else ()).fetchall():
            record = DocumentRecord(row[0], row[1], row[2], row[3], json.loads(row[4]), row[5], duplicate_of=row[6])
            data = [json.loads(r[0]) for r in self.conn.execute(
                "SELECT data FROM roles WHERE document = %s ORDER BY line_start, id", (row[0],))]
            yield record, data

    def data_version(self) -> str:
        """The server's current WAL position: it moves whenever anything is committed."""
        return str(self.conn.execute("SELECT pg_current_wal_lsn()").fetchone()[0])

    def roles(self, kind: str | None = None, ladder: str | None = None) -> Iterator[dict[str, Any]]:
        """Stored roles (``roles.jsonl`` dicts), by id; optionally only one kind or ladder.

        Streams in pages of ``thresholds.POSTGRES_PAGE_ROWS`` (keyset pagination on the id).
        """
        where, args = "", []
        if kind:
            where, args = where + " AND kind = %s", args + [kind]
        if ladder:
            where, args = where + " AND ladder = %s", args + [ladder]
        last = ""
        while True:
            rows = self.conn.execute(f"SELECT id, data FROM roles WHERE id > %s{where} ORDER BY id LIMIT %s",
                                     [last, *args, T.POSTGRES_PAGE_ROWS]).fetchall()
            for _, data in rows:
                yield json.loads(data)
            if len(rows) < T.POSTGRES_PAGE_ROWS:
                return
            last = rows[-1][0]

    def role(self, role_id: str) -> dict[str, Any] | None:
        row = self.conn.execute("SELECT data FROM roles WHERE id = %s", (role_id,)).fetchone()
        return json.loads(row[0]) if row else None

    def ladders(self) -> list[dict[str, Any]]:
        return [json.loads(r[0]) for r in self.conn.execute("SELECT data FROM ladders ORDER BY id")]

    def search(self, query: str, *, level: str | None = None, competency: str | None = None,
               organization: str | None = None, kind: str | None = None, limit: int | None = None
               ) -> list[SearchHit]:
        """Statements matching ``query`` (all words, last one as a prefix), best first, with filters;
        at most ``limit`` (default ``thresholds.SEARCH_RESULTS``).

        Ranked by ``ts_rank`` among the ``thresholds.SEARCH_WINDOW`` most recently stored matching
        statements, as the SQLite store does.
        """
        tsq = ts_query(query)
        if not tsq:
            return []
        filters, args = "", [TS_CONFIG, tsq]
        for column, value in (("r.level", level), ("s.competency", competency), ("r.organization", organization),
                              ("r.kind", kind)):
            if value:
                filters += f" AND {column} = %s"
                args.append(value)
        options = (f'StartSel="{MARK_START}", StopSel="{MARK_END}", MaxWords={T.POSTGRES_HEADLINE_MAX_WORDS}, '
                   f'MinWords={T.POSTGRES_HEADLINE_MIN_WORDS}, ShortWord={T.POSTGRES_HEADLINE_SHORT_WORD}')
        sql = ("WITH q AS (SELECT to_tsquery(%s::regconfig, %s) AS q), hits AS ("
               "SELECT s.id, s.role_id, s.text, s.line, s.section_kind, s.competency, r.title, r.organization, "
               "r.level, r.kind, ts_rank(s.tsv, q.q) AS rank, s.rowid FROM q, statements s "
               f"JOIN roles r ON r.id = s.role_id WHERE s.tsv @@ q.q{filters} ORDER BY s.rowid DESC LIMIT %s), "
               "best AS (SELECT * FROM hits ORDER BY rank DESC, rowid DESC LIMIT %s) "
               "SELECT best.*, ts_headline(%s::regconfig, best.text, q.q, %s) FROM best, q "
               "ORDER BY rank DESC, rowid DESC")
        args += [T.SEARCH_WINDOW, int(T.SEARCH_RESULTS if limit is None else limit), TS_CONFIG, options]
        try:
            rows = self.conn.execute(sql, args).fetchall()
        except psycopg.Error as exc:
            raise StoreError(f"search failed: {_first_line(exc)}", self.path) from exc
        return [SearchHit(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[12]) for r in rows]

    def hybrid_search(self, query: str, *, level: str | None = None, competency: str | None = None,
                      organization: str | None = None, kind: str | None = None, limit: int | None = None,
                      semantic_only: bool = False) -> list[SearchHit]:
        """``search`` fused with the nearest statements by meaning: exact search over the stored vectors
        held in memory (``store.vectors``), as in SQLite; reloaded when the WAL insert position moves
        (the write position can lag it when commits are asynchronous)."""
        try:
            token = str(self.conn.execute("SELECT pg_current_wal_insert_lsn()").fetchone()[0])
            return hybrid_search(self, self.vector_index, lambda sql, args: self.conn.execute(sql, args).fetchall(),
                                 token, "%s", query, limit=limit, semantic_only=semantic_only,
                                 level=level, competency=competency, organization=organization, kind=kind)
        except psycopg.Error as exc:
            raise StoreError(f"search failed: {_first_line(exc)}", self.path) from exc

    # -- assessments ------------------------------------------------------------
    def write_assessment(self, data: Mapping[str, Any]) -> bool:
        """Store one assessment (an ``assessment_data`` dict, see ``schema/assessment.schema.json``)
        in one transaction. Returns False, writing nothing, when the same dict is already stored.
        Raises ``StoreError`` on a database error or a dict without person, perspective, ladder,
        level, assessed_on and readiness."""
        row = assessment_row(data, self.path)
        try:
            with self.conn.transaction():
                cur = self.conn.execute(
                    "INSERT INTO assessments (person, perspective, ladder, level_id, level_title, assessed_on, "
                    "readiness, data_hash, data) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s) "
                    "ON CONFLICT (data_hash) DO NOTHING", _row(row))
        except psycopg.Error as exc:
            raise StoreError(f"cannot store assessment: {_first_line(exc)}", self.path) from exc
        return cur.rowcount == 1

    def assessments(self, person: str, *, level: str | None = None) -> list[dict[str, Any]]:
        """Stored assessments of ``person`` (exact name), as the dicts written, oldest first
        (by ``assessed_on``, then storing order); ``level``: only this level id."""
        sql, args = "SELECT data FROM assessments WHERE person = %s", [person]
        if level:
            sql, args = sql + " AND level_id = %s", args + [level]
        return [json.loads(r[0]) for r in self.conn.execute(sql + " ORDER BY assessed_on, id", args)]

    def counts(self) -> dict[str, int]:
        """Rows per table: documents, roles, statements, requirements, ladders."""
        return {t: self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # noqa: S608 - fixed names
                for t in ("documents", "roles", "statements", "requirements", "ladders")}

    def duplicate_counts(self) -> dict[str, int]:
        """Documents folded into another posting, by kind: ``{"exact": n, "near": n}``."""
        found = dict(self.conn.execute(count_sql()).fetchall())
        return {"exact": found.get("exact", 0), "near": found.get("near", 0)}

    def integrity_ok(self) -> bool:
        """No role without its document, no statement or requirement without its role."""
        checks = ("SELECT count(*) FROM roles r LEFT JOIN documents d ON d.source = r.document WHERE d.source IS NULL",
                  "SELECT count(*) FROM statements s LEFT JOIN roles r ON r.id = s.role_id WHERE r.id IS NULL",
                  "SELECT count(*) FROM requirements q LEFT JOIN roles r ON r.id = q.role_id WHERE r.id IS NULL")
        return all(self.conn.execute(sql).fetchone()[0] == 0 for sql in checks)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "PostgresStore":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _lookups(conn: psycopg.Connection):
    """The database lookups of the duplicate finder (``store.duplicates.sql_finder``) on ``conn``."""
    finder = sql_finder(lambda sql, args: conn.execute(sql, args).fetchall(), "%s")
    return finder.exact, finder.near


def _document_rows(batch: Sequence[tuple[DocumentRecord, Sequence[Mapping[str, Any]]]],
                   folds: Sequence[Fold | None]) -> dict[str, list[tuple]]:
    """The rows of every table for a batch of documents, a folded one without its roles (raises KeyError
    for a malformed role dict)."""
    rows: dict[str, list[tuple]] = {t: [] for t in ("documents", "document_bands", "roles", "statements",
                                                    "requirements", "parents")}
    for (record, roles), fold in zip(batch, folds):
        rows["documents"].append(_row((record.source, record.content_hash, record.analysis_hash, record.format,
                                       json.dumps(record.metadata, ensure_ascii=False), record.analysis_version,
                                       *fold_columns(record, fold))))
        if fold is not None:
            continue
        rows["document_bands"].extend((key, record.source) for key in dict.fromkeys(record.bands)
                                      if record.text_hash)
        for role in roles:
            leveling = role.get("leveling") or {}
            span = role.get("span") or [0, 0]
            rows["roles"].append(_row((
                role["id"], record.source, role["title"], role.get("organization"), role["kind"], role.get("ladder"),
                leveling.get("title_level"), leveling.get("level"), leveling.get("confidence"),
                leveling.get("inflation"), span[0], span[1], json.dumps(role, ensure_ascii=False))))
            rows["statements"].extend(_row(r + (v,)) for r, v in zip(flatten_statements(role),
                                                                      role_vectors(role, record.vectors)))
            rows["requirements"].extend(
                _row((role["id"], r.get("statement_id"), r["type"], r.get("min"), r.get("max"), r.get("unit"),
                      r.get("qualifier"), r.get("value"), r["text"], r["line"])) for r in role.get("requirements", ()))
            rows["parents"].extend(
                _row((role["id"], p["title"], p["phrase"], p.get("href"), p["line"], p.get("resolved_id")))
                for p in role.get("parents", ()))
    return rows


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def _redact(url: str) -> str:
    """The URL without its password (it names the database in messages)."""
    try:
        info = psycopg.conninfo.conninfo_to_dict(url)
    except psycopg.Error:
        return "postgresql://…"
    user = f"{info['user']}@" if info.get("user") else ""
    host = info.get("host", "")
    port = f":{info['port']}" if info.get("port") else ""
    return f"postgresql://{user}{host}{port}/{info.get('dbname', '')}"
