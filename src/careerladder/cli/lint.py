"""``careerladder lint``: what a ladder's authors should fix, one finding per line, with a CI exit status."""

from __future__ import annotations

import json
from pathlib import Path
from typing import List, Optional

import typer

from ..lint import UnknownRule, counts, exit_status, finding_data, rule_rows, select_codes
from ..pipeline import Analyzer, lint_paths
from .app import (EXIT_USAGE, Orientation, app, check_paths, console, err, nothing_usable, orientation_option,
                  plural, print_diagnostics, skipped_line)
from .inspect import TextOrJson

_STYLE = {"error": "red", "warning": "yellow", "info": "dim"}


def _print_rules(format: TextOrJson) -> None:
    rows = rule_rows()
    if format is TextOrJson.json:
        console.print_json(json.dumps({"rules": rows}))
        return
    for r in rows:
        console.print(f"{r['code']:<20} {r['severity']:<8} {'default' if r['default'] else 'opt-in ':<8} "
                      f"{r['summary']}", markup=False)


@app.command()
def lint(
    paths: Optional[List[Path]] = typer.Argument(None, metavar="PATH...", help="Ladder files or folders of them."),
    format: TextOrJson = typer.Option(TextOrJson.text, "--format", "-f", help="text (file:line: CODE message) or json."),
    strict: bool = typer.Option(False, "--strict", help="Fail (exit 1) on warnings too, not only on errors."),
    select: Optional[List[str]] = typer.Option(None, "--select", metavar="CODE",
                                               help="Report only these codes instead of the default set (repeatable)."),
    extend_select: Optional[List[str]] = typer.Option(None, "--extend-select", metavar="CODE",
                                                      help="Report these codes too, beside the default set "
                                                           "(repeatable)."),
    every: bool = typer.Option(False, "--all", help="Report every rule, the opt-in ones too."),
    ignore: Optional[List[str]] = typer.Option(None, "--ignore", metavar="CODE",
                                               help="A finding code to leave out (repeatable)."),
    list_rules: bool = typer.Option(False, "--list-rules", help="List every rule (default or opt-in) and exit."),
    orientation: Optional[Orientation] = orientation_option(),
) -> None:
    """Check career ladders for what is missing, uneven or unclear (see docs/lint.md for every code).

    Reports the default set of rules (those whose findings authors act on); --select, --extend-select
    and --all choose others. Exits 1 when there is an error (or, with --strict, a warning) or when
    the input holds no ladder level, 2 when a path does not exist or a selected code is unknown, else 0.
    """
    if list_rules:
        _print_rules(format)
        return
    if not paths:
        err.print("lint: give at least one PATH (or --list-rules)", style="red", markup=False)
        raise typer.Exit(EXIT_USAGE)
    try:
        codes = select_codes(select, extend_select or (), ignore or (), every)
    except UnknownRule as exc:
        err.print(f"lint: {exc}", style="red", markup=False)
        raise typer.Exit(EXIT_USAGE) from None
    check_paths(paths)
    report = lint_paths(paths, Analyzer(orientation=orientation.value if orientation else None), codes)
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
            "rules": sorted(codes), "counts": n, "findings": [finding_data(f) for f in findings],
        }, ensure_ascii=False))
    else:
        for f in findings:
            console.print(str(f), style=_STYLE.get(f.severity), markup=False)
        err.print(f"{plural(n['error'], 'error')}, {plural(n['warning'], 'warning')}, {n['info']} info in "
                  f"{plural(len(report.ladders), 'ladder')} ({plural(report.files_read, 'file')})",
                  style="dim", markup=False)
    raise typer.Exit(exit_status(findings, strict))
