"""Search benchmark (one command): quality of full-text versus hybrid search on the labelled queries,
and ``Store.search`` / ``Store.hybrid_search`` p95 at 10^6 statements in SQLite.

    .venv/bin/python benchmarks/search.py                        # builds a 10^6-statement database, then queries
    .venv/bin/python benchmarks/search.py --db /tmp/s.db --keep  # keep it; later runs reuse it
    .venv/bin/python benchmarks/search.py --no-quality           # latency only
    .venv/bin/python benchmarks/search.py --quality-only         # nDCG@10 only (about 20 s)

**Quality** (first, needs ``../shared/corpus/ladders``): the 44 hand-labelled queries of
``benchmarks/search_eval`` (22 in the statements' own words, 22 paraphrased) run through full-text
(``Store.search``) and hybrid (``Store.hybrid_search``) on a database built from the corpus ladders;
nDCG@10 per half with the targets beside (hybrid >= full-text + 0.10 on paraphrases, >= full-text -
0.02 on own words). ``benchmarks/search_quality.py`` is the same scoring with more detail.

**Latency**: the 10^6-statement database below; every statement has its real vector (computed when
the replicated roles are written). ``Store.hybrid_search`` is full-text + the nearest vectors from the
approximate index kept beside the database (``store.ann``, usearch HNSW; built when the writing store
closes, brought up to date first if a reused database changed) + pseudo-relevance feedback + reciprocal
rank fusion. The **baseline in the same run** is the same call with exact search over every vector in
memory (``thresholds.VECTOR_INDEX_MIN`` raised above the size: the code before the index); the first
call of each is reported apart (opening the index files / loading every vector: the one-off cost of a
new connection). recall@10 of the index's nearest statements against exact search is printed for the
same queries and filters. A synthetic exact search over 10^6 random unit vectors (numpy alone, no
store) is printed beside as the floor of exact search.

The database holds real statements: the RemoteWLB postings are ingested (the whole pipeline) and
their roles are replicated under new ids until the statement count is reached. Queries are
ours (single words, phrases, prefixes, rare and very common words) plus a quarter of them with
each filter (kind, competency, level); each is run ``--repeat`` times. Prints p50/p95/p99/max of
``Store.search`` (FTS5 match + joins to roles + snippet + filters, limit 50; ranked among the
``thresholds.SEARCH_WINDOW`` most recent matches), split into queries with and without a filter; the same
for a bare FTS5 baseline measured in the same run on the same database (``MATCH ... ORDER BY rank
LIMIT 50`` on the FTS table alone, ranking every match), their ratio, and peak RSS.
Target: p95 < 20 ms, for ``Store.search`` and ``Store.hybrid_search`` alike.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from careerladder.pipeline.ingest import FileTask, ingest  # noqa: E402
from careerladder.store import DocumentRecord, open_store  # noqa: E402
from careerladder.store.base import write_batch  # noqa: E402
from careerladder.store.sqlite import fts_query  # noqa: E402
from careerladder.store.vectors import VectorIndex  # noqa: E402
from careerladder.embed import DIMENSIONS, embed  # noqa: E402
from careerladder import thresholds as T  # noqa: E402

import search_quality as sq  # noqa: E402  (benchmarks/ is on sys.path when run as a script)

REMOTEWLB = ROOT.parent / "shared" / "corpus" / "postings" / "RemoteWLB__remote-jobs" / "jobs"
TARGET_P95_MS = 20.0
#: Our queries: what a recruiter or an engineering leader would type.
QUERIES = (
    "budget", "hiring", "mentor", "kubernetes", "roadmap", "on-call", "stakeholders", "board of directors",
    "manage managers", "python django", "distributed systems", "career growth", "performance reviews",
    "incident", "agile", "product managers", "headcount", "technical debt", "remote", "team",
    "experience", "engineering", "lead", "strat", "reliab", "recruit", "coach engineers", "okrs",
    "postgres", "security", "diversity and inclusion", "cross-functional", "architecture decisions",
    "ship", "vendor", "p&l", "10+ years", "scale the organization", "hands-on", "machine learning",
)
FILTERS = ({"kind": "job_posting"}, {"competency": "people_management"}, {"competency": "budget_business"},
           {"level": "director"}, {"level": "em"})


def build(db: Path, statements: int, seed_files: int) -> dict:
    """Ingest ``seed_files`` RemoteWLB postings, then replicate their roles until ``statements``."""
    started = time.perf_counter()
    files = sorted(REMOTEWLB.rglob("README.md"))[:seed_files]
    with tempfile.TemporaryDirectory(prefix="careerladder-search-") as tmp:
        seed_db = Path(tmp) / "seed.db"
        ingest([], seed_db, jobs=os.cpu_count(), errors_path=Path(tmp) / "e.log",
               tasks=[FileTask(str(f), f.relative_to(REMOTEWLB).as_posix()) for f in files])
        seed = open_store(seed_db)
        roles = [json.dumps(r, ensure_ascii=False) for r in seed.roles()]
        per_role = seed.counts()["statements"] / max(1, len(roles))
        seed.close()
    store = open_store(db)
    have = store.counts()["statements"]
    replica, batch = 0, []
    while have < statements:
        for text in roles:
            role = json.loads(text)
            rid = f"r{replica}/{role['id']}"
            role = json.loads(text.replace(json.dumps(role["id"])[1:-1], rid))
            batch.append((DocumentRecord(rid, f"h{replica}", "a", "markdown", {}), [role]))
            have += per_role
            if len(batch) >= 500:
                write_batch(store, batch)
                batch = []
            if have >= statements:
                break
        replica += 1
    write_batch(store, batch)
    store.conn.execute("INSERT INTO statements_fts(statements_fts) VALUES ('optimize')")
    store.conn.commit()
    counts = store.counts()
    t = time.perf_counter()
    store.close()  # builds the vector index beside the database (store.ann.sync)
    return {"seconds": time.perf_counter() - started, "index_seconds": time.perf_counter() - t, "replicas": replica,
            **counts}


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def quality(ladders: Path) -> dict:
    """nDCG@10 of full-text and hybrid search per half of the labelled queries, on the corpus ladders."""
    from careerladder.pipeline import build as build_ladders

    queries = sq.load_queries(sq.QUERIES)
    with tempfile.TemporaryDirectory(prefix="careerladder-search-quality-") as tmp:
        build_ladders([ladders.resolve()], Path(tmp))
        store = open_store(Path(tmp) / "careerladder.db", readonly=True)
        try:
            locate = sq.Locate(store, ladders)
            out = {"statements": store.counts()["statements"], "queries": len(queries)}
            for mode in ("fts", "hybrid"):
                out[mode] = sq.summarize(sq.run_mode(store, mode, queries, 10, locate))
        finally:
            store.close()
    return out


def print_quality(q: dict) -> None:
    print(f"quality: {q['queries']} labelled queries over the corpus ladders ({q['statements']} statements), "
          f"nDCG@10")
    print(f"  {'half':<12}{'full-text':>10}{'hybrid':>9}{'change':>9}   target (hybrid vs full-text)")
    for kind in sq.KINDS:
        f, h = q["fts"][kind]["ndcg"], q["hybrid"][kind]["ndcg"]
        d = sq.TARGET_DELTA[kind]
        print(f"  {kind:<12}{f:>10.3f}{h:>9.3f}{h - f:>+9.3f}   >= {f + d:.3f} (full-text {d:+.2f}): "
              f"{'met' if h >= f + d - 1e-9 else 'MISSED'}")
    for split in sq.SPLITS:
        for kind in sq.KINDS:
            f, h = q["fts"][f"{split}/{kind}"]["ndcg"], q["hybrid"][f"{split}/{kind}"]["ndcg"]
            d = sq.TARGET_DELTA[kind]
            print(f"    {split + '/' + kind:<18}{f:>8.3f}{h:>9.3f}{h - f:>+9.3f}   "
                  f"{'met' if h >= f + d - 1e-9 else 'MISSED'}{'   (choices made on this half)' if split == 'tune' else ''}")


def synthetic_vectors(n: int, repeat: int) -> list[float]:
    """ms of ``VectorIndex.nearest`` (top 50) over ``n`` random unit vectors, for the embedded QUERIES."""
    rng = np.random.default_rng(0)
    index = VectorIndex()
    index.rowids = np.arange(n, dtype=np.int64)
    index.matrix = rng.standard_normal((n, DIMENSIONS), dtype=np.float32)
    index.matrix /= np.linalg.norm(index.matrix, axis=1, keepdims=True)
    vectors = embed(list(QUERIES))
    out = []
    for _ in range(repeat):
        for v in vectors:
            t = time.perf_counter()
            index.nearest(v, 50)
            out.append((time.perf_counter() - t) * 1000)
    return out


def measure(db: Path, repeat: int) -> dict:
    store = open_store(db, readonly=True)
    bare = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    cases = [(q, {}) for q in QUERIES] + [(q, f) for q in QUERIES[::4] for f in FILTERS]
    for q, f in cases:  # warm the page cache once, as a running server would be
        store.search(q, **f)
    ours, base, hits, plain, filtered = [], [], [], [], []
    for _ in range(repeat):
        for q, f in cases:
            t = time.perf_counter()
            found = store.search(q, **f)
            ours.append((time.perf_counter() - t) * 1000)
            (filtered if f else plain).append(ours[-1])
            hits.append(len(found))
        for q in QUERIES:
            match = fts_query(q)
            t = time.perf_counter()
            bare.execute("SELECT rowid FROM statements_fts WHERE statements_fts MATCH ? ORDER BY rank LIMIT 50",
                         (match,)).fetchall()
            base.append((time.perf_counter() - t) * 1000)
    store.close()
    ann = vector_search(db, cases, repeat, exact=False)
    exact = vector_search(db, cases, repeat, exact=True)
    store = open_store(db, readonly=True)
    slowest = sorted(((statistics.median(ms for (qq, ff), ms in zip(cases * repeat, ours) if (qq, ff) == (q, f)),
                       q, f) for q, f in cases), reverse=True)[:5]
    store.close()
    return {"ours": ours, "base": base, "cases": len(cases), "mean_hits": statistics.mean(hits),
            "slowest": slowest, "plain": plain, "filtered": filtered, "ann": ann, "exact": exact,
            "recall": recall(ann.pop("index"), exact.pop("index"), cases)}


def vector_search(db: Path, cases: list, repeat: int, *, exact: bool) -> dict:
    """``Store.hybrid_search`` over ``cases``: with the approximate index beside the database, or (``exact``)
    with ``thresholds.VECTOR_INDEX_MIN`` raised above the size so that every vector is searched in memory
    (the code before the index: the baseline). The first call opens (or loads) the vectors: timed apart."""
    store = open_store(db, readonly=True)
    saved = T.VECTOR_INDEX_MIN
    T.VECTOR_INDEX_MIN = 10**12 if exact else saved
    try:
        t = time.perf_counter()
        store.hybrid_search("warm up")
        load_ms = (time.perf_counter() - t) * 1000
    finally:
        T.VECTOR_INDEX_MIN = saved
    for q, f in cases:
        store.hybrid_search(q, **f)
    ms = []
    for _ in range(repeat):
        for q, f in cases:
            t = time.perf_counter()
            store.hybrid_search(q, **f)
            ms.append((time.perf_counter() - t) * 1000)
    index = store.vector_index
    store.close()
    return {"ms": ms, "load_ms": load_ms, "mode": index.mode, "index": index}


def recall(ann, exact, cases: list) -> dict:
    """Mean recall@10 of the index's nearest statements against exact search, per query (with its filter). The
    database repeats each statement in several replicas, so exact search has ties: a statement the index returns
    counts as found when its cosine reaches exact search's 10th (within float16 rounding), whichever copy it is."""
    vectors = embed([q for q, _ in cases])
    out: dict[str, list[float]] = {"plain": [], "filtered": [], "ann_ms": [], "exact_ms": []}
    for v, (_, f) in zip(vectors, cases):
        for index, times in ((ann, out["ann_ms"]), (exact, out["exact_ms"])):  # the vector part alone, top 50
            t = time.perf_counter()
            index.nearest(v, 50, f)
            times.append((time.perf_counter() - t) * 1000)
        truth = exact.nearest(v, 10, f)
        if truth:
            tenth = truth[-1][1] - 1e-3
            found = [r for r, _ in ann.nearest(v, 10, f)]
            cosine = dict(zip(found, (exact.vectors_of(found) @ v).tolist())) if found else {}
            out["filtered" if f else "plain"].append(sum(cosine[r] >= tenth for r in found) / len(truth))
    return {"plain": statistics.fmean(out["plain"]), "filtered": statistics.fmean(out["filtered"]),
            "ann_ms": out["ann_ms"], "exact_ms": out["exact_ms"]}


