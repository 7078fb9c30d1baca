"""Search quality benchmark (one command): nDCG@10 and recall@10 of ``Store.search`` on a hand-labelled set.

    .venv/bin/python benchmarks/search_quality.py                  # builds ../shared/corpus/ladders into a temp db
    .venv/bin/python benchmarks/search_quality.py --db out/careerladder.db   # reuse a db built from those ladders
    .venv/bin/python benchmarks/search_quality.py --json           # machine-readable, with every query's ranks
    .venv/bin/python benchmarks/search_quality.py --per-query      # one line per query as well
    .venv/bin/python benchmarks/search_quality.py --mode hybrid --set HYBRID_FEEDBACK_WEIGHT=0.5  # a variant

The queries and their graded labels are in ``benchmarks/search_eval/queries.jsonl`` (how they were
written and judged: ``benchmarks/search_eval/RULES.md``). Every query runs once through the store's
search (``--mode fts``: ``Store.search``, full-text, as the web app and CLI call it); its first
``--k`` results are mapped to locators (the result's role's source file, relative to the corpus
ladders folder, plus the statement's source line) and scored against the labels:

* nDCG@k, graded: gain 2^grade - 1 (grade 2 -> 3, grade 1 -> 1, unlabelled -> 0), discount
  log2(rank + 1); the ideal ranking is every labelled locator, best grade first. A locator counts
  once, at its first rank: a second hit on the same file and line (two sentences of one paragraph,
  or one line shared by two roles) earns nothing but still takes its rank.
* recall@k: labelled locators (grade >= 1) among the first k results / all labelled locators of
  the query. With more than k labels it cannot reach 1: "(max)" is the mean of min(k, labels) /
  labels, the best any search could do; compare modes, not absolute values.

Means are reported for the ``own_words`` half, the ``paraphrase`` half and all queries pooled, and
nDCG@10 for each of them within the ``tune`` and ``check`` halves of the needs (``split_of``: ranking
choices are made on ``tune`` only). ``--mode hybrid`` (``Store.hybrid_search``) runs beside ``fts`` in
the same run, on the same database, and is checked against the targets printed here (hybrid nDCG@10 and
recall@10 >= full-text + 0.10 on paraphrases and >= full-text - 0.02 on own words).
"""

from __future__ import annotations

import argparse
import json
import math
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from careerladder.store import open_store  # noqa: E402

LADDERS = ROOT.parent / "shared" / "corpus" / "ladders"
QUERIES = ROOT / "benchmarks" / "search_eval" / "queries.jsonl"
KINDS = ("own_words", "paraphrase")
#: Targets for a new mode against full-text, per kind: (minimum difference in nDCG@k and recall@k).
TARGET_DELTA = {"paraphrase": +0.10, "own_words": -0.02}
MODES = ("fts", "hybrid")
SPLITS = ("tune", "check")

Locator = tuple[str, int]


# -- labels -------------------------------------------------------------------
def load_queries(path: Path) -> list[dict[str, Any]]:
    """The query records of ``queries.jsonl``; raises ``SystemExit`` naming the line of a bad one."""
    out = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
            assert rec["kind"] in KINDS and rec["query"] and rec["relevant"]
            rec["labels"] = {(r["path"], int(r["line"])): int(r["grade"]) for r in rec["relevant"]}
            assert all(g in (1, 2) for g in rec["labels"].values())
        except (ValueError, KeyError, TypeError, AssertionError) as exc:
            raise SystemExit(f"{path}:{n}: not a query record ({type(exc).__name__}: {exc})") from exc
        out.append(rec)
    needs = sorted({rec["need"] for rec in out})
    for rec in out:
        rec["split"] = split_of(rec["need"], needs)
    return out


def split_of(need: str, needs: list[str]) -> str:
    """``tune`` or ``check``: the needs in alphabetical order, alternately (the first is ``tune``); both
    queries of a need fall in the same half. Ranking choices are made on ``tune`` only (search_eval/README)."""
    return SPLITS[needs.index(need) % 2]


# -- locators -----------------------------------------------------------------
def relative_source(source: str, ladders: Path) -> str:
    """A role's ``source`` as a path relative to the ladders folder (what labels use).

    Sources are stored as the path given to ``build`` (relative to where it ran, or absolute);
    when that no longer resolves under ``ladders``, the part after ``corpus/ladders/`` is used."""
    path = source.split("#", 1)[0]
    root = ladders.resolve()
    for cand in (Path(path), Path.cwd() / path):
        try:
            return cand.resolve().relative_to(root).as_posix()
        except (ValueError, OSError):
            pass
    marker = "corpus/ladders/"
    return path.split(marker, 1)[1] if marker in path else path


class Locate:
    """Maps a search hit to its locator (role source relative to the ladders folder, source line)."""

    def __init__(self, store: Any, ladders: Path):
        self.store, self.ladders, self.sources = store, ladders, {}

    def __call__(self, hit: Any) -> Locator:
        source = self.sources.get(hit.role_id)
        if source is None:
            role = self.store.role(hit.role_id) or {}
            source = self.sources[hit.role_id] = relative_source(role.get("source", ""), self.ladders)
        return source, int(hit.line)


