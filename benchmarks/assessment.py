"""Assessment benchmark (one command): careerladder's matcher against hand labels.

    PYTHONPATH=src .venv/bin/python benchmarks/assessment.py                    # every matcher side by side
    PYTHONPATH=src .venv/bin/python benchmarks/assessment.py --matcher hybrid   # one matcher in detail
    PYTHONPATH=src .venv/bin/python benchmarks/assessment.py --matcher words --split check --json
    PYTHONPATH=src .venv/bin/python benchmarks/assessment.py --matcher hybrid --disagreements

The labels (``benchmarks/assessment/labels.jsonl``, made by hand under
``benchmarks/assessment/RULES.md``) give, for every (evidence document, ladder folder, level), a
verdict on each effective expectation (met / partly / not_evidenced) and a readiness 0-100. This
script runs ``careerladder.assess.assess`` on the same document and level with the chosen matcher
and prints, per document and pooled over every labelled (level, expectation) pair:

- **exact** agreement of the verdict, and **2-way** agreement (met or partly versus not evidenced);
- **Cohen's kappa** on the three verdicts (and on the two-way split);
- the mean absolute **readiness error** in points (tool readiness x 100 versus the hand figure),
  over the document's levels;

with the targets beside (agreement >= 0.80, readiness error <= 10 points). Everything is read from
the package's own ladders (``src/careerladder/data``), so it needs no ``../shared``.

Adding a matcher: put a factory in ``MATCHERS``. It is called once per assessment and returns what
``assess(..., matcher=)`` takes: an object with ``fit(expectations)`` and ``score(items,
expectations)`` (shape items x expectations, scores in [0, 1]) like ``LexicalMatcher``; ``assess``
fits it on the level's and the next level's expectations unless it is already fitted. Return a
fresh object each time: a fitted ``LexicalMatcher`` is used as is, so one shared instance would keep
the vocabulary of the first level it saw.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any, Callable, Iterable

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from careerladder.assess import HybridMatcher, LexicalMatcher, assess, find_level  # noqa: E402
from careerladder.assess import read_evidence  # noqa: E402
from careerladder.pipeline import load  # noqa: E402
from careerladder.resolve import resolve  # noqa: E402

HERE = ROOT / "benchmarks" / "assessment"
LABELS = HERE / "labels.jsonl"
VERDICTS = ("met", "partly", "not_evidenced")
#: Targets printed beside the figures.
TARGET_AGREEMENT = 0.80
TARGET_READINESS_ERROR = 10.0

#: The documents on which HybridMatcher's weights and rules (thresholds.ASSESS_WORDS_WEIGHT ...
#: ASSESS_ITEM_COVERS_SCORE, then ASSESS_SCOPE_PARTLY_SHARE, ASSESS_RANK_SCORE, ASSESS_NEGATIVE_*,
#: ASSESS_PART_SCORE, then ASSESS_ALIGN_*, the thesaurus of assess.concepts and the scope and background rules
#: of round 3) were set; the others ("check") were not looked at while setting them, and scored
#: once after each round (assessment/README.md). Chosen before tuning: one document of each kind
#: (brag document, manager notes, résumé, self-written) on each side.
TUNE_DOCUMENTS = ("evidence/lena-new-em-brag.txt", "evidence/marcus-senior-em-manager-notes.yaml",
                  "evidence/amara-director-resume.md", "evidence/daniel-cto-candidate.md")

#: Matcher name -> factory of the ``matcher`` argument of ``careerladder.assess.assess``
#: (called once per assessment; see the module docstring).
MATCHERS: dict[str, Callable[[], Any]] = {
    "words": LexicalMatcher,  # TF-IDF on stemmed words and word pairs + competency agreement (the old default)
    "words+rules": lambda: HybridMatcher(meaning=False),  # the new matcher without embeddings: dates, negation, cap
    "sentence": lambda: HybridMatcher(align=False),  # hybrid with the sentence cosine alone (no word alignment)
    "hybrid": HybridMatcher,  # meaning and words together (assess()'s default)
}


# -- figures --------------------------------------------------------------------------
def kappa(pairs: list[tuple[str, str]], classes: Iterable[str]) -> float:
    """Cohen's kappa of (hand, tool) pairs; 1.0 when both are constant and equal, 0.0 when undefined."""
    n = len(pairs)
    if not n:
        return 0.0
    classes = list(classes)
    observed = sum(a == b for a, b in pairs) / n
    hand, tool = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    expected = sum(hand[c] * tool[c] for c in classes) / (n * n)
    if expected >= 1.0:
        return 1.0 if observed == 1.0 else 0.0
    return (observed - expected) / (1.0 - expected)


