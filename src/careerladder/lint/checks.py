"""The checks of ladder lint (``careerladder.lint`` runs them): one function per code, each taking a
``LadderContext`` and yielding ``Hit``s; ``CHECKS`` lists them in the order they run. The words
*track*, *level below* and *step* are defined in ``careerladder.lint``."""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median
from typing import Callable, Iterable, Iterator

from rapidfuzz import fuzz, process, utils

from .. import thresholds as T
from .context import RANK, Hit, LadderContext, chain_below
from .words import is_vague
from ..extract.levels import TRACK_SCHEMES, level_code
from ..extract.titles import title_level
from ..model import Requirement, Role, Severity
from ..resolve import title_tokens
from ..vocab import LEVEL_NAMES


def _q(role: Role) -> str:
    return repr(role.title)


def _short(text: str, words: int = 10) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" ..." if len(parts) > words else "")


# ---- the checks, each (LadderContext) -> hits ------------------------------------------------------

def _named_by_code(role: Role) -> bool:
    """True when a level's code names it the way the company names its levels (``IC3``, ``M4``: a track's
    scheme), not only numbers it ("Level 3", "3")."""
    code = level_code(role.heading or role.title, role.source, role.metadata)
    return bool(code and code.scheme in TRACK_SCHEMES)


def check_duplicate_titles(ctx: LadderContext) -> Iterator[Hit]:
    """Levels of one track under one title that no track code tells apart (IC3 and IC4 "Software
    Engineer" are named by their codes; "Level 2" and "Level 3: Senior Engineering Manager" are not)."""
    groups: dict[frozenset[str], list[Role]] = {}
    for r in ctx.levels:
        groups.setdefault(title_tokens(r.title) or frozenset([r.title.lower()]), []).append(r)
    for same in groups.values():
        if len(same) < 2 or (all(_named_by_code(r) for r in same) and len({r.level_code for r in same}) == len(same)):
            continue
        for r in same:
            others = ", ".join(f"{o.heading or o.title} ({o.source.rsplit('/', 1)[-1]}:{o.span[0]})"
                               for o in same if o is not r)
            yield Hit(r, r.span[0], f"{len(same)} levels of this ladder are called {r.title!r} "
                                    f"(also: {others}); give each level its own title")


def check_empty_levels(ctx: LadderContext) -> Iterator[Hit]:
    for r in ctx.levels:
        if not ctx.effective(r):
            yield Hit(r, r.span[0], f"level {_q(r)} states no expectations and inherits none")


def check_empty_steps(ctx: LadderContext) -> Iterator[Hit]:
    for lower, upper in ctx.steps():
        if not ctx.effective(upper):
            continue  # EMPTY_LEVEL says it
        d = ctx.diff(lower, upper)
        if d.added_count == 0 and not d.requirements_added:
            yield Hit(upper, upper.span[0], f"level {_q(upper)} expects nothing that {_q(lower)} below it does not "
                                            f"already expect; say what changes at this level")


def _step_amounts(ctx: LadderContext) -> dict[str, list[tuple[Role, Role, int]]]:
    out: dict[str, list[tuple[Role, Role, int]]] = {}
    for lower, upper in ctx.steps():
        if ctx.effective(upper):
            out.setdefault(ctx.track[upper.id], []).append((lower, upper, ctx.diff(lower, upper).added_count))
    return out


def check_uneven_steps(ctx: LadderContext) -> Iterator[Hit]:
    for steps in _step_amounts(ctx).values():
        if len(steps) < T.LINT_UNEVEN_MIN_STEPS:
            continue
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


def _dropped(ctx: LadderContext, role: Role, competency: str) -> Role | None:
    lower = ctx.by_id.get(ctx.below.get(role.id, ""))
    if lower and ctx.coverage[lower.id][competency] >= T.LINT_COVERAGE_DROP_MIN \
            and not ctx.coverage[role.id][competency]:
        return lower
    return None


def check_coverage_drops(ctx: LadderContext) -> Iterator[Hit]:
    for role in ctx.levels:
        lower = ctx.by_id.get(ctx.below.get(role.id, ""))
        if lower is None or not ctx.effective(role):
            continue
        dropped = [f"{comp} ({n})" for comp, n in sorted(ctx.coverage[lower.id].items()) if _dropped(ctx, role, comp)]
        if dropped:
            yield Hit(role, role.span[0], f"{_q(role)} has no expectation in {', '.join(dropped[:-1])}"
                                          f"{' or ' if len(dropped) > 1 else ''}{dropped[-1]}, which {_q(lower)} "
                                          f"below it expects (count in brackets); say whether the area is dropped")


def check_coverage_gaps(ctx: LadderContext) -> Iterator[Hit]:
    for roles in ctx.tracks().values():
        filled = [r for r in roles if ctx.effective(r)]
        bottoms = set(ctx.below.values()) - set(ctx.below)  # lowest levels of a chain: they grow into the rest
        for role in filled:
            peers = [r for r in filled if r is not role]
            if len(peers) < T.LINT_COVERAGE_MIN_PEERS or role.id in bottoms:
                continue
            shared = set.intersection(*(set(ctx.coverage[p.id]) for p in peers))
            missing = [c for c in sorted(shared - set(ctx.coverage[role.id])) if not _dropped(ctx, role, c)]
            if missing:
                yield Hit(role, role.span[0], f"level {_q(role)} has no expectation in {', '.join(missing)}; all "
                                              f"{len(peers)} other levels of its track have one")


