"""The typer application and the conventions every command follows (docs/cli.md, "Conventions").

Exit codes: ``EXIT_OK`` (0) the command did its work; ``EXIT_NOTHING`` (1) nothing usable: no
input could be read, no role or ladder was found, the database is empty (``lint --strict`` and
``lint`` also exit 1 on findings, as documented there); ``EXIT_USAGE`` (2) the command line is
wrong: a bad option, a path that does not exist, an id that names no role.

Messages: one line each on stderr. A problem with a file is ``PATH[:LINE]: CODE reason`` (the
``Diagnostic`` format); every file that was skipped is named, and the counts by reason follow.
Nothing is written (no output folder, no database) when nothing could be read.
"""

from __future__ import annotations

import sys
from collections import Counter
from importlib.util import find_spec
from pathlib import Path
from enum import Enum
from typing import Any, Iterable, Optional, Sequence

import typer
import typer.core
from rich.console import Console

from ..errors import CareerLadderError
from ..model import Diagnostic
from ..pipeline import Analyzer, Loaded, load, load_text, merge
from ..readers import FieldMap, parse_fields
from ..store import Store, open_store
from ..version import __version__

EXIT_OK, EXIT_NOTHING, EXIT_USAGE = 0, 1, 2

# Help shows each argument by its metavar (PATH, FILE) and what it is for; typer would add the Python
# annotation ("<list[Path]>"), which says the same thing in the program's words, not the user's.
typer.core.TyperArgument.display_type_rich = lambda self, ctx: None


def _version(value: bool) -> None:
    if value:
        console.print(f"careerladder {__version__}", markup=False)
        raise typer.Exit(EXIT_OK)


