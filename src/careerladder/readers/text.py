"""Plain text: pasted e-mails, postings copied from a careers page, ``.txt`` role descriptions.

Blank lines separate paragraphs and a line's wrapped continuation joins it; lines opening with
a bullet (``-``, ``*``, ``•``, ``·``...) or a number are items (indent gives depth); short lines
standing alone are headings ("What you'll do", "REQUIREMENTS", "Requirements:"); a
``Key: value`` line ("Location: Leeds, UK") is a block of its own with ``label`` = the key, and
the keys careerladder knows (``vocab.POSTING_FIELDS``: location, salary, employment type...)
also go to ``Document.metadata``. A short first line is the title (a level-1 heading).
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from .. import thresholds as T
from ..model import Block
from ..vocab import holds_address, posting_field, section_kind
from .base import clean_text, cut, looks_like_data, make_document

#: Words a Title Case heading keeps in lower case ("VP of Engineering").
_SMALL_WORDS = frozenset({"of", "and", "the", "for", "in", "on", "at", "to", "a", "an", "&", "or", "with"})
BULLET_CHARS = ("- ", "* ", "• ", "· ", "‣ ", "◦ ", "▪ ", "o ", "– ", "+ ", "●", "•", "▪", "◦", "‣", "➢ ", "► ",
                "✓ ", "✔ ", "→ ")
_COLONS = (":", "：")
_SENTENCE_END = (".", ",", ";", "!", "。", "，", "；")


def _bullet(line: str) -> str | None:
    """The text after a bullet or ``1.``/``1)``/``a)`` marker, or None."""
    s = line.lstrip()
    for mark in BULLET_CHARS:
        if s.startswith(mark) and (len(mark) > 1 or s[1:2] != mark):
            return s[len(mark):].lstrip()
    head, sep, rest = s.partition(" ")
    if sep and 1 <= len(head) <= 4 and head[-1] in ".)" and head[:-1].isalnum() and \
            (head[:-1].isdigit() or len(head) == 2):
        return rest
    return None


def key_value(line: str) -> tuple[str, str] | None:
    """``("Location", "Leeds, UK")`` for a ``Key: value`` line, else None.

    The key is one to ``thresholds.MAX_FIELD_KEY_WORDS`` words starting with a capital (or a
    letter of a script without case) and holds no sentence punctuation or digit; the value is
    not empty; a plural marker may end it ("Location(s)"). "Note: we reply to everyone." is a key-value
    line too (its label is "Note").
    """
    s = line.strip()
    at = min((i for i in (s.find(c) for c in _COLONS) if i > 0), default=-1)
    if at <= 0:
        return None
    key, value = s[:at].strip().strip("*_"), s[at + 1:].strip().strip("*_").strip()
    words = key.split()
    if not value or not words or len(words) > T.MAX_FIELD_KEY_WORDS or len(key) > 40:
        return None
    first = key[0]
    if not first.isalpha() or (first.lower() != first.upper() and not first.isupper()):
        return None
    bare = key[:-3] if key.lower().endswith("(s)") else key  # "Location(s): Dublin; Cork"
    if any(ch.isdigit() or ch in ".!?,;()[]/\\\"'" for ch in bare) or value.startswith("//"):
        return None  # "Step 1: ...", "https://...", a sentence with a colon in it
    return key, value


def _is_heading(line: str, alone: bool) -> bool:
    """A short line that is a heading: it ends with a colon, or names a section ("What you'll do"),
    or stands alone (``alone``: a blank line, a bullet or the end follows it) and is in capitals or
    Title Case, or is a short phrase with a capital and no sentence punctuation."""
    s = line.strip().strip("*_#").strip()
    words = s.split()
    if not words or len(words) > T.TEXT_MAX_HEADING_WORDS or len(s) > 80 or holds_address(s):
        return False
    if s.endswith(_COLONS):
        return len(s) > 1
    if s.endswith(_SENTENCE_END):
        return False
    if section_kind(s) is not None and not any(ch.isdigit() for ch in s):
        return True  # "What you'll do" right above its text; "8+ years of experience" is a requirement
    if not alone:
        return False
    letters = [c for c in s if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) >= T.TEXT_CAPS_HEADING_MIN_LETTERS:
        return True
    titled = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha() or w in _SMALL_WORDS)
    if titled == len(words):
        return True
    return len(words) <= T.MAX_SHORT_HEADING_WORDS and s[:1].isupper() and not any(
        ch.isdigit() for ch in s)


def text_blocks(text: str, first_line: int = 1) -> list[Block]:
    """Blocks of plain text whose first line is ``first_line`` of the file."""
    return _TextParser(text.split("\n"), first_line).run()


class _TextParser:
    """One pass over the lines of a plain text (state kept here, not in globals)."""

    def __init__(self, lines: list[str], first_line: int):
        self.lines = lines
        self.first_line = first_line
        self.blocks: list[Block] = []
        self.para: list[str] = []
        self.para_start = 0
        self.seen_content = False

    def close_para(self) -> None:
        if self.para:
            body = "\n".join(clean_text(p) for p in self.para)
            self.blocks.append(Block("paragraph", cut(body, paragraph=True), self.para_start,
                                     self.para_start + len(self.para) - 1))
            self.para = []

    def _alone_after(self, i: int) -> bool:
        nxt = self.lines[i + 1].strip() if i + 1 < len(self.lines) else ""
        return not nxt or _bullet(nxt) is not None

    def run(self) -> list[Block]:
        blocks = self.blocks
        for i, raw in enumerate(self.lines):
            n = self.first_line + i
            line = raw.rstrip()
            stripped = line.strip()
            if not stripped:
                self.close_para()
                continue
            if set(stripped) <= {"=", "-"} and len(stripped) >= 3 and self.para:
                title = self.para.pop()
                self.close_para()
                blocks.append(Block("heading", cut(clean_text(title)), n - 1, n, 1 if "=" in line else 2))
                self.seen_content = True
                continue
            if set(stripped) <= {"=", "-", "_", "*", "—", "–", "~"} and len(stripped) >= 3:
                self.close_para()  # a rule between parts
                continue
            item = _bullet(line)
            if item is not None and item.strip():
                self.close_para()
                depth = (len(line) - len(line.lstrip())) // 2  # as written: parse clamps it
                pair = key_value(item)
                label, body = pair if pair else (None, item)
                blocks.append(Block("item", cut(clean_text(body)), n, n, depth, label=label))
                self.seen_content = True
                continue
            pair = key_value(line) if not self.para else None
            if pair is not None:
                blocks.append(Block("paragraph", cut(clean_text(pair[1]), paragraph=True), n, n, label=pair[0]))
                self.seen_content = True
                continue
            if not self.para and _is_heading(line, self._alone_after(i)):
                level = 1 if not self.seen_content and not stripped.endswith(_COLONS) else 0
                blocks.append(Block("heading", cut(clean_text(stripped.strip("*_#")).rstrip(":：").strip()),
                                    n, n, level))
                self.seen_content = True
                continue
            if blocks and blocks[-1].kind == "item" and not self.para and (
                    raw.startswith((" ", "\t")) or stripped[:1].islower()):
                prev = blocks[-1]  # a wrapped item goes on
                blocks[-1] = Block("item", cut(prev.text + " " + clean_text(line)), prev.line, n, prev.level,
                                   label=prev.label)
                continue
            if not self.para:
                self.para_start = n
            self.para.append(line)
            self.seen_content = True
        self.close_para()
        return blocks


def posting_fields(blocks: list[Block]) -> dict[str, str]:
    """Metadata from ``Key: value`` blocks whose key names a posting field (first mention wins):
    ``{"location": "Leeds, UK", "salary": "£125,000 - £145,000", "employment_type": "Full-time"}``."""
    meta: dict[str, str] = {}
    for b in blocks:
        if b.label and b.kind == "paragraph":
            name = posting_field(b.label)
            if name and name not in meta:
                meta[name] = b.text
    return meta


class TextReader:
    """Plain text; the fallback for any text that no other reader claims."""

    name = "text"

    def sniff(self, path: Path, head: str) -> float:
        if looks_like_data(head):
            return 0.0  # structured data that no reader claimed: unknown format
        return 0.3 if path.suffix.lower() in (".txt", ".text", "") else 0.1

    def read(self, source: str, text: str) -> Iterator:
        blocks = text_blocks(text)
        yield make_document(source, self.name, blocks, text, metadata=posting_fields(blocks))
