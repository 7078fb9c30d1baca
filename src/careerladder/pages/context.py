"""Page contexts: one JSON-ready dict per page, shared by the static site, the web app and its JSON twins.

A context holds document text as plain strings; templates escape it (Jinja
autoescape) and the JSON twins serialize it. Framework-free: the static site
(``render.site``) imports this module without FastAPI.

Pages: ``overview`` (ladders as level × competency heatmaps with lint findings, calibration),
``level`` (own and inherited expectations, requirements), ``role`` (statements
by section, leveling, source line). ``careerladder.web.compare`` has compare,
diff and search.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Sequence

from .. import thresholds as T
from ..competencies import BY_ID, COMPETENCIES, IDS
from ..diff import UNCLASSIFIED, coverage, top_competency
from ..leveling import calibrate
from ..model import Expectation, Ladder, Requirement, Role, Section, Statement
from ..render.charts import axis_label
from ..render.summary import requirement_text
from ..vocab import IC_LEVEL_NAMES, IC_LEVELS, LEVEL_NAMES, LEVELS
from .catalog import Catalog, url_key
from .findings import catalog_lint, ladder_lint_data


def competency_name(comp: str | None) -> str:
    """Display name of a competency id ("Unclassified" for none)."""
    if comp in BY_ID:
        return BY_ID[comp].name
    return "Unclassified"


def competencies_data() -> list[dict[str, str]]:
    """The taxonomy: id, name and description of each competency, in order."""
    return [{"id": c.id, "name": c.name, "label": axis_label(c.id), "description": c.description}
            for c in COMPETENCIES]


def role_ref(role: Role) -> dict[str, Any]:
    """The few fields every link to a role needs."""
    return {"id": role.id, "key": url_key(role.id), "title": role.title, "organization": role.organization,
            "kind": role.kind, "ladder": role.ladder, "level": role.leveling.level if role.leveling else None}


def statement_anchor(statement_id: str) -> str:
    """HTML id of a statement on its role page: ``s`` + the statement's number in its role."""
    return "s" + statement_id.rsplit(":", 1)[-1]


def requirement_data(r: Requirement) -> dict[str, Any]:
    return {"type": r.type, "summary": requirement_text(r), "text": r.text, "line": r.line, "min": r.min,
            "max": r.max, "unit": r.unit, "qualifier": r.qualifier, "value": r.value,
            "statement_id": r.statement_id}


def statement_data(st: Statement) -> dict[str, Any]:
    """A statement with its competencies (best first) and nested children."""
    comps = sorted(st.competencies, key=lambda c: -c.score)
    return {"id": st.id, "anchor": statement_anchor(st.id), "text": st.text, "line": st.line, "kind": st.kind,
            "label": st.label, "reference": st.reference,
            "competency": comps[0].competency if comps else None,
            "competencies": [{"id": c.competency, "name": competency_name(c.competency), "score": c.score}
                             for c in comps],
            "links": [{"text": lk.text, "href": lk.href} for lk in st.links],
            "children": [statement_data(c) for c in st.children]}


def expectation_data(e: Expectation, owner: Role) -> dict[str, Any]:
    """One effective expectation with the level it came from (``own`` when it is ``owner``'s)."""
    comp = top_competency(e)
    return {"statement_id": e.statement.id, "anchor": statement_anchor(e.statement.id), "text": e.statement.text,
            "line": e.statement.line, "label": e.statement.label, "competency": None if comp == UNCLASSIFIED else comp,
            "competency_name": competency_name(comp), "origin": {"id": e.origin_id, "key": url_key(e.origin_id),
                                                                 "title": e.origin_title},
            "depth": e.depth, "own": e.origin_id == owner.id, "section_kind": e.section_kind,
            "section_path": list(e.section_path)}


