"""Labelling helper: candidate statements for one need, with their locators and current grades.

    .venv/bin/python benchmarks/search_eval/pool.py oncall --regex 'on.?call|pager|out of hours'
    .venv/bin/python benchmarks/search_eval/pool.py oncall --search on-call --search 'production support'
    .venv/bin/python benchmarks/search_eval/pool.py oncall --unlabelled --db out/careerladder.db

Prints ``grade  path:line  text`` for every stored statement whose text matches a ``--regex``
(case-insensitive) or that ``Store.search`` returns for a ``--search`` query (first ``--limit``),
where grade is the label the need gives that locator in ``queries.jsonl`` (``-`` when unlabelled).
This is how the labels were pooled (see RULES.md): widen the pool with many spellings and
synonyms, read every candidate, and write the grades into ``queries.jsonl`` by hand. It prints the
corpus to the terminal only; nothing of the corpus text is written to the project.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from search_quality import LADDERS, QUERIES, Locate, load_queries, relative_source  # noqa: E402

from careerladder.store import open_store  # noqa: E402


def statements(store, ladders: Path):
    """(locator, text) of every stored statement, in role order."""
    def walk(sts):
        for st in sts:
            yield st
            yield from walk(st.get("children", ()))

    def sections(secs):
        for sec in secs:
            yield sec
            yield from sections(sec.get("subsections", ()))

    for role in store.roles():
        path = relative_source(role["source"], ladders)
        for sec in sections(role.get("sections", ())):
            for st in walk(sec.get("statements", ())):
                yield (path, st["line"]), st["text"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("need", help="the need id of queries.jsonl (e.g. oncall); a new id has no labels yet")
    ap.add_argument("--regex", action="append", default=[], help="a pattern over statement text (repeatable)")
    ap.add_argument("--search", action="append", default=[], help="a Store.search query (repeatable)")
    ap.add_argument("--limit", type=int, default=50, help="results per --search (default: 50)")
    ap.add_argument("--unlabelled", action="store_true", help="only candidates the need does not label yet")
    ap.add_argument("--db", type=Path, help="a database built from the corpus ladders (default: build one)")
    ap.add_argument("--ladders", type=Path, default=LADDERS)
    ap.add_argument("--queries", type=Path, default=QUERIES)
    args = ap.parse_args(argv)
    labels = {}
    for q in load_queries(args.queries):
        if q["need"] == args.need:
            labels = q["labels"]
    patterns = [re.compile(p, re.I) for p in args.regex]
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db
        if db is None:
            from careerladder.pipeline import build
            build([args.ladders.resolve()], Path(tmp))
            db = Path(tmp) / "careerladder.db"
        store = open_store(db, readonly=True)
        found: dict = {}
        if patterns:
            for loc, text in statements(store, args.ladders):
                if any(p.search(text) for p in patterns):
                    found.setdefault(loc, []).append(text)
        locate = Locate(store, args.ladders)
        for query in args.search:
            for hit in store.search(query, limit=args.limit):
                found.setdefault(locate(hit), []).append(hit.text)
        store.close()
    shown = 0
    for loc in sorted(found):
        grade = labels.get(loc)
        if args.unlabelled and grade:
            continue
        shown += 1
        texts = " || ".join(dict.fromkeys(found[loc]))
        print(f"{grade or '-'}  {loc[0]}:{loc[1]}  {texts}")
    print(f"{shown} candidates, {len(labels)} labelled for {args.need!r}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