def m_statements(db: Path) -> int:
    store = open_store(db, readonly=True)
    try:
        return store.counts()["statements"]
    finally:
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--statements", type=int, default=1_000_000)
    parser.add_argument("--seed-files", type=int, default=3000, help="RemoteWLB postings ingested for real")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--db", type=Path, default=None, help="database to build or reuse")
    parser.add_argument("--keep", action="store_true", help="keep the database")
    parser.add_argument("--no-quality", action="store_true", help="skip the nDCG@10 part")
    parser.add_argument("--quality-only", action="store_true", help="only the nDCG@10 part")
    parser.add_argument("--ladders", type=Path, default=sq.LADDERS, help="corpus ladders for the quality part")
    args = parser.parse_args()
    if not args.no_quality:
        if args.ladders.is_dir():
            print_quality(quality(args.ladders))
        else:
            print(f"quality: skipped, {args.ladders} is absent (see ../shared/corpus/README.md)")
        if args.quality_only:
            return
    print(f"machine: {os.cpu_count()} cores, load average: {os.getloadavg()[0]:.2f} (shared; numbers are lower "
          f"bounds)")
    tmp = None
    db = args.db
    if db is None:
        tmp = tempfile.TemporaryDirectory(prefix="careerladder-search-")
        db = Path(tmp.name) / "search.db"
    have = open_store(db).counts()["statements"] if db.exists() else 0
    if have < args.statements:
        built = build(db, args.statements, args.seed_files)
        print(f"built: {built['statements']} statements in {built['roles']} roles ({built['replicas']} replicas of "
              f"{args.seed_files} ingested postings) in {built['seconds']:.0f} s; "
              f"{db.stat().st_size / 2**20:.0f} MiB")
        print(f"  of which the vector index beside it: {built['index_seconds']:.0f} s")
    else:
        print(f"reusing {db}: {have} statements")
    t = time.perf_counter()
    open_store(db).close()  # a writable open and close brings the vector index up to date (no-op when current)
    print(f"vector index beside the database brought up to date in {time.perf_counter() - t:.1f} s")
    m = measure(db, args.repeat)
    ours, base = m["ours"], m["base"]
    p95, b95 = percentile(ours, 0.95), percentile(base, 0.95)
    print(f"Store.search over {m['cases']} queries x {args.repeat} (mean {m['mean_hits']:.0f} hits, limit 50): "
          f"p50 {percentile(ours, 0.5):.1f} ms, p95 {p95:.1f} ms, p99 {percentile(ours, 0.99):.1f} ms, "
          f"max {max(ours):.1f} ms")
    print(f"  without filters ({len(QUERIES)} queries): p50 {percentile(m['plain'], 0.5):.1f} ms, p95 "
          f"{percentile(m['plain'], 0.95):.1f} ms; with a filter ({len(m['filtered']) // args.repeat} queries): "
          f"p50 {percentile(m['filtered'], 0.5):.1f} ms, p95 {percentile(m['filtered'], 0.95):.1f} ms")
    print(f"bare FTS5 baseline (same queries, no joins/snippet/filters): p50 {percentile(base, 0.5):.1f} ms, "
          f"p95 {b95:.1f} ms; ratio p95 {p95 / b95:.1f}x")
    a, e = m["ann"], m["exact"]
    a95, e95 = percentile(a["ms"], 0.95), percentile(e["ms"], 0.95)
    print(f"Store.hybrid_search, same queries and filters (mode {a['mode']!r}, index beside the database): "
          f"p50 {percentile(a['ms'], 0.5):.1f} ms, p95 {a95:.1f} ms, p99 {percentile(a['ms'], 0.99):.1f} ms "
          f"(first call opens the index: {a['load_ms']:.0f} ms); target p95 < {TARGET_P95_MS:g} ms: "
          f"{'met' if a95 < TARGET_P95_MS else 'MISSED'}")
    print(f"  baseline, exact search over every vector in memory (mode {e['mode']!r}), same run: p50 "
          f"{percentile(e['ms'], 0.5):.1f} ms, p95 {e95:.1f} ms, p99 {percentile(e['ms'], 0.99):.1f} ms (first call "
          f"loads the vectors: {e['load_ms']:.0f} ms); ratio p95 {e95 / a95:.1f}x")
    r = m["recall"]
    print(f"  recall@10 of the index against exact search: {r['plain']:.3f} without a filter, {r['filtered']:.3f} "
          f"with one (same queries)")
    print(f"  the vector part alone (nearest 50, same queries and filters): index p50 "
          f"{percentile(r['ann_ms'], 0.5):.2f} ms, p95 {percentile(r['ann_ms'], 0.95):.2f} ms; exact p50 "
          f"{percentile(r['exact_ms'], 0.5):.1f} ms, p95 {percentile(r['exact_ms'], 0.95):.1f} ms")
    syn = synthetic_vectors(m_statements(db), args.repeat)
    print(f"exact vector search alone, {m_statements(db)} synthetic unit vectors (numpy, top 50): p50 "
          f"{percentile(syn, 0.5):.1f} ms, p95 {percentile(syn, 0.95):.1f} ms")
    print("slowest (median ms): " + "; ".join(f"{q!r}{' ' + str(f) if f else ''} {ms:.1f}"
                                              for ms, q, f in m["slowest"]))
    print(f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
    print(f"target p95 < {TARGET_P95_MS:g} ms: {'met' if p95 < TARGET_P95_MS else 'MISSED'}")
    if tmp is not None and not args.keep:
        tmp.cleanup()
    elif args.keep or args.db:
        print(f"database kept at {db}")


if __name__ == "__main__":
    main()