def coverage_data(exps: Iterable[Expectation]) -> dict[str, int]:
    """Expectations per competency, taxonomy order, unclassified last (zeros left out)."""
    counts = coverage(tuple(exps))
    return {c: counts[c] for c in (*IDS, UNCLASSIFIED) if counts.get(c)}


def _heat(count: int, top: int) -> int:
    return 0 if count <= 0 or top <= 0 else max(1, round(T.HEAT_STEPS * count / top))


def ladder_data(cat: Catalog, ladder: Ladder) -> dict[str, Any]:
    """A ladder's levels with effective-expectation coverage per competency (the heatmap rows)."""
    rows = []
    for role in ladder.roles:
        exps = ladder.effective.get(role.id, ())
        rows.append({**role_ref(role), "own": sum(1 for e in exps if e.depth == 0), "effective": len(exps),
                     "coverage": coverage_data(exps)})
    top = max([0] + [n for row in rows for n in row["coverage"].values()])
    for row in rows:
        counts = row["coverage"]
        row["cells"] = [{"competency": c, "count": counts.get(c, 0), "heat": _heat(counts.get(c, 0), top)} for c in IDS]
    fork = fork_data(cat, ladder)
    return {"id": ladder.id, "key": url_key(ladder.id), "name": ladder.name, "max": top, "levels": rows, **fork}


def fork_data(cat: Catalog, ladder: Ladder) -> dict[str, Any]:
    """Where a track forks: ``trunk`` (the ladder it continues, with the trunk's last level: its level
    below this track's first) and ``branches`` (the ladders that continue this one, each with its first
    level: the levels above this track's last). None and [] for a track that neither forks nor continues."""
    trunk = cat.ladder(ladder.trunk) if ladder.trunk else None
    branches = [lad for lad in cat.ladders if lad.trunk == ladder.id and lad.roles]
    return {"trunk": {"id": trunk.id, "key": url_key(trunk.id), "name": trunk.name,
                      "last": role_ref(trunk.roles[-1])} if trunk and trunk.roles else None,
            "branches": [{"id": b.id, "key": url_key(b.id), "name": b.name, "first": role_ref(b.roles[0])}
                         for b in branches]}


def calibration_data(ladders: list[Ladder]) -> dict[str, Any]:
    """The cross-company calibration table (``leveling.calibrate``).

    ``rows``: one per ladder level (``CalibrationRow`` fields); ``matrix``: one
    row per canonical level with, per ladder, the levels placed there.
    ``available`` is False (with a ``note``) when calibration fails: the overview still renders.
    """
    try:
        rows = [dict(ladder_id=r.ladder_id, ladder_name=r.ladder_name, role_id=r.role_id, key=url_key(r.role_id),
                     title=r.title, title_level=r.title_level, level=r.level, confidence=r.confidence)
                for r in calibrate(list(ladders))]
    except Exception as exc:  # noqa: BLE001 - a calibration bug must not take the overview down
        return {"available": False, "note": f"Calibration failed: {type(exc).__name__}: {exc}",
                "rows": [], "matrix": [], "ladders": []}
    names = {lad.id: lad.name for lad in ladders}
    order = [lid for lid in dict.fromkeys(r["ladder_id"] for r in rows)]
    levels = list(LEVELS) + list(IC_LEVELS) + sorted({r["level"] for r in rows} - set(LEVELS) - set(IC_LEVELS))
    matrix = [{"level": lv, "name": LEVEL_NAMES.get(lv) or IC_LEVEL_NAMES.get(lv, lv),
               "scale": "individual_contributor" if lv in IC_LEVELS else "management",
               "cells": [[r for r in rows if r["ladder_id"] == lid and r["level"] == lv] for lid in order]}
              for lv in levels]
    return {"available": True, "note": None, "rows": rows,
            "ladders": [{"id": lid, "name": names.get(lid, lid)} for lid in order],
            "matrix": [m for m in matrix if any(m["cells"]) or m["level"] in LEVELS]}


