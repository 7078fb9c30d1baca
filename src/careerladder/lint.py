"""Ladder lint: tell a ladder's authors what is missing, uneven or unclear.

``lint_ladders(ladders, diagnostics)`` runs every check in ``CHECKS`` (in that
order) over each resolved ``Ladder`` and returns ``Finding`` objects, printed
``file:line: CODE message``. Problems that reading and ``resolve`` already
report (``UNRESOLVED_PARENT``, ``UNRESOLVED_LINK``, ``CYCLE``...) are not
detected again: their diagnostics become findings with the severity in
``DIAGNOSTIC_SEVERITY``. Thresholds are the ``LINT_*`` names of
``careerladder.thresholds``. Pure: no I/O (``lint_paths`` reads, for the CLI).

Words a lint check uses: a *track* is the management or the individual-
contributor levels of a ladder; the *level below* a level is the level it
inherits from, else the level naming it as next level, else its neighbour in
the same document (the one before it when the document's titles go lowest
first, after it when they go highest first; none when they disagree), else the
nearest level of a lower canonical title level
(``careerladder.extract.titles.title_level``); a *step* is a level and the
level below it. Step checks skip levels with no level below.
"""

from __future__ import annotations

import importlib
from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from statistics import median
from typing import Callable, Iterable, Iterator, Sequence

from rapidfuzz import fuzz, process, utils

from . import thresholds as T
from ._lint_words import ic_seniority, is_vague
from .diff import LevelDiff, diff_levels
from .extract.titles import normalize_title, title_level
from .model import Diagnostic, Expectation, Ladder, Role, Severity, Statement
from .resolve import title_tokens
from .vocab import LEVEL_NAMES, LEVELS, normalize

SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
#: Severity in lint of what reading and ``resolve`` report; other diagnostics keep their own.
DIAGNOSTIC_SEVERITY: dict[str, Severity] = {
    "UNRESOLVED_PARENT": "error", "CYCLE": "error", "READ_ERROR": "error", "INTERNAL_ERROR": "error",
    "UNRESOLVED_NEXT": "warning", "UNRESOLVED_LINK": "warning", "AMBIGUOUS_PARENT": "warning",
    "AMBIGUOUS_NEXT": "warning", "AMBIGUOUS_LINK": "warning", "NO_ROLE": "info",
}
_RANK = {level: i for i, level in enumerate(LEVELS)}
_MANAGEMENT_BASE = 10.0  # management levels rank above every IC seniority when ordering one document
_PLAIN_IC = 2.0  # an IC title with no seniority word ("Software Engineer")


@dataclass(frozen=True, slots=True)
class Finding:
    """One lint finding: ``file:line: CODE message``.

    ``severity``: ``error`` (the ladder is broken), ``warning`` (authors should
    fix it) or ``info``; ``line``: 1-based source line, ``None`` for a whole
    file; ``ladder_id``/``role_id``: where it belongs (``None`` when the file
    gave no ladder level).
    """

    code: str
    severity: Severity
    message: str
    source: str
    line: int | None = None
    ladder_id: str | None = None
    role_id: str | None = None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where}: {self.code} {self.message}"


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

    def __init__(self, ladder: Ladder, leveler: Callable[[Role], Role] | None, leveler_problem: str | None):
        self.ladder = ladder
        self.levels = list(ladder.roles)
        self.by_id = {r.id: r for r in self.levels}
        self.index = {r.id: i for i, r in enumerate(self.levels)}
        self.track = {r.id: _track(r, self.by_id) for r in self.levels}
        self.leveler, self.leveler_problem = leveler, leveler_problem
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


def _rank(role: Role) -> int | None:
    return _RANK.get(title_level(role.title))


def _seniority(role: Role) -> float | None:
    """Canonical level rank (management, from 10 up), else IC title seniority; None when the title says nothing."""
    level = title_level(role.title)
    if level in _RANK:
        return _MANAGEMENT_BASE + _RANK[level]
    if level == "ic":
        return ic_seniority(normalize(normalize_title(role.title)).split()) or _PLAIN_IC
    return None


