"""Lint checks that read meaning (statement embeddings, ``careerladder.embed``) rather than words.

* ``NEAR_DUPLICATE`` (a ``Check`` of every ladder): a level states, in other words, an expectation it
  already inherits from a level below. ``REPEATED_STATEMENT`` finds the same words; this finds the same
  meaning: the two statements' embeddings (centered on our reference ladder, ``embed.centered``) have a
  cosine of at least ``thresholds.LINT_NEAR_DUPLICATE_MEANING``, they name the same numbers, and they
  differ in at least ``thresholds.LINT_NEAR_DUPLICATE_MIN_CHANGED`` words: a change of one or two words
  is the same words (``REPEATED_STATEMENT``) or a deliberate step ("minor" / "major" process
  improvements, collaborating "with a team" / "across teams").
* ``CROSS_LADDER_DRIFT`` (across ladders, opt-in: ``careerladder lint --extend-select
  CROSS_LADDER_DRIFT``): one canonical level (leveling's ``director``, ``vp``...) asked very differently
  by two ladders: the cosine of their competency coverage (expectations per competency) is under
  ``thresholds.LINT_DRIFT_COVERAGE``. It is a fact about two companies, for whoever compares them, not
  something either ladder's authors must fix: hence off by default, and information only.

Both are opt-in (``rules.Check.default`` False): the default set holds only rules whose precision was
measured on a blind sample (docs/lint.md), and these were not in it.
"""

from __future__ import annotations

from itertools import combinations
from typing import Iterator, Sequence

import numpy as np

from .. import thresholds as T
from ..competencies import BY_ID, IDS
from ..diff import coverage
from ..embed import centered, embed, known_words
from ..model import Ladder, Role
from .context import Hit, LadderContext
from .rules import Check, register


def _short(text: str, words: int = 10) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" ..." if len(parts) > words else "")


def _numbers(text: str) -> list[str]:
    return [w.strip(".,;:()") for w in text.split() if any(c.isdigit() for c in w)]


def _words(text: str) -> set[str]:
    return {w.strip(".,;:()!?'\"").lower() for w in text.split()} - {""}


def check_near_duplicates(ctx: LadderContext) -> Iterator[Hit]:
    """An own expectation of a level that says, in other words, what a level it inherits already expects
    (each reported once, against the nearest such statement)."""
    for role in ctx.levels:
        ancestors = [ctx.by_id[a] for a in ctx.ancestors(role) if a in ctx.by_id]
        mine = [e.statement for e in ctx.own(role)]
        theirs = [(a, e.statement) for a in ancestors for e in ctx.own(a)]
        if not mine or not theirs:
            continue
        sims = centered(embed([s.text for s in mine])) @ centered(embed([s.text for _, s in theirs])).T
        words_mine, words_theirs = known_words([s.text for s in mine]), known_words([s.text for _, s in theirs])
        for i, st in enumerate(mine):
            j = int(np.argmax(sims[i]))
            origin, other = theirs[j]
            if sims[i, j] < T.LINT_NEAR_DUPLICATE_MEANING or st.text.strip().lower() == other.text.strip().lower():
                continue  # not near enough; or the very same words, which REPEATED_STATEMENT reports
            if min(words_mine[i], words_theirs[j]) < T.ALIGN_MIN_WORDS or _numbers(st.text) != _numbers(other.text):
                continue  # too short to say one thing; or other numbers ("2 teams" / "5 teams"): a step up
            if len(_words(st.text) ^ _words(other.text)) < T.LINT_NEAR_DUPLICATE_MIN_CHANGED:
                continue  # one or two words changed: a repeat, or a deliberate step
            yield Hit(role, st.line, f"{_short(st.text)!r} says again, in other words, what {other_title(origin)} "
                                     f"already expects (line {other.line}: {_short(other.text)!r}; similarity "
                                     f"{sims[i, j]:.2f}), which {role.title!r} inherits; say it once there")


def other_title(role: Role) -> str:
    return repr(role.title)


def _coverage_vector(ladder: Ladder, role: Role) -> np.ndarray:
    counts = coverage(tuple(ladder.effective.get(role.id, ())))
    return np.array([counts.get(c, 0) for c in IDS], dtype=np.float64)


def _top(vector: np.ndarray) -> str:
    order = [i for i in np.argsort(-vector, kind="stable") if vector[i] > 0][:T.LINT_UNEVEN_TOP_COMPETENCIES]
    return ", ".join(BY_ID[IDS[i]].name for i in order) or "none"


def check_cross_ladder_drift(contexts: Sequence[LadderContext]) -> Iterator[Hit]:
    """``CROSS_LADDER_DRIFT`` over every ladder of the run (an ``across`` rule)."""
    for _, hit in cross_ladder_drift([ctx.ladder for ctx in contexts]):
        yield hit


def cross_ladder_drift(ladders: Sequence[Ladder]) -> list[tuple[Ladder, Hit]]:
    """``CROSS_LADDER_DRIFT`` hits: for each canonical level, each pair of ladders of two organizations whose
    levels there have competency coverages with a cosine under ``thresholds.LINT_DRIFT_COVERAGE`` (levels
    with fewer than ``thresholds.LINT_DRIFT_MIN_EXPECTATIONS`` effective expectations are not compared)."""
    by_level: dict[str, list[tuple[Ladder, Role, np.ndarray]]] = {}
    for ladder in ladders:
        for role in ladder.roles:
            level = role.leveling.level if role.leveling else None
            vector = _coverage_vector(ladder, role)
            if level and level not in ("ic", "unknown") and vector.sum() >= T.LINT_DRIFT_MIN_EXPECTATIONS:
                by_level.setdefault(level, []).append((ladder, role, vector))
    out = []
    for level, rows in by_level.items():
        for (la, ra, va), (lb, rb, vb) in combinations(rows, 2):
            if la is lb or (ra.organization and ra.organization == rb.organization):
                continue
            cos = float(va @ vb / (np.linalg.norm(va) * np.linalg.norm(vb)))
            if cos < T.LINT_DRIFT_COVERAGE:
                out.append((la, Hit(ra, ra.span[0], f"{ra.title!r} and {rb.title!r} ({lb.name}, {rb.source}) are both "
                                                    f"{level} levels but ask very differently (competency coverage "
                                                    f"cosine {cos:.2f}): here mostly {_top(va)}, there mostly "
                                                    f"{_top(vb)}", "CROSS_LADDER_DRIFT", "info")))
    return out


register(
    Check("NEAR_DUPLICATE", "info", "an inherited expectation said again in other words", check_near_duplicates,
          default=False),
    Check("CROSS_LADDER_DRIFT", "info", "one canonical level asked very differently by two companies",
          check_cross_ladder_drift, default=False, across=True),
)

__all__ = ["check_cross_ladder_drift", "check_near_duplicates", "cross_ladder_drift"]
