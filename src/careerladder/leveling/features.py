"""Leveling features: a role as named numbers, and as weighted words.

``features(role)`` gives the values of ``FEATURES`` (scope signals from
``extract/rules/scope.py``, whom the role reports to, years of experience, team size,
managing managers, the share of its expectations per competency, its length) and the
statements behind each value (``Trace``, for evidence). ``role_terms(role)`` gives the words
and word pairs of each expectation statement (the model's word features).
Statements in about/benefits sections and pure references are not expectations.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

from .. import thresholds as T
from ..competencies import IDS as COMPETENCY_IDS
from ..extract.grammar import tokens
from ..extract import scope
from ..model import Role, Statement, role_statements
from ..vocab import LEVELS, NON_EXPECTATION_KINDS

_REPORT_LEVELS = ("ic",) + LEVELS


#: Signals recognized (and shown as evidence context) but not used by the model: on the
#: development set they occur about equally at every level, so their learned weights were noise.
UNUSED_SIGNALS = frozenset({"one_team", "ic_reports"})


def feature_names() -> list[str]:
    """The names of ``features()`` values, in order (the model's columns)."""
    names = [f"signal:{s.id}" for s in scope.SIGNALS if s.id not in UNUSED_SIGNALS]
    names += [f"reports_to:{lv}" for lv in _REPORT_LEVELS]
    names += ["years:max", "years:management"] + [f"years>={b}" for b in T.LEVEL_YEAR_BINS]
    names += ["team:log10"] + [f"team>={b}" for b in T.LEVEL_TEAM_BINS]
    names += ["requirement:manages_managers"]
    names += [f"competency:{c}" for c in COMPETENCY_IDS]
    names += ["statements:log10"]
    return names


FEATURES = feature_names()
#: Position of each named feature in ``FEATURES`` (and in a feature row).
FEATURE_INDEX = {name: i for i, name in enumerate(FEATURES)}


@dataclass(slots=True)
class Trace:
    """Which statement set which feature (for evidence)."""

    statement: Statement
    feature: str
    amount: float


def features(role: Role) -> tuple[list[float], list[Trace]]:
    """(feature values in ``FEATURES`` order, traces of the statements behind them)."""
    x = [0.0] * len(FEATURES)
    traces: list[Trace] = []
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
            traces.append(Trace(st, f"signal:{sid}", 1.0))
        if "report" in st.text and (hit := scope.reports_to(st.text)):
            if reports is None or not any(t.feature.startswith("reports_to:") for t in traces):
                reports = hit
                traces.append(Trace(st, f"reports_to:{hit}", 1.0))
        if st.competencies:
            top = max(st.competencies, key=lambda c: c.score).competency
            comp_counts[top] = comp_counts.get(top, 0) + 1
            if comp_counts[top] == 1:  # one statement stands for its competency's share
                traces.append(Trace(st, f"competency:{top}", 0.0))
    for sid, c in counts.items():
        x[FEATURE_INDEX[f"signal:{sid}"]] = math.log1p(c)
    if reports:
        x[FEATURE_INDEX[f"reports_to:{reports}"]] = 1.0
    _requirement_features(role, x, traces)
    for cid, c in comp_counts.items():
        x[FEATURE_INDEX[f"competency:{cid}"]] = c / max(n, 1)
    for t in traces:
        if t.feature.startswith("competency:"):
            t.amount = x[FEATURE_INDEX[t.feature]]
    x[FEATURE_INDEX["statements:log10"]] = math.log10(1 + n)
    return x, traces


def _requirement_features(role: Role, x: list[float], traces: list[Trace]) -> None:
    by_id = {st.id: st for _, st in role_statements(role)}
    years = [r for r in role.requirements
             if r.type == "years_experience" and r.min is not None and r.min <= T.LEVEL_MAX_YEARS]
    if years:
        top = max(years, key=lambda r: r.min or 0)
        x[FEATURE_INDEX["years:max"]] = min(top.min or 0, T.LEVEL_YEARS_CAP) / T.LEVEL_YEARS_SCALE
        mgmt = [r.min for r in years if r.qualifier in ("management", "leadership") and r.min]
        x[FEATURE_INDEX["years:management"]] = (min(max(mgmt), T.LEVEL_MANAGEMENT_YEARS_CAP) / T.LEVEL_YEARS_SCALE
                                                if mgmt else 0.0)
        for b in T.LEVEL_YEAR_BINS:
            x[FEATURE_INDEX[f"years>={b}"]] = 1.0 if (top.min or 0) >= b else 0.0
        if top.statement_id in by_id:
            traces.append(Trace(by_id[top.statement_id], "years:max", x[FEATURE_INDEX["years:max"]]))
    teams = [r for r in role.requirements if r.type == "team_size" and r.min]
    if teams:
        top = max(teams, key=lambda r: r.max or r.min or 0)
        size = max(top.max or 0, top.min or 0)
        x[FEATURE_INDEX["team:log10"]] = math.log10(size)
        for b in T.LEVEL_TEAM_BINS:
            x[FEATURE_INDEX[f"team>={b}"]] = 1.0 if size >= b else 0.0
        if top.statement_id in by_id:
            traces.append(Trace(by_id[top.statement_id], "team:log10", x[FEATURE_INDEX["team:log10"]]))
    mm = [r for r in role.requirements if r.type == "manages_managers"]
    if mm:
        x[FEATURE_INDEX["requirement:manages_managers"]] = 1.0
        if mm[0].statement_id in by_id:
            traces.append(Trace(by_id[mm[0].statement_id], "requirement:manages_managers", 1.0))




def expectations(role: Role) -> list[Statement]:
    """The statements of ``role`` that are expectations (not about/benefits, not references)."""
    return [st for section, st in role_statements(role)
            if section.kind not in NON_EXPECTATION_KINDS and not st.reference]


#: Job-board boilerplate: words that follow a posting's template, not its level.
BOILERPLATE = frozenset({"description", "job", "jobs", "apply", "applying", "position", "opportunity",
                         "responsibilities", "requirements", "qualifications", "benefits", "about", "role",
                         "roles", "candidate", "candidates", "click", "remote", "hybrid", "onsite"})


def term_words(text: str) -> list[str]:
    """The words of ``terms(text)``: tokens of ``thresholds.LEVEL_MIN_TERM_CHARS`` (two) letters or more,
    not numbers, not posting boilerplate."""
    return [t for t in tokens(text) if len(t) >= T.LEVEL_MIN_TERM_CHARS and not t.isdigit() and t not in BOILERPLATE]


@lru_cache(maxsize=16384)
def terms(text: str) -> tuple[str, ...]:
    """Words (two letters or more, not numbers, not posting boilerplate) and adjacent word pairs of
    ``text``, lower-cased."""
    words = term_words(text)
    return tuple(words) + tuple(f"{a} {b}" for a, b in zip(words, words[1:]))


def role_terms(role: Role) -> list[tuple[Statement, tuple[str, ...]]]:
    """(statement, its terms) for every expectation of ``role``."""
    return [(st, terms(st.text)) for st in expectations(role)]
