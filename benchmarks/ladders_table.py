"""The table of docs/ladders.md: every company of ../shared/corpus/ladders, its tracks with their levels in
order, and what the order rests on, as careerladder reads them. One command:

    .venv/bin/python benchmarks/ladders_table.py > /tmp/ladders.md   # then paste under "The corpus ladders"
"""

from __future__ import annotations

import posixpath
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from careerladder.pipeline import Analyzer, load  # noqa: E402
from careerladder.resolve import track_label  # noqa: E402

LADDERS = ROOT.parent / "shared" / "corpus" / "ladders"


def main() -> None:
    if not LADDERS.is_dir():
        sys.exit(f"{LADDERS}: not found (the shared corpus beside the project)")
    loaded = load([LADDERS])
    _, ladders, _ = Analyzer().resolve(loaded.roles, loaded.pages)
    by_folder = defaultdict(list)
    for lad in ladders:
        by_folder[posixpath.basename(lad.folder)].append(lad)
    print("| folder | company | track | levels, lowest first | order from |")
    print("|---|---|---|---|---|")
    for folder in sorted(by_folder, key=str.lower):
        for lad in sorted(by_folder[folder], key=lambda x: (x.track != "management", x.track or "")):
            company = lad.company or f"{lad.name[: -len(track_label(lad.track))].strip()} (inferred)"
            levels = " → ".join(f"{r.level_code + ' ' if r.level_code and r.level_code not in r.title else ''}"
                                f"{r.title}".replace("|", "/") for r in lad.roles)
            print(f"| {folder} | {company} | {track_label(lad.track)} | {levels} | {lad.order_evidence} |")


if __name__ == "__main__":
    main()
