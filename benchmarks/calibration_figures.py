"""Calibration figures per canonical level, measured on the shared corpus.

The reference ladder (``src/careerladder/data/reference-ladder/``) quotes these numbers; rerun this
to refresh them:

    .venv/bin/python benchmarks/calibration_figures.py

Sources: RemoteWLB postings whose title clearly names a level (``devset``, unmasked) and the
ladder corpus levels whose title clearly names one. Per level: how many roles, median and
interquartile range of the years of experience asked (the largest "N+ years" of each role), of
team size, of direct reports, and the share of roles asking to manage managers.
"""

from __future__ import annotations

import dataclasses
import statistics
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).parent))

import devset  # noqa: E402

from careerladder.extract.titles import clear_label  # noqa: E402
from careerladder.pipeline import Analyzer, load  # noqa: E402
from careerladder.readers import read_text  # noqa: E402
from careerladder.vocab import LEVELS  # noqa: E402

LADDERS = ROOT.parent / "shared" / "corpus" / "ladders"


def _quartiles(values: list[float]) -> str:
    if not values:
        return "—"
    if len(values) < 4:
        return f"{statistics.median(values):g} (n={len(values)})"
    q = statistics.quantiles(values, n=4)
    return f"{statistics.median(values):g} ({q[0]:g}–{q[2]:g}, n={len(values)})"


def roles_by_level():
    """level -> list of extracted roles (postings and ladder levels with clear titles)."""
    out = defaultdict(list)
    analyze = Analyzer().analyze  # the one analysis path, one document at a time
    for ex in devset.load():
        doc = dataclasses.replace(read_text(ex.text, ex.path + ".md")[0], kind="job_posting", title=ex.title)
        for role in analyze(doc, ex.path):
            out[clear_label(ex.title) or ex.label].append(role)
    if LADDERS.exists():
        for role in load([LADDERS]).roles:
            label = clear_label(role.title)
            if label:
                out[label].append(role)
    return out


def figures() -> dict[str, dict[str, str]]:
    table = {}
    for level, roles in roles_by_level().items():
        years, teams, reports, mm = [], [], [], 0
        for r in roles:
            ys = [q.min for q in r.requirements if q.type == "years_experience" and q.min is not None]
            ts = [q.max or q.min for q in r.requirements if q.type == "team_size" and q.min]
            ds = [q.max or q.min for q in r.requirements if q.type == "direct_reports" and q.min]
            years += [max(ys)] if ys else []
            teams += [max(ts)] if ts else []
            reports += [max(ds)] if ds else []
            mm += any(q.type == "manages_managers" for q in r.requirements)
        table[level] = {"roles": str(len(roles)), "years": _quartiles(years), "team size": _quartiles(teams),
                        "direct reports": _quartiles(reports), "manages managers": f"{mm / len(roles):.0%}"}
    return table


if __name__ == "__main__":
    table = figures()
    cols = ["roles", "years", "team size", "direct reports", "manages managers"]
    print("| level | " + " | ".join(cols) + " |")
    print("|---|" + "---|" * len(cols))
    for level in LEVELS:
        if level in table:
            print(f"| {level} | " + " | ".join(table[level][c] for c in cols) + " |")
