"""Exports of postings from job tools: a JSON list (or a list under a key, or one object), JSON Lines,
or CSV/TSV, with any field names (``format="records"``).

The container is told from the text: ``[`` opens a JSON list; ``{`` opens JSON Lines when the next
record starts a line of its own, else one JSON object, which is a posting itself when it has a
title or text field, else holds its records in a list under a key (``{"jobs": [...]}``, also one
object deeper: ``{"data": {"jobs": [...]}}``; the list whose records have posting fields, the
longest first); anything else with a header row of field names is CSV (``,``, tab, ``;`` or ``|``;
quoted fields may span lines; a ``#`` before the header is dropped). The fields come from
``readers.fields`` (common names, nested objects, ``--fields``); ``Document.metadata["fields"]``
says what was chosen, and the pipeline prints it once per file.

Each record is one ``job_posting`` Document: ``title``, ``organization`` = the company, blocks from
the text field(s) (HTML when it holds tags, else plain text), more text fields under headings of
ours; every other field kept in ``metadata`` as it is (salaries of 0 mean "not given" and are
dropped), plus ``location``, ``date`` (Unix times become ISO dates), ``salary`` and ``url`` under
those names. A record with text but **no title field** is read like a Hacker News post: its first
line is the header ``Company | Role | Location`` (``readers.hn``), which gives the title, company,
location and remote. ``fragment`` is the record's id (``record-<n>`` without one).

Lines: the title heading is at the record's line (its ``{``, its JSON Lines line, its CSV row); in
a JSON list the text's blocks are at the line of the text field's key. Bad records are skipped and
counted (``readers.records``). A file that is data but holds no posting (no record has a title or
a text field; an empty list) raises ``NotPostingError`` naming what it holds.

Configurations of this reader for known exports (``job_board``, ``hn_json``, ``hn_item``,
``csv_postings``) fix their fields and add what their source needs; see those modules.
"""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from json.decoder import WHITESPACE
from pathlib import Path
from typing import Any, Iterator, Mapping

from .. import thresholds as T
from ..errors import NotPostingError, ReadError
from ..model import Block, Document
from .base import looks_like_data
from .fields import FAMILIES, Choice, FieldMap, choose, norm, text_value, value_at
from .hn import comment_blocks, header_html, parse_header, strip_tags
from .records import Skips, html_blocks_at, iter_json_array, iter_json_lines, pin_lines, posting, with_skips
from .text import text_blocks

#: Field separators tried for CSV, most common first.
DELIMITERS = (",", "\t", ";", "|")
_POSTING_KEYS = frozenset(norm(n) for slot in ("title", "text") for n in FAMILIES[slot])
#: A list of records is postings when its records have a text field (a list of ``{name, count}`` is not).
_TEXT_KEYS = frozenset(norm(n) for n in FAMILIES["text"])


@dataclass(frozen=True, slots=True)
class Record:
    """One record of a container: its ``line``, decoded ``value``, and its span in the text (JSON list
    records only; -1 otherwise), which finds the line of a field's key."""

    line: int
    value: Any
    start: int = -1
    end: int = -1

    def field_line(self, text: str, path: str | None) -> int:
        """Line of ``path``'s key inside the record (the record's line when unknown)."""
        if self.start < 0 or not path:
            return self.line
        key = text.find(f'"{path.rsplit(".", 1)[-1]}"', self.start, self.end)
        return self.line + text.count("\n", self.start, key) if key >= 0 else self.line


def head_keys(head: str) -> set[str]:
    """Normalized names of the ``"key":`` pairs in a JSON head (a quick look, no decoding)."""
    parts = head.split('"')
    return {norm(parts[i]) for i in range(1, len(parts) - 1, 2) if parts[i + 1].lstrip().startswith(":")}


def csv_header(head: str) -> tuple[str, list[str]] | None:
    """(delimiter, column names) when the first line of ``head`` is a header row of field names."""
    first = head.lstrip("\ufeff").split("\n", 1)[0].strip("\r").lstrip("#").strip()
    for delimiter in DELIMITERS:
        if delimiter not in first:
            continue
        try:
            cells = [c.strip() for c in next(csv.reader([first], delimiter=delimiter))]
        except (csv.Error, StopIteration):
            continue
        if len(cells) >= 2 and all(c and len(c) <= T.RECORDS_MAX_COLUMN_NAME_CHARS and not c.endswith((".", "!", "?"))
                                   for c in cells):
            return delimiter, cells
    return None


