"""``careerladder inspect`` and ``careerladder ladder``: look at parsed roles and resolved ladders."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from .. import codec
from ..model import Role, Section, Statement
from ..render.summary import requirement_text
from .app import (EXIT_USAGE, FIELDS_HELP, Orientation, app, console, fail, fields_of, orientation_option, plural,
                  print_diagnostics, read_input, read_roles, resolved)


class TextOrJson(str, Enum):
    text = "text"
    json = "json"


def _statement_lines(st: Statement, indent: int) -> list[str]:
    label = f"[{st.label}] " if st.label else ""
    mark = "↪ " if st.reference else ""
    lines = [f"{' ' * indent}- L{st.line} {mark}{label}{st.text}"]
    for child in st.children:
        lines += _statement_lines(child, indent + 2)
    return lines


def _section_lines(section: Section, indent: int) -> list[str]:
    head = section.heading or "(before the first heading)"
    lines = [f"{' ' * indent}§ {head}  [{section.kind}] L{section.line}"]
    for st in section.statements:
        lines += _statement_lines(st, indent + 2)
    for sub in section.subsections:
        lines += _section_lines(sub, indent + 2)
    return lines


def role_text(role: Role) -> str:
    """A role as indented text: header, requirements, references, then sections and statements."""
    lines = [f"{role.title or '(no title)'}  ({role.kind}, {role.organization or 'organization unknown'})",
             f"  id: {role.id}", f"  source: {role.source} lines {role.span[0]}-{role.span[1]}"]
    if role.leveling:
        lv = role.leveling
        lines.append(f"  level: {lv.level} (confidence {lv.confidence:.2f}; title says {lv.title_level})")
    for req in role.requirements:
        lines.append(f"  requirement L{req.line}: {requirement_text(req)}  «{req.text}»")
    for p in role.parents:
        state = f"-> {p.resolved_id}" if p.resolved_id else "(unresolved)"
        lines.append(f"  inherits L{p.line}: {p.title} {state}")
    if role.next_level:
        n = role.next_level
        lines.append(f"  next level L{n.line}: {n.title} {'-> ' + n.resolved_id if n.resolved_id else '(unresolved)'}")
    for section in role.sections:
        lines += _section_lines(section, 2)
    return "\n".join(lines)


@app.command()
def inspect(
    file: Path = typer.Argument(..., metavar="FILE", help="One role document, or - to read it from standard "
                                "input. Any text is read as one role (a posting pasted without its title too)."),
    format: TextOrJson = typer.Option(TextOrJson.text, "--format", "-f", help="text or json."),
    orientation: Optional[Orientation] = orientation_option(),
    fields: Optional[str] = typer.Option(None, "--fields", metavar="SLOT=FIELD,...", help=FIELDS_HELP),
) -> None:
    """Show how one document parses: roles, sections, statements with source lines, requirements."""
    if file.is_dir():
        raise fail(f"{file}: is a folder; inspect takes one file (use 'careerladder build' for folders)", EXIT_USAGE)
    loaded = read_roles([file], orientation=orientation, fields=fields_of(fields))
    roles, _, diags = resolved(loaded)
    print_diagnostics(diags)
    if format is TextOrJson.json:
        console.print_json(json.dumps([codec.role_data(r) for r in roles], ensure_ascii=False))
    else:
        console.print("\n\n".join(role_text(r) for r in roles), markup=False)


@app.command()
def ladder(
    paths: List[Path] = typer.Argument(..., metavar="PATH...", help="Ladder documents or folders."),
    format: TextOrJson = typer.Option(TextOrJson.text, "--format", "-f", help="text or json."),
    orientation: Optional[Orientation] = orientation_option(),
) -> None:
    """Show each ladder: levels in order, what they inherit, and effective expectations with their origin.

    Exits 1 when the input holds no ladder level."""
    loaded = read_input(paths, what="ladder level", kind="ladder_level", orientation=orientation)
    _, ladders, diags = resolved(loaded)
    print_diagnostics(diags)
    if format is TextOrJson.json:
        console.print_json(json.dumps([codec.ladder_data(l) for l in ladders], ensure_ascii=False))
        return
    by_id = {lad.id: lad for lad in ladders}
    for lad in ladders:
        console.print(f"\nLadder: {lad.name}  ({plural(len(lad.roles), 'level')})", style="bold", markup=False)
        trunk = by_id.get(lad.trunk or "")
        if trunk and trunk.roles:
            console.print(f"  continues from {trunk.name}, after {trunk.roles[-1].title}", markup=False)
        for i, role in enumerate(lad.roles, 1):
            parents = ", ".join(f"{p.title}{'' if p.resolved_id else ' (unresolved)'}" for p in role.parents)
            console.print(f"  {i}. {role.title}" + (f"  ← {parents}" if parents else ""), markup=False)
            current = None
            for e in lad.effective.get(role.id, ()):
                if e.origin_id != current:
                    current = e.origin_id
                    tag = "own" if e.depth == 0 else f"inherited from {e.origin_title}"
                    console.print(f"     [{tag}]", style="dim", markup=False)
                console.print(f"       L{e.statement.line} {e.statement.text}", markup=False)