def two_way(verdict: str) -> str:
    return "evidenced" if verdict in ("met", "partly") else "not_evidenced"


def figures(pairs: list[tuple[str, str]], readiness: list[tuple[float, float]]) -> dict[str, Any]:
    """Agreement figures over (hand, tool) verdict pairs and (hand, tool) readiness points."""
    n = len(pairs)
    two = [(two_way(a), two_way(b)) for a, b in pairs]
    return {
        "expectations": n,
        "levels": len(readiness),
        "exact_agreement": round(sum(a == b for a, b in pairs) / n, 3) if n else None,
        "two_way_agreement": round(sum(a == b for a, b in two) / n, 3) if n else None,
        "kappa": round(kappa(pairs, VERDICTS), 3),
        "kappa_two_way": round(kappa(two, ("evidenced", "not_evidenced")), 3),
        "readiness_error": round(sum(abs(h - t) for h, t in readiness) / len(readiness), 1) if readiness else None,
        "readiness_bias": round(sum(t - h for h, t in readiness) / len(readiness), 1) if readiness else None,
    }


# -- running --------------------------------------------------------------------------
def read_labels(path: Path = LABELS) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def run(matcher_name: str, labels: list[dict[str, Any]]) -> dict[str, Any]:
    """Assess every labelled (document, ladder, level) with ``matcher_name``; the comparison as a dict."""
    make = MATCHERS[matcher_name]
    ladders_by_folder: dict[str, Any] = {}
    levels, all_pairs, plain_pairs, disagreements = [], [], [], []
    started = time.perf_counter()
    for rec in labels:
        if rec["ladder"] not in ladders_by_folder:
            ladders_by_folder[rec["ladder"]] = resolve(load([ROOT / rec["ladder"]]).roles)[1]
        ladder, level = find_level(ladders_by_folder[rec["ladder"]], rec["level"])
        evidence = read_evidence(HERE / rec["document"])
        items = {i.line: i.text for i in evidence.items}
        a = assess(evidence, ladder, level, person=rec["person"], assessed_on=rec["assessed_on"], matcher=make())
        tool = {r.expectation.statement.id: r for r in a.results}
        hand = {e["statement_id"]: e for e in rec["expectations"]}
        if set(tool) != set(hand):
            raise SystemExit(f"{rec['document']} at {rec['level']}: the labels do not list the level's effective "
                             f"expectations (missing {sorted(set(tool) - set(hand))[:5]}, "
                             f"extra {sorted(set(hand) - set(tool))[:5]}); rebuild labels.jsonl")
        pairs = []
        for sid, e in hand.items():
            r = tool[sid]
            pairs.append((e["verdict"], r.status))
            if not e["descriptive"]:
                plain_pairs.append((e["verdict"], r.status))
            if e["verdict"] != r.status:
                disagreements.append({
                    "document": rec["document"], "ladder": rec["ladder"], "level": rec["level"],
                    "statement_id": sid, "expectation": e["text"], "hand": e["verdict"], "tool": r.status,
                    "score": round(r.score, 3), "hand_lines": e["evidence_lines"],
                    "hand_evidence": [items.get(n, "") for n in e["evidence_lines"]],
                    "tool_evidence": [{"line": m.item.line, "score": m.score, "text": m.item.text} for m in r.matches],
                    "note": e["note"]})
        all_pairs += pairs
        levels.append({"document": rec["document"], "ladder": rec["ladder"], "level": rec["level"],
                       "level_title": rec["level_title"], "hand_readiness": rec["readiness"],
                       "tool_readiness": round(100 * a.readiness, 1), "pairs": pairs})
    seconds = time.perf_counter() - started
    documents = []
    for doc in dict.fromkeys(lv["document"] for lv in levels):
        mine = [lv for lv in levels if lv["document"] == doc]
        documents.append({"document": doc, **figures([p for lv in mine for p in lv["pairs"]],
                                                     [(lv["hand_readiness"], lv["tool_readiness"]) for lv in mine])})
    readiness = [(lv["hand_readiness"], lv["tool_readiness"]) for lv in levels]
    confusion = Counter(all_pairs)
    return {
        "matcher": matcher_name,
        "labels": str(LABELS.relative_to(ROOT)),
        "targets": {"agreement": TARGET_AGREEMENT, "readiness_error": TARGET_READINESS_ERROR},
        "pooled": figures(all_pairs, readiness),
        "pooled_without_descriptive": figures(plain_pairs, readiness),
        "documents": documents,
        "levels": [{k: v for k, v in lv.items() if k != "pairs"} | figures(lv["pairs"], [(lv["hand_readiness"],
                                                                                         lv["tool_readiness"])])
                   for lv in levels],
        "confusion": {h: {t: confusion[(h, t)] for t in VERDICTS} for h in VERDICTS},
        "seconds": round(seconds, 2),
        "disagreements": disagreements,
    }


