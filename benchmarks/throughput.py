"""Ingest throughput benchmark (one command) over the HN "Who is hiring" posts and the RemoteWLB postings.

    .venv/bin/python benchmarks/throughput.py                      # both corpora, floor + end to end + RSS
    .venv/bin/python benchmarks/throughput.py --profile            # also cProfile the end-to-end run
    .venv/bin/python benchmarks/throughput.py --synthetic 1000000  # also 10^6 postings (the HN posts replicated)

For each corpus, on the same documents and in the same run, each measurement in a fresh process
(so its peak RSS is its own):

* floor: reading the files plus the bare parse of the markup with the libraries we build on —
  ``json`` + selectolax ``LexborHTMLParser(full_html).text()`` per HN post; reading + markdown-it-py
  ``MarkdownIt().parse`` per RemoteWLB README;
* end to end, one process (``ingest(jobs=1)``): read, parse, extract, classify, level, store into a
  fresh SQLite database — documents/s per core and the ratio to the floor;
* end to end with ``--jobs`` worker processes plus the writer (documents/s, and per core);
* peak RSS of the end-to-end run at a quarter of the input and at all of it (flat = RSS does not
  grow with input);
* CPU milliseconds per document in each stage (read, parse+extract+classify, level, to dicts,
  analysis hash, store) on a quarter of the input, without a profiler; ``--profile`` adds a
  cProfile of a separate run (never of the timed one).

Rates are given per CPU-second (what one core does when it is ours alone) and per wall-clock
second (what the shared machine gave this run).

``--synthetic N`` ingests N postings made by replicating the HN monthly files under new document
ids (``replica-K/...``) with ``--jobs`` workers into a fresh SQLite database, and reports the time
against the 10-minute target. The machine's load average is printed: numbers on a shared machine
are lower bounds of what the code can do.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

POSTINGS = ROOT.parent / "shared" / "corpus" / "postings"
HN_DIR = POSTINGS / "gaganpreet__hn-hiring-mapped" / "src" / "web" / "data"
REMOTEWLB_DIR = POSTINGS / "RemoteWLB__remote-jobs" / "jobs"
#: Targets from the issue.
TARGET_DOCS_PER_CORE = 2000
TARGET_FLOOR_RATIO = 5.0
TARGET_RSS_MB = 1024
TARGET_SYNTHETIC_SECONDS = 600
#: Share of the input used for the per-stage breakdown and the profile.
STAGES_FRACTION = 0.25


def corpus_files(name: str, fraction: float = 1.0) -> list[Path]:
    """The files of a corpus, sorted; the first ``fraction`` of them."""
    files = sorted(HN_DIR.glob("*.json")) if name == "hn" else sorted(REMOTEWLB_DIR.rglob("README.md"))
    return files[: max(1, round(len(files) * fraction))]


def tasks_for(name: str, fraction: float = 1.0):
    from careerladder.pipeline.ingest import FileTask

    root = HN_DIR if name == "hn" else REMOTEWLB_DIR
    return [FileTask(str(f), f.relative_to(root).as_posix()) for f in corpus_files(name, fraction)]


def peak_rss_mb() -> tuple[float, float]:
    """Peak RSS of this process and of its largest finished child, in MiB (Linux reports KiB)."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, child


class DescendantsPeak:
    """Samples the peak RSS (``VmHWM`` in /proc) of every descendant process while it runs.

    Worker processes are children of multiprocessing's fork server, not of this process, so
    ``RUSAGE_CHILDREN`` does not see them; this does. ``peak_mb``: the largest one, in MiB.
    """

    def __init__(self, interval: float = 0.5):
        import threading
        self.interval, self.peak_mb, self._stop = interval, 0.0, threading.Event()
        self.cpu: dict[int, float] = {}  # pid -> CPU seconds last seen (user + system)
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._tick = os.sysconf("SC_CLK_TCK")

    @property
    def cpu_seconds(self) -> float:
        """CPU time the descendants used, as last sampled (under-counts at most one interval each)."""
        return sum(self.cpu.values())

    def __enter__(self) -> "DescendantsPeak":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        me = os.getpid()
        while not self._stop.wait(self.interval):
            parents: dict[int, int] = {}
            cpu: dict[int, float] = {}
            for entry in Path("/proc").iterdir():
                if entry.name.isdigit():
                    try:
                        fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                        parents[int(entry.name)] = int(fields[1])
                        cpu[int(entry.name)] = (int(fields[11]) + int(fields[12])) / self._tick
                    except (OSError, ValueError, IndexError):
                        continue
            for pid in parents:
                p, depth = parents.get(pid), 0
                while p and p != me and depth < 8:
                    p, depth = parents.get(p), depth + 1
                if p != me:
                    continue
                self.cpu[pid] = max(self.cpu.get(pid, 0.0), cpu[pid])
                try:
                    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                        if line.startswith("VmHWM:"):
                            self.peak_mb = max(self.peak_mb, int(line.split()[1]) / 1024)
                except OSError:
                    continue


