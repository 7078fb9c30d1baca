"""The stores, SQLite and PostgreSQL, under one suite: schema, idempotent writes, one transaction per
document, batched writes, search. Every backend-parametrized test runs against both; the PostgreSQL
half skips with the reason when no server can be started (see tests/pg.py)."""

from __future__ import annotations

import sqlite3

import pg
import pytest

from careerladder import thresholds
from careerladder.errors import StoreError
from careerladder.store import DocumentRecord, open_store
from careerladder.store.base import write_batch
from careerladder.store.migrations import LATEST
from careerladder.store.sqlite import fts_query

BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(params=BACKENDS)
def url(request, tmp_path):
    """A fresh, empty database of each backend."""
    return pg.store_url(request.param, tmp_path)


def role(rid, text="Own the engineering budget", kind="ladder_level"):
    return {"id": rid, "source": "a.md", "title": "VP of Engineering", "kind": kind, "organization": "Acme",
            "span": [1, 5], "metadata": {}, "requirements": [{"type": "manages_managers", "text": "x", "line": 3,
                                                              "value": "yes"}],
            "parents": [{"title": "Director", "phrase": "Same as Director", "line": 2, "resolved_id": None}],
            "next_level": None,
            "sections": [{"heading": "Is expected to", "path": ["Is expected to"], "kind": "responsibilities",
                          "line": 4, "statements": [{"id": f"{rid}:1", "text": text, "line": 5, "end_line": 5,
                                                     "kind": "item", "children": []}], "subsections": []}]}


def test_write_is_idempotent_and_replaces_changed_documents(url):
    store = open_store(url)
    rec = DocumentRecord("a.md", "h1", "a1", "markdown", {})
    assert store.write_document(rec, [role("a.md")]) is True
    assert store.write_document(rec, [role("a.md")]) is False
    assert store.counts() == {"documents": 1, "roles": 1, "statements": 1, "requirements": 1, "ladders": 0}
    store.write_document(DocumentRecord("a.md", "h2", "a2", "markdown", {}), [role("a.md", "Hire directors")])
    assert store.counts()["statements"] == 1
    assert [h.text for h in store.search("directors")] == ["Hire directors"]
    assert store.search("budget") == []
    store.close()


def test_failed_write_keeps_the_previous_version(url):
    store = open_store(url)
    store.write_document(DocumentRecord("a.md", "h1", "a1", "markdown", {}), [role("a.md")])
    broken = role("a.md")
    del broken["sections"][0]["statements"][0]["text"]
    with pytest.raises((StoreError, KeyError)):
        store.write_document(DocumentRecord("a.md", "h2", "a2", "markdown", {}), [broken])
    assert [h.text for h in store.search("budget")] == ["Own the engineering budget"]
    assert store.integrity_ok()


def test_duplicate_role_id_from_another_document_is_a_store_error(url):
    store = open_store(url)
    store.write_document(DocumentRecord("a.md", "h1", "a1", "markdown", {}), [role("same")])
    with pytest.raises(StoreError, match="b.md"):
        store.write_document(DocumentRecord("b.md", "h2", "a2", "markdown", {}), [role("same")])


def test_search_filters_and_prefix(url):
    store = open_store(url)
    store.write_document(DocumentRecord("a.md", "h", "a", "markdown", {}), [role("a.md")])
    store.write_document(DocumentRecord("b.md", "h", "a", "markdown", {}),
                         [role("b.md", "Own the hiring budget", kind="job_posting")])
    assert len(store.search("budg")) == 2
    assert [h.role_id for h in store.search("budget", kind="job_posting")] == ["b.md"]
    assert store.search('"; DROP TABLE roles; --') == []
    assert store.counts()["roles"] == 2


def test_schema_version_and_newer_database_refused(url):
    open_store(url).close()
    if url.startswith("postgresql://"):
        import psycopg
        from careerladder.store.postgres import LATEST as latest
        conn = psycopg.connect(url, autocommit=True)
    else:
        latest, conn = LATEST, sqlite3.connect(url)
    assert conn.execute("SELECT max(version) FROM schema_migrations").fetchone()[0] == latest
    conn.execute("INSERT INTO schema_migrations VALUES (999, 'future', 'now')")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        open_store(url)


def test_fts_query_quotes_user_words():
    assert fts_query('budget OR "x') == '"budget" "OR" "x"*'
    assert fts_query("  ") == ""


def test_unknown_url_scheme():
    with pytest.raises(StoreError, match="unknown database URL"):
        open_store("mysql://x")


