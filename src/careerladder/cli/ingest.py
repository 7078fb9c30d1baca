"""``careerladder ingest``: stream many job postings into a database (SQLite or PostgreSQL)."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from ..errors import CareerLadderError
from ..pipeline import IngestSummary, file_tasks, ingest as run_ingest
from .app import app, console, err, fail, require_extra
from .build import analyzer_of


class Engine(str, Enum):
    local = "local"
    dask = "dask"


@app.command()
def ingest(
    paths: List[Path] = typer.Argument(..., help="Job-posting files or folders (every format the readers know)."),
    db: str = typer.Option("careerladder-out/careerladder.db", "--db",
                           help="Database: a SQLite path, sqlite:///path or postgresql://user@host/db."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1,
                                       help="Worker processes reading and analyzing; with --engine dask and no --scheduler, the local "
                                            "cluster's workers (default: CPU count)."),
    engine: Engine = typer.Option(Engine.local, "--engine",
                                  help="local (worker processes) or dask (a Dask cluster; needs the dask extra)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler",
                                            help="Dask scheduler address (tcp://host:8786); default: a local cluster."),
    errors: Optional[Path] = typer.Option(None, "--errors",
                                          help="Error log, one line per failure (default: beside the database)."),
    force: bool = typer.Option(False, "--force", help="Analyze documents again even when already stored."),
    leveling_model: Optional[Path] = typer.Option(
        None, "--leveling-model", help="A leveling model file (Leveler.save) instead of the shipped one; documents "
                                       "stored by another model are analyzed again."),
    json_out: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Stream job postings into a database: worker processes read and analyze, one writer stores.

    Resumable: documents already stored with the same content and analysis version are
    skipped; those stored by another version are analyzed again. Documents are keyed as
    `build` keys them, so a built folder can be ingested into the same database; ladder
    levels are resolved with every ladder level already stored. Every failure is one line
    `file: CODE reason` in the error log. Exits 1 when no document could be read.
    """
    analyzer = analyzer_of(leveling_model)
    total = sum(1 for _ in file_tasks(paths))
    bar = Progress(TextColumn("ingest"), BarColumn(), MofNCompleteColumn(), TextColumn("files"),
                   TextColumn("{task.fields[docs]} documents, {task.fields[rate]:.0f}/s"), TimeElapsedColumn(),
                   console=err, transient=True, disable=total < 2)
    try:
        with bar:
            task = bar.add_task("", total=total or None, docs=0, rate=0.0)

            def step(summary: IngestSummary) -> None:
                bar.update(task, completed=summary.files, docs=summary.read, rate=summary.documents_per_second)

            if engine is Engine.dask:
                require_extra("dask", "dask", "distributed", "pyarrow")
                from ..pipeline.distributed import ingest_dask
                summary = ingest_dask(paths, db, scheduler=scheduler, workers=jobs, errors_path=errors,
                                      force=force, progress=step, analyzer=analyzer)
            else:
                summary = run_ingest(paths, db, jobs=jobs, errors_path=errors, force=force, progress=step,
                                     analyzer=analyzer)
    except CareerLadderError as exc:
        raise fail(str(exc)) from exc
    if json_out:
        console.print_json(json.dumps(summary.as_dict()))
    else:
        print_summary(summary)
    if summary.read == 0 and summary.files:
        raise typer.Exit(1)


def print_summary(summary: IngestSummary) -> None:
    """The final summary table: read, stored, skipped, failed, and where the error log is."""
    table = Table(title="careerladder ingest", show_header=False, box=None)
    table.add_row("files", f"{summary.files} ({summary.files_failed} could not be read)")
    table.add_row("documents read", str(summary.read))
    table.add_row("stored", f"{summary.stored} ({summary.roles} roles)")
    table.add_row("skipped (already stored)", str(summary.skipped))
    if summary.reanalyzed:
        table.add_row("analyzed again (stored by another analysis version)", str(summary.reanalyzed))
    if summary.ladder_levels:
        table.add_row("ladder levels resolved", str(summary.ladder_levels))
    table.add_row("without a role", str(summary.no_role))
    table.add_row("failed", str(summary.failed + summary.files_failed))
    if summary.warnings:
        table.add_row("warnings (text cut, nesting clamped)", str(summary.warnings))
    table.add_row("time", f"{summary.elapsed:.1f} s, {summary.documents_per_second:.0f} documents/s")
    console.print(table)
    problems = summary.files_failed + summary.failed + summary.no_role + summary.warnings
    if problems:
        console.print(f"{problems} problems, one per line, in {summary.errors_path}", markup=False)
