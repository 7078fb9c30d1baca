"""Reading cost of the generic export reader against the dedicated readers it replaced (one command).

    .venv/bin/python benchmarks/readers.py            # needs ../shared/corpus/postings

The dedicated readers ``hn_json``, ``csv_postings`` and ``job_board`` became configurations of the
generic export reader (``readers/exports.py``). Their code as it was before (commit 678de69) is kept
in ``benchmarks/baseline_readers/`` as the baseline. On the same decoded texts, in the same run,
each reader's ``read`` is timed (best of ``ROUNDS``, CPU seconds, documents built in full):

* the baseline dedicated reader;
* its configuration of the generic reader (what careerladder runs now);
* the generic reader with no configuration, choosing the fields from the records' names.

Inputs: the 54 HN "Who is hiring" monthly JSON files (28,238 posts), the EMSCAD CSV (3,083 rows),
and a job-board JSON list made in memory from the EMSCAD rows (``position``, ``company``,
``description``). The target — a ratio to the baseline of at most ``TARGET_RATIO`` — is checked on
the configurations, which are what replaced the dedicated readers; the unconfigured generic reader
is shown beside them (on the CSV it does more: plain-text structure with heading detection for four
text columns, where the dedicated reader only splits lines and bullets).
"""

from __future__ import annotations

import csv
import io
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from benchmarks.baseline_readers import csv_postings as old_csv  # noqa: E402
from benchmarks.baseline_readers import hn_json as old_hn  # noqa: E402
from benchmarks.baseline_readers import job_board as old_board  # noqa: E402
from careerladder.readers.csv_postings import CsvPostingsReader  # noqa: E402
from careerladder.readers.exports import RecordsReader  # noqa: E402
from careerladder.readers.hn_json import HNJsonReader  # noqa: E402
from careerladder.readers.job_board import JobBoardReader  # noqa: E402

POSTINGS = ROOT.parent / "shared" / "corpus" / "postings"
HN_DIR = POSTINGS / "gaganpreet__hn-hiring-mapped" / "src" / "web" / "data"
EMSCAD = POSTINGS / "grv7-deve__fakejobpost" / "fake_job_postings.csv"
ROUNDS = 3
TARGET_RATIO = 1.5


def timed(reader, texts: list[tuple[str, str]]) -> tuple[float, int]:
    """(best CPU seconds of ``ROUNDS`` to read every text, documents read)."""
    best, count = float("inf"), 0
    for _ in range(ROUNDS):
        start = time.process_time()
        count = sum(len(list(reader.read(name, text))) for name, text in texts)
        best = min(best, time.process_time() - start)
    return best, count


def board_text(emscad: str) -> str:
    """A job-board JSON list of the EMSCAD rows: ``{id, position, company, description, location}``."""
    rows = csv.DictReader(io.StringIO(emscad))
    return json.dumps([{"id": r["job_id"], "position": r["title"], "company": r["department"] or "Acme",
                        "description": r["description"], "location": r["location"]} for r in rows], indent=1)


def main() -> int:
    if not POSTINGS.is_dir():
        print(f"needs {POSTINGS} (the shared corpus beside the project)")
        return 1
    hn = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(HN_DIR.glob("*.json"))]
    emscad = EMSCAD.read_text(encoding="utf-8")
    cases = [
        ("HN monthly JSON", hn, old_hn.HNJsonReader(), HNJsonReader()),
        ("EMSCAD CSV", [(EMSCAD.name, emscad)], old_csv.CsvPostingsReader(), CsvPostingsReader()),
        ("job-board JSON", [("board.json", board_text(emscad))], old_board.JobBoardReader(), JobBoardReader()),
    ]
    print("| input | documents | dedicated (baseline) s | configuration s | ratio | generic, fields chosen s | ratio |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    worst = 0.0
    for name, texts, old, new in cases:
        base, n = timed(old, texts)
        conf, n_conf = timed(new, texts)
        gen, n_gen = timed(RecordsReader(), texts)
        worst = max(worst, conf / base)
        print(f"| {name} | {n} | {base:.2f} | {conf:.2f} ({n_conf}) | {conf / base:.2f}x | {gen:.2f} ({n_gen}) | "
              f"{gen / base:.2f}x |")
    verdict = "met" if worst <= TARGET_RATIO else "MISSED"
    print(f"\nworst ratio of a configuration to the reader it replaced {worst:.2f}x; target <= {TARGET_RATIO}x "
          f"{verdict}")
    return 0 if worst <= TARGET_RATIO else 1


if __name__ == "__main__":
    sys.exit(main())
