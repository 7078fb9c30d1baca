"""Ladder lint: tell a ladder's authors what is missing, uneven or unclear.

``lint_ladders(ladders, diagnostics)`` runs every check in ``CHECKS`` (in that
order) over each resolved ``Ladder`` and returns ``Finding`` objects, printed
``file:line: CODE message``. Problems that reading and ``resolve`` already
report (``UNRESOLVED_PARENT``, ``UNRESOLVED_LINK``, ``CYCLE``...) are not
detected again: their diagnostics become findings with the severity in
``DIAGNOSTIC_SEVERITY``. Thresholds are the ``LINT_*`` names of
``careerladder.thresholds``. Pure: no I/O (``pipeline.lint_paths`` reads, for the CLI).

Words a lint check uses: a ladder is one *track* (management or individual
contributor) of one company, its levels in the order ``resolve`` found; the
*level below* a level is the one before it in that order; a *step* is a level
and the level below it (the first level has none). Variants (deprecated, draft,
specialisation and duplicate pages) are not levels and are not linted.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Callable, Iterable, Sequence

from .checks import CHECKS, Check
from .context import LadderContext, text_leveler
from .semantic import OPTIONAL, SEMANTIC_CHECKS, cross_ladder_drift
from ..model import Diagnostic, Ladder, Role, Severity

SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
#: Severity in lint of what reading and ``resolve`` report; other diagnostics keep their own.
DIAGNOSTIC_SEVERITY: dict[str, Severity] = {
    "UNRESOLVED_PARENT": "error", "CYCLE": "error", "READ_ERROR": "error", "INTERNAL_ERROR": "error",
    "UNRESOLVED_NEXT": "warning", "UNRESOLVED_LINK": "warning", "AMBIGUOUS_PARENT": "warning",
    "AMBIGUOUS_NEXT": "warning", "AMBIGUOUS_LINK": "warning", "NO_ROLE": "info",
}


@dataclass(frozen=True, slots=True, init=False)
class Finding(Diagnostic):
    """One lint finding: a ``Diagnostic`` (``code``, ``message``, ``source``, ``line``, ``severity``,
    printed by it as ``file:line: CODE message``) and where it belongs.

    ``severity``: ``error`` (the ladder is broken), ``warning`` (authors should
    fix it) or ``info``; ``line``: 1-based source line, ``None`` for a whole
    file; ``ladder_id``/``role_id``: where it belongs (``None`` when the file
    gave no ladder level). Built as ``Finding(code, severity, message, source, line, ladder_id,
    role_id)``, or from a diagnostic with ``Finding.of``.
    """

    ladder_id: str | None = None
    role_id: str | None = None

    def __init__(self, code: str, severity: Severity, message: str, source: str, line: int | None = None,
                 ladder_id: str | None = None, role_id: str | None = None, reason: str | None = None) -> None:
        Diagnostic.__init__(self, code, message, source, line, severity, reason)
        object.__setattr__(self, "ladder_id", ladder_id)  # frozen: as the dataclass __init__ sets fields
        object.__setattr__(self, "role_id", role_id)

    @classmethod
    def of(cls, diagnostic: Diagnostic, severity: Severity | None = None, ladder_id: str | None = None,
           role_id: str | None = None) -> "Finding":
        """``diagnostic`` as a finding of ``ladder_id``/``role_id`` (with another ``severity`` when given)."""
        return cls(diagnostic.code, severity or diagnostic.severity, diagnostic.message, diagnostic.source,
                   diagnostic.line, ladder_id, role_id, diagnostic.reason)


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
        out.append(Finding.of(d, DIAGNOSTIC_SEVERITY.get(d.code, d.severity), hit[1], hit[0].id if hit[0] else None))
    return out


def lint_ladder(ladder: Ladder, checks: Sequence[Check] = CHECKS,
                leveler: Callable[[Role], Role] | None = None) -> list[Finding]:
    """Findings of ``checks`` over one resolved ladder (levels in order, effective expectations set).

    ``leveler``: role -> role with ``leveling`` (default: ``context.text_leveler``). A check that fails is reported as an ``INTERNAL_ERROR`` finding; the others still run.
    """
    if not ladder.roles:
        return []
    ctx = LadderContext(ladder, leveler or text_leveler())
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


#: Every check run on each ladder: ``CHECKS``, then the ones that read meaning (``lint.semantic``).
LADDER_CHECKS: tuple[Check, ...] = CHECKS + SEMANTIC_CHECKS


def lint_ladders(ladders: Sequence[Ladder], diagnostics: Iterable[Diagnostic] = (),
                 enable: Iterable[str] = ()) -> list[Finding]:
    """Every finding for ``ladders`` (from ``resolve``) plus ``diagnostics`` (from ``load``/``resolve``) as findings.

    ``enable``: checks that are off by default to run too (``OPTIONAL``: ``CROSS_LADDER_DRIFT``); an unknown
    code raises ``ValueError``.

    A file that holds no role (``NO_ROLE``: a licence, an index page, a README) is not a finding: there is
    nothing in it for a ladder's authors to fix (the CLI still names it as a skipped file). Sorted by
    file, then line (file-wide findings first), then code.
    """
    enable = {code.upper() for code in enable}
    if enable - set(OPTIONAL):
        raise ValueError(f"not a check that is off by default: {', '.join(sorted(enable - set(OPTIONAL)))} "
                         f"(those are: {', '.join(OPTIONAL)})")
    leveler = text_leveler()
    found = _diagnostic_findings([d for d in diagnostics if d.code != "NO_ROLE"], ladders)
    for ladder in ladders:
        found += lint_ladder(ladder, LADDER_CHECKS, leveler)
    if "CROSS_LADDER_DRIFT" in enable:
        found += [Finding(h.code, h.severity, h.message, h.role.source, h.line, lad.id, h.role.id)
                  for lad, h in cross_ladder_drift(ladders)]
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


__all__ = ["CHECKS", "LADDER_CHECKS", "OPTIONAL", "Check", "DIAGNOSTIC_SEVERITY", "Finding", "counts", "exit_status",
           "finding_data", "lint_ladder", "lint_ladders"]
