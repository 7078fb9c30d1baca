"""``careerladder diff``: what one level expects beyond another."""

from __future__ import annotations

import json
from pathlib import Path
from typing import List, Optional

import typer

from ..competencies import BY_ID
from ..diff import Alignment, LevelDiff, align, diff_levels
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


def ladder_of(role: Role, ladders: list[Ladder]) -> Ladder | None:
    return next((lad for lad in ladders if role.id in lad.effective), None)


def alignment_data(al: Alignment) -> dict:
    def side(e):
        return None if e is None else {"id": e.statement.id, "line": e.statement.line, "text": e.statement.text}
    return {"counts": al.counts(), "rows": [
        {"kind": r.kind, "a": side(r.a), "b": side(r.b), "similarity": r.similarity, "meaning": r.meaning,
         "competency": r.competency, "closest": side(r.closest)} for r in al.rows]}


def print_alignment(al: Alignment, a: Role, b: Role) -> None:
    c = al.counts()
    console.print(f"{a.title} and {b.title}: {c['same']} same, {c['similar']} similar, {c['only_a']} only in "
                  f"{a.title}, {c['only_b']} only in {b.title}", style="bold", markup=False)
    names = {"same": "same", "similar": "similar", "only_a": f"only in {a.title}", "only_b": f"only in {b.title}"}
    for kind in ("same", "similar", "only_a", "only_b"):
        rows = al.of(kind)
        if rows:
            console.print(f"\n{names[kind].capitalize()} ({len(rows)})", style="bold", markup=False)
        for r in rows:
            score = f"{r.similarity:.2f} " if kind in ("same", "similar") else ""
            left = f"L{r.a.statement.line} {r.a.statement.text}" if r.a else ""
            right = f"L{r.b.statement.line} {r.b.statement.text}" if r.b else ""
            console.print(f"  {score}{left}{'  <->  ' if r.a and r.b else ''}{right}", markup=False)


def diff_data(d: LevelDiff) -> dict:
    return {
        "a": {"id": d.a.id, "title": d.a.title}, "b": {"id": d.b.id, "title": d.b.title},
        "shared": d.shared, "added_count": d.added_count,
        "added": {comp: [{"text": x.expectation.statement.text, "line": x.expectation.statement.line,
                          "origin_id": x.expectation.origin_id, "origin_title": x.expectation.origin_title,
                          "closest_in_a": x.closest, "closest_score": x.closest_score} for x in items]
                  for comp, items in d.added.items()},
        "coverage_a": d.coverage_a, "coverage_b": d.coverage_b, "aligned": d.alignment is not None,
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
    show_alignment: bool = typer.Option(False, "--align",
                                        help="Show every expectation of both as same / similar / only here, paired "
                                             "one to one with the similarity, instead of what B adds."),
) -> None:
    """What level B expects that level A does not, grouped by competency (inherited expectations included).

    Levels of two ladders (two companies) are matched by meaning: what B asks in other words than A counts
    as shared, and each added expectation names A's closest one with its similarity."""
    roles, ladders = load_ladders([a, b], within)
    role_a, role_b = find_role(roles, a), find_role(roles, b)
    exps_a, exps_b = effective_of(role_a, ladders), effective_of(role_b, ladders)
    if show_alignment:
        al = align(exps_a, exps_b)
        if format is TextOrJson.json:
            console.print_json(json.dumps({"a": {"id": role_a.id, "title": role_a.title},
                                           "b": {"id": role_b.id, "title": role_b.title}, **alignment_data(al)},
                                          ensure_ascii=False))
        else:
            print_alignment(al, role_a, role_b)
        return
    aligned = ladder_of(role_a, ladders) is not ladder_of(role_b, ladders)
    result = diff_levels(role_a, exps_a, role_b, exps_b, aligned=aligned)
    if format is TextOrJson.json:
        console.print_json(json.dumps(diff_data(result), ensure_ascii=False))
        return
    similar = f" ({result.alignment.counts()['similar']} in other words)" if result.alignment else ""
    console.print(f"{role_b.title} versus {role_a.title}: {plural(result.added_count, 'expectation')} added, "
                  f"{result.shared} shared{similar}", style="bold", markup=False)
    for comp, items in result.added.items():
        name = BY_ID[comp].name if comp in BY_ID else comp
        console.print(f"\n{name} (+{len(items)})", style="bold", markup=False)
        for x in items:
            origin = "" if x.expectation.origin_id == role_b.id else f"  [from {x.expectation.origin_title}]"
            console.print(f"  + L{x.expectation.statement.line} {x.expectation.statement.text}{origin}", markup=False)
            if result.alignment and x.closest:
                console.print(f"      closest in {role_a.title} ({x.closest_score:.0f}%): {x.closest}", markup=False)
    if result.requirements_added:
        console.print("\nRequirements added", style="bold")
        for r in result.requirements_added:
            console.print(f"  + L{r.line} {requirement_text(r)}", markup=False)
