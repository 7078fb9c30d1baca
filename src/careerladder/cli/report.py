"""``careerladder report``: the market report of the job postings in a database."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from ..report import market_report, report_text
from .app import app, console, open_db
from .inspect import TextOrJson


@app.command()
def report(
    db: str = typer.Option("careerladder-out/careerladder.db", "--db", metavar="DB",
                           help="Database: a SQLite path, sqlite:///path or postgresql://user@host/db."),
    format: TextOrJson = typer.Option(TextOrJson.text, "--format", "-f", help="text or json."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", metavar="FILE",
                                       help="Write the report to this file instead of stdout."),
) -> None:
    """Per canonical level: postings, years and team sizes required, top competencies, managing managers,
    budget and board contact, and the title-inflation rate (JSON shape: careerladder.report).

    Exits 2 when the database does not exist, 1 when it holds no role."""
    store = open_db(db)
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
