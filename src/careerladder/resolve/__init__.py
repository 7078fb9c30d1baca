"""Ladders as companies publish them: companies, tracks, level order, inheritance, variants and
equivalences, from all the ladder levels of a run (pure: no I/O; nothing raises).

``resolve(roles, pages)``:

1. ``companies``: each level's company unit and the company's display name;
2. ``references``: parents ("Same as X", "extends [X](link)") and next-level links resolved to
   role ids, within the company first;
3. ``tracks``: each level's track; deprecated, draft, specialisation and duplicate pages set aside
   as variants of their level;
4. ``order``: each track's levels in order, from the strongest evidence (codes, inheritance, links,
   an index page, document order, titles); a parent the title alone left ambiguous is then the
   candidate just below the level in its track;
5. ``equivalences`` between tracks, and each level's effective expectations.

A ladder is one (company, track). Job postings take no part: they come back unchanged. What a
ladder kept as data states (``declared``: tracks, trunks, positions, codes, parents, equivalences)
wins over all of this inference.
``pages``: documents of the run that hold no role (index pages, READMEs): their titles name
companies and their links order levels.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace
from typing import Sequence

from ..extract.grammar import slugify
from ..model import Diagnostic, Document, Ladder, NextLevelRef, Role
from ..vocab import TRACK_NAMES
from .companies import Company, companies
from .declared import declared, declared_parent, declared_track
from .equivalences import equivalences
from .order import order_levels
from .references import Index, Resolution, cycles, effective_expectations, resolve_ref, title_tokens
from .tracks import apply_variants, tracks, variants


def _references(levels: list[Role], index: Index, units: dict[str, str | None]
                ) -> tuple[dict[str, Role], dict[tuple[str, int], Resolution]]:
    """Levels with parents and next levels resolved, and the references left ambiguous (by role id and
    parent position; position -1 is the next level)."""
    updated: dict[str, Role] = {}
    open_refs: dict[tuple[str, int], Resolution] = {}
    for role in levels:
        parents = []
        stated = declared_parent(role, index.roles)
        # a level kept as data inherits what the data says, never what a phrase of a cell seems to say
        own = [] if declared(role) else list(role.parents)
        if stated is not None:  # the data names the parent: no title search
            parents.append(stated)
            if stated.resolved_id is None:
                open_refs[(role.id, 0)] = Resolution(None, (), Diagnostic(
                    "UNRESOLVED_PARENT", f"parent {stated.title!r} is not a level in this ladder", role.source,
                    stated.line))
        for i, p in enumerate(own, start=len(parents)):
            res = resolve_ref(role, p.title, p.href, index, units, p.line, "parent")
            parents.append(replace(p, resolved_id=res.id))
            if res.diagnostic:
                open_refs[(role.id, i)] = res
        nxt: NextLevelRef | None = None if declared(role) else role.next_level
        if nxt is not None:
            res = resolve_ref(role, nxt.title, nxt.href, index, units, nxt.line, "next level")
            nxt = replace(nxt, resolved_id=res.id)
            if res.diagnostic:
                open_refs[(role.id, -1)] = res
        updated[role.id] = replace(role, parents=tuple(parents), next_level=nxt)
    return updated, open_refs


def _break_cycles(updated: dict[str, Role], diags: list[Diagnostic]) -> None:
    graph = {rid: [p.resolved_id for p in r.parents if p.resolved_id] for rid, r in updated.items()}
    for child, parent in sorted(cycles(graph)):
        role = updated[child]
        ref = next(p for p in role.parents if p.resolved_id == parent)
        diags.append(Diagnostic("CYCLE", f"inheritance cycle: {role.title!r} -> {ref.title!r} leads back to itself",
                                role.source, ref.line))
        updated[child] = replace(role, parents=tuple(
            replace(p, resolved_id=None) if p.resolved_id == parent else p for p in role.parents))


def _settle(updated: dict[str, Role], open_refs: dict[tuple[str, int], Resolution],
            order_of: dict[str, list[str]]) -> dict[tuple[str, int], Resolution]:
    """Ambiguous parents settled by the track's order: the candidate just below the level (or the one
    whose next level is this level). Returns the references still open."""
    left = {}
    for (rid, i), res in open_refs.items():
        role = updated[rid]
        if i < 0 or not res.ambiguous:
            left[(rid, i)] = res
            continue
        ids = {c.id for c in res.ambiguous}
        named_next = [c for c in ids if (updated[c].next_level and updated[c].next_level.resolved_id == rid)]
        levels = order_of.get(rid, [])
        below = [x for x in levels[: levels.index(rid)] if x in ids] if rid in levels else []
        choice = named_next[0] if len(named_next) == 1 else (below[-1] if below else None)
        if choice is None:
            left[(rid, i)] = res
            continue
        parents = list(role.parents)
        parents[i] = replace(parents[i], resolved_id=choice)
        updated[rid] = replace(role, parents=tuple(parents))
    return left


def _pages_in(pages: Sequence[Document], folder: str) -> list[Document]:
    """The pages of a company's folder."""
    return [p for p in pages if p.source.replace("\\", "/").startswith(folder.rstrip("/") + "/")]


def _is_level(role: Role) -> bool:
    """A page that is a level of a ladder: not a variant of another level, not an appendix or an overview."""
    return not role.variant_of and role.variant not in ("appendix", "overview")