# -- printing -------------------------------------------------------------------------
def _mark(value: float | None, target: float, higher_is_better: bool) -> str:
    if value is None:
        return "-"
    ok = value >= target if higher_is_better else value <= target
    return "met" if ok else "MISSED"


def report(result: dict[str, Any], show_disagreements: bool) -> str:
    t = result["targets"]
    out = [f"Assessment benchmark, matcher '{result['matcher']}': {result['pooled']['levels']} levels, "
           f"{result['pooled']['expectations']} labelled expectations ({result['labels']}); "
           f"{result['seconds']} s", ""]
    head = f"{'document':44} {'levels':>6} {'n':>5} {'exact':>6} {'2-way':>6} {'kappa':>6} {'k 2-way':>7} " \
           f"{'readiness err':>13} {'bias':>6}"
    out += [head, "-" * len(head)]

    def row(name: str, f: dict[str, Any]) -> str:
        return (f"{name:44} {f['levels']:>6} {f['expectations']:>5} {f['exact_agreement']:>6.3f} "
                f"{f['two_way_agreement']:>6.3f} {f['kappa']:>6.3f} {f['kappa_two_way']:>7.3f} "
                f"{f['readiness_error']:>13.1f} {f['readiness_bias']:>+6.1f}")

    for d in result["documents"]:
        out.append(row(d["document"].removeprefix("evidence/"), d))
    out.append("-" * len(head))
    p = result["pooled"]
    out.append(row("pooled", p))
    out.append(row("pooled, without the 'of postings' notes", result["pooled_without_descriptive"]))
    agree, err = f">={t['agreement']:.2f}", f"<={t['readiness_error']:.0f}"
    out.append(f"{'target':44} {'':>6} {'':>5} {agree:>6} {agree:>6} {'':>6} {'':>7} {err:>13}")
    out.append(f"{'':44} {'':>6} {'':>5} {_mark(p['exact_agreement'], t['agreement'], True):>6} "
               f"{_mark(p['two_way_agreement'], t['agreement'], True):>6} {'':>6} {'':>7} "
               f"{_mark(p['readiness_error'], t['readiness_error'], False):>13}")
    out += ["", "bias: mean (tool - hand) readiness in points; negative = the tool under-reads the person", ""]
    out.append(f"{'level':70} {'hand':>5} {'tool':>6} {'exact':>6}")
    for lv in result["levels"]:
        name = f"{lv['document'].removeprefix('evidence/')} @ {lv['level']}"
        out.append(f"{name:70} {lv['hand_readiness']:>5} {lv['tool_readiness']:>6.1f} {lv['exact_agreement']:>6.3f}")
    out += ["", "confusion, pooled (rows: hand, columns: tool)",
            f"{'':16}" + "".join(f"{v:>15}" for v in VERDICTS)]
    for h in VERDICTS:
        out.append(f"{h:16}" + "".join(f"{result['confusion'][h][v]:>15}" for v in VERDICTS))
    if show_disagreements:
        out += ["", f"disagreements ({len(result['disagreements'])})"]
        for d in result["disagreements"]:
            out.append(f"\n{d['document']} @ {d['level']}  {d['statement_id']}: hand {d['hand']}, "
                       f"tool {d['tool']} ({d['score']})")
            out.append(f"  expectation: {d['expectation']}")
            for n, text in zip(d["hand_lines"], d["hand_evidence"]):
                out.append(f"  hand  {n:>3}: {text}")
            if d["note"]:
                out.append(f"  hand note: {d['note']}")
            for m in d["tool_evidence"]:
                out.append(f"  tool  {m['line']:>3} ({m['score']}): {m['text']}")
    return "\n".join(out)