def test_batched_write_isolates_a_bad_document_and_keeps_the_rest(url):
    store = open_store(url)
    broken = role("bad.md")
    del broken["sections"][0]["statements"][0]["text"]
    batch = [(DocumentRecord("a.md", "h", "a", "markdown", {"n": 1}), [role("a.md")]),
             (DocumentRecord("bad.md", "h", "a", "markdown", {}), [broken]),
             (DocumentRecord("c.md", "h", "a", "markdown", {}), [role("c.md", "Hire directors")]),
             (DocumentRecord("d.md", "h", "a", "markdown", {}), [role("a.md")])]  # role id of a.md again
    outcomes = write_batch(store, batch)
    assert outcomes[0] is True and outcomes[2] is True
    assert isinstance(outcomes[1], StoreError) and "bad.md" in str(outcomes[1])
    assert isinstance(outcomes[3], StoreError) and "d.md" in str(outcomes[3])
    assert store.counts() == {"documents": 2, "roles": 2, "statements": 2, "requirements": 2, "ladders": 0}
    assert not store.has_document("bad.md", "h") and not store.has_document("d.md", "h")
    assert store.integrity_ok()
    assert write_batch(store, batch[:1] + batch[2:3]) == [False, False]
    changed = (DocumentRecord("c.md", "h2", "a2", "markdown", {}), [role("c.md", "Coach managers")])
    assert write_batch(store, [changed]) == [True]
    assert [h.text for h in store.search("coach")] == ["Coach managers"]
    assert store.search("directors") == []


def test_write_batch_falls_back_to_one_document_at_a_time(url):
    class OnlyWriteDocument:  # a store without write_documents (the protocol's minimum)
        def __init__(self, inner):
            self.inner = inner

        def write_document(self, record, roles):
            return self.inner.write_document(record, roles)

    store = open_store(url)
    batch = [(DocumentRecord(f"{n}.md", "h", "a", "markdown", {}), [role(f"{n}.md")]) for n in range(3)]
    batch.append((DocumentRecord("x.md", "h", "a", "markdown", {}), [role("0.md")]))
    outcomes = write_batch(OnlyWriteDocument(store), batch)
    assert outcomes[:3] == [True, True, True] and isinstance(outcomes[3], StoreError)
    assert store.counts()["roles"] == 3


def test_roles_stream_in_id_order_with_filters_and_round_trip(url):
    store = open_store(url)
    batch = [(DocumentRecord(f"p{n:04d}.md", "h", "a", "markdown", {}),
              [role(f"p{n:04d}.md", kind="job_posting" if n % 3 else "ladder_level")]) for n in range(1100, 0, -1)]
    assert all(o is True for o in write_batch(store, batch))
    ids = [r["id"] for r in store.roles()]
    assert ids == sorted(ids) and len(ids) == 1100
    assert len(list(store.roles(kind="ladder_level"))) == 1100 // 3
    assert store.role("p0007.md") == role("p0007.md", kind="job_posting")
    assert store.role("missing") is None


def test_search_matches_labels_ranks_and_ignores_query_syntax(url):
    store = open_store(url)
    r = role("a.md", "Present the roadmap to the board every quarter")
    r["sections"][0]["statements"][0]["label"] = "Budget"
    store.write_document(DocumentRecord("a.md", "h", "a", "markdown", {}), [r])
    store.write_document(DocumentRecord("b.md", "h", "a", "markdown", {}), [role("b.md", "Own the budget")])
    assert {h.role_id for h in store.search("budget")} == {"a.md", "b.md"}
    hit, = store.search("roadmap board")
    assert hit.title == "VP of Engineering" and hit.line == 5 and hit.kind == "ladder_level"
    assert "\x02" in hit.snippet and "\x03" in hit.snippet
    for hostile in ('board") OR 1=1 --', "board:* | !", "board & (", "boa'rd"):
        assert all(h.role_id == "a.md" for h in store.search(hostile))
    assert store.search("roadmap", organization="Nobody") == []
    assert len(store.search("budget", limit=1)) == 1


def test_postgres_url_errors_are_one_line_without_password():
    with pytest.raises(StoreError) as info:
        open_store("postgresql://someone:s3cret@127.0.0.1:1/nothing?connect_timeout=2")
    assert "s3cret" not in str(info.value) and "\n" not in str(info.value)
    assert "cannot open database" in str(info.value)


def test_postgres_drops_nul_characters(tmp_path):
    store = open_store(pg.store_url("postgresql", tmp_path))
    store.write_document(DocumentRecord("a.md", "h", "a", "markdown", {"x": "a\x00b"}),
                         [role("a.md", "Own the\x00 budget")])
    assert [h.text for h in store.search("budget")] == ["Own the budget"]
    assert store.role("a.md")["sections"][0]["statements"][0]["text"] == "Own the\x00 budget"


def assessment(person, on, readiness, level="vp.md"):
    """The fields a store indexes of an assessment dict (the rest is kept as written)."""
    return {"person": person, "perspective": "self", "ladder": {"id": "acme"},
            "level": {"id": level, "title": "VP of Engineering"}, "assessed_on": on,
            "readiness": {"overall": readiness}, "notes": ["Owned the \x02 budget"]}


