"""Leveling features: a role as named numbers that carry across companies, and as weighted words.

``features(role)`` gives the values of ``FEATURES``, in that order:

* ``signal:<id>``: log(1 + statements) showing each scope signal of ``extract.scope`` (manages
  managers, several teams, owns a budget, executive team, board, people management, hiring...);
* ``manager:<level>``: whom the role reports to (``extract.scope.manager_level``: ``ceo``, a
  management level, ``ic``), one-hot;
* ``years:max`` / ``years:management`` (scaled) and ``years>=N`` indicators from the years of
  experience asked; ``team:log10`` and ``team>=N`` from the largest team size; ``reports:log10``
  from the direct reports asked; ``requirement:manages_managers``;
* ``competency:<id>``: the share of the role's expectations in each competency (``classify``);
* ``statements:log10``: how many expectations the role has.

Only expectations count: statements of about, benefits, legal and application sections
(``vocab.NON_EXPECTATION_KINDS``) and pure references ("Same as X") are never features, except that
a "reports to" line is read wherever it stands. ``role_terms(role)`` gives each expectation's words
and adjacent word pairs (the model keeps only content words seen across sources, see
``regression``); ``Trace`` records which statement set which feature, for evidence.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from .. import thresholds as T
from ..competencies import IDS as COMPETENCY_IDS
from ..extract import scope
from ..extract.grammar import tokens
from ..model import Role, Statement, role_statements
from ..vocab import NON_EXPECTATION_KINDS

#: Whom a role may report to (``extract.scope.manager_level``), highest first.
MANAGERS = ("ceo", "cto", "vp", "senior_director", "director", "senior_em", "em", "ic")


def feature_names() -> list[str]:
    """The names of ``features()`` values, in order (the model's columns)."""
    names = [f"signal:{s.id}" for s in scope.SIGNALS]
    names += [f"manager:{m}" for m in MANAGERS]
    names += ["years:max", "years:management"] + [f"years>={b}" for b in T.LEVEL_YEAR_BINS]
    names += ["team:log10"] + [f"team>={b}" for b in T.LEVEL_TEAM_BINS]
    names += ["reports:log10", "requirement:manages_managers"]
    names += [f"competency:{c}" for c in COMPETENCY_IDS]
    names += ["statements:log10"]
    return names


FEATURES = feature_names()
#: Position of each named feature in ``FEATURES`` (and in a feature row).
FEATURE_INDEX = {name: i for i, name in enumerate(FEATURES)}


@dataclass(slots=True)
class Trace:
    """Which statement set which feature (for evidence); ``amount``: the feature's value."""

    statement: Statement
    feature: str
    amount: float


def expectations(role: Role) -> list[Statement]:
    """The statements of ``role`` that are expectations (not about/benefits/legal/application, not references)."""
    return [st for section, st in role_statements(role)
            if section.kind not in NON_EXPECTATION_KINDS and not st.reference]


def features(role: Role) -> tuple[list[float], list[Trace]]:
    """(feature values in ``FEATURES`` order, traces of the statements behind them)."""
    x, traces, _ = features_and_expectations(role)
    return x, traces


def features_and_expectations(role: Role) -> tuple[list[float], list[Trace], list[Statement]]:
    """``features(role)`` and ``expectations(role)`` from one walk over the role's statements."""
    x = [0.0] * len(FEATURES)
    traces: list[Trace] = []
    found: list[Statement] = []
    manager: tuple[str, Statement] | None = None
    for section, st in role_statements(role):
        if section.kind in NON_EXPECTATION_KINDS or st.reference:
            if manager is None and "report" in st.text and (m := scope.manager_level(st.text)):
                manager = (m, st)
            continue
        found.append(st)
    counts: dict[str, int] = {}
    shares: dict[str, int] = {}
    for st, ids in zip(found, scope.find_all([st.text for st in found])):
        for sid in ids:
            counts[sid] = counts.get(sid, 0) + 1
            traces.append(Trace(st, f"signal:{sid}", 1.0))
        if "report" in st.text and (manager is None or manager[1] not in found):
            if m := scope.manager_level(st.text):
                manager = (m, st)
        if st.competencies:
            top = max(st.competencies, key=lambda c: c.score).competency
            shares[top] = shares.get(top, 0) + 1
    for sid, c in counts.items():
        x[FEATURE_INDEX[f"signal:{sid}"]] = math.log1p(c)
    for t in traces:  # each statement showing a signal carries an equal share of its feature
        if t.feature.startswith("signal:"):
            t.amount = math.log1p(counts[t.feature[7:]]) / counts[t.feature[7:]]
    if manager is not None:
        x[FEATURE_INDEX[f"manager:{manager[0]}"]] = 1.0
        traces.append(Trace(manager[1], f"manager:{manager[0]}", 1.0))
    _requirement_features(role, x, traces)
    n = len(found)
    for cid, c in shares.items():
        x[FEATURE_INDEX[f"competency:{cid}"]] = c / n
    x[FEATURE_INDEX["statements:log10"]] = math.log10(1 + n)
    return x, traces, found


def _requirement_features(role: Role, x: list[float], traces: list[Trace]) -> None:
    if not role.requirements:
        return
    by_id = {st.id: st for _, st in role_statements(role)}

    def trace(statement_id: str | None, feature: str) -> None:
        if statement_id in by_id:
            traces.append(Trace(by_id[statement_id], feature, x[FEATURE_INDEX[feature]]))

    years = [r for r in role.requirements
             if r.type == "years_experience" and r.min is not None and r.min <= T.LEVEL_MAX_YEARS]
    if years:
        top = max(years, key=lambda r: r.min or 0)
        x[FEATURE_INDEX["years:max"]] = min(top.min or 0, T.LEVEL_YEARS_CAP) / T.LEVEL_YEARS_SCALE
        mgmt = [r for r in years if r.qualifier in ("management", "leadership") and r.min]
        if mgmt:
            most = max(mgmt, key=lambda r: r.min or 0)
            x[FEATURE_INDEX["years:management"]] = min(most.min or 0, T.LEVEL_MANAGEMENT_YEARS_CAP) / T.LEVEL_YEARS_SCALE
            trace(most.statement_id, "years:management")
        for b in T.LEVEL_YEAR_BINS:
            x[FEATURE_INDEX[f"years>={b}"]] = 1.0 if (top.min or 0) >= b else 0.0
        trace(top.statement_id, "years:max")
    teams = [r for r in role.requirements if r.type == "team_size" and (r.min or r.max) and r.unit != "teams"]
    if teams:
        top = max(teams, key=lambda r: r.max or r.min or 0)
        size = max(top.max or 0, top.min or 0)
        x[FEATURE_INDEX["team:log10"]] = math.log10(size)
        for b in T.LEVEL_TEAM_BINS:
            x[FEATURE_INDEX[f"team>={b}"]] = 1.0 if size >= b else 0.0
        trace(top.statement_id, "team:log10")
    reports = [r for r in role.requirements if r.type == "direct_reports" and (r.min or r.max)]
    if reports:
        top = max(reports, key=lambda r: r.max or r.min or 0)
        x[FEATURE_INDEX["reports:log10"]] = math.log10(1 + max(top.max or 0, top.min or 0))
        trace(top.statement_id, "reports:log10")
    mm = [r for r in role.requirements if r.type == "manages_managers"]
    if mm:
        x[FEATURE_INDEX["requirement:manages_managers"]] = 1.0
        trace(mm[0].statement_id, "requirement:manages_managers")


#: Web addresses and e-mail addresses: their pieces ("www", "com", "careers") say nothing of a level.
_ADDRESS = re.compile(r"\b(?:https?://|www\.)\S+|\S+@\S+\.\w+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|io|org|net|co|ai|dev)\b\S*")
#: A cheap test for text that may hold one (most statements hold none).
_ADDRESS_HINT = re.compile(r"://|www\.|@|\.(?:com|io|org|net|co|ai|dev)\b")


@lru_cache(maxsize=16384)
def term_words(text: str) -> tuple[str, ...]:
    """Word tokens of ``text`` of ``thresholds.LEVEL_MIN_TERM_CHARS`` letters or more, not numbers, web
    and e-mail addresses left out. Cached: leveling reads each statement's words twice."""
    if _ADDRESS_HINT.search(text):
        text = _ADDRESS.sub(" ", text)
    shortest = T.LEVEL_MIN_TERM_CHARS
    return tuple([t for t in tokens(text) if len(t) >= shortest and not t.isdigit()])


@lru_cache(maxsize=16384)
def terms(text: str) -> tuple[str, ...]:
    """Words and adjacent word pairs of ``text``, lower-cased (``term_words``)."""
    words = term_words(text)
    return words + tuple(f"{a} {b}" for a, b in zip(words, words[1:]))


def role_terms(role: Role) -> list[tuple[Statement, tuple[str, ...]]]:
    """(statement, its terms) for every expectation of ``role``."""
    return [(st, terms(st.text)) for st in expectations(role)]
