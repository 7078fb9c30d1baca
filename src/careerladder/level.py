"""Leveling: which canonical level a role really is, from what it asks — with evidence.

Method (interpretable, no network, fast):

1. ``features(role)`` turns a role into named numbers: scope signals found in its statements
   (``extract/rules/scope.py``: manages managers, owns a budget, executive team, board, founding...),
   whom it reports to, years of experience, team size and direct reports from its requirements, and
   the share of its expectations in each competency. Statements in about/benefits sections are skipped.
2. A multinomial logistic model over those features gives ``P(level | text)`` for the six management
   levels. Its coefficients ship in ``data/leveling_model.json`` (trained by
   ``benchmarks/leveling.py --train`` on title-labelled postings and ladders, title masked), so every
   weight can be read: ``Leveler.explain()`` lists them.
3. The title, when it clearly names a level (``extract.titles.title_level``), is a prior: the final
   scores multiply the text scores by ``TITLE_PRIOR`` around the title's level. ``Leveling.text_level``
   keeps the text-only answer, and ``inflation`` says when the title claims more (or less) than the text
   supports: the text gives the title's level and its neighbours less than ``INFLATION_MAX_SUPPORT``.
4. Evidence: the statements whose features pushed hardest toward the chosen level, each with its line,
   competency, signal and weight (positive = supports the level).

>>> from careerladder import read_text, parse, extract
>>> doc = read_text("# VP of Engineering\\n\\n- Lead the engineering organization and its directors\\n"
...                 "- Present to the board of directors\\n- 12+ years of experience\\n", "vp.md")[0]
>>> lv = level_role(extract(parse(doc, "vp.md")[0])).leveling
>>> lv.title_level, lv.level in ("vp", "cto"), lv.inflation
('vp', True, None)
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Sequence

from .extract.rules import scope
from .extract.titles import title_level as title_level_of
from .competencies import IDS as COMPETENCY_IDS
from .model import Evidence, Leveling, Role, Statement, role_statements
from .vocab import LEVELS, NON_EXPECTATION_KINDS

MODEL_PATH = Path(__file__).parent / "data" / "leveling_model.json"
#: Prior on the final scores from a title that clearly names a level: weight at distance 0, 1, 2+.
TITLE_PRIOR = (0.97, 0.025, 0.005)
#: A title is inflated (or deflated) when the text gives less than this probability to the
#: title's level and its two neighbours together.
INFLATION_MAX_SUPPORT = 0.25
#: Evidence items kept per role.
MAX_EVIDENCE = 8
_RANK = {lv: i for i, lv in enumerate(LEVELS)}
_REPORT_LEVELS = ("ic",) + LEVELS
_YEAR_BINS = (3, 5, 8, 10, 12, 15)
_TEAM_BINS = (10, 25, 50, 100, 500)


#: Signals recognized (and shown as evidence context) but not used by the model: on the
#: development set they occur about equally at every level, so their learned weights were noise.
UNUSED_SIGNALS = frozenset({"one_team", "ic_reports"})


def feature_names() -> list[str]:
    """The names of ``features()`` values, in order (the model's columns)."""
    names = [f"signal:{s.id}" for s in scope.SIGNALS if s.id not in UNUSED_SIGNALS]
    names += [f"reports_to:{lv}" for lv in _REPORT_LEVELS]
    names += ["years:max", "years:management"] + [f"years>={b}" for b in _YEAR_BINS]
    names += ["team:log10"] + [f"team>={b}" for b in _TEAM_BINS]
    names += ["requirement:manages_managers"]
    names += [f"competency:{c}" for c in COMPETENCY_IDS]
    names += ["statements:log10"]
    return names


FEATURES = feature_names()
_INDEX = {name: i for i, name in enumerate(FEATURES)}


@dataclass(slots=True)
class _Trace:
    """Which statement set which feature (for evidence)."""

    statement: Statement
    feature: str
    amount: float


def features(role: Role) -> tuple[list[float], list[_Trace]]:
    """(feature values in ``FEATURES`` order, traces of the statements behind them)."""
    x = [0.0] * len(FEATURES)
    traces: list[_Trace] = []
    counts: dict[str, int] = {}
    comp_counts: dict[str, int] = {}
    reports: str | None = None
    expectations: list[Statement] = []
    for section, st in role_statements(role):
        if section.kind in NON_EXPECTATION_KINDS or st.reference:
            if reports is None and "report" in st.text:
                reports = scope.reports_to(st.text)
            continue
        expectations.append(st)
    n = len(expectations)
    for st, found in zip(expectations, scope.find_all([st.text for st in expectations])):
        for sid in found:
            if sid in UNUSED_SIGNALS:
                continue
            counts[sid] = counts.get(sid, 0) + 1
            traces.append(_Trace(st, f"signal:{sid}", 1.0))
        if "report" in st.text and (hit := scope.reports_to(st.text)):
            if reports is None or not any(t.feature.startswith("reports_to:") for t in traces):
                reports = hit
                traces.append(_Trace(st, f"reports_to:{hit}", 1.0))
        if st.competencies:
            top = max(st.competencies, key=lambda c: c.score).competency
            comp_counts[top] = comp_counts.get(top, 0) + 1
            if comp_counts[top] == 1:  # one statement stands for its competency's share
                traces.append(_Trace(st, f"competency:{top}", 0.0))
    for sid, c in counts.items():
        x[_INDEX[f"signal:{sid}"]] = math.log1p(c)
    if reports:
        x[_INDEX[f"reports_to:{reports}"]] = 1.0
    _requirement_features(role, x, traces)
    for cid, c in comp_counts.items():
        x[_INDEX[f"competency:{cid}"]] = c / max(n, 1)
    for t in traces:
        if t.feature.startswith("competency:"):
            t.amount = x[_INDEX[t.feature]]
    x[_INDEX["statements:log10"]] = math.log10(1 + n)
    return x, traces


def _requirement_features(role: Role, x: list[float], traces: list[_Trace]) -> None:
    by_id = {st.id: st for _, st in role_statements(role)}
    years = [r for r in role.requirements if r.type == "years_experience" and r.min is not None and r.min <= 40]
    if years:
        top = max(years, key=lambda r: r.min or 0)
        x[_INDEX["years:max"]] = min(top.min or 0, 25) / 10
        mgmt = [r.min for r in years if r.qualifier in ("management", "leadership") and r.min]
        x[_INDEX["years:management"]] = min(max(mgmt), 20) / 10 if mgmt else 0.0
        for b in _YEAR_BINS:
            x[_INDEX[f"years>={b}"]] = 1.0 if (top.min or 0) >= b else 0.0
        if top.statement_id in by_id:
            traces.append(_Trace(by_id[top.statement_id], "years:max", x[_INDEX["years:max"]]))
    teams = [r for r in role.requirements if r.type == "team_size" and r.min]
    if teams:
        top = max(teams, key=lambda r: r.max or r.min or 0)
        size = max(top.max or 0, top.min or 0)
        x[_INDEX["team:log10"]] = math.log10(size)
        for b in _TEAM_BINS:
            x[_INDEX[f"team>={b}"]] = 1.0 if size >= b else 0.0
        if top.statement_id in by_id:
            traces.append(_Trace(by_id[top.statement_id], "team:log10", x[_INDEX["team:log10"]]))
    mm = [r for r in role.requirements if r.type == "manages_managers"]
    if mm:
        x[_INDEX["requirement:manages_managers"]] = 1.0
        if mm[0].statement_id in by_id:
            traces.append(_Trace(by_id[mm[0].statement_id], "requirement:manages_managers", 1.0))


class Leveler:
    """Multinomial logistic model over ``FEATURES`` with the scikit-learn stage API.

    ``fit(X, y)`` learns (scikit-learn LogisticRegression on standardized features);
    ``predict_proba(X)`` -> one ``{level: p}`` per row; attributes after fit or ``load``:
    ``classes_`` (levels), ``coef_`` (class × feature, on standardized features), ``intercept_``,
    ``mean_``/``scale_`` (standardization), ``trained_on_`` (a description of the training data).
    """

    def __init__(self, C: float = 1.0, class_weight: str | None = "balanced"):
        self.C = C
        self.class_weight = class_weight

    def fit(self, X: Sequence[Sequence[float]], y: Sequence[str], trained_on: str = "") -> "Leveler":
        from sklearn.linear_model import LogisticRegression
        from sklearn.preprocessing import StandardScaler

        scaler = StandardScaler().fit(X)
        model = LogisticRegression(C=self.C, max_iter=5000, class_weight=self.class_weight)
        model.fit(scaler.transform(X), list(y))
        self.classes_ = [str(c) for c in model.classes_]
        self.coef_ = [[float(v) for v in row] for row in model.coef_]
        self.intercept_ = [float(v) for v in model.intercept_]
        self.mean_ = [float(v) for v in scaler.mean_]
        self.scale_ = [float(v) if v > 0 else 1.0 for v in scaler.scale_]
        self.trained_on_ = trained_on
        return self

    def _check(self) -> None:
        if not hasattr(self, "coef_"):
            raise RuntimeError("Leveler is not fitted; call fit() or Leveler.load()")

    def standardize(self, x: Sequence[float]) -> list[float]:
        return [(v - m) / s for v, m, s in zip(x, self.mean_, self.scale_)]

    def predict_proba_one(self, x: Sequence[float]) -> dict[str, float]:
        """``{level: p}`` for one feature row (probabilities sum to 1)."""
        self._check()
        z = self.standardize(x)
        logits = [b + sum(w * v for w, v in zip(row, z)) for row, b in zip(self.coef_, self.intercept_)]
        top = max(logits)
        exps = [math.exp(v - top) for v in logits]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes_, exps)}

    def predict_proba(self, X: Iterable[Sequence[float]]) -> list[dict[str, float]]:
        return [self.predict_proba_one(x) for x in X]

    def predict(self, X: Iterable[Sequence[float]]) -> list[str]:
        return [max(p, key=p.get) for p in self.predict_proba(X)]

    def contribution(self, level: str, feature: str, value: float) -> float:
        """How much ``value`` of ``feature`` (against its average in training) moves the logit of ``level``
        against the average level's logit. Positive: the feature supports ``level``."""
        self._check()
        j = _INDEX[feature]
        z = (value - self.mean_[j]) / self.scale_[j]  # relative to the average training role
        k = self.classes_.index(level)
        mean_w = sum(row[j] for row in self.coef_) / len(self.coef_)
        return (self.coef_[k][j] - mean_w) * z

    def explain(self, top: int = 6) -> dict[str, list[tuple[str, float]]]:
        """For each level, the features with the largest positive weight (on standardized features)."""
        self._check()
        out = {}
        for c, row in zip(self.classes_, self.coef_):
            ranked = sorted(zip(FEATURES, row), key=lambda kv: -kv[1])[:top]
            out[c] = [(f, round(w, 3)) for f, w in ranked]
        return out

    def to_dict(self) -> dict:
        self._check()
        return {"features": FEATURES, "classes": self.classes_, "coef": self.coef_, "intercept": self.intercept_,
                "mean": self.mean_, "scale": self.scale_, "trained_on": self.trained_on_,
                "C": self.C, "class_weight": self.class_weight}

    def save(self, path: Path | str = MODEL_PATH) -> None:
        Path(path).write_text(json.dumps(self.to_dict(), indent=1) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path | str = MODEL_PATH) -> "Leveler":
        """The shipped (or given) model. Raises ``ValueError`` when it was trained on other features."""
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if data["features"] != FEATURES:
            raise ValueError(f"{path}: leveling model features differ from this careerladder's; retrain it")
        self = cls(data.get("C", 1.0), data.get("class_weight"))
        self.classes_, self.coef_, self.intercept_ = data["classes"], data["coef"], data["intercept"]
        self.mean_, self.scale_, self.trained_on_ = data["mean"], data["scale"], data.get("trained_on", "")
        return self


