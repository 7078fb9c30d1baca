"""Job postings with a YAML header naming ``title`` and ``company`` (the pythonjobs board format).

::

    ---
    title: Backend Developer
    company: Example Ltd
    location: Leeds, UK
    contract: permanent
    contact:
        name: A. Person
    created: !!timestamp '2016-10-18'
    tags: [python, django]
    ---
    # Overview
    ...

Chosen by content whatever the file is called (``.html``, ``.md``, no extension,
spaces and commas in names): a header, with or without its opening ``---``, holding a
``company:`` line (a header without any fence ends at a blank line before the body). The body is read as HTML when it is mostly tags,
else as Markdown, keeping file lines. The title is a header field, as in any front
matter: unlike the other posting formats no title heading opens the blocks (so these
read exactly like the generic front-matter readers read them). ``!!timestamp`` values become ISO strings
(``readers.frontmatter``). Posters' YAML is often broken (tabs, ``key:value`` with no
space, a ``<- note`` after a value, an impossible date such as ``2018-30-07``, a
closing ``  ---`` indented, a header pasted from a diff with ``+`` on each line): when
strict YAML fails the header is read line by line (``key: value``, nested
``key: value`` and ``- item`` lines under a key) and ``metadata["front_matter_error"]``
records why. Keys are lower-cased (``Company:`` is ``company``); a title wrapped in
``<...>`` (the template's placeholder style) is unwrapped.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import yaml

from .. import thresholds as T
from ..errors import ReadError
from ..model import Document
from . import frontmatter
from .html import html_blocks, looks_like_html
from .markdown import markdown_blocks
from .records import posting, text_of

REQUIRED_KEY = "company"
FENCE = "---"
DIFF_MARK = "+"


def _key(line: str) -> str | None:
    """The lower-cased key of a top-level ``key: value`` line, or None."""
    if not line or line[0] in " \t#-" or ":" not in line:
        return None
    key = line.split(":", 1)[0].strip()
    return key.lower() if key and key.replace("_", "").replace("-", "").replace(" ", "").isalnum() else None


def _undiff(text: str) -> str:
    """Text pasted from a diff (every header line opens with ``+``) without the ``+`` marks."""
    if not text.startswith(DIFF_MARK + FENCE):
        return text
    return "\n".join(ln[1:] if ln.startswith(DIFF_MARK) else ln for ln in text.split("\n"))


def header_span(text: str) -> tuple[int, int] | None:
    """(first header line index, index of the line that ends the header), 0-based; None when
    there is no header with a ``company`` key.

    The header ends at a ``---`` line; a header without its opening ``---`` may also
    end at a blank line followed by a line that is not ``key: value``, indented, or ``- item``.
    """
    lines = text.split("\n", T.PYTHONJOBS_MAX_HEADER_LINES + 1)[:T.PYTHONJOBS_MAX_HEADER_LINES]
    fenced = bool(lines) and lines[0].strip() == FENCE
    start = 1 if fenced else 0
    keys = set()
    for i in range(start, len(lines)):
        line = lines[i]
        if line.strip() == FENCE:
            return (start, i) if REQUIRED_KEY in keys else None
        key = _key(line)
        if key:
            keys.add(key)
        elif not fenced and not line.strip() and i + 1 < len(lines):
            nxt = lines[i + 1]
            if nxt.strip() and _key(nxt) is None and not nxt.startswith((" ", "\t", "-")):
                return (start, i) if REQUIRED_KEY in keys and len(keys) >= T.PYTHONJOBS_MIN_UNFENCED_KEYS else None
        elif not fenced and i == start:
            return None
    return None


def lenient_header(lines: list[str]) -> dict[str, Any]:
    """``key: value`` lines read one by one (for headers strict YAML rejects).

    A key with no value collects the indented lines under it: ``- item`` lines as a
    list, ``name: value`` lines as a mapping. ``!!timestamp`` tags, quotes and a
    trailing ``<- note`` are removed from values.
    """
    meta: dict[str, Any] = {}
    current: str | None = None
    for raw in lines:
        line = raw.replace("\t", "    ").rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        key = _key(line)
        if key is not None:
            value = _scalar(line.split(":", 1)[1])
            meta[key] = value if value else None
            current = key if not value else None
            continue
        if current is None:
            continue
        item = line.strip()
        if item.startswith("- "):
            bucket = meta[current] if isinstance(meta.get(current), list) else []
            bucket.append(_scalar(item[2:]))
            meta[current] = bucket
        elif ":" in item:
            bucket = meta[current] if isinstance(meta.get(current), dict) else {}
            k, v = item.split(":", 1)
            bucket[k.strip().lower()] = _scalar(v)
            meta[current] = bucket
    return meta


def _scalar(value: str) -> str:
    value = value.split("<-", 1)[0].strip()
    if value.startswith("!!"):
        value = value.split(None, 1)[1] if " " in value else ""
    return value.strip().strip("'\"‘’“”").strip()


def _strict_header(text: str, source: str, span: tuple[int, int]) -> dict[str, Any]:
    """The header parsed as YAML; raises ``ReadError``/``ValueError`` when YAML rejects it."""
    lines = text.split("\n")
    meta = frontmatter.load_yaml("\n".join(lines[span[0]:span[1]]), source, span[0] + 1)
    if not isinstance(meta, dict):
        raise ReadError("front matter is not key: value pairs", source, span[0] + 1)
    return {str(k).lower(): v for k, v in meta.items()}


def _title(value: Any) -> str | None:
    title = text_of(value if isinstance(value, str) else None)
    if title and title.startswith("<") and title.endswith(">"):
        title = title[1:-1].strip() or None
    return title


class PythonJobsReader:
    """Postings with a YAML header naming the ``company`` and an HTML or Markdown body."""

    name = "pythonjobs"

    def sniff(self, path: Path, head: str) -> float:
        return 0.97 if header_span(_undiff(head.lstrip("\ufeff"))) is not None else 0.0

    def read(self, source: str, text: str) -> Iterator[Document]:
        text = _undiff(text.lstrip("\ufeff"))
        span = header_span(text)
        if span is None:
            raise ReadError("no header with a 'company:' line ended by '---'", source, 1)
        lines = text.split("\n")
        try:
            meta = _strict_header(text, source, span)
        except (ReadError, ValueError, yaml.YAMLError) as exc:
            meta = lenient_header(lines[span[0]:span[1]])
            meta["front_matter_error"] = exc.message if isinstance(exc, ReadError) else f"{exc}".split("\n")[0]
        body_line = span[1] + 2
        body = "\n".join(lines[span[1] + 1:])
        if looks_like_html(body):
            blocks, _ = html_blocks(body, body_line)
        else:
            blocks = markdown_blocks(body, body_line)
        company = meta.get("company")
        yield posting(source, self.name, blocks, text, title=_title(meta.get("title")),
                      organization=text_of(company) if isinstance(company, str) else None,
                      metadata=meta, line_offset=body_line - 1)