def overview_context(cat: Catalog, postings_limit: int | None = None,
                     lint: dict[str, Any] | None = None) -> dict[str, Any]:
    """The front page: every ladder as a heatmap with its lint findings, the calibration table, and the
    job postings (at most ``postings_limit``, default ``thresholds.OVERVIEW_POSTINGS``). ``lint``: a
    ``findings.lint_context`` (default: linted from the stored ladders, once per catalog); each ladder
    gets its own part as ``lint``, the page the rest."""
    postings_limit = T.OVERVIEW_POSTINGS if postings_limit is None else postings_limit
    postings = [role_ref(r) for r in cat.roles(kind="job_posting", limit=postings_limit)]
    lint = lint if lint is not None else catalog_lint(cat)
    ladders = [ladder_data(cat, lad) for lad in cat.ladders]
    for row in ladders:
        row["lint"] = lint["ladders"].get(row["id"]) or ladder_lint_data([])
    return {"page": "overview", "title": "Career ladders", "counts": cat.counts,
            "competencies": competencies_data(), "ladders": ladders,
            "lint": {k: lint[k] for k in ("available", "note", "origin", "counts")},
            "calibration": calibration_data(cat.ladders),
            "postings": postings, "postings_shown": len(postings),
            "postings_total": max(0, cat.counts.get("roles", 0) - len(cat.levels))}


def _parent_data(cat: Catalog, ref) -> dict[str, Any]:
    target = cat.role(ref.resolved_id) if ref.resolved_id else None
    return {"title": ref.title, "line": ref.line, "phrase": getattr(ref, "phrase", None),  # next_level has none
            "href": ref.href,
            "resolved": role_ref(target) if target else None}


def _ladder_nav(cat: Catalog, role: Role) -> dict[str, Any] | None:
    ladder = cat.ladder_of(role.id)
    if ladder is None:
        return None
    ids = [r.id for r in ladder.roles]
    i = ids.index(role.id)
    fork = fork_data(cat, ladder)
    lower = role_ref(ladder.roles[i - 1]) if i > 0 else (fork["trunk"]["last"] if fork["trunk"] else None)
    # the last level of a trunk has one next level per branch
    nexts = [{**role_ref(ladder.roles[i + 1]), "ladder_name": None}] if i + 1 < len(ladder.roles) else \
        [{**b["first"], "ladder_name": b["name"]} for b in fork["branches"]]
    return {"id": ladder.id, "key": url_key(ladder.id), "name": ladder.name, "position": i + 1,
            "levels": [role_ref(r) for r in ladder.roles], "lower": lower,
            "higher": nexts[0] if len(nexts) == 1 else None, "next": nexts,
            "trunk": fork["trunk"] if i == 0 else None, "branches": fork["branches"] if i + 1 == len(ids) else []}


def level_context(cat: Catalog, role: Role) -> dict[str, Any]:
    """A ladder level: own and inherited expectations, each with the level it came from; requirements."""
    exps = cat.effective(role)
    groups: list[dict[str, Any]] = []
    for e in exps:
        if not groups or groups[-1]["origin"]["id"] != e.origin_id:
            groups.append({"origin": {"id": e.origin_id, "key": url_key(e.origin_id), "title": e.origin_title},
                           "depth": e.depth, "own": e.origin_id == role.id, "expectations": []})
        groups[-1]["expectations"].append(expectation_data(e, role))
    return {"page": "level", "title": role.title, "role": role_ref(role), "ladder": _ladder_nav(cat, role),
            "parents": [_parent_data(cat, p) for p in role.parents],
            "next_level": _parent_data(cat, role.next_level) if role.next_level else None,
            "expectations": [x for g in groups for x in g["expectations"]], "groups": groups,
            "own_count": sum(1 for e in exps if e.depth == 0), "inherited_count": sum(1 for e in exps if e.depth),
            "requirements": [requirement_data(r) for r in role.requirements],
            "coverage": coverage_data(exps), "competencies": competencies_data()}