def _ladder_id(company: Company, track: str, used: set[str]) -> str:
    base = f"{slugify(company.name) or 'ladder'}-{slugify(track.replace('_', ' '))}"
    lid, n = base, 2
    while lid in used:
        lid, n = f"{base}-{n}", n + 1
    used.add(lid)
    return lid


def resolve(roles: Sequence[Role], pages: Sequence[Document] = ()
            ) -> tuple[list[Role], list[Ladder], list[Diagnostic]]:
    """Resolve the ladder levels among ``roles`` (see the module docstring).

    Returns (roles in input order, ladder levels with ``ladder``, ``track``, resolved parents and next
    level, ``variant``/``variant_of`` set; ladders, one per company and track, levels lowest first;
    warnings: unresolved or ambiguous references, cycles, order conflicts).
    """
    diags: list[Diagnostic] = []
    levels = [r for r in roles if r.kind == "ladder_level"]
    company_of = companies(levels, pages)
    units = {rid: c.key for rid, c in company_of.items()}
    index = Index.build(levels)
    updated, open_refs = _references(levels, index, units)
    _break_cycles(updated, diags)
    by_company: dict[str, list[Role]] = defaultdict(list)
    for r in levels:
        by_company[company_of[r.id].key].append(updated[r.id])
    pages_per_source = Counter(r.source for r in levels)
    track_of: dict[str, str] = {}
    groups: dict[tuple[str, str], list[str]] = {}
    evidence: dict[tuple[str, str], str] = {}
    for key, members in by_company.items():
        found = tracks(members)
        found.update({r.id: declared_track(r) for r in members if declared_track(r)})
        track_of.update(found)
        apply_variants(updated, {rid: v for rid, v in variants(members, found, pages_per_source).items()
                                 if not declared(updated[rid])})  # the data lists each level once
        unit_pages = _pages_in(pages, company_of[members[0].id].folder)
        for track in dict.fromkeys(found[r.id] for r in members):
            in_track = [updated[r.id] for r in members if found[r.id] == track and _is_level(updated[r.id])]
            if not in_track:
                continue
            home = {rid: role.variant_of for rid, role in updated.items() if role.variant_of}
            ordered, kind, conflicts = order_levels(in_track, index, unit_pages, home,
                                                    [updated[r.id] for r in members if _is_level(updated[r.id])])
            groups[(key, track)] = [r.id for r in ordered]
            evidence[(key, track)] = kind
            diags.extend(conflicts)
    left = _settle(updated, open_refs, {rid: ids for ids in groups.values() for rid in ids})
    diags.extend(res.diagnostic for res in left.values() if res.diagnostic)
    return _assemble(roles, updated, company_of, groups, evidence, diags, pages)


def _assemble(roles, updated, company_of, groups, evidence, diags, pages):
    used: set[str] = set()
    ids: dict[tuple[str, str], str] = {}
    for (key, track) in groups:
        ids[(key, track)] = _ladder_id(company_of[groups[(key, track)][0]], track, used)
    for (key, track), members in groups.items():
        company = company_of[members[0]]
        for rid in members:
            code = declared(updated[rid]).get("code") or updated[rid].level_code
            updated[rid] = replace(updated[rid], ladder=ids[(key, track)], track=track, level_code=code,
                                   organization=updated[rid].organization or (None if company.inferred
                                                                              else company.name))
    for rid, role in list(updated.items()):  # variants follow the level they belong to
        if role.variant_of and role.variant_of in updated:
            level = updated[role.variant_of]
            updated[rid] = replace(role, ladder=level.ladder, track=level.track)
    final = dict(updated)
    ladders = []
    by_company: dict[str, list] = defaultdict(list)
    for (key, track) in groups:
        by_company[key].append((key, track))
    for (key, track), members in groups.items():
        company = company_of[members[0]]
        company_levels = [final[r] for k in by_company[key] for r in groups[k]]
        company_pages = _pages_in(pages, company.folder)
        equiv = [e for e in equivalences(company_levels, {r.id: final[r.id].track for r in company_levels},
                                         company_pages) if e.a in members or e.b in members]
        variant_map: dict[str, list[str]] = defaultdict(list)
        for rid, role in final.items():
            if role.variant_of in members:
                variant_map[role.variant_of].append(rid)
        roles_in_order = tuple(final[r] for r in members)
        trunk = next((declared(r).get("trunk") for r in roles_in_order if declared(r).get("trunk")), None)
        ladders.append(Ladder(
            ids[(key, track)], f"{company.name} {track_label(track)}", roles_in_order,
            {r.id: effective_expectations(r.id, final) for r in roles_in_order},
            company=None if company.inferred else company.name, company_inferred=company.inferred,
            track=track, folder=company.folder, order_evidence=evidence[(key, track)],
            variants={k: tuple(v) for k, v in variant_map.items()}, equivalences=tuple(equiv),
            trunk=ids.get((key, trunk)) if trunk != track else None))
    return [final.get(r.id, r) for r in roles], ladders, diags


def track_label(track: str | None) -> str:
    """A track as people say it ("individual contributor")."""
    return TRACK_NAMES.get(track or "", (track or "").replace("_", " "))


__all__ = ["resolve", "effective_expectations", "title_tokens", "track_label"]
