"""RemoteWLB job postings: one Markdown README per posting, and the JSON Lines of older versions.

A README (``jobs/<Skill>/<YYYY-MM>/<slug>/README.md``) opens with a fixed header::

    # [Staff Platform Engineer](https://example.org/apply/staff-platform-engineer)
    ### Example Corp
    #### `💰 $150,000 - $180,000` `🌎 Remote US`

line 1 gives the title (link text) and the apply url, line 2 the organization
(``None`` or nothing there means the board did not know it: ``organization`` is None),
line 3 the chips (``💰`` salary text, ``🌎`` location; others kept in ``chips``;
the line is there even when empty, and is what tells a posting from the board's
own README). The body is Markdown converted from HTML by the board (``\\-``
escapes, ``  * `` bullets) and is read with ``markdown_blocks`` keeping file
lines, after the title as a level-1 heading at line 1 (it is the file's ``#`` heading);
the closing ``## CLICK TO [APPLY](…)`` line is dropped (its url kept as
``apply_url``). ``skill`` and ``month`` come from the path when it has that shape.

The history file (``_history_not_at_HEAD.leadership_title_subset.jsonl``) holds
one ``{path, commit, text}`` per line, each ``text`` a whole README as it was at
``commit``. It yields one Document per line with ``fragment = "<path>@<commit>"``
(stable: a path can appear at several commits), and **block lines are lines of
that README version** (line 1 = the title line), not of the JSONL file; the
JSONL line is kept in ``metadata["jsonl_line"]``. A line that is not such a
record is skipped and counted (see ``careerladder.readers.records``).
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from typing import Any, Iterator

from ..errors import ReadError
from ..model import Block, Document
from .markdown import markdown_blocks
from .records import Skips, iter_json_lines, posting, text_of, with_skips

SALARY_CHIP = "💰"
LOCATION_CHIP = "🌎"
APPLY_HEADING = "CLICK TO APPLY"
UNKNOWN_COMPANY = "None"
HEADER_LINES = 3
HISTORY_KEYS = ("path", "commit", "text")


def _unescape(text: str) -> str:
    """Markdown backslash escapes removed (``\\-`` -> ``-``)."""
    out, i = [], 0
    while i < len(text):
        ch = text[i]
        if ch == "\\" and i + 1 < len(text) and not text[i + 1].isalnum() and not text[i + 1].isspace():
            out.append(text[i + 1])
            i += 2
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def _title_line(line: str) -> tuple[str, str] | None:
    """(title, url) of ``# [Title](url)``, or None when the line is not shaped so."""
    line = line.strip()
    if not line.startswith("# [") or not line.endswith(")"):
        return None
    split = line.rfind("](")
    if split < 3:
        return None
    title = " ".join(_unescape(line[3:split]).split())
    return (title, line[split + 2:-1].strip()) if title else None


def is_remotewlb(head: str) -> bool:
    """True when ``head`` opens with the RemoteWLB header: title link line, ``### company``,
    then the ``####`` chips line (empty or not); the board's own README lacks the third."""
    lines = head.lstrip("\ufeff").split("\n", 3)
    return len(lines) >= 3 and _title_line(lines[0]) is not None and lines[1].startswith("### ") \
        and lines[2].startswith("####")


def _chips(line: str) -> dict[str, Any]:
    """``#### `💰 salary` `🌎 place``` -> {"salary": ..., "location": ..., "chips": [others]}."""
    out: dict[str, Any] = {}
    others = []
    for i, part in enumerate(line.split("`")):
        chip = " ".join(part.split())
        if i % 2 == 0 or not chip:  # outside backticks
            continue
        if chip.startswith(SALARY_CHIP):
            out["salary"] = chip[len(SALARY_CHIP):].strip()
        elif chip.startswith(LOCATION_CHIP):
            out["location"] = chip[len(LOCATION_CHIP):].strip()
        else:
            others.append(chip)
    if others:
        out["chips"] = others
    return out


def _path_fields(path: str) -> dict[str, str]:
    """``skill`` and ``month`` from ``.../jobs/<Skill>/<YYYY-MM>/<slug>/README.md``."""
    parts = PurePosixPath(path.replace("\\", "/")).parts
    if "jobs" in parts:
        i = len(parts) - 1 - parts[::-1].index("jobs")
        rest = parts[i + 1:]
        if len(rest) >= 3:
            return {"skill": rest[0], "month": rest[1]}
    return {}


