"""Alignment across companies (one command): how many of the pairs ``careerladder.diff.align`` calls
"similar" are true, against the hand labels, and what the diff across companies shares before and after.

    PYTHONPATH=src .venv/bin/python benchmarks/alignment.py          # needs ../shared (seeds and corpus)

The three company pairs, the labelling rule and the labels: ``tests/fixtures/alignment/`` (RULES.md, written
before labelling; similar_pairs.tsv). For each company pair it prints: expectations on each side, same /
similar / only-here counts, the similar pairs the labels call true, and the diff's "shared" count with the
words-only diff (``diff_levels``: same statement or near-same wording, the baseline, measured in the same
run) and with the alignment (``aligned=True``). Targets (issue 19): >= 90% of similar pairs true over the
three pairs; >= 8 true similar pairs for seed 001 against GitLab's Director.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))

from careerladder.diff import align, diff_levels  # noqa: E402
from test_align import COMPANY_PAIRS, FIXTURES, _level  # noqa: E402

TARGET_PRECISION, TARGET_PINNED = 0.90, 8


def main() -> int:
    with (FIXTURES / "similar_pairs.tsv").open(encoding="utf-8") as f:
        verdict = {(r["pair"], r["a_statement"], r["b_statement"]): r["verdict"] == "true"
                   for r in csv.DictReader(f, delimiter="\t")}
    total = true = 0
    print(f"{'pair':<58}{'A':>4}{'B':>4}{'same':>6}{'similar':>9}{'true':>6}{'only A':>8}{'only B':>8}"
          f"{'shared before':>15}{'after':>7}")
    pinned = 0
    for n, (side_a, side_b) in COMPANY_PAIRS.items():
        (ra, a), (rb, b) = _level(*side_a), _level(*side_b)
        al = align(a, b)
        sims = al.of("similar")
        unlabelled = [r for r in sims if (str(n), r.a.statement.id, r.b.statement.id) not in verdict]
        if unlabelled:
            raise SystemExit(f"pair {n}: {len(unlabelled)} similar pairs are not labelled; label them first")
        ok = sum(verdict[(str(n), r.a.statement.id, r.b.statement.id)] for r in sims)
        total, true = total + len(sims), true + ok
        pinned += ok if n == 1 else 0
        c = al.counts()
        before = diff_levels(ra, a, rb, b).shared
        after = diff_levels(ra, a, rb, b, aligned=True).shared
        name = f"{n}. {side_a[1][:24]} / {side_b[0].rsplit('/', 1)[-1][:12]} {side_b[1]}"
        print(f"{name:<58}{len(a):>4}{len(b):>4}{c['same']:>6}{c['similar']:>9}{ok:>6}{c['only_a']:>8}"
              f"{c['only_b']:>8}{before:>15}{after:>7}")
    share = true / total if total else 0.0
    print(f"\nsimilar pairs true: {true} of {total} = {share:.2f}   target >= {TARGET_PRECISION:.2f}   "
          f"{'met' if share >= TARGET_PRECISION else 'MISSED'}")
    print(f"true similar pairs, seed 001 / GitLab Director: {pinned}   target >= {TARGET_PINNED}   "
          f"{'met' if pinned >= TARGET_PINNED else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
