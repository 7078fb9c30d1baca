"""What statement embeddings cost (one command): model load, time per statement, build and ingest throughput.

    PYTHONPATH=src .venv/bin/python benchmarks/embedding_cost.py               # about 2-4 minutes
    PYTHONPATH=src .venv/bin/python benchmarks/embedding_cost.py --postings 100 --json

Each measurement runs in a fresh process (so a model loaded by one never helps another):

* **model load**: ``careerladder.embed.model()`` in a new process, after ``careerladder.embed`` is
  imported, with an empty cache directory once (the first load ever: pyarrow reads the wheel's word list
  and a text copy is kept) and then ``--repeat`` times (the copy is read), wall and CPU seconds; target
  < 1 s wall (issue 19).
* **time per statement**: ``embed()`` over every statement text of the ladders below, in one call
  and in calls of one statement (the web app embeds one query at a time), model already loaded.
* **build** (``careerladder.pipeline.build`` of ``../shared/corpus/ladders``, or of the package's two
  ladders when the corpus is absent) and **ingest** (``ingest(jobs=1)`` of the first ``--postings``
  RemoteWLB postings): statements (or documents) per second with embeddings, and the **baseline in
  the same run**: the same command with ``careerladder.embed.model`` replaced by a stand-in that
  returns zero vectors at once (everything else, writing the vector column included, unchanged).
  The change is (with - without) / without, on the median of ``--rounds`` interleaved runs of each.

The machine's load average is printed: on a shared machine the figures are lower bounds.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LADDERS = ROOT.parent / "shared" / "corpus" / "ladders"
PACKAGE_LADDERS = [ROOT / "src" / "careerladder" / "data" / "example-ladder",
                   ROOT / "src" / "careerladder" / "data" / "reference-ladder"]
REMOTEWLB = ROOT.parent / "shared" / "corpus" / "postings" / "RemoteWLB__remote-jobs" / "jobs"
TARGET_LOAD_SECONDS = 1.0

#: Replaces the model by one that returns zero vectors at once: the "without embeddings" baseline.
STUB = """
import numpy as np
import careerladder.embed as E
class _Zero:
    def encode(self, texts):
        return np.zeros((len(texts), E.DIMENSIONS), dtype=np.float32)
    def ids(self, text):
        return []
E.model = lambda: _Zero()
"""

LOAD = """
import json, time
import careerladder.embed as E
t, c = time.perf_counter(), time.process_time(); E.model()
print(json.dumps({"seconds": time.perf_counter() - t, "cpu_seconds": time.process_time() - c}))
"""

PER_STATEMENT = """
import json, sys, time
from pathlib import Path
from careerladder.pipeline import load
from careerladder.embed import embed, model
texts = []
def walk(statements):
    for st in statements:
        texts.append(st.text); walk(st.children)
def sections(ss):
    for s in ss:
        walk(s.statements); sections(s.subsections)
for role in load([Path(p) for p in json.loads(sys.argv[1])]).roles:
    sections(role.sections)
model()
t = time.perf_counter(); embed(texts); batch = time.perf_counter() - t
one = texts[:2000]
t = time.perf_counter()
for x in one:
    embed([x])
single = time.perf_counter() - t
print(json.dumps({"statements": len(texts), "batch_us": 1e6 * batch / len(texts), "single_us": 1e6 * single / len(one)}))
"""

BUILD = """
import json, sys, tempfile, time
from pathlib import Path
from careerladder.pipeline import build
from careerladder.store import open_store
with tempfile.TemporaryDirectory() as tmp:
    t = time.perf_counter(); build([Path(p) for p in json.loads(sys.argv[1])], Path(tmp)); s = time.perf_counter() - t
    n = open_store(Path(tmp) / "careerladder.db", readonly=True).counts()["statements"]
print(json.dumps({"seconds": s, "statements": n}))
"""

INGEST = """
import json, sys, tempfile, time
from pathlib import Path
from careerladder.pipeline.ingest import FileTask, ingest
from careerladder.store import open_store
root = Path(sys.argv[1])
files = sorted(root.rglob("README.md"))[:int(sys.argv[2])]
with tempfile.TemporaryDirectory() as tmp:
    db = Path(tmp) / "i.db"
    t = time.perf_counter()
    ingest([], db, jobs=1, errors_path=Path(tmp) / "e.log",
           tasks=[FileTask(str(f), f.relative_to(root).as_posix()) for f in files])
    s = time.perf_counter() - t
    n = open_store(db, readonly=True).counts()["statements"]
