"""``careerladder search``: statements of a database matching words, or meaning (``--semantic``)."""

from __future__ import annotations

import json
from typing import Optional

import typer

from .. import thresholds as T
from ..errors import CareerLadderError
from ..store.base import MARK_END, MARK_START
from .app import app, console, fail, open_db
from .inspect import TextOrJson


@app.command()
def search(
    query: str = typer.Argument(..., metavar="QUERY", help="Words to find (all of them; the last one as a prefix)."),
    db: str = typer.Option("careerladder-out/careerladder.db", "--db", metavar="DB",
                           help="Database: a SQLite path, sqlite:///path or postgresql://user@host/db."),
    semantic: bool = typer.Option(False, "--semantic",
                                  help="Rank by words and meaning together (hybrid: full-text and statement "
                                       "embeddings), so other words for the same thing are found too."),
    level: Optional[str] = typer.Option(None, "--level", metavar="LEVEL", help="Only this canonical level (em, "
                                                                               "director, vp, ...)."),
    competency: Optional[str] = typer.Option(None, "--competency", metavar="ID", help="Only this competency."),
    organization: Optional[str] = typer.Option(None, "--organization", metavar="NAME", help="Only this organization."),
    kind: Optional[str] = typer.Option(None, "--kind", metavar="KIND", help="ladder_level or job_posting."),
    limit: int = typer.Option(T.SEARCH_RESULTS // 5, "--limit", "-n", min=1, max=T.SEARCH_RESULTS,
                              help="Most statements shown."),
    format: TextOrJson = typer.Option(TextOrJson.text, "--format", "-f", help="text or json."),
) -> None:
    """Statements of the database matching QUERY, best first, with their role and line.

    With --semantic each hit also shows its similarity (cosine, -1 to 1) to the query by meaning. A
    database stored before embeddings gets its vectors when a command first opens it for writing
    (migration 6; ingest or build say so). Exits 2 when the database does not exist, 1 when nothing matches."""
    store = open_db(db, readonly=not semantic)
    try:
        for note in getattr(store, "notes", ()):
            console.print(note, markup=False)
        filters = {"level": level, "competency": competency, "organization": organization, "kind": kind}
        try:
            hits = store.hybrid_search(query, limit=limit, **filters) if semantic else \
                store.search(query, limit=limit, **filters)
        except CareerLadderError as exc:
            raise fail(str(exc)) from exc
    finally:
        store.close()
    if format is TextOrJson.json:
        console.print_json(json.dumps({"query": query, "semantic": semantic, "count": len(hits), "results": [
            {"statement_id": h.statement_id, "role_id": h.role_id, "title": h.title, "organization": h.organization,
             "level": h.level, "kind": h.kind, "line": h.line, "text": h.text, "competency": h.competency,
             "similarity": h.similarity} for h in hits]}, ensure_ascii=False))
    else:
        for n, h in enumerate(hits, 1):
            where = " · ".join(x for x in (h.title, h.organization, h.level) if x)
            score = f" ({h.similarity:.2f})" if h.similarity is not None else ""
            console.print(f"{n:>3}. {where}  L{h.line}{score}", style="bold", markup=False)
            console.print("     " + h.snippet.replace(MARK_START, "").replace(MARK_END, ""), markup=False)
    if not hits:
        how = "" if semantic else " (try --semantic for other words with the same meaning)"
        console.print(f"no statement matches {query!r}{how}", markup=False)
        raise typer.Exit(1)
