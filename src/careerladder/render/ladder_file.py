"""A ladder written back out for editing: careerladder's ladder YAML (``schema/ladder.schema.json``)
or a CSV matrix (levels as columns), from any ladder careerladder has read, prose or data. Reading
either file back (``readers.ladder_yaml``, ``readers.ladder_csv``) gives the same ladder: titles,
order, tracks, trunks, codes, inheritance, stated equivalences and expectations.

``ladder_dict(ladders)`` is the schema's shape (what ``ladder_yaml`` dumps); ``ladder_csv(ladders)``
the matrix: a header of level titles, label rows (``id``, ``track``, ``trunk``, ``code``,
``canonical``, ``inherits``, ``equivalent``, ``company``: only those some level has), then one row
per competency ("Theme > Competency", in an order that keeps each level's: ``row_order``), one cell per level
(several expectations as bullet lines: ``readers.ladder_data.cell_text``).

A level's expectations are its own statements (inherited ones come back through ``inherits``),
sections of benefits or about the company aside; a statement that only points at another level
("Same as Engineer II, but also...") is left out: its parent is ``inherits``. Statements before a
page's first heading go under ``General``. ``canonical`` is what the data declared, else the
management level careerladder read (``Role.leveling``). Only equivalences the company states
(``stated``, ``table``) are written: shared codes and the reference mapping are found again on reading.
"""

from __future__ import annotations

import csv
import heapq
import io
from typing import Any, Iterable, Sequence

import yaml

from ..model import Ladder, Role, Statement, iter_sections
from ..readers.ladder_data import GENERAL, PATH_SEPARATOR, Item, cell_text, key_of, split_cell, unique_key
from ..resolve.declared import declared
from ..version import __version__
from ..vocab import LEVELS, NON_EXPECTATION_KINDS, TRACK_NAMES

#: Equivalence bases a company states (the others careerladder infers again when it reads the file).
STATED = ("stated", "table")


def select(ladders: Sequence[Ladder], ref: str) -> list[Ladder]:
    """The ladders one export holds: the ladder whose id or name is ``ref`` with the trunks it forks
    from (trunk first), or every ladder of the company ``ref`` names (its display name or a ladder id's
    company part). [] when ``ref`` names none."""
    by_id = {lad.id: lad for lad in ladders}
    want = ref.strip().lower()
    hit = next((lad for lad in ladders if want in (lad.id.lower(), lad.name.lower())), None)
    if hit is not None:
        chain = [hit]
        while chain[0].trunk in by_id and by_id[chain[0].trunk] not in chain:
            chain.insert(0, by_id[chain[0].trunk])
        return chain
    key = key_of(want)
    found = [lad for lad in ladders if want and (want == (lad.company or "").lower() or key == key_of(
        lad.name[: -len(track_text(lad.track))] if lad.track else lad.name))]
    ordered: list[Ladder] = []
    for lad in found:  # a trunk before the tracks that fork from it
        chain = [lad]
        while chain[0].trunk in by_id and by_id[chain[0].trunk] in found and by_id[chain[0].trunk] not in chain:
            chain.insert(0, by_id[chain[0].trunk])
        ordered += [c for c in chain if c not in ordered]
    return ordered


def track_text(track: str | None) -> str:
    """A track as the file names it ("individual contributor")."""
    return TRACK_NAMES.get(track or "", (track or "").replace("_", " "))


def _item(st: Statement) -> Item:
    return Item(st.text, st.line, st.end_line, st.label, [_item(c) for c in st.children])


def expectations(role: Role) -> list[tuple[tuple[str, ...], list[Item]]]:
    """(section path, expectations) of a level's own sections, in order (see the module docstring)."""
    out: dict[tuple[str, ...], list[Item]] = {}
    for section in iter_sections(role.sections):
        if section.kind in NON_EXPECTATION_KINDS:
            continue
        items = [_item(st) for st in section.statements if not st.reference]
        if items:
            out.setdefault(tuple(section.path) or (GENERAL,), []).extend(items)
    return list(out.items())