def check_repeats(ctx: LadderContext) -> Iterator[Hit]:
    """A statement a level repeats from a level it inherits (directly or through others): it already
    has it, so saying it again only adds text to keep in step. Levels that do not inherit are not
    compared: a ladder of stand-alone pages restates on purpose."""
    for role in ctx.levels:
        ancestors = [ctx.by_id[a] for a in sorted(ctx.ancestors(role), key=lambda rid: ctx.index.get(rid, 0))]
        mine = [e.statement for e in ctx.own(role) if len(e.statement.text.split()) >= T.LINT_REPEAT_MIN_WORDS]
        if not ancestors or not mine:
            continue
        theirs = [(a, e.statement) for a in ancestors for e in ctx.own(a)
                  if len(e.statement.text.split()) >= T.LINT_REPEAT_MIN_WORDS]
        if not theirs:
            continue
        scores = process.cdist([utils.default_process(st.text) for st in mine],
                               [utils.default_process(st.text) for _, st in theirs],
                               scorer=fuzz.ratio, score_cutoff=T.LINT_REPEAT_SIMILARITY, workers=1)
        for i, j in zip(*scores.nonzero()):
            if any(k < j for k in scores[i].nonzero()[0]):
                continue  # report each repeated statement once, against the first level that says it
            origin, st = theirs[j]
            if _numbers(mine[i].text) != _numbers(st.text):
                continue  # "You made it to Level 2" and "... Level 1": parallel statements, not a repeat
            yield Hit(role, mine[i].line, f"{_short(mine[i].text)!r} is already expected at {_q(origin)} "
                                          f"(line {st.line}), which {_q(role)} inherits; say it once there")


def _numbers(text: str) -> list[str]:
    return [w for w in text.replace(",", " ").split() if any(c.isdigit() for c in w)]


def check_vague_wording(ctx: LadderContext) -> Iterator[Hit]:
    for role in ctx.levels:
        measured = {q.statement_id for q in role.requirements}
        for e in ctx.own(role):
            st = e.statement
            if st.id not in measured and is_vague(st.text, T.LINT_VAGUE_MAX_WORDS):
                yield Hit(role, st.line, f"{_short(st.text)!r} names a quality but no action; say what someone "
                                         f"at this level does and how it shows")


def _asks(role: Role) -> dict[tuple[str, str | None], tuple[Requirement, Requirement]]:
    """(requirement type, qualifier) -> (its smallest and its largest numeric ask), numeric requirements only.

    A level often gives alternatives ("2+ years managing, or 5+ years as an engineer") or nested numbers
    ("7 years, including 2 managing managers") of one kind, so a contradiction needs every ask of the
    higher level below every ask of the lower one.
    """
    out: dict[tuple[str, str | None], tuple[Requirement, Requirement]] = {}
    for q in role.requirements:
        if _amount(q) is None:
            continue
        key = (q.type, q.qualifier)
        low, high = out.get(key, (q, q))
        out[key] = (min(low, q, key=_amount), max(high, q, key=_amount))  # type: ignore[arg-type]
    return out


def _amount(q: Requirement) -> float | None:
    return q.min if q.min is not None else q.max


def check_requirement_order(ctx: LadderContext) -> Iterator[Hit]:
    for role in ctx.levels:
        for (kind, qualifier), (_, high) in sorted(_asks(role).items(), key=lambda kv: kv[1][1].line):
            for lower in chain_below(ctx, role):
                theirs = _asks(lower).get((kind, qualifier))
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
    """A management level with enough text of its own; an inheriting level's own text is only what it adds."""
    return ctx.track[role.id] == "management" and not any(p.resolved_id for p in role.parents) \
        and len(ctx.own(role)) >= T.LINT_LEVEL_MISMATCH_MIN_STATEMENTS


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


@dataclass(frozen=True, slots=True)
class Check:
    """One lint check: its code, default severity, what it looks for, and the function that runs it."""

    code: str
    severity: Severity
    summary: str
    run: Callable[[LadderContext], Iterable[Hit]]


#: Every check, in the order it runs (``docs/lint.md`` lists each code with an example and a fix).
CHECKS: tuple[Check, ...] = (
    Check("DUPLICATE_TITLE", "warning", "several levels of one ladder share a title", check_duplicate_titles),
    Check("EMPTY_LEVEL", "warning", "a level with no expectations at all", check_empty_levels),
    Check("EMPTY_STEP", "warning", "a level that adds nothing over the level below", check_empty_steps),
    Check("UNEVEN_STEP", "warning", "a step far above or below the track's median step", check_uneven_steps),
    Check("COVERAGE_DROP", "warning", "a competency of the level below silently dropped", check_coverage_drops),
    Check("COVERAGE_GAP", "warning", "a competency every other level of the track covers", check_coverage_gaps),
    Check("REPEATED_STATEMENT", "warning", "the same statement at several levels", check_repeats),
    Check("VAGUE_STATEMENT", "warning", "a quality without an action", check_vague_wording),
    Check("REQUIREMENT_ORDER", "warning", "a level asking for less than the level below", check_requirement_order),
    Check("LEVEL_MISMATCH", "warning", "text that levels elsewhere than the title places it", check_level_mismatch),
)
