"""The ladder as the lint checks see it: tracks, the level below each level, steps, coverage.

Split from ``careerladder.lint`` (which documents the terms); pure, no I/O.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cached_property, partial
from typing import Callable, Iterator

from .. import thresholds as T
from .words import is_navigation
from ..diff import LevelDiff, diff_levels
from ..extract.levels import title_family
from ..extract.titles import title_level
from ..leveling import level_role
from ..model import Expectation, Ladder, Role, Severity, Statement
from ..vocab import LEVELS, is_management_track

RANK = {level: i for i, level in enumerate(LEVELS)}


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

    ``levels``: the ladder's levels in order (a ladder is one track: ``resolve`` ordered it);
    ``index``: role id -> position; ``track``: role id -> ``"management"`` or ``"ic"`` (the
    ladder's track); ``below``: role id -> the level below it in the track (absent for the first).
    """

    def __init__(self, ladder: Ladder, leveler: Callable[[Role], Role]):
        self.ladder = ladder
        self.levels = list(ladder.roles)
        self.by_id = {r.id: r for r in self.levels}
        self.index = {r.id: i for i, r in enumerate(self.levels)}
        kind = "ic" if is_management_track(ladder.track) is False else "management"
        self.track = {r.id: kind for r in self.levels}
        self.leveler = leveler
        self.below = _levels_below(self)
        self._diffs: dict[tuple[str, str], LevelDiff] = {}

    def effective(self, role: Role) -> tuple[Expectation, ...]:
        return tuple(self.ladder.effective.get(role.id, ()))

    def own(self, role: Role) -> list[Expectation]:
        """Expectations the level states itself (depth 0), table cells and navigation left out: they
        are not statements a ladder's authors write as expectations."""
        return [e for e in self.effective(role) if e.depth == 0 and is_expectation(e.statement)]

    def ancestors(self, role: Role) -> set[str]:
        """Ids of the levels ``role`` inherits from, directly or through others (``Same as X``)."""
        out: set[str] = set()
        frontier = [p.resolved_id for p in role.parents if p.resolved_id]
        while frontier:
            rid = frontier.pop()
            if rid in out or rid not in self.by_id:
                continue
            out.add(rid)
            frontier += [p.resolved_id for p in self.by_id[rid].parents if p.resolved_id]
        return out

    def tracks(self) -> dict[str, list[Role]]:
        out: dict[str, list[Role]] = {}
        for r in self.levels:
            out.setdefault(self.track[r.id], []).append(r)
        return out

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


def rank(role: Role) -> int | None:
    return RANK.get(title_level(role.title))


def _levels_below(ctx: LadderContext) -> dict[str, str]:
    """Each level's level below: the one before it in the track's order, when that order says so (the
    ladder's own evidence: codes, inheritance, links, an index, a page), or when both titles name one
    kind of role ("Data Engineer" and "Senior Data Engineer"). Neighbours only a guess from their
    titles put side by side ("Agile Coach", "Data Analyst") are not a step."""
    trusted = ctx.ladder.order_evidence not in (None, "title")
    out = {}
    for lower, upper in zip(ctx.levels, ctx.levels[1:]):
        linked = lower.id in {p.resolved_id for p in upper.parents} or \
            (lower.next_level is not None and lower.next_level.resolved_id == upper.id)
        if trusted or linked or title_family(lower.title) == title_family(upper.title):
            out[upper.id] = lower.id
    return out


def is_expectation(st: Statement) -> bool:
    """A statement an author wrote as an expectation: not a table cell or header, not a line that only
    navigates ("Continue reading: [VP of Engineering](vp.md)", "Back to the index")."""
    if st.kind in ("row", "header"):
        return False
    text = st.text.strip()
    if st.links and len(text.split()) <= T.LINT_NAVIGATION_MAX_WORDS and not any(c in text for c in ".;"):
        return False
    return not is_navigation(text)


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
