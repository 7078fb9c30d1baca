"""Fuzz every stage with generated and mutated inputs; report crashes and the slowest input.

    .venv/bin/python benchmarks/fuzz.py                      # 10^6 inputs, at most 40 minutes
    .venv/bin/python benchmarks/fuzz.py --inputs 20000 --minutes 2 --workers 1   # a quick look

Stages: ``document`` (text -> ``read_text`` -> parse -> extract -> classify, a batch of
documents -> ``resolve``; every 20th role is checked against ``role.schema.json`` and written to an
in-memory SQLite store), ``statement`` (one statement through every requirement rule, the
inheritance patterns, sentence splitting, title cleaning and the classifier) and ``front_matter``
(YAML front matter through ``readers.frontmatter.split``). Inputs come from fast ``random``
generators (Markdown, HTML, plain text, odd YAML, pathological repetitions aimed at regex
backtracking) and from mutations of the seeds and a sample of the corpus (read at run time).

A crash is any exception other than ``ReadError``/``LimitError``/``ParseError``, an error message
that is not one line, a statement or requirement whose line is outside the document, a role that
fails the JSON Schema, or a store write that fails; each is saved with its traceback under
``--out``. Prints inputs/s per stage, peak RSS, the seeds' docs/s measured in the same run (the
baseline) and the slowest inputs, re-timed alone (best of 5) so that a busy machine does not count.
"""

from __future__ import annotations

import argparse
import hashlib
import heapq
import json
import multiprocessing as mp
import os
import random
import resource
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from careerladder import codec  # noqa: E402
from careerladder.classify import default_classifier  # noqa: E402
from careerladder.errors import CareerLadderError, ParseError, ReadError  # noqa: E402
from careerladder.extract.grammar import clean_title, slugify, split_sentences, tokens  # noqa: E402
from careerladder.extract import inheritance
from careerladder.extract.rules import RULES, Context  # noqa: E402
from careerladder.extract.titles import title_level  # noqa: E402
from careerladder.model import Statement, iter_sections, role_statements  # noqa: E402
from careerladder.pipeline import ROLE_SCHEMA, analyze  # noqa: E402
from careerladder.readers import frontmatter, read_text  # noqa: E402
from careerladder.resolve import resolve  # noqa: E402
from careerladder.store import DocumentRecord, open_store  # noqa: E402
from fuzz_inputs import (HEADINGS, SEEDS, gen_document, gen_front_matter, load_pool, mutate, phrase,  # noqa: E402
                         pick)

SLOW_KEEP = 8  # slowest inputs kept per stage and worker for re-timing
TARGET_SECONDS = 0.050  # every document should be read and analyzed in less
MIX = (("document", 0.06), ("statement", 0.54), ("front_matter", 0.40))  # share of inputs per stage

