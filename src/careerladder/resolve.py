"""Level inheritance across roles: group ladder levels into ladders, resolve
"Same as X" / "extends [X](link)" / next-level references, order levels, and
compute each level's effective expectations (own + inherited, with origin).

Pure: no I/O. Problems (unknown parent, ambiguous title, cycle, a link to a
page not in the input) become ``Diagnostic`` warnings; nothing raises.
"""

from __future__ import annotations

import posixpath
from collections import defaultdict
from dataclasses import dataclass, replace
from typing import Iterable, Sequence

from . import thresholds as T
from .extract.grammar import slugify
from .extract.titles import normalize_title, title_level
from .model import Diagnostic, Expectation, Ladder, NextLevelRef, ParentRef, Role, iter_sections, iter_statements
from .vocab import LEVELS, NON_EXPECTATION_KINDS, normalize

_STOP = frozenset({"of", "the", "a", "an", "and", "for", "in", "&"})
_LEVEL_RANK = {level: i for i, level in enumerate(LEVELS)}


def title_tokens(title: str) -> frozenset[str]:
    """Comparable words of a title: abbreviations spelled out, light stemming, no stop words.

    ``"Director, Engineering"`` and ``"Engineering Director"`` give the same set.
    """
    words = normalize(normalize_title(title)).split()
    out = set()
    for w in words:
        if w in _STOP:
            continue
        for suffix in ("ing", "s"):
            if w.endswith(suffix) and len(w) > len(suffix) + 3:
                w = w[: -len(suffix)]
                break
        out.add(w)
    return frozenset(out)


def _folder(source: str) -> str:
    return posixpath.dirname(source.replace("\\", "/"))


def _org_key(org: str | None) -> str | None:
    return slugify(org) if org else None


@dataclass
class _Index:
    """Lookup tables over all ladder levels of one resolve run."""

    roles: dict[str, Role]
    by_source: dict[str, list[Role]]

    @classmethod
    def build(cls, roles: Iterable[Role]) -> "_Index":
        by_source: dict[str, list[Role]] = defaultdict(list)
        table = {}
        for r in roles:
            table[r.id] = r
            by_source[posixpath.normpath(r.source.replace("\\", "/"))].append(r)
        return cls(table, by_source)

    def candidates(self, role: Role, orgs: dict[str, str | None]) -> tuple[list[Role], list[Role]]:
        """(levels the role may inherit from: same folder or same organization;
        the subset of them with the role's own organization)."""
        mine = orgs.get(role.id)
        folder = _folder(role.source)
        near, same_org = [], []
        for other in self.roles.values():
            if other.id == role.id:
                continue
            theirs = orgs.get(other.id)
            if (mine and theirs == mine) or _folder(other.source) == folder:
                near.append(other)
                if mine and theirs == mine:
                    same_org.append(other)
        return near, same_org

    def by_link(self, role: Role, href: str) -> tuple[list[Role], bool]:
        """Roles a link points at, and whether the link points inside this document."""
        href = href.strip().split("?", 1)[0]
        path, _, anchor = href.partition("#")
        if not path or path == posixpath.basename(role.source):
            anchor_hits = [r for r in self.by_source.get(posixpath.normpath(role.source.replace("\\", "/")), [])
                           if r.id != role.id and _anchor_match(r, anchor)]
            return anchor_hits, True
        if "://" in path or path.startswith("mailto:"):
            return [], False
        here = _folder(role.source)
        target = posixpath.normpath(posixpath.join(here, path)) if not path.startswith("/") else None
        files: list[str] = []
        if target:
            for suffix in ("", ".md", ".html", "/index.md", "/_index.md", "/README.md"):
                if target + suffix in self.by_source:
                    files.append(target + suffix)
                    break
        if not files and "/" in path.strip("/"):  # a site path ("/job-families/x/y/"): match by its tail
            files = self._by_suffix(path)
        hits = [r for f in files for r in self.by_source[f] if r.id != role.id]
        if anchor and len(hits) > 1:
            hits = [r for r in hits if _anchor_match(r, anchor)] or hits
        return hits, False

    def _by_suffix(self, path: str) -> list[str]:
        parts = [p for p in path.strip("/").split("/") if p and p not in (".", "..")]
        if parts and parts[-1].rsplit(".", 1)[0] in ("index", "_index", "README"):
            parts = parts[:-1]
        if not parts:
            return []
        parts[-1] = parts[-1].rsplit(".", 1)[0] if "." in parts[-1] else parts[-1]
        best: list[str] = []
        best_len = 0
        for source in self.by_source:
            stem_parts = source.rsplit(".", 1)[0].split("/")
            if stem_parts[-1] in ("index", "_index", "README"):
                stem_parts = stem_parts[:-1]
            n = 0
            while n < len(parts) and n < len(stem_parts) and parts[-1 - n] == stem_parts[-1 - n]:
                n += 1
            need = T.RESOLVE_MIN_PATH_PARTS
            if n >= need and n > best_len:
                best, best_len = [source], n
            elif n >= need and n == best_len:
                best.append(source)
        return best


