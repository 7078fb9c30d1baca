"""The typer application and shared console helpers."""

from __future__ import annotations

import sys
from importlib.util import find_spec
from typing import Iterable

import typer
from rich.console import Console

from .. import thresholds as T
from ..model import Diagnostic

app = typer.Typer(
    name="careerladder",
    help="Turn engineering-leadership career ladders and job postings into one calibrated, searchable ladder.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def print_diagnostics(diags: Iterable[Diagnostic], *, include_info: bool = False) -> None:
    """One line per problem on stderr (``file:line: CODE message``), errors in red."""
    shown = [d for d in diags if include_info or d.severity != "info"]
    for d in shown[:T.MAX_PRINTED_DIAGNOSTICS]:
        style = {"error": "red", "warning": "yellow"}.get(d.severity, "dim")
        err.print(str(d), style=style, markup=False)
    if len(shown) > T.MAX_PRINTED_DIAGNOSTICS:
        err.print(f"... {len(shown) - T.MAX_PRINTED_DIAGNOSTICS} more", style="dim")


def fail(message: str, code: int = 1) -> "typer.Exit":
    """Print a one-line error and return the Exit to raise."""
    err.print(f"error: {message}", style="red", markup=False)
    return typer.Exit(code)


def require_extra(extra: str, *modules: str) -> None:
    """Fail (exit 1) with the install line when a third-party module of an optional extra is missing."""
    missing = [m for m in modules if find_spec(m) is None]
    if missing:
        raise fail(f"this needs the '{extra}' extra: pip install 'careerladder[{extra}]' "
                   f"({', '.join(missing)} is missing)")


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except KeyboardInterrupt:
        err.print("interrupted", style="red")
        sys.exit(130)
