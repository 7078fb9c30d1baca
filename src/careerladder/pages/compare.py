"""Contexts of the compare, diff and search pages (JSON-ready dicts; see ``web.context``)."""

from __future__ import annotations

from typing import Any

from .. import thresholds as T
from ..competencies import IDS
from ..errors import CareerLadderError
from ..diff import UNCLASSIFIED, Alignment, align, diff_levels, top_competency
from ..model import Role
from ..store.base import MARK_END, MARK_START
from ..vocab import LEVEL_NAMES, LEVELS, ROLE_KINDS
from .catalog import Catalog, url_key
from .context import (competencies_data, competency_name, coverage_data, expectation_data, requirement_data,
                      role_ref)


def choices(cat: Catalog, limit_postings: int | None = None) -> list[dict[str, Any]]:
    """Roles offered in the compare/diff pickers: ladder levels (ladder order), then postings."""
    return [role_ref(r) for r in cat.all_roles(limit_postings=limit_postings)]


def ordered(cat: Catalog, a: Role, b: Role) -> tuple[Role, Role, bool]:
    """(lower, higher, swapped): levels of one ladder in ladder order, else by leveling, else as given."""
    ladder = cat.ladder_of(a.id)
    if ladder is not None and ladder is cat.ladder_of(b.id):
        ids = [r.id for r in ladder.roles]
        if ids.index(a.id) > ids.index(b.id):
            return b, a, True
        return a, b, False
    rank = {lv: i for i, lv in enumerate(LEVELS)}
    la = rank.get(a.leveling.level) if a.leveling else None
    lb = rank.get(b.leveling.level) if b.leveling else None
    if la is not None and lb is not None and la > lb:
        return b, a, True
    return a, b, False


def across(cat: Catalog, a: Role, b: Role) -> bool:
    """True when ``a`` and ``b`` are not levels of one ladder (two companies, or postings): their
    expectations are then aligned by meaning (``diff.align``)."""
    ladder = cat.ladder_of(a.id)
    return ladder is None or ladder is not cat.ladder_of(b.id)


def alignment_data(al: Alignment, a: Role, b: Role) -> dict[str, Any]:
    """``diff.align`` as JSON-ready rows: ``kind`` (same, similar, only_a, only_b), ``a``/``b`` (expectation
    data or None), ``similarity`` (-1 to 1), ``meaning``/``competency`` (its two parts, similar rows),
    ``closest`` (the other level's nearest expectation text, only rows); and ``counts`` per kind."""
    def side(e, owner):
        return expectation_data(e, owner) if e is not None else None

    return {"counts": al.counts(), "rows": [
        {"kind": r.kind, "a": side(r.a, a), "b": side(r.b, b), "similarity": r.similarity, "meaning": r.meaning,
         "competency": r.competency, "closest": r.closest.statement.text if r.closest else None} for r in al.rows]}


def compare_context(cat: Catalog, a: Role | None, b: Role | None,
                    limit_postings: int | None = None) -> dict[str, Any]:
    """Two roles side by side: effective expectations per competency, requirements, coverage for the radar,
    and ``alignment``: their expectations paired one to one as same / similar / only here, with the
    similarity (``alignment_data``).

    With ``a`` or ``b`` missing the context only holds the pickers (``choices``).
    """
    ctx: dict[str, Any] = {"page": "compare", "title": "Compare roles", "choices": choices(cat, limit_postings),
                           "a": None, "b": None, "rows": [], "coverage": [], "competencies": competencies_data()}
    if a is None or b is None:
        return ctx
    ea, eb = cat.effective(a), cat.effective(b)
    by_comp: dict[str, dict[str, list]] = {c: {"a": [], "b": []} for c in (*IDS, UNCLASSIFIED)}
    for side, role, exps in (("a", a, ea), ("b", b, eb)):
        for e in exps:
            by_comp[top_competency(e)][side].append(expectation_data(e, role))
    cov_a, cov_b = coverage_data(ea), coverage_data(eb)
    ctx.update({
        "title": f"{a.title} and {b.title}",
        "a": {**role_ref(a), "expectations": len(ea), "requirements": [requirement_data(r) for r in a.requirements]},
        "b": {**role_ref(b), "expectations": len(eb), "requirements": [requirement_data(r) for r in b.requirements]},
        "rows": [{"competency": None if c == UNCLASSIFIED else c, "name": competency_name(c), **sides}
                 for c, sides in by_comp.items() if sides["a"] or sides["b"]],
        "coverage": [{"competency": c, "name": competency_name(c), "a": cov_a.get(c, 0), "b": cov_b.get(c, 0)}
                     for c in IDS],
        "coverage_a": cov_a, "coverage_b": cov_b, "alignment": alignment_data(align(ea, eb), a, b),
    })
    return ctx


