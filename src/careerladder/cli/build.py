"""``careerladder build``: the main job."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from .. import thresholds as T
from ..errors import CareerLadderError
from ..pipeline import Analyzer, build as run_build
from ..readers import iter_files
from .app import app, console, err, fail, print_diagnostics


@app.command()
def build(
    paths: Optional[List[Path]] = typer.Argument(
        None, help="Role documents or folders of them (default: the bundled example ladder)."),
    out: Path = typer.Option(Path("careerladder-out"), "--out", "-o", help="Output folder."),
    leveling_model: Optional[Path] = typer.Option(
        None, "--leveling-model", help="A leveling model file (Leveler.save) instead of the shipped one."),
) -> None:
    """Read role documents, build the inheritance-resolved ladder, and write the outputs.

    Writes OUT/careerladder.db (SQLite), OUT/roles.jsonl, OUT/ladders.json,
    OUT/role.schema.json and OUT/summary.md. Exits 1 only when nothing could be read.
    """
    analyzer = analyzer_of(leveling_model)
    total = sum(1 for _ in iter_files(paths or []))
    progress = Progress(TextColumn("reading"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                        TextColumn("{task.description}"), console=err, transient=True,
                        disable=total < T.PROGRESS_MIN_FILES)
    try:
        with progress:
            task = progress.add_task("", total=total or None)

            def step(source: str) -> None:
                progress.update(task, advance=1, description=Path(source).name[:40])

            result = run_build(paths, out, progress=step, analyzer=analyzer)
    except CareerLadderError as exc:
        raise fail(str(exc)) from exc
    print_diagnostics(result.diagnostics)
    levels = [r for r in result.roles if r.kind == "ladder_level"]
    postings = [r for r in result.roles if r.kind == "job_posting"]
    table = Table(title="careerladder build", show_header=False, box=None)
    table.add_row("files read", str(result.loaded.files_read))
    table.add_row("files failed", str(result.loaded.files_failed))
    table.add_row("documents without a role", str(result.loaded.files_skipped))
    table.add_row("roles", f"{len(result.roles)} ({len(levels)} ladder levels, {len(postings)} job postings)")
    table.add_row("ladders", str(len(result.ladders)))
    unresolved = sum(1 for r in levels for p in r.parents if not p.resolved_id)
    table.add_row("unresolved parents", str(unresolved))
    console.print(table)
    console.print("Outputs:", style="bold")
    for name, path in result.outputs.items():
        console.print(f"  {name:9} {path}", markup=False)


def analyzer_of(leveling_model: Path | None) -> Analyzer:
    """The run's ``Analyzer`` (with ``--leveling-model``, that model); a model that cannot be read fails
    with one line naming the file."""
    try:
        return Analyzer(leveling_model=leveling_model)
    except CareerLadderError as exc:
        raise fail(str(exc)) from exc
