"""The order of the levels of one track, from the strongest evidence first.

0. ``declared``: the order in which a ladder kept as data lists the levels of the track (its
   ``position``: a YAML list, the columns of a spreadsheet matrix);
1. ``level codes``: the ladder's own numbers in one scheme (M3 < M4, IC2 < IC3, Level 3 < Level 4);
2. ``inheritance``: a level comes after the level it inherits from ("Same as X, but also...");
3. ``next-level links``: a level comes before the level it names as next;
4. ``index page``: the order in which a page of the company (an index, a README) links or lists the
   levels (a list, a table), or the order its site gives the pages (front matter ``order``,
   ``weight``, ``nav_order``);
5. ``diagram``: the edges of a mermaid graph on such a page;
6. ``document order``: the order of the levels inside one page (read highest first when most of its
   titles say so);
7. ``title``: what the titles claim (engineering manager < director; junior < senior < staff).

Each kind adds "A before B" pairs, stronger kinds first; a pair that contradicts a stronger one is
left out, and when both come from explicit evidence (0-6) it becomes an ``ORDER_CONFLICT`` diagnostic
naming both. Levels the evidence leaves unordered are placed by their titles, then as read; never by
alphabet.
"""

from __future__ import annotations

import heapq
import re
from collections import defaultdict
from typing import Iterable, Sequence

from .. import thresholds as T
from ..extract.levels import diagram_edges, ic_rank, level_code
from ..extract.titles import title_level
from ..model import Diagnostic, Document, Role
from ..vocab import IC_LEVELS, LEVELS
from .declared import declared_position
from .references import Index, title_tokens

#: Evidence kinds, strongest first (the ladder's ``order_evidence`` names the strongest one used).
KINDS = ("declared", "level codes", "inheritance", "next-level links", "index page", "diagram", "document order")


#: Front matter keys a site orders its pages by.
_ORDER_KEYS = ("order", "weight", "nav_order", "position", "sort")


def title_rank(role: Role) -> float:
    """Where a title puts a level: management levels on ``vocab.LEVELS``, individual contributors on
    ``vocab.IC_LEVELS`` (both 0-based); an unclear title in the middle. An executive or senior VP
    stands half a step above a VP."""
    level = title_level(role.title)
    if level in LEVELS:
        bump = T.RESOLVE_SENIOR_VP_STEP if level == "vp" and re.search(r"(?i)\b(?:executive|senior|svp|evp|group)\b", role.title) else 0.0
        return float(LEVELS.index(level)) + bump
    rank = ic_rank(role.title)
    if rank:
        return float(IC_LEVELS.index(rank))
    return T.RESOLVE_UNKNOWN_LEVEL_RANK


def _declared_pairs(levels: Sequence[Role]) -> list[tuple[str, str, str]]:
    """"A before B" for the levels of one file in the order the file lists them (positions declared)."""
    by_file: dict[str, list[tuple[int, Role]]] = defaultdict(list)
    for r in levels:
        pos = declared_position(r)
        if pos is not None:
            by_file[r.id.split("#", 1)[0]].append((pos, r))
    pairs = []
    for items in by_file.values():
        items.sort(key=lambda x: x[0])
        pairs += [(a.id, b.id, f"{a.source}:{a.span[0]}") for (_, a), (_, b) in zip(items, items[1:])]
    return pairs


def _code_pairs(levels: Sequence[Role]) -> list[tuple[str, str, str]]:
    by_scheme: dict[str, list[tuple[float, Role]]] = defaultdict(list)
    for r in levels:
        code = level_code(r.heading or r.title, r.source, r.metadata)
        if code:
            by_scheme[code.scheme].append((code.number, r))
    pairs = []
    for items in by_scheme.values():
        if len(items) < 2:
            continue
        items.sort(key=lambda x: x[0])
        for (n1, a), (n2, b) in zip(items, items[1:]):
            if n1 < n2:
                pairs.append((a.id, b.id, f"{a.level_code or a.title} < {b.level_code or b.title}"))
    return pairs