# -- stages: each runs one input, raises AssertionError on a broken property ------------------------
class Checker:
    """Per-process state: the classifier, the schema validator and an in-memory store."""

    def __init__(self) -> None:
        import jsonschema

        self.validator = jsonschema.Draft202012Validator(json.loads(ROLE_SCHEMA.read_text()))
        self.classifier = default_classifier()
        self.store = open_store(":memory:")
        self.count = 0
        self.unnamed: dict[str, int] = {}  # error messages that do not name their file -> count

    def documents(self, batch: list[tuple[str, str]]) -> list[float]:
        """read -> analyze each (name, text); resolve the batch; check lines, schema, store. Seconds per doc."""
        times, roles, lines = [], [], {}
        for name, text in batch:
            t0 = time.process_time()
            try:
                docs = read_text(text, name)
            except ReadError as exc:
                self.one_line(exc, name)
                times.append(time.process_time() - t0)
                continue
            for doc in docs:
                try:
                    found = analyze(doc, name + (f"#{doc.fragment}" if doc.fragment else ""))
                except ParseError as exc:
                    self.one_line(exc, name)
                    continue
                roles += found
                lines.update({r.id: (document_lines(doc, text), doc.format) for r in found})
            times.append(time.process_time() - t0)
        resolved, ladders, diags = resolve(roles)
        assert all("\n" not in str(d) for d in diags), "multi-line diagnostic"
        effective = {rid: e for lad in ladders for rid, e in lad.effective.items()}
        for role in resolved:
            last, fmt = lines[role.id]
            for _, st in role_statements(role):
                assert 1 <= st.line <= last, f"[{fmt}] statement line outside the document: {st.line} " \
                                             f"not in 1..{last}: {st.text[:60]!r}"
            for req in role.requirements:
                assert 1 <= req.line <= last, f"[{fmt}] requirement line outside the document: {req.line}"
            assert all(s.kind for s in iter_sections(role.sections))
            self.count += 1
            if self.count % 20 == 0:
                data = codec.role_data(role, effective.get(role.id))
                errors = sorted(self.validator.iter_errors(data), key=str)
                assert not errors, f"schema: {errors[0].message[:200]}"
                record = DocumentRecord(role.id, role.content_hash, str(self.count), "fuzz", {})
                self.store.write_document(record, [data])
        return times

    def one_line(self, exc: CareerLadderError, name: str) -> None:
        """The error is one line; one that does not name its file is counted (the pipeline adds the name)."""
        _one_line(exc)
        if not str(exc).startswith(name):
            self.unnamed[exc.message[:80]] = self.unnamed.get(exc.message[:80], 0) + 1

    def statement(self, text: str, label: str | None, kind: str, path: tuple[str, ...]) -> None:
        st = Statement("r:1", text, 7, 7, label=label)
        ctx = Context(kind, path, "Engineering Manager", "job_posting", (f"{label}: {text}" if label else text).lower())
        for rule in RULES:
            for req in rule(st, ctx):
                assert req.line == 7 and req.statement_id == "r:1"
        inheritance.find_parents(st)
        inheritance.find_next_level(st)
        for sentence, offset in split_sentences(text):
            assert 0 <= offset <= len(text)
        clean_title(text[:300])
        title_level(text[:300])
        slugify(text[:300])
        tokens(text)
        self.classifier.predict_one(st, " ".join(path))


def line_count(text: str) -> int:
    """Lines of ``text`` as readers count them: ``\r\n``, ``\r`` and ``\n`` each end one."""
    return text.count("\n") + text.count("\r") - text.count("\r\n") + 1

def document_lines(doc, text: str) -> int:
    """Lines a document's blocks may point at: the file's, or for a ``remotewlb_history`` record
    those of the README version it holds (docs/formats.md)."""
    if doc.format == "remotewlb_history":
        return line_count(json.loads(text.split("\n")[doc.metadata["jsonl_line"] - 1])["text"])
    return line_count(text)


def _one_line(exc: CareerLadderError) -> None:
    assert "\n" not in str(exc) and "\r" not in str(exc), f"error is not one line: {str(exc)[:200]!r}"


STAGES = ("document", "statement", "front_matter")


def run_chunk(job: tuple[int, int, str]) -> dict:
    """Run ``n`` inputs from ``seed``; return counts, seconds, crashes and the slowest inputs per stage."""
    seed, n, out = job
    rng = random.Random(seed)
    checker = _CHECKER or Checker()
    pool = _POOL
    stats = {s: {"inputs": 0, "seconds": 0.0, "crashes": 0, "over_50ms": 0} for s in STAGES}
    slow: dict[str, list] = {s: [] for s in STAGES}
    crashes: list[str] = []
    done = 0
    while done < n:
        roll, stage = rng.random(), MIX[-1][0]
        for name, share in MIX:
            if roll < share:
                stage = name
                break
            roll -= share
        if stage == "document":  # a batch: documents of one folder resolved together
            payload = [gen_document(rng, pool) for _ in range(rng.choice([1, 1, 1, 2, 4]))]
            payload = [(f"d{i}/{name}" if i else name, text) for i, (name, text) in enumerate(payload)]
        elif stage == "statement":
            payload = (phrase(rng) if rng.random() < 0.7 else mutate(rng, phrase(rng), pool)[:8000],
                       pick(rng, [None, None, "Impact", "Location", "**x**"]),
                       pick(rng, ["qualifications", "responsibilities", "benefits", "about", "other"]),
                       tuple(rng.sample(HEADINGS, rng.randrange(0, 3))))
        else:
            payload = gen_front_matter(rng) + (phrase(rng) if rng.random() < 0.7 else "")
        t0 = time.process_time()
        try:
            times = call(checker, stage, payload)
        except Exception:  # noqa: BLE001 - every other exception is a finding
            stats[stage]["crashes"] += 1
            crashes.append(save_crash(out, stage, payload, traceback.format_exc()))
            times = [time.process_time() - t0] * len(payload) if stage == "document" else [time.process_time() - t0]
        stats[stage]["seconds"] += time.process_time() - t0
        count = len(payload) if stage == "document" else 1
        stats[stage]["inputs"] += count
        done += count
        items = list(zip(times, payload)) if stage == "document" else [(times[0], payload)]
        for elapsed, item in items:
            stats[stage]["over_50ms"] += elapsed > TARGET_SECONDS
            entry = (elapsed, seed, done, item)
            if len(slow[stage]) < SLOW_KEEP:
                heapq.heappush(slow[stage], entry)
            elif elapsed > slow[stage][0][0]:
                heapq.heapreplace(slow[stage], entry)
    unnamed, checker.unnamed = checker.unnamed, {}
    return {"stats": stats, "slow": slow, "crashes": crashes, "unnamed": unnamed}