class _Levels:
    """The exported levels with their keys (a level's declared key, else its title's, made unique)."""

    def __init__(self, ladders: Sequence[Ladder]):
        used: set[str] = set()
        self.key: dict[str, str] = {}
        for lad in ladders:
            for role in lad.roles:
                base = declared(role).get("key") or key_of(role.title)
                if base in used:
                    base = key_of(f"{role.title} {track_text(lad.track)}")
                self.key[role.id] = unique_key(base, used)

    def parents(self, role: Role) -> list[str]:
        return [self.key[p.resolved_id] for p in role.parents if p.resolved_id in self.key]


def _canonical(role: Role) -> str | None:
    stated = declared(role).get("canonical")
    if stated:
        return stated
    level = role.leveling.level if role.leveling else None
    return level if level in LEVELS else None


def _equivalences(ladders: Sequence[Ladder], levels: _Levels) -> list[tuple[str, str]]:
    pairs: dict[frozenset, tuple[str, str]] = {}
    for lad in ladders:
        for e in lad.equivalences:
            if e.basis in STATED and e.a in levels.key and e.b in levels.key:
                pairs.setdefault(frozenset((e.a, e.b)), (levels.key[e.a], levels.key[e.b]))
    return list(pairs.values())


def _company(ladders: Sequence[Ladder]) -> str | None:
    return next((lad.company for lad in ladders if lad.company and not lad.company_inferred), None)


def _text(text: str) -> str:
    """An expectation's text as the readers read it back: a text that starts like a bullet is bulleted."""
    return cell_text([Item(text, 0, 0)])


def _expectation_value(items: list[Item]) -> list[Any]:
    out: list[Any] = []
    for item in items:
        if item.label or item.children:
            value: dict[str, Any] = {"text": _text(item.text)}
            if item.label:
                value["label"] = item.label
            if item.children:
                value["children"] = _expectation_value(item.children)
            out.append(value)
        else:
            out.append(_text(item.text))
    return out


def ladder_dict(ladders: Sequence[Ladder]) -> dict[str, Any]:
    """The ladders (tracks of one company) in the schema's shape: ``company``, ``tracks`` [{name,
    trunk, levels [{id, title, code, canonical, inherits, expectations}]}], ``equivalences`` [[a, b]]."""
    levels = _Levels(ladders)
    exported = {lad.id for lad in ladders}
    by_id = {lad.id: lad for lad in ladders}
    out: dict[str, Any] = {}
    company = _company(ladders)
    if company:
        out["company"] = company
    tracks = []
    for lad in ladders:
        track: dict[str, Any] = {"name": track_text(lad.track) or "levels"}
        if lad.trunk in exported:
            track["trunk"] = track_text(by_id[lad.trunk].track)
        track["levels"] = []
        for role in lad.roles:
            # a level kept as data keeps its title as the data wrote it ("Principal Engineer (People Manager)")
            title = role.heading if declared(role) and role.heading else role.title
            level: dict[str, Any] = {"id": levels.key[role.id], "title": title}
            if role.level_code:
                level["code"] = role.level_code
            if _canonical(role):
                level["canonical"] = _canonical(role)
            parents = levels.parents(role)
            if parents:
                level["inherits"] = parents[0] if len(parents) == 1 else parents
            exps = {PATH_SEPARATOR.join(path): _expectation_value(items) for path, items in expectations(role)}
            if exps:
                level["expectations"] = exps
            track["levels"].append(level)
        tracks.append(track)
    out["tracks"] = tracks
    pairs = _equivalences(ladders, levels)
    if pairs:
        out["equivalences"] = [list(p) for p in pairs]
    return out


class _Dumper(yaml.SafeDumper):
    """Block style; multi-line text as ``|`` literals."""


def _str(dumper: yaml.SafeDumper, value: str):
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)


