"""``careerladder build``: the main job."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer
from rich.table import Table

from .. import thresholds as T
from ..errors import CareerLadderError, NoInputError
from ..pipeline import Analyzer, build as run_build
from ..readers import FieldMap, iter_files
from .app import (EXIT_NOTHING, FIELDS_HELP, Orientation, app, check_paths, console, err, fail, fields_of,
                  nothing_usable, orientation_option, plural, print_diagnostics, print_notes, skipped_line)
from .progress import Reporter


def analyzer_of(leveling_model: Path | None, orientation: Optional[Orientation] = None,
                fields: FieldMap | None = None) -> Analyzer:
    """The run's ``Analyzer`` (with ``--leveling-model``, that model; with ``--orientation``, how ladder
    matrices hold their levels; with ``--fields``, those fields); a model that cannot be read fails
    with one line naming the file."""
    try:
        return Analyzer(leveling_model=leveling_model, orientation=orientation.value if orientation else None,
                        fields=fields)
    except CareerLadderError as exc:
        raise fail(str(exc)) from exc


@app.command()
def build(
    paths: Optional[List[Path]] = typer.Argument(
        None, metavar="PATH", help="Role documents or folders of them (default: the bundled example ladder)."),
    out: Path = typer.Option(Path("careerladder-out"), "--out", "-o", metavar="DIR", help="Output folder."),
    leveling_model: Optional[Path] = typer.Option(
        None, "--leveling-model", metavar="FILE", help="A leveling model file (Leveler.save) instead of the shipped one."),
    orientation: Optional[Orientation] = orientation_option(),
    fields: Optional[str] = typer.Option(None, "--fields", metavar="SLOT=FIELD,...", help=FIELDS_HELP),
) -> None:
    """Read role documents, build the inheritance-resolved ladder, and write the outputs.

    Writes OUT/careerladder.db (SQLite), OUT/roles.jsonl, OUT/ladders.json, OUT/role.schema.json,
    OUT/summary.md and the static site OUT/site/ (open OUT/site/index.html). Every file skipped is
    named with its reason. Exits 1 and writes nothing when no file holds a role, 2 when a path does
    not exist.
    """
    check_paths(paths or [])
    analyzer = analyzer_of(leveling_model, orientation, fields_of(fields))
    total = sum(1 for _ in iter_files(paths or []))
    try:
        with Reporter("build", total or None, quiet_below=T.PROGRESS_MIN_FILES) as progress:
            seen = 0

            def step(source: str) -> None:
                nonlocal seen
                seen += 1
                progress.update(seen, Path(source).name[:40])

            result = run_build(paths, out, progress=step, analyzer=analyzer)
    except NoInputError as exc:
        raise nothing_usable(exc.diagnostics) from exc
    except CareerLadderError as exc:
        raise fail(str(exc), EXIT_NOTHING) from exc
    print_notes(result.loaded.notes)
    print_diagnostics(result.diagnostics)
    levels = [r for r in result.roles if r.kind == "ladder_level"]
    postings = [r for r in result.roles if r.kind == "job_posting"]
    table = Table(title="careerladder build", show_header=False, box=None)
    loaded = result.loaded
    table.add_row("files read", str(loaded.files_read))
    table.add_row("files that could not be read", str(loaded.files_failed))
    table.add_row("files without a role", str(loaded.files_skipped))
    table.add_row("roles", f"{len(result.roles)} ({plural(len(levels), 'ladder level')}, "
                           f"{plural(len(postings), 'job posting')})")
    folded = result.duplicates
    if any(folded.values()):
        table.add_row("duplicate postings stored once", f"{sum(folded.values())} ({folded['exact']} exact, "
                                                       f"{folded['near']} near)")
    table.add_row("ladders", str(len(result.ladders)))
    unresolved = sum(1 for r in levels for p in r.parents if not p.resolved_id)
    table.add_row("unresolved parents", str(unresolved))
    console.print(table)
    line = skipped_line(result.diagnostics)
    if line:
        err.print(line, style="dim", markup=False)
    console.print("Outputs:", style="bold")
    for name, path in result.outputs.items():
        console.print(f"  {name:9} {path}", markup=False)
