"""Lint precision: the share of lint findings a ladder's author would act on (one command).

    PYTHONPATH=src .venv/bin/python benchmarks/lint_precision.py [--corpus ../shared] [--json]
    PYTHONPATH=src .venv/bin/python benchmarks/lint_precision.py --draw OUT --key KEY --before BEFORE.json

Runs lint over ``<corpus>/corpus/ladders`` and ``<corpus>/seeds`` with the default rules and with
every rule (``--all``), then scores the hand labels of ``tests/fixtures/lint_precision/`` (labelling
rules: ``RULES.md``; how each sample was drawn: ``README.md``). Labels are keyed by locator
(``root``: ``ladders`` or ``seeds``, ``file`` relative to it, ``line``, ``code``); no corpus text is kept.

1. **dev** (``dev_sample.jsonl``, labelled while the rules were built, so tuned on): the findings of
   this run that a dev label names, per code, and the dev figures of the run each label came from.
2. **blind** (``blind_sample.jsonl``: findings of the final code and of the code before the change,
   shuffled and labelled without knowing which run gave each): act rate per version and per code,
   after vs before vs the target, and two checks against this run: every blind "after" finding is
   still reported, and every finding labelled ``act`` in the before sample still is (same file and
   line, any code).

``--draw`` writes a fresh blind sample (text for labelling, outside the repository) and its key.
Deterministic: same code and corpus, same numbers.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from careerladder.lint import default_codes, known_codes  # noqa: E402
from careerladder.pipeline import lint_paths  # noqa: E402

HERE = ROOT / "tests" / "fixtures" / "lint_precision"
DEV, BLIND = HERE / "dev_sample.jsonl", HERE / "blind_sample.jsonl"
ROOTS = {"ladders": ("corpus", "ladders"), "seeds": ("seeds",)}
#: Share of default-set findings a ladder's author would act on (issue 14).
TARGET = 0.80
#: Seed of the blind draw (``--draw``): which before findings are sampled and the order shown.
SEED = 20261203
#: Findings drawn from the before run (every finding of the after run is taken when there are fewer).
PER_VERSION = 60


def locate(source: str, corpus: Path) -> tuple[str, str] | None:
    """(root name, file relative to it) of a finding's ``source`` (a path as lint printed it)."""
    path = Path(source)
    for name, parts in ROOTS.items():
        base = corpus.joinpath(*parts)
        for candidate in (path, Path.cwd() / path):
            try:
                return name, candidate.resolve().relative_to(base.resolve()).as_posix()
            except ValueError:
                continue
    marker = "/" + "/".join(ROOTS["ladders"]) + "/"
    if marker in source:  # a run saved elsewhere ("../shared/corpus/ladders/...")
        return "ladders", source.split(marker, 1)[1]
    return None


def run(corpus: Path, codes: frozenset[str]) -> list[dict]:
    """Findings of lint over every root with ``codes``, as locator dicts (root, file, line, code, message)."""
    out = []
    for name, parts in ROOTS.items():
        base = corpus.joinpath(*parts)
        if not base.exists():
            continue
        for f in lint_paths([base], select=codes).findings:
            where = locate(f.source, corpus) or (name, f.source)
            out.append({"root": where[0], "file": where[1], "line": f.line, "code": f.code, "message": f.message,
                        "role_id": f.role_id, "default": f.code in default_codes()})
    return out


def key(row: dict) -> tuple:
    return row.get("root", "ladders"), row["file"], row["line"], row["code"]


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()] if path.exists() else []


def rate(rows: list[dict]) -> str:
    n, act = len(rows), sum(r["label"] == "act" for r in rows)
    return f"{act}/{n} = {act / n:.0%}" if n else "-"