def stored_locators(store: Any, ladders: Path) -> set[Locator]:
    """Every (path, line) that holds a stored statement: a label elsewhere could never be found."""
    def walk(statements: Iterable[dict]) -> Iterator[dict]:
        for st in statements:
            yield st
            yield from walk(st.get("children", ()))

    def sections(secs: Iterable[dict]) -> Iterator[dict]:
        for sec in secs:
            yield sec
            yield from sections(sec.get("subsections", ()))

    out = set()
    for role in store.roles():
        path = relative_source(role["source"], ladders)
        for sec in sections(role.get("sections", ())):
            out.update((path, st["line"]) for st in walk(sec.get("statements", ())))
    return out


# -- metrics ------------------------------------------------------------------
def score(ranked: list[Locator], labels: dict[Locator, int], k: int) -> dict[str, Any]:
    """nDCG@k (gain 2^grade - 1, each locator counted at its first rank) and recall@k."""
    seen: set[Locator] = set()
    dcg, found = 0.0, 0
    for rank, loc in enumerate(ranked[:k], 1):
        if loc in seen:
            continue
        seen.add(loc)
        grade = labels.get(loc, 0)
        if grade:
            found += 1
            dcg += (2 ** grade - 1) / math.log2(rank + 1)
    ideal = sorted(labels.values(), reverse=True)[:k]
    idcg = sum((2 ** g - 1) / math.log2(i + 1) for i, g in enumerate(ideal, 1))
    return {"ndcg": dcg / idcg if idcg else 0.0, "recall": found / len(labels) if labels else 0.0,
            "found": found, "relevant": len(labels)}


# -- modes --------------------------------------------------------------------
def searcher(store: Any, mode: str) -> Callable[[str, int], list[Any]]:
    """``(query, k) -> hits`` for a mode. ``fts`` is ``Store.search`` as the app calls it."""
    if mode == "fts":
        return lambda query, k: store.search(query, limit=k)
    hybrid = getattr(store, "hybrid_search", None)  # the embedding search, once a store has it
    if mode == "hybrid" and hybrid is not None:
        return lambda query, k: hybrid(query, limit=k)
    raise SystemExit(f"--mode {mode}: this store has no {mode} search yet (only fts)")


def run_mode(store: Any, mode: str, queries: list[dict], k: int, locate: Locate) -> list[dict]:
    search = searcher(store, mode)
    rows = []
    for q in queries:
        started = time.perf_counter()
        hits = search(q["query"], k)
        ms = (time.perf_counter() - started) * 1000
        ranked = [locate(h) for h in hits]
        rows.append({"id": q["id"], "kind": q["kind"], "split": q["split"], "query": q["query"], "k": k, "hits": len(hits), "ms": ms,
                     "ranked": [{"path": p, "line": line, "grade": q["labels"].get((p, line), 0)}
                                for p, line in ranked],
                     **score(ranked, q["labels"], k)})
    return rows


def summarize(rows: list[dict]) -> dict[str, dict[str, float]]:
    out = {}
    for kind in (*KINDS, "all", *(f"{split}/{k}" for split in SPLITS for k in KINDS)):
        part = [r for r in rows if kind in ("all", r["kind"], f"{r['split']}/{r['kind']}")]
        out[kind] = {"queries": len(part),
                     "ndcg": statistics.fmean(r["ndcg"] for r in part) if part else 0.0,
                     "recall": statistics.fmean(r["recall"] for r in part) if part else 0.0,
                     "zero_hits": sum(1 for r in part if r["hits"] == 0),
                     "recall_ceiling": statistics.fmean(min(r["k"], r["relevant"]) / r["relevant"] for r in part)
                     if part else 0.0,
                     "mean_relevant": statistics.fmean(r["relevant"] for r in part) if part else 0.0}
    return out


