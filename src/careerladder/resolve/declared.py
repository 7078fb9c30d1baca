"""What a ladder kept as data states of its levels (``Role.metadata["declared"]``, written by the
ladder-data readers: ``readers.ladder_data.declared_data``). Explicit data wins over inference:

* ``track``: the level's track, used as is (``tracks`` infers only the levels that state none);
* ``trunk``: the track whose levels come before this track's first level (``Ladder.trunk``);
* ``position``: the level's place in its track, the strongest order evidence (``declared``);
* ``code``: the level's code (``Role.level_code``), even one no code pattern reads ("Senior 1");
* ``inherits``: the key of the level it inherits from, a parent resolved without a title search (a
  level kept as data has no other parent, and no next-level link: a cell reading "the same as part
  of the team's work" names no level);
* ``equivalents``: keys of levels it stands beside (``Equivalence`` basis ``stated``).

Keys name levels of the same file: the level ``file.yaml#senior-engineer`` names ``engineer`` for
``file.yaml#engineer``. Pure: no I/O.
"""

from __future__ import annotations

from typing import Any, Mapping

from ..model import ParentRef, Role


def declared(role: Role) -> Mapping[str, Any]:
    """The declared data of a level ({} for a prose level)."""
    data = role.metadata.get("declared") if role.metadata else None
    return data if isinstance(data, Mapping) else {}


def sibling(role: Role, key: str) -> str:
    """The role id of the level ``key`` of ``role``'s file."""
    return f"{role.id.split('#', 1)[0]}#{key}"


def declared_track(role: Role) -> str | None:
    """The track the data names for the level, or None."""
    track = declared(role).get("track")
    return track if isinstance(track, str) and track else None


def declared_position(role: Role) -> int | None:
    """The level's 0-based place in its track, as the data lists it, or None."""
    pos = declared(role).get("position")
    return pos if isinstance(pos, int) and not isinstance(pos, bool) else None


def declared_parent(role: Role, roles: Mapping[str, Role]) -> ParentRef | None:
    """The parent the data names, resolved to its role id (None when it names none; a parent naming a
    level not in ``roles`` keeps ``resolved_id`` None, for resolve to report)."""
    data = declared(role)
    key = data.get("inherits")
    if not isinstance(key, str) or not key:
        return None
    rid = sibling(role, key)
    target = roles.get(rid)
    return ParentRef(target.title if target else key, f"inherits: {key}", int(data.get("inherits_line") or
                                                                             role.span[0]),
                     resolved_id=rid if target else None)


def declared_equivalents(role: Role) -> list[tuple[str, int | None]]:
    """(role id, line) of each level the data says is equivalent to this one."""
    out = []
    for pair in declared(role).get("equivalents") or ():
        if isinstance(pair, (list, tuple)) and pair and isinstance(pair[0], str):
            out.append((sibling(role, pair[0]), pair[1] if len(pair) > 1 and isinstance(pair[1], int) else None))
    return out


__all__ = ["declared", "declared_equivalents", "declared_parent", "declared_position", "declared_track", "sibling"]