def dev_report(found: list[dict]) -> dict:
    labels = read_jsonl(DEV)
    by_key = {key(r): r for r in labels}
    matched = [dict(f, label=by_key[key(f)]["label"]) for f in found if key(f) in by_key]
    per_code: dict[str, dict] = {}
    for code in sorted({f["code"] for f in found}):
        mine = [f for f in found if f["code"] == code]
        lab = [m for m in matched if m["code"] == code]
        per_code[code] = {"findings": len(mine), "default": mine[0]["default"], "labelled": rate(lab)}
    runs = {run_: rate([r for r in labels if r["run"] == run_]) for run_ in sorted({r["run"] for r in labels})}
    seen = {(f["root"], f["file"], f["line"]) for f in found}
    lost = [r for r in labels if r["label"] == "act" and (r.get("root", "ladders"), r["file"], r["line"]) not in seen]
    return {"labels": len(labels), "dev_runs": runs, "this_run_default": rate([m for m in matched if m["default"]]),
            "per_code": per_code, "act_no_longer_reported": [f"{r['file']}:{r['line']} {r['code']}" for r in lost]}


def blind_report(found: list[dict]) -> dict:
    rows = read_jsonl(BLIND)
    if not rows:
        return {}
    out: dict = {"sample": len(rows), "versions": {}, "per_code": {}}
    for version in ("after", "before"):
        mine = [r for r in rows if r["version"] == version]
        out["versions"][version] = {"all": rate(mine), "default_set": rate([r for r in mine if r["default"]])}
    codes: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for r in rows:
        codes[r["code"]][r["version"]].append(r)
    out["per_code"] = {c: {v: rate(codes[c][v]) for v in ("after", "before")} for c in sorted(codes)}
    out["opt_in"] = sorted({r["code"] for r in rows if r["version"] == "after" and not r["default"]})
    dev = {key(r): r["label"] for r in read_jsonl(DEV)}
    both = [(r["label"], dev[key(r)]) for r in rows if key(r) in dev]
    out["agreement_with_dev_labels"] = f"{sum(a == b for a, b in both)}/{len(both)}"
    now = {key(f) for f in found}
    lines = {(f["root"], f["file"], f["line"]) for f in found}
    out["after_not_reported_now"] = [f"{r['file']}:{r['line']} {r['code']}" for r in rows
                                     if r["version"] == "after" and key(r) not in now]
    out["before_act_not_reported_now"] = [f"{r['file']}:{r['line']} {r['code']}" for r in rows if r["version"] == "before"
                                          and r["label"] == "act" and (r["root"], r["file"], r["line"]) not in lines]
    return out


def draw(found: list[dict], before_path: Path, corpus: Path, out_dir: Path, key_path: Path) -> None:
    """Write ``out_dir/sample.jsonl`` (ids G001..., text for labelling: code, message, the lines pointed at,
    file and level; no version) and ``key_path`` (id -> version and locator). Every finding of this
    run (every rule) is taken when there are at most ``PER_VERSION`` * 2 of them, else a seeded sample
    of ``PER_VERSION``; ``PER_VERSION`` findings are drawn from the before run."""
    rng = random.Random(SEED)
    before = []
    for f in json.loads(before_path.read_text())["findings"]:
        where = locate(f["source"], corpus)
        if where:
            before.append({"root": where[0], "file": where[1], "line": f["line"], "code": f["code"],
                           "message": f["message"], "role_id": f.get("role_id"), "default": True})
    after = found if len(found) <= 2 * PER_VERSION else rng.sample(found, PER_VERSION)
    items = [("after", f) for f in after] + [("before", f) for f in rng.sample(before, PER_VERSION)]
    rng.shuffle(items)
    out_dir.mkdir(parents=True, exist_ok=True)
    sample, keyed = [], {}
    for i, (version, f) in enumerate(items, 1):
        gid = f"G{i:03d}"
        path = corpus.joinpath(*ROOTS[f["root"]], f["file"])
        lines = path.read_text(errors="replace").splitlines() if path.is_file() else []
        shown = [f"{n}: {lines[n - 1]}" for n in _pointed(f) if 0 < n <= len(lines)]
        sample.append({"id": gid, "code": f["code"], "message": f["message"], "file": f"{f['root']}/{f['file']}",
                       "line": f["line"], "level": f["role_id"], "lines": shown})
        keyed[gid] = {"version": version, **{k: f[k] for k in ("root", "file", "line", "code", "default")}}
    (out_dir / "sample.jsonl").write_text("".join(json.dumps(s, ensure_ascii=False) + "\n" for s in sample))
    key_path.write_text(json.dumps(keyed, indent=1))
    print(f"drew {len(items)} findings ({len(after)} after, {PER_VERSION} before) into {out_dir}/sample.jsonl; "
          f"key in {key_path}")


