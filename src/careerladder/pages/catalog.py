"""What the site and the web app show, read from a store and turned back into model objects.

``Catalog`` loads the ladders and their levels once (they are few) and job
postings one at a time when a page asks (there can be tens of thousands).
``url_key`` names a role in URLs and file names: datasette's tilde encoding, so
a key is made of ``[A-Za-z0-9_-~]`` only, round-trips exactly, and can never
hold ``/``, ``.`` or ``..``.

>>> url_key("ladders/director.md#2")
'ladders~2Fdirector~2Emd~232'
>>> role_id_of(url_key("ladders/director.md#2"))
'ladders/director.md#2'
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from dataclasses import dataclass, field
from string import ascii_letters, digits
from typing import Any, Iterator, Mapping
from urllib.parse import unquote

from .. import thresholds as T
from .. import codec
from ..model import Equivalence, Expectation, Ladder, Role, Statement, iter_sections, iter_statements
from ..store.base import Store
from ..vocab import NON_EXPECTATION_KINDS

_SAFE = frozenset(ascii_letters + digits + "_-")


@lru_cache(maxsize=65536)
def url_key(role_id: str) -> str:
    """The URL/file-name-safe key of a role id (tilde encoding of every byte outside ``[A-Za-z0-9_-]``)."""
    out = []
    for ch in role_id:
        if ch in _SAFE:
            out.append(ch)
        else:
            out.extend(f"~{b:02X}" for b in ch.encode("utf-8"))
    return "".join(out)


def role_id_of(key: str) -> str | None:
    """The role id a key names, or ``None`` when ``key`` is not a well-formed key."""
    if not key or any(ch not in _SAFE and ch != "~" for ch in key):
        return None
    try:
        return unquote(key.replace("~", "%"), errors="strict")
    except UnicodeDecodeError:
        return None


def file_key(role_id: str) -> str:
    """``url_key`` cut to a safe file-name length (with a sha1 suffix when cut)."""
    key = url_key(role_id)
    if len(key) <= T.FILE_KEY_MAX_CHARS:
        return key
    return key[:T.FILE_KEY_MAX_CHARS - 17] + "-" + hashlib.sha1(role_id.encode("utf-8")).hexdigest()[:16]


def ladder_from_data(data: Mapping[str, Any], roles: Mapping[str, Role]) -> Ladder:
    """The ``Ladder`` a ``codec.ladder_data`` dict describes (company, track, trunk, variants and
    equivalences included); its levels are looked up in ``roles``.

    Effective expectations point at the statement objects of their origin level
    (so they keep their competencies); a statement missing there is rebuilt
    from the stored text and line.
    """
    statements = {st.id: st for role in roles.values() for _, st in _statements(role)}
    levels = tuple(roles[lv["id"]] for lv in data.get("levels", ()) if lv["id"] in roles)
    effective = {}
    for lv in data.get("levels", ()):
        effective[lv["id"]] = tuple(
            Expectation(statements.get(e["statement_id"]) or Statement(e["statement_id"], e["text"], e["line"],
                                                                        e["line"], label=e.get("label")),
                        e["origin_id"], e["origin_title"], e["depth"], e.get("section_kind", "other"),
                        tuple(e.get("section_path", ())))
            for e in lv.get("effective_expectations", ()))
    return Ladder(data["id"], data.get("name") or data["id"], levels, effective, company=data.get("company"),
                  company_inferred=bool(data.get("company_inferred")), track=data.get("track"),
                  folder=data.get("folder"), order_evidence=data.get("order_evidence"),
                  variants={lv["id"]: tuple(lv.get("variants", ())) for lv in data.get("levels", ())
                            if lv.get("variants")},
                  equivalences=tuple(Equivalence(**e) for e in data.get("equivalences", ())),
                  trunk=data.get("trunk"))


def _statements(role: Role) -> Iterator[tuple[Any, Statement]]:
    for section in iter_sections(role.sections):
        for st in iter_statements(section.statements):
            yield section, st


def own_expectations(role: Role) -> tuple[Expectation, ...]:
    """A role's own statements as expectations (depth 0), as ``resolve`` counts them for a level:
    benefits/about sections and pure references left out. Used for roles outside any ladder."""
    return tuple(Expectation(st, role.id, role.title, 0, section.kind, section.path)
                 for section, st in _statements(role)
                 if section.kind not in NON_EXPECTATION_KINDS and not st.reference)


@dataclass
class Catalog:
    """Roles and ladders of one store, as model objects.

    ``ladders``: in store order; ``levels``: ladder-level roles by id (all loaded);
    other roles (job postings) are read from ``store`` when asked for and kept
    in ``_cache``. ``counts``: the store's row counts. ``memo``: results computed
    from the whole catalog (``web.findings`` keeps the lint findings there).
    """

    store: Store
    ladders: list[Ladder] = field(default_factory=list)
    levels: dict[str, Role] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    _cache: dict[str, Role | None] = field(default_factory=dict, repr=False)
    _ladder_of: dict[str, Ladder] = field(default_factory=dict, repr=False)
    _organizations: list[str] | None = field(default=None, repr=False)
    #: What pages derive from the whole catalog once (lint findings), kept as long as the catalog is.
    memo: dict[str, Any] = field(default_factory=dict, repr=False)

    @classmethod
    def load(cls, store: Store) -> "Catalog":
        """Read ladders and ladder levels from ``store`` (postings stay in the store until asked for)."""
        levels = {d["id"]: codec.role_from_data(d) for d in store.roles(kind="ladder_level")}
        ladders = [ladder_from_data(d, levels) for d in store.ladders()]
        cat = cls(store, ladders, levels, dict(store.counts()))
        cat._ladder_of = {r.id: lad for lad in ladders for r in lad.roles}
        return cat

    def role(self, role_id: str) -> Role | None:
        """The role with this id, or ``None``."""
        if role_id in self.levels:
            return self.levels[role_id]
        if role_id not in self._cache:
            data = self.store.role(role_id)
            self._cache[role_id] = codec.role_from_data(data) if data else None
        return self._cache[role_id]

    def ladder_of(self, role_id: str) -> Ladder | None:
        """The ladder a level belongs to (``None`` for postings and unplaced roles)."""
        return self._ladder_of.get(role_id)

    def ladder(self, ladder_id: str) -> Ladder | None:
        return next((lad for lad in self.ladders if lad.id == ladder_id), None)

    def effective(self, role: Role) -> tuple[Expectation, ...]:
        """Effective expectations: from the role's ladder (inherited ones included), else its own."""
        ladder = self.ladder_of(role.id)
        if ladder is not None and role.id in ladder.effective:
            return ladder.effective[role.id]
        return own_expectations(role)

    def roles(self, kind: str | None = None, limit: int | None = None) -> Iterator[Role]:
        """Roles in id order (optionally one kind), at most ``limit``; postings are streamed from the store."""
        for n, data in enumerate(self.store.roles(kind=kind)):
            if limit is not None and n >= limit:
                return
            yield self.levels.get(data["id"]) or codec.role_from_data(data)

    def all_roles(self, limit_postings: int | None = None) -> list[Role]:
        """Ladder levels (ladder order) then job postings (id order, at most ``limit_postings``)."""
        placed = [r for lad in self.ladders for r in lad.roles]
        seen = {r.id for r in placed}
        rest = [r for r in self.levels.values() if r.id not in seen]
        return placed + rest + list(self.roles(kind="job_posting", limit=limit_postings))

    def organizations(self) -> list[str]:
        """Every organization named by a stored role, sorted case-insensitively (read once, then kept)."""
        if self._organizations is None:
            names = {r.organization for r in self.levels.values() if r.organization}
            names.update(d["organization"] for d in self.store.roles(kind="job_posting") if d.get("organization"))
            self._organizations = sorted(names, key=str.lower)
        return self._organizations
