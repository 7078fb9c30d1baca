"""Which levels of a ladder are one step apart, for the checks that compare a level with the level below.

A ladder from ``resolve`` is one track of one company, its levels in the order resolve found, and
``Ladder.order_evidence`` says what that order rests on. Real ladders put sibling roles, branches
and different roles of one page into one track, and a weak order (a page's order, an index, titles)
is sometimes wrong, so lint compares only levels it can trust are consecutive in one progression:

- **stated**: the level inherits from the other ("Same as X, but also...") or the other names it as
  its next level: always a step;
- otherwise the nearest level before it **of the same kind of role** (``place``: "Data Engineer"
  and "Staff Data Engineer"; every management title is one kind), when the titles and codes order
  the two the same way as the ladder (``compare``: IC3 < IC4, Engineering Manager < Director,
  Senior < Staff), or, when they say nothing either way, the ladder's order is strong evidence
  (``STRONG_ORDER``: declared, level codes, inheritance, next-level links). Titles that contradict
  the ladder's order ("Lead" before "Senior" where lead ranks higher) are no step;
- never a level and its own copy (same title, same code), never across two pages when either
  page holds several levels (a roles page beside a ladder page) unless the ladder links them,
  and never a level in ``excluded`` (pages that show neighbouring levels' text beside their own).

Pure; ``levels_below`` is the one entry point.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Collection, Mapping

from .words import ic_seniority
from ..extract.grammar import tokens
from ..extract.levels import level_code, title_family, title_track
from ..extract.titles import title_level
from ..model import Ladder, Role
from ..vocab import LEVELS

#: Order evidence strong enough to trust the ladder's order between two titles that do not order
#: themselves ("Data Engineer" IC3 and IC4 are ordered by their codes; "Engineer" and "Engineer" by nothing).
STRONG_ORDER = frozenset({"declared", "level codes", "inheritance", "next-level links"})
_RANK = {level: i for i, level in enumerate(LEVELS)}


@dataclass(frozen=True, slots=True)
class Place:
    """Where a title puts a level: ``family`` (the kind of role; ``management`` for every manager title),
    ``rank`` (canonical management level index or individual-contributor seniority, None when the
    title says none) and ``code`` ((scheme, number) of its level code, None without one)."""

    family: str
    rank: float | None
    code: tuple[str, float] | None
    title: str


def place(role: Role) -> Place:
    """How the title and code of ``role`` place it (see ``Place``)."""
    title = role.title or ""
    found = level_code(role.heading or title, role.source, role.metadata)
    code = (found.scheme, found.number) if found else None
    level = title_level(title)
    if level in _RANK or title_track(title) == "management":
        rank = float(_RANK[level]) if level in _RANK else None
        return Place("management", rank, code, " ".join(tokens(title)))
    return Place(title_family(title), ic_seniority(list(tokens(title))), code, " ".join(tokens(title)))


def compare(a: Place, b: Place) -> int | None:
    """-1 when the titles and codes put ``a`` below ``b``, 1 above, 0 level with it, None when they do not say."""
    if a.code and b.code and a.code[0] == b.code[0] and a.code[1] != b.code[1]:
        return -1 if a.code[1] < b.code[1] else 1
    if a.rank is not None and b.rank is not None:
        return (a.rank > b.rank) - (a.rank < b.rank)
    return None


def _stated(lower: Role, upper: Role) -> bool:
    return lower.id in {p.resolved_id for p in upper.parents} or \
        (lower.next_level is not None and lower.next_level.resolved_id == upper.id)


def levels_below(ladder: Ladder, page_levels: Mapping[str, int], excluded: Collection[str] = ()) -> dict[str, str]:
    """role id -> id of the level one step below it (absent when none; see the module docstring).

    ``page_levels``: source file -> how many levels (of any track of the company) it holds;
    ``excluded``: ids of levels that are no end of any step.
    """
    levels = [r for r in ladder.roles if r.id not in excluded]
    places = {r.id: place(r) for r in levels}
    strong = ladder.order_evidence in STRONG_ORDER
    out: dict[str, str] = {}
    for i, upper in enumerate(levels):
        stated = [r for r in levels[:i] if _stated(r, upper)]
        if stated:
            out[upper.id] = stated[-1].id
            continue
        kin = [r for r in levels[:i] if places[r.id].family == places[upper.id].family]
        if not kin:
            continue
        lower = kin[-1]
        a, b = places[lower.id], places[upper.id]
        if a.title == b.title and a.code == b.code:
            continue  # the same level twice (a summary and its details, an appendix note)
        if lower.source != upper.source and max(page_levels.get(lower.source, 1),
                                                page_levels.get(upper.source, 1)) > 1:
            continue  # a level of one page next to a level of a page of several
        order = compare(a, b)
        if order == -1 or (order in (0, None) and strong):
            out[upper.id] = lower.id
    return out
