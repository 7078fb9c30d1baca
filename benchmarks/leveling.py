"""Leveling benchmark (one command) — and the trainer of the shipped leveling model.

    .venv/bin/python benchmarks/leveling.py            # evaluate: grouped 5-fold CV on the development set
    .venv/bin/python benchmarks/leveling.py --train    # also refit on everything and write the shipped model

Development set: ``benchmarks/devset.py`` (RemoteWLB postings, labels from clear titles, title masked).
Extra training data in every fold: the corpus ladder levels whose titles clearly name a level, and
careerladder's own reference ladder (never evaluated on). Prints, for "title hidden" and "title shown":
macro-F1 over em/senior_em/director/vp/cto (senior_director counted as director), accuracy and
within-one-level accuracy, for careerladder and for a TF-IDF + logistic-regression baseline trained and
scored on the same folds in the same run; then documents/s per core for leveling alone (features +
model on already-parsed roles) with the ratio to the baseline's predict speed, and peak RSS.
"""

from __future__ import annotations

import argparse
import dataclasses
import resource
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(Path(__file__).parent))

import numpy as np  # noqa: E402
from sklearn.feature_extraction.text import TfidfVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.metrics import accuracy_score, confusion_matrix, f1_score  # noqa: E402
from sklearn.model_selection import StratifiedGroupKFold  # noqa: E402

import devset  # noqa: E402

from careerladder.extract.titles import clear_label  # noqa: E402
from careerladder.leveling.level import MODEL_PATH, Leveler, features, level_role, role_terms  # noqa: E402
from careerladder.pipeline import analyze, load  # noqa: E402
from careerladder.readers import read_text  # noqa: E402

CLASSES = list(devset.CLASSES)
LADDERS = ROOT.parent / "shared" / "corpus" / "ladders"
REFERENCE = ROOT / "src" / "careerladder" / "data" / "reference-ladder"
HIDDEN_TITLE = "(title hidden)"


def merge(level: str) -> str:
    return "director" if level == "senior_director" else level


def role_of(text: str, path: str, title: str):
    doc = dataclasses.replace(read_text(text, path + ".md")[0], kind="job_posting", title=title)
    return analyze(doc, path, level=False)[0]


def words(role) -> list[str]:
    return [t for _, ts in role_terms(role) for t in ts]


def ladder_examples() -> tuple[list[list[float]], list[list[str]], list[str], list[str]]:
    """Features, words, labels and groups (ladder folder) of ladder levels (corpus, clear titles) and of
    the reference ladder."""
    X, T, y, G = [], [], [], []
    roles = load([LADDERS], level=False).roles if LADDERS.exists() else []
    labelled = [(r, clear_label(r.title)) for r in roles]
    labelled += [(r, r.metadata["canonical_level"]) for r in load([REFERENCE], level=False).roles]
    for role, label in labelled:
        if label:
            X.append(features(role)[0])
            T.append(words(role))
            y.append(label)
            G.append("ladder:" + role.source.rsplit("/", 1)[0])
    return X, T, y, G


def scores(y_true, y_pred) -> tuple[float, float, float]:
    rank = {c: i for i, c in enumerate(CLASSES)}
    within = np.mean([p in rank and abs(rank[t] - rank[p]) <= 1 for t, p in zip(y_true, y_pred)])
    return (f1_score(y_true, y_pred, labels=CLASSES, average="macro", zero_division=0),
            accuracy_score(y_true, y_pred), float(within))


