"""``careerladder report``: the market report of the job postings in a database."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from ..errors import CareerLadderError
from ..report import market_report, report_text
from ..store import open_store
from .app import app, console, fail
from .inspect import TextOrJson


@app.command()
def report(
    db: str = typer.Option("careerladder-out/careerladder.db", "--db",
                           help="Database: a SQLite path, sqlite:///path or postgresql://user@host/db."),
    format: TextOrJson = typer.Option(TextOrJson.text, "--format", "-f", help="text or json."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Write the report to this file instead of stdout."),
) -> None:
    """Per canonical level: postings, years and team sizes required, top competencies, managing managers,
    budget and board contact, and the title-inflation rate (JSON shape: careerladder.report)."""
    try:
        store = open_store(db, readonly=True)
    except CareerLadderError as exc:
        raise fail(str(exc)) from exc
    try:
        data = market_report(store)
    finally:
        store.close()
    text = json.dumps(data, ensure_ascii=False, indent=1) if format is TextOrJson.json else report_text(data)
    if out:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text + "\n", encoding="utf-8")
        console.print(f"wrote {out}", markup=False)
    elif format is TextOrJson.json:
        console.print_json(text)
    else:
        console.print(text, markup=False)
