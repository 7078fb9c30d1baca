"""References between ladder levels: "Same as X" / "extends [X](link)" parents and next-level links
resolved to role ids (by link target, else by title among the levels of the same company or folder),
inheritance cycles, and each level's effective expectations (own + inherited, with origin).

Pure: no I/O. Problems (unknown parent, ambiguous title, cycle, a link to a page not in the input)
become ``Diagnostic`` warnings; nothing raises.
"""

from __future__ import annotations

import posixpath
from collections import defaultdict
from dataclasses import dataclass
from typing import Iterable, Sequence

from .. import thresholds as T
from ..extract.grammar import slugify
from ..extract.titles import normalize_title
from ..model import Diagnostic, Expectation, Role, iter_sections, iter_statements
from ..vocab import NON_EXPECTATION_KINDS, normalize

_STOP = frozenset({"of", "the", "a", "an", "and", "for", "in", "&"})


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


def folder_of(source: str) -> str:
    """The folder of a source path (POSIX)."""
    return posixpath.dirname(source.replace("\\", "/"))


@dataclass
class Index:
    """Lookup tables over all ladder levels of one resolve run."""

    roles: dict[str, Role]
    by_source: dict[str, list[Role]]

    @classmethod
    def build(cls, roles: Iterable[Role]) -> "Index":
        by_source: dict[str, list[Role]] = defaultdict(list)
        table = {}
        for r in roles:
            table[r.id] = r
            by_source[posixpath.normpath(r.source.replace("\\", "/"))].append(r)
        return cls(table, by_source)

    def candidates(self, role: Role, orgs: dict[str, str | None]) -> tuple[list[Role], list[Role]]:
        """(levels the role may inherit from: same folder or same company unit (``orgs``: role id ->
        unit key); the subset of them in the role's own unit)."""
        mine = orgs.get(role.id)
        folder = folder_of(role.source)
        near, same_org = [], []
        for other in self.roles.values():
            if other.id == role.id:
                continue
            theirs = orgs.get(other.id)
            if (mine and theirs == mine) or folder_of(other.source) == folder:
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
        here = folder_of(role.source)
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


def by_title(title: str, candidates: Sequence[Role]) -> tuple[Role | None, list[Role]]:
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


@dataclass(frozen=True, slots=True)
class Resolution:
    """A reference resolved: ``id`` (None when unresolved), the levels a title matched equally
    (``ambiguous``: a later step may choose by the track's order) and the diagnostic to report when
    nothing better is found."""

    id: str | None
    ambiguous: tuple[Role, ...] = ()
    diagnostic: Diagnostic | None = None


def resolve_ref(role: Role, title: str, href: str | None, index: Index, units: dict[str, str | None], line: int,
                what: str) -> Resolution:
    """A parent or next-level reference (``what``) of ``role`` resolved by its link, else its title."""
    if href:
        hits, _ = index.by_link(role, href)
        hits = [h for h in hits if h.kind == "ladder_level"]
        if len(hits) == 1:
            return Resolution(hits[0].id)
        if len(hits) > 1:
            match, _ = by_title(title, hits)
            if match:
                return Resolution(match.id)
            return Resolution(None, tuple(hits), Diagnostic(
                "AMBIGUOUS_LINK", f"{what} link {href!r} matches {len(hits)} levels", role.source, line))
        return Resolution(None, (), Diagnostic(
            "UNRESOLVED_LINK", f"{what} {title!r} links to {href!r}, which is not in the input", role.source, line))
    near, same_unit = index.candidates(role, units)
    match, ambiguous = by_title(title, near)
    if match is None and ambiguous and same_unit:
        match, ambiguous = by_title(title, same_unit)
    if match:
        return Resolution(match.id)
    if ambiguous:
        names = ", ".join(sorted({a.title for a in ambiguous}))
        return Resolution(None, tuple(ambiguous), Diagnostic(
            "AMBIGUOUS_PARENT" if what == "parent" else "AMBIGUOUS_NEXT",
            f"{what} {title!r} matches several levels: {names}", role.source, line))
    return Resolution(None, (), Diagnostic(
        "UNRESOLVED_PARENT" if what == "parent" else "UNRESOLVED_NEXT",
        f"{what} {title!r} is not a level in this ladder", role.source, line))


def cycles(parents: dict[str, list[str]]) -> set[tuple[str, str]]:
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
