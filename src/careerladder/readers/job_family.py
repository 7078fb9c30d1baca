"""A job family kept as YAML in the Financial Times' layout (``data/job-families/engineering.yml`` of
their engineering-progression repository), read as it is.

::

    name: Engineering
    summary: Competencies for engineers within the CTO organisation at the Financial Times.
    levels:                                   # lowest first
      - {id: junior, name: Junior Engineer}
      - {id: senior-2-ic, name: Senior Engineer 2 (Individual Contributor)}
      - {id: senior-2-pm, name: Senior Engineer 2 (People Manager)}
      - {id: tech-director, name: Technology Director}
    themes:
      - {id: technical, name: Technical, summary: ...}
    competencies:                             # one expectation of one level under one theme
      - {level: junior, theme: technical, summary: Writes well-tested code., proficiency: Awareness}

Chosen by content: top-level ``levels:`` and ``themes:`` (or ``competencies:``) keys with ``id:``
items. Each level is one Document (``readers.ladder_data.documents``) whose sections are the themes,
in the order the file lists them; each competency record is an expectation (its ``summary``; numbered
lines are one expectation each) labelled with its ``proficiency``, its ``examples`` as children.

**Trunk and fork.** A level whose name ends in a parenthesis naming a track ("(Individual
Contributor)", "(People Manager)") belongs to that track; the levels listed before the first such
level form a trunk track, ``shared``, that both tracks continue from; a level after the fork with no
track of its own follows the level listed before it (the Technology Director follows Principal
Engineer (People Manager)). A family with no fork is one track named after the family
("operations"). A family marked ``isLegacy: true`` is a ladder no longer used: its levels are
``status: legacy`` (``Role.variant`` = ``deprecated``). One level name in two tracks' flavours
("Senior Engineer 2 (Individual Contributor)" and "(People Manager)") makes the two equivalent. The company is the organization the summary
names after "at" ("... at the Financial Times"). Records naming no level of the file are one
``BAD_ENTRY`` line each, and skipped.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from ..errors import ReadError
from ..model import Diagnostic, Document
from .base import looks_like_data
from .ladder_data import Competency, Item, LadderData, LevelData, TrackData, documents, key_of, split_cell, \
    track_name, unique_key
from .ladder_yaml import sniff_keys
from .yaml_lines import Map, Seq, Text, load

#: The trunk track of a family that forks.
TRUNK = "shared"
#: Words that end an organization's name in a summary sentence.
_STOP = (".", ",", ";", ":", "(", ")")


def fork_track(name: str) -> str | None:
    """The track a level's trailing parenthesis names: "Senior Engineer 2 (People Manager)" ->
    ``management``, "(Individual Contributor)" -> ``individual_contributor``; None otherwise."""
    name = name.strip()
    if not name.endswith(")") or "(" not in name:
        return None
    words = name[name.rfind("(") + 1:-1].lower()
    found = track_name(words)
    if found in ("management", "individual_contributor", "executive"):
        return found
    if "manag" in words or "people" in words:
        return "management"
    if "individual" in words or "contributor" in words:
        return "individual_contributor"
    return None


def organization(summary: str | None) -> str | None:
    """The organization a family's summary names after its last "at" ("... at the Financial Times." ->
    ``Financial Times``): the capitalized words that follow; None when none follow."""
    if not summary:
        return None
    text = " ".join(summary.split())
    at = text.rfind(" at ")
    if at < 0:
        return None
    words = text[at + 4:].split()
    if words and words[0].lower() == "the":
        words = words[1:]
    name = []
    for word in words:
        bare = word.rstrip("".join(_STOP))
        if not bare[:1].isupper():
            break
        name.append(bare)
        if bare != word:
            break
    return " ".join(name) or None


def _str(value) -> str | None:
    return " ".join(value.split()) or None if isinstance(value, str) else None


def ladder_data(text: str, source: str) -> LadderData:
    """The ladder of one job-family file (see the module docstring). Raises ``ReadError`` when the file
    lists no level."""
    doc = load(text, source)
    if not isinstance(doc, Map) or not isinstance(doc.get("levels"), Seq):
        raise ReadError("not a job family: no list of levels", source, 1)
    problems: list[Diagnostic] = []
    legacy = str(doc.get("isLegacy", "")).lower() == "true"
    data = LadderData(company=organization(_str(doc.get("summary"))), status="legacy" if legacy else None)
    used: set[str] = set()
    levels: list[tuple[LevelData, str | None]] = []
    for i, node in enumerate(doc["levels"]):
        name = _str(node.get("name")) if isinstance(node, Map) else None
        if not name:
            problems.append(Diagnostic("BAD_ENTRY", f"level {i + 1}: a level with no name (skipped)", source,
                                       getattr(node, "line", None)))
            continue
        key = unique_key(_str(node.get("id")) or key_of(name), used)
        levels.append((LevelData(key, name, node["name"].line), fork_track(name)))
    if not levels:
        raise ReadError("no level to read: every level lacks a name", source, 1)
    _place(levels, data, _str(doc.get("name")) or "job family")
    _expectations(doc, {lv.key: lv for lv, _ in levels}, source, problems)
    data.problems = problems
    return data


def _place(levels: list[tuple[LevelData, str | None]], data: LadderData, family: str) -> None:
    """Levels into tracks: the trunk before the first forked level, each level after it on its own track
    or on the track of the level listed before it."""
    forked = [i for i, (_, track) in enumerate(levels) if track]
    if not forked:
        data.tracks.append(TrackData(track_name(family), [lv for lv, _ in levels]))
        return
    tracks: dict[str, TrackData] = {}
    if forked[0] > 0:
        tracks[TRUNK] = TrackData(TRUNK, [lv for lv, _ in levels[:forked[0]]])
    current = None
    for level, track in levels[forked[0]:]:
        current = track or current
        if current not in tracks:
            tracks[current] = TrackData(current, trunk=TRUNK if TRUNK in tracks else None)
        tracks[current].levels.append(level)
    data.tracks.extend(tracks.values())
    first: dict[str, tuple[LevelData, str]] = {}
    for level, track in levels[forked[0]:]:  # one level name in two tracks' flavours: equivalent levels
        base = level.title[: level.title.rfind("(")].strip() if track else level.title
        if track and base in first and first[base][1] != track:
            first[base][0].equivalents.append((level.key, level.line))
        elif track:
            first.setdefault(base, (level, track))


def _expectations(doc: Map, by_key: dict[str, LevelData], source: str, problems: list[Diagnostic]) -> None:
    themes = {}
    for node in doc.get("themes") or ():
        if isinstance(node, Map) and _str(node.get("id")):
            themes[_str(node["id"])] = _str(node.get("name")) or _str(node["id"])
    order = list(themes)
    sections: dict[tuple[str, str], Competency] = {}
    for node in doc.get("competencies") or ():
        if not isinstance(node, Map):
            continue
        level, theme = _str(node.get("level")), _str(node.get("theme"))
        summary = node.get("summary")
        if level not in by_key or not isinstance(summary, Text):
            why = f"level {level!r} is not a level of this file" if level not in by_key else "no summary"
            problems.append(Diagnostic("BAD_ENTRY", f"competency {_str(node.get('id')) or ''}: {why} (skipped)",
                                       source, node.line))
            continue
        items = split_cell(summary, summary.line)
        proficiency = _str(node.get("proficiency"))
        for item in items:
            item.label = item.label or proficiency
        examples = node.get("examples")
        if items and isinstance(examples, Seq):
            items[-1].children += [Item(" ".join(e.split()), e.line, e.line) for e in examples
                                   if isinstance(e, Text) and e.strip()]
        name = themes.get(theme or "", theme or "Other")
        if (level, name) not in sections:
            sections[(level, name)] = Competency((name,), node.line)
        sections[(level, name)].items += items
    rank = {themes[t]: i for i, t in enumerate(order)}
    for (level, _), comp in sorted(sections.items(), key=lambda kv: rank.get(kv[0][1], len(rank))):
        by_key[level].expectations.append(comp)


class JobFamilyReader:
    """The Financial Times' job-family YAML (see the module docstring)."""

    name = "job_family"

    def sniff(self, path: Path, head: str) -> float:
        if looks_like_data(head):
            return 0.0
        keys = sniff_keys(head)
        return 0.99 if "levels" in keys and ({"themes", "competencies"} & keys) and "id:" in head else 0.0

    def read(self, source: str, text: str) -> Iterator[Document]:
        yield from documents(source, self.name, ladder_data(text.lstrip("\ufeff"), source))


__all__ = ["JobFamilyReader", "fork_track", "ladder_data", "organization"]
