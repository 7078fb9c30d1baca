"""A ladder kept as a spreadsheet matrix, as a spreadsheet program exports it to CSV: one expectation
per cell, levels as columns and competencies (or themes) as rows, or levels as rows and competencies
as columns. What ``careerladder export ladder --format csv`` writes (levels as columns).

::

    competency,Software Engineer,Senior Software Engineer,Engineering Manager
    track,individual contributor,individual contributor,management
    code,IC2,IC3,M3
    inherits,,Software Engineer,
    equivalent,,Engineering Manager,
    Technical > Code quality,"- Writes tests
    - Reviews code",Reviews the team's designs.,
    Delivery,Ships weekly.,Plans the quarter.,Runs the team's delivery.

Read with the standard ``csv`` module (quoted cells may span lines; the delimiter is ``,``, ``;`` or
a tab, whichever the header uses; a UTF-8 BOM is dropped). **Label rows** (columns orientation) or
**label columns** (rows orientation) state what the matrix knows of each level: ``id``, ``track``,
``trunk``, ``code`` (or ``level``), ``canonical``, ``inherits`` (a level's id, title or code),
``equivalent`` (levels, one per line or ``;``-separated), ``company``. Every other row is a
competency: its name in the first column ("Theme > Competency" for a competency under a theme), or a
theme column then a competency column (a blank theme repeats the one above, as merged cells export).
Empty cells are no expectation.

**Orientation** (``orientation``: ``columns`` or ``rows``; detected when not given): a label or
competency header ("Competency", "Theme") or label rows say columns, a level header ("Level",
"Title") or label columns say rows; else the side whose cells look more like levels (role titles
or codes: "Senior Engineer", "L3", "IC2") holds the levels, columns when both do.

**Bad cells** are one ``BAD_CELL`` line each, naming the file, the line, and the row and column as a
spreadsheet numbers them (``ladder.csv:7: BAD_CELL row 5, column D: ...``): a level column (row) with
no title, a level named twice in one track (unless an ``id`` row tells them apart), an id given
twice, a competency row (column) with no name, a reference to no level. The rest is read.

Chosen by content: a header and rows of a matrix (rows no wider than the header; two levels at
least, or one when a label says the table is a matrix) that is not a job-posting export (no ``description``, ``url``, ``salary``... column).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .. import thresholds as T
from ..errors import ReadError
from ..model import Diagnostic, Document
from ..vocab import looks_like_role_title
from .ladder_data import (CANONICAL, PATH_SEPARATOR, Competency, LadderData, LevelData, Refs, TrackData,
                          column_name, documents, key_of, split_cell, track_name, unique_key)

#: Header words of the column naming competencies (columns orientation).
LABEL_HEADERS = frozenset({
    "competency", "competencies", "theme", "themes", "area", "areas", "category", "categories", "dimension",
    "dimensions", "skill", "skills", "pillar", "pillars", "attribute", "attributes", "axis", "focus area",
    "behaviour", "behaviours", "behavior", "behaviors", "capability", "capabilities", "domain", "domains",
    "expectation", "expectations", "trait", "traits", "topic", "topics", "sub-competency", "subcompetency",
})
#: Of those, the words of a theme column (a second label column then holds the competency).
THEME_HEADERS = frozenset({"theme", "themes", "area", "areas", "category", "categories", "pillar", "pillars",
                           "domain", "domains", "dimension", "dimensions"})
#: Header words of the column naming levels (rows orientation).
LEVEL_HEADERS = frozenset({"level", "levels", "title", "role", "position", "job title", "level title", "name",
                           "job", "grade", "band"})
#: Labels of the rows (columns) that state what the matrix knows of each level, and the field each fills.
RESERVED = {"id": "id", "level id": "id", "track": "track", "trunk": "trunk", "code": "code",
            "level code": "code", "canonical": "canonical", "canonical level": "canonical",
            "inherits": "inherits", "inherits from": "inherits", "parent": "inherits",
            "equivalent": "equivalent", "equivalent to": "equivalent", "equivalents": "equivalent",
            "company": "company"}
#: Columns of a job-posting export: a CSV with one of them is not a ladder matrix.
POSTING_COLUMNS = frozenset({"description", "job_description", "job description", "company_profile", "url",
                             "apply_url", "job_url", "salary", "salary_range", "job_id", "posted", "date_posted",
                             "html", "body"})
#: Words of a level that names only a seniority ("Senior", "Staff 2").
SENIORITY = frozenset({"junior", "mid", "middle", "intermediate", "senior", "staff", "principal", "distinguished",
                       "fellow", "associate", "intern", "graduate", "lead", "entry", "apprentice", "sr", "jr"})
DELIMITERS = (",", ";", "\t")
ORIENTATIONS = ("columns", "rows")


@dataclass(slots=True)
class Row:
    """One CSV record: its spreadsheet ``number`` (1-based), the ``line`` where it starts, its
    ``cells`` and the line where each cell starts."""

    number: int
    line: int
    cells: list[str]
    lines: list[int]

    def cell(self, i: int) -> str:
        return self.cells[i].strip() if i < len(self.cells) else ""

    def at(self, i: int) -> int:
        return self.lines[i] if i < len(self.lines) else self.line


def _is_code(text: str) -> bool:
    """A level code: letters (up to six) then a number ("L3", "IC 2", "Level 4", "E5a", "3")."""
    t = text.strip()
    letters = len(t) - len(t.lstrip("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    rest = t[letters:].strip(" -_")
    if letters > 6 or not rest:
        return False
    digits = len(rest) - len(rest.lstrip("0123456789"))
    tail = rest[digits:]
    return 0 < digits <= 2 and (tail == "" or (len(tail) == 1 and tail.isalpha()))


def looks_like_level(text: str) -> bool:
    """A matrix cell that names a level: a role title, a level code, or seniority words ("Senior 2")."""
    text = text.strip()
    if not text or " ".join(text.lower().split()) in RESERVED:
        return False
    words = text.lower().replace("-", " ").split()
    return looks_like_role_title(text) or _is_code(text) or all(w in SENIORITY or w.isdigit() for w in words)


def _delimiter(first_line: str) -> str:
    counts = [(first_line.count(d), -i, d) for i, d in enumerate(DELIMITERS)]
    return max(counts)[2]


def rows_of(text: str, source: str, problems: list[Diagnostic] | None = None) -> list[Row]:
    """The records of a CSV text with their lines (a CSV error ends the reading, as a problem)."""
    text = text.lstrip("\ufeff")
    parts = text.split("\n")  # "\n" only: splitlines() also breaks at U+2028, \x0b... and lines would drift
    lines = [p + "\n" for p in parts[:-1]] + ([parts[-1]] if parts[-1] else [])
    reader = csv.reader(lines, delimiter=_delimiter(parts[0]))
    out: list[Row] = []
    done = 0
    while True:
        start = done + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            if problems is not None:
                problems.append(Diagnostic("BAD_CELL", f"row {len(out) + 1}: the CSV cannot be read on from "
                                                       f"here ({exc})", source, start))
            break
        done = reader.line_num
        at, where = [], start
        for value in cells:
            at.append(where)
            where += value.count("\n")
        out.append(Row(len(out) + 1, start, cells, at))
    return out


def _label_columns(header: Row) -> int:
    """1, or 2 when a theme column is followed by a competency column."""
    first, second = header.cell(0).lower(), header.cell(1).lower()
    return 2 if first in THEME_HEADERS and second in LABEL_HEADERS else 1


def _cue(rows: list[Row]) -> str | None:
    """The orientation a label says: a competency header or label rows (columns), a level header or label
    columns (rows); None when no label says."""
    header, body = rows[0], rows[1:]
    names = [header.cell(i).lower() for i in range(len(header.cells))]
    first = [" ".join(r.cell(0).lower().split()) for r in body]
    second = [" ".join(r.cell(1).lower().split()) for r in body] if _label_columns(header) == 2 else []
    if names[0] in LABEL_HEADERS or any(f in RESERVED or f == "level" for f in first + second):
        return "columns"
    if names[0] in LEVEL_HEADERS or any(n in RESERVED for n in names[1:]):
        return "rows"
    return None


def orientation(rows: list[Row]) -> str | None:
    """``columns`` or ``rows`` (see the module docstring); None when the table is no ladder matrix."""
    if len(rows) < 2:
        return None
    header, body = rows[0], rows[1:]
    if any(header.cell(i).lower() in POSTING_COLUMNS for i in range(len(header.cells))):
        return None
    cue = _cue(rows)
    if cue:
        return cue
    skip = _label_columns(header)
    across = [looks_like_level(c) for c in header.cells[skip:] if c.strip()]
    down = [looks_like_level(r.cell(0)) for r in body if r.cell(0)]
    score = {"columns": sum(across) / len(across) if len(across) >= T.LADDER_MATRIX_MIN_LEVELS else 0.0,
             "rows": sum(down) / len(down) if len(down) >= T.LADDER_MATRIX_MIN_LEVELS else 0.0}
    best = max(ORIENTATIONS, key=lambda o: (score[o], o == "columns"))
    return best if score[best] >= T.LADDER_MATRIX_LEVEL_SHARE else None


def is_matrix(rows: list[Row]) -> bool:
    """True when ``rows`` (a CSV's first records) read as a ladder matrix."""
    if len(rows) < 2 or len(rows[0].cells) < 2:
        return False
    width = len(rows[0].cells)
    fit = sum(1 for r in rows[1:] if 2 <= len(r.cells) <= width)
    if fit < T.LADDER_MATRIX_ROW_SHARE * (len(rows) - 1) or orientation(rows) is None:
        return False
    # one level is enough when a label says the table is a matrix; else two levels at least
    return width >= 1 + T.LADDER_MATRIX_MIN_LEVELS or _cue(rows) is not None


class _Matrix:
    """The matrix turned so that levels are columns: ``levels`` (index, title cell) and ``lines``
    (competency or label rows: their label cells and their cells per level)."""

    def __init__(self, rows: list[Row], how: str, source: str):
        self.source, self.how, self.problems = source, how, []
        self.header = rows[0]
        self.rows = rows

    def where(self, row: int, col: int) -> str:
        return f"row {row}, column {column_name(col)}"

    def bad(self, line: int, row: int, col: int, problem: str) -> None:
        self.problems.append(Diagnostic("BAD_CELL", f"{self.where(row, col)}: {problem}", self.source, line))

    def grid(self):
        """(levels: [(title, line, row, col, cells)], labels: [(path or field, line, row, col, {level: (text, line)})])
        with levels as columns whatever the file's orientation."""
        if self.how == "columns":
            return self._columns()
        return self._rows()

    def _columns(self):
        skip = _label_columns(self.header)
        body = self.rows[1:]
        levels = []
        for col in range(skip, max(len(r.cells) for r in self.rows)):
            title = " ".join(self.header.cell(col).split())
            filled = [r for r in body if r.cell(col)]
            if not title:
                if filled:
                    self.bad(self.header.at(col), self.header.number, col,
                             f"level column with no title; its {len(filled)} cell(s) skipped")
                continue
            levels.append((title, self.header.at(col), self.header.number, col,
                           {r.number: (r.cells[col], r.at(col)) for r in filled}))
        labels, theme = [], ""
        for r in body:
            names = [" ".join(r.cell(i).split()) for i in range(skip)]
            if skip == 2 and not (not names[0] and names[1].lower() in RESERVED):  # a label row has no theme
                theme = names[0] or (theme if names[1] else "")
                names = [theme, names[1]]
            label = PATH_SEPARATOR.join(n for n in names if n)
            cells = any(r.cell(c) for c in range(skip, len(r.cells)))
            if not label:
                if cells:
                    self.bad(r.at(0), r.number, 0, "competency row with no name; its cells skipped")
                continue
            labels.append((label, r.at(0), r.number, 0, r.number))
        return levels, labels

    def _rows(self):
        levels = []
        body = self.rows[1:]
        for r in body:
            title = " ".join(r.cell(0).split())
            if not title:
                if any(r.cell(c) for c in range(1, len(r.cells))):
                    self.bad(r.at(0), r.number, 0, "level row with no title; its cells skipped")
                continue
            levels.append((title, r.at(0), r.number, 0, {c: (r.cells[c], r.at(c)) for c in range(1, len(r.cells))
                                                         if r.cell(c)}))
        labels = []
        for col in range(1, len(self.header.cells)):
            label = " ".join(self.header.cell(col).split())
            if not label:
                if any(r.cell(col) for r in body):
                    self.bad(self.header.at(col), self.header.number, col,
                             "competency column with no name; its cells skipped")
                continue
            labels.append((label, self.header.at(col), self.header.number, col, col))
        return levels, labels


def _side(how: str) -> str:
    return "column" if how == "columns" else "row"


def ladder_data(text: str, source: str, how: str | None = None) -> LadderData:
    """The ladder of one CSV matrix (see the module docstring); ``how``: ``columns`` or ``rows``
    (detected when None). Raises ``ReadError`` when the text is no ladder matrix or holds no level."""
    problems: list[Diagnostic] = []
    rows = rows_of(text, source, problems)
    how = how or orientation(rows)
    if how not in ORIENTATIONS:
        raise ReadError("not a ladder matrix: no side of the table names levels (give --orientation)", source, 1)
    matrix = _Matrix(rows, how, source)
    levels, labels = matrix.grid()
    data = LadderData()
    fields: dict[int, dict[str, tuple[str, int, int, int]]] = {}
    comps = []
    for label, line, row, col, ref in labels:
        name = " ".join(label.lower().split())
        field = RESERVED.get(name) or ("code" if how == "columns" and name == "level" else None)
        if field is None:
            comps.append((label, line, ref))
        for i, (_, _, lrow, lcol, cells) in enumerate(levels):
            if field and ref in cells and cells[ref][0].strip():
                value, at = cells[ref]
                r, c = (row, lcol) if how == "columns" else (lrow, col)
                fields.setdefault(i, {})[field] = (" ".join(value.split()) if field != "equivalent" else value,
                                                   at, r, c)
    used: set[str] = set()
    tracks: dict[str | None, TrackData] = {}
    seen: dict[str | None, list[tuple[str, int]]] = {}
    pending = []
    for i, (title, line, row, col, cells) in enumerate(levels):
        got = {k: v[0] for k, v in fields.get(i, {}).items()}
        track = track_name(got.get("track"))
        if track not in tracks:
            tracks[track] = TrackData(track)
        twin = next((c for t, c in seen.get(track, []) if t == title.lower()), None)
        if twin is not None and not got.get("id"):
            matrix.bad(line, row, col, f"level {title!r} is named twice in one track (also {_side(how)} "
                                       f"{column_name(twin) if how == 'columns' else twin}); this one is skipped")
            continue
        if got.get("id") in used:
            _, at, r, c = fields[i]["id"]
            matrix.bad(at, r, c, f"id {got['id']!r} is already a level's; this level is skipped")
            continue
        seen.setdefault(track, []).append((title.lower(), col if how == "columns" else row))
        key = got.get("id") or (key_of(title) if key_of(title) not in used else key_of(f"{title} {track or ''}"))
        level = LevelData(unique_key(key, used), title, line, code=got.get("code"))
        if got.get("canonical") in CANONICAL:
            level.canonical = got["canonical"]
        elif got.get("canonical"):
            _, at, r, c = fields[i]["canonical"]
            matrix.bad(at, r, c, f"canonical level {got['canonical']!r} is none of {', '.join(CANONICAL)}")
        if got.get("trunk"):
            tracks[track].trunk = track_name(got["trunk"])
        data.company = data.company or got.get("company")
        for label, cline, ref in comps:
            if ref in cells:
                text_, at = cells[ref]
                path = tuple(p.strip() for p in label.split(PATH_SEPARATOR) if p.strip())
                level.expectations.append(Competency(path, cline if how == "columns" else at, split_cell(text_, at)))
        tracks[track].levels.append(level)
        pending.append((level, fields.get(i, {})))
    data.tracks = [t for t in tracks.values() if t.levels]
    if not data.tracks:
        first = matrix.problems[0].message if matrix.problems else "no level column or row has a title"
        raise ReadError(f"no level to read ({first})", source, 1)
    _references(data, pending, matrix)
    data.problems = problems + matrix.problems
    return data


def _references(data: LadderData, pending: list, matrix: _Matrix) -> None:
    refs = Refs(data)
    names = {t.name for t in data.tracks}
    for track in data.tracks:
        if track.trunk and (track.trunk not in names or track.trunk == track.name):
            level = track.levels[0]
            matrix.problems.append(Diagnostic("BAD_CELL", f"trunk {track.trunk!r} of track {track.name!r} is no other "
                                                          "track of this matrix (ignored)", matrix.source, level.line))
            track.trunk = None
    for level, fields in pending:
        if "inherits" in fields:
            value, at, r, c = fields["inherits"]
            key, why = refs.find(value)
            if key and key != level.key:
                level.inherits, level.inherits_line = key, at
            else:
                matrix.bad(at, r, c, f"inherits: {why or 'a level cannot inherit itself'}")
        if "equivalent" in fields:
            value, at, r, c = fields["equivalent"]
            for part in value.replace(";", "\n").split("\n"):
                if not part.strip():
                    continue
                key, why = refs.find(part.strip())
                if key and key != level.key:
                    level.equivalents.append((key, at))
                else:
                    matrix.bad(at, r, c, f"equivalent: {why or 'a level is not equivalent to itself'}")


class LadderCsvReader:
    """A ladder matrix in CSV (see the module docstring). ``read`` takes ``orientation`` (a reader
    option: ``careerladder build --orientation``)."""

    name = "ladder_csv"
    options = ("orientation",)

    def sniff(self, path: Path, head: str) -> float:
        if path.suffix.lower() in (".md", ".markdown", ".html", ".htm", ".yml", ".yaml", ".json", ".jsonl"):
            return 0.0
        first = head.lstrip("\ufeff").split("\n", 1)[0]
        if not any(d in first for d in DELIMITERS):
            return 0.0
        rows = rows_of(head, str(path))
        if len(head) >= T.SNIFF_BYTES and len(rows) > 2:
            rows = rows[:-1]  # the last record may be cut by the sniff window
        return 0.96 if is_matrix(rows) else 0.0

    def read(self, source: str, text: str, orientation: str | None = None) -> Iterator[Document]:
        yield from documents(source, self.name, ladder_data(text, source, orientation))


__all__ = ["LadderCsvReader", "ORIENTATIONS", "is_matrix", "ladder_data", "looks_like_level", "orientation",
           "rows_of"]
