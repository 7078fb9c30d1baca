"""Leveling: which canonical level a role really is, from what it asks — with evidence.

Method (interpretable, no network, fast):

1. ``features(role)`` turns a role into named numbers: scope signals found in its statements
   (``extract/rules/scope.py``: manages managers, owns a budget, executive team, board, founding...),
   whom it reports to, years of experience, team size and direct reports from its requirements, and
   the share of its expectations in each competency. Statements in about/benefits sections are skipped.
2. A multinomial logistic model (``leveler.py``) over those features and the TF-IDF weights of the
   role's expectation words gives ``P(level | text)`` for the six management levels. Its weights ship
   in ``data/leveling_model.json`` (trained by ``benchmarks/leveling.py --train`` on title-labelled
   postings and ladders, title masked), so every weight can be read: ``Leveler.explain()`` lists them.
3. The title, when it clearly names a level (``extract.titles.title_level``), is a prior: the final
   scores multiply the text scores by ``thresholds.LEVEL_TITLE_PRIOR`` around the title's level. ``Leveling.text_level``
   keeps the text-only answer, and ``inflation`` says when the title claims more (or less) than the text
   supports: the text gives the title's level and its neighbours less than
   ``thresholds.LEVEL_INFLATION_MAX_SUPPORT``.
4. Evidence: the statements whose features or words pushed hardest toward the chosen level, each with
   its line, competency, signal (``signal:board``, ``years:max``, ``words: board, executive``) and
   weight (positive = supports the level).

>>> from careerladder import read_text, parse, extract
>>> doc = read_text("# VP of Engineering\\n\\n- Lead the engineering organization and its directors\\n"
...                 "- Present to the board of directors\\n- 12+ years of experience\\n", "vp.md")[0]
>>> lv = level_role(extract(parse(doc, "vp.md")[0])).leveling
>>> lv.title_level, lv.level in ("vp", "cto"), lv.inflation
('vp', True, None)
"""

from __future__ import annotations

from dataclasses import replace

from .. import thresholds as T
from ..extract import scope
from ..extract.titles import title_level as title_level_of
from ..model import Evidence, Leveling, Role, Statement
from ..vocab import LEVELS, is_management_track

from .features import Trace, expectations, features
from .regression import Leveler, tfidf

_RANK = {lv: i for i, lv in enumerate(LEVELS)}


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
    prior = T.LEVEL_TITLE_PRIOR
    weights = {lv: prior[min(abs(_RANK[lv] - _RANK[claimed]), len(prior) - 1)] for lv in LEVELS}
    combined = {lv: scores[lv] * weights[lv] for lv in LEVELS}
    total = sum(combined.values()) or 1.0
    return {lv: v / total for lv, v in combined.items()}


def _evidence(leveler: Leveler, level: str, traces: list[Trace],
              statement_terms: list[tuple[Statement, list[str]]], role_weights: dict[str, float],
              rows: list[int] | None = None) -> tuple[Evidence, ...]:
    """The statements that moved ``level`` most: named features (one item per statement and feature)
    and the words of each statement; positive weight supports ``level``."""
    if level not in leveler.classes_:
        return ()
    items: dict[tuple[str, str], Evidence] = {}

    def competency(st: Statement) -> str | None:
        return max(st.competencies, key=lambda c: c.score).competency if st.competencies else None

    for t in traces:
        weight = leveler.contribution(level, t.feature, t.amount)
        if abs(weight) < T.LEVEL_MIN_EVIDENCE_WEIGHT:
            continue
        signal = t.feature.split(":", 1)[-1]
        anchor = next((s.anchor for s in scope.SIGNALS if s.id == signal), None)
        key = (t.statement.id, t.feature)
        if key not in items or abs(weight) > abs(items[key].weight):
            items[key] = Evidence(t.statement.text, t.statement.line, competency(t.statement), round(weight, 3),
                                  t.feature, anchor)
    support = leveler.word_support(level, role_weights, rows)
    strong = {t for t, w in support.items() if abs(w) >= T.LEVEL_MIN_WORD_SUPPORT}
    for st, ts in statement_terms:
        if strong.isdisjoint(ts):  # no word of this statement matters for the level
            continue
        weight, top = leveler.word_contribution(ts, support, T.LEVEL_EVIDENCE_WORDS)
        if abs(weight) >= T.LEVEL_MIN_EVIDENCE_WEIGHT and top:
            items[(st.id, "words")] = Evidence(st.text, st.line, competency(st), round(weight, 3),
                                               "words:" + ", ".join(top))
    ranked = sorted(items.values(), key=lambda e: -e.weight)
    support = [e for e in ranked if e.weight > 0][: T.LEVEL_MAX_EVIDENCE - T.LEVEL_MAX_EVIDENCE_AGAINST]
    against = [e for e in reversed(ranked) if e.weight < 0][: T.LEVEL_MAX_EVIDENCE_AGAINST]
    return tuple(support + against)


def level_role(role: Role, leveler: Leveler | None = None, use_title: bool = True) -> Role:
    """``role`` with ``leveling`` set (see the module docstring for the method).

    ``use_title=False`` levels from the text alone (the title is still reported as ``title_level``).
    A role on an individual contributor's track (``Role.track``: from its title or level code, or the
    ladder ``resolve`` placed it in) is leveled ``ic``, never a management level, when the title counts.
    """
    leveler = leveler or default_leveler()
    x, traces = features(role)
    statement_terms = [(st, leveler.known_terms(st.text)) for st in expectations(role)]
    weights = tfidf([t for _, ts in statement_terms for t in ts], leveler.idf_)
    rows = leveler.word_rows(weights)
    text_scores = _expand(leveler.proba_from_weights(x, weights, rows))
    text_level = max(text_scores, key=text_scores.get)
    claimed = title_level_of(role.title)
    scores = _with_title(text_scores, claimed) if use_title else text_scores
    level = max(scores, key=scores.get)
    inflation = None
    if claimed in _RANK:
        support = sum(p for lv, p in text_scores.items() if abs(_RANK[lv] - _RANK[claimed]) <= 1)
        if support < T.LEVEL_INFLATION_MAX_SUPPORT:
            expected = sum(_RANK[lv] * p for lv, p in text_scores.items())
            inflation = "title_above_text" if expected < _RANK[claimed] else "title_below_text"
    if use_title and is_management_track(role.track) is False:
        track = Evidence(role.title, role.span[0], None, 1.0, f"track:{role.track}")
        leveling = Leveling(level="ic", confidence=1.0, scores={lv: round(p, 4) for lv, p in text_scores.items()},
                            title_level=claimed, evidence=(track,), inflation=None, text_level=text_level)
        return replace(role, leveling=leveling)
    leveling = Leveling(level=level, confidence=round(scores[level], 3),
                        scores={lv: round(p, 4) for lv, p in scores.items()}, title_level=claimed,
                        evidence=_evidence(leveler, level, traces, statement_terms, weights, rows),
                        inflation=inflation,
                        text_level=text_level)
    return replace(role, leveling=leveling)