# -- measurements (each runs in its own process: --child) -------------------------------
def floor(name: str) -> dict:
    """Reading + the libraries' bare parse of every document."""
    started, cpu_started = time.perf_counter(), time.process_time()
    docs = 0
    if name == "hn":
        from selectolax.lexbor import LexborHTMLParser
        for f in corpus_files(name):
            for post in json.loads(f.read_bytes()):
                html = post.get("full_html")
                if isinstance(html, str) and html.strip():
                    LexborHTMLParser(html).text()
                    docs += 1
    else:
        from markdown_it import MarkdownIt
        md = MarkdownIt()
        for f in corpus_files(name):
            md.parse(f.read_text(encoding="utf-8", errors="replace"))
            docs += 1
    seconds = time.perf_counter() - started
    return {"docs": docs, "seconds": seconds, "cpu": time.process_time() - cpu_started, "rss_mb": peak_rss_mb()[0]}


def end_to_end(name: str, fraction: float, jobs: int, profile: bool) -> dict:
    from careerladder.pipeline.ingest import ingest

    with tempfile.TemporaryDirectory(prefix="careerladder-bench-") as tmp:
        db = Path(tmp) / "bench.db"
        prof = cProfile.Profile() if profile else None
        if prof:
            prof.enable()
        cpu_started = time.process_time()
        with DescendantsPeak() as workers:
            summary = ingest([], db, jobs=jobs, errors_path=Path(tmp) / "errors.log",
                             tasks=tasks_for(name, fraction))
        if prof:
            prof.disable()
        out = summary.as_dict() | {"docs": summary.read, "seconds": summary.elapsed,
                                   "cpu": time.process_time() - cpu_started + workers.cpu_seconds,
                                   "db_mb": db.stat().st_size / 2**20}
        own, child = peak_rss_mb()
        out |= {"rss_mb": own, "child_rss_mb": max(child, workers.peak_mb)}
        if prof:
            out["profile"] = profile_text(prof)
    return out


def stages(name: str, fraction: float) -> dict:
    """CPU milliseconds per document in each stage, one process, no profiler: where the time goes."""
    from careerladder import codec
    from careerladder.errors import ParseError
    from careerladder.pipeline import analysis_hash, analyze
    from careerladder.readers import read_path
    from careerladder.store import DocumentRecord, open_store
    from careerladder.store.base import write_batch

    cpu = {"read": 0.0, "parse+extract+classify": 0.0, "level": 0.0, "to dicts (codec)": 0.0,
           "analysis hash": 0.0, "store (SQLite + FTS5)": 0.0}
    docs = statements = 0
    with tempfile.TemporaryDirectory(prefix="careerladder-stages-") as tmp:
        store = open_store(Path(tmp) / "stages.db")
        for task in tasks_for(name, fraction):
            t0 = time.process_time()
            documents = read_path(task.path)
            cpu["read"] += time.process_time() - t0
            batch = []
            for doc in documents:
                source = f"{task.doc_id}#{doc.fragment}" if doc.fragment else task.doc_id
                t0 = time.process_time()
                try:
                    roles = analyze(doc, source, level=False)
                except ParseError:
                    continue
                t1 = time.process_time()
                roles = [_level(r) for r in roles]
                t2 = time.process_time()
                data = [codec.role_data(r) for r in roles]
                t3 = time.process_time()
                digest = analysis_hash(data)
                t4 = time.process_time()
                for key, dt in zip(list(cpu)[1:5], (t1 - t0, t2 - t1, t3 - t2, t4 - t3)):
                    cpu[key] += dt
                batch.append((DocumentRecord(source, doc.content_hash, digest, doc.format, dict(doc.metadata)), data))
                docs += 1
            t0 = time.process_time()
            write_batch(store, batch)
            cpu["store (SQLite + FTS5)"] += time.process_time() - t0
        statements = store.counts()["statements"]
        store.close()
    return {"docs": docs, "statements_per_doc": statements / max(1, docs), "cpu": cpu}