app = typer.Typer(
    name="careerladder",
    help="Turn engineering-leadership career ladders and job postings into one calibrated, searchable ladder.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


@app.callback()
def _main(version: Optional[bool] = typer.Option(None, "--version", callback=_version, is_eager=True,
                                                 help="Print the version and exit.")) -> None:
    """Turn engineering-leadership career ladders and job postings into one calibrated, searchable ladder."""


console = Console(highlight=False, soft_wrap=True)
err = Console(stderr=True, highlight=False, soft_wrap=True)


def plural(n: int, word: str, many: str | None = None) -> str:
    """``"1 file"``, ``"2 files"``; ``many`` for irregular plurals (``plural(2, "ladder level")``)."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


def print_diagnostics(diags: Iterable[Diagnostic], *, include_info: bool = True,
                      limit: int | None = None, more: str = "") -> None:
    """One line per problem on stderr (``file:line: CODE message``), errors in red; with ``limit``, the
    first ``limit`` and then ``... N more`` + ``more`` (where the rest is)."""
    shown = [d for d in diags if include_info or d.severity != "info"]
    for d in shown[:limit]:
        style = {"error": "red", "warning": "yellow"}.get(d.severity, "dim")
        err.print(" ".join(str(d).split()), style=style, markup=False)
    if limit is not None and len(shown) > limit:
        err.print(f"... {len(shown) - limit} more{more}", style="dim", markup=False)


def skipped_counts(diags: Iterable[Diagnostic]) -> Counter:
    """Skipped files and documents by reason (``Diagnostic.reason``), most common first."""
    return Counter(d.reason for d in diags if d.reason)


def skipped_line(diags: Iterable[Diagnostic]) -> str | None:
    """``"3 skipped: 2 binary, 1 not a role document"`` (None when nothing was skipped)."""
    counts = skipped_counts(diags)
    if not counts:
        return None
    parts = ", ".join(f"{n} {reason}" for reason, n in counts.most_common())
    return f"{sum(counts.values())} skipped: {parts}"


#: Help of ``--fields`` (ingest, build, inspect, level).
FIELDS_HELP = ("Fields of exported records (JSON, JSON Lines, CSV) when their names are not the common ones: "
               "SLOT=FIELD,... with slots title, company, text, location, date, salary, url, id; FIELD may be "
               "a.b for a nested object, text may be named more than once.")


def fields_of(spec: str | None) -> FieldMap | None:
    """The ``--fields`` option parsed once (None when not given); a bad one exits 2 with one line."""
    if spec is None:
        return None
    try:
        return parse_fields(spec)
    except ValueError as exc:
        raise fail(str(exc), EXIT_USAGE) from exc


def print_notes(notes: Iterable[Diagnostic]) -> None:
    """What reading chose, once per file (``PATH: FIELDS ...``), dim on stderr."""
    for note in notes:
        err.print(" ".join(str(note).split()), style="dim", markup=False)


def fail(message: str, code: int = EXIT_NOTHING) -> "typer.Exit":
    """Print ``error: message`` (one line) and return the Exit to raise."""
    err.print(f"error: {' '.join(message.split())}", style="red", markup=False)
    return typer.Exit(code)


def check_paths(paths: Sequence[Path], *, empty_ok: bool = False) -> None:
    """Exit 2 with ``PATH: NOT_FOUND no such file or folder`` for each path that does not exist, and exit
    1 with ``PATH: NO_INPUT no files in this folder`` for an empty folder (unless ``empty_ok``)."""
    missing = [p for p in paths if str(p) != "-" and not Path(p).exists()]
    for p in missing:
        err.print(f"{p}: NOT_FOUND no such file or folder", style="red", markup=False)
    if missing:
        raise typer.Exit(EXIT_USAGE)
    empty = [p for p in paths if Path(p).is_dir() and not any(f.is_file() for f in Path(p).rglob("*"))]
    for p in empty:
        err.print(f"{p}: NO_INPUT no files in this folder", style="red", markup=False)
    if empty and not empty_ok:
        raise typer.Exit(EXIT_NOTHING)


def nothing_usable(diags: Sequence[Diagnostic], what: str = "role") -> "typer.Exit":
    """Every skipped file named, the counts, then ``error: nothing usable ...``: the Exit (1) to raise."""
    print_diagnostics(diags)
    line = skipped_line(diags)
    return fail(f"no {what} could be read from the input" + (f" ({line})" if line else ""), EXIT_NOTHING)


class Orientation(str, Enum):
    """How a ladder matrix (CSV) holds its levels: ``--orientation``."""

    columns = "columns"
    rows = "rows"


def orientation_option() -> Any:
    """The ``--orientation`` option of the commands that read ladders."""
    return typer.Option(None, "--orientation", help="How a ladder matrix (CSV) holds its levels: columns or "
                                                     "rows (default: detected for each matrix).")


def read_input(paths: Sequence[Path], *, what: str = "role", kind: str | None = None,
               orientation: Optional[Orientation] = None, fields: FieldMap | None = None) -> Loaded:
    """The one way a command reads its input: missing paths exit 2, an empty folder exits 1, every
    skipped file is named with its reason, and nothing usable (no role, or no role of ``kind``)
    exits 1 after naming every file. ``orientation``: ``--orientation`` for ladder matrices;
    ``fields``: the ``--fields`` of the command, and the fields read are said once per file."""
    check_paths(paths)
    loaded = load(paths, analyzer=Analyzer(orientation=orientation.value if orientation else None, fields=fields))
    print_notes(loaded.notes)
    if not any(kind is None or r.kind == kind for r in loaded.roles):
        raise nothing_usable(loaded.diagnostics, what)
    print_diagnostics(loaded.diagnostics)
    return loaded


def resolved(loaded: Loaded) -> tuple[list, list, list]:
    """The ladder step on what ``read_input`` read (the pipeline's own: ``Analyzer.resolve``):
    (roles, ladders, diagnostics)."""
    return Analyzer().resolve(loaded.roles, loaded.pages)


#: How a role read from standard input is named in ids and messages.
STDIN_NAME = "stdin"


def read_roles(paths: Sequence[Path], *, what: str = "role", orientation: Optional[Orientation] = None,
               fields: FieldMap | None = None) -> Loaded:
    """``read_input`` for commands that take a role's text as the user gives it (``inspect``, ``level``,
    ``assess --level FILE``): a file named on the command line, or ``-`` (standard input, at most once),
    is one role whatever its title says (``Analyzer(any_text=True)``: untitled, ``title`` None); a
    folder keeps the "is this a role document?" gate of ``build``. Missing paths exit 2, nothing
    usable exits 1 after naming every skipped file (``NOT_A_POSTING`` for a page listing many roles)."""
    if sum(str(p) == "-" for p in paths) > 1:
        raise fail("standard input ('-') can be given once", EXIT_USAGE)
    check_paths(paths)
    parts = []
    any_text = Analyzer(any_text=True, orientation=orientation.value if orientation else None, fields=fields)
    for p in paths:
        if str(p) == "-":
            text = sys.stdin.read()
            if not text.strip():
                err.print("-: NO_INPUT standard input is empty", style="red", markup=False)
                raise typer.Exit(EXIT_NOTHING)
            parts.append(load_text(text, STDIN_NAME, any_text))
        else:
            folder = Analyzer(orientation=any_text.orientation, fields=fields)
            parts.append(load([p], analyzer=folder if Path(p).is_dir() else any_text))
    loaded = merge(parts)
    print_notes(loaded.notes)
    if not loaded.roles:
        raise nothing_usable(loaded.diagnostics, what)
    print_diagnostics(loaded.diagnostics)
    return loaded


def open_db(db: str | Path, *, readonly: bool = True, need_roles: bool = True) -> Store:
    """The store at ``db``: a SQLite path that does not exist exits 2 (``DB: NOT_FOUND``), one that cannot be
    opened exits 1, and with ``need_roles`` an empty database exits 1 (``DB: NO_INPUT``)."""
    text = str(db)
    if "://" not in text and text != ":memory:" and not Path(text).is_file():
        err.print(f"{text}: NOT_FOUND no such database (run careerladder build or ingest first, or give --db)",
                  style="red", markup=False)
        raise typer.Exit(EXIT_USAGE)
    try:
        store = open_store(text, readonly=readonly)
    except CareerLadderError as exc:
        raise fail(str(exc)) from exc
    if need_roles and not store.counts().get("roles"):
        store.close()
        err.print(f"{text}: NO_INPUT the database holds no roles", style="red", markup=False)
        raise typer.Exit(EXIT_NOTHING)
    return store


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
