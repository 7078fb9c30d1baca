"""``careerladder lint``: what a ladder's authors should fix, one finding per line, with a CI exit status."""

from __future__ import annotations

import json
from pathlib import Path
from typing import List, Optional

import typer

from ..lint import OPTIONAL, counts, exit_status, finding_data
from ..pipeline import Analyzer, lint_paths
from .app import (Orientation, app, check_paths, console, err, nothing_usable, orientation_option, plural,
                  print_diagnostics, skipped_line)
from .inspect import TextOrJson

_STYLE = {"error": "red", "warning": "yellow", "info": "dim"}


@app.command()
def lint(
    paths: List[Path] = typer.Argument(..., metavar="PATH...", help="Ladder files or folders of them."),
    format: TextOrJson = typer.Option(TextOrJson.text, "--format", "-f", help="text (file:line: CODE message) or json."),
    strict: bool = typer.Option(False, "--strict", help="Fail (exit 1) on warnings too, not only on errors."),
    ignore: Optional[List[str]] = typer.Option(None, "--ignore", metavar="CODE",
                                               help="A finding code to leave out (repeatable)."),
    enable: Optional[List[str]] = typer.Option(None, "--enable", metavar="CODE",
                                               help=f"A check that is off by default to run too (repeatable): "
                                                    f"{', '.join(OPTIONAL)}."),
    orientation: Optional[Orientation] = orientation_option(),
) -> None:
    """Check career ladders for what is missing, uneven or unclear (see docs/lint.md for every code).

    Exits 1 when there is an error (or, with --strict, a warning) or when the input holds no ladder
    level, 2 when a path does not exist, else 0.
    """
    check_paths(paths)
    unknown = sorted({c.upper() for c in enable or ()} - set(OPTIONAL))
    if unknown:
        raise typer.BadParameter(f"{', '.join(unknown)} is not a check that is off by default "
                                 f"({', '.join(OPTIONAL)})", param_hint="--enable")
    report = lint_paths(paths, Analyzer(orientation=orientation.value if orientation else None), enable or ())
    if not report.ladders:
        raise nothing_usable(report.diagnostics, "ladder level")
    print_diagnostics([d for d in report.diagnostics if d.code == "NO_ROLE"])  # skipped files: named, not findings
    line = skipped_line(report.diagnostics)
    if line:
        err.print(line, style="dim", markup=False)
    skip = {code.upper() for code in ignore or ()}
    findings = [f for f in report.findings if f.code not in skip]
    n = counts(findings)
    if format is TextOrJson.json:
        console.print_json(json.dumps({
            "ladders": [{"id": lad.id, "name": lad.name, "levels": len(lad.roles)} for lad in report.ladders],
            "counts": n, "findings": [finding_data(f) for f in findings],
        }, ensure_ascii=False))
    else:
        for f in findings:
            console.print(str(f), style=_STYLE.get(f.severity), markup=False)
        err.print(f"{plural(n['error'], 'error')}, {plural(n['warning'], 'warning')}, {n['info']} info in "
                  f"{plural(len(report.ladders), 'ladder')} ({plural(report.files_read, 'file')})",
                  style="dim", markup=False)
    raise typer.Exit(exit_status(findings, strict))
