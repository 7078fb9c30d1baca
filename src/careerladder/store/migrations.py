"""Named, ordered schema steps for the SQLite store (``schema_migrations`` records what ran).

Add a step by appending ``(version, name, sql)``; never edit a step that shipped. A step that needs
Python after its SQL (``AFTER``) runs in the same transaction and says what it did in ``notes``.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timezone
from typing import Callable

from ..errors import StoreError
from .vectors import fill_missing

MIGRATIONS: tuple[tuple[int, str, str], ...] = (
    (1, "initial schema", """
CREATE TABLE documents (
    source TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    analysis_hash TEXT NOT NULL,
    format TEXT NOT NULL,
    metadata TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE TABLE roles (
    id TEXT PRIMARY KEY,
    document TEXT NOT NULL REFERENCES documents(source) ON DELETE CASCADE,
    title TEXT NOT NULL,
    organization TEXT,
    kind TEXT NOT NULL,
    ladder TEXT,
    title_level TEXT,
    level TEXT,
    confidence REAL,
    inflation TEXT,
    line_start INTEGER,
    line_end INTEGER,
    data TEXT NOT NULL
);
CREATE INDEX roles_document ON roles(document);
CREATE INDEX roles_kind ON roles(kind);
CREATE INDEX roles_level ON roles(level);
CREATE INDEX roles_ladder ON roles(ladder);
CREATE TABLE statements (
    rowid INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    role_id TEXT NOT NULL REFERENCES roles(id) ON DELETE CASCADE,
    parent_id TEXT,
    section_kind TEXT NOT NULL,
    section_path TEXT NOT NULL,
    kind TEXT NOT NULL,
    label TEXT,
    text TEXT NOT NULL,
    line INTEGER NOT NULL,
    competency TEXT,
    competencies TEXT,
    reference INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX statements_role ON statements(role_id);
CREATE INDEX statements_competency ON statements(competency);
CREATE TABLE requirements (
    role_id TEXT NOT NULL REFERENCES roles(id) ON DELETE CASCADE,
    statement_id TEXT,
    type TEXT NOT NULL,
    min REAL,
    max REAL,
    unit TEXT,
    qualifier TEXT,
    value TEXT,
    text TEXT NOT NULL,
    line INTEGER NOT NULL
);
CREATE INDEX requirements_role ON requirements(role_id);
CREATE INDEX requirements_type ON requirements(type);
CREATE TABLE parents (
    role_id TEXT NOT NULL REFERENCES roles(id) ON DELETE CASCADE,
    title TEXT NOT NULL,
    phrase TEXT NOT NULL,
    href TEXT,
    line INTEGER NOT NULL,
    resolved_id TEXT
);
CREATE INDEX parents_role ON parents(role_id);
CREATE TABLE ladders (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    data TEXT NOT NULL
);
CREATE VIRTUAL TABLE statements_fts USING fts5(
    text, label, content='statements', content_rowid='rowid', tokenize='porter unicode61'
);
CREATE TRIGGER statements_ai AFTER INSERT ON statements BEGIN
    INSERT INTO statements_fts(rowid, text, label) VALUES (new.rowid, new.text, new.label);
END;
CREATE TRIGGER statements_ad AFTER DELETE ON statements BEGIN
    INSERT INTO statements_fts(statements_fts, rowid, text, label) VALUES ('delete', old.rowid, old.text, old.label);
END;
"""),
    (2, "assessments", """
CREATE TABLE assessments (
    id INTEGER PRIMARY KEY,
    person TEXT NOT NULL,
    perspective TEXT NOT NULL,
    ladder TEXT NOT NULL,
    level_id TEXT NOT NULL,
    level_title TEXT NOT NULL,
    assessed_on TEXT NOT NULL,
    readiness REAL NOT NULL,
    data_hash TEXT NOT NULL UNIQUE,
    data TEXT NOT NULL,
    stored_at TEXT NOT NULL
);
CREATE INDEX assessments_person ON assessments(person, assessed_on);
"""),
    (3, "search filters inside the full-text index", """
ALTER TABLE statements ADD COLUMN tags TEXT NOT NULL DEFAULT '';
UPDATE statements SET tags = (
    SELECT 'zk' || replace(r.kind, '_', '') || ' zl' || replace(coalesce(r.level, 'none'), '_', '')
    FROM roles r WHERE r.id = statements.role_id
) || ' zc' || replace(coalesce(statements.competency, 'none'), '_', '');
DROP TRIGGER statements_ai;
DROP TRIGGER statements_ad;
DROP TABLE statements_fts;
CREATE VIRTUAL TABLE statements_fts USING fts5(
    text, label, tags, content='statements', content_rowid='rowid', tokenize='porter unicode61'
);
CREATE TRIGGER statements_ai AFTER INSERT ON statements BEGIN
    INSERT INTO statements_fts(rowid, text, label, tags) VALUES (new.rowid, new.text, new.label, new.tags);
END;
CREATE TRIGGER statements_ad AFTER DELETE ON statements BEGIN
    INSERT INTO statements_fts(statements_fts, rowid, text, label, tags)
    VALUES ('delete', old.rowid, old.text, old.label, old.tags);
END;
INSERT INTO statements_fts(statements_fts) VALUES ('rebuild');
"""),
    (4, "analysis version of each document", """
ALTER TABLE documents ADD COLUMN analysis_version TEXT NOT NULL DEFAULT '';
"""),
    (5, "duplicate postings: text fingerprints, LSH bands, folded documents", """
ALTER TABLE documents ADD COLUMN text_hash TEXT;
ALTER TABLE documents ADD COLUMN minhash BLOB;
ALTER TABLE documents ADD COLUMN duplicate_of TEXT;
ALTER TABLE documents ADD COLUMN duplicate_kind TEXT;
ALTER TABLE documents ADD COLUMN similarity REAL;
CREATE INDEX documents_text_hash ON documents(text_hash);
CREATE INDEX documents_duplicate_of ON documents(duplicate_of);
CREATE TABLE document_bands (
    key INTEGER NOT NULL,
    source TEXT NOT NULL REFERENCES documents(source) ON DELETE CASCADE,
    PRIMARY KEY (key, source)
) WITHOUT ROWID;
CREATE INDEX document_bands_source ON document_bands(source);
"""),
    (6, "statement embeddings", """
ALTER TABLE statements ADD COLUMN vector BLOB;
"""),
    (7, "vector index change log", """
CREATE TABLE vector_changes (seq INTEGER PRIMARY KEY AUTOINCREMENT, statement INTEGER NOT NULL);
CREATE TABLE vector_index_id (id TEXT NOT NULL);
INSERT INTO vector_index_id VALUES (lower(hex(randomblob(16))));
CREATE TRIGGER statements_vector_ai AFTER INSERT ON statements BEGIN
    INSERT INTO vector_changes (statement) VALUES (new.rowid);
END;
CREATE TRIGGER statements_vector_ad AFTER DELETE ON statements BEGIN
    INSERT INTO vector_changes (statement) VALUES (old.rowid);
END;
CREATE TRIGGER statements_vector_au AFTER UPDATE OF vector ON statements BEGIN
    INSERT INTO vector_changes (statement) VALUES (new.rowid);
END;
"""),
)

LATEST = MIGRATIONS[-1][0]


def _fill_vectors(conn: sqlite3.Connection) -> str | None:
    done = fill_missing(lambda sql, args: conn.execute(sql, args).fetchall(),
                        lambda rows: conn.executemany("UPDATE statements SET vector = ? WHERE rowid = ?", rows))
    return f"migration 6: embedded {done} statements stored before (search by meaning needs no new ingest)" \
        if done else None


#: Python run after a step's SQL, in its transaction: returns a note for the user, or None.
AFTER: dict[int, Callable[[sqlite3.Connection], str | None]] = {6: _fill_vectors}


def migrate(conn: sqlite3.Connection, source: str, notes: list[str] | None = None) -> int:
    """Apply the steps ``conn`` lacks; returns the schema version. What a Python step did is appended
    to ``notes`` (migration 6 embeds the statements stored before it).

    Raises ``StoreError`` when the database was written by a newer careerladder.
    """
    conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations "
                 "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)")
    have = {row[0] for row in conn.execute("SELECT version FROM schema_migrations")}
    if have and max(have) > LATEST:
        raise StoreError(f"database schema version {max(have)} is newer than this careerladder ({LATEST})",
                         source)
    for version, name, sql in MIGRATIONS:
        if version in have:
            continue
        with conn:
            for statement in _split(sql):
                conn.execute(statement)
            note = AFTER[version](conn) if version in AFTER else None
            if note and notes is not None:
                notes.append(note)
            conn.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)",
                         (version, name, datetime.now(timezone.utc).isoformat()))
    return LATEST


def _split(sql: str) -> list[str]:
    """Statements of a migration (triggers keep their inner semicolons)."""
    out, buf, depth = [], [], 0
    for line in sql.strip().splitlines():
        buf.append(line)
        upper = line.strip().upper()
        if upper.startswith("CREATE TRIGGER"):
            depth += 1
        if upper == "END;":
            depth -= 1
        if depth == 0 and line.rstrip().endswith(";"):
            out.append("\n".join(buf))
            buf = []
    if "".join(buf).strip():
        out.append("\n".join(buf))
    return out