def ladder_yaml(ladders: Sequence[Ladder]) -> str:
    """``ladder_dict`` as YAML, with a comment naming the schema; ``careerladder ladder FILE`` reads it."""
    body = yaml.dump(ladder_dict(ladders), Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100,
                     default_flow_style=False)
    return (f"# A career ladder in careerladder's ladder format (schema: careerladder/schema/ladder.schema.json),\n"
            f"# written by careerladder {__version__}. Edit it, then read it back: careerladder ladder FILE\n"
            + body)


def _rows(ladders: Sequence[Ladder]) -> Iterable[list[str]]:
    data = ladder_dict(ladders)
    levels = [(track, lv) for track in data["tracks"] for lv in track["levels"]]
    yield ["competency"] + [lv["title"] for _, lv in levels]
    equivalent: dict[str, list[str]] = {}
    for a, b in data.get("equivalences", ()):
        equivalent.setdefault(a, []).append(b)
    label_rows = {
        "id": [lv["id"] for _, lv in levels],
        "track": [track["name"] for track, _ in levels],
        "trunk": [track.get("trunk", "") for track, _ in levels],
        "code": [lv.get("code", "") for _, lv in levels],
        "canonical": [lv.get("canonical", "") for _, lv in levels],
        "inherits": ["\n".join([lv["inherits"]] if isinstance(lv.get("inherits"), str) else lv.get("inherits", []))
                     for _, lv in levels],
        "equivalent": ["\n".join(equivalent.get(lv["id"], [])) for _, lv in levels],
        "company": [data.get("company", "")] + [""] * (len(levels) - 1),
    }
    for name, cells in label_rows.items():
        if any(cells):
            yield [name] + cells
    for path in row_order([list(lv.get("expectations", {})) for _, lv in levels]):
        yield [path] + [cell_text(_items(lv.get("expectations", {}).get(path, []))) for _, lv in levels]


def row_order(orders: list[list[str]]) -> list[str]:
    """One row order for the competencies of all levels that keeps each level's own order where the
    orders agree (a merge of the lists; first use breaks ties, and decides where they disagree).

    >>> row_order([["Code", "Ops", "Team"], ["Design", "Team"]])
    ['Code', 'Ops', 'Design', 'Team']
    """
    first: dict[str, int] = {}
    for order in orders:
        for name in order:
            first.setdefault(name, len(first))
    after: dict[str, set[str]] = {name: set() for name in first}
    for order in orders:
        for a, b in zip(order, order[1:]):
            if a != b:
                after[a].add(b)
    waiting = {name: 0 for name in first}
    for name in first:
        for b in after[name]:
            waiting[b] += 1
    ready = [(i, n) for n, i in first.items() if not waiting[n]]
    heapq.heapify(ready)
    out: list[str] = []
    left = dict(first)
    while left:
        if not ready:  # the orders disagree (a cycle): first use decides
            name = min(left, key=left.__getitem__)
            waiting[name] = 0
            ready.append((left[name], name))
        _, name = heapq.heappop(ready)
        if name not in left:
            continue
        del left[name]
        out.append(name)
        for b in after[name]:
            waiting[b] -= 1
            if waiting[b] == 0 and b in left:
                heapq.heappush(ready, (first[b], b))
    return out


def _items(values: list[Any]) -> list[Item]:
    out = []
    for v in values:  # the text as ladder_dict wrote it (bulleted when it starts like a bullet)
        if isinstance(v, str):
            out += split_cell(v, 0)
        else:
            first = split_cell(v["text"], 0)[0]
            out.append(Item(first.text, 0, 0, v.get("label"), _items(v.get("children", []))))
    return out


def ladder_csv(ladders: Sequence[Ladder]) -> str:
    """The ladders as one CSV matrix, levels as columns (see the module docstring); a spreadsheet
    program opens it, and ``careerladder ladder FILE`` reads it back."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")  # RFC 4180, as spreadsheet programs write it
    for row in _rows(ladders):
        writer.writerow(row)
    return buf.getvalue()


__all__ = ["expectations", "ladder_csv", "ladder_dict", "ladder_yaml", "row_order", "select", "track_text"]