def read_readme(source: str, text: str, fragment: str | None = None,
                extra: dict[str, Any] | None = None, fmt: str = "remotewlb") -> Document:
    """One posting from the text of a RemoteWLB README; lines are lines of ``text``;
    ``fmt`` is the reader name stored in ``Document.format``.

    Raises ``ReadError`` when the first line is not ``# [Title](url)``.
    """
    lines = text.lstrip("\ufeff").split("\n", HEADER_LINES)
    head = _title_line(lines[0]) if lines else None
    if head is None:
        raise ReadError("not a RemoteWLB posting: line 1 is not '# [Title](url)'", source, 1)
    title, url = head
    meta: dict[str, Any] = {"url": url, **(extra or {})}
    body_line = 2
    organization = None
    if len(lines) > 1 and lines[1].startswith("### "):
        company = " ".join(_unescape(lines[1][4:]).split())
        organization = company if company and company != UNKNOWN_COMPANY else None
        body_line = 3
        if len(lines) > 2 and lines[2].startswith("####"):
            meta.update(_chips(lines[2]))
            body_line = 4
    body = "\n".join(lines[body_line - 1:]) if len(lines) >= body_line else ""
    blocks = markdown_blocks(body, body_line)
    blocks, apply_url = _drop_apply(blocks)
    meta["apply_url"] = apply_url
    return posting(source, fmt, blocks, text, title=title, organization=organization,
                   metadata=meta, fragment=fragment, title_line=1)


def _drop_apply(blocks: list[Block]) -> tuple[list[Block], str | None]:
    """Blocks without the trailing ``## CLICK TO [APPLY](url)`` heading, and its url."""
    for i in range(len(blocks) - 1, max(len(blocks) - 4, -1), -1):
        b = blocks[i]
        if b.kind == "heading" and " ".join(b.text.upper().split()) == APPLY_HEADING:
            url = b.links[0].href if b.links else None
            return blocks[:i] + blocks[i + 1:], url
    return blocks, None


class RemoteWLBReader:
    """RemoteWLB README postings, recognized by their header lines (any file name)."""

    name = "remotewlb"

    def sniff(self, path: Path, head: str) -> float:
        return 0.96 if is_remotewlb(head) else 0.0

    def read(self, source: str, text: str) -> Iterator[Document]:
        yield read_readme(source, text, extra=_path_fields(source))


def _history_record(value: Any) -> str | None:
    """Why ``value`` is not a ``{path, commit, text}`` record, or None when it is one."""
    if not isinstance(value, dict):
        return "not a JSON object"
    missing = [k for k in HISTORY_KEYS if not text_of(value.get(k))]
    if missing:
        return f"no {', '.join(missing)}"
    if _title_line(value["text"].split("\n", 1)[0]) is None:
        return "text does not open with '# [Title](url)'"
    return None


class RemoteWLBHistoryReader:
    """JSON Lines of ``{path, commit, text}``: older versions of RemoteWLB READMEs."""

    name = "remotewlb_history"

    def sniff(self, path: Path, head: str) -> float:
        first = head.lstrip("\ufeff").split("\n", 1)[0]
        if first.startswith("{") and all(f'"{k}"' in first for k in ("commit", "text")) and '"path"' in first:
            return 0.97
        return 0.0

    def read(self, source: str, text: str) -> Iterator[Document]:
        skips = Skips()
        records = []
        for line, value in iter_json_lines(text, skips):
            problem = _history_record(value)
            if problem:
                skips.add(line, problem)
            else:
                records.append((line, value))
        yield from with_skips(records, lambda n, r: self._document(source, *r), skips, source,
                              "RemoteWLB history records")

    def _document(self, source: str, line: int, rec: dict) -> Document:
        path, commit = rec["path"].strip(), rec["commit"].strip()
        extra = {"path": path, "commit": commit, "jsonl_line": line, **_path_fields(path)}
        return read_readme(source, rec["text"], fragment=f"{path}@{commit}", extra=extra, fmt=self.name)
