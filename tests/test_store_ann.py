"""careerladder.store.ann: the approximate vector index beside a SQLite database. Built when a writable store
closes, kept current from the change log, rebuilt when missing or from another database, and answering as
exact search does (``thresholds.VECTOR_INDEX_MIN`` lowered so that a small store uses it)."""

from __future__ import annotations

import itertools
import shutil

import numpy as np
import pytest

from careerladder import thresholds as T
from careerladder.embed import embed
from careerladder.store import DocumentRecord, open_store
from careerladder.store.ann import index_dir
from careerladder.store.vectors import VectorIndex

pytest.importorskip("usearch", reason="the approximate index needs usearch")

VERBS = ["Hires", "Coaches", "Plans", "Reviews", "Owns", "Leads", "Sets", "Runs"]
OBJECTS = ["engineering managers", "the quarterly budget", "the on-call rotation", "architecture decisions",
           "the product roadmap", "performance reviews", "incident post-mortems", "the hiring plan"]
WITH = ["with finance", "for the platform group", "across several teams", "with the recruiters", "for new hires"]
LEVELS = ["em", "director", "vp"]
QUERIES = ["recruiting bosses", "money for next year", "pager duty", "design critique", "mentoring leads",
           "what happened after the outage"]


def role(doc: int, texts: list[str]) -> dict:
    rid, level = f"d{doc}.md", LEVELS[doc % len(LEVELS)]
    return {"id": rid, "source": rid, "title": level.upper(), "kind": "ladder_level", "organization": f"Org{doc % 2}",
            "span": [1, 99], "metadata": {}, "requirements": [], "parents": [], "next_level": None,
            "leveling": {"level": level, "title_level": level, "confidence": 1.0, "scores": {}},
            "sections": [{"heading": "Does", "path": ["Does"], "kind": "responsibilities", "line": 1,
                          "statements": [{"id": f"{rid}:{n}", "text": t, "line": n, "end_line": n, "kind": "item",
                                          "children": []} for n, t in enumerate(texts, 2)], "subsections": []}]}


TEXTS = [" ".join(p) for p in itertools.product(VERBS, OBJECTS, WITH)]  # 320 statements


def write(store, docs=range(8)):
    for d in docs:
        part = TEXTS[d::8]
        store.write_document(DocumentRecord(f"d{d}.md", f"h{d}", "a", "markdown", {}), [role(d, part)])


@pytest.fixture
def small_min(monkeypatch):
    monkeypatch.setattr(T, "VECTOR_INDEX_MIN", 50)


@pytest.fixture
def db(tmp_path, small_min):
    path = tmp_path / "careerladder.db"
    store = open_store(path)
    write(store)
    store.close()
    return path


def exact_nearest(path, query, k=10, **filters):
    store = open_store(path, readonly=True)
    index = VectorIndex()
    index.load(lambda sql, args: store.conn.execute(sql, args).fetchall(), "x")
    out = index.nearest(embed([query])[0], k, filters)
    store.close()
    return out


def ann_nearest(store, query, k=10, **filters):
    store.hybrid_search(query, semantic_only=True)  # loads / syncs the index
    return store.vector_index.nearest(embed([query])[0], k, filters)


def test_closing_a_writable_store_writes_the_index_beside_it(db):
    files = sorted(p.suffix for p in index_dir(db).iterdir())
    assert files == [".npy", ".npz", ".usearch"]
    store = open_store(db, readonly=True)
    assert store.conn.execute("SELECT count(*) FROM vector_changes").fetchone()[0] == 0  # log trimmed
    ann_nearest(store, "budget")
    assert store.vector_index.mode == "ann" and not store.vector_index.rebuilt  # read from the files
    assert len(store.vector_index) == len(TEXTS)
    store.close()


@pytest.mark.parametrize("filters", [{}, {"level": "director"}, {"organization": "Org1"},
                                     {"competency": "nothing-has-this"}])
def test_the_index_answers_as_exact_search_does(db, filters):
    """Approximate, so judged as such: recall@10 against exact search over every query, and every cosine shown
    is the statement's own (float16 storage: within 2e-3)."""
    store = open_store(db, readonly=True)
    found = wanted = 0
    for q in QUERIES:
        truth = exact_nearest(db, q, k=len(TEXTS), **filters)
        cosine = dict(truth)
        got = ann_nearest(store, q, **filters)
        assert len(got) == min(10, len(truth)), q
        assert all(abs(score - cosine[r]) <= 2e-3 for r, score in got), q
        found += len({r for r, _ in got} & {r for r, _ in truth[:10]})
        wanted += len(truth[:10])
    assert (found / wanted if wanted else 1.0) >= 0.9, (found, wanted)  # 0.97 and more seen over repeated builds
    store.close()


def test_writes_are_applied_from_the_log_and_saved_when_the_writer_closes(db):
    reader = open_store(db, readonly=True)
    before = {r for r, _ in ann_nearest(reader, "budget", k=500)}
    writer = open_store(db)
    writer.conn.execute("DELETE FROM documents WHERE source = 'd0.md'")
    writer.conn.commit()
    write(writer, docs=[8])  # a new document reusing d0's statements' texts
    gone = {r for r, in reader.conn.execute("SELECT rowid FROM statements")}
    now = {r for r, _ in ann_nearest(reader, "budget", k=500)}  # the reader applies the log in memory
    assert now == gone and now != before
    assert not reader.vector_index.rebuilt
    writer.close()  # the writer saves the files and trims the log
    seqs = {p.stem for p in index_dir(db).iterdir()}
    assert len(seqs) == 1 and int(seqs.pop()) > 0
    fresh = open_store(db, readonly=True)
    assert {r for r, _ in ann_nearest(fresh, "budget", k=500)} == gone and not fresh.vector_index.rebuilt
    fresh.close()
    reader.close()


def test_a_missing_or_foreign_index_is_rebuilt(db, tmp_path):
    shutil.rmtree(index_dir(db))
    store = open_store(db, readonly=True)
    assert [r for r, _ in ann_nearest(store, "pager duty")] == [r for r, _ in exact_nearest(db, "pager duty")]
    assert store.vector_index.rebuilt  # in memory: a read-only store writes nothing
    store.close()
    assert not index_dir(db).exists()
    other = tmp_path / "other.db"
    s = open_store(other)
    write(s, docs=range(4, 8))
    s.close()
    shutil.rmtree(index_dir(other))
    open_store(db).close()  # the writer builds the files again
    shutil.copytree(index_dir(db), index_dir(other))
    s = open_store(other, readonly=True)
    ann_nearest(s, "budget")
    assert s.vector_index.rebuilt and len(s.vector_index) == len(TEXTS) // 2  # another database's files ignored
    s.close()


def test_below_the_threshold_search_is_exact_and_nothing_is_written(tmp_path, monkeypatch):
    monkeypatch.setattr(T, "VECTOR_INDEX_MIN", 10_000)
    path = tmp_path / "small.db"
    store = open_store(path)
    write(store)
    store.close()
    assert not index_dir(path).exists()
    store = open_store(path, readonly=True)
    assert store.conn.execute("SELECT count(*) FROM vector_changes").fetchone()[0] == 0
    assert ann_nearest(store, "budget") and store.vector_index.mode == "exact"
    store.close()
