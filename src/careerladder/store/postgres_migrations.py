"""Named, ordered schema steps for the PostgreSQL store, the counterpart of ``migrations.py``
(same tables; ``tsvector`` + GIN for search). Add a step by appending ``(version, name, sql)``;
never edit a step that shipped.
"""

from __future__ import annotations

MIGRATIONS: tuple[tuple[int, str, str], ...] = (
    (1, "initial schema", """
CREATE TABLE documents (
    source TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL,
    analysis_hash TEXT NOT NULL,
    format TEXT NOT NULL,
    metadata TEXT NOT NULL,
    ingested_at TEXT NOT NULL DEFAULT (now()::text)
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
    confidence DOUBLE PRECISION,
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
    rowid BIGSERIAL PRIMARY KEY,
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
    reference INTEGER NOT NULL DEFAULT 0,
    tsv tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', text), 'A') || setweight(to_tsvector('english', coalesce(label, '')), 'B')
    ) STORED
);
CREATE INDEX statements_role ON statements(role_id);
CREATE INDEX statements_competency ON statements(competency);
CREATE INDEX statements_tsv ON statements USING GIN (tsv);
CREATE TABLE requirements (
    role_id TEXT NOT NULL REFERENCES roles(id) ON DELETE CASCADE,
    statement_id TEXT,
    type TEXT NOT NULL,
    min DOUBLE PRECISION,
    max DOUBLE PRECISION,
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
"""),
    (2, "assessments", """
CREATE TABLE assessments (
    id BIGSERIAL PRIMARY KEY,
    person TEXT NOT NULL,
    perspective TEXT NOT NULL,
    ladder TEXT NOT NULL,
    level_id TEXT NOT NULL,
    level_title TEXT NOT NULL,
    assessed_on TEXT NOT NULL,
    readiness DOUBLE PRECISION NOT NULL,
    data_hash TEXT NOT NULL UNIQUE,
    data TEXT NOT NULL,
    stored_at TEXT NOT NULL DEFAULT (now()::text)
);
CREATE INDEX assessments_person ON assessments(person, assessed_on);
"""),
    (3, "analysis version of each document", """
ALTER TABLE documents ADD COLUMN analysis_version TEXT NOT NULL DEFAULT '';
"""),
    (4, "duplicate postings: text fingerprints, LSH bands, folded documents", """
ALTER TABLE documents ADD COLUMN text_hash TEXT;
ALTER TABLE documents ADD COLUMN minhash BYTEA;
ALTER TABLE documents ADD COLUMN duplicate_of TEXT;
ALTER TABLE documents ADD COLUMN duplicate_kind TEXT;
ALTER TABLE documents ADD COLUMN similarity DOUBLE PRECISION;
CREATE INDEX documents_text_hash ON documents(text_hash);
CREATE INDEX documents_duplicate_of ON documents(duplicate_of);
CREATE TABLE document_bands (
    key BIGINT NOT NULL,
    source TEXT NOT NULL REFERENCES documents(source) ON DELETE CASCADE,
    PRIMARY KEY (key, source)
);
CREATE INDEX document_bands_source ON document_bands(source);
"""),
    (5, "statement embeddings", """
ALTER TABLE statements ADD COLUMN vector BYTEA;
"""),
)

LATEST = MIGRATIONS[-1][0]