def _directed(ids: list[str], ranks: dict[str, float]) -> list[str]:
    """A listed order, read highest first when most consecutive titles say so (two pairs at least: one
    pair of titles is too little to overrule how the ladder lists its levels)."""
    up = sum(1 for a, b in zip(ids, ids[1:]) if ranks[a] < ranks[b])
    down = sum(1 for a, b in zip(ids, ids[1:]) if ranks[a] > ranks[b])
    return list(reversed(ids)) if down > up and down >= T.RESOLVE_MIN_DESCENDING_PAIRS else ids


def _listed_pairs(groups: Iterable[tuple[list[str], str]], ranks: dict[str, float]) -> list[tuple[str, str, str]]:
    pairs = []
    for ids, where in groups:
        ordered = _directed(ids, ranks)
        pairs += [(a, b, where) for a, b in zip(ordered, ordered[1:])]
    return pairs


def _probe(page: Document) -> Role:
    """A stand-in role at a page's place, to resolve the page's links like a level's."""
    return Role(id=page.source, source=page.source, title=page.title or "", kind="ladder_level", span=(0, 0))


def _named_level(text: str, levels: Sequence[Role]) -> Role | None:
    """The one level whose title is ``text`` (same words), or None."""
    want = title_tokens(text)
    hits = [r for r in levels if want and title_tokens(r.title) == want]
    return hits[0] if len(hits) == 1 else None


def _index_groups(levels: Sequence[Role], pages: Sequence[Document], index: Index) -> list[tuple[list[str], str]]:
    """For each page that links or lists two levels of the track or more: the level ids in that order
    (a link names a level by its target; a list item or a table cell by its title)."""
    mine = {r.id for r in levels}
    out = []
    for page in pages:
        probe = _probe(page)
        ids: list[str] = []
        for block in page.blocks:
            found = [h for link in block.links for h in index.by_link(probe, link.href)[0]]
            if not found and block.kind in ("row", "item"):
                cells = block.text.split(" | ") if block.kind == "row" else [block.text]
                found = [r for r in (_named_level(c, levels) for c in cells) if r]
            for h in found:
                if h.id in mine and h.id not in ids:
                    ids.append(h.id)
        if len(ids) >= 2:
            out.append((ids, page.source))
    return out


def _diagram_pairs(levels: Sequence[Role], pages: Sequence[Document], index: Index) -> list[tuple[str, str, str]]:
    """"A before B" for each edge of a mermaid graph on a page whose two nodes are levels of the track."""
    mine = {r.id for r in levels}
    pairs = []
    for page in pages:
        for block in page.blocks:
            if block.kind != "code" or block.label != "mermaid":
                continue
            edges, nodes = diagram_edges(block.text)
            level: dict[str, str] = {}
            for node, (label, href) in nodes.items():
                hits = [h for h in index.by_link(_probe(page), href)[0] if h.id in mine] if href else []
                named = hits[0] if len(hits) == 1 else _named_level(label, levels)
                if named is not None:
                    level[node] = named.id
            pairs += [(level[a], level[b], f"{page.source}:{block.line}") for a, b in edges
                      if a in level and b in level and level[a] != level[b]]
    return pairs


def _site_order(levels: Sequence[Role]) -> list[tuple[list[str], str]]:
    """The levels a site orders by a front matter number (two or more), in that order."""
    keyed = []
    for r in levels:
        for key in _ORDER_KEYS:
            value = r.metadata.get(key)
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                keyed.append((float(value), r.id, key))
                break
    if len(keyed) < 2:
        return []
    keyed.sort()
    return [([rid for _, rid, _ in keyed], f"front matter {keyed[0][2]}")]


def _document_groups(levels: Sequence[Role], context: Sequence[Role]) -> list[tuple[list[str], str]]:
    """For each page holding two levels of the track or more: their ids in page order, read highest
    first when the titles of all the page's levels (``context``: every track) mostly go down."""
    mine = {r.id for r in levels}
    by_source: dict[str, list[Role]] = defaultdict(list)
    for r in context:
        by_source[r.source].append(r)
    out = []
    for source, rs in by_source.items():
        rs = sorted(rs, key=lambda r: r.span[0])
        ids = [x for x in _directed([r.id for r in rs], {r.id: title_rank(r) for r in rs}) if x in mine]
        if len(ids) >= 2:
            out.append((ids, source))
    return out


