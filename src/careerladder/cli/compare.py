"""``careerladder diff``: what one level expects beyond another."""

from __future__ import annotations

import json
from pathlib import Path
from typing import List, Optional

import typer

from ..competencies import BY_ID
from ..diff import LevelDiff, diff_levels
from ..model import Ladder, Role
from ..render.summary import requirement_text
from .app import EXIT_USAGE, app, console, fail, plural, print_diagnostics, read_input, resolved
from .inspect import TextOrJson


def find_role(roles: list[Role], ref: str) -> Role:
    """The role a user names: a role id, a file path (optionally ``#anchor``), or a title (unique)."""
    candidates = [r for r in roles if r.id == ref or r.id.endswith("/" + ref)]
    if not candidates:
        path, _, anchor = ref.partition("#")
        resolved = str(Path(path).resolve())
        candidates = [r for r in roles if str(Path(r.source).resolve()) == resolved
                      and (not anchor or r.id.endswith("#" + anchor))]
    if not candidates:
        candidates = [r for r in roles if r.title.lower() == ref.lower()]
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:
        raise fail(f"{ref}: NOT_FOUND no role with this id, file or title in the input", EXIT_USAGE)
    names = "; ".join(r.id for r in candidates[:5])
    raise fail(f"{ref}: AMBIGUOUS names {len(candidates)} roles ({names}); give an id", EXIT_USAGE)


def load_ladders(refs: list[str], context: Optional[List[Path]]) -> tuple[list[Role], list[Ladder]]:
    """Roles and ladders from ``context`` paths, or from the folders of the files named in ``refs``."""
    paths = list(context or [])
    if not paths:
        for ref in refs:
            p = Path(ref.partition("#")[0])
            if p.exists():
                paths.append(p.parent if p.is_file() else p)
    if not paths:
        raise fail("give the ladder with --in PATH, or name levels by their files", EXIT_USAGE)
    loaded = read_input(list(dict.fromkeys(paths)))
    roles, ladders, diags = resolved(loaded)
    print_diagnostics(diags)
    return roles, ladders


def effective_of(role: Role, ladders: list[Ladder]):
    for lad in ladders:
        if role.id in lad.effective:
            return lad.effective[role.id]
    return ()


def diff_data(d: LevelDiff) -> dict:
    return {
        "a": {"id": d.a.id, "title": d.a.title}, "b": {"id": d.b.id, "title": d.b.title},
        "shared": d.shared, "added_count": d.added_count,
        "added": {comp: [{"text": x.expectation.statement.text, "line": x.expectation.statement.line,
                          "origin_id": x.expectation.origin_id, "origin_title": x.expectation.origin_title,
                          "closest_in_a": x.closest, "closest_score": x.closest_score} for x in items]
                  for comp, items in d.added.items()},
        "coverage_a": d.coverage_a, "coverage_b": d.coverage_b,
        "requirements_added": [{"type": r.type, "text": r.text, "line": r.line, "min": r.min, "max": r.max,
                                "value": r.value, "qualifier": r.qualifier} for r in d.requirements_added],
    }


@app.command()
def diff(
    a: str = typer.Argument(..., metavar="A", help="The lower level: a file (FILE#anchor for multi-role files), "
                                                   "role id or title."),
    b: str = typer.Argument(..., metavar="B", help="The higher level, named the same way."),
    within: Optional[List[Path]] = typer.Option(None, "--in", metavar="PATH",
                                                help="Ladder files or folders (default: the folders of A and B)."),
    format: TextOrJson = typer.Option(TextOrJson.text, "--format", "-f", help="text or json."),
) -> None:
    """What level B expects that level A does not, grouped by competency (inherited expectations included)."""
    roles, ladders = load_ladders([a, b], within)
    role_a, role_b = find_role(roles, a), find_role(roles, b)
    result = diff_levels(role_a, effective_of(role_a, ladders), role_b, effective_of(role_b, ladders))
    if format is TextOrJson.json:
        console.print_json(json.dumps(diff_data(result), ensure_ascii=False))
        return
    console.print(f"{role_b.title} versus {role_a.title}: {plural(result.added_count, 'expectation')} added, "
                  f"{result.shared} shared", style="bold", markup=False)
    for comp, items in result.added.items():
        name = BY_ID[comp].name if comp in BY_ID else comp
        console.print(f"\n{name} (+{len(items)})", style="bold", markup=False)
        for x in items:
            origin = "" if x.expectation.origin_id == role_b.id else f"  [from {x.expectation.origin_title}]"
            console.print(f"  + L{x.expectation.statement.line} {x.expectation.statement.text}{origin}", markup=False)
    if result.requirements_added:
        console.print("\nRequirements added", style="bold")
        for r in result.requirements_added:
            console.print(f"  + L{r.line} {requirement_text(r)}", markup=False)
