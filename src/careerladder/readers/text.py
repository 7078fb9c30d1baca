"""Plain text: pasted e-mails, copied postings, ``.txt`` role descriptions.

Blank lines separate paragraphs; lines opening with a bullet or a number are
items (indent gives depth); short title-like lines are headings; a short first
line is the title.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from .. import thresholds as T
from ..model import Block
from .base import clean_text, cut, looks_like_data, make_document

#: Words a Title Case heading keeps in lower case ("VP of Engineering").
_SMALL_WORDS = frozenset({"of", "and", "the", "for", "in", "on", "at", "to", "a", "an", "&", "or", "with"})
BULLET_CHARS = ("- ", "* ", "• ", "· ", "‣ ", "◦ ", "▪ ", "o ", "– ", "+ ")


def _bullet(line: str) -> str | None:
    """The text after a bullet or ``1.``/``1)``/``a)`` marker, or None."""
    s = line.lstrip()
    for mark in BULLET_CHARS:
        if s.startswith(mark):
            return s[len(mark):]
    head, sep, rest = s.partition(" ")
    if sep and 1 <= len(head) <= 4 and head[-1] in ".)" and head[:-1].isalnum() and \
            (head[:-1].isdigit() or len(head) == 2):
        return rest
    return None


def _is_heading(line: str, next_blank: bool) -> bool:
    s = line.strip()
    words = s.split()
    if not words or len(words) > T.TEXT_MAX_HEADING_WORDS \
            or s.endswith((".", ",", ";", "!", "?")) and not s.endswith("?"):
        return False
    if s.endswith(":"):
        return True
    letters = [c for c in s if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(letters) >= T.TEXT_CAPS_HEADING_MIN_LETTERS:
        return True
    titled = sum(1 for w in words if w[:1].isupper() or not w[:1].isalpha() or w in _SMALL_WORDS)
    return next_blank and titled == len(words)


def text_blocks(text: str, first_line: int = 1) -> list[Block]:
    """Blocks of plain text whose first line is ``first_line`` of the file."""
    lines = text.split("\n")
    blocks: list[Block] = []
    para: list[str] = []
    para_start = 0
    seen_content = False

    def close_para() -> None:
        nonlocal para
        if para:
            body = "\n".join(clean_text(p) for p in para)
            blocks.append(Block("paragraph", cut(body), para_start, para_start + len(para) - 1))
            para = []

    for i, raw in enumerate(lines):
        n = first_line + i
        line = raw.rstrip()
        nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
        if not line.strip():
            close_para()
            continue
        if set(line.strip()) <= {"=", "-"} and len(line.strip()) >= 3 and para:
            title = para.pop()
            close_para()
            level = 1 if "=" in line else 2
            blocks.append(Block("heading", cut(clean_text(title)), n - 1, n, level))
            seen_content = True
            continue
        item = _bullet(line)
        if item is not None and item.strip():
            close_para()
            indent = len(line) - len(line.lstrip())
            depth = indent // 2  # as written: parse clamps it and limit_warnings reports it
            blocks.append(Block("item", cut(clean_text(item)), n, n, depth))
            seen_content = True
            continue
        if not para and _is_heading(line, not nxt or _bullet(nxt) is not None):
            close_para()
            level = 1 if not seen_content else 0
            blocks.append(Block("heading", cut(clean_text(line).rstrip(":")), n, n, level))
            seen_content = True
            continue
        if blocks and blocks[-1].kind == "item" and not para and raw.startswith((" ", "\t")):
            prev = blocks[-1]
            blocks[-1] = Block("item", cut(prev.text + " " + clean_text(line)), prev.line, n, prev.level)
            continue
        if not para:
            para_start = n
        para.append(line)
        seen_content = True
    close_para()
    return blocks


class TextReader:
    """Plain text; the fallback for any text that no other reader claims."""

    name = "text"

    def sniff(self, path: Path, head: str) -> float:
        if looks_like_data(head):
            return 0.0  # structured data that no reader claimed: unknown format
        return 0.3 if path.suffix.lower() in (".txt", ".text", "") else 0.1

    def read(self, source: str, text: str) -> Iterator:
        yield make_document(source, self.name, text_blocks(text), text)
