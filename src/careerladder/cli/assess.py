"""``careerladder assess``: a person's evidence against a level; self versus manager; history."""

from __future__ import annotations

import json
import os
from enum import Enum
from pathlib import Path
from typing import Optional

import typer

from ..assess import Assessment, EvidenceFile, assess as assess_level, compare_assessments, find_level, read_evidence
from ..errors import CareerLadderError, EvidenceError, StoreError
from ..render import assessment as data
from ..model import Ladder
from ..render import packet
from ..resolve import effective_expectations
from ..store import Store, open_store
from .app import (EXIT_USAGE, app, check_paths, console, err, fail, open_db, plural, print_diagnostics, read_input,
                  read_roles, resolved)

#: Where ``--history`` looks when no ``--db`` is given (``careerladder build``'s default output).
DEFAULT_DB = Path("careerladder-out") / "careerladder.db"


class AssessFormat(str, Enum):
    text = "text"
    json = "json"
    md = "md"


def _ladder_path(given: Optional[Path], evidence: EvidenceFile) -> Path:
    if given is not None:
        return given
    if evidence.ladder:
        return Path(os.path.normpath(Path(evidence.source).parent / evidence.ladder))
    raise fail(f"{evidence.source}: no ladder: give --ladder PATH or 'ladder:' in the evidence file", EXIT_USAGE)


def _emit(text: str, out: Optional[Path]) -> None:
    if out is None:
        console.print(text, markup=False, end="")
    else:
        out.write_text(text, encoding="utf-8")
        err.print(f"wrote {out}", markup=False)


def _need_assessments(store: Store, url: str) -> Store:
    """``store``, or a clean error when its backend does not keep assessments."""
    if not hasattr(store, "write_assessment") or not hasattr(store, "assessments"):
        store.close()
        raise fail(f"{url}: this database backend ({type(store).__name__}) does not store assessments yet")
    return store


def _history(person: str, db: Optional[str], fmt: AssessFormat, chart: Optional[Path], out: Optional[Path]) -> None:
    url = db or str(DEFAULT_DB)
    store = open_db(url, need_roles=False)
    try:
        stored = _need_assessments(store, url).assessments(person)
    except StoreError as exc:
        raise fail(str(exc)) from exc
    finally:
        store.close()
    if not stored:
        raise fail(f"{url}: no stored assessments of {person!r}")
    history = data.history_data(person, stored)
    if chart is not None:
        chart.write_text(data.progress_svg(history), encoding="utf-8")
        err.print(f"wrote {chart}", markup=False)
    if fmt is AssessFormat.json:
        _emit(json.dumps(history, ensure_ascii=False, indent=1) + "\n", out)
    else:
        _emit(packet.history_markdown(history) if fmt is AssessFormat.md else packet.history_text(history), out)


def _posting_level(path: Path):
    """(ladder, role) for a posting given as the level (a file or ``-``): one role read from its text,
    its own expectations (boilerplate sections left out) in a ladder of its own."""
    role = read_roles([path], what="role").roles[0]
    name = role.title or role.source
    ladder = Ladder(f"posting:{role.id}", name, (role,),
                    {role.id: effective_expectations(role.id, {role.id: role})})
    return ladder, role


@app.command()
def assess(
    evidence: Optional[Path] = typer.Option(
        None, "--evidence", "-e", metavar="FILE", help="Evidence file: Markdown with front matter, YAML, or a plain-text résumé "
        "or brag document (see docs/assess.md)."),
    ladder: Optional[Path] = typer.Option(
        None, "--ladder", metavar="PATH", help="Ladder files or folder (default: 'ladder:' of the evidence file, relative to it)."),
    level: Optional[str] = typer.Option(
        None, "--level", metavar="LEVEL", help="The level: role id, file name or path, or title (default: 'level:' of the "
        "evidence); or, without --ladder, a posting's file or - (standard input): its text is the level to assess against."),
    manager: Optional[Path] = typer.Option(
        None, "--manager", metavar="FILE", help="The manager's evidence for the same person and level: both are assessed and "
        "compared side by side, disagreements first."),
    person: Optional[str] = typer.Option(
        None, "--person", metavar="NAME", help="The person (default: 'person:' of the evidence, else its file name)."),
    format: AssessFormat = typer.Option(AssessFormat.text, "--format", "-f", help="text, json or md (a promotion "
                                        "packet)."),
    chart: Optional[Path] = typer.Option(
        None, "--chart", metavar="FILE", help="Also write an SVG chart here: the radar of the person against the level "
        "(with --history: readiness over time)."),
    db: Optional[str] = typer.Option(
        None, "--db", metavar="DB", help="Database to store the assessment in (with --history: to read; default "
        "careerladder-out/careerladder.db)."),
    history: Optional[str] = typer.Option(
        None, "--history", metavar="PERSON", help="Show the stored assessments of this person instead of assessing."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", metavar="FILE", help="Write the report to this file, not stdout."),
) -> None:
    """Assess a person's evidence against a level: every effective expectation met, partly or not
    evidenced, readiness per competency, and the gaps to the next level."""
    if history is not None:
        if evidence or manager:
            raise fail("--history shows stored assessments; do not give --evidence or --manager with it", EXIT_USAGE)
        _history(history, db, format, chart, out)
        return
    if evidence is None:
        raise fail("give --evidence FILE (or --history PERSON)", EXIT_USAGE)
    check_paths([evidence] + ([manager] if manager else []))
    try:
        self_ev = read_evidence(evidence)
        manager_ev = read_evidence(manager) if manager else None
    except EvidenceError as exc:
        raise fail(str(exc)) from exc
    if level is not None and ladder is None and (level == "-" or Path(level).is_file()):
        lad, role = _posting_level(Path(level))
    else:
        ladder_path = _ladder_path(ladder, self_ev)
        level_ref = level or self_ev.level
        if not level_ref:
            raise fail(f"{self_ev.source}: no level: give --level ID or 'level:' in the evidence file", EXIT_USAGE)
        _, ladders, diags = resolved(read_input([ladder_path], what="ladder level", kind="ladder_level"))
        print_diagnostics(diags)
        try:
            lad, role = find_level(ladders, level_ref)
        except CareerLadderError as exc:
            raise fail(str(exc), EXIT_USAGE) from exc
    try:
        results: list[Assessment] = [assess_level(self_ev, lad, role, person=person)]
        if manager_ev is not None:
            results.append(assess_level(manager_ev, lad, role, person=person or results[0].person,
                                        perspective="manager"))
        comparison = compare_assessments(*results) if len(results) == 2 else None
    except CareerLadderError as exc:
        raise fail(str(exc)) from exc
    if chart is not None:
        chart.write_text(data.radar_svg(results), encoding="utf-8")
        err.print(f"wrote {chart}", markup=False)
    if format is AssessFormat.json:
        doc = data.comparison_data(comparison) if comparison else data.assessment_data(results[0])
        _emit(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", out)
    elif format is AssessFormat.md:
        chart_ref = str(chart) if chart is not None else None
        _emit(packet.comparison_markdown(comparison) if comparison
              else packet.assessment_markdown(results[0], chart_ref), out)
    else:
        _emit(packet.comparison_text(comparison) if comparison else packet.assessment_text(results[0]), out)
    if db is not None:
        try:
            store = open_store(db)
            try:
                written = [_need_assessments(store, db).write_assessment(data.assessment_data(a)) for a in results]
            finally:
                store.close()
        except StoreError as exc:
            raise fail(str(exc)) from exc
        err.print(f"stored {plural(sum(written), 'assessment')} of {results[0].person} in {db}"
                  + (" (already stored)" if not any(written) else ""), markup=False)
