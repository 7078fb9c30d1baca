"""What level B expects that level A does not, by competency, on effective (inherited) expectations.

An expectation of B is shared with A when it is the same statement (inherited
by both) or near-same wording (rapidfuzz token-set ratio ≥ ``thresholds.DIFF_SIMILARITY``);
the rest is what B adds. Pure: no I/O.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from . import thresholds as T
from .model import Expectation, Requirement, Role

UNCLASSIFIED = "unclassified"


@dataclass(frozen=True, slots=True)
class Added:
    """An expectation of B with no counterpart in A: ``closest`` is A's nearest wording (score 0-100)."""

    expectation: Expectation
    competency: str
    closest: str | None
    closest_score: float


@dataclass(frozen=True, slots=True)
class LevelDiff:
    """B versus A. ``added``: competency -> expectations B adds; ``shared``: how many B shares with A;
    ``coverage_a``/``coverage_b``: expectations per competency; ``requirements_added``: B's
    requirements with no equal type/value/min in A."""

    a: Role
    b: Role
    added: dict[str, list[Added]] = field(default_factory=dict)
    shared: int = 0
    coverage_a: dict[str, int] = field(default_factory=dict)
    coverage_b: dict[str, int] = field(default_factory=dict)
    requirements_added: list[Requirement] = field(default_factory=list)

    @property
    def added_count(self) -> int:
        return sum(len(v) for v in self.added.values())


def top_competency(e: Expectation) -> str:
    """The best-scoring competency of an expectation's statement, or ``unclassified``."""
    comps = e.statement.competencies
    return max(comps, key=lambda c: c.score).competency if comps else UNCLASSIFIED


def coverage(expectations: tuple[Expectation, ...]) -> dict[str, int]:
    """Expectations per (top) competency."""
    return dict(Counter(top_competency(e) for e in expectations))


def diff_levels(a: Role, a_exps: tuple[Expectation, ...], b: Role, b_exps: tuple[Expectation, ...],
                similarity: float | None = None) -> LevelDiff:
    """What ``b`` expects beyond ``a`` (both given with their effective expectations); ``similarity``
    (0-100) defaults to ``thresholds.DIFF_SIMILARITY``."""
    if similarity is None:
        similarity = T.DIFF_SIMILARITY
    a_ids = {e.statement.id for e in a_exps}
    a_texts = [e.statement.text for e in a_exps]
    added: dict[str, list[Added]] = defaultdict(list)
    shared = 0
    for e in b_exps:
        if e.statement.id in a_ids:
            shared += 1
            continue
        best = process.extractOne(e.statement.text, a_texts, scorer=fuzz.token_set_ratio) if a_texts else None
        if best is not None and best[1] >= similarity:
            shared += 1
            continue
        added[top_competency(e)].append(Added(e, top_competency(e), best[0] if best else None,
                                              float(best[1]) if best else 0.0))
    a_reqs = {(r.type, r.value, r.min) for r in a.requirements}
    req_added = [r for r in b.requirements if (r.type, r.value, r.min) not in a_reqs]
    ordered = dict(sorted(added.items(), key=lambda kv: (-len(kv[1]), kv[0])))
    return LevelDiff(a, b, ordered, shared, coverage(a_exps), coverage(b_exps), req_added)