def _anchor_match(role: Role, anchor: str) -> bool:
    if not anchor:
        return True
    anchor = anchor.lower()
    return role.id.endswith("#" + anchor) or slugify(role.heading or role.title) == anchor or \
        slugify(role.title) == anchor


def _by_title(title: str, candidates: Sequence[Role]) -> tuple[Role | None, list[Role]]:
    """(match, ambiguous alternatives): exact token match first, else the unique smallest superset."""
    want = title_tokens(title)
    if not want:
        return None, []
    exact = [c for c in candidates if title_tokens(c.title) == want]
    if len(exact) == 1:
        return exact[0], []
    if len(exact) > 1:
        return None, exact
    supersets = [(len(title_tokens(c.title) - want), c) for c in candidates if want <= title_tokens(c.title)]
    if not supersets:
        return None, []
    least = min(n for n, _ in supersets)
    best = [c for n, c in supersets if n == least]
    return (best[0], []) if len(best) == 1 else (None, best)


def _organizations(roles: Sequence[Role]) -> dict[str, str | None]:
    """Organization key per role; a folder whose levels (nearly) all name one organization lends it to the rest."""
    per_folder: dict[str, list[str]] = defaultdict(list)
    for r in roles:
        if r.organization:
            per_folder[_folder(r.source)].append(_org_key(r.organization) or "")
    lent: dict[str, str | None] = {}
    for folder, keys in per_folder.items():
        counts = sorted(((keys.count(k), k) for k in set(keys)), reverse=True)
        # one organization, or one that most levels agree on (a stray name in one file does not count)
        if len(counts) == 1 or counts[0][0] >= T.RESOLVE_ORGANIZATION_DOMINANCE * counts[1][0]:
            lent[folder] = counts[0][1]
    return {r.id: _org_key(r.organization) or lent.get(_folder(r.source)) for r in roles}


def _resolve_ref(role: Role, title: str, href: str | None, index: _Index, orgs, line: int,
                 what: str, diags: list[Diagnostic]) -> str | None:
    if href:
        hits, inside = index.by_link(role, href)
        hits = [h for h in hits if h.kind == "ladder_level"]
        if len(hits) == 1:
            return hits[0].id
        if len(hits) > 1:
            match, _ = _by_title(title, hits)
            if match:
                return match.id
            diags.append(Diagnostic("AMBIGUOUS_LINK", f"{what} link {href!r} matches {len(hits)} levels",
                                    role.source, line))
            return None
        diags.append(Diagnostic("UNRESOLVED_LINK", f"{what} {title!r} links to {href!r}, which is not in the input",
                                role.source, line))
        return None
    near, same_org = index.candidates(role, orgs)
    match, ambiguous = _by_title(title, near)
    if match is None and ambiguous and same_org:
        match, ambiguous = _by_title(title, same_org)
    if match:
        return match.id
    if ambiguous:
        names = ", ".join(sorted({a.title for a in ambiguous}))
        diags.append(Diagnostic("AMBIGUOUS_PARENT" if what == "parent" else "AMBIGUOUS_NEXT",
                                f"{what} {title!r} matches several levels: {names}", role.source, line))
    else:
        diags.append(Diagnostic("UNRESOLVED_PARENT" if what == "parent" else "UNRESOLVED_NEXT",
                                f"{what} {title!r} is not a level in this ladder", role.source, line))
    return None


