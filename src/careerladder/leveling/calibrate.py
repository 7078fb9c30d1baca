"""Calibration: each company ladder's levels mapped onto the canonical levels.

A ladder is one track of one company (``resolve``). On a management track, each level gets the
canonical level its leveling supports (text, with the title as a prior when it is clear). On an
individual contributor's track, each level gets the IC level its title names (``vocab.IC_LEVELS``:
junior < mid < senior < staff < principal < distinguished; a plain "Engineer" is mid). Within one
ladder the mapping must not go down as the ladder goes up: the level index is made non-decreasing
along the ladder's order (pool-adjacent-violators), then rounded. Pure: no I/O.

>>> from careerladder.pipeline import EXAMPLE_LADDER, load
>>> from careerladder.resolve import resolve
>>> rows = calibrate(resolve(load([EXAMPLE_LADDER]).roles)[1])
>>> [r.level for r in rows]
['em', 'senior_em', 'director', 'senior_director', 'vp', 'cto']
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from ..extract.levels import ic_rank
from ..extract.titles import title_level
from ..model import Ladder, Role
from ..vocab import IC_LEVELS, LEVELS, is_management_track
from .level import level_role

_RANK = {lv: i for i, lv in enumerate(LEVELS)}


@dataclass(frozen=True, slots=True)
class CalibrationRow:
    """One ladder level on the canonical scale.

    ``title_level``: what the title alone claims; ``level``: the calibrated canonical level, a
    management level or an IC level (``scale`` says which); ``confidence``: the leveling probability
    of that level (0-1; 1 for an IC level, which the title names); ``expected``: the level index on
    its scale (0 = em ... 5 = cto, or 0 = junior ... 5 = distinguished) before rounding, after the
    ladder-order constraint.
    """

    ladder_id: str
    ladder_name: str
    role_id: str
    title: str
    title_level: str
    level: str
    confidence: float
    expected: float | None = None
    scale: str = "management"


def _expected(role: Role) -> float:
    scores = role.leveling.scores if role.leveling else {}
    total = sum(scores.get(lv, 0.0) for lv in LEVELS) or 1.0
    return sum(_RANK[lv] * scores.get(lv, 0.0) for lv in LEVELS) / total


def _non_decreasing(values: list[float]) -> list[float]:
    """Pool-adjacent-violators: the closest non-decreasing sequence (least squares)."""
    blocks: list[list[float]] = []  # [sum, count]
    for v in values:
        blocks.append([v, 1.0])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            s, c = blocks.pop()
            blocks[-1][0] += s
            blocks[-1][1] += c
    out: list[float] = []
    for s, c in blocks:
        out += [s / c] * int(c)
    return out


def calibrate(ladders: Sequence[Ladder]) -> list[CalibrationRow]:
    """One row per ladder level, in ladder order, ladders in the given order."""
    rows: list[CalibrationRow] = []
    for ladder in ladders:
        if is_management_track(ladder.track) is False:
            rows += _ic_rows(ladder)
            continue
        roles = [r if r.leveling else level_role(r) for r in ladder.roles]
        managers = [r for r in roles if title_level(r.title) != "ic"]
        fitted = dict(zip((r.id for r in managers), _non_decreasing([_expected(r) for r in managers])))
        for role in roles:
            claimed = title_level(role.title)
            if role.id not in fitted:
                rows.append(CalibrationRow(ladder.id, ladder.name, role.id, role.title, claimed, "ic", 1.0))
                continue
            idx = min(max(int(fitted[role.id] + 0.5), 0), len(LEVELS) - 1)
            level = LEVELS[idx]
            conf = role.leveling.scores.get(level, 0.0) if role.leveling else 0.0
            rows.append(CalibrationRow(ladder.id, ladder.name, role.id, role.title, claimed, level,
                                       round(conf, 3), round(fitted[role.id], 2)))
    return rows


def _ic_rows(ladder: Ladder) -> list[CalibrationRow]:
    """The levels of an individual contributor's track on the IC scale, from their titles and order."""
    ranks = [IC_LEVELS.index(ic_rank(r.title) or "mid") for r in ladder.roles]
    fitted = _non_decreasing([float(x) for x in ranks])
    return [CalibrationRow(ladder.id, ladder.name, r.id, r.title, title_level(r.title),
                           IC_LEVELS[min(max(int(f + 0.5), 0), len(IC_LEVELS) - 1)], 1.0, round(f, 2),
                           "individual_contributor")
            for r, f in zip(ladder.roles, fitted)]


def by_level(rows: Sequence[CalibrationRow]) -> dict[str, list[CalibrationRow]]:
    """The cross-company view: canonical level (management, then IC) -> the company levels mapped onto it."""
    out: dict[str, list[CalibrationRow]] = defaultdict(list)
    for row in rows:
        out[row.level].append(row)
    return {lv: out[lv] for lv in (*LEVELS, "ic", *IC_LEVELS) if lv in out}