def side_by_side(labels: list[dict[str, Any]]) -> tuple[str, dict[str, Any]]:
    """Every matcher on the tuning half, the held-out half and all documents: the table and the figures."""
    halves = {"tune": [r for r in labels if r["document"] in TUNE_DOCUMENTS],
              "check": [r for r in labels if r["document"] not in TUNE_DOCUMENTS], "all": labels}
    figures_by = {(m, h): run(m, rows)["pooled"] for m in MATCHERS for h, rows in halves.items() if rows}
    head = f"{'matcher':12} {'documents':10} {'n':>5} {'exact':>6} {'2-way':>6} {'kappa':>6} {'readiness err':>13} {'bias':>6}"
    out = ["Words only (the old matcher) against meaning and words together, on the same hand labels.",
           "tune: the four documents HybridMatcher's weights were set on; check: the four held out.", "",
           head, "-" * len(head)]
    for (m, h), f in figures_by.items():
        out.append(f"{m:12} {h:10} {f['expectations']:>5} {f['exact_agreement']:>6.3f} {f['two_way_agreement']:>6.3f} "
                   f"{f['kappa']:>6.3f} {f['readiness_error']:>13.1f} {f['readiness_bias']:>+6.1f}")
    out.append("-" * len(head))
    out.append(f"{'target':12} {'':10} {'':>5} {'>=' + format(TARGET_AGREEMENT, '.2f'):>6} {'':>6} {'':>6} "
               f"{'<=' + format(TARGET_READINESS_ERROR, '.0f'):>13}")
    for h in halves:
        f = figures_by.get(("hybrid", h))
        if f:
            out.append(f"hybrid, {h}: agreement {f['exact_agreement']:.3f} "
                       f"({_mark(f['exact_agreement'], TARGET_AGREEMENT, True)}), readiness error "
                       f"{f['readiness_error']:.1f} ({_mark(f['readiness_error'], TARGET_READINESS_ERROR, False)})")
    return "\n".join(out), {f"{m}/{h}": f for (m, h), f in figures_by.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="careerladder's assessment matcher against hand labels")
    ap.add_argument("--matcher", choices=sorted(MATCHERS), default=None,
                    help="one matcher in detail (default: every matcher side by side, tune / check / all)")
    ap.add_argument("--split", choices=("all", "tune", "check"), default="all",
                    help="all documents, the four the weights were set on, or the four held out (default: all)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--disagreements", action="store_true",
                    help="also list every expectation where the tool and the hand label differ")
    ap.add_argument("--labels", type=Path, default=LABELS, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.matcher is None:
        table, figs = side_by_side(read_labels(args.labels))
        print(json.dumps(figs, indent=1) if args.json else table)
        return 0
    labels = [rec for rec in read_labels(args.labels)
              if args.split == "all" or (rec["document"] in TUNE_DOCUMENTS) == (args.split == "tune")]
    result = run(args.matcher, labels)
    if args.json:
        if not args.disagreements:
            result = {k: v for k, v in result.items() if k != "disagreements"}
        print(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        print(report(result, args.disagreements))
    return 0


if __name__ == "__main__":
    sys.exit(main())
