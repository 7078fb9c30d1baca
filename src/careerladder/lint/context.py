"""The ladder as the lint checks see it: its levels' expectations, steps, progressions and coverage.

Split from ``careerladder.lint`` (which documents the terms); which lines are expectations is
``lint.statements``, which levels are one step apart is ``lint.steps``. Pure, no I/O.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property, partial
from typing import Callable, Iterator, Mapping

from .statements import LevelText, level_text, title_key
from .steps import levels_below
from ..diff import LevelDiff, diff_levels
from ..extract.titles import title_level
from ..leveling import level_role
from ..model import Expectation, Ladder, Role, Severity, Statement, role_statements
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


@dataclass(frozen=True, slots=True)
class Company:
    """What lint knows of a ladder's company beyond the ladder: ``titles`` (``statements.title_key`` of
    every level of every track) and ``page_levels`` (source file -> how many levels it holds)."""

    titles: frozenset[str] = frozenset()
    page_levels: Mapping[str, int] = field(default_factory=dict)

    @classmethod
    def of(cls, ladders: "list[Ladder] | tuple[Ladder, ...]") -> "Company":
        """The company of ``ladders`` (the tracks of one company)."""
        roles = [r for lad in ladders for r in lad.roles]
        return cls(frozenset(title_key(r.title) for r in roles), Counter(r.source for r in roles))


class LadderContext:
    """One ladder as the checks see it, with what several checks share computed once.

    ``levels``: the ladder's levels in order (a ladder is one track: ``resolve`` ordered it);
    ``index``: role id -> position; ``track``: role id -> ``"management"`` or ``"ic"`` (the
    ladder's track); ``text``: role id -> ``LevelText``; ``below``: role id -> the level one step
    below it (``lint.steps``; absent when none); ``company``: the ``Company`` (default: this ladder's).
    """

    def __init__(self, ladder: Ladder, leveler: Callable[[Role], Role], company: Company | None = None):
        self.ladder = ladder
        self.company = company or Company.of([ladder])
        self.levels = list(ladder.roles)
        self.by_id = {r.id: r for r in self.levels}
        self.index = {r.id: i for i, r in enumerate(self.levels)}
        kind = "ic" if is_management_track(ladder.track) is False else "management"
        self.track = {r.id: kind for r in self.levels}
        self.leveler = leveler
        self.text: dict[str, LevelText] = {r.id: level_text(r, self.company.titles) for r in self.levels}
        self._skipped = frozenset().union(*(t.skipped for t in self.text.values()))
        self.below = levels_below(ladder, self.company.page_levels, self.side_by_side)
        self._diffs: dict[tuple[str, str], LevelDiff] = {}

    @cached_property
    def side_by_side(self) -> frozenset[str]:
        """Ids of the levels whose page shows other levels' text beside their own (never compared)."""
        return frozenset(rid for rid, t in self.text.items() if t.side_by_side)

    def effective(self, role: Role) -> tuple[Expectation, ...]:
        """The level's expectations, own and inherited, without the lines that are not expectations."""
        return tuple(e for e in self.ladder.effective.get(role.id, ()) if e.statement.id not in self._skipped)

    def own(self, role: Role) -> list[Expectation]:
        """Expectations the level states itself (depth 0)."""
        return [e for e in self.effective(role) if e.depth == 0]

    def written(self, role: Role) -> list[Statement]:
        """Every statement on the level's page that lint reads as an expectation, in any section (``effective``
        leaves out sections read as about the company or benefits)."""
        skipped = self.text[role.id].skipped if role.id in self.text else frozenset()
        return [st for _, st in role_statements(role) if st.id not in skipped]

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

    def steps(self) -> list[tuple[Role, Role]]:
        """(level below, level) for every level that has one, in ladder order."""
        return [(self.by_id[self.below[r.id]], r) for r in self.levels if r.id in self.below]

    def lineage(self, role: Role) -> list[Role]:
        """The other levels of ``role``'s progression: the levels below it and the levels above it
        (those with ``role`` among the levels below them), in ladder order."""
        below = {r.id for r in chain_below(self, role)}
        above = {r.id for r in self.levels if role.id in {x.id for x in chain_below(self, r)}}
        return [r for r in self.levels if r.id in below | above]

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