def diff_context(cat: Catalog, a: Role | None, b: Role | None,
                 limit_postings: int | None = None) -> dict[str, Any]:
    """What the higher of two levels adds, by competency (``careerladder.diff.diff_levels``).

    Levels of one ladder are put in ladder order (``swapped`` says when the
    request named them the other way round). Two levels of different ladders are ``aligned``: an
    expectation of the higher one that is similar to one of the lower (``diff.align``) is shared, and
    ``similar`` counts those; each added one names its closest in the lower with the similarity × 100.
    """
    ctx: dict[str, Any] = {"page": "diff", "title": "What a level adds", "choices": choices(cat, limit_postings),
                           "lower": None, "higher": None, "added": [], "swapped": False, "aligned": False,
                           "similar": 0}
    if a is None or b is None:
        return ctx
    lower, higher, swapped = ordered(cat, a, b)
    aligned = across(cat, lower, higher)
    d = diff_levels(lower, cat.effective(lower), higher, cat.effective(higher), aligned=aligned)
    ctx.update({
        "title": f"What {higher.title} adds over {lower.title}", "swapped": swapped, "aligned": aligned,
        "similar": d.alignment.counts()["similar"] if d.alignment else 0,
        "lower": role_ref(lower), "higher": role_ref(higher), "shared": d.shared, "added_count": d.added_count,
        "added": [{"competency": None if comp == UNCLASSIFIED else comp, "name": competency_name(comp),
                   "items": [{**expectation_data(x.expectation, higher), "closest_in_lower": x.closest,
                              "closest_score": x.closest_score} for x in items]}
                  for comp, items in d.added.items()],
        "coverage": [{"competency": c, "name": competency_name(c), "lower": d.coverage_a.get(c, 0),
                      "higher": d.coverage_b.get(c, 0)} for c in (*IDS, UNCLASSIFIED)
                     if d.coverage_a.get(c) or d.coverage_b.get(c)],
        "requirements_added": [requirement_data(r) for r in d.requirements_added],
    })
    return ctx


def snippet_parts(snippet: str) -> list[list[Any]]:
    """A store snippet as ``[[text, matched], ...]``: text stays plain (templates escape it,
    then wrap matched parts in ``<mark>``)."""
    parts: list[list[Any]] = []
    rest = snippet
    while rest:
        start = rest.find(MARK_START)
        if start < 0:
            parts.append([rest, False])
            break
        if start:
            parts.append([rest[:start], False])
        end = rest.find(MARK_END, start + 1)
        end = len(rest) if end < 0 else end
        parts.append([rest[start + 1:end], True])
        rest = rest[end + 1:]
    return [p for p in parts if p[0]]


def search_options(cat: Catalog) -> dict[str, list[dict[str, str]]]:
    """Values offered by the search filters: levels, competencies, organizations, kinds."""
    orgs = cat.organizations()
    return {"levels": [{"id": lv, "name": LEVEL_NAMES[lv]} for lv in (*LEVELS, "ic", "unknown")],
            "competencies": [{"id": c["id"], "name": c["name"]} for c in competencies_data()],
            "organizations": [{"id": o, "name": o} for o in orgs],
            "kinds": [{"id": k, "name": k.replace("_", " ")} for k in ROLE_KINDS]}


def search_context(cat: Catalog, query: str = "", *, level: str | None = None, competency: str | None = None,
                   organization: str | None = None, kind: str | None = None, limit: int | None = None,
                   with_results: bool = True, semantic: bool = False) -> dict[str, Any]:
    """Full-text search over statements (the store's FTS5 index) with filters; hits link to role pages.

    ``semantic``: words and meaning together (``Store.hybrid_search``), each hit with its ``similarity``
    to the query; ``error``: why a semantic search could not run (a database stored before embeddings
    opened read-only), else None. ``limit``: hits shown (default ``thresholds.SEARCH_RESULTS``).
    ``with_results=False`` gives the form only (the static site searches in the browser).
    """
    limit = T.SEARCH_RESULTS if limit is None else limit
    filters = {"level": level or None, "competency": competency or None, "organization": organization or None,
               "kind": kind or None}
    hits, error = [], None
    if with_results and query.strip():
        try:
            hits = cat.store.hybrid_search(query, limit=limit, **filters) if semantic else \
                cat.store.search(query, limit=limit, **filters)
        except CareerLadderError as exc:
            if not semantic:
                raise
            error = exc.message
    return {"page": "search", "title": "Search statements", "query": query, "filters": filters,
            "semantic": bool(semantic), "error": error,
            "options": search_options(cat), "count": len(hits), "limit": limit,
            "results": [{"statement_id": h.statement_id, "anchor": "s" + h.statement_id.rsplit(":", 1)[-1],
                         "role": {"id": h.role_id, "key": url_key(h.role_id), "title": h.title,
                                  "organization": h.organization, "level": h.level, "kind": h.kind},
                         "text": h.text, "line": h.line, "section_kind": h.section_kind,
                         "competency": h.competency, "competency_name": competency_name(h.competency),
                         "similarity": h.similarity, "snippet": snippet_parts(h.snippet)} for h in hits]}
