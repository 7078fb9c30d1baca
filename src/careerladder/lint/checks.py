"""The structural checks of ladder lint: titles, empty levels, steps, coverage, requirement order and
the level the text reads as. One function per code, each taking a ``LadderContext`` and yielding
``Hit``s, registered (``lint.rules``) at the end in the order they run; the wording checks are in
``lint.wording``. The words *level below*, *step* and *progression* are defined in ``lint.steps``."""

from __future__ import annotations

from statistics import median
from typing import Iterator

from rapidfuzz import fuzz, process, utils

from .. import thresholds as T
from .context import RANK, Hit, LadderContext, chain_below
from .rules import Check, register
from ..extract.levels import TRACK_SCHEMES, level_code
from ..extract.titles import title_level
from ..model import Requirement, Role
from ..resolve import title_tokens
from ..vocab import LEVEL_NAMES

#: Competencies every level of a track has from its first level on (a first-level manager already
#: manages people), so the lowest level of a progression is judged on them too.
TRACK_CORE: dict[str, frozenset[str]] = {"management": frozenset({"people_management"}), "ic": frozenset()}


def _q(role: Role) -> str:
    return repr(role.title)


def _code(role: Role):
    return level_code(role.heading or role.title, role.source, role.metadata)


def check_duplicate_titles(ctx: LadderContext) -> Iterator[Hit]:
    """Levels of one track under one title that no track code tells apart (IC3 and IC4 "Software
    Engineer" are named by their codes; "Level 2" and "Level 3: Senior Engineering Manager" are not).
    Levels that share their code too (or both have none) are one level shown twice (a summary and
    its details, an appendix note on the level): not reported."""
    groups: dict[frozenset[str], list[Role]] = {}
    for r in ctx.levels:
        groups.setdefault(title_tokens(r.title) or frozenset([r.title.lower()]), []).append(r)
    for same in groups.values():
        codes = [_code(r) for r in same]
        distinct = {(c.scheme, c.number) if c else None for c in codes}
        if len(same) < 2 or len(distinct) < len(same):
            continue
        if all(c and c.scheme in TRACK_SCHEMES for c in codes):
            continue
        for r in same:
            others = ", ".join(f"{o.heading or o.title} ({o.source.rsplit('/', 1)[-1]}:{o.span[0]})"
                               for o in same if o is not r)
            yield Hit(r, r.span[0], f"{len(same)} levels of this ladder are called {r.title!r} "
                                    f"(also: {others}); give each level its own title")


def check_empty_levels(ctx: LadderContext) -> Iterator[Hit]:
    """Levels that state nothing and inherit nothing (placeholders and navigation do not count; a
    page whose text lint leaves out, such as side-by-side columns, is not empty)."""
    for r in ctx.levels:
        if not ctx.effective(r) and not ctx.text[r.id].written:
            yield Hit(r, r.span[0], f"level {_q(r)} states no expectations and inherits none")


def _copied(ctx: LadderContext, lower: Role, upper: Role) -> bool:
    """True when every line ``upper`` writes (in any section: a heading lint reads as "about the company"
    may still hold what the level adds) copies a line of ``lower`` (rapidfuzz ratio at least
    ``LINT_EMPTY_STEP_SIMILARITY``): "the same words", stricter than ``diff``'s "says the same thing"."""
    theirs = [utils.default_process(st.text) for st in ctx.written(lower)] + \
        [utils.default_process(e.statement.text) for e in ctx.effective(lower)]
    return bool(theirs) and all(
        process.extractOne(utils.default_process(st.text), theirs, scorer=fuzz.ratio,
                           score_cutoff=T.LINT_EMPTY_STEP_SIMILARITY) is not None for st in ctx.written(upper))


def check_empty_steps(ctx: LadderContext) -> Iterator[Hit]:
    """A level whose own expectations all copy the level below's (inherited ones aside) and that asks for
    no new requirement: the step adds nothing."""
    for lower, upper in ctx.steps():
        if not ctx.effective(upper):
            continue  # EMPTY_LEVEL says it
        d = ctx.diff(lower, upper)
        if d.added_count == 0 and not d.requirements_added and _copied(ctx, lower, upper):
            yield Hit(upper, upper.span[0], f"level {_q(upper)} expects nothing that {_q(lower)} below it does not "
                                            f"already expect; say what changes at this level")


