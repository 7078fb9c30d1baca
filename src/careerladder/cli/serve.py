"""``careerladder serve``: the local web app over a build's database."""

from __future__ import annotations

from pathlib import Path

import typer

from ..errors import CareerLadderError
from .app import EXIT_USAGE, app, console, err, fail, open_db, require_extra

#: Where ``careerladder build`` writes the database by default.
DEFAULT_DB = Path("careerladder-out") / "careerladder.db"


def allowed_hosts(host: str, port: int) -> list[str] | None:
    """``Host`` headers to accept: the loopback names when bound to loopback, else any (``None``)."""
    from ..web.app import LOOPBACK_HOSTS

    if host in LOOPBACK_HOSTS:
        return [*LOOPBACK_HOSTS, *(f"{h}:{port}" for h in LOOPBACK_HOSTS)]
    return None


@app.command()
def serve(
    db: str = typer.Option(str(DEFAULT_DB), "--db", metavar="DB",
                           help="The database a build or ingest wrote: a SQLite path, sqlite:///path or "
                                "postgresql://user@host/db."),
    host: str = typer.Option("127.0.0.1", "--host", metavar="ADDRESS",
                             help="Address to listen on (loopback only by default)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535, metavar="PORT", help="Port to listen on."),
    allow_write: bool = typer.Option(False, "--allow-write",
                                     help="Let the assessment page store assessments in the database "
                                          "(POST /assess/save, same-origin requests only; loopback addresses "
                                          "only). Off by default: nothing is ever written."),
) -> None:
    """Serve the ladder site from a database, read-only: pages, their JSON twins, the JSON API under /api/
    (OpenAPI schema at /api/openapi.json), charts (SVG, PNG), exports and the assessment page.

    Binds 127.0.0.1 unless told otherwise; the database is opened read-only. With --allow-write, only
    storing an assessment opens it read-write.
    """
    require_extra("web", "fastapi", "uvicorn")
    import uvicorn

    from ..web.app import create_app
    if allow_write and allowed_hosts(host, port) is None:
        raise fail(f"--allow-write needs a loopback address (127.0.0.1, localhost, ::1), not {host}: "
                   "the app has no accounts, so anyone who can reach it could store assessments", EXIT_USAGE)
    open_db(db).close()  # a missing or empty database fails here, with the same words as every command
    try:
        application = create_app(db, allowed_hosts=allowed_hosts(host, port), allow_write=allow_write)
    except CareerLadderError as exc:
        raise fail(str(exc)) from exc
    if allowed_hosts(host, port) is None:
        err.print(f"warning: listening on {host}, reachable from other machines", style="yellow", markup=False)
    mode = "storing assessments" if allow_write else "read-only"
    console.print(f"careerladder: serving {db} ({mode}) at http://{host}:{port}/ (Ctrl-C stops)", markup=False)
    uvicorn.run(application, host=host, port=port, log_level="warning")
