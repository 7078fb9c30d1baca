"""Ladder lint: tell a ladder's authors what is missing, uneven or unclear.

``lint_ladders(ladders, diagnostics, select)`` runs the selected registered checks (``lint.rules``;
the default set when ``select`` is None) over each resolved ``Ladder`` and returns ``Finding``
objects, printed ``file:line: CODE message``. Problems that reading and ``resolve`` already
report (``UNRESOLVED_PARENT``, ``UNRESOLVED_LINK``, ``CYCLE``...) are not detected again: their
diagnostics become findings with the severity in ``DIAGNOSTIC_SEVERITY``. Thresholds are the
``LINT_*`` names of ``careerladder.thresholds``. Pure: no I/O (``pipeline.lint_paths`` reads, for the CLI).

Words a lint check uses: a ladder is one *track* (management or individual contributor) of one
company, its levels in the order ``resolve`` found; which of them are one *step* apart (a level and
the *level below* it) is ``lint.steps``; a *progression* is a chain of steps. Variants
(deprecated, draft, specialisation and duplicate pages) are not levels and are not linted.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Callable, Collection, Iterable, Sequence

from .context import Company, LadderContext, text_leveler
from .rules import DIAGNOSTIC_SEVERITY, SKIPPED_FILE_CODES, Check, default_codes, registered
from ..model import Diagnostic, Ladder, Role, Severity

SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")


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


def _hits(check: Check, run: Callable[[], Iterable], ladder: Ladder, owners: dict[str, str] | None = None) -> list[Finding]:
    """The findings of one check (an ``INTERNAL_ERROR`` finding when it fails: the others still run);
    ``owners``: role id -> ladder id, for a check across ladders (default: every hit is ``ladder``'s)."""
    try:
        return [Finding(h.code or check.code, h.severity or check.severity, h.message, h.role.source, h.line,
                        (owners or {}).get(h.role.id, ladder.id), h.role.id) for h in run()]
    except Exception as exc:  # noqa: BLE001 - one broken check must not hide the others
        return [Finding("INTERNAL_ERROR", "error", f"check {check.code} failed: {type(exc).__name__}: {exc}",
                        ladder.roles[0].source, None, ladder.id, None)]


def lint_ladder(ladder: Ladder, checks: Sequence[Check] | None = None,
                leveler: Callable[[Role], Role] | None = None, company: Company | None = None) -> list[Finding]:
    """Findings of ``checks`` (default: the default set's per-ladder checks; rules across ladders are left
    out) over one resolved ladder (levels in order, effective expectations set).

    ``leveler``: role -> role with ``leveling`` (default: ``context.text_leveler``); ``company``: what the
    company's other tracks tell (``context.Company``; default: this ladder alone). A check that fails is
    reported as an ``INTERNAL_ERROR`` finding; the others still run.
    """
    if not ladder.roles:
        return []
    if checks is None:
        checks = [c for c in registered() if c.default and not c.across]
    ctx = LadderContext(ladder, leveler or text_leveler(), company)
    out: list[Finding] = []
    for check in (c for c in checks if not c.across):  # a rule across ladders needs the whole run
        out += _hits(check, lambda: check.run(ctx), ladder)
    return out


def _company_key(ladder: Ladder) -> str:
    return ladder.folder or ladder.company or ladder.id


def lint_ladders(ladders: Sequence[Ladder], diagnostics: Iterable[Diagnostic] = (),
                 select: Collection[str] | None = None) -> list[Finding]:
    """Every finding for ``ladders`` (from ``resolve``) plus ``diagnostics`` (from ``load``/``resolve``) as
    findings, for the codes in ``select`` (``rules.select_codes``; None: ``rules.default_codes()``).

    A file reading skipped (``NO_ROLE``: a licence, an index page; ``NOT_A_POSTING``) is not a finding:
    there is nothing in it for a ladder's authors to fix (the CLI still names it as a skipped file).
    Diagnostics lint has no rule for (a reader's warning) are kept. Sorted by file, then line
    (file-wide findings first), then code.
    """
    codes = default_codes() if select is None else frozenset(select)
    checks = [c for c in registered() if c.code in codes]
    leveler = text_leveler()
    found = _diagnostic_findings([d for d in diagnostics if d.code not in SKIPPED_FILE_CODES and
                                  (d.code not in DIAGNOSTIC_SEVERITY or d.code in codes)], ladders)
    groups: dict[str, list[Ladder]] = {}
    for ladder in ladders:
        groups.setdefault(_company_key(ladder), []).append(ladder)
    companies = {key: Company.of(group) for key, group in groups.items()}
    contexts = [LadderContext(lad, leveler, companies[_company_key(lad)]) for lad in ladders if lad.roles]
    for ctx in contexts:
        for check in (c for c in checks if not c.across):
            found += _hits(check, lambda: check.run(ctx), ctx.ladder)
    owners = {r.id: ctx.ladder.id for ctx in contexts for r in ctx.levels}
    for check in (c for c in checks if c.across):
        if contexts:
            found += _hits(check, lambda: check.run(contexts), contexts[0].ladder, owners)
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


__all__ = ["DIAGNOSTIC_SEVERITY", "Finding", "counts", "exit_status", "finding_data", "lint_ladder",
           "lint_ladders"]