def _sections(sections: tuple[Section, ...], depth: int = 0) -> list[dict[str, Any]]:
    out = []
    for s in sections:
        out.append({"heading": s.heading, "path": list(s.path), "kind": s.kind, "line": s.line, "depth": depth,
                    "statements": [statement_data(st) for st in s.statements]})
        out += _sections(s.subsections, depth + 1)
    return out


def leveling_data(role: Role) -> dict[str, Any] | None:
    """The leveling result (level, confidence, scores, evidence, inflation flag), ``None`` when not leveled."""
    lv = role.leveling
    if lv is None:
        return None
    text_level = getattr(lv, "text_level", None)  # what the text alone supports, when the leveler says
    return {"level": lv.level, "level_name": LEVEL_NAMES.get(lv.level, lv.level), "confidence": lv.confidence,
            "title_level": lv.title_level, "title_level_name": LEVEL_NAMES.get(lv.title_level, lv.title_level),
            "text_level": text_level,
            "text_level_name": LEVEL_NAMES.get(text_level, text_level) if text_level else None,
            "inflation": lv.inflation,
            "scores": [{"level": k, "name": LEVEL_NAMES.get(k, k), "score": v}
                       for k, v in sorted(lv.scores.items(), key=lambda kv: -kv[1])],
            "evidence": [{"text": e.text, "line": e.line, "competency": e.competency,
                          "competency_name": competency_name(e.competency) if e.competency else None,
                          "weight": e.weight, "signal": e.signal, "level": e.level} for e in lv.evidence]}


def role_context(cat: Catalog, role: Role) -> dict[str, Any]:
    """A role as written: statements grouped by section, requirements, leveling, source file and lines."""
    exps = cat.effective(role)
    return {"page": "role", "title": role.title,
            "role": {**role_ref(role), "source": role.source, "span": list(role.span), "heading": role.heading,
                     "metadata": {str(k): v for k, v in role.metadata.items()}},
            "ladder": _ladder_nav(cat, role), "sections": _sections(role.sections),
            "requirements": [requirement_data(r) for r in role.requirements], "leveling": leveling_data(role),
            "parents": [_parent_data(cat, p) for p in role.parents],
            "next_level": _parent_data(cat, role.next_level) if role.next_level else None,
            "coverage": coverage_data(exps), "competencies": competencies_data()}


def roles_context(cat: Catalog, kind: str | None = None, limit: int | None = None) -> dict[str, Any]:
    """Every role (ladder levels first), at most ``limit`` job postings."""
    roles = [r for r in cat.all_roles(limit_postings=limit) if kind is None or r.kind == kind]
    return {"page": "roles", "title": "All roles", "kind": kind, "roles": [role_ref(r) for r in roles],
            "total": cat.counts.get("roles", len(roles))}


def source_context(source: str, roles: Sequence[Role], max_bytes: int | None = None) -> dict[str, Any]:
    """The source file of ``roles`` with its lines (``lines`` None and a ``note`` when it cannot be shown,
    or is over ``max_bytes``, default ``thresholds.SOURCE_MAX_BYTES``).

    ``source`` must come from stored roles, never from a request: this reads the file.
    """
    max_bytes = T.SOURCE_MAX_BYTES if max_bytes is None else max_bytes
    lines, note = None, None
    path = Path(source)
    try:
        size = path.stat().st_size
        if not path.is_file():
            note = "the source is not a regular file"
        elif size > max_bytes:
            note = f"the file is {size} bytes, over the {max_bytes}-byte limit for showing it"
        else:
            lines = path.read_bytes().decode("utf-8", errors="replace").splitlines()
    except OSError as exc:
        note = f"the file cannot be read now ({exc.strerror or exc})"
    return {"page": "source", "title": f"Source: {source}", "source": source, "lines": lines, "note": note,
            "roles": [{"key": url_key(r.id), "title": r.title} for r in roles]}