# -- report -------------------------------------------------------------------
def report(result: dict, per_query: bool) -> None:
    k = result["k"]
    base = result["modes"]["fts"]["summary"]
    print(f"careerladder search quality: {result['queries']} queries ({result['own_words']} own words, "
          f"{result['paraphrase']} paraphrase) for {result['needs']} needs with {result['labels']} labels; "
          f"database {result['db']} ({result['statements']} statements)")
    if result.get("set"):
        print(f"  thresholds changed for this run: {', '.join(result['set'])}")
    if result["labels_not_stored"]:
        print(f"  WARNING {len(result['labels_not_stored'])} labelled locators are not stored statements "
              f"(a parser change moved them?): {result['labels_not_stored'][:5]}")
    for mode, data in result["modes"].items():
        s = data["summary"]
        print(f"\nmode {mode}  (k={k}, {data['seconds']:.2f} s for all queries)")
        print(f"  {'half':<11}{'queries':>8}{'nDCG@' + str(k):>10}{'recall@' + str(k):>11}{'(max)':>7}"
              f"{'zero hits':>11}   target for a new mode vs fts (nDCG / recall)")
        for kind in (*KINDS, "all"):
            row = s[kind]
            target = ""
            if kind in TARGET_DELTA:
                d = TARGET_DELTA[kind]
                tn, tr = base[kind]["ndcg"] + d, base[kind]["recall"] + d
                if mode == "fts":
                    target = f">= {tn:.3f} / >= {tr:.3f}  (fts {d:+.2f})"
                else:
                    ok = row["ndcg"] >= tn - 1e-9 and row["recall"] >= tr - 1e-9
                    target = f">= {tn:.3f} / >= {tr:.3f}  {'MET' if ok else 'MISSED'}"
            print(f"  {kind:<11}{row['queries']:>8}{row['ndcg']:>10.3f}{row['recall']:>11.3f}"
                  f"{row['recall_ceiling']:>7.3f}"
                  f"{row['zero_hits']:>11}   {target}")
        print("  by half (choices are made on tune only): " + "; ".join(
            f"{split}/{k} {s[f'{split}/{k}']['ndcg']:.3f}" for split in SPLITS for k in KINDS))
        if per_query:
            print(f"\n  {'query id':<22}{'nDCG':>6}{'rec':>6}{'hits':>5}{'rel':>5}  query")
            for r in data["rows"]:
                print(f"  {r['id']:<22}{r['ndcg']:>6.2f}{r['recall']:>6.2f}{r['hits']:>5}{r['relevant']:>5}"
                      f"  {r['query']}")


def set_thresholds(assignments: list[str]) -> None:
    """Apply ``NAME=VALUE`` to ``careerladder.thresholds`` (same type as the current value); ``SystemExit``
    naming the assignment when the name is unknown or the value does not parse."""
    from careerladder import thresholds

    for text in assignments:
        name, _, value = text.partition("=")
        current = getattr(thresholds, name, None)
        if not name.isupper() or not isinstance(current, (int, float)) or isinstance(current, bool):
            raise SystemExit(f"--set {text}: not a number in careerladder.thresholds")
        try:
            setattr(thresholds, name, type(current)(value))
        except ValueError as exc:
            raise SystemExit(f"--set {text}: {exc}") from exc


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, help="an existing database built from the corpus ladders "
                    "(default: build them into a temporary one)")
    ap.add_argument("--ladders", type=Path, default=LADDERS, help="the corpus ladders folder (default: %(default)s)")
    ap.add_argument("--queries", type=Path, default=QUERIES, help="labelled queries (default: %(default)s)")
    ap.add_argument("--mode", choices=MODES, default="fts",
                    help="search to score; any mode but fts also runs fts as its baseline (default: fts)")
    ap.add_argument("-k", type=int, default=10, help="cut-off for nDCG and recall (default: 10)")
    ap.add_argument("--json", action="store_true", help="print one JSON document instead of tables")
    ap.add_argument("--per-query", action="store_true", help="also print every query's scores")
    ap.add_argument("--set", action="append", default=[], metavar="NAME=VALUE",
                    help="run with a number of careerladder.thresholds changed, e.g. HYBRID_FEEDBACK_WEIGHT=0.5 "
                         "(a variant of the ranking; repeatable)")
    args = ap.parse_args(argv)
    set_thresholds(args.set)

    queries = load_queries(args.queries)
    with tempfile.TemporaryDirectory(prefix="careerladder-search-quality-") as tmp:
        db, built = args.db, None
        if db is None:
            if not args.ladders.is_dir():
                raise SystemExit(f"{args.ladders}: no corpus ladders folder (see ../shared/corpus/README.md)")
            from careerladder.pipeline import build
            started = time.perf_counter()
            build([args.ladders.resolve()], Path(tmp))
            db, built = Path(tmp) / "careerladder.db", time.perf_counter() - started
        elif not db.is_file():
            raise SystemExit(f"{db}: no such database")
        store = open_store(db, readonly=True)
        try:
            locate = Locate(store, args.ladders)
            stored = stored_locators(store, args.ladders)
            labels = {loc for q in queries for loc in q["labels"]}
            result: dict[str, Any] = {
                "k": args.k, "set": args.set, "db": str(args.db) if args.db else "temporary (built from --ladders)",
                "build_seconds": built, "statements": store.counts()["statements"],
                "queries": len(queries), "needs": len({q["need"] for q in queries}),
                "own_words": sum(q["kind"] == "own_words" for q in queries),
                "paraphrase": sum(q["kind"] == "paraphrase" for q in queries),
                "labels": sum(len(q["labels"]) for q in {q["need"]: q for q in queries}.values()),
                "labels_not_stored": sorted(f"{p}:{n}" for p, n in labels - stored),
                "target_delta": TARGET_DELTA, "modes": {}}
            for mode in dict.fromkeys(("fts", args.mode)):
                started = time.perf_counter()
                rows = run_mode(store, mode, queries, args.k, locate)
                result["modes"][mode] = {"seconds": time.perf_counter() - started,
                                         "summary": summarize(rows), "rows": rows}
        finally:
            store.close()
    if args.json:
        json.dump(result, sys.stdout, indent=1, ensure_ascii=False)
        print()
    else:
        report(result, args.per_query)
    return 0


if __name__ == "__main__":
    sys.exit(main())
