"""Which company each ladder level belongs to, and the company's display name.

A *company unit* is one folder of one company: the top-level folder of the input a level was read
from (``input root / first folder of the role id``), or the input root itself when the level sits
directly in it. The levels of a unit belong to one company unless they name different organizations
(``Role.organization``: front matter, "at <Company>"...): then each organization its levels name is a
company of its own, and the levels that name none join the one most levels name.

The display name, from the strongest evidence first: an organization the unit's levels agree on
(the only one named, or one named by at least half of the levels that name one), the title of the
unit's index page ("Dropbox Engineering Career Framework" -> "Dropbox"), else the folder's name
(``owner__repo`` -> the owner), marked ``inferred``.
"""

from __future__ import annotations

import posixpath
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Sequence

from .. import thresholds as T
from ..extract.grammar import slugify
from ..model import Document, Role

#: Words of an index page's title that describe the document, not the company.
_GENERIC = frozenset("""
a an and the of for in at to our my s team teams engineering engineer engineers software development developer
developers technology tech career careers ladder ladders framework frameworks progression progressions handbook
guide guides level levels roles role job jobs family families description descriptions path paths track tracks
matrix competencies competency expectations overview index readme home welcome compass documentation docs
people growth leveling levelling promotion promotions guidelines principles
""".split())
#: Words that say a page is about a career ladder (one must follow a company name in an index title).
_LADDER_WORDS = frozenset({"career", "careers", "ladder", "ladders", "framework", "frameworks", "levels",
                           "progression", "progressions", "paths", "tracks", "handbook", "matrix", "leveling"})
#: First words of a title that are not a company's name.
_NOT_NAMES = frozenset({"about", "introduction", "welcome", "overview", "our", "the", "how", "what", "why",
                        "performance", "data", "software", "engineering"})
#: Words of a repository owner's name that are not part of the company's ("2i2c-org" -> "2i2c").
_OWNER_SUFFIX = frozenset({"org", "inc", "labs", "hq", "io", "dev", "oss", "developer", "eng"})
#: Web suffixes dropped from an organization name ("GitLab.com" -> "GitLab").
_WEB_SUFFIX = re.compile(r"\.(?:com|io|org|net|co|dev|ai|app)$", re.I)


@dataclass(frozen=True, slots=True)
class Company:
    """One company unit: its ``key`` (unit path), display ``name``, whether the name is ``inferred``
    from a folder name, and its source ``folder``."""

    key: str
    name: str
    inferred: bool
    folder: str


def unit_of(role: Role) -> str:
    """The company unit of a level: the input root plus the first folder of its id (see module docstring)."""
    rel = role.id.split("#", 1)[0].replace("\\", "/")
    source = role.source.replace("\\", "/")
    root = source[: -len(rel)].rstrip("/") if rel and source.endswith(rel) else posixpath.dirname(source)
    first = rel.split("/", 1)[0] if "/" in rel else ""
    return posixpath.join(root, first) if first else (root or ".")


def display_name(organization: str) -> str:
    """An organization as people write it: web suffixes dropped, spaces tidied."""
    name = " ".join(organization.split())
    return _WEB_SUFFIX.sub("", name) or name


def _agreed(names: Sequence[str]) -> str | None:
    """The organization a unit's levels agree on: the only one named, else one named by half of them."""
    counts = Counter(slugify(n) for n in names if n)
    if not counts:
        return None
    key, n = counts.most_common(1)[0]
    if len(counts) == 1 or n >= T.RESOLVE_CONSENSUS_SHARE * sum(counts.values()):
        return next(display_name(x) for x in names if x and slugify(x) == key)
    return None


def _from_index(pages: Sequence[Document]) -> str | None:
    """A company name from the title of a unit's index page (the shallowest README/index page with a title)."""
    def depth(doc: Document) -> tuple[int, str]:
        return doc.source.count("/"), doc.source

    for doc in sorted(pages, key=depth):
        name = posixpath.basename(doc.source).lower()
        title = doc.title or next((b.text for b in doc.blocks if b.kind == "heading"), None)
        if not title or not name.startswith(("readme", "index", "_index", "home")):
            continue
        words = re.findall(r"[\w.&'-]+", title)
        kept: list[str] = []
        for w in words:  # the words before the first generic word ("Dropbox Engineering Career ...")
            if w.lower().strip("'s") in _GENERIC or w.lower() in _GENERIC:
                break
            kept.append(w.rstrip(":"))
        rest = {w.lower() for w in words[len(kept):]}
        # a name is followed by what the page is (a ladder, levels, a framework) and is not a common word
        if kept and len(kept) <= 3 and kept[0][:1].isupper() and rest & _LADDER_WORDS \
                and kept[0].lower() not in _NOT_NAMES:
            return " ".join(kept)
    return None


def _from_folder(key: str) -> str:
    folder = posixpath.basename(key.rstrip("/")) or key
    owner = folder.split("__", 1)[0].split("@", 1)[0]
    parts = [p for p in re.split(r"[-_\s]+", owner) if p]
    while len(parts) > 1 and parts[-1].lower() in _OWNER_SUFFIX:
        parts.pop()
    return " ".join(p if any(c.isupper() for c in p) else p[:1].upper() + p[1:] for p in parts) or folder


def companies(levels: Sequence[Role], pages: Sequence[Document] = ()) -> dict[str, Company]:
    """Role id -> its ``Company``, for every ladder level (see module docstring)."""
    units: dict[str, list[Role]] = defaultdict(list)
    for r in levels:
        units[unit_of(r)].append(r)
    page_units: dict[str, list[Document]] = defaultdict(list)
    for doc in pages:
        for key in units:
            if doc.source.replace("\\", "/").startswith(key.rstrip("/") + "/"):
                page_units[key].append(doc)
    out: dict[str, Company] = {}
    for key, members in units.items():
        named = Counter(slugify(r.organization) for r in members if r.organization)
        if len(named) > 1:  # the folder holds the ladders of several organizations: one company each
            main = named.most_common(1)[0][0]
            for org in named:
                group = [r for r in members if (slugify(r.organization) if r.organization else main) == org]
                display = display_name(next(r.organization for r in group if r.organization))
                company = Company(key if org == main else f"{key}#{org}", display, False, key)
                out.update((r.id, company) for r in group)
            continue
        name = _agreed([r.organization for r in members if r.organization])
        inferred = False
        if name is None:
            name = _from_index(page_units.get(key, ()))
        if name is None:
            name, inferred = _from_folder(key), True
        company = Company(key, name, inferred, key)
        for r in members:
            out[r.id] = company
    return out


__all__ = ["Company", "companies", "display_name", "unit_of"]
