"""The ladder as the lint checks see it: tracks, the level below each level, steps, coverage.

Split from ``careerladder.lint`` (which documents the terms); pure, no I/O.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cached_property, partial
from typing import Callable, Iterator, Sequence

from .. import thresholds as T
from .words import ic_seniority
from ..diff import LevelDiff, diff_levels
from ..extract.titles import normalize_title, title_level
from ..leveling import level_role
from ..model import Expectation, Ladder, Role, Severity
from ..resolve import title_tokens
from ..vocab import LEVELS, normalize

RANK = {level: i for i, level in enumerate(LEVELS)}
#: Management levels rank above every IC seniority when ordering one document (the IC scale of
#: ``words.IC_SENIORITY`` with numerals stays under 7): an offset, not a tunable.
_MANAGEMENT_BASE = 10.0


@dataclass(frozen=True, slots=True)
class Hit:
    """What a check yields: the level, the line and the message (``code``/``severity`` override the check's)."""

    role: Role
    line: int | None
    message: str
    code: str | None = None
    severity: Severity | None = None


class LadderContext:
    """One ladder as the checks see it, with what several checks share computed once.

    ``levels``: the ladder's levels in order; ``index``: role id -> position;
    ``track``: role id -> ``"management"`` or ``"ic"``; ``below``: role id ->
    the level below it (or absent).
    """

    def __init__(self, ladder: Ladder, leveler: Callable[[Role], Role]):
        self.ladder = ladder
        self.levels = list(ladder.roles)
        self.by_id = {r.id: r for r in self.levels}
        self.index = {r.id: i for i, r in enumerate(self.levels)}
        self.track = {r.id: _track(r, self.by_id) for r in self.levels}
        self.leveler = leveler
        self.below = _levels_below(self)
        self._diffs: dict[tuple[str, str], LevelDiff] = {}

    def effective(self, role: Role) -> tuple[Expectation, ...]:
        return tuple(self.ladder.effective.get(role.id, ()))

    def own(self, role: Role) -> list[Expectation]:
        """Expectations the level states itself (depth 0)."""
        return [e for e in self.effective(role) if e.depth == 0]

    def tracks(self) -> dict[str, list[Role]]:
        out: dict[str, list[Role]] = {}
        for r in self.levels:
            out.setdefault(self.track[r.id], []).append(r)
        return out

    def progressions(self) -> list[list[Role]]:
        """Levels joined by a level-below link or by one title ("Data Engineer" at IC1..IC4), in ladder order."""
        group = {r.id: r.id for r in self.levels}

        def find(x: str) -> str:
            while group[x] != x:
                group[x] = group[group[x]]
                x = group[x]
            return x

        by_title: dict[frozenset[str], str] = {}
        for r in self.levels:
            key = title_tokens(r.title) or frozenset([r.title.lower()])
            group[find(r.id)] = find(by_title.setdefault(key, r.id))
            if r.id in self.below:
                group[find(r.id)] = find(self.below[r.id])
        out: dict[str, list[Role]] = {}
        for r in self.levels:
            out.setdefault(find(r.id), []).append(r)
        return list(out.values())

    def steps(self) -> list[tuple[Role, Role]]:
        """(level below, level) for every level that has one, in ladder order."""
        return [(self.by_id[self.below[r.id]], r) for r in self.levels if r.id in self.below]

    def diff(self, lower: Role, upper: Role) -> LevelDiff:
        key = (lower.id, upper.id)
        if key not in self._diffs:
            self._diffs[key] = diff_levels(lower, self.effective(lower), upper, self.effective(upper))
        return self._diffs[key]

    @cached_property
    def coverage(self) -> dict[str, Counter]:
        """role id -> expectations per competency (every competency a statement has, not only its best)."""
        return {r.id: Counter(c.competency for e in self.effective(r) for c in e.statement.competencies)
                for r in self.levels}


def _track(role: Role, by_id: dict[str, Role], depth: int = 0) -> str:
    level = title_level(role.title)
    if level in LEVELS or level == "unknown":
        return "management"
    parents = [by_id[p.resolved_id] for p in role.parents if p.resolved_id in by_id]
    if parents and depth < len(by_id):  # "Same as Engineering Manager" puts a "Level 6" in management
        return _track(parents[0], by_id, depth + 1)
    return "ic"


def rank(role: Role) -> int | None:
    return RANK.get(title_level(role.title))


def _seniority(role: Role) -> float | None:
    """Canonical level rank (management, from 10 up), else IC title seniority; None when the title says nothing."""
    level = title_level(role.title)
    if level in RANK:
        return _MANAGEMENT_BASE + RANK[level]
    if level == "ic":
        return ic_seniority(normalize(normalize_title(role.title)).split()) or T.LINT_PLAIN_IC_SENIORITY
    return None


def _document_order(levels: Sequence[Role]) -> dict[str, int]:
    """source -> -1 when its titles go highest first, 0 when they disagree, else +1 (lowest first, as most do)."""
    docs: dict[str, list[float]] = {}
    for r in sorted(levels, key=lambda r: r.span[0]):
        s = _seniority(r)
        if s is not None:
            docs.setdefault(r.source, []).append(s)
    out = {}
    for source, values in docs.items():
        ups = sum(b > a for a, b in zip(values, values[1:]))
        downs = sum(b < a for a, b in zip(values, values[1:]))
        out[source] = -1 if downs and not ups else 0 if downs else 1  # no evidence: lowest first, as most are
    return out


def _levels_below(ctx: LadderContext) -> dict[str, str]:
    below: dict[str, str] = {}
    named_next = {r.next_level.resolved_id: r.id for r in ctx.levels
                  if r.next_level and r.next_level.resolved_id in ctx.by_id}
    order = _document_order(ctx.levels)
    for role in ctx.levels:
        parent = next((p.resolved_id for p in role.parents if p.resolved_id in ctx.by_id), None)
        if parent or role.id in named_next:
            below[role.id] = parent or named_next[role.id]
            continue
        mine = rank(role)
        peers = [r for r in ctx.levels if r.id != role.id and ctx.track[r.id] == ctx.track[role.id]]
        direction = order.get(role.source, 0)
        same_doc = [r for r in peers if r.source == role.source and direction * (role.span[0] - r.span[0]) > 0]
        if same_doc:
            below[role.id] = min(same_doc, key=lambda r: abs(role.span[0] - r.span[0])).id
        elif mine is not None:
            lower = [r for r in peers if rank(r) is not None and rank(r) < mine]  # type: ignore[operator]
            if lower:
                top = max(rank(r) for r in lower)  # type: ignore[type-var]
                below[role.id] = [r for r in lower if rank(r) == top][-1].id
    return below


def chain_below(ctx: LadderContext, role: Role) -> Iterator[Role]:
    """The levels below ``role``, nearest first (stops at a loop)."""
    seen = {role.id}
    rid = ctx.below.get(role.id)
    while rid and rid not in seen:
        seen.add(rid)
        yield ctx.by_id[rid]
        rid = ctx.below.get(rid)


def text_leveler() -> Callable[[Role], Role]:
    """``leveling.level_role`` from the text alone (``use_title=False``): what a level's text supports."""
    return partial(level_role, use_title=False)
