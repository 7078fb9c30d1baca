"""Expand the hand verdicts in ``judgements/*.yaml`` into ``labels.jsonl``.

A judgement file holds one verdict per statement for one (evidence document, ladder) pair, with
the levels it is assessed at and the readiness decided by hand for each. This script only
*arranges* those verdicts: it reads the ladder to know which statements are the effective
expectations of each level (and their origin), checks that every one of them has a verdict and
that every cited line is the start line of an evidence item, computes the formula readiness of
RULES.md section 7 beside the hand figure, and writes one JSON line per (document, ladder, level).
It never runs the assessment.

    PYTHONPATH=src .venv/bin/python benchmarks/assessment/build_labels.py          # write labels.jsonl
    PYTHONPATH=src .venv/bin/python benchmarks/assessment/build_labels.py --check  # only check, print readiness
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import yaml

from careerladder.assess import find_level
from careerladder.assess import read_evidence
from careerladder.pipeline import load
from careerladder.resolve import resolve

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
VERDICTS = ("met", "partly", "not_evidenced")
CREDIT = {"met": 1.0, "partly": 0.5, "not_evidenced": 0.0}
#: How far the hand readiness may move from the formula (RULES.md section 7).
MAX_JUDGEMENT = 5


def descriptive(text: str) -> bool:
    """The reference ladder's notes on how often postings ask something (RULES.md section 4)."""
    return "of postings" in text


def formula_readiness(verdicts: list[str]) -> int:
    return int(100 * sum(CREDIT[v] for v in verdicts) / len(verdicts) + 0.5)


def ladders_of(folder: str):
    return resolve(load([ROOT / folder]).roles)[1]


def build(path: Path) -> tuple[list[dict], list[str]]:
    spec = yaml.safe_load(path.read_text(encoding="utf-8"))
    problems: list[str] = []
    where = path.name
    evidence = read_evidence(HERE / spec["document"])
    item_lines = {i.line for i in evidence.items}
    verdicts: dict[str, list] = spec["verdicts"]
    for sid, value in verdicts.items():
        if not (isinstance(value, list) and len(value) == 3 and value[0] in VERDICTS
                and isinstance(value[1], list)):
            problems.append(f"{where}: {sid}: expected [verdict, [lines], note], got {value!r}")
            continue
        verdict, lines, _ = value
        bad = [n for n in lines if n not in item_lines]
        if bad:
            problems.append(f"{where}: {sid}: lines {bad} are not evidence items of {spec['document']}")
        if verdict != "not_evidenced" and not lines:
            problems.append(f"{where}: {sid}: {verdict} cites no evidence line")
    ladders = ladders_of(spec["ladder"])
    used: set[str] = set()
    records = []
    for level_id, level_spec in spec["levels"].items():
        ladder, level = find_level(ladders, level_id)
        rows = []
        for exp in ladder.effective[level.id]:
            sid = exp.statement.id
            used.add(sid)
            if sid not in verdicts:
                problems.append(f"{where}: {level_id}: no verdict for {sid}: {exp.statement.text}")
                continue
            verdict, lines, note = verdicts[sid]
            rows.append({"statement_id": sid, "origin_id": exp.origin_id, "text": exp.statement.text,
                         "verdict": verdict, "evidence_lines": sorted(lines),
                         "descriptive": descriptive(exp.statement.text), "note": note or ""})
        if len(rows) != len(ladder.effective[level.id]):
            continue
        formula = formula_readiness([r["verdict"] for r in rows])
        hand = (level_spec or {}).get("readiness")
        note = (level_spec or {}).get("note", "")
        if hand is None:
            problems.append(f"{where}: {level_id}: readiness not decided yet (formula {formula})")
        elif abs(hand - formula) > MAX_JUDGEMENT:
            problems.append(f"{where}: {level_id}: readiness {hand} is more than {MAX_JUDGEMENT} from "
                            f"the formula {formula}")
        elif hand != formula and not note:
            problems.append(f"{where}: {level_id}: readiness {hand} differs from the formula {formula} "
                            f"without a note")
        records.append({"document": spec["document"], "ladder": spec["ladder"], "level": level.id,
                        "level_title": level.title, "person": spec["person"],
                        "perspective": spec["perspective"], "assessed_on": str(spec["assessed_on"]),
                        "readiness": hand, "readiness_formula": formula, "readiness_note": note,
                        "expectations": rows})
    extra = sorted(set(verdicts) - used)
    if extra:
        problems.append(f"{where}: verdicts for statements no assessed level has: {', '.join(extra)}")
    return records, problems


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="check and print readiness; do not write")
    args = ap.parse_args(argv)
    records, problems = [], []
    for path in sorted((HERE / "judgements").glob("*.yaml")):
        recs, probs = build(path)
        records += recs
        problems += probs
    for r in records:
        counts = {v: sum(e["verdict"] == v for e in r["expectations"]) for v in VERDICTS}
        print(f"{r['document']:45} {r['level']:38} n={len(r['expectations']):3} "
              f"met={counts['met']:3} partly={counts['partly']:3} not={counts['not_evidenced']:3} "
              f"formula={r['readiness_formula']:3} hand={r['readiness']}")
    for p in problems:
        print("PROBLEM", p, file=sys.stderr)
    if problems:
        return 1
    if not args.check:
        out = HERE / "labels.jsonl"
        out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
        print(f"wrote {out.relative_to(ROOT)}: {len(records)} records, "
              f"{sum(len(r['expectations']) for r in records)} labelled expectations")
    return 0


if __name__ == "__main__":
    sys.exit(main())