def _document_order(levels: Sequence[Role]) -> dict[str, int]:
    """source -> +1 when its levels go lowest first, -1 when highest first, 0 when the titles disagree or say nothing."""
    docs: dict[str, list[float]] = {}
    for r in sorted(levels, key=lambda r: r.span[0]):
        s = _seniority(r)
        if s is not None:
            docs.setdefault(r.source, []).append(s)
    out = {}
    for source, values in docs.items():
        ups = sum(b > a for a, b in zip(values, values[1:]))
        downs = sum(b < a for a, b in zip(values, values[1:]))
        out[source] = 1 if ups and not downs else -1 if downs and not ups else 0
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
        rank = _rank(role)
        peers = [r for r in ctx.levels if r.id != role.id and ctx.track[r.id] == ctx.track[role.id]]
        direction = order.get(role.source, 0)
        same_doc = [r for r in peers if r.source == role.source and direction * (role.span[0] - r.span[0]) > 0]
        if same_doc:
            below[role.id] = min(same_doc, key=lambda r: abs(role.span[0] - r.span[0])).id
        elif rank is not None:
            lower = [r for r in peers if _rank(r) is not None and _rank(r) < rank]  # type: ignore[operator]
            if lower:
                top = max(_rank(r) for r in lower)  # type: ignore[type-var]
                below[role.id] = [r for r in lower if _rank(r) == top][-1].id
    return below


def _chain_below(ctx: LadderContext, role: Role) -> Iterator[Role]:
    """The levels below ``role``, nearest first (stops at a loop)."""
    seen = {role.id}
    rid = ctx.below.get(role.id)
    while rid and rid not in seen:
        seen.add(rid)
        yield ctx.by_id[rid]
        rid = ctx.below.get(rid)


def _q(role: Role) -> str:
    return repr(role.title)


def _short(text: str, words: int = 10) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" ..." if len(parts) > words else "")


# ---- the checks, each (LadderContext) -> hits ------------------------------------------------------

def check_duplicate_titles(ctx: LadderContext) -> Iterator[Hit]:
    groups: dict[frozenset[str], list[Role]] = {}
    for r in ctx.levels:
        groups.setdefault(title_tokens(r.title) or frozenset([r.title.lower()]), []).append(r)
    for same in groups.values():
        if len(same) < 2:
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
                top = ", ".join(f"{c} +{len(v)}" for c, v in list(ctx.diff(lower, upper).added.items())[:3])
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
        for role in filled:
            peers = [r for r in filled if r is not role]
            if len(peers) < T.LINT_COVERAGE_MIN_PEERS:
                continue
            shared = set.intersection(*(set(ctx.coverage[p.id]) for p in peers))
            missing = [c for c in sorted(shared - set(ctx.coverage[role.id])) if not _dropped(ctx, role, c)]
            if missing:
                yield Hit(role, role.span[0], f"level {_q(role)} has no expectation in {', '.join(missing)}; all "
                                              f"{len(peers)} other levels of its track have one")


def check_repeats(ctx: LadderContext) -> Iterator[Hit]:
    for roles in ctx.progressions():
        items = [(r, e.statement) for r in roles for e in ctx.own(r)
                 if len(e.statement.text.split()) >= T.LINT_REPEAT_MIN_WORDS]
        if len({r.id for r, _ in items}) < T.LINT_REPEAT_MIN_LEVELS:
            continue
        texts = [utils.default_process(st.text) for _, st in items]
        scores = process.cdist(texts, texts, scorer=fuzz.ratio, score_cutoff=T.LINT_REPEAT_SIMILARITY, workers=1)
        group = list(range(len(items)))

        def find(i: int) -> int:
            while group[i] != i:
                group[i] = group[group[i]]
                i = group[i]
            return i

        for i, j in zip(*scores.nonzero()):
            if i < j and items[i][0].id != items[j][0].id:
                group[find(int(i))] = find(int(j))
        clusters: dict[int, list[tuple[Role, Statement]]] = {}
        for i, item in enumerate(items):
            clusters.setdefault(find(i), []).append(item)
        for members in clusters.values():
            first: dict[str, tuple[Role, Statement]] = {}
            for r, st in members:
                first.setdefault(r.id, (r, st))
            if len(first) < T.LINT_REPEAT_MIN_LEVELS:
                continue
            ordered = sorted(first.values(), key=lambda x: ctx.index[x[0].id])
            base_role, base_st = ordered[0]
            for r, st in ordered[1:]:
                yield Hit(r, st.line, f"{_short(st.text)!r} is repeated at {len(ordered)} levels (first at "
                                      f"{_q(base_role)}, line {base_st.line}); state it once at the lowest level "
                                      f"and let higher levels inherit it")