_DEFAULT: Leveler | None = None


def default_leveler() -> Leveler:
    """The shipped model, loaded once per process."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Leveler.load()
    return _DEFAULT


def _expand(scores: dict[str, float]) -> dict[str, float]:
    """Scores over all six levels (a model trained without senior_director gives it none)."""
    return {lv: scores.get(lv, 0.0) for lv in LEVELS}


def _with_title(scores: dict[str, float], claimed: str) -> dict[str, float]:
    if claimed not in _RANK:
        return scores
    weights = {lv: TITLE_PRIOR[min(abs(_RANK[lv] - _RANK[claimed]), 2)] for lv in LEVELS}
    combined = {lv: scores[lv] * weights[lv] for lv in LEVELS}
    total = sum(combined.values()) or 1.0
    return {lv: v / total for lv, v in combined.items()}


def _evidence(leveler: Leveler, level: str, traces: list[_Trace]) -> tuple[Evidence, ...]:
    items: dict[tuple[str, str], Evidence] = {}
    for t in traces:
        weight = leveler.contribution(level, t.feature, t.amount) if level in leveler.classes_ else 0.0
        if abs(weight) < 0.05:
            continue
        comp = max(t.statement.competencies, key=lambda c: c.score).competency if t.statement.competencies else None
        signal = t.feature.split(":", 1)[-1]
        anchor = next((s.anchor for s in scope.SIGNALS if s.id == signal), None)
        key = (t.statement.id, t.feature)
        if key not in items or abs(weight) > abs(items[key].weight):
            items[key] = Evidence(t.statement.text, t.statement.line, comp, round(weight, 3), t.feature, anchor)
    ranked = sorted(items.values(), key=lambda e: -e.weight)
    support = [e for e in ranked if e.weight > 0][: MAX_EVIDENCE - 2]
    against = [e for e in reversed(ranked) if e.weight < 0][:2]
    return tuple(support + against)


def level_role(role: Role, leveler: Leveler | None = None, use_title: bool = True) -> Role:
    """``role`` with ``leveling`` set (see the module docstring for the method).

    ``use_title=False`` levels from the text alone (the title is still reported as ``title_level``).
    """
    leveler = leveler or default_leveler()
    x, traces = features(role)
    text_scores = _expand(leveler.predict_proba_one(x))
    text_level = max(text_scores, key=text_scores.get)
    claimed = title_level_of(role.title)
    scores = _with_title(text_scores, claimed) if use_title else text_scores
    level = max(scores, key=scores.get)
    inflation = None
    if claimed in _RANK:
        support = sum(p for lv, p in text_scores.items() if abs(_RANK[lv] - _RANK[claimed]) <= 1)
        if support < INFLATION_MAX_SUPPORT:
            expected = sum(_RANK[lv] * p for lv, p in text_scores.items())
            inflation = "title_above_text" if expected < _RANK[claimed] else "title_below_text"
    leveling = Leveling(level=level, confidence=round(scores[level], 3),
                        scores={lv: round(p, 4) for lv, p in scores.items()}, title_level=claimed,
                        evidence=_evidence(leveler, level, traces), inflation=inflation, text_level=text_level)
    return replace(role, leveling=leveling)
