"""The rule registry of ladder lint: every code lint can report, which are on by default, and selection.

A *rule* is a ``Check`` (a code, a severity, a summary, the function that finds it and whether it is
in the default set) registered with ``register``, or a problem reading and ``resolve`` report
(``DIAGNOSTIC_SEVERITY``: mapped to a finding, not detected again). The default set holds the
rules whose findings a ladder's authors act on (docs/lint.md gives each rule's measured precision);
the others are opt-in, as in ruff: ``select_codes(select=..., extend=..., ignore=..., every=...)``.

Adding a rule: write ``run(ctx: LadderContext) -> Iterable[Hit]`` in a module of this package,
``register(Check(code, severity, summary, run, default=False))`` at its end, import the module in
``lint/__init__.py``, and add ``tests/fixtures/lint/<rule>/{bad,good}`` and a docs/lint.md entry
(``tests/test_lint.py`` checks both for every registered code). A rule that compares ladders
(several tracks or companies) registers with ``across=True``: its ``run`` takes the sequence of
every ladder's ``LadderContext`` of the run instead of one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Collection, Iterable

from ..model import Severity

#: Severity in lint of what reading and ``resolve`` report; other diagnostics keep their own.
DIAGNOSTIC_SEVERITY: dict[str, Severity] = {
    "UNRESOLVED_PARENT": "error", "CYCLE": "error", "READ_ERROR": "error", "INTERNAL_ERROR": "error",
    "UNRESOLVED_NEXT": "warning", "UNRESOLVED_LINK": "warning", "AMBIGUOUS_PARENT": "warning",
    "AMBIGUOUS_NEXT": "warning", "AMBIGUOUS_LINK": "warning", "NO_ROLE": "info",
}
#: What reading and ``resolve`` report that is not in the default set: a link to a page outside the
#: input may well exist on the site the ladder is published on (lint cannot tell).
OPT_IN_DIAGNOSTICS: frozenset[str] = frozenset({"UNRESOLVED_LINK"})
#: Files reading skipped (a licence, an index page, a table that is not postings): named by the CLI as
#: skipped files, never findings (nothing in them for a ladder's authors to fix).
SKIPPED_FILE_CODES: frozenset[str] = frozenset({"NO_ROLE", "NOT_A_POSTING"})
#: Codes a check reports besides its own (the level check, when leveling cannot run).
EXTRA_CODES: dict[str, str] = {"LEVEL_CHECK_SKIPPED": "LEVEL_MISMATCH"}


@dataclass(frozen=True, slots=True)
class Check:
    """One lint rule: ``code``, default ``severity``, a one-line ``summary``, the function that finds it
    (``run(ctx) -> Iterable[Hit]``; with ``across``, ``run(contexts) -> Iterable[Hit]`` over every
    ladder of the run) and whether it is in the default set (``default``)."""

    code: str
    severity: Severity
    summary: str
    run: Callable[..., Iterable]
    default: bool = True
    across: bool = False


_REGISTRY: dict[str, Check] = {}


def register(*checks: Check) -> None:
    """Add ``checks`` to the registry, in the order they run. Raises ``ValueError`` for a code already
    registered (or one reading reports)."""
    for check in checks:
        if check.code in _REGISTRY or check.code in DIAGNOSTIC_SEVERITY or check.code in EXTRA_CODES:
            raise ValueError(f"lint rule {check.code} is already registered")
        _REGISTRY[check.code] = check


def registered() -> tuple[Check, ...]:
    """Every registered check, in the order they run."""
    return tuple(_REGISTRY.values())


def known_codes() -> frozenset[str]:
    """Every code lint may report: registered checks, mapped diagnostics and the extra codes."""
    return frozenset(_REGISTRY) | frozenset(DIAGNOSTIC_SEVERITY) | frozenset(EXTRA_CODES)


def default_codes() -> frozenset[str]:
    """The codes reported when nothing is selected: default checks and mapped diagnostics not opt-in."""
    checks = {c.code for c in _REGISTRY.values() if c.default}
    extra = {code for code, owner in EXTRA_CODES.items() if owner in checks}
    return frozenset(checks | extra | (set(DIAGNOSTIC_SEVERITY) - OPT_IN_DIAGNOSTICS - SKIPPED_FILE_CODES))


class UnknownRule(ValueError):
    """A selected code that no rule reports."""


def select_codes(select: Collection[str] | None = None, extend: Collection[str] = (), ignore: Collection[str] = (),
                 every: bool = False) -> frozenset[str]:
    """The codes to report: every rule (``every``), else ``select`` (replacing the default set) or the
    default set, plus ``extend``, minus ``ignore``. Codes are case-insensitive. Raises ``UnknownRule``
    naming a selected or extended code no rule reports (ignored codes need not be known: reading may
    report others)."""
    known = known_codes()
    chosen = {c.strip().upper() for c in select or ()}
    extra = {c.strip().upper() for c in extend}
    unknown = sorted((chosen | extra) - known)
    if unknown:
        raise UnknownRule(f"unknown lint rule {', '.join(unknown)} (careerladder lint --list-rules names them)")
    base = set(known) if every else (chosen or set(default_codes()))
    for code, owner in EXTRA_CODES.items():
        if owner in base | extra:
            base.add(code)
    return frozenset((base | extra) - {c.strip().upper() for c in ignore})


def rule_rows() -> list[dict]:
    """Every rule as a row (``code``, ``severity``, ``default``, ``summary``, ``source``: ``check`` or
    ``resolve``), checks first in the order they run; for ``careerladder lint --list-rules``."""
    rows = [{"code": c.code, "severity": c.severity, "default": c.default, "summary": c.summary, "source": "check"}
            for c in _REGISTRY.values()]
    rows += [{"code": code, "severity": "info", "default": EXTRA_CODES[code] in default_codes(),
              "summary": f"{EXTRA_CODES[code]} could not run", "source": "check"} for code in EXTRA_CODES]
    return rows + [{"code": code, "severity": sev, "default": code not in OPT_IN_DIAGNOSTICS,
                    "summary": "reported by reading and resolving", "source": "resolve"}
                   for code, sev in DIAGNOSTIC_SEVERITY.items() if code not in SKIPPED_FILE_CODES]
