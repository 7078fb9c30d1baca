"""The SQLite store: schema, idempotent writes, one transaction per document, search."""

from __future__ import annotations

import sqlite3

import pytest

from careerladder.errors import StoreError
from careerladder.store import DocumentRecord, open_store
from careerladder.store.migrations import LATEST
from careerladder.store.sqlite import fts_query


def role(rid, text="Own the engineering budget", kind="ladder_level"):
    return {"id": rid, "source": "a.md", "title": "VP of Engineering", "kind": kind, "organization": "Acme",
            "span": [1, 5], "metadata": {}, "requirements": [{"type": "manages_managers", "text": "x", "line": 3,
                                                              "value": "yes"}],
            "parents": [{"title": "Director", "phrase": "Same as Director", "line": 2, "resolved_id": None}],
            "next_level": None,
            "sections": [{"heading": "Is expected to", "path": ["Is expected to"], "kind": "responsibilities",
                          "line": 4, "statements": [{"id": f"{rid}:1", "text": text, "line": 5, "end_line": 5,
                                                     "kind": "item", "children": []}], "subsections": []}]}


def test_write_is_idempotent_and_replaces_changed_documents(tmp_path):
    store = open_store(tmp_path / "x.db")
    rec = DocumentRecord("a.md", "h1", "a1", "markdown", {})
    assert store.write_document(rec, [role("a.md")]) is True
    assert store.write_document(rec, [role("a.md")]) is False
    assert store.counts() == {"documents": 1, "roles": 1, "statements": 1, "requirements": 1, "ladders": 0}
    store.write_document(DocumentRecord("a.md", "h2", "a2", "markdown", {}), [role("a.md", "Hire directors")])
    assert store.counts()["statements"] == 1
    assert [h.text for h in store.search("directors")] == ["Hire directors"]
    assert store.search("budget") == []
    store.close()


def test_failed_write_keeps_the_previous_version(tmp_path):
    store = open_store(tmp_path / "x.db")
    store.write_document(DocumentRecord("a.md", "h1", "a1", "markdown", {}), [role("a.md")])
    broken = role("a.md")
    del broken["sections"][0]["statements"][0]["text"]
    with pytest.raises((StoreError, KeyError)):
        store.write_document(DocumentRecord("a.md", "h2", "a2", "markdown", {}), [broken])
    assert [h.text for h in store.search("budget")] == ["Own the engineering budget"]
    assert store.integrity_ok()


def test_duplicate_role_id_from_another_document_is_a_store_error(tmp_path):
    store = open_store(tmp_path / "x.db")
    store.write_document(DocumentRecord("a.md", "h1", "a1", "markdown", {}), [role("same")])
    with pytest.raises(StoreError, match="b.md"):
        store.write_document(DocumentRecord("b.md", "h2", "a2", "markdown", {}), [role("same")])


def test_search_filters_and_prefix(tmp_path):
    store = open_store(":memory:")
    store.write_document(DocumentRecord("a.md", "h", "a", "markdown", {}), [role("a.md")])
    store.write_document(DocumentRecord("b.md", "h", "a", "markdown", {}),
                         [role("b.md", "Own the hiring budget", kind="job_posting")])
    assert len(store.search("budg")) == 2
    assert [h.role_id for h in store.search("budget", kind="job_posting")] == ["b.md"]
    assert store.search('"; DROP TABLE roles; --') == []
    assert store.counts()["roles"] == 2


def test_schema_version_and_newer_database_refused(tmp_path):
    path = tmp_path / "x.db"
    open_store(path).close()
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT max(version) FROM schema_migrations").fetchone()[0] == LATEST
    conn.execute("INSERT INTO schema_migrations VALUES (999, 'future', 'now')")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        open_store(path)


def test_fts_query_quotes_user_words():
    assert fts_query('budget OR "x') == '"budget" "OR" "x"*'
    assert fts_query("  ") == ""


def test_unknown_url_scheme():
    with pytest.raises(StoreError, match="unknown database URL"):
        open_store("mysql://x")