def _array_under_key(text: str, source: str, path: tuple[str, ...]) -> int:
    """Offset of the ``[`` of the list at ``path`` (keys from the top-level object) in ``text``."""
    decoder = json.JSONDecoder()
    i = WHITESPACE.match(text, 0).end()
    for key in path:
        if text[i:i + 1] != "{":
            break
        i += 1
        while True:
            i = WHITESPACE.match(text, i).end()
            name, i = decoder.raw_decode(text, i)
            i = WHITESPACE.match(text, i).end() + 1  # the ':'
            i = WHITESPACE.match(text, i).end()
            if name == key:
                break
            _, i = decoder.raw_decode(text, i)
            i = WHITESPACE.match(text, i).end() + 1  # the ','
    if text[i:i + 1] != "[":
        raise ReadError(f"no JSON list under {'.'.join(path)}", source)
    return i


def _record_lists(data: Mapping, depth: int = 0) -> list[tuple[tuple[str, ...], list]]:
    """(key path, list) for every list of objects under ``data`` (and one object deeper)."""
    found = []
    for key, value in data.items():
        if isinstance(value, list) and value and all(isinstance(v, Mapping) for v in value[:50]):
            found.append(((key,), value))
        elif isinstance(value, Mapping) and depth == 0:
            found += [((key, *path), items) for path, items in _record_lists(value, 1)]
    return found


def _has_posting_field(record: Any) -> bool:
    return isinstance(record, Mapping) and any(norm(str(k)) in _TEXT_KEYS for k in record)


def _keys(records: list) -> str:
    keys = list(dict.fromkeys(str(k) for r in records[:50] if isinstance(r, Mapping) for k in r))
    more = f", … ({len(keys)} in all)" if len(keys) > T.RECORDS_MAX_KEYS_NAMED else ""
    return ", ".join(keys[:T.RECORDS_MAX_KEYS_NAMED]) + more


def json_records(text: str, source: str, skips: Skips, named: FieldMap | None = None) -> tuple[str, list[Record]]:
    """(container, records) of JSON text: ``"json"`` (a list, under a key or not), ``"jsonl"``, ``"object"``.

    Raises ``NotPostingError`` for JSON that holds no list of posting records, ``ReadError`` for
    text that is not JSON at all.
    """
    start = text.lstrip("\ufeff \t\r\n")
    if start.startswith("["):
        return "json", [Record(line, v, b, e) for line, v, b, e in iter_json_array(text, source, skips)]
    lines = [ln for ln in text.split("\n", 3)[:3] if ln.strip()]
    if len(lines) > 1 and lines[0].rstrip().endswith("}") and lines[1].lstrip().startswith("{"):
        return "jsonl", [Record(line, value) for line, value in iter_json_lines(text, skips)]
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ReadError(f"neither JSON Lines nor one JSON object: {exc.msg}", source, exc.lineno) from exc
    if not isinstance(data, Mapping):
        raise NotPostingError(f"JSON data, not postings: a {type(data).__name__}, not a list of records", source)
    if _has_posting_field(data) or (named and any(value_at(data, p) is not None for _, ps in named.slots
                                                  for p in ps)):
        return "object", [Record(1, data)]
    lists = _record_lists(data)
    wanted = [(path, items) for path, items in lists if any(_has_posting_field(r) for r in items[:50])] or \
        ([(path, items) for path, items in lists if named] if named else [])
    if not wanted:
        where = ", ".join(".".join(p) for p, _ in lists) or "none"
        raise NotPostingError(f"JSON data, not postings: no list of records with a text field "
                              f"(keys: {_keys([data])}; lists of objects under: {where})", source)
    path, _ = max(wanted, key=lambda item: len(item[1]))
    offset = _array_under_key(text, source, path)
    return "json", [Record(line, v, b, e) for line, v, b, e in iter_json_array(text, source, skips, offset)]