def _cycles(parents: dict[str, list[str]]) -> set[tuple[str, str]]:
    """Edges (child, parent) that close a cycle in the parent graph."""
    state: dict[str, int] = {}
    bad: set[tuple[str, str]] = set()

    def visit(node: str) -> None:
        state[node] = 1
        for p in parents.get(node, []):
            if state.get(p) == 1:
                bad.add((node, p))
            elif p not in state:
                visit(p)
        state[node] = 2

    for node in list(parents):
        if node not in state:
            visit(node)
    return bad


def effective_expectations(role_id: str, roles: dict[str, Role]) -> tuple[Expectation, ...]:
    """Own expectations, then each ancestor's (breadth first, each level once), tagged with origin.

    Statements in benefits/about sections and pure references are not expectations.
    """
    out: list[Expectation] = []
    seen: set[str] = set()
    frontier = [(role_id, 0)]
    while frontier:
        rid, depth = frontier.pop(0)
        if rid in seen or rid not in roles:
            continue
        seen.add(rid)
        origin = roles[rid]
        for section in iter_sections(origin.sections):
            if section.kind in NON_EXPECTATION_KINDS:
                continue
            for st in iter_statements(section.statements):
                if not st.reference:
                    out.append(Expectation(st, origin.id, origin.title, depth, section.kind, section.path))
        frontier.extend((p.resolved_id, depth + 1) for p in origin.parents if p.resolved_id)
    return tuple(out)


def _order(members: list[Role]) -> list[Role]:
    """Parents before children, a level before its next level; otherwise by title level, then title."""
    ids = {r.id for r in members}
    after: dict[str, set[str]] = defaultdict(set)  # id -> ids that must come before it
    for r in members:
        for p in r.parents:
            if p.resolved_id in ids:
                after[r.id].add(p.resolved_id)
        if r.next_level and r.next_level.resolved_id in ids:
            after[r.next_level.resolved_id].add(r.id)
    rank = {r.id: (_LEVEL_RANK.get(title_level(r.title), T.RESOLVE_UNKNOWN_LEVEL_RANK), r.title, r.id) for r in members}
    done: list[Role] = []
    placed: set[str] = set()
    pending = sorted(members, key=lambda r: rank[r.id])
    while pending:
        ready = [r for r in pending if after[r.id] <= placed] or pending[:1]  # cycles: take the lowest
        nxt = ready[0]
        done.append(nxt)
        placed.add(nxt.id)
        pending.remove(nxt)
    return done