def _level(role):
    from careerladder.leveling.level import level_role
    return level_role(role)


def synthetic(target: int, jobs: int, db_dir: str | None) -> dict:
    from careerladder.pipeline.ingest import FileTask, ingest

    files = corpus_files("hn")
    per_file = [len(json.loads(f.read_bytes())) for f in files]
    tasks, n, k = [], 0, 0
    while n < target:
        for f, count in zip(files, per_file):
            if n >= target:
                break
            tasks.append(FileTask(str(f), f"replica-{k}/{f.name}"))
            n += count
        k += 1
    with tempfile.TemporaryDirectory(prefix="careerladder-synth-", dir=db_dir) as tmp:
        db = Path(tmp) / "synthetic.db"
        cpu_started = time.process_time()
        with DescendantsPeak(interval=2.0) as workers:
            summary = ingest([], db, jobs=jobs, errors_path=Path(tmp) / "errors.log", tasks=tasks)
        cpu = time.process_time() - cpu_started + workers.cpu_seconds
        size = sum(p.stat().st_size for p in Path(tmp).glob("synthetic.db*")) / 2**20
    own, child = peak_rss_mb()
    return summary.as_dict() | {"docs": summary.read, "seconds": summary.elapsed, "cpu": cpu, "replicas": k,
                                "db_mb": size,
                                "rss_mb": own, "child_rss_mb": max(child, workers.peak_mb)}


def profile_text(prof: cProfile.Profile, top: int = 25) -> str:
    """Top functions by own time, and own time per careerladder module (where the hot spots are)."""
    stream = io.StringIO()
    stats = pstats.Stats(prof, stream=stream)
    stats.sort_stats("tottime").print_stats(top)
    by_module: dict[str, float] = {}
    total = 0.0
    for (filename, _, _), (_, _, tottime, _, _) in stats.stats.items():  # type: ignore[attr-defined]
        total += tottime
        key = filename.split("/src/careerladder/")[-1] if "/src/careerladder/" in filename else \
            ("(libraries, builtins)" if "site-packages" in filename or filename.startswith("~") else
             "(python stdlib)")
        by_module[key] = by_module.get(key, 0.0) + tottime
    lines = [f"{'own time':>9}  {'share':>6}  module"]
    for key, t in sorted(by_module.items(), key=lambda kv: -kv[1])[:20]:
        lines.append(f"{t:8.2f}s  {t / total:6.1%}  {key}")
    return "\n".join(lines) + "\n\n" + stream.getvalue()