def check_uneven_steps(ctx: LadderContext) -> Iterator[Hit]:
    steps = [(lo, up, ctx.diff(lo, up).added_count) for lo, up in ctx.steps() if ctx.effective(up)]
    if len(steps) < T.LINT_UNEVEN_MIN_STEPS:
        return
    mid = median(n for _, _, n in steps)
    for lower, upper, n in steps:
        high = n > T.LINT_UNEVEN_HIGH_RATIO * mid
        low = 0 < n < T.LINT_UNEVEN_LOW_RATIO * mid
        if (high or low) and abs(n - mid) >= T.LINT_UNEVEN_MIN_DIFFERENCE:
            added = list(ctx.diff(lower, upper).added.items())[:T.LINT_UNEVEN_TOP_COMPETENCIES]
            top = ", ".join(f"{c} +{len(v)}" for c, v in added)
            yield Hit(upper, upper.span[0],
                      f"the step from {_q(lower)} to {_q(upper)} adds {n} expectations ({top}); the ladder's "
                      f"median step adds {mid:g} (uneven: over {T.LINT_UNEVEN_HIGH_RATIO:g}x or under "
                      f"{T.LINT_UNEVEN_LOW_RATIO:g}x the median)")


def coverage_gaps(ctx: LadderContext) -> dict[str, tuple[list[str], int]]:
    """role id -> (competencies every other level of its progression covers and it does not, how many
    other levels), for levels with a progression of at least ``LINT_COVERAGE_MIN_PEERS`` other levels,
    each covering the competency with at least ``LINT_COVERAGE_GAP_PEER_MIN`` expectations. The lowest
    level of a progression grows into the rest: it is judged only on its track's core (``TRACK_CORE``)."""
    out: dict[str, tuple[list[str], int]] = {}
    for role in ctx.levels:
        if not ctx.effective(role) or role.id in ctx.side_by_side:
            continue
        peers = [r for r in ctx.lineage(role) if ctx.effective(r)]
        if len(peers) < T.LINT_COVERAGE_MIN_PEERS:
            continue
        shared = set.intersection(*({c for c, n in ctx.coverage[p.id].items() if n >= T.LINT_COVERAGE_GAP_PEER_MIN}
                                    for p in peers))
        missing = shared - set(ctx.coverage[role.id])
        if role.id not in ctx.below:
            missing &= TRACK_CORE[ctx.track[role.id]]
        if missing:
            out[role.id] = (sorted(missing), len(peers))
    return out


def check_coverage_drops(ctx: LadderContext) -> Iterator[Hit]:
    """A competency the level below covers (``LINT_COVERAGE_DROP_MIN`` expectations) and this level does
    not; not where ``COVERAGE_GAP`` says more (every other level of the progression covers it)."""
    gaps = coverage_gaps(ctx)
    for lower, role in ctx.steps():
        if not ctx.effective(role):
            continue
        said = set(gaps.get(role.id, ([], 0))[0])
        dropped = [f"{comp} ({n})" for comp, n in sorted(ctx.coverage[lower.id].items())
                   if n >= T.LINT_COVERAGE_DROP_MIN and not ctx.coverage[role.id][comp] and comp not in said]
        if dropped:
            yield Hit(role, role.span[0], f"{_q(role)} has no expectation in {', '.join(dropped[:-1])}"
                                          f"{' or ' if len(dropped) > 1 else ''}{dropped[-1]}, which {_q(lower)} "
                                          f"below it expects (count in brackets); say whether the area is dropped")


def check_coverage_gaps(ctx: LadderContext) -> Iterator[Hit]:
    for rid, (missing, peers) in coverage_gaps(ctx).items():
        role = ctx.by_id[rid]
        yield Hit(role, role.span[0], f"level {_q(role)} has no expectation in {', '.join(missing)}; all "
                                      f"{peers} other levels of its progression have one")


def _asks(role: Role) -> dict[tuple[str, str | None, str | None], tuple[Requirement, Requirement]]:
    """(requirement type, qualifier, unit) -> (its smallest and its largest numeric ask), numeric requirements
    only; asks in different units (two teams, six engineers) are never compared.

    A level often gives alternatives ("2+ years managing, or 5+ years as an engineer") or nested numbers
    ("7 years, including 2 managing managers") of one kind, so a contradiction needs every ask of the
    higher level below every ask of the lower one.
    """
    out: dict[tuple[str, str | None], tuple[Requirement, Requirement]] = {}
    for q in role.requirements:
        if _amount(q) is None:
            continue
        key = (q.type, q.qualifier, q.unit)
        low, high = out.get(key, (q, q))
        out[key] = (min(low, q, key=_amount), max(high, q, key=_amount))  # type: ignore[arg-type]
    return out


def _amount(q: Requirement) -> float | None:
    return q.min if q.min is not None else q.max


def check_requirement_order(ctx: LadderContext) -> Iterator[Hit]:
    for role in ctx.levels:
        for (kind, qualifier, unit), (_, high) in sorted(_asks(role).items(), key=lambda kv: kv[1][1].line):
            for lower in chain_below(ctx, role):
                theirs = _asks(lower).get((kind, qualifier, unit))
                if theirs is None:
                    continue
                if _amount(high) < _amount(theirs[0]):  # type: ignore[operator]
                    what = f"{kind}{f', {qualifier}' if qualifier else ''}"
                    yield Hit(role, high.line, f"{_q(role)} asks for {high.text!r} ({what}), less than "
                                               f"{theirs[0].text!r} that {_q(lower)} below it asks for "
                                               f"(line {theirs[0].line})")
                break