def check_vague_wording(ctx: LadderContext) -> Iterator[Hit]:
    for role in ctx.levels:
        measured = {q.statement_id for q in role.requirements}
        for e in ctx.own(role):
            st = e.statement
            if st.id not in measured and is_vague(st.text, T.LINT_VAGUE_MAX_WORDS):
                yield Hit(role, st.line, f"{_short(st.text)!r} names a quality but no action; say what someone "
                                         f"at this level does and how it shows")


def _asks(role: Role) -> dict[tuple[str, str | None], tuple[float, int]]:
    """(requirement type, qualifier) -> (the largest number asked, its line), numeric requirements only."""
    out: dict[tuple[str, str | None], tuple[float, int]] = {}
    for q in role.requirements:
        value = q.min if q.min is not None else q.max
        if value is not None and (q.type, q.qualifier) not in out or \
                value is not None and value > out[(q.type, q.qualifier)][0]:
            out[(q.type, q.qualifier)] = (value, q.line)
    return out


def check_requirement_order(ctx: LadderContext) -> Iterator[Hit]:
    for role in ctx.levels:
        for (kind, qualifier), (value, line) in sorted(_asks(role).items(), key=lambda kv: kv[1][1]):
            for lower in _chain_below(ctx, role):
                theirs = _asks(lower).get((kind, qualifier))
                if theirs is None:
                    continue
                if value < theirs[0]:
                    what = f"{kind.replace('_', ' ')}{f' ({qualifier})' if qualifier else ''}"
                    yield Hit(role, line, f"{_q(role)} asks for {value:g} {what}, less than the {theirs[0]:g} "
                                          f"that {_q(lower)} below it asks for (line {theirs[1]})")
                break


def _leveling(ctx: LadderContext, role: Role):
    if role.leveling is not None:
        return role.leveling
    return ctx.leveler(role).leveling if ctx.leveler else None


def check_level_mismatch(ctx: LadderContext) -> Iterator[Hit]:
    if ctx.leveler is None:
        first = ctx.levels[0]
        yield Hit(first, None, f"level check skipped: {ctx.leveler_problem}", "LEVEL_CHECK_SKIPPED", "info")
        return
    text_level: dict[str, str] = {}
    for role in ctx.levels:
        lv = _leveling(ctx, role)
        if lv is not None and lv.level in _RANK and lv.confidence >= T.LINT_LEVEL_MISMATCH_MIN_CONFIDENCE:
            text_level[role.id] = lv.level
    for role in ctx.levels:
        said = text_level.get(role.id)
        if said is None:
            continue
        place = title_level(role.title)
        if place in _RANK and abs(_RANK[said] - _RANK[place]) >= T.LINT_LEVEL_MISMATCH_MIN_GAP:
            yield Hit(role, role.span[0], f"the text of {_q(role)} reads as {LEVEL_NAMES[said]}, but its title places "
                                          f"it at {LEVEL_NAMES[place]}")
            continue
        lower = ctx.by_id.get(ctx.below.get(role.id, ""))
        if place not in _RANK and lower is not None and lower.id in text_level \
                and _RANK[text_level[lower.id]] - _RANK[said] >= T.LINT_LEVEL_MISMATCH_MIN_GAP:
            yield Hit(role, role.span[0], f"the text of {_q(role)} reads as {LEVEL_NAMES[said]}, below "
                                          f"{_q(lower)} under it ({LEVEL_NAMES[text_level[lower.id]]})")


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


def _load_leveler() -> tuple[Callable[[Role], Role] | None, str | None]:
    """``careerladder.level.level_role`` when it can be imported (checked at run time), else the reason."""
    try:
        module = importlib.import_module("careerladder.level")
    except ModuleNotFoundError as exc:
        if exc.name == "careerladder.level":
            return None, "careerladder.level (leveling) is not available in this version"
        return None, f"careerladder.level could not be imported: {exc}"
    except Exception as exc:  # noqa: BLE001 - a broken leveler must not stop the lint
        return None, f"careerladder.level could not be imported: {type(exc).__name__}: {exc}"
    fn = getattr(module, "level_role", None)
    return (fn, None) if callable(fn) else (None, "careerladder.level has no level_role")


