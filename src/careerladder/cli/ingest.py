"""``careerladder ingest``: stream many job postings into a database (SQLite or PostgreSQL)."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer
from rich.table import Table

from .. import thresholds
from ..errors import CareerLadderError
from ..model import Diagnostic
from ..pipeline import IngestSummary, file_tasks, ingest as run_ingest
from .app import (EXIT_NOTHING, FIELDS_HELP, app, check_paths, console, err, fail, fields_of, plural,
                  print_diagnostics, print_notes, require_extra, skipped_line)
from .build import analyzer_of
from .progress import Reporter


class Engine(str, Enum):
    local = "local"
    dask = "dask"


@app.command()
def ingest(
    paths: List[Path] = typer.Argument(..., metavar="PATH...",
                                       help="Job-posting files or folders (every format the readers know)."),
    db: str = typer.Option("careerladder-out/careerladder.db", "--db", metavar="DB",
                           help="Database: a SQLite path, sqlite:///path or postgresql://user@host/db."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, metavar="N",
                                       help="Worker processes reading and analyzing; with --engine dask and no --scheduler, the local "
                                            "cluster's workers (default: CPU count)."),
    engine: Engine = typer.Option(Engine.local, "--engine",
                                  help="local (worker processes) or dask (a Dask cluster; needs the dask extra)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", metavar="ADDRESS",
                                            help="Dask scheduler address (tcp://host:8786); default: a local cluster."),
    errors: Optional[Path] = typer.Option(None, "--errors", metavar="FILE",
                                          help="Error log, one line per failure, appended to with a header per run "
                                               "(default: careerladder-errors.log beside the database)."),
    force: bool = typer.Option(False, "--force", help="Analyze documents again even when already stored."),
    leveling_model: Optional[Path] = typer.Option(
        None, "--leveling-model", metavar="FILE", help="A leveling model file (Leveler.save) instead of the shipped one; documents "
                                       "stored by another model are analyzed again."),
    fields: Optional[str] = typer.Option(None, "--fields", metavar="SLOT=FIELD,...", help=FIELDS_HELP),
    json_out: bool = typer.Option(False, "--json", help="Print the summary as JSON."),
) -> None:
    """Stream job postings into a database: worker processes read and analyze, one writer stores.

    Resumable: documents already stored with the same content and analysis version are
    skipped; those stored by another version are analyzed again. Documents are keyed as
    `build` keys them, so a built folder can be ingested into the same database; ladder
    levels are resolved with every ladder level already stored. Every failure is one line
    `file: CODE reason` in the error log; files holding no posting (an index, derived data) are
    named as such. A posting that repeats one already stored (the same text, or nearly, with the
    same title) is stored once, with every key it came under. Exits 1 when no document could be read.
    """
    check_paths(paths)
    analyzer = analyzer_of(leveling_model, fields=fields_of(fields))
    total = sum(1 for _ in file_tasks(paths))
    printed: list[Diagnostic] = []

    def show(problem: Diagnostic) -> None:  # the first problems on the terminal too, the rest in the log
        printed.append(problem)
        if len(printed) <= thresholds.CLI_PRINTED_PROBLEMS:
            print_diagnostics([problem])

    try:
        with Reporter("ingest", total or None, quiet_below=2) as progress:
            def step(s: IngestSummary) -> None:
                progress.update(s.files, f"{plural(s.read, 'document')}, {s.documents_per_second:.0f}/s")

            if engine is Engine.dask:
                require_extra("dask", "dask", "distributed", "pyarrow")
                from ..pipeline.distributed import ingest_dask
                summary = ingest_dask(paths, db, scheduler=scheduler, workers=jobs, errors_path=errors,
                                      force=force, progress=step, analyzer=analyzer, on_problem=show)
            else:
                summary = run_ingest(paths, db, jobs=jobs, errors_path=errors, force=force, progress=step,
                                     analyzer=analyzer, on_problem=show, on_note=lambda n: print_notes([n]))
    except CareerLadderError as exc:
        raise fail(str(exc)) from exc
    if len(printed) > thresholds.CLI_PRINTED_PROBLEMS:
        err.print(f"... {len(printed) - thresholds.CLI_PRINTED_PROBLEMS} more in {summary.errors_path}", style="dim",
                  markup=False)
    if not (summary.stored or summary.skipped or any(summary.duplicates.values())):
        skipped = skipped_line([]) if not summary.reasons else \
            f"{sum(summary.reasons.values())} skipped: " + ", ".join(
                f"{n} {r}" for r, n in sorted(summary.reasons.items(), key=lambda kv: -kv[1]))
        raise fail(f"no document could be stored ({skipped or 'no input'}); nothing was written", EXIT_NOTHING)
    if json_out:
        console.print_json(json.dumps(summary.as_dict()))
    else:
        print_summary(summary)


def print_summary(summary: IngestSummary) -> None:
    """The final summary table: read, stored, skipped, failed, and where the error log is."""
    table = Table(title="careerladder ingest", show_header=False, box=None)
    table.add_row("files", f"{summary.files} ({summary.files_failed} could not be read)")
    table.add_row("documents read", str(summary.read))
    table.add_row("stored", f"{summary.stored} ({plural(summary.roles, 'role')})")
    folded = summary.duplicates
    table.add_row("duplicates stored once", f"{sum(folded.values())} ({folded['exact']} exact, {folded['near']} near)")
    table.add_row("skipped (already stored)", str(summary.skipped))
    if summary.reanalyzed:
        table.add_row("analyzed again (stored by another analysis version)", str(summary.reanalyzed))
    if summary.ladder_levels:
        table.add_row("ladder levels resolved", str(summary.ladder_levels))
    table.add_row("without a role", str(summary.no_role))
    if summary.not_postings:
        table.add_row("files that are not postings", str(summary.not_postings))
    table.add_row("failed", str(summary.failed + summary.files_failed))
    if summary.warnings:
        table.add_row("warnings (text cut, nesting clamped)", str(summary.warnings))
    if summary.reasons:
        table.add_row("skipped, by reason", ", ".join(f"{n} {r}" for r, n in
                                                      sorted(summary.reasons.items(), key=lambda kv: -kv[1])))
    table.add_row("time", f"{summary.elapsed:.1f} s, {summary.documents_per_second:.0f} documents/s")
    console.print(table)
    problems = summary.files_failed + summary.failed + summary.no_role + summary.warnings
    if problems:
        console.print(f"{plural(problems, 'problem')}, one per line, in {summary.errors_path}", markup=False)
