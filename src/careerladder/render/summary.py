"""``summary.md``: what a build found, readable without tools."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Sequence

from ..model import Diagnostic, Ladder, Requirement, Role, role_statements
from .markdown import md_escape as esc


def requirement_text(req: Requirement) -> str:
    """A requirement in a few words: "years_experience ≥4 (leadership)", "technology Go"."""
    if req.min is not None or req.max is not None:
        if req.max is None:
            amount = f"≥{req.min:g}"
        elif req.min == req.max:
            amount = f"{req.min:g}"
        else:
            amount = f"{req.min:g}–{req.max:g}"
        text = f"{req.type} {amount}"
    elif req.value and req.value != "yes":
        text = f"{req.type}: {req.value}"
    else:
        text = req.type
    return f"{text} ({req.qualifier})" if req.qualifier else text


def _requirements(role: Role) -> str:
    texts = dict.fromkeys(requirement_text(r) for r in role.requirements)
    return "; ".join(esc(t) for t in texts) or "—"


def _count_statements(role: Role) -> int:
    return sum(1 for _ in role_statements(role))


def write_summary(roles: Sequence[Role], ladders: Sequence[Ladder], diagnostics: Sequence[Diagnostic],
                  paths: Sequence, target: Path, *, files_read: int, files_failed: int, files_skipped: int) -> None:
    """Write ``summary.md`` for a build: ladders with inheritance, postings, warnings and errors.

    ``roles``: resolved roles in input order; ``ladders``/``diagnostics``: what ``resolve`` and
    reading gave; the ``files_*`` counts are of input files."""
    kinds = Counter(r.kind for r in roles)
    lines = [
        "# careerladder build summary", "",
        f"Input: {', '.join(esc(p) for p in paths)}", "",
        f"- files read: {files_read}, failed: {files_failed}, without a role: {files_skipped}",
        f"- roles: {len(roles)} ({kinds.get('ladder_level', 0)} ladder levels, "
        f"{kinds.get('job_posting', 0)} job postings) in {len(ladders)} ladders",
        f"- warnings: {sum(1 for d in diagnostics if d.severity == 'warning')}, "
        f"errors: {sum(1 for d in diagnostics if d.severity == 'error')}",
    ]
    reasons = Counter(d.reason for d in diagnostics if d.reason)
    if reasons:
        lines.append(f"- skipped: {sum(reasons.values())} ("
                     + ", ".join(f"{n} {esc(r)}" for r, n in reasons.most_common()) + "), each named below")
    lines.append("")
    by_id = {r.id: r for r in roles}
    for ladder in ladders:
        lines += [f"## Ladder: {esc(ladder.name)}", "",
                  "| # | Level | Organization | Inherits from | Next level | Own / effective expectations | "
                  "Requirements |",
                  "|---|---|---|---|---|---|---|"]
        for i, role in enumerate(ladder.roles, 1):
            parents = ", ".join(
                esc(by_id[p.resolved_id].title if p.resolved_id in by_id else p.title)
                + ("" if p.resolved_id else " (unresolved)") for p in role.parents) or "—"
            nxt = role.next_level
            nxt_text = "—" if nxt is None else esc(nxt.title) + ("" if nxt.resolved_id else " (unresolved)")
            eff = ladder.effective.get(role.id, ())
            own = sum(1 for e in eff if e.depth == 0)
            level = f" [{role.leveling.level}]" if role.leveling else ""
            lines.append(f"| {i} | {esc(role.title)}{level} | {esc(role.organization or '—')} | {parents} | "
                         f"{nxt_text} | {own} / {len(eff)} | {_requirements(role)} |")
        lines.append("")
    postings = [r for r in roles if r.kind == "job_posting"]
    if postings:
        lines += ["## Job postings", "", "| Role | Organization | Level | Statements | Requirements |",
                  "|---|---|---|---|---|"]
        for role in postings:
            level = role.leveling.level if role.leveling else "—"
            lines.append(f"| {esc(role.title)} | {esc(role.organization or '—')} | {level} | "
                         f"{_count_statements(role)} | {_requirements(role)} |")
        lines.append("")
    problems = [d for d in diagnostics if d.severity in ("error", "warning")]
    if problems:
        lines += ["## Warnings and errors", ""] + [f"- {esc(str(d))}" for d in problems] + [""]
    skipped = [d for d in diagnostics if d.severity == "info"]
    if skipped:
        lines += ["## Documents without a role", ""] + [f"- {esc(str(d))}" for d in skipped] + [""]
    target.write_text("\n".join(lines), encoding="utf-8")
