"""Markdown with or without YAML front matter (markdown-it-py + mdit-py-plugins).

ATX and setext headings, nested bullets (tight or loose), GFM tables, block
quotes, raw HTML blocks (handed to the HTML reader with their line), bold
paragraphs used as headings, ``**Label**: text`` labels, task-list boxes
(``- [ ] item``), Hugo shortcodes and Liquid tags (dropped), code fences (skipped, but a mermaid diagram is kept as a ``code`` block).
Lists and quotes nested deeper than ``thresholds.MAX_MARKUP_DEPTH`` are refused with
``LimitError`` (markdown-it would otherwise drop the rest of the document unseen).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator, Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.deflist import deflist_plugin

from .. import thresholds
from ..errors import LimitError
from ..model import Block, Link
from . import frontmatter
from .base import clean_text, cut, looks_like_data, make_document
from .html import _is_pseudo_heading, html_blocks

#: Lists and quotes nest up to ``thresholds.MAX_MARKUP_DEPTH`` (markdown-it's default, 20, drops the
#: rest of a document unseen); inline markup keeps 20: deeper brackets cost quadratic time.
_MD = MarkdownIt("commonmark", {"html": True, "maxNesting": thresholds.MAX_MARKUP_DEPTH}) \
    .enable("table").use(deflist_plugin)
_INLINE_MD = MarkdownIt("commonmark", {"html": True})


#: A run of ``thresholds.MARKDOWN_BRACKET_RUN`` "[" or more (each may follow a "!", as images do) is held
#: out of inline parsing: markdown-it tries a link label at every "[" of a run and scans the run each time
#: (quadratic; 24 KB of "[[[..." took 156 ms, 10 KB of "![![..." 85 ms). All but the last "[" of a run are
#: replaced by ``_HELD`` (a Unicode noncharacter, never markup) and put back in the tokens: the text is the
#: same, and the last "[" may still open a link ("[[[[[[[[[x](u)" keeps "x").
_BRACKET_RUN = re.compile(r"(?:!?\[){%d,}" % thresholds.MARKDOWN_BRACKET_RUN)
_HELD = "\ufdd0"
_HELD_URL = "%EF%B7%90"  # _HELD in a link destination, percent-encoded by markdown-it


def _hold_run(match: re.Match[str]) -> str:
    run = match.group()
    last = run.rindex("[")
    return run[:last].replace("[", _HELD) + run[last:]


def _parse_inline(state) -> None:
    """markdown-it's core ``inline`` rule, run with ``_INLINE_MD``'s nesting limit, long "[" runs held out."""
    for token in state.tokens:
        if token.type != "inline":
            continue
        if token.children is None:
            token.children = []
        content = token.content
        held = content.count("[") >= thresholds.MARKDOWN_BRACKET_RUN and _HELD not in content
        if held:
            content = _BRACKET_RUN.sub(_hold_run, content)
        _INLINE_MD.inline.parse(content, _INLINE_MD, state.env, token.children)
        if held:
            _put_back(token.children)


def _put_back(tokens: list[Token]) -> None:
    """Turn ``_HELD`` back into "[" in tokens' content and attributes (an image's alt tokens too)."""
    for t in tokens:
        t.content = t.content.replace(_HELD, "[")
        if t.attrs:
            t.attrs = {k: v.replace(_HELD, "[").replace(_HELD_URL, "%5B") if isinstance(v, str) else v
                       for k, v in t.attrs.items()}
        if t.children:
            _put_back(t.children)


_MD.core.ruler.at("inline", _parse_inline)
MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".mdx")
TEMPLATE_MARKERS = (("{{<", ">}}"), ("{{%", "%}}"), ("{%", "%}"), ("{{", "}}"))


def _strip_templates(text: str) -> str:
    """Remove Hugo shortcodes and Liquid tags (``{{< toc >}}``, ``{% include x %}``); linear time."""
    for start, end in TEMPLATE_MARKERS:
        if start not in text:
            continue
        kept, pos = [], 0
        while (i := text.find(start, pos)) >= 0 and (j := text.find(end, i + len(start))) >= 0:
            kept.append(text[pos:i])
            pos = j + len(end)
        kept.append(text[pos:])
        text = "".join(kept)
    return text


def _inline(token: Token) -> tuple[str, tuple[Link, ...], bool, bool, str | None]:
    """(text, links, all bold, all italic, leading bold label) of an inline token."""
    parts: list[str] = []
    links: list[Link] = []
    bold = italic = 0
    plain_chars = bold_chars = italic_chars = 0
    link_start: int | None = None
    href = ""
    label: str | None = None
    label_open = False
    for child in token.children or ():
        t = child.type
        if t in ("text", "code_inline"):
            content = child.content
            parts.append(content)
            n = len(content.strip())
            plain_chars += n
            bold_chars += n if bold else 0
            italic_chars += n if italic else 0
        elif t in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif t == "strong_open":
            bold += 1
            if not "".join(parts).strip() and label is None:
                label_open = True
        elif t == "strong_close":
            bold -= 1
            if label_open:
                label_open = False
                label = "".join(parts)
        elif t == "em_open":
            italic += 1
        elif t == "em_close":
            italic -= 1
        elif t == "link_open":
            link_start = len(parts)
            href = str(child.attrs.get("href", ""))
        elif t == "link_close" and link_start is not None:
            links.append(Link(clean_text("".join(parts[link_start:])), href))
            link_start = None
        elif t == "html_inline" and child.content.lower().startswith("<br"):
            parts.append("\n")
    text = _strip_templates("".join(parts))
    return (text, tuple(lk for lk in links if lk.text), plain_chars > 0 and bold_chars == plain_chars,
            plain_chars > 0 and italic_chars == plain_chars, label)


def _split_label(text: str, label: str | None) -> tuple[str | None, str]:
    """("Label", rest) for ``**Label**: rest`` / ``**Label:** rest``; else (None, text)."""
    if not label:
        return None, text
    raw = clean_text(label)
    rest = clean_text(text)[len(raw):].lstrip()
    if not (raw.endswith(":") or rest.startswith(":")) or len(raw.split()) > thresholds.MAX_LABEL_WORDS:
        return None, text
    return raw.rstrip(":").strip(), rest.lstrip(":").strip()


#: Code fences kept as ``code`` blocks (diagrams that order a ladder's levels); other fences are skipped.
DIAGRAM_LANGUAGES = frozenset({"mermaid"})


def markdown_blocks(body: str, first_line: int = 1, source: str | None = None) -> list[Block]:
    """Flat blocks of a Markdown body whose first line is ``first_line`` of the file.

    Item ``level`` is the list depth as written (``parse`` clamps it to
    ``thresholds.MAX_NESTING_DEPTH``). Raises ``LimitError`` (naming ``source``) when lists
    and quotes nest deeper than ``thresholds.MAX_MARKUP_DEPTH`` allows.
    """
    tokens = _MD.parse(body)
    for i, tok in enumerate(tokens):
        if tok.level >= thresholds.MAX_MARKUP_DEPTH - 2:  # markdown-it skipped the rest of the document
            line = next((t.map[0] + first_line for t in reversed(tokens[:i + 1]) if t.map), first_line)
            raise LimitError(f"Markdown lists and quotes nest deeper than {thresholds.MAX_MARKUP_DEPTH} "
                             "levels", source, line)
    blocks: list[Block] = []
    list_depth = -1
    item_block: int | None = None  # index of the block made for the current list item
    quote_depth = 0
    row: list[str] = []
    row_links: list = []
    header_row = False
    for i, tok in enumerate(tokens):
        t = tok.type
        start = (tok.map[0] + first_line) if tok.map else None
        end = (tok.map[1] - 1 + first_line) if tok.map else None
        if t in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif t in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif t == "list_item_open":
            item_block = None
        elif t == "blockquote_open":
            quote_depth += 1
        elif t == "blockquote_close":
            quote_depth -= 1
        elif t == "heading_open":
            text, links, *_ = _inline(tokens[i + 1])
            text = clean_text(text)
            if text and start is not None:
                blocks.append(Block("heading", cut(text), start, end or start, int(tok.tag[1]), links))
        elif t == "inline" and tokens[i - 1].type in ("paragraph_open", "dt_open", "dd_open"):
            para = tokens[i - 1]
            start = para.map[0] + first_line if para.map else (blocks[-1].line if blocks else first_line)
            end = para.map[1] - 1 + first_line if para.map else start
            item_block = _paragraph(blocks, tok, start, end, list_depth, item_block, quote_depth)
        elif t in ("tr_open",):
            row, row_links, header_row = [], [], False
        elif t == "inline" and tokens[i - 1].type in ("th_open", "td_open"):
            cell_text, cell_links, *_ = _inline(tok)
            row.append(clean_text(cell_text))
            row_links.extend(cell_links)
            header_row = header_row or tokens[i - 1].type == "th_open"
        elif t == "tr_close" and any(row):
            line = start if start is not None else (blocks[-1].line if blocks else first_line)
            tr = tokens[_back_to(tokens, i, "tr_open")]
            line = tr.map[0] + first_line if tr.map else line
            blocks.append(Block("row", cut(" | ".join(row)), line, line, 1 if header_row else 0, tuple(row_links)))
        elif t == "fence" and tok.info.strip().lower() in DIAGRAM_LANGUAGES and start is not None:
            blocks.append(Block("code", tok.content, start + 1, end or start, label=tok.info.strip().lower()))
        elif t == "html_block" and start is not None:
            sub, _ = html_blocks(tok.content, start, source=source)
            blocks.extend(sub)
    return blocks


def _back_to(tokens: Sequence[Token], i: int, kind: str) -> int:
    while i > 0 and tokens[i].type != kind:
        i -= 1
    return i


def _paragraph(blocks: list[Block], tok: Token, start: int, end: int, list_depth: int,
               item_block: int | None, quote_depth: int) -> int | None:
    """Append the block for one paragraph; returns the index of the current list item's block."""
    text, links, bold_all, italic_all, label = _inline(tok)
    if text.startswith(("[ ] ", "[x] ", "[X] ")):
        text = text[4:]
    flat = clean_text(text)
    if not flat:
        return item_block
    if list_depth >= 0:
        depth = list_depth  # as written: parse clamps it and limit_warnings reports it
        if item_block is not None:  # a later paragraph of the same (loose) item
            prev = blocks[item_block]
            blocks[item_block] = Block("item", cut(prev.text + " " + flat), prev.line, end, prev.level,
                                       prev.links + links, prev.emphasis, prev.label)
            return item_block
        lab, rest = _split_label(text, label)
        blocks.append(Block("item", cut(rest or flat), start, end, depth, links,
                            bold_all or italic_all, lab if rest else None))
        return len(blocks) - 1
    if bold_all and "\n" not in text.strip() and _is_pseudo_heading(flat):
        blocks.append(Block("heading", flat.rstrip(":").strip(), start, end, 0, links, emphasis=True))
        return item_block
    lab, rest = _split_label(text, label)
    kind = "quote" if quote_depth else "paragraph"
    # keep line breaks so that sentences can be mapped back to their own line
    body = "\n".join(clean_text(ln) for ln in (rest if lab else text).split("\n") if ln.strip())
    blocks.append(Block(kind, cut(body or flat, paragraph=True), start, end, 0, links, bold_all or italic_all,
                        lab if rest else None))
    return item_block


class MarkdownReader:
    """Markdown files, with or without YAML front matter; chosen by content, not only extension."""

    name = "markdown"

    def sniff(self, path: Path, head: str) -> float:
        if looks_like_data(head):
            return 0.0
        score = 0.5 if path.suffix.lower() in MARKDOWN_SUFFIXES else 0.0
        lines = head.splitlines()[:80]
        marks = sum(1 for ln in lines if ln.startswith(("#", "* ", "- ", "+ ", "> ", "|"))
                    or ln.strip().startswith(("===", "---", "**")) or "](" in ln)
        if marks >= 2:
            score += 0.4
        elif marks == 1:
            score += 0.2
        return min(score, 0.85)

    def read(self, source: str, text: str) -> Iterator:
        meta, body, first_line = frontmatter.split(text, source)
        blocks = markdown_blocks(body, first_line, source)
        yield make_document(source, self.name, blocks, text, metadata=meta,
                            line_offset=first_line - 1)