def _reading(ctx: LadderContext, role: Role) -> tuple[str, dict[str, float]] | None:
    """(level the text supports, probability per canonical level) from the leveler; None when it gives none."""
    lv = ctx.leveler(role).leveling if ctx.leveler else None
    if lv is None:
        return None
    level = lv.text_level or lv.level
    if level not in RANK:  # the text abstained, or reads as an individual contributor's role
        return None
    return level, {k: float(p) for k, p in lv.scores.items() if k in RANK}


def _beyond(scores: dict[str, float], place: str, direction: int) -> float:
    """Probability that the text is at least ``LINT_LEVEL_MISMATCH_MIN_GAP`` levels above (+1) / below (-1) ``place``."""
    return sum(p for lv, p in scores.items() if direction * (RANK[lv] - RANK[place]) >= T.LINT_LEVEL_MISMATCH_MIN_GAP)


def _judged(ctx: LadderContext, role: Role) -> bool:
    """A management level with enough text of its own; an inheriting level's own text is only what it adds,
    and a page that shows its neighbours' columns holds their text too."""
    return ctx.track[role.id] == "management" and not any(p.resolved_id for p in role.parents) \
        and role.id not in ctx.side_by_side and len(ctx.own(role)) >= T.LINT_LEVEL_MISMATCH_MIN_STATEMENTS


def check_level_mismatch(ctx: LadderContext) -> Iterator[Hit]:
    first = ctx.levels[0]
    read: dict[str, tuple[str, dict[str, float]]] = {}
    for role in (r for r in ctx.levels if _judged(ctx, r)):
        try:
            reading = _reading(ctx, role)
        except Exception as exc:  # noqa: BLE001 - leveling is optional here; the other checks still count
            yield Hit(first, None, f"level check skipped: leveling failed: {type(exc).__name__}: {exc}",
                      "LEVEL_CHECK_SKIPPED", "info")
            return
        if reading and reading[0] in RANK:
            read[role.id] = reading
    for role in ctx.levels:
        if role.id not in read:
            continue
        (text, scores), place = read[role.id], title_level(role.title)
        lower = ctx.by_id.get(ctx.below.get(role.id, ""))
        if place not in RANK and lower is not None and lower.id in read:
            place = read[lower.id][0]  # no level in the title: its text should not read below the level under it
            if RANK[text] < RANK[place] and _beyond(scores, place, -1) >= T.LINT_LEVEL_MISMATCH_MIN_CONFIDENCE:
                yield Hit(role, role.span[0], f"the text of {_q(role)} reads as {LEVEL_NAMES[text]}, lower than the "
                                              f"text of {_q(lower)} below it ({LEVEL_NAMES[place]})")
        elif place in RANK and text != place:
            direction = 1 if RANK[text] > RANK[place] else -1
            p = _beyond(scores, place, direction)
            if p >= T.LINT_LEVEL_MISMATCH_MIN_CONFIDENCE:
                yield Hit(role, role.span[0], f"the text of {_q(role)} reads as {LEVEL_NAMES[text]} ({p:.0%} likely "
                                              f"{T.LINT_LEVEL_MISMATCH_MIN_GAP}+ levels {'above' if direction > 0 else 'below'}"
                                              f" {LEVEL_NAMES[place]}, the level its title names)")


#: The structural checks, in the order they run (``docs/lint.md`` lists each code with an example and a fix;
#: ``default``: in the default set).
STRUCTURE_CHECKS: tuple[Check, ...] = (
    Check("DUPLICATE_TITLE", "warning", "several levels of one ladder share a title", check_duplicate_titles),
    Check("EMPTY_LEVEL", "warning", "a level with no expectations at all", check_empty_levels),
    Check("EMPTY_STEP", "warning", "a level that adds nothing over the level below", check_empty_steps),
    Check("UNEVEN_STEP", "warning", "a step far above or below the ladder's median step", check_uneven_steps,
          default=False),
    Check("COVERAGE_DROP", "warning", "a competency of the level below silently dropped", check_coverage_drops,
          default=False),
    Check("COVERAGE_GAP", "warning", "a competency every other level of the progression covers",
          check_coverage_gaps),
    Check("REQUIREMENT_ORDER", "warning", "a level asking for less than the level below", check_requirement_order),
    Check("LEVEL_MISMATCH", "warning", "text that levels elsewhere than the title places it", check_level_mismatch,
          default=False),
)
register(*STRUCTURE_CHECKS)