def csv_records(text: str, source: str, skips: Skips) -> list[Record]:
    """The rows of CSV/TSV text as ``{column: text}`` records, each at the line where it starts; a row
    with the wrong number of fields is skipped and counted."""
    found = csv_header(text)
    if found is None:
        raise ReadError("not a CSV file: the first line is not a header row of field names", source, 1)
    delimiter, header = found
    # split on "\n" only: splitlines() also breaks at U+2028, \x0b, \x0c... and row lines would drift
    parts = text.lstrip("\ufeff").split("\n")
    reader = csv.reader(iter([p + "\n" for p in parts[:-1]] + ([parts[-1]] if parts[-1] else [])),
                        delimiter=delimiter)
    next(reader)
    rows, done = [], reader.line_num
    while True:
        begin = done + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            done = reader.line_num
            skips.add(begin, f"broken CSV row: {exc}")
            continue
        done = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            skips.add(begin, f"{len(row)} fields, the header has {len(header)}")
            continue
        rows.append(Record(begin, dict(zip(header, row))))
    return rows


class RecordsReader:
    """Any export of postings: JSON list / JSON Lines / CSV records with common field names.

    ``named``: fields named by the user (``--fields``). Configurations subclass it: ``fixed`` fields
    instead of ``choose``, their own ``sniff``, and hooks ``blocks`` and ``metadata``.
    """

    name = "records"
    #: The configuration's fields (None: chosen per file by ``readers.fields.choose``).
    fixed: Choice | None = None
    #: Headings before each text field: True always, None when a record has several.
    headings: bool | None = None
    #: What a record is called in messages.
    what = "records"
    #: A record with text and no title is read as an HN-style post (False: it is skipped).
    header_posts = True
    #: Make a repeated fragment unique here as ``<id>-<n>`` (else the pipeline keys it ``#<id>~2``).
    unique_fragments = False

    def __init__(self, named: FieldMap | None = None):
        self.named = named

    def sniff(self, path: Path, head: str) -> float:
        named = {norm(p.split(".", 1)[0]) for _, paths in self.named.slots for p in paths} if self.named else set()
        if looks_like_data(head) and not head.lstrip().startswith("<"):
            keys = head_keys(head)
            if named & keys:
                return 0.99
            return 0.9 if keys & _POSTING_KEYS else 0.5  # JSON data: read, or named as not postings
        found = csv_header(head)
        if found is None or not _rows_agree(head, found):
            return 0.0
        columns = {norm(c) for c in found[1]}
        if named & columns:
            return 0.99
        if columns & _POSTING_KEYS:
            return 0.9
        tabular = found[0] == "\t" or path.suffix.lower() in (".csv", ".tsv")
        return 0.5 if tabular and all(" " not in c for c in found[1]) else 0.0

    def read(self, source: str, text: str) -> Iterator[Document]:
        skips = Skips()
        if looks_like_data(text[:64]) and not text.lstrip().startswith("<"):
            container, records = json_records(text, source, skips, self.named)
        else:
            container, records = "csv", csv_records(text, source, skips)
        if not records and not skips.count:
            raise NotPostingError(f"an export with no records ({container})", source)
        choice = self.fixed or choose([r.value for r in records], self.named)
        if not (choice.get("text") or choice.named and choice.get("title")) and self.fixed is None:
            raise NotPostingError(f"{'a table' if container == 'csv' else 'JSON data'}, not postings: no text field among "
                                  f"{_keys([r.value for r in records])} (name them with --fields)", source)
        keep = [r for r in records if self._keep(r, choice, skips)]
        seen: set[str] = set()
        yield from with_skips(keep, lambda n, r: self.document(source, text, n, r, choice, container, seen),
                              skips, source, self.what)

    def _keep(self, record: Record, choice: Choice, skips: Skips) -> bool:
        if not isinstance(record.value, Mapping):
            skips.add(record.line, "not a JSON object")
            return False
        title, body = choice.get("title"), choice.get("text")
        if title and text_value(value_at(record.value, title)):
            return True
        if self.header_posts and body and _is_text(value_at(record.value, body)):
            return True
        wanted = [p for p in (title, body if self.header_posts else None) if p]
        skips.add(record.line, f"no {' or '.join(wanted) or 'title'} (not a posting)")
        return False

    def document(self, source: str, text: str, n: int, record: Record, choice: Choice, container: str,
                 seen: set[str]) -> Document:
        """The posting of one record (``n``: its 1-based place among the records kept)."""
        rec = record.value
        title = self.clean(text_value(value_at(rec, choice.get("title") or ""), "title")) if choice.get("title") else None
        company = self.clean(text_value(value_at(rec, choice.get("company") or ""), "company")) \
            if choice.get("company") else None
        body_path = choice.get("text")
        body = value_at(rec, body_path) if body_path else None
        line = record.field_line(text, body_path)
        meta: dict[str, Any] = {}
        header = None
        if title is None and _is_text(body):  # no title field: the first line is an HN-style header
            hint = text_value(value_at(rec, choice.get("location") or ""), "location") if choice.get("location") else None
            header = parse_header(strip_tags(header_html(body)), hint)
            title = header.title()[0] or None
            company = company or header.company
            meta.update(header.metadata())
        sections = [(path, heading) for path, heading in choice.sections if _is_text(value_at(rec, path))]
        blocks: list[Block] = []
        heads = self.headings if self.headings is not None else bool(sections)
        if _is_text(body):
            if heads:
                blocks.append(Block("heading", "Job description", line, line, 2))
            blocks += self.blocks(body, line, header is not None)
        for path, heading in sections:
            at = record.field_line(text, path)
            if heads:
                blocks.append(Block("heading", heading, at, at, 2))
            blocks += self.blocks(value_at(rec, path), at, False)
        used = {p for p in (choice.get("title"), choice.get("company"), body_path) if p}
        used |= {path for path, _ in choice.sections}
        for key, value in rec.items():  # the header's fields win over the record's, when it says them
            if key not in used and not (key.lower().startswith("salary") and value in (0, "0", "")) \
                    and (header is None or meta.get(key) is None):
                meta[key] = value
        for slot in ("location", "date", "salary", "url"):  # under their own names, as one line of text
            path = choice.get(slot)
            value = value_at(rec, path) if path else None
            if value not in (None, 0, "0", "") and (header is None or meta.get(slot) is None):
                meta[slot] = text_value(value, slot) or meta.get(slot)
        meta = self.metadata(meta, rec, record, container, source)
        if self.fixed is None:
            meta["fields"] = choice.as_metadata()
        ident = text_value(value_at(rec, choice.get("id") or ""), "id") if choice.get("id") else None
        fragment = self.fragment(ident, rec, n)
        if fragment in seen and self.unique_fragments:
            fragment = f"{fragment}-{n}"
        seen.add(fragment)
        return posting(source, self.name, blocks, self.raw(text, record), title=title, organization=company, metadata=meta,
                       fragment=fragment, title_line=record.line if header is None else None,
                       decoded_json=container != "csv")

    # -- hooks for configurations ------------------------------------------------------
    def blocks(self, value: str, line: int, hn_post: bool) -> list[Block]:
        """Blocks of one text field, every one at ``line``: HTML when it holds tags, else plain text
        (``hn_post``: an HN-style post, whose ``<pre>`` blocks are lists)."""
        if "<" in value and ">" in value:
            return comment_blocks(value, line, locate=False) if hn_post else html_blocks_at(value, line)
        return pin_lines(text_blocks(value, line), line)

    def metadata(self, meta: dict[str, Any], rec: Mapping, record: Record, container: str,
                 source: str) -> dict[str, Any]:
        """The metadata of a record's document; this reader adds where the record is."""
        meta["record_line" if container != "csv" else "row_line"] = record.line
        return meta

    def fragment(self, ident: str | None, rec: Mapping, n: int) -> str:
        """The document's fragment: the record's id, else ``record-<n>``."""
        return ident if ident else f"record-{n}"

    def clean(self, value: str | None) -> str | None:
        """A title or company as read (configurations repair their source's damage here)."""
        return value

    def raw(self, text: str, record: Record) -> str:
        """The record's own text, hashed for ``content_hash``: its span in a JSON list, else its JSON."""
        if record.start >= 0:
            return text[record.start:record.end]
        return json.dumps(record.value, ensure_ascii=False, sort_keys=True)


def _rows_agree(head: str, found: tuple[str, list[str]]) -> bool:
    """True when the row after the header has as many fields as the header (a table, not prose)."""
    delimiter, header = found
    lines = head.lstrip("\ufeff").split("\n")
    if len(lines) < 2:
        return False
    try:
        rows = csv.reader(lines[1:-1] if len(lines) > 2 else lines[1:], delimiter=delimiter)
        return len(next(rows)) == len(header)
    except (csv.Error, StopIteration):
        return False


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())