def baseline(train_texts, train_y, test_texts):
    vec = TfidfVectorizer(sublinear_tf=True, min_df=2, ngram_range=(1, 2), max_features=50000)
    model = LogisticRegression(C=10, max_iter=3000, class_weight="balanced")
    model.fit(vec.fit_transform(train_texts), train_y)
    return list(model.predict(vec.transform(test_texts))), (vec, model)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--train", action="store_true", help="refit on all data and write the shipped model")
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--C", type=float, default=3.0, help="inverse regularization of the leveling model")
    ap.add_argument("--no-words", action="store_true", help="named features only (no word features)")
    args = ap.parse_args()
    warnings.filterwarnings("ignore")
    t0 = time.perf_counter()
    data = devset.load()
    y = np.array([e.label for e in data])
    groups = [e.group for e in data]
    hidden = [role_of(e.masked, e.path, HIDDEN_TITLE) for e in data]
    shown = [role_of(e.text, e.path, e.title) for e in data]
    X = [features(r)[0] for r in hidden]
    T = [words(r) for r in hidden]
    LX, LT, Ly, LG = ladder_examples()
    print(f"development set: {len(data)} postings {dict(zip(*np.unique(y, return_counts=True)))}, "
          f"{len(set(groups))} groups; extra training: {len(LX)} ladder levels; "
          f"prepared in {time.perf_counter() - t0:.1f}s")

    preds = {k: np.empty(len(data), dtype=object) for k in ("ours_hidden", "ours_shown", "base_hidden", "base_shown")}
    folds = StratifiedGroupKFold(args.folds, shuffle=True, random_state=0)
    for train, test in folds.split(X, y, groups):
        lev = Leveler(C=args.C, words=not args.no_words).fit(
            [X[i] for i in train] + LX, [y[i] for i in train] + Ly, [T[i] for i in train] + LT,
            groups=[groups[i] for i in train] + LG)
        for i in test:
            preds["ours_hidden"][i] = merge(level_role(hidden[i], lev, use_title=False).leveling.level)
            preds["ours_shown"][i] = merge(level_role(shown[i], lev, use_title=True).leveling.level)
        for mode, field in (("base_hidden", "masked"), ("base_shown", "text")):
            p, _ = baseline([getattr(data[i], field) for i in train], y[train], [getattr(data[i], field) for i in test])
            preds[mode][test] = p

    print(f"\n{'':28} {'macro-F1':>9} {'accuracy':>9} {'within-1':>9}")
    for mode, name in (("ours_hidden", "careerladder, title hidden"), ("base_hidden", "TF-IDF+LR,   title hidden"),
                       ("ours_shown", "careerladder, title shown"), ("base_shown", "TF-IDF+LR,   title shown")):
        f1, acc, w1 = scores(y, preds[mode])
        print(f"{name:28} {f1:9.3f} {acc:9.3f} {w1:9.3f}")
    print("\nconfusion, careerladder title hidden (rows true, cols predicted:", " ".join(CLASSES) + ")")
    print(confusion_matrix(y, list(preds["ours_hidden"]), labels=CLASSES))

    lev = Leveler(C=args.C, words=not args.no_words).fit(X + LX, list(y) + Ly, T + LT, groups=groups + LG, trained_on=(
        f"{len(data)} RemoteWLB postings with clear titles (title masked) + {len(LX)} ladder levels "
        f"(shared corpus ladders and the careerladder reference ladder)"))
    t = time.perf_counter()
    for r in hidden:
        level_role(r, lev, use_title=False)
    ours_s = time.perf_counter() - t
    _, (vec, model) = baseline([e.masked for e in data], y, [e.masked for e in data][:1])
    t = time.perf_counter()
    model.predict(vec.transform([e.masked for e in data]))
    base_s = time.perf_counter() - t
    t = time.perf_counter()
    for e in data[:100]:
        role_of(e.masked, e.path, HIDDEN_TITLE)
    analyze_s = (time.perf_counter() - t) / 100 * len(data)
    print(f"\nleveling alone: {len(data) / ours_s:,.0f} documents/s per core "
          f"(baseline TF-IDF+LR predict: {len(data) / base_s:,.0f} documents/s; ratio {base_s / ours_s:.2f}x); "
          f"read+parse+extract+classify before it: {len(data) / analyze_s:,.0f} documents/s")
    print(f"peak RSS: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    if args.train:
        lev.save(MODEL_PATH)
        print(f"\nwrote {MODEL_PATH.relative_to(ROOT)}; strongest weights per level:")
        for level, top in lev.explain().items():
            print(f"  {level:16} " + ", ".join(f"{f} {w:+.2f}" for f, w in top))


if __name__ == "__main__":
    main()