print(json.dumps({"seconds": s, "documents": len(files), "statements": n}))
"""


def run(code: str, *args: str, stub: bool = False, cache: str | None = None) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    if cache is not None:  # careerladder.embed keeps its word-list copy there
        env["CAREERLADDER_CACHE"] = cache
    out = subprocess.run([sys.executable, "-c", (STUB if stub else "") + code, *args], capture_output=True,
                         text=True, env=env, timeout=3600)
    if out.returncode != 0:
        raise SystemExit(f"benchmark step failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def rounds(n: int, code: str, *args: str) -> dict:
    """With and without embeddings, interleaved ``n`` times; each side's run of median seconds."""
    runs: dict[str, list[dict]] = {"with": [], "without": []}
    for _ in range(n):
        runs["with"].append(run(code, *args))
        runs["without"].append(run(code, *args, stub=True))
    return {side: sorted(rs, key=lambda r: r["seconds"])[len(rs) // 2] | {"all_seconds": [r["seconds"] for r in rs]}
            for side, rs in runs.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=3, help="model loads measured (default: 3)")
    ap.add_argument("--postings", type=int, default=300, help="RemoteWLB postings ingested (default: 300)")
    ap.add_argument("--rounds", type=int, default=3, help="with/without runs, interleaved (default: 3; median)")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    ladders = [LADDERS] if LADDERS.is_dir() else PACKAGE_LADDERS
    paths = json.dumps([str(p) for p in ladders])
    result: dict = {"cores": os.cpu_count(), "load_average": round(os.getloadavg()[0], 2),
                    "ladders": [str(p.relative_to(ROOT.parent)) for p in ladders]}
    with tempfile.TemporaryDirectory() as cache:  # an empty cache: the first load reads the wheel's Parquet index
        first = run(LOAD, cache=cache)
        loads = [run(LOAD, cache=cache) for _ in range(args.repeat)]
    result["first_load_seconds"] = first["seconds"]
    result["load_seconds"] = {"median": statistics.median(r["seconds"] for r in loads),
                              "max": max(r["seconds"] for r in loads),
                              "cpu_median": statistics.median(r["cpu_seconds"] for r in loads)}
    result["per_statement"] = run(PER_STATEMENT, paths)
    result["build"] = rounds(args.rounds, BUILD, paths)
    if REMOTEWLB.is_dir():
        result["ingest"] = rounds(args.rounds, INGEST, str(REMOTEWLB), str(args.postings))
    if args.json:
        print(json.dumps(result, indent=1))
        return 0
    ld, ps = result["load_seconds"], result["per_statement"]
    print(f"machine: {result['cores']} cores, load average {result['load_average']} (shared: lower bounds)")
    print(f"model load, first ever (empty cache: pyarrow reads the wheel's word list): "
          f"{result['first_load_seconds']:.2f} s wall")
    print(f"model load (fresh process, {args.repeat} runs, word list from the cache): median {ld['median']:.2f} s "
          f"wall ({ld['cpu_median']:.2f} s CPU), max {ld['max']:.2f} s; "
          f"target < {TARGET_LOAD_SECONDS:g} s: {'met' if ld['max'] < TARGET_LOAD_SECONDS else 'MISSED'}")
    print(f"embedding time per statement ({ps['statements']} statements of {', '.join(result['ladders'])}): "
          f"{ps['batch_us']:.1f} us in one batch, {ps['single_us']:.1f} us one at a time")
    print(f"{'':8}{'with embeddings':>22}{'without (baseline)':>22}{'change':>9}")
    for name, unit in (("build", "statements"), ("ingest", "documents")):
        if name not in result:
            print(f"{name:8} skipped: {REMOTEWLB} is absent")
            continue
        w, wo = result[name]["with"], result[name]["without"]
        rw, rwo = w[unit] / w["seconds"], wo[unit] / wo["seconds"]
        print(f"{name:8}{rw:>14.1f} {unit[:5]}/s{rwo:>14.1f} {unit[:5]}/s{100 * (rw - rwo) / rwo:>+8.1f}%"
              f"   ({w[unit]} {unit}, {w['seconds']:.1f} s vs {wo['seconds']:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
