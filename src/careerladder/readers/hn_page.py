"""Whole saved Hacker News thread pages ("Ask HN: Who is hiring?"), in any file name (``.html``, ``.txt``).

Each top-level comment (indent image width 0) is one job posting; replies are
questions and answers about a posting and are not read. A comment is read with
the HTML reader (after HN's ``<pre>`` lists are turned into lines and the reply
link furniture is removed), keeping source lines: blocks carry lines of the saved
page. Title, company, roles, location and REMOTE come from the comment's first line
exactly as for the monthly JSON (``careerladder.readers.hn``, which documents the
several-roles choice: one Document with ``metadata["roles"]``).

``fragment`` is the comment's HN item id; ``metadata`` holds ``user``, ``thread``
(the page title) and the header fields. Deleted or dead comments, and comments
without text, are skipped and counted in the first document's metadata. A page
without any comment (a story list) raises ``NotPostingError`` (a story list holds no posting).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .. import thresholds as T
from ..errors import NotPostingError
from ..model import Document
from .base import clean_text
from .hn import comment_blocks, header_html, parse_header, strip_tags
from .records import Skips, posting, with_skips

TITLE_MARK = "hacker news</title>"
COMMENT_SELECTOR = "span.comment, div.comment"
#: Text of comments that were removed; they hold no posting.
GONE = ("[deleted]", "[dead]", "[flagged]")
FURNITURE = ("div.reply", 'font[color="#f6f6ef"]', "span.reply")


def _comment_cell(node: LexborNode) -> LexborNode | None:
    """The ``<td class="default">`` holding a comment (its header and text)."""
    for _ in range(T.HN_PAGE_MAX_PARENT_STEPS):
        node = node.parent
        if node is None:
            return None
        if node.tag == "td" and "default" in (node.attributes.get("class") or "").split():
            return node
    return None


def _is_top_level(cell: LexborNode) -> bool:
    """True when the comment's row indents it by 0 (HN draws depth as a spacer image width)."""
    row = cell.parent
    img = row.css_first("img") if row is not None else None
    width = (img.attributes.get("width") or "0") if img is not None else "0"
    return width.strip() in ("0", "")


def _link_value(cell: LexborNode, prefix: str) -> str | None:
    for a in cell.css("a"):
        href = a.attributes.get("href") or ""
        if href.startswith(prefix):
            return href[len(prefix):].split("&", 1)[0] or None
    return None


class HNPageReader:
    """Saved HN "Who is hiring" thread pages: one job posting per top-level comment."""

    name = "hn_page"

    def sniff(self, path: Path, head: str) -> float:
        low = head.lower()
        if "<html" not in low or TITLE_MARK not in low:
            return 0.0
        title = low.split("<title>", 1)[-1].split("</title>", 1)[0]
        return 0.97 if "hiring" in title else 0.0

    def read(self, source: str, text: str) -> Iterator[Document]:
        tree = LexborHTMLParser(text)
        title_node = tree.css_first("title")
        thread = clean_text(title_node.text()) if title_node is not None else None
        comments = tree.css(COMMENT_SELECTOR)
        if not comments:
            raise NotPostingError("Hacker News page holds no comments (a story list?), so no job postings", source)
        skips = Skips()
        found: list[tuple[int, str, str | None, str]] = []
        line, pos = 1, 0
        for node in comments:
            cell = _comment_cell(node)
            if cell is None or not _is_top_level(cell):
                continue
            cid = _link_value(cell, "item?id=")
            user = _link_value(cell, "user?id=")
            hit = text.find(f"item?id={cid}", pos) if cid else -1
            if hit >= 0:
                start = text.find("comment", hit)
                start = start if start >= 0 else hit
                line += text.count("\n", pos, start)
                pos = start
            for selector in FURNITURE:
                for junk in node.css(selector):
                    junk.decompose()
            html = node.html or ""
            body = strip_tags(html)
            if not body or body in GONE:
                skips.add(line, "deleted or empty comment")
                continue
            found.append((line, cid or f"comment-{len(found) + 1}", user, html))
        yield from with_skips(found, lambda n, c: self._document(source, c, thread), skips, source,
                              "top-level HN comments")

    def _document(self, source: str, comment: tuple, thread: str | None) -> Document:
        line, cid, user, html = comment
        blocks = comment_blocks(html, line)
        header = parse_header(strip_tags(header_html(_inner(html))))
        meta: dict[str, Any] = {"user": user, "thread": thread, "item_id": cid}
        meta.update(header.metadata())
        title, _ = header.title()
        return posting(source, self.name, blocks, html, title=title or None, organization=header.company,
                       metadata=meta, fragment=cid)


def _inner(html: str) -> str:
    """A comment's HTML without its wrapping ``<span class="comment">`` and inner ``<span>``/``<font>``."""
    out = html.strip()
    for _ in range(3):
        if out.startswith(("<span", "<font", "<div")) and ">" in out:
            out = out[out.find(">") + 1:].lstrip()
        else:
            break
    return out
