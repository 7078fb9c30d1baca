"""Model <-> JSON-ready dicts. Used only by ``store`` and ``render`` (stages pass objects).

The dict shape of a Role is the contract of ``roles.jsonl`` and is described
by ``careerladder/schema/role.schema.json``.
"""

from __future__ import annotations

import dataclasses
from typing import Any, Mapping

from .errors import CareerLadderError
from .model import (CompetencyScore, Evidence, Expectation, Ladder, Leveling, Link, NextLevelRef, ParentRef,
                    Requirement, Role, Section, Statement)
from .resolve import resolve


_FIELDS: dict[type, tuple[str, ...]] = {}
_SCALARS = (str, int, float, bool, type(None))


def to_data(obj: Any) -> Any:
    """A JSON-ready copy of a model object (dataclasses -> dicts, tuples -> lists)."""
    kind = type(obj)
    if kind in _SCALARS:
        return obj
    names = _FIELDS.get(kind)
    if names is None and dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        names = _FIELDS[kind] = tuple(f.name for f in dataclasses.fields(obj))
    if names is not None:  # scalars are copied in place: most fields are, and a call each was the cost
        out = {}
        for name in names:
            value = getattr(obj, name)
            out[name] = value if type(value) in _SCALARS else to_data(value)
        return out
    if kind is list or kind is tuple:
        return [v if type(v) in _SCALARS else to_data(v) for v in obj] if obj else []
    if kind is dict or isinstance(obj, Mapping):
        return {str(k): to_data(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [to_data(v) for v in obj]
    return obj


def expectation_data(e: Expectation) -> dict[str, Any]:
    """One effective expectation as stored in ``roles.jsonl`` (statement text, not its tree)."""
    return {"statement_id": e.statement.id, "text": e.statement.text, "line": e.statement.line,
            "label": e.statement.label, "origin_id": e.origin_id, "origin_title": e.origin_title,
            "depth": e.depth, "section_kind": e.section_kind, "section_path": list(e.section_path)}


def role_data(role: Role, effective: tuple[Expectation, ...] | None = None) -> dict[str, Any]:
    """A role as one ``roles.jsonl`` object; ``effective`` adds ``effective_expectations``."""
    data = to_data(role)
    data["span"] = list(role.span)
    if effective is not None:
        data["effective_expectations"] = [expectation_data(e) for e in effective]
    return data


def _statement(d: Mapping[str, Any]) -> Statement:
    return Statement(
        id=d["id"], text=d["text"], line=d["line"], end_line=d.get("end_line", d["line"]),
        kind=d.get("kind", "item"), children=tuple(_statement(c) for c in d.get("children", ())),
        label=d.get("label"), reference=bool(d.get("reference", False)),
        competencies=tuple(CompetencyScore(**c) for c in d.get("competencies", ())),
        links=tuple(Link(**lk) for lk in d.get("links", ())))


def _section(d: Mapping[str, Any]) -> Section:
    return Section(heading=d.get("heading", ""), path=tuple(d.get("path", ())), kind=d.get("kind", "other"),
                   line=d.get("line", 0), statements=tuple(_statement(s) for s in d.get("statements", ())),
                   subsections=tuple(_section(s) for s in d.get("subsections", ())))


def _leveling(d: Mapping[str, Any] | None) -> Leveling | None:
    if not d:
        return None
    return Leveling(level=d["level"], confidence=d["confidence"], scores=dict(d.get("scores", {})),
                    title_level=d.get("title_level", "unknown"),
                    evidence=tuple(Evidence(**e) for e in d.get("evidence", ())),
                    inflation=d.get("inflation"), text_level=d.get("text_level"), reason=d.get("reason"))


def role_from_data(d: Mapping[str, Any]) -> Role:
    """The Role a ``role_data`` dict describes (extra keys such as ``effective_expectations`` ignored)."""
    nxt = d.get("next_level")
    return Role(
        id=d["id"], source=d["source"], title=d["title"], kind=d["kind"], span=tuple(d.get("span", (0, 0))),
        organization=d.get("organization"), heading=d.get("heading"), metadata=dict(d.get("metadata", {})),
        sections=tuple(_section(s) for s in d.get("sections", ())),
        requirements=tuple(Requirement(**r) for r in d.get("requirements", ())),
        parents=tuple(ParentRef(**p) for p in d.get("parents", ())),
        next_level=NextLevelRef(**nxt) if nxt else None, content_hash=d.get("content_hash", ""),
        ladder=d.get("ladder"), leveling=_leveling(d.get("leveling")), track=d.get("track"),
        level_code=d.get("level_code"), variant=d.get("variant"), variant_of=d.get("variant_of"))


def ladder_data(ladder: Ladder) -> dict[str, Any]:
    """A ladder: company, track, the trunk it forks from (a ladder id or None), levels in order (ids,
    titles, codes) with their effective expectations, variants and equivalences."""
    return {
        "id": ladder.id, "name": ladder.name, "company": ladder.company,
        "company_inferred": ladder.company_inferred, "track": ladder.track, "folder": ladder.folder,
        "order_evidence": ladder.order_evidence, "trunk": ladder.trunk,
        "equivalences": [to_data(e) for e in ladder.equivalences],
        "levels": [{"id": r.id, "title": r.title, "source": r.source, "code": r.level_code,
                    "level": r.leveling.level if r.leveling else None,
                    "variants": list(ladder.variants.get(r.id, ())),
                    "parents": [to_data(p) for p in r.parents],
                    "next_level": to_data(r.next_level),
                    "effective_expectations": [expectation_data(e) for e in ladder.effective.get(r.id, ())]}
                   for r in ladder.roles],
    }


def ladder_from_store(store: Any, ladder_id: str) -> Ladder:
    """The ladder ``ladder_id`` rebuilt from a store's roles: levels with their competencies,
    inheritance re-resolved. Raises ``CareerLadderError`` when it is not stored."""
    stored = {lad["id"]: lad for lad in store.ladders()}
    if ladder_id not in stored:
        raise CareerLadderError(f"no stored ladder {ladder_id!r} (stored: {', '.join(sorted(stored)) or 'none'})")
    ids = [lv["id"] for lv in stored[ladder_id]["levels"]]
    roles = [role_from_data(d) for d in (store.role(i) for i in ids) if d]
    _, ladders, _ = resolve(roles)
    return max(ladders, key=lambda lad: len(lad.roles))