def _pointed(f: dict) -> list[int]:
    """The finding's line and every "line N" its message names."""
    words = f["message"].replace(")", " ").replace(",", " ").replace(":", " ").split()
    named = [int(w) for prev, w in zip(words, words[1:]) if prev == "line" and w.isdigit()]
    return ([f["line"]] if f["line"] else []) + named


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared", help="folder holding corpus/ and seeds/")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--draw", type=Path, help="write a fresh blind sample into this folder (outside the repository)")
    ap.add_argument("--key", type=Path, help="with --draw: where the key (id -> version) goes")
    ap.add_argument("--before", type=Path, help="with --draw: `careerladder lint --format json` of the code before")
    args = ap.parse_args(argv)
    if not (args.corpus / "corpus" / "ladders").exists():
        print(f"lint_precision: no corpus at {args.corpus}/corpus/ladders", file=sys.stderr)
        return 2
    every = run(args.corpus, known_codes())
    if args.draw:
        if not (args.key and args.before):
            ap.error("--draw needs --key and --before")
        draw(every, args.before, args.corpus, args.draw, args.key)
        return 0
    default = [f for f in every if f["default"]]
    report = {"findings": {"default_set": len(default), "every_rule": len(every),
                           "per_code": dict(sorted(Counter(f["code"] for f in every).items()))},
              "dev": dev_report(every), "blind": blind_report(every), "target": TARGET}
    if args.json:
        print(json.dumps(report, indent=1))
    else:
        _print(report)
    return 0


def _print(rep: dict) -> None:
    n = rep["findings"]
    print(f"lint over corpus/ladders + seeds: {n['default_set']} findings of the default rules, "
          f"{n['every_rule']} with every rule")
    dev = rep["dev"]
    print(f"\ndev labels ({dev['labels']}, tuned on): " + ", ".join(f"{k} {v}" for k, v in dev["dev_runs"].items())
          + f"; this run's default-set findings that carry a dev label: {dev['this_run_default']}")
    print(f"{'code':<20} {'default':<8} {'now':>5}  dev-labelled act")
    for code, row in dev["per_code"].items():
        print(f"{code:<20} {'yes' if row['default'] else 'opt-in':<8} {row['findings']:>5}  {row['labelled']}")
    print(f"dev 'act' findings no longer reported (file and line): {dev['act_no_longer_reported'] or 'none'}")
    blind = rep["blind"]
    if not blind:
        print("\nblind: no labelled sample yet")
        return
    a, b = blind["versions"]["after"], blind["versions"]["before"]
    print(f"\nblind sample ({blind['sample']} findings, labelled without the key): share a ladder's author acts on")
    print(f"{'':<28} {'after':>16} {'before':>16} {'target':>8}")
    print(f"{'default set (what lint shows)':<28} {a['default_set']:>16} {b['default_set']:>16} {rep['target']:>8.0%}")
    print(f"{'every rule (--all)':<28} {a['all']:>16} {b['all']:>16}")
    for code, row in blind["per_code"].items():
        name = f"{code} (opt-in)" if code in blind["opt_in"] else code
        print(f"  {name:<26} {row['after']:>16} {row['before']:>16}")
    print(f"same finding labelled in both samples: {blind['agreement_with_dev_labels']} labels agree")
    print(f"blind 'after' findings this run no longer reports: {blind['after_not_reported_now'] or 'none'}")
    print(f"blind 'before' act findings this run does not report: {blind['before_act_not_reported_now'] or 'none'}")


if __name__ == "__main__":
    raise SystemExit(main())