def resolve(roles: Sequence[Role]) -> tuple[list[Role], list[Ladder], list[Diagnostic]]:
    """Resolve inheritance among ``roles``.

    Returns (roles in input order with ``parents[].resolved_id``,
    ``next_level.resolved_id`` and ``ladder`` set; ladders with levels in order
    and effective expectations; warnings). Job postings never inherit and are
    never parents: they come back unchanged.
    """
    diags: list[Diagnostic] = []
    levels = [r for r in roles if r.kind == "ladder_level"]
    index = _Index.build(levels)
    orgs = _organizations(levels)
    updated: dict[str, Role] = {}
    for role in levels:
        parents = []
        for p in role.parents:
            rid = _resolve_ref(role, p.title, p.href, index, orgs, p.line, "parent", diags)
            parents.append(replace(p, resolved_id=rid))
        nxt: NextLevelRef | None = role.next_level
        if nxt is not None:
            rid = _resolve_ref(role, nxt.title, nxt.href, index, orgs, nxt.line, "next level", diags)
            nxt = replace(nxt, resolved_id=rid)
        updated[role.id] = replace(role, parents=tuple(parents), next_level=nxt)
    _lend_organizations(updated)
    graph = {rid: [p.resolved_id for p in r.parents if p.resolved_id] for rid, r in updated.items()}
    for child, parent in sorted(_cycles(graph)):
        role = updated[child]
        ref = next(p for p in role.parents if p.resolved_id == parent)
        diags.append(Diagnostic("CYCLE", f"inheritance cycle: {role.title!r} -> {ref.title!r} leads back to itself",
                                role.source, ref.line))
        updated[child] = replace(role, parents=tuple(
            replace(p, resolved_id=None) if p.resolved_id == parent else p for p in role.parents))
    ladders = _ladders(updated, _organizations(list(updated.values())))
    return [updated.get(r.id, r) for r in roles], ladders, diags


def _consensus(orgs: Sequence[str | None]) -> str | None:
    """The organization of a ladder: named by at least half of its levels (and by most of those naming one)."""
    counts: dict[str, int] = defaultdict(int)
    size = len(orgs)
    for org in orgs:
        if org:
            counts[org] += 1
    if not counts:
        return None
    best = max(counts, key=lambda k: counts[k])
    return best if counts[best] >= T.RESOLVE_CONSENSUS_SHARE * max(sum(counts.values()), size) else None


def _lend_organizations(updated: dict[str, Role]) -> None:
    """A level without an organization takes the one of the levels it is linked to (parent, next level)."""
    changed = True
    while changed:
        changed = False
        for rid, role in list(updated.items()):
            if role.organization:
                continue
            linked = [p.resolved_id for p in role.parents] + [role.next_level.resolved_id if role.next_level else None]
            linked += [other.id for other in updated.values() if any(p.resolved_id == rid for p in other.parents)]
            orgs = {updated[x].organization for x in linked if x in updated and updated[x].organization}
            if len(orgs) == 1:
                updated[rid] = replace(role, organization=orgs.pop())
                changed = True


def _ladders(updated: dict[str, Role], orgs: dict[str, str | None]) -> list[Ladder]:
    """Group levels: connected by resolved references, else same organization, else same folder."""
    parent = {rid: rid for rid in updated}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        parent[find(a)] = find(b)

    groups: dict[str, str] = {}
    for rid, r in updated.items():
        key = orgs.get(rid) or "folder:" + _folder(r.source)
        if key in groups:
            union(rid, groups[key])
        else:
            groups[key] = rid
        for p in r.parents:
            if p.resolved_id:
                union(rid, p.resolved_id)
        if r.next_level and r.next_level.resolved_id:
            union(rid, r.next_level.resolved_id)
    members: dict[str, list[Role]] = defaultdict(list)
    for rid, r in updated.items():
        members[find(rid)].append(r)
    ladders = []
    used: set[str] = set()
    for group in members.values():
        named = _consensus([r.organization for r in group])
        folder = _folder(group[0].id.split("#", 1)[0]) or _folder(group[0].source).rsplit("/", 1)[-1] or "."
        base = slugify(named) if named else slugify(folder.replace("/", " ")) or "ladder"
        lid, n = base, 2
        while lid in used:
            lid, n = f"{base}-{n}", n + 1
        used.add(lid)
        ordered = _order(group)
        for r in ordered:  # levels of a named ladder that named no organization themselves take its name
            updated[r.id] = replace(r, ladder=lid, organization=r.organization or named)
        ordered = [updated[r.id] for r in ordered]
        ladders.append(Ladder(lid, named or folder, tuple(ordered), {}))
    final = dict(updated)
    return [replace(l, effective={r.id: effective_expectations(r.id, final) for r in l.roles}) for l in ladders]


__all__ = ["resolve", "effective_expectations", "title_tokens"]
