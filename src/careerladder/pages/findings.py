"""Ladder lint findings for the ladder overview of the static site and the web app.

``lint_context(cat, diagnostics)`` runs ``careerladder.lint.lint_ladders`` over
the catalog's ladders and groups the findings by ladder, then by severity, each
with what its links need (the level's key and title, a role key for the source
page). ``diagnostics`` are the problems reading and resolving reported
(``pipeline.build`` passes ``BuildResult.diagnostics`` to the static site). The
store does not keep them, so without them (the web app, ``render_site`` on a
database) they are recomputed by resolving the stored ladder levels again: every
reference and cycle problem comes back; problems of reading a file (an
unreadable file, a statement cut at ``MAX_STATEMENT_CHARS``) do not, and the
context says so in ``note``. Framework-free, like ``web.context``.
"""

from __future__ import annotations

from typing import Any, Iterable, Sequence

from .. import thresholds as T
from ..lint import finding_data, lint_ladders
from ..model import Diagnostic
from ..resolve import resolve
from .catalog import Catalog, url_key

#: Severities in the order the overview shows them, with their headings.
SEVERITY_LABELS: dict[str, str] = {"error": "Errors", "warning": "Warnings", "info": "Notes"}
#: Said on pages whose findings were linted from the stored ladders.
STORED_NOTE = ("Linted from the stored ladders: reference and inheritance problems are found again, problems "
               "reading a file (unreadable files, statements cut at the size limit) are not kept in the "
               "database. Run careerladder lint PATH for every finding.")


def stored_diagnostics(cat: Catalog) -> list[Diagnostic]:
    """Resolve's warnings (``UNRESOLVED_PARENT``, ``CYCLE``...) for the stored ladder levels, by resolving
    them again (pure and cheap: only ladder levels, no job postings)."""
    _, _, diagnostics = resolve(list(cat.levels.values()))
    return list(diagnostics)


def _empty(note: str | None = None, available: bool = True) -> dict[str, Any]:
    return {"available": available, "note": note, "origin": None, "counts": {s: 0 for s in SEVERITY_LABELS},
            "ladders": {}}


def ladder_lint_data(findings: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """One ladder's findings (``finding_data`` dicts) grouped by severity: ``counts``, ``total`` and
    ``groups`` (``severity``, ``label``, ``open``, ``findings``), most severe first."""
    groups = []
    for sev, label in SEVERITY_LABELS.items():
        mine = [f for f in findings if f["severity"] == sev]
        if mine:
            groups.append({"severity": sev, "label": label, "open": sev == "error" or len(mine) <= T.LINT_OPEN_MAX,
                           "findings": mine})
    return {"counts": {s: sum(f["severity"] == s for f in findings) for s in SEVERITY_LABELS},
            "total": len(findings), "groups": groups}


def lint_context(cat: Catalog, diagnostics: Iterable[Diagnostic] | None = None) -> dict[str, Any]:
    """Lint findings of every ladder of ``cat``: ``ladders`` maps a ladder id to ``ladder_lint_data``.

    ``diagnostics``: from reading and resolving (None: resolve the stored levels again, see module
    docstring); ``origin`` says which (``build`` or ``stored``). Findings that belong to no ladder
    (a file with no role) are left out: the overview is about ladders. ``available`` is False (with
    a ``note``) when lint fails; the overview still renders.
    """
    origin = "build" if diagnostics is not None else "stored"
    try:
        diags = list(diagnostics) if diagnostics is not None else stored_diagnostics(cat)
        found = lint_ladders(cat.ladders, diags)
    except Exception as exc:  # noqa: BLE001 - a lint bug must not take the overview down
        return _empty(f"Ladder lint failed: {type(exc).__name__}: {exc}", available=False)
    by_source: dict[str, str] = {}
    for ladder in cat.ladders:
        for role in ladder.roles:
            by_source.setdefault(role.source, role.id)
    per_ladder: dict[str, list[dict[str, Any]]] = {}
    for f in found:
        if f.ladder_id is None:
            continue
        data = finding_data(f)
        level = cat.role(f.role_id) if f.role_id else None
        owner = f.role_id if level is not None and level.source == f.source else by_source.get(f.source)
        data["level"] = {"key": url_key(level.id), "title": level.title} if level is not None else None
        data["source_key"] = url_key(owner) if owner else None
        data["file"] = f.source.replace("\\", "/").rsplit("/", 1)[-1]
        per_ladder.setdefault(f.ladder_id, []).append(data)
    out = _empty(STORED_NOTE if origin == "stored" else None)
    out["origin"] = origin
    out["ladders"] = {lid: ladder_lint_data(items) for lid, items in per_ladder.items()}
    for lad in out["ladders"].values():
        for sev, n in lad["counts"].items():
            out["counts"][sev] += n
    return out


def catalog_lint(cat: Catalog) -> dict[str, Any]:
    """``lint_context(cat)`` computed once per catalog (kept in ``cat.memo``; a new catalog, read after
    the database changed, lints again)."""
    if "lint" not in cat.memo:
        cat.memo["lint"] = lint_context(cat)
    return cat.memo["lint"]


__all__ = ["lint_context", "catalog_lint", "ladder_lint_data", "stored_diagnostics", "SEVERITY_LABELS",
           "STORED_NOTE"]