def test_assessments_are_stored_once_per_dict_in_date_order(url):
    store = open_store(url)
    later, first = assessment("Ada", "2026-09-01", 0.6), assessment("Ada", "2026-03-02", 0.4)
    assert store.write_assessment(later) and store.write_assessment(first)
    assert not store.write_assessment(first)
    assert store.assessments("Ada") == [first, later]
    assert store.assessments("Ada", level="cto.md") == [] and store.assessments("Nobody") == []
    with pytest.raises(StoreError, match="not an assessment"):
        store.write_assessment({"person": "Ada"})


def test_search_ranks_within_a_window_of_the_most_recent_matches(url, monkeypatch):
    store = open_store(url)
    texts = ["Own the budget", "Own the budget and the budget review", "Budget", "Plan the budget",
             "Budget budget budget planning"]
    for n, text in enumerate(texts):
        store.write_document(DocumentRecord(f"{n}.md", "h", "a", "markdown", {}), [role(f"{n}.md", text)])
    everything = [h.role_id for h in store.search("budget")]
    assert sorted(everything) == [f"{n}.md" for n in range(5)]
    monkeypatch.setattr(thresholds, "SEARCH_WINDOW", 3)
    windowed = [h.role_id for h in store.search("budget")]
    assert sorted(windowed) == ["2.md", "3.md", "4.md"]  # the three stored last
    assert windowed == [r for r in everything if r in windowed]  # in the same rank order
    assert [h.role_id for h in store.search("budget", limit=1)] == windowed[:1]


def test_sqlite_filters_are_index_words_and_old_databases_are_upgraded(tmp_path):
    """Migration 3 puts kind/level/competency into the FTS index; a database from before gets them too."""
    import sqlite3 as _sqlite3

    from careerladder.store.migrations import MIGRATIONS
    from careerladder.store.sqlite import SQLiteStore

    path = tmp_path / "old.db"
    conn = _sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                 "applied_at TEXT NOT NULL)")
    from careerladder.store.migrations import _split
    for version, name, sql in MIGRATIONS[:2]:
        for statement in _split(sql):
            conn.execute(statement)
        conn.execute("INSERT INTO schema_migrations VALUES (?, ?, 'then')", (version, name))
    conn.execute("INSERT INTO documents VALUES ('a.md', 'h', 'a', 'markdown', '{}', 'then')")
    conn.execute("INSERT INTO roles (id, document, title, kind, level, data) VALUES "
                 "('r', 'a.md', 'VP', 'ladder_level', 'vp', '{}')")
    conn.execute("INSERT INTO statements (id, role_id, section_kind, section_path, kind, text, line, competency) "
                 "VALUES ('r:1', 'r', 'responsibilities', '[]', 'item', 'Own the engineering budget', 3, "
                 "'budget_business')")
    conn.commit()
    conn.close()
    store = SQLiteStore(path)
    assert [h.statement_id for h in store.search("budget", level="vp", competency="budget_business")] == ["r:1"]
    assert store.search("budget", level="em") == []
    assert store.search("budget", level='vp" OR zkladderlevel') == []  # filter values never become syntax
    assert store.integrity_ok()


@pytest.mark.parametrize("rare_every", [2, 50])  # a common filter (checked on the over-read window), a rare one
def test_sqlite_filtered_search_keeps_only_matches_passing_every_filter(tmp_path, monkeypatch, rare_every):
    monkeypatch.setattr(thresholds, "SEARCH_WINDOW", 20)
    store = open_store(str(tmp_path / "s.db"))
    for n in range(200):
        kind = "job_posting" if n % rare_every == 0 else "ladder_level"
        store.write_document(DocumentRecord(f"{n}.md", "h", "a", "markdown", {}),
                             [role(f"{n}.md", f"Own the budget for team {n}", kind=kind)])
    hits = store.search("budget", kind="job_posting", limit=5)
    assert len(hits) == min(5, 200 // rare_every) and {h.kind for h in hits} == {"job_posting"}
    assert all(int(h.role_id.split(".")[0]) % rare_every == 0 for h in hits)
    assert store.search("budget", kind="job_posting", organization="Acme", limit=3)[0].kind == "job_posting"


def test_snippet_marks_query_words_and_cuts_long_text():
    from careerladder.store.base import MARK_END, MARK_START
    from careerladder.store.sqlite_search import snippet

    text = " ".join(f"w{i}" for i in range(40)) + " Managing budgets well " + " ".join(f"v{i}" for i in range(40))
    cut = snippet(text, ["budget", "manag"])
    assert f"{MARK_START}Managing{MARK_END}" in cut and f"{MARK_START}budgets{MARK_END}" in cut
    assert cut.startswith("…") and cut.endswith("…")
    assert len(cut.split()) == 2 * thresholds.SEARCH_SNIPPET_CONTEXT + 1
    assert snippet("Own the roadmap", ["budget"]) == "Own the roadmap"
