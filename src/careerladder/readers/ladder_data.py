"""Ladders kept as data (our YAML, the Financial Times' job-family YAML, a spreadsheet matrix): what
their readers share, and the cell format their writer (``render.ladder_file``) shares with them.

A reader fills a ``LadderData`` (company, tracks of levels lowest first, expectations per level
under their theme and competency, inheritance, equivalences, problems met); ``documents`` turns it
into **one Document per level** (kind ``ladder_level``, ``fragment`` = the level's key), so each
level goes through parse, extract, classify, leveling and resolve like a prose ladder page:

* the blocks open with the level's title as a level-1 heading at the line that names it; then a
  heading per theme and competency (level 2, 3...; ``Block.label`` = ``responsibilities``, so a
  competency called "Product Mindset" is an expectation, not an "about" section); then one item per
  expectation at the line where it is written (for a CSV cell, the line where the cell starts, plus
  the line of the bullet inside the cell);
* what the data states explicitly goes to ``Document.metadata["declared"]`` (``declared_data``),
  which ``resolve`` honours before any inference: the track (and its ``trunk``), the level's
  ``position`` in its track, its ``code`` and ``canonical`` level, the level it ``inherits`` from and
  the levels it is ``equivalent`` to (keys of levels of the same file), the ``company``; the code
  also goes to ``metadata["code"]``, where ``extract`` reads level codes;
* the problems go to the first Document's ``problems`` (one ``Diagnostic`` each: file, line, and
  the row and column in the message).

A cell (or a YAML expectation string) holds one expectation, or several as bullet lines
(``- ``, ``* ``, ``• ``, ``1. ``): ``split_cell`` gives one ``Item`` per bullet (a line that starts
no bullet continues the one before it, kept after a line break; an indented bullet is a child), and
``**Label**: text`` gives the item a label. ``cell_text`` writes items back the same way.

>>> [(i.text, i.line) for i in split_cell("- Plans own work\\n- Estimates tasks\\n  so they fit", 7)]
[('Plans own work', 7), ('Estimates tasks\\nso they fit', 8)]
>>> cell_text(split_cell("**Awareness**: Knows how the team delivers", 3))
'**Awareness**: Knows how the team delivers'
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Any, Iterable

from ..model import Block, Diagnostic, Document
from ..vocab import IC_LEVELS, LEVELS
from .base import content_hash

#: Section kind of every theme and competency heading of a ladder kept as data.
EXPECTATION_KIND = "responsibilities"
#: Bullet marks that start an expectation inside a cell.
BULLETS = ("- ", "* ", "• ", "· ", "– ")
#: Canonical levels a ladder may declare: management levels and individual-contributor ranks.
CANONICAL = (*LEVELS, *IC_LEVELS)
#: Track names the data may give each standard track (lower case, spaces), and the name careerladder uses.
TRACK_ALIASES = {
    "management": "management", "manager": "management", "managers": "management",
    "people manager": "management", "people managers": "management", "people management": "management",
    "engineering management": "management", "engineering manager": "management", "em": "management",
    "executive": "executive", "executives": "executive",
    "individual contributor": "individual_contributor", "individual contributors": "individual_contributor",
    "ic": "individual_contributor", "ics": "individual_contributor",
}
#: The separator of a competency's path in one label ("Technical > Code quality").
PATH_SEPARATOR = " > "
#: A section with statements but no heading (the text before a prose page's first heading) is written as this.
GENERAL = "General"


@dataclass(slots=True)
class Item:
    """One expectation: ``text`` (line breaks kept), ``line``/``end_line`` in the file, an optional
    ``label`` (a proficiency, ``**Impact**:``) and ``children`` (examples, indented bullets)."""

    text: str
    line: int
    end_line: int
    label: str | None = None
    children: list["Item"] = field(default_factory=list)


@dataclass(slots=True)
class Competency:
    """The expectations of one level under one theme/competency: ``path`` (theme first), the
    ``line`` that names it, and its ``items``."""

    path: tuple[str, ...]
    line: int
    items: list[Item] = field(default_factory=list)


@dataclass(slots=True)
class LevelData:
    """One level: ``key`` (unique in the file: the Document's fragment), ``title`` and the ``line``
    naming it; ``code``, ``canonical`` level; ``inherits`` (key of the level it inherits from, with
    its line); ``equivalents`` ((key, line) of levels of other tracks it stands beside);
    ``expectations`` in order."""

    key: str
    title: str
    line: int
    code: str | None = None
    canonical: str | None = None
    inherits: str | None = None
    inherits_line: int | None = None
    equivalents: list[tuple[str, int]] = field(default_factory=list)
    expectations: list[Competency] = field(default_factory=list)


@dataclass(slots=True)
class TrackData:
    """One track: its ``name`` (``track_name``; None when the data names none: ``resolve`` infers
    it per level), the ``trunk`` track it continues (or None) and its ``levels``, lowest first."""

    name: str | None
    levels: list[LevelData] = field(default_factory=list)
    trunk: str | None = None


@dataclass(slots=True)
class LadderData:
    """A ladder file as read: ``company`` (None when it names none), ``tracks``, ``status``
    (``legacy`` for a ladder the file says is no longer used), ``problems`` met (one line each)."""

    company: str | None = None
    tracks: list[TrackData] = field(default_factory=list)
    status: str | None = None
    problems: list[Diagnostic] = field(default_factory=list)

    def levels(self) -> Iterable[LevelData]:
        """Every level of every track, in file order of the tracks."""
        for track in self.tracks:
            yield from track.levels


def column_name(index: int) -> str:
    """A spreadsheet's name of the 0-based column ``index``: 0 -> ``A``, 27 -> ``AB``."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


def key_of(text: str) -> str:
    """A level key from a title: lower-case letters and digits joined by ``-`` ("Senior Engineer 1"
    -> ``senior-engineer-1``); ``level`` when nothing is left."""
    out, dash = [], False
    for ch in text.lower():
        if ch.isalnum():
            out.append(ch)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    return "".join(out).strip("-") or "level"


def unique_key(base: str, used: set[str]) -> str:
    """``base``, or ``base-2``, ``base-3``... the first not in ``used`` (which it joins)."""
    key, n = base, 2
    while key in used:
        key, n = f"{base}-{n}", n + 1
    used.add(key)
    return key


def track_name(name: str | None) -> str | None:
    """The track careerladder uses for a track the data names: the standard names for management and
    individual-contributor tracks ("People Manager" -> ``management``, "Individual Contributor" ->
    ``individual_contributor``), else the name in lower case ("Data Engineer" -> ``data engineer``)."""
    if name is None or not str(name).strip():
        return None
    words = " ".join(str(name).replace("_", " ").lower().split())
    return TRACK_ALIASES.get(words, words)


def _bullet(line: str) -> tuple[str, int] | None:
    """(text after the bullet, indent) when ``line`` starts with a bullet or a number ("1. ", "2) ")."""
    stripped = line.lstrip()
    indent = len(line) - len(stripped)
    for mark in BULLETS:
        if stripped.startswith(mark):
            return stripped[len(mark):], indent
    digits = len(stripped) - len(stripped.lstrip("0123456789"))
    if 0 < digits <= 3 and stripped[digits:digits + 2] in (". ", ") "):
        return stripped[digits + 2:], indent
    return None


def _labelled(item: Item) -> Item:
    """``**Label**: text`` -> label and text."""
    if item.label is None and item.text.startswith("**"):
        end = item.text.find("**:", 2)
        if end > 2:
            item.label, item.text = item.text[2:end].strip(), item.text[end + 3:].strip()
    return item


def split_cell(text: str, line: int) -> list[Item]:
    """The expectations of one cell whose text starts at ``line`` (see the module docstring); [] for an
    empty cell. Each line is kept as written but for the spaces around it; blank lines are dropped."""
    items: list[Item] = []
    top_indent = None
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for offset, raw in enumerate(lines):
        if not raw.strip():
            continue
        where = line + offset
        bullet = _bullet(raw)
        if bullet is not None:
            body, indent = bullet
            top_indent = indent if top_indent is None else top_indent
            item = Item(body.strip(), where, where)
            if indent > top_indent and items:
                items[-1].children.append(_labelled(item))
            else:
                items.append(item)
            continue
        if not items:
            items.append(Item(raw.strip(), where, where))
            continue
        last = items[-1].children[-1] if items[-1].children else items[-1]
        last.text += "\n" + raw.strip()
        last.end_line = items[-1].end_line = where
    return [_labelled(i) for i in items if i.text]


def _item_line(item: Item) -> str:
    label = f"**{item.label}**: " if item.label else ""
    return label + item.text


def cell_text(items: Iterable[Item]) -> str:
    """The cell (or YAML string) that ``split_cell`` reads back as ``items``: the text itself for one
    expectation without children, else one bullet line per expectation (children indented)."""
    items = list(items)
    if len(items) == 1 and not items[0].children and _bullet(items[0].text) is None:
        return _item_line(items[0])
    lines = []
    for item in items:
        lines.append("- " + _item_line(item))
        lines += ["  - " + _item_line(child) for child in item.children]
    return "\n".join(lines)


def _item_blocks(item: Item, depth: int) -> list[Block]:
    blocks = [Block("item", item.text, item.line, max(item.line, item.end_line), level=depth, label=item.label)]
    for child in item.children:
        blocks += _item_blocks(child, depth + 1)
    return blocks


def _blocks(level: LevelData) -> list[Block]:
    blocks = [Block("heading", level.title, level.line, level.line, level=1)]
    previous: tuple[str, ...] = ()
    for comp in level.expectations:
        same = 0
        while same < min(len(previous), len(comp.path)) and previous[same] == comp.path[same]:
            same += 1
        if same == len(comp.path) == len(previous):
            same -= 1  # the same competency again: a heading of its own
        for depth in range(max(same, 0), len(comp.path)):
            blocks.append(Block("heading", comp.path[depth], comp.line, comp.line, level=min(2 + depth, 6),
                                label=EXPECTATION_KIND))
        previous = comp.path
        for item in comp.items:
            blocks += _item_blocks(item, 0)
    return blocks


def declared_data(data: LadderData, track: TrackData, position: int, level: LevelData) -> dict[str, Any]:
    """What the data states of one level (``Document.metadata["declared"]``, JSON-safe): ``key``,
    ``line``, ``position`` (0-based, in its track), and when stated ``company``, ``track``, ``trunk``,
    ``code``, ``canonical``, ``inherits`` (a key) with ``inherits_line``, ``equivalents``
    ([key, line] pairs)."""
    out: dict[str, Any] = {"key": level.key, "line": level.line, "position": position}
    optional = {"company": data.company, "track": track.name, "trunk": track.trunk, "code": level.code,
                "canonical": level.canonical, "inherits": level.inherits, "inherits_line": level.inherits_line}
    out.update({k: v for k, v in optional.items() if v is not None})
    if level.equivalents:
        out["equivalents"] = [[key, line] for key, line in level.equivalents]
    return out


def _hash_text(level: LevelData, declared: dict[str, Any]) -> str:
    """What a level's content hash is computed from: its declared data and its expectations."""
    def items(its: list[Item]) -> list:
        return [[i.label, i.text, items(i.children)] for i in its]

    return json.dumps([declared, level.title, [[list(c.path), items(c.items)] for c in level.expectations]],
                      ensure_ascii=False, sort_keys=True)


def documents(source: str, fmt: str, data: LadderData) -> list[Document]:
    """One ``ladder_level`` Document per level of ``data`` (tracks in order, levels lowest first); the
    first carries ``data.problems``. Each Document's ``content_hash`` is that of the level's own data,
    so a store sees which levels of a file changed."""
    docs = []
    for track in data.tracks:
        for position, level in enumerate(track.levels):
            declared = declared_data(data, track, position, level)
            meta: dict[str, Any] = {"declared": declared}
            if level.code:
                meta["code"] = level.code
            if data.status:
                meta["status"] = data.status
            docs.append(Document(source=source, format=fmt, blocks=tuple(_blocks(level)),
                                 content_hash=content_hash(_hash_text(level, declared)), metadata=meta,
                                 title=level.title, organization=data.company, kind="ladder_level",
                                 fragment=level.key))
    if docs and data.problems:
        docs[0] = replace(docs[0], problems=tuple(data.problems))
    return docs


class Refs:
    """Finds a level of a ladder file by what the file calls it: its key, else its title (case and
    spaces aside), else its code; None when nothing or more than one level answers."""

    def __init__(self, data: LadderData):
        self.by: list[dict[str, list[str]]] = [{}, {}, {}]
        for level in data.levels():
            for table, name in zip(self.by, (level.key, level.title, level.code)):
                if name:
                    table.setdefault(" ".join(str(name).lower().split()), []).append(level.key)

    def find(self, ref: str) -> tuple[str | None, str | None]:
        """(key, None), or (None, why) when ``ref`` names no level or several."""
        want = " ".join(str(ref).lower().split())
        for table in self.by:
            keys = table.get(want, [])
            if len(keys) == 1:
                return keys[0], None
            if len(keys) > 1:
                return None, f"{ref!r} names {len(keys)} levels; give the level's id"
        return None, f"{ref!r} names no level of this file"


__all__ = ["BULLETS", "CANONICAL", "Competency", "EXPECTATION_KIND", "GENERAL", "Item", "LadderData", "LevelData",
           "PATH_SEPARATOR", "Refs", "TrackData", "cell_text", "column_name", "declared_data", "documents",
           "key_of", "split_cell", "track_name", "unique_key"]