def call(checker: Checker, stage: str, payload) -> list[float]:
    """Run one input; CPU seconds (per document for a batch), so that other processes do not count."""
    t0 = time.process_time()
    if stage == "document":
        return checker.documents(payload)
    if stage == "statement":
        checker.statement(*payload)
    else:
        try:
            frontmatter.split(payload, "fm.md")
        except ReadError as exc:
            _one_line(exc)
            assert str(exc).startswith("fm.md"), f"error does not name the file: {str(exc)[:200]!r}"
    return [time.process_time() - t0]


def save_crash(out: str, stage: str, payload, tb: str) -> str:
    blob = json.dumps(payload, ensure_ascii=False)
    digest = hashlib.sha256(blob.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    path = Path(out) / f"crash-{stage}-{digest}.json"
    path.write_text(json.dumps({"stage": stage, "payload": payload, "traceback": tb}, ensure_ascii=True, indent=1))
    return str(path)


_CHECKER: Checker | None = None
_POOL: list[str] = []


def _init(pool: list[str]) -> None:
    global _CHECKER, _POOL
    _CHECKER, _POOL = Checker(), pool


def retime(checker: Checker, stage: str, item, repeat: int = 5) -> float:
    """Best of ``repeat`` runs of one input alone (a busy machine inflates single timings)."""
    payload = [item] if stage == "document" else item
    best = float("inf")
    for _ in range(repeat):
        try:
            best = min(best, max(call(checker, stage, payload)))
        except Exception:  # noqa: BLE001 - already reported as a crash
            return float("nan")
    return best


def doubled(stage: str, item):
    """The same input twice over (time should double: more means superlinear work)."""
    if stage == "document":
        return (item[0], item[1] + "\n" + item[1])
    if stage == "statement":
        return (item[0] + " " + item[0],) + tuple(item[1:])
    return item + "\n" + item


def baseline(checker: Checker) -> float:
    """Seeds through the document stage, docs/s (the same work as a fuzz document)."""
    docs = [(p.name, p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*"))] if SEEDS.exists() else []
    if not docs:
        return float("nan")
    t0, n = time.perf_counter(), 0
    while time.perf_counter() - t0 < 3:
        checker.documents(docs)
        n += len(docs)
    return n / (time.perf_counter() - t0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=1_000_000, help="inputs to run (all stages)")
    parser.add_argument("--minutes", type=float, default=40.0, help="stop after this long even if short of --inputs")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--chunk", type=int, default=2000)
    parser.add_argument("--out", default="fuzz-out", help="folder for crash inputs and the slowest inputs")
    args = parser.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    pool = load_pool(random.Random(args.seed))
    checker = Checker()
    base = baseline(checker)
    print(f"baseline: seeds through the document stage {base:.0f} docs/s; pool of {len(pool)} texts; "
          f"{args.workers} workers", flush=True)
    deadline = time.time() + args.minutes * 60
    totals = {s: {"inputs": 0, "seconds": 0.0, "crashes": 0, "over_50ms": 0} for s in STAGES}
    slow: dict[str, list] = {s: [] for s in STAGES}
    crashes: list[str] = []
    unnamed: dict[str, int] = {}
    jobs = ((args.seed * 1_000_003 + i, args.chunk, str(out)) for i in range(10**9))
    started, done = time.time(), 0
    with mp.Pool(args.workers, initializer=_init, initargs=(pool,)) as workers:
        for result in workers.imap_unordered(run_chunk, _until(jobs, lambda: done >= args.inputs
                                                                or time.time() > deadline)):
            for s in STAGES:
                for k in totals[s]:
                    totals[s][k] += result["stats"][s][k]
                slow[s] = heapq.nlargest(SLOW_KEEP, slow[s] + result["slow"][s], key=lambda e: e[0])
            crashes += result["crashes"]
            for message, count in result["unnamed"].items():
                unnamed[message] = unnamed.get(message, 0) + count
            done = sum(t["inputs"] for t in totals.values())
            rate = done / (time.time() - started)
            print(f"{done:>9,} inputs  {rate:7.0f}/s  crashes {len(crashes)}", flush=True)
            if done >= args.inputs or time.time() > deadline:
                workers.terminate()
                break
    wall = time.time() - started
    print(f"\n{done:,} inputs in {wall:.0f} s: {done / wall:.0f} inputs/s on {args.workers} workers "
          f"({'reached' if done >= args.inputs else 'SHORT of'} --inputs {args.inputs:,})")
    for s in STAGES:
        t = totals[s]
        per = t["inputs"] / t["seconds"] if t["seconds"] else 0
        print(f"  {s:12} {t['inputs']:>9,} inputs  {per:8.0f}/s per worker  crashes {t['crashes']}  "
              f"over 50 ms: {t['over_50ms']} (first run)")
    if "document" in totals and totals["document"]["seconds"]:
        fuzz_rate = totals["document"]["inputs"] / totals["document"]["seconds"]
        print(f"  document stage vs the seeds baseline: {fuzz_rate / base:.2f}x the seeds' docs/s")
    print(f"peak RSS (main process): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB; "
          f"largest worker: {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024:.0f} MB")
    print("\nslowest inputs, re-timed alone (CPU time, best of 5), and the time for the input doubled:")
    worst, worst_growth = 0.0, 0.0
    for s in STAGES:
        for elapsed, seed, _, item in slow[s][:4]:
            again = retime(checker, s, item)
            growth = retime(checker, s, doubled(s, item), repeat=3) / again if again > 0.002 else float("nan")
            worst = max(worst, again) if s == "document" else worst
            worst_growth = max(worst_growth, growth) if growth == growth else worst_growth
            path = out / f"slow-{s}-{hashlib.sha256(repr(item).encode('utf-8', 'surrogatepass')).hexdigest()[:10]}.json"
            path.write_text(json.dumps({"stage": s, "payload": item, "seconds": again}, ensure_ascii=True))
            size = len(item[1]) if s == "document" else len(str(item))
            print(f"  {s:12} {again * 1000:8.1f} ms (first run {elapsed * 1000:5.1f} ms) {size:>7} chars, "
                  f"doubled x{growth:.1f}  {path}")
    print(f"\ncrashes: {len(crashes)}" + "".join(f"\n  {n:>6} x {kind}" for kind, n in crash_kinds(crashes)))
    print("".join(f"  {c}\n" for c in crashes[:10]), end="")
    print(f"slowest document: {worst * 1000:.1f} ms (target: under 50 ms); largest growth when an input is "
          f"doubled: x{worst_growth:.1f} (linear work doubles; quadratic quadruples)")
    if unnamed:
        print(f"errors from read_text that do not name the file (the pipeline names it): {sum(unnamed.values())}"
              + "".join(f"\n  {n:>6} x {m}" for m, n in sorted(unnamed.items(), key=lambda kv: -kv[1])[:5]))
    return 1 if crashes else 0


def crash_kinds(paths: list[str]) -> list[tuple[str, int]]:
    """Crashes grouped by what failed: the exception and the frame of the project that raised it."""
    kinds: dict[str, int] = {}
    for path in paths:
        lines = json.loads(Path(path).read_text())["traceback"].strip().splitlines()
        if lines[-1].startswith("AssertionError: "):  # a property: its message says which one
            kind = "property " + lines[-1][len("AssertionError: "):].split(":", 1)[0]
        else:
            frames = [ln.strip() for ln in lines if ln.strip().startswith("File ")]
            where = frames[-1].split("/main/", 1)[-1].split(",", 2)[:2] if frames else ["?"]
            kind = f"{lines[-1].split(':', 1)[0]} in {' '.join(w.strip() for w in where)}"
        kinds[kind] = kinds.get(kind, 0) + 1
    return sorted(kinds.items(), key=lambda kv: -kv[1])


def _until(jobs, stop):
    for job in jobs:
        if stop():
            return
        yield job


if __name__ == "__main__":
    sys.exit(main())
