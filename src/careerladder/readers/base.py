"""What every reader shares: the Reader protocol, decoding, and block helpers.

A reader turns the text of one file into one or more ``Document`` objects made
of flat ``Block`` objects with source lines; it never builds sections (that is
``careerladder.parse``).

Limits (``careerladder.thresholds``): a reader refuses a document over a hard
limit with ``LimitError`` (file size, markup depth); it keeps a document over a
soft one and the pipeline reports it with ``limit_warnings``: text is cut with
``cut`` and list depth is given as written (``parse`` clamps it).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Protocol

from .. import thresholds
from ..errors import LimitError, ReadError
from ..model import Block, Diagnostic, Document


class Reader(Protocol):
    """One input format.

    ``name``: short format name stored in ``Document.format``.
    ``sniff(path, head)`` -> confidence in [0, 1] that ``head`` (the first
    ``thresholds.SNIFF_BYTES`` of the decoded text) is this format.
    ``read(source, text)`` -> the documents in ``text``; raises ``ReadError``.
    """

    name: str

    def sniff(self, path: Path, head: str) -> float: ...

    def read(self, source: str, text: str) -> Iterator[Document]: ...


def content_hash(data: bytes | str) -> str:
    """sha256 hex digest of ``data`` (str is hashed as UTF-8)."""
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    return hashlib.sha256(data).hexdigest()


def decode(data: bytes, source: str) -> str:
    """Decode file bytes: BOM-marked UTF-16/UTF-8, else UTF-8, else cp1252, else Latin-1.

    Raises ``ReadError`` when the file is empty or looks binary (NUL bytes or
    more than ``thresholds.BINARY_CONTROL_RATIO`` control characters).
    """
    if not data.strip():
        raise ReadError("empty file", source, reason="empty")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    sample = data[: thresholds.SNIFF_BYTES * 4]
    if b"\x00" in sample:
        raise ReadError("binary file (NUL bytes), not a text document", source, reason="binary")
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    if controls > thresholds.BINARY_CONTROL_RATIO * len(sample):
        raise ReadError("binary file (control bytes), not a text document", source, reason="binary")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def read_bytes(path: Path, source: str) -> bytes:
    """The bytes of ``path``; ``ReadError`` when missing or unreadable, ``LimitError`` when too big."""
    try:
        size = path.stat().st_size
    except FileNotFoundError as exc:
        raise ReadError("no such file or folder", source, reason="not found") from exc
    except OSError as exc:
        raise ReadError(f"cannot read file: {exc.strerror or exc}", source, reason="unreadable") from exc
    if size > thresholds.MAX_FILE_BYTES:
        raise LimitError(
            f"file is {size} bytes, over the {thresholds.MAX_FILE_BYTES}-byte limit", source)
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ReadError(f"cannot read file: {exc.strerror or exc}", source, reason="unreadable") from exc


def clean_text(text: str) -> str:
    """Collapse runs of whitespace (including NBSP) into single spaces and strip."""
    return " ".join(text.replace("\u00a0", " ").replace("\u200b", "").split())


#: Characters after which a paragraph can be split into sentences or parts (``longest_run``).
_BREAKS = frozenset(".!?…;\n•。！？；")


def longest_run(text: str) -> int:
    """Length of the longest stretch of ``text`` with no place to split it: a line break, or
    ``.!?…;•`` (and their CJK forms) followed by a space or a capital ("matter.We are")."""
    longest = start = 0
    for i, ch in enumerate(text):
        if ch in _BREAKS and (ch == "\n" or i + 1 == len(text) or text[i + 1].isspace() or text[i + 1].isupper()
                              or not ch.isascii()):
            longest, start = max(longest, i + 1 - start), i + 1
    return max(longest, len(text) - start)


def cut(text: str, *, paragraph: bool = False) -> str:
    """``text`` cut to ``thresholds.MAX_STATEMENT_CHARS`` characters (ending with an ellipsis);
    ``limit_warnings`` reports the blocks it cut.

    A ``paragraph`` (which ``parse`` splits into sentences) is cut only where it cannot be split:
    one whose every stretch between sentence ends fits in ``MAX_STATEMENT_CHARS`` is kept whole up
    to ``thresholds.MAX_BLOCK_CHARS`` (a description pasted as one line of 10,000 characters)."""
    limit = thresholds.MAX_STATEMENT_CHARS
    if len(text) <= limit:
        return text
    if paragraph and longest_run(text) <= limit:
        big = thresholds.MAX_BLOCK_CHARS
        return text if len(text) <= big else text[: big - 1] + "…"
    return text[: limit - 1] + "…"


def limit_warnings(document: Document) -> list[Diagnostic]:
    """One-line warnings for what a reader kept but had to limit in ``document`` (at most one per kind).

    ``STATEMENT_CUT``: blocks longer than ``thresholds.MAX_STATEMENT_CHARS`` characters, cut by
    ``cut`` (a block of exactly that length ending in "…"). ``NESTING_CLAMPED``: list items nested
    deeper than ``thresholds.MAX_NESTING_DEPTH``, which ``parse`` attaches at that depth. Each names
    the first line concerned and how many blocks; the document itself is kept.
    """
    where = f"{document.source}#{document.fragment}" if document.fragment else document.source
    limit, depth = thresholds.MAX_STATEMENT_CHARS, thresholds.MAX_NESTING_DEPTH
    long = [b for b in document.blocks if len(b.text) in (limit, thresholds.MAX_BLOCK_CHARS) and b.text.endswith("…")]
    deep = [b for b in document.blocks if b.kind == "item" and b.level > depth]
    out = []
    if long:
        out.append(Diagnostic("STATEMENT_CUT", f"{len(long)} block(s) longer than {limit} characters "
                                               f"cut to {limit}", where, long[0].line))
    if deep:
        out.append(Diagnostic("NESTING_CLAMPED", f"{len(deep)} list item(s) nested deeper than {depth} "
                                                 f"levels (up to {max(b.level for b in deep)}) attached at "
                                                 f"level {depth}", where, deep[0].line))
    return out


@dataclass(slots=True)
class LineLocator:
    """Finds the source line of text that a parser lost the position of (HTML).

    Blocks come in document order, so the search moves a cursor forward through
    a whitespace-collapsed copy of the markup-free source; each hit maps back to
    a line. ``plain`` is that copy and ``lines`` the line of each of its characters.
    """

    plain: str
    lines: list[int]
    cursor: int = 0

    @classmethod
    def from_source(cls, source_text: str, first_line: int = 1) -> "LineLocator":
        """Index ``source_text`` whose first line is ``first_line``; tags are skipped, entities kept raw."""
        plain: list[str] = []
        lines: list[int] = []
        line = first_line
        in_tag = False
        last_space = True
        for ch in source_text:
            if ch == "\n":
                line += 1
            if in_tag:
                if ch == ">":
                    in_tag = False
                continue
            if ch == "<":
                in_tag = True
                continue
            if ch.isspace():
                if not last_space:
                    plain.append(" ")
                    lines.append(line)
                    last_space = True
                continue
            plain.append(ch)
            lines.append(line)
            last_space = False
        return cls("".join(plain), lines)

    def locate(self, text: str, default: int) -> int:
        """Line where ``text`` (visible text of a block) starts, or ``default`` when not found."""
        if not self.lines:
            return default
        probe = " ".join(text.split()[:4])
        probe = probe.split("&")[0].split("\u2019")[0].split("'")[0].strip()[:40]
        if len(probe) < 3:
            return self.lines[min(self.cursor, len(self.lines) - 1)] if self.cursor else default
        hit = self.plain.find(probe, self.cursor)
        if hit < 0:
            return self.lines[min(self.cursor, len(self.lines) - 1)] if self.cursor else default
        self.cursor = hit + 1
        return self.lines[hit]


def looks_like_data(head: str) -> bool:
    """True when text is structured data (JSON, XML), not prose: only a data reader may take it."""
    stripped = head.lstrip()
    return stripped.startswith(("{", "[{", "[\n", "[]", "<?xml")) or (
        stripped.startswith("[") and stripped[1:2] in ('"', "[", " ", "\n") and "](" not in stripped[:200])


def make_document(source: str, fmt: str, blocks: list[Block], text: str, **fields) -> Document:
    """A ``Document`` with its content hash computed from ``text`` unless given in ``fields``."""
    fields.setdefault("content_hash", content_hash(text))
    return Document(source=source, format=fmt, blocks=tuple(blocks), **fields)