def order_levels(levels: Sequence[Role], index: Index, pages: Sequence[Document] = (),
                 home: dict[str, str] | None = None, context: Sequence[Role] = ()
                 ) -> tuple[list[Role], str, list[Diagnostic]]:
    """(levels lowest first, the strongest evidence kind used, ORDER_CONFLICT diagnostics).

    ``home``: variant role id -> the level it belongs to (a reference to a variant orders its level);
    ``context``: every level of the company (a page's direction is read from all its levels)."""
    home = home or {}
    by_id = {r.id: r for r in levels}
    position = {r.id: i for i, r in enumerate(levels)}
    ranks = {r.id: title_rank(r) for r in levels}
    evidence: dict[str, list[tuple[str, str, str]]] = {
        "declared": _declared_pairs(levels),
        "level codes": _code_pairs(levels),
        "inheritance": [(home.get(p.resolved_id, p.resolved_id), r.id, r.source) for r in levels for p in r.parents
                        if home.get(p.resolved_id, p.resolved_id) in by_id and home.get(p.resolved_id) != r.id
                        and p.resolved_id != r.id],
        "next-level links": [(r.id, home.get(r.next_level.resolved_id, r.next_level.resolved_id), r.source)
                             for r in levels if r.next_level and r.next_level.resolved_id
                             and home.get(r.next_level.resolved_id, r.next_level.resolved_id) in by_id
                             and home.get(r.next_level.resolved_id, r.next_level.resolved_id) != r.id],
        "index page": _listed_pairs(_index_groups(levels, pages, index) + _site_order(levels), ranks),
        "diagram": _diagram_pairs(levels, pages, index),
        "document order": [(a, b, where) for ids, where in _document_groups(levels, context or levels)
                           for a, b in zip(ids, ids[1:])],
    }
    after: dict[str, set[str]] = defaultdict(set)   # id -> ids that must come before it
    origin: dict[tuple[str, str], tuple[str, str]] = {}
    used: list[str] = []
    diags: list[Diagnostic] = []

    def reaches(a: str, b: str) -> bool:  # is a already before b?
        stack, seen = [b], set()
        while stack:
            x = stack.pop()
            if x == a:
                return True
            if x not in seen:
                seen.add(x)
                stack.extend(after[x])
        return False

    for kind in KINDS:
        for a, b, where in evidence[kind]:
            if b in after and a in after[b]:
                continue
            if reaches(b, a):  # contradicts a stronger (or earlier) pair
                first = next(((k, w) for (x, y), (k, w) in origin.items() if {x, y} == {a, b}), None)
                if first and first[0] != kind:
                    diags.append(Diagnostic(
                        "ORDER_CONFLICT", f"{by_id[a].title!r} is below {by_id[b].title!r} by {kind} ({where}) "
                        f"but above it by {first[0]} ({first[1]}); kept the {first[0]}", by_id[a].source,
                        by_id[a].span[0]))
                continue
            after[b].add(a)
            origin[(a, b)] = (kind, where)
            if kind not in used:
                used.append(kind)
    indegree = {r.id: len(after[r.id]) for r in levels}
    succ: dict[str, list[str]] = defaultdict(list)
    for b, befores in after.items():
        for a in befores:
            succ[a].append(b)
    heap = [(ranks[rid], position[rid], rid) for rid, n in indegree.items() if n == 0]
    heapq.heapify(heap)
    done: list[Role] = []
    while heap:
        _, _, rid = heapq.heappop(heap)
        done.append(by_id[rid])
        for nxt in succ[rid]:
            indegree[nxt] -= 1
            if indegree[nxt] == 0:
                heapq.heappush(heap, (ranks[nxt], position[nxt], nxt))
    return done, (used[0] if used else "title"), diags


__all__ = ["KINDS", "order_levels", "title_rank"]