# -- the orchestrating process --------------------------------------------------------
def run_child(*args: str) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--child", *args], capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"measurement {' '.join(args)} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", choices=["hn", "remotewlb", "both"], default="both")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="worker processes (default: cores)")
    parser.add_argument("--profile", action="store_true", help="cProfile the one-process end-to-end run")
    parser.add_argument("--synthetic", type=int, default=0, metavar="N", help="also ingest N replicated postings")
    parser.add_argument("--synthetic-only", action="store_true", help="only the synthetic run")
    parser.add_argument("--db-dir", default=None, help="folder for the synthetic database (default: temp)")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, *rest = args.child
        if kind == "floor":
            result = floor(rest[0])
        elif kind == "stages":
            result = stages(rest[0], float(rest[1]))
        elif kind == "e2e":
            result = end_to_end(rest[0], float(rest[1]), int(rest[2]), rest[3] == "1")
        else:
            result = synthetic(int(rest[0]), int(rest[1]), rest[2] if rest[2] != "-" else None)
        print(json.dumps(result))
        return
    if not HN_DIR.exists():
        raise SystemExit(f"needs the shared corpus at {POSTINGS}")
    print(f"machine: {os.cpu_count()} cores, load average before: {os.getloadavg()[0]:.2f} "
          f"(other processes share the cores; numbers are lower bounds)\n")
    corpora = [] if args.synthetic_only else (["hn", "remotewlb"] if args.corpus == "both" else [args.corpus])
    for name in corpora:
        label = {"hn": "HN posts", "remotewlb": "RemoteWLB READMEs"}[name]
        fl = run_child("floor", name)
        one = run_child("e2e", name, "1", "1", "0")
        quarter = run_child("e2e", name, "0.25", "1", "0")
        par = run_child("e2e", name, "1", str(args.jobs), "0")
        floor_rate, floor_cpu = fl["docs"] / fl["seconds"], fl["docs"] / fl["cpu"]
        one_rate, one_cpu = one["docs"] / one["seconds"], one["docs"] / one["cpu"]
        par_rate, par_cpu = par["docs"] / par["seconds"], par["docs"] / par["cpu"]
        print(f"== {label}: {one['docs']} documents ({one['stored']} stored, {one['no_role']} without a role, "
              f"{one['failed'] + one['files_failed']} failed)")
        print("  docs per CPU-second is docs/s per core with the core to ourselves; wall-clock docs/s depends "
              "on the load")
        print(f"  {'':34} {'docs/CPU-s':>10} {'wall docs/s':>11}")
        print(f"  {'floor (read + bare library parse)':34} {floor_cpu:10.0f} {floor_rate:11.0f}")
        print(f"  {'end to end, 1 process':34} {one_cpu:10.0f} {one_rate:11.0f}   "
              f"ratio to floor {floor_cpu / one_cpu:.1f}x (CPU)")
        print(f"  {f'end to end, {args.jobs} workers + writer':34} {par_cpu:10.0f} {par_rate:11.0f}   "
              f"= {par_rate / args.jobs:.0f} wall docs/s per core")
        print(f"  peak RSS, 1 process: {quarter['rss_mb']:.0f} MiB at 1/4 of the input "
              f"({quarter['docs']} docs), {one['rss_mb']:.0f} MiB at all of it; with workers: writer "
              f"{par['rss_mb']:.0f} MiB, largest worker {par['child_rss_mb']:.0f} MiB")
        print(f"  database: {one['db_mb']:.0f} MiB")
        ok = [("docs/s per core", one_cpu >= TARGET_DOCS_PER_CORE, f">= {TARGET_DOCS_PER_CORE}"),
              ("ratio to floor", floor_cpu / one_cpu <= TARGET_FLOOR_RATIO, f"<= {TARGET_FLOOR_RATIO:g}x"),
              ("peak RSS", max(one["rss_mb"], par["rss_mb"], par["child_rss_mb"]) < TARGET_RSS_MB,
               f"< {TARGET_RSS_MB} MiB"),
              ("RSS flat", one["rss_mb"] <= quarter["rss_mb"] * 1.25 + 32, "all <= 1/4 x 1.25 + 32 MiB")]
        print("  targets: " + "; ".join(f"{n} {t}: {'met' if good else 'MISSED'}" for n, good, t in ok))
        st = run_child("stages", name, str(STAGES_FRACTION))
        total = sum(st["cpu"].values())
        print(f"  where the CPU goes (1 process, {st['docs']} docs = {STAGES_FRACTION:g} of the input, "
              f"{st['statements_per_doc']:.1f} statements/doc; {st['docs'] / total:.0f} docs/CPU-s):")
        for stage, seconds in st["cpu"].items():
            print(f"    {stage:24} {seconds / st['docs'] * 1000:6.3f} ms/doc  {seconds / total:6.1%}")
        if args.profile:
            prof = run_child("e2e", name, str(STAGES_FRACTION), "1", "1")
            print(f"\n  cProfile of a separate 1-process run on {STAGES_FRACTION:g} of the input (own time; "
                  "the profiler slows Python code ~2x):\n" + "\n".join(
                      "    " + line for line in prof["profile"].splitlines()[:70]))
        print()
    if args.synthetic:
        syn = run_child("synthetic", str(args.synthetic), str(args.jobs), args.db_dir or "-")
        rate = syn["docs"] / syn["seconds"]
        print(f"== synthetic: {syn['docs']} postings (HN files x {syn['replicas']} replicas), {args.jobs} workers")
        print(f"  {syn['seconds']:.0f} s = {syn['seconds'] / 60:.1f} min wall, {rate:.0f} docs/s "
              f"({rate / args.jobs:.0f} per core); {syn['cpu']:.0f} CPU-s = {syn['docs'] / syn['cpu']:.0f} "
              f"docs/CPU-s; stored {syn['stored']}, failed {syn['failed'] + syn['files_failed']}; "
              f"database {syn['db_mb'] / 1024:.1f} GiB")
        print(f"  peak RSS: writer {syn['rss_mb']:.0f} MiB, largest worker {syn['child_rss_mb']:.0f} MiB")
        print(f"  target < {TARGET_SYNTHETIC_SECONDS / 60:.0f} min: "
              f"{'met' if syn['seconds'] < TARGET_SYNTHETIC_SECONDS else 'MISSED'}")
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
