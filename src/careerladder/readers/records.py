"""What the job-posting readers share: record iteration with line numbers, skip accounting,
and building a ``job_posting`` Document.

Container formats (a JSON list of posts, JSON Lines, a CSV) read in two passes:
the first decodes and checks every record (cheap, C-speed JSON/CSV), counting the
records it must skip; the second turns each record into a document, skipping a record
whose conversion raises ``ReadError``/``LimitError`` (markup nested too deep). All of a
file's documents are built before the first is given (memory per file, never per
corpus), so the skip count and the first few reasons in the FIRST document's metadata
(``skipped_records``: int, ``skipped``: ["line 12: not a JSON object", ...]), so a
bad record never kills its file and is never dropped silently. A file whose every
record is bad raises ``ReadError`` naming the file and the first reason.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from json.decoder import WHITESPACE
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

from .. import thresholds
from ..errors import LimitError, ReadError
from ..model import Block, Document
from selectolax.lexbor import LexborHTMLParser

from .base import LineLocator, make_document
from .html import _Walker, markup_depth
from .frontmatter import json_safe


@dataclass(slots=True)
class Skips:
    """Records skipped in one file: exact ``count`` and the first ``thresholds.MAX_SKIP_REASONS`` reasons."""

    count: int = 0
    reasons: list[str] = field(default_factory=list)

    def add(self, line: int | None, problem: str) -> None:
        """Count one skipped record found at ``line`` (1-based, None when unknown)."""
        self.count += 1
        if len(self.reasons) < thresholds.MAX_SKIP_REASONS:
            self.reasons.append(f"line {line}: {problem}" if line else problem)

    def metadata(self) -> dict[str, Any]:
        """``{"skipped_records": n, "skipped": [...]}``, or ``{}`` when nothing was skipped."""
        return {"skipped_records": self.count, "skipped": list(self.reasons)} if self.count else {}


def iter_json_array(text: str, source: str, skips: Skips, start: int = 0) -> Iterator[tuple[int, Any, int, int]]:
    """(line where the element starts, decoded element, start offset, end offset) for each
    element of the JSON list that opens at offset ``start`` of ``text`` (0: the top-level list;
    elsewhere a list under a key, see ``readers.exports``); offsets are into ``text``.

    Raises ``ReadError`` when there is no JSON list there at all. An element that
    does not decode is counted in ``skips``; reading resumes at the next element
    that starts on its own line with the same indentation (pretty-printed files),
    otherwise the rest of the file is counted as one skipped record.
    """
    decoder = json.JSONDecoder()
    i = WHITESPACE.match(text, start).end()
    if text[i:i + 1] != "[":
        raise ReadError("expected a JSON list of records", source, 1 + text.count("\n", 0, i))
    line, pos, n = 1 + text.count("\n", 0, i), i, len(text)
    i += 1
    while True:
        i = WHITESPACE.match(text, i).end()
        if i >= n:
            skips.add(line, "JSON list is never closed with ']'")
            return
        if text[i] == "]":
            return
        line += text.count("\n", pos, i)
        pos = i
        try:
            value, end = decoder.raw_decode(text, i)
        except json.JSONDecodeError as exc:
            skips.add(line, f"broken JSON: {exc.msg}")
            resume = _resync(text, i, exc.pos)
            if resume < 0:
                return
            i = resume
            continue
        if end - i > thresholds.MAX_RECORD_BYTES:
            skips.add(line, f"record of {end - i} characters is over the {thresholds.MAX_RECORD_BYTES} limit")
        else:
            yield line, value, i, end
        i = WHITESPACE.match(text, end).end()
        if text[i:i + 1] == ",":
            i += 1
        elif text[i:i + 1] != "]":
            skips.add(line, "missing ',' or ']' after a record")
            resume = _resync(text, i, i)
            if resume < 0:
                return
            i = resume


def _resync(text: str, start: int, error_at: int) -> int:
    """Offset of the next element starting like the one at ``start`` (same line indentation), or -1."""
    line_start = text.rfind("\n", 0, start) + 1
    indent = text[line_start:start]
    if indent.strip():  # the element did not start its own line: no safe place to resume
        return -1
    hit = text.find("\n" + indent + text[start], max(error_at, start + 1))
    return -1 if hit < 0 else hit + 1


def iter_json_lines(text: str, skips: Skips) -> Iterator[tuple[int, Any]]:
    """(line number, decoded value) for each non-blank line of JSON Lines text; bad lines counted in ``skips``."""
    for number, raw in enumerate(text.split("\n"), 1):
        if not raw.strip():
            continue
        if len(raw) > thresholds.MAX_RECORD_BYTES:
            skips.add(number, f"record of {len(raw)} characters is over the {thresholds.MAX_RECORD_BYTES} limit")
            continue
        try:
            yield number, json.loads(raw)
        except json.JSONDecodeError as exc:
            skips.add(number, f"broken JSON: {exc.msg}")


def pin_lines(blocks: Iterable[Block], line: int) -> list[Block]:
    """``blocks`` with every ``line``/``end_line`` set to ``line`` (text held in one JSON string)."""
    return [b if b.line == line == b.end_line else replace(b, line=line, end_line=line) for b in blocks]


def html_blocks_at(html: str, line: int) -> list[Block]:
    """Blocks of an HTML fragment held in one JSON string field: every block at ``line``.

    The same walk as ``readers.html.html_blocks``, without mapping text back to
    source lines (there is only one line to map to).
    """
    if markup_depth(html) > thresholds.MAX_MARKUP_DEPTH:
        raise LimitError(f"HTML nests deeper than {thresholds.MAX_MARKUP_DEPTH} block elements", None, line)
    tree = LexborHTMLParser(html)
    root = tree.body or tree.root
    if root is None:
        return []
    walker = _Walker(LineLocator("", []), line)
    walker.walk(root, None, 0)
    walker.flush()
    return walker.blocks


def text_of(value: Any) -> str | None:
    """``value`` stripped when it is a non-blank string, else None."""
    if isinstance(value, str):
        value = " ".join(value.split())
        return value or None
    return None


def posting(source: str, fmt: str, blocks: list[Block], raw: str | bytes, *, title: str | None,
            organization: str | None, metadata: Mapping[str, Any], fragment: str | None = None,
            line_offset: int = 0, title_line: int | None = None, decoded_json: bool = False) -> Document:
    """A ``Document`` of kind ``job_posting``; ``metadata`` made JSON-safe, None values dropped.

    ``raw``: the record's own text (hashed for ``content_hash``). ``title_line``: where
    the title is written (the title line, field or column); the title then opens the
    blocks as a level-1 heading at that line. ``parse`` takes that heading as the title,
    so a body heading is never mistaken for it (a lone "Job description" heading stays a
    section), and a record with a title but no text still makes a role. ``decoded_json``: the
    metadata values came from ``json`` decoding (plus strings, numbers, lists), so they are
    JSON-safe already and are not walked again (the HN hot path).
    """
    if title and title_line:
        blocks = [Block("heading", title, title_line, title_line, 1), *blocks]
    meta = {k: v for k, v in metadata.items() if v is not None and v != "" and v != []}
    if not decoded_json:
        try:
            meta = json_safe(meta)
        except LimitError as exc:  # raised without a file name
            raise LimitError(exc.message, source, title_line) from exc
    return make_document(source, fmt, blocks, raw, metadata=meta, title=title, organization=organization,
                         kind="job_posting", fragment=fragment, line_offset=line_offset)


def with_skips(records: Sequence[tuple], build: Callable[[int, tuple], Document], skips: Skips, source: str,
               what: str) -> Iterator[Document]:
    """One Document per record, ``skips`` recorded in the first; ``ReadError`` when there is none.

    ``records``: tuples whose first item is the record's line; ``build(n, record)`` makes
    the n-th (1-based) Document and may raise ``ReadError`` (``LimitError``) for that record
    alone, which skips it. All documents are built before the first is given, so the
    count in the first one is exact. ``what``: the records' name for the error ("HN posts").
    """
    docs = []
    for n, record in enumerate(records, 1):
        try:
            docs.append(build(n, record))
        except ReadError as exc:
            skips.add(record[0], exc.message)
    if not docs:
        reason = f"; first: {skips.reasons[0]}" if skips.reasons else ""
        raise ReadError(f"no {what} found ({skips.count} records skipped{reason})", source)
    yield from attach_skips(docs, skips)


def attach_skips(documents: Iterable[Document], skips: Skips) -> Iterator[Document]:
    """``documents`` with ``skips.metadata()`` merged into the first one's metadata."""
    for i, doc in enumerate(documents):
        if i == 0 and skips.count:
            doc = replace(doc, metadata={**doc.metadata, **skips.metadata()})
        yield doc
