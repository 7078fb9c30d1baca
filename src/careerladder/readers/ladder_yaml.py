"""A ladder in careerladder's own YAML (``schema/ladder.schema.json``; docs/ladders.md, "Ladders kept
as data"): the text form of the one ladder schema, and what ``careerladder export ladder --format
yaml`` writes.

::

    company: Juniper Sky
    tracks:
      - name: individual contributor
        levels:                                  # lowest first
          - title: Software Engineer
            id: software-engineer                # optional: how the file names the level
            code: IC2
            expectations:                        # competency (or "Theme > Competency") -> expectations
              Delivery:
                - Ships small, reviewed changes every week.
          - title: Senior Software Engineer
            code: IC3
            canonical: senior                    # vocab.LEVELS or vocab.IC_LEVELS
            inherits: software-engineer          # id, title or code of a level of this file
            expectations:
              Technical:                         # a theme holding competencies
                Code quality: [Reviews the team's designs.]
      - name: management
        trunk: individual contributor            # optional: the track this one continues from
        levels: [...]
    equivalences:
      - [Senior Software Engineer, Engineering Manager]

Chosen by content: a top-level ``tracks:`` key, no top-level key the schema does not have, and
``levels:`` and ``title:`` keys. An expectation is a string (several, as bullet lines:
``readers.ladder_data.split_cell``) or ``{text, label, children}``. Each level becomes one Document
(``readers.ladder_data.documents``). A wrong entry (a level with no title, a duplicated level: a
title twice in one track without ids telling them apart, or an id twice; a reference to no level; an
unknown key) is one ``BAD_ENTRY`` line naming the file, its line and the entry; the rest is read. A
file with no level at all is a ``ReadError``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

from ..errors import ReadError
from ..model import Diagnostic, Document
from .base import looks_like_data
from .ladder_data import (CANONICAL, PATH_SEPARATOR, Competency, Item, LadderData, LevelData, Refs, TrackData,
                          documents, key_of, split_cell, track_name, unique_key)
from .yaml_lines import Map, Seq, Text, load

TOP_KEYS = frozenset({"company", "description", "tracks", "equivalences", "$schema"})
TRACK_KEYS = frozenset({"name", "kind", "trunk", "description", "levels"})
LEVEL_KEYS = frozenset({"title", "id", "code", "canonical", "inherits", "description", "expectations"})
KINDS = ("management", "individual_contributor")


class _Problems:
    def __init__(self, source: str):
        self.source, self.found = source, []

    def add(self, node: Any, where: str, problem: str) -> None:
        line = getattr(node, "line", None)
        self.found.append(Diagnostic("BAD_ENTRY", f"{where}: {problem}", self.source, line or None))


def _text(value: Any) -> str | None:
    return " ".join(str(value).split()) or None if isinstance(value, str) else None


def _keys(node: Map, allowed: frozenset[str], where: str, problems: _Problems) -> None:
    for key in node:
        if key not in allowed:
            problems.add(key, where, f"unknown key {str(key)!r} (ignored)")


def _items(value: Any, where: str, problems: _Problems) -> list[Item]:
    """The expectations under one competency: a list of strings or ``{text, label, children}``."""
    values = value if isinstance(value, Seq) else [value]
    out: list[Item] = []
    for v in values:
        if isinstance(v, Text):
            out += split_cell(v, v.line)
        elif isinstance(v, Map) and isinstance(v.get("text"), Text):
            first = split_cell(v["text"], v["text"].line) or [Item("", v.line, v.line)]
            item = first[0]
            item.label = _text(v.get("label")) or item.label
            item.children += first[1:] + (_items(v["children"], where, problems) if "children" in v else [])
            out.append(item)
        else:
            problems.add(v, where, "an expectation is a string or {text, label, children} (skipped)")
    return [i for i in out if i.text]


def _expectations(node: Any, path: tuple[str, ...], where: str, problems: _Problems) -> list[Competency]:
    if not isinstance(node, Map):
        problems.add(node, where, "expectations are a mapping of competency -> expectations (skipped)")
        return []
    out: list[Competency] = []
    for key, value in node.items():
        names = tuple(p.strip() for p in str(key).split(PATH_SEPARATOR) if p.strip())
        if not names:
            problems.add(key, where, "a competency with no name (skipped)")
            continue
        if isinstance(value, Map):
            out += _expectations(value, path + names, where, problems)
        else:
            out.append(Competency(path + names, key.line, _items(value, f"{where}, {key}", problems)))
    return out


def _level(node: Any, track: TrackData, where: str, used: set[str], problems: _Problems
           ) -> tuple[LevelData, Any] | None:
    if not isinstance(node, Map) or not _text(node.get("title")):
        problems.add(node, where, "a level with no title (skipped)")
        return None
    _keys(node, LEVEL_KEYS, where, problems)
    title = _text(node["title"])
    given = _text(node.get("id"))
    if not given and any(lv.title.lower() == title.lower() for lv in track.levels):
        problems.add(node["title"], where, f"level {title!r} is already a level of this track (skipped)")
        return None
    if given and given in used:
        problems.add(node["id"], where, f"id {given!r} is already a level's (skipped)")
        return None
    key = unique_key(given, used) if given else unique_key(
        key_of(title) if key_of(title) not in used else key_of(f"{title} {track.name or ''}"), used)
    canonical = _text(node.get("canonical"))
    if canonical and canonical not in CANONICAL:
        problems.add(node["canonical"], where, f"canonical level {canonical!r} is none of {', '.join(CANONICAL)} "
                                               "(ignored)")
        canonical = None
    level = LevelData(key, title, node["title"].line, code=_text(node.get("code")), canonical=canonical)
    if "expectations" in node:
        level.expectations = _expectations(node["expectations"], (), where, problems)
    return level, node.get("inherits")


def _track(node: Any, index: int, data: LadderData, used: set[str], problems: _Problems) -> list:
    where = f"track {index + 1}"
    if not isinstance(node, Map):
        problems.add(node, where, "a track is a mapping with name and levels (skipped)")
        return []
    _keys(node, TRACK_KEYS, where, problems)
    kind = _text(node.get("kind"))
    if kind and kind not in KINDS:
        problems.add(node["kind"], where, f"kind {kind!r} is neither {' nor '.join(KINDS)} (ignored)")
        kind = None
    name = track_name(_text(node.get("name")))
    if kind == "management" and name not in ("management", "executive"):
        name = "management"  # careerladder knows a manager's track by its name
    elif kind == "individual_contributor" and name in ("management", "executive"):
        name = "individual_contributor"
    if name is None:
        problems.add(node, where, "a track with no name (its levels' tracks are read from their titles)")
    track = TrackData(name, trunk=track_name(_text(node.get("trunk"))))
    if any(t.name == name for t in data.tracks if name):
        problems.add(node.get("name"), where, f"track {name!r} is named twice (its levels join the first)")
        track = next(t for t in data.tracks if t.name == name)
    else:
        data.tracks.append(track)
    levels = node.get("levels")
    if not isinstance(levels, Seq):
        problems.add(node, where, "a track needs a list of levels")
        return []
    pending = []
    for i, lv in enumerate(levels):
        found = _level(lv, track, f"{where} ({name}), level {i + 1}", used, problems)
        if found:
            track.levels.append(found[0])
            pending.append(found)
    return pending


def _references(data: LadderData, pending: list, equivalences: Any, problems: _Problems) -> None:
    refs = Refs(data)
    by_key = {lv.key: lv for lv in data.levels()}
    for level, inherits in pending:
        for ref in (inherits if isinstance(inherits, Seq) else [inherits] if inherits else [])[:1]:
            key, why = refs.find(str(ref))
            if key and key != level.key:
                level.inherits, level.inherits_line = key, getattr(ref, "line", level.line)
            else:
                problems.add(ref, f"level {level.title!r}", f"inherits: {why or 'a level cannot inherit itself'}")
    if equivalences is None:
        return
    for pair in equivalences if isinstance(equivalences, Seq) else [equivalences]:
        if not isinstance(pair, Seq) or len(pair) != 2:
            problems.add(pair, "equivalences", "an equivalence is a pair of levels [a, b] (skipped)")
            continue
        (a, why_a), (b, why_b) = refs.find(str(pair[0])), refs.find(str(pair[1]))
        if a and b and a != b:
            by_key[a].equivalents.append((b, pair.line))
        else:
            problems.add(pair, "equivalences", why_a or why_b or "a level is not equivalent to itself")


def ladder_data(text: str, source: str) -> LadderData:
    """The ladder of one YAML file (see the module docstring). Raises ``ReadError`` when the file is
    not such a ladder or holds no level."""
    doc = load(text, source)
    if not isinstance(doc, Map) or not isinstance(doc.get("tracks"), Seq):
        raise ReadError("not a careerladder ladder: no list of tracks", source, 1)
    problems = _Problems(source)
    _keys(doc, TOP_KEYS, "ladder", problems)
    data = LadderData(company=_text(doc.get("company")))
    used: set[str] = set()
    pending = []
    for i, node in enumerate(doc["tracks"]):
        pending += _track(node, i, data, used, problems)
    data.tracks = [t for t in data.tracks if t.levels]
    if not data.tracks:
        first = problems.found[0].message if problems.found else "the tracks hold no level"
        raise ReadError(f"no level to read ({first})", source, problems.found[0].line if problems.found else 1)
    names = {t.name for t in data.tracks}
    for track in data.tracks:
        if track.trunk and (track.trunk not in names or track.trunk == track.name):
            problems.add(doc["tracks"], f"track {track.name!r}", f"trunk {track.trunk!r} is no other track of this "
                                                                 "file (ignored)")
            track.trunk = None
    _references(data, pending, doc.get("equivalences"), problems)
    data.problems = problems.found
    return data


def sniff_keys(head: str) -> set[str]:
    """The top-level keys of a YAML text's first lines (``key:`` at the start of a line)."""
    keys = set()
    for line in head.lstrip("\ufeff").splitlines():
        if line[:1].isalpha() and ":" in line:
            keys.add(line.split(":", 1)[0].strip())
    return keys


class LadderYamlReader:
    """careerladder's ladder YAML (see the module docstring)."""

    name = "ladder_yaml"

    def sniff(self, path: Path, head: str) -> float:
        if looks_like_data(head):
            return 0.0
        keys = sniff_keys(head)  # the schema's top-level keys are closed: a truth file with more is not a ladder
        return 0.99 if "tracks" in keys and keys <= TOP_KEYS and "levels:" in head and "title:" in head else 0.0

    def read(self, source: str, text: str) -> Iterator[Document]:
        yield from documents(source, self.name, ladder_data(text.lstrip("\ufeff"), source))


__all__ = ["LadderYamlReader", "ladder_data", "sniff_keys"]
