"""``careerladder level`` and ``careerladder calibrate``."""

from __future__ import annotations

import dataclasses
import json
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer
from rich.table import Table

from .. import thresholds as T
from ..leveling import by_level, calibrate as calibrate_ladders, level_role
from ..vocab import IC_LEVEL_NAMES, LEVEL_NAMES
from .app import FIELDS_HELP, app, console, fail, fields_of, print_diagnostics, read_input, read_roles, resolved
from .inspect import TextOrJson


class TableOrJsonl(str, Enum):
    table = "table"
    jsonl = "jsonl"


def leveling_record(role) -> dict:
    """The JSONL object ``careerladder level`` prints for one role."""
    lv = role.leveling
    return {
        "id": role.id, "source": role.source, "title": role.title, "organization": role.organization,
        "kind": role.kind, "title_level": lv.title_level, "level": lv.level, "text_level": lv.text_level,
        "confidence": lv.confidence, "scores": dict(lv.scores),
        "evidence": [{"text": e.text, "line": e.line, "competency": e.competency, "weight": e.weight,
                      "signal": e.signal} for e in lv.evidence],
        "inflation": lv.inflation, "reason": lv.reason,
    }


@app.command()
def level(
    paths: List[Path] = typer.Argument(..., metavar="PATH...",
                                       help="Role documents (ladder levels or job postings), folders, or - for "
                                            "standard input. A file or - is read as one role even without a title."),
    format: TableOrJsonl = typer.Option(TableOrJsonl.table, "--format", "-f", help="table or jsonl."),
    hide_title: bool = typer.Option(False, "--hide-title", help="Level from the text alone (ignore the titles)."),
    fields: Optional[str] = typer.Option(None, "--fields", metavar="SLOT=FIELD,...", help=FIELDS_HELP),
) -> None:
    """Level every role from what it asks: canonical level, confidence, evidence lines, title inflation."""
    loaded = read_roles(paths, fields=fields_of(fields))
    roles = [level_role(r, use_title=False) for r in loaded.roles] if hide_title else loaded.roles
    if format is TableOrJsonl.jsonl:
        for role in roles:
            console.print(json.dumps(leveling_record(role), ensure_ascii=False), markup=False, soft_wrap=True)
        return
    for role in roles:
        lv = role.leveling
        flag = f"  [{lv.inflation.replace('_', ' ')}]" if lv.inflation else ""
        console.print(f"{role.title or '(no title)'}  ({role.id})", style="bold", markup=False)
        console.print(f"  level {lv.level} ({lv.confidence:.2f})  title says {lv.title_level}, "
                      f"text says {lv.text_level}{flag}"
                      + (f" ({lv.reason})" if lv.reason else ""), markup=False)
        for e in lv.evidence:
            sign = "+" if e.weight > 0 else "-"
            console.print(f"    {sign} L{e.line} [{e.signal}] {e.text[:110]}", markup=False)


@app.command()
def calibrate(
    paths: List[Path] = typer.Argument(..., metavar="PATH...",
                                       help="Career ladders (files or folders), one or several companies."),
    format: TextOrJson = typer.Option(TextOrJson.text, "--format", "-f", help="text (a table) or json."),
    all_levels: bool = typer.Option(False, "--all", help="Also list individual-contributor tracks, on the IC scale "
                                                         "(junior ... distinguished)."),
) -> None:
    """Map each company's ladders (one per track) onto the canonical levels (em ... cto; with --all, IC
    tracks on junior ... distinguished), side by side: one column per company track."""
    loaded = read_input(paths, what="ladder level", kind="ladder_level")
    _, ladders, diags = resolved(loaded)
    print_diagnostics(diags)
    rows = [r for r in calibrate_ladders(ladders) if all_levels or r.scale == "management"]
    if format is TextOrJson.json:
        console.print_json(json.dumps([dataclasses.asdict(r) for r in rows], ensure_ascii=False))
        return
    if not rows:
        raise fail("no management levels found in the input")
    table = Table("ladder", "level", "title says", "calibrated", "confidence")
    for column in table.columns[:2]:
        column.overflow = "fold"  # long ladder names and titles wrap; they are never cut
    for r in rows:
        table.add_row(r.ladder_name, r.title, r.title_level, r.level, f"{r.confidence:.2f}")
    console.print(table)
    tracks = list(dict.fromkeys(r.ladder_name for r in rows))
    if len(tracks) <= T.CALIBRATE_MATRIX_MAX_TRACKS:  # one column per company track
        cross = Table("canonical level", *tracks, title="Across companies")
        for column in cross.columns[1:]:
            column.overflow = "fold"
        for lv, items in by_level(rows).items():
            cross.add_row(LEVEL_NAMES.get(lv) or IC_LEVEL_NAMES.get(lv, lv),
                          *("\n".join(r.title for r in items if r.ladder_name == t) for t in tracks))
    else:  # too many tracks for columns: the levels of each canonical level, by track
        cross = Table("canonical level", "company tracks' levels mapped onto it", title="Across companies")
        cross.columns[1].overflow = "fold"
        for lv, items in by_level(rows).items():
            cross.add_row(LEVEL_NAMES.get(lv) or IC_LEVEL_NAMES.get(lv, lv),
                          "; ".join(f"{r.ladder_name}: {r.title}" for r in items))
    console.print(cross)
