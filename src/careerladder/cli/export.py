"""``careerladder export``: roles, ladders, statements and job-posting drafts from a build's database."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from ..errors import CareerLadderError
from ..render import charts, export as exports, ladder_file
from .app import EXIT_USAGE, app, err, fail, open_db
from .serve import DEFAULT_DB


class What(str, Enum):
    roles = "roles"
    ladders = "ladders"
    ladder = "ladder"
    statements = "statements"
    role = "role"
    posting = "posting"
    radar = "radar"
    matrix = "matrix"


#: Formats each kind of export accepts; the first is the default.
FORMATS = {
    What.roles: ("json", "jsonl"), What.ladders: ("json", "md"), What.ladder: ("yaml", "csv"),
    What.statements: ("csv",),
    What.role: ("md", "json"), What.posting: ("md", "jsonld"), What.radar: ("svg", "png"),
    What.matrix: ("svg", "png"),
}


def _find(cat, ref: str, *, ladder: bool = False):
    """A role (or ladder) named by id, URL key or title (case-insensitive, unique)."""
    from ..pages.catalog import role_id_of

    if ladder:
        found = [l for l in cat.ladders if ref in (l.id, l.name) or l.name.lower() == ref.lower()]
    else:
        rid = role_id_of(ref)
        role = cat.role(ref) or (cat.role(rid) if rid else None)
        found = [role] if role else [r for r in cat.all_roles() if r.title.lower() == ref.lower()]
    if len(found) != 1:
        what = "ladder" if ladder else "role"
        if not found:
            raise fail(f"{ref}: NOT_FOUND no {what} matches; give an id", EXIT_USAGE)
        raise fail(f"{ref}: AMBIGUOUS {len(found)} {what}s match; give an id", EXIT_USAGE)
    return found[0]


def render_export(cat, what: What, fmt: str, ref: Optional[str]) -> str | bytes:
    """The text (or PNG bytes) of one export from a catalog."""
    from .. import codec

    if what is What.roles:
        data = cat.store.roles()
        return exports.roles_json(data) if fmt == "json" else exports.roles_jsonl(data)
    if what is What.ladders:
        if fmt == "md":
            return "\n".join(exports.ladder_markdown(l) for l in cat.ladders)
        return exports.ladders_json(cat.store.ladders())
    if what is What.statements:
        return exports.statements_csv(cat.roles())
    if what is What.ladder:
        chosen = ladder_file.select(cat.ladders, ref or "")
        if not chosen:
            raise fail(f"{ref}: NOT_FOUND no ladder id, ladder name or company matches; stored ladders: "
                       f"{', '.join(lad.id for lad in cat.ladders) or 'none'}", EXIT_USAGE)
        return ladder_file.ladder_yaml(chosen) if fmt == "yaml" else ladder_file.ladder_csv(chosen)
    if what is What.matrix:
        from ..pages.context import coverage_data
        lad = _find(cat, ref, ladder=True)
        svg = charts.matrix_svg([(r.title, coverage_data(cat.effective(r))) for r in lad.roles],
                                title=f"{lad.name}: expectations per competency")
        return charts.svg_to_png(svg) if fmt == "png" else svg
    role = _find(cat, ref)
    if what is What.role:
        if fmt == "json":
            return exports.roles_json([codec.role_data(role, cat.effective(role))])
        return exports.role_markdown(role, cat.effective(role))
    if what is What.radar:
        from ..pages.context import coverage_data
        svg = charts.radar_svg([(role.title, coverage_data(cat.effective(role)))], title=role.title)
        return charts.svg_to_png(svg) if fmt == "png" else svg
    draft = exports.posting_draft(role, cat.effective(role))
    return draft.markdown if fmt == "md" else exports.jsonld_text(draft.jsonld) + "\n"


@app.command("export")
def export_command(
    what: What = typer.Argument(..., help="roles, ladders, ladder (for editing: YAML or a CSV matrix), statements "
                                          "(CSV), role, posting (job-posting draft), radar or matrix (charts)."),
    ref: Optional[str] = typer.Argument(None, metavar="[REF]", help="For role, posting and radar: a role id or "
                                                                    "title; for matrix: a ladder id or name; for "
                                                                    "ladder: a ladder id or name (with the trunk it "
                                                                    "forks from) or a company (all its tracks)."),
    db: str = typer.Option(str(DEFAULT_DB), "--db", metavar="DB",
                           help="The database a build or ingest wrote (a SQLite path or postgresql:// URL)."),
    format: Optional[str] = typer.Option(None, "--format", "-f", help="json, jsonl, yaml, csv, md, jsonld, svg or "
                                                                      "png (default: the first one WHAT accepts)."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", metavar="FILE",
                                       help="Write to this file instead of standard output."),
) -> None:
    """Export from a build's database: roles (json, jsonl), ladders (json, md), a ladder to edit and read back
    (yaml: the ladder schema; csv: a matrix, levels as columns, for a spreadsheet), statements (csv, one row
    per statement), a role (md, json), a level as a job-posting draft (md, jsonld: schema.org JobPosting), or
    a chart (svg, png)."""
    fmt = format or FORMATS[what][0]
    if fmt not in FORMATS[what]:
        raise fail(f"{what.value} exports as {', '.join(FORMATS[what])}, not {fmt}", EXIT_USAGE)
    if what in (What.role, What.posting, What.radar, What.matrix, What.ladder) and not ref:
        raise fail(f"export {what.value} needs a REF naming the "
                   f"{'ladder' if what in (What.matrix, What.ladder) else 'role'}",
                   EXIT_USAGE)
    from ..pages.catalog import Catalog

    store = open_db(db)
    try:
        body = render_export(Catalog.load(store), what, fmt, ref)
    except CareerLadderError as exc:
        raise fail(str(exc)) from exc
    finally:
        store.close()
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(body if isinstance(body, bytes) else body.encode("utf-8"))
        err.print(f"wrote {out}", style="dim", markup=False)
    elif isinstance(body, bytes):
        raise fail(f"{fmt} is binary: give --out FILE", EXIT_USAGE)
    else:
        typer.echo(body, nl=False)