def _diagnostic_findings(diagnostics: Iterable[Diagnostic], ladders: Sequence[Ladder]) -> list[Finding]:
    spans: dict[str, list[tuple[Role, str]]] = {}
    for lad in ladders:
        for r in lad.roles:
            spans.setdefault(r.source, []).append((r, lad.id))
    out = []
    for d in diagnostics:
        owners = spans.get(d.source, [])
        hit = next(((r, lid) for r, lid in owners if d.line and r.span[0] <= d.line <= r.span[1]),
                   owners[0] if owners else (None, None))
        out.append(Finding(d.code, DIAGNOSTIC_SEVERITY.get(d.code, d.severity), d.message, d.source, d.line,
                           hit[1], hit[0].id if hit[0] else None))
    return out


def lint_ladder(ladder: Ladder, checks: Sequence[Check] = CHECKS, leveler=None, leveler_problem=None) -> list[Finding]:
    """Findings of ``checks`` over one resolved ladder (levels in order, effective expectations set).

    A check that fails is reported as an ``INTERNAL_ERROR`` finding; the others still run.
    """
    if not ladder.roles:
        return []
    ctx = LadderContext(ladder, leveler, leveler_problem)
    out: list[Finding] = []
    for check in checks:
        try:
            for h in check.run(ctx):
                out.append(Finding(h.code or check.code, h.severity or check.severity, h.message, h.role.source,
                                   h.line, ladder.id, h.role.id))
        except Exception as exc:  # noqa: BLE001 - one broken check must not hide the others
            first = ladder.roles[0]
            out.append(Finding("INTERNAL_ERROR", "error", f"check {check.code} failed: {type(exc).__name__}: {exc}",
                               first.source, None, ladder.id, None))
    return out


def lint_ladders(ladders: Sequence[Ladder], diagnostics: Iterable[Diagnostic] = ()) -> list[Finding]:
    """Every finding for ``ladders`` (from ``resolve``) plus ``diagnostics`` (from ``load``/``resolve``) as findings.

    Sorted by file, then line (file-wide findings first), then code.
    """
    leveler, problem = _load_leveler()
    found = _diagnostic_findings(diagnostics, ladders)
    for ladder in ladders:
        found += lint_ladder(ladder, CHECKS, leveler, problem)
    return sorted(found, key=lambda f: (f.source, f.line or 0, f.code, f.message))


def finding_data(f: Finding) -> dict:
    """A finding as a JSON-ready dict (keys: code, severity, message, source, line, ladder_id, role_id)."""
    return {"code": f.code, "severity": f.severity, "message": f.message, "source": f.source, "line": f.line,
            "ladder_id": f.ladder_id, "role_id": f.role_id}


def counts(findings: Iterable[Finding]) -> dict[str, int]:
    """Findings per severity, every severity present (``{"error": 0, "warning": 3, "info": 1}``)."""
    c = Counter(f.severity for f in findings)
    return {s: c.get(s, 0) for s in SEVERITIES}


def exit_status(findings: Iterable[Finding], strict: bool = False) -> int:
    """0 when the ladder passes: 1 when there is an error (or, with ``strict``, a warning)."""
    n = counts(findings)
    return int(n["error"] > 0 or (strict and n["warning"] > 0))


@dataclass
class LintReport:
    """What ``lint_paths`` found: ladders linted, findings, and files read."""

    ladders: list[Ladder]
    findings: list[Finding]
    files_read: int


def lint_paths(paths: Sequence[Path | str]) -> LintReport:
    """Read, resolve and lint the ladders under ``paths`` (files or folders). Bad files become findings."""
    from .pipeline import load
    from .resolve import resolve

    loaded = load(paths)
    _, ladders, diags = resolve(loaded.roles)
    return LintReport(ladders, lint_ladders(ladders, loaded.diagnostics + diags), loaded.files_read)


__all__ = ["CHECKS", "Check", "DIAGNOSTIC_SEVERITY", "Finding", "LintReport", "counts", "exit_status",
           "finding_data", "lint_ladder", "lint_ladders", "lint_paths"]
