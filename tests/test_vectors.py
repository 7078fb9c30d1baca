"""Statement vectors in the stores (careerladder.store.vectors): written with each statement, filled by the
migration for databases stored before, and searched by meaning, fused with full-text search. Both backends."""

from __future__ import annotations

import sqlite3

import numpy as np
import pg
import pytest

from careerladder.embed import embed, from_bytes, to_bytes
from careerladder.store import DocumentRecord, open_store
from careerladder.store.migrations import MIGRATIONS, _split
from careerladder.store.sqlite import SQLiteStore
from careerladder.store.vectors import VectorIndex

TEXTS = {
    "vp": ["Recruits and hires engineering managers for new teams", "Owns the engineering budget",
           "Runs the on-call rotation for the platform"],
    "em": ["Interviews candidates and closes offers with the recruiter", "Writes the quarterly roadmap with product"],
}


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    s = open_store(pg.store_url(request.param, tmp_path))
    for level, texts in TEXTS.items():
        s.write_document(DocumentRecord(f"{level}.md", level, level, "markdown", {}), [role(level, texts)])
    yield s
    s.close()


def role(level, texts, org="Acme"):
    rid = f"{level}.md"
    return {"id": rid, "source": rid, "title": level.upper(), "kind": "ladder_level", "organization": org,
            "span": [1, 9], "metadata": {}, "requirements": [], "parents": [], "next_level": None,
            "leveling": {"level": level, "title_level": level, "confidence": 1.0, "scores": {}},
            "sections": [{"heading": "Does", "path": ["Does"], "kind": "responsibilities", "line": 1,
                          "statements": [{"id": f"{rid}:{n}", "text": t, "line": n, "end_line": n, "kind": "item",
                                          "children": []} for n, t in enumerate(texts, 2)], "subsections": []}]}


def test_every_statement_is_stored_with_its_vector(store):
    rows = store.conn.execute("SELECT text, vector FROM statements ORDER BY id").fetchall()
    assert len(rows) == 5
    stored = from_bytes([bytes(r[1]) for r in rows])
    assert np.allclose(stored, embed([r[0] for r in rows]), atol=2e-3)


def test_hybrid_search_finds_paraphrases_full_text_misses(store):
    assert store.search("hiring talent") == []
    hits = store.hybrid_search("hiring talent", limit=3)
    assert hits and "hires engineering managers" in hits[0].text.lower()
    assert all(h.similarity is not None for h in hits)


def test_hybrid_search_keeps_full_text_hits_first_and_applies_filters(store):
    hits = store.hybrid_search("budget", limit=5)
    assert hits[0].text == "Owns the engineering budget"
    em_only = store.hybrid_search("hiring people", level="em", limit=5)
    assert em_only and {h.level for h in em_only} == {"em"}
    assert store.hybrid_search("hiring people", organization="Nobody") == []
    only = store.hybrid_search("hiring people", semantic_only=True, limit=1)
    assert len(only) == 1 and only[0].similarity > 0.5


def test_the_index_follows_writes(store):
    store.hybrid_search("budget")
    store.write_document(DocumentRecord("cto.md", "c", "c", "markdown", {}),
                         [role("cto", ["Decides how money is spent across the company"])])
    assert any(h.role_id == "cto.md" for h in store.hybrid_search("spending money", limit=3))


def test_vectors_from_the_analysis_are_stored_as_given(tmp_path):
    s = SQLiteStore(tmp_path / "a.db")
    given = to_bytes(embed(["something else entirely"])[0])
    s.write_document(DocumentRecord("vp.md", "h", "a", "markdown", {}, vectors={"vp.md:2": given}),
                     [role("vp", TEXTS["vp"][:2])])
    rows = dict(s.conn.execute("SELECT id, vector FROM statements").fetchall())
    assert rows["vp.md:2"] == given and rows["vp.md:3"] == to_bytes(embed([TEXTS["vp"][1]])[0])


def test_a_database_from_before_embeddings_gets_vectors_when_opened(tmp_path):
    """Migration 6: a schema-5 SQLite database is embedded on its first open for writing, and says so."""
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                 "applied_at TEXT NOT NULL)")
    for version, name, sql in MIGRATIONS[:5]:
        for statement in _split(sql):
            conn.execute(statement)
        conn.execute("INSERT INTO schema_migrations VALUES (?, ?, 'then')", (version, name))
    conn.execute("INSERT INTO documents (source, content_hash, analysis_hash, format, metadata, ingested_at) "
                 "VALUES ('a.md', 'h', 'a', 'markdown', '{}', 'then')")
    conn.execute("INSERT INTO roles (id, document, title, kind, level, data) VALUES "
                 "('r', 'a.md', 'VP', 'ladder_level', 'vp', '{}')")
    conn.execute("INSERT INTO statements (id, role_id, section_kind, section_path, kind, text, line) "
                 "VALUES ('r:1', 'r', 'responsibilities', '[]', 'item', 'Recruits engineering managers', 3)")
    conn.commit()
    conn.close()
    store = SQLiteStore(path)
    assert store.notes and "embedded 1 statements" in store.notes[0]
    assert store.hybrid_search("hiring bosses", limit=1)[0].statement_id == "r:1"
    assert SQLiteStore(path).notes == []  # once


def test_vector_index_exact_nearest_with_filters():
    index = VectorIndex()
    vectors = embed(["hire managers", "own the budget", "hire engineers"])
    rows = [(10 + n, to_bytes(v), "ladder_level", lv, None, "Acme") for n, (v, lv) in
            enumerate(zip(vectors, ["vp", "vp", "em"]))]
    index.load(lambda sql, args: rows, "t1")
    query = embed(["recruiting managers"])[0]
    assert [r for r, _ in index.nearest(query, 2)] == [10, 12]
    assert [r for r, _ in index.nearest(query, 3, {"level": "em"})] == [12]
    assert index.nearest(query, 3, {"level": "cto"}) == []
    assert index.nearest(np.zeros_like(query), 3) == []

