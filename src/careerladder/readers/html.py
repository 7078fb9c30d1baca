"""HTML: standalone pages and HTML bodies under YAML front matter (selectolax/lexbor).

Handles entities, ``<br>``-separated lines, ``<strong>`` lines used as
headings, ``&bull;`` pseudo-bullets, nested ``<ul><li>``, and side-by-side
level tables whose current level is bolded (neighbour levels are dropped).
Source lines are recovered with ``LineLocator`` (the parser keeps none).
Markup nested deeper than ``thresholds.MAX_MARKUP_DEPTH`` elements is refused
with ``LimitError``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from selectolax.lexbor import LexborHTMLParser, LexborNode

from .. import thresholds
from ..errors import LimitError
from ..model import Block, Link
from ..vocab import section_kind
from . import frontmatter
from .base import LineLocator, clean_text, cut, make_document

SKIP_TAGS = frozenset({
    "script", "style", "noscript", "svg", "nav", "header", "footer", "form", "iframe", "button",
    "select", "template", "head", "title", "meta", "link", "pre", "textarea", "object", "canvas",
    "input", "img", "aside", "#comment", "-comment", "math",
})
HEADING_TAGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "main", "body", "blockquote", "center", "dl", "dt", "dd",
    "figure", "figcaption", "address", "details", "summary", "hr", "html", "tbody", "thead",
})
BULLETS = ("•", "·", "‣", "◦", "▪", "●", "– ", "- ", "* ", "— ")
MAIN_SELECTORS = ("main", "article", "#doc", "#content", "[role=main]", ".content", ".post")
#: Page furniture removed before reading: tables of contents, sidebars, menus, breadcrumbs.
FURNITURE_SELECTORS = ("#toc", ".toc", "#table-of-contents", "#sidebar", ".sidebar", ".navbar", ".breadcrumb",
                       ".breadcrumbs", "[role=navigation]", "[role=banner]", "[role=contentinfo]", "#toc-shield",
                       "#toc-toggle", ".site-nav", ".menu")
MAX_DOM_DEPTH = thresholds.MAX_MARKUP_DEPTH
#: Elements whose start tag makes an HTML parser look through every open element (the spec's
#: "close a p element" check): nesting thousands of them costs quadratic time, so their depth is
#: estimated before parsing.
SCOPE_SCANNING_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl",
    "fieldset", "figcaption", "figure", "footer", "header", "hgroup", "main", "menu", "nav", "ol",
    "search", "section", "summary", "ul",
})


@dataclass(slots=True)
class _Run:
    text: str
    bold: bool
    italic: bool


@dataclass(slots=True)
class _Walker:
    """Turns a DOM into flat blocks; ``lines`` holds the runs of the current visual line(s)."""

    locator: LineLocator
    default_line: int
    source: str | None = None
    blocks: list[Block] = field(default_factory=list)
    lines: list[list[_Run]] = field(default_factory=lambda: [[]])
    links: list[Link] = field(default_factory=list)

    # -- inline collection -------------------------------------------------
    def add(self, text: str, bold: bool, italic: bool) -> None:
        if text:
            self.lines[-1].append(_Run(text, bold, italic))

    def newline(self) -> None:
        if self.lines[-1]:
            self.lines.append([])

    def flush(self, item_depth: int | None = None, quote: bool = False) -> None:
        """Emit the collected lines as blocks (one item when inside ``<li>``)."""
        lines = [ln for ln in self.lines if "".join(r.text for r in ln).strip()]
        links, self.lines, self.links = self.links, [[]], []
        if not lines:
            return
        if item_depth is not None:
            runs = [r for ln in lines for r in ln + [_Run(" ", False, False)]]
            self._emit_line(runs, links, item_depth=item_depth)
            return
        for runs in lines:
            self._emit_line(runs, links, quote=quote)

    def _emit_line(self, runs: list[_Run], links: list[Link], item_depth: int | None = None,
                   quote: bool = False) -> None:
        for part in _split_at_section_phrases(runs):
            text = clean_text("".join(r.text for r in part))
            if not text:
                continue
            bold_all = all(r.bold or not r.text.strip() for r in part)
            italic_all = all(r.italic or not r.text.strip() for r in part)
            mine = tuple(lk for lk in links if lk.text and lk.text in text)
            line = self.locator.locate(text, self.default_line)
            if item_depth is None and bold_all and _is_pseudo_heading(text):
                self.blocks.append(Block("heading", text.rstrip(":").strip(), line, line, 0, mine,
                                         emphasis=True))
                continue
            kind, depth = "paragraph", 0
            if item_depth is not None:
                kind, depth = "item", item_depth
            elif text.startswith(BULLETS):
                kind = "item"
                part = _drop_bullet(part)
                text = clean_text("".join(r.text for r in part))
            elif quote:
                kind = "quote"
            label, body = _leading_label(part, text)
            if not body and label:
                body, label = label, None
            self.blocks.append(Block(kind, cut(body, paragraph=kind != "item"), line, line, depth, mine,
                                     emphasis=bold_all or italic_all, label=label))

    # -- tree walk ---------------------------------------------------------
    def walk(self, node: LexborNode, item_depth: int | None, list_depth: int, bold: bool = False,
             italic: bool = False, dom_depth: int = 0) -> None:
        if dom_depth > MAX_DOM_DEPTH:
            raise LimitError(f"HTML nests deeper than {MAX_DOM_DEPTH} elements", self.source,
                             self.locator.locate(node.text(deep=True), self.default_line))
        for child in node.iter(include_text=True):
            tag = child.tag
            if tag == "-text":
                self.add(child.text_content or "", bold, italic)
            elif tag in SKIP_TAGS:
                continue
            elif tag == "br":
                self.newline()
            elif tag in ("strong", "b"):
                self.walk(child, item_depth, list_depth, True, italic, dom_depth + 1)
            elif tag in ("em", "i"):
                self.walk(child, item_depth, list_depth, bold, True, dom_depth + 1)
            elif tag == "a":
                before = sum(len(ln) for ln in self.lines)
                self.walk(child, item_depth, list_depth, bold, italic, dom_depth + 1)
                runs = [r for ln in self.lines for r in ln][before:]
                href = (child.attributes.get("href") or "").strip()
                text = clean_text("".join(r.text for r in runs))
                if href and text:
                    self.links.append(Link(text, href))
            elif tag in HEADING_TAGS:
                self.flush(item_depth)
                text = clean_text(child.text(deep=True))
                if text:
                    line = self.locator.locate(text, self.default_line)
                    self.blocks.append(Block("heading", cut(text), line, line, HEADING_TAGS[tag]))
            elif tag == "li":
                self.flush(item_depth)
                depth = max(list_depth - 1, 0)
                self.walk(child, depth, list_depth, bold, italic, dom_depth + 1)
                self.flush(depth)
            elif tag in ("ul", "ol", "menu"):
                self.flush(item_depth)
                # the depth as found: parse clamps it to MAX_NESTING_DEPTH and limit_warnings reports it
                self.walk(child, None, list_depth + 1, bold, italic, dom_depth + 1)
            elif tag == "table":
                self.flush(item_depth)
                self.table(child, dom_depth)
            elif tag == "blockquote":
                self.flush(item_depth)
                self.walk(child, None, list_depth, bold, italic, dom_depth + 1)
                self.flush(quote=True)
            elif tag in BLOCK_TAGS:
                self.flush(item_depth)
                self.walk(child, item_depth, list_depth, bold, italic, dom_depth + 1)
                self.flush(item_depth)
            else:
                self.walk(child, item_depth, list_depth, bold, italic, dom_depth + 1)

    def table(self, table: LexborNode, dom_depth: int) -> None:
        """Rows as ``row`` blocks; one-cell rows walked as content; bold-styled cells only when any is."""
        rows = [[c for c in tr.iter() if c.tag in ("td", "th")] for tr in _own_rows(table)]
        current = {id(c) for row in rows for c in row if _styled_bold(c)}
        for row in rows:
            cells = [c for c in row if id(c) in current] if current else row
            if not cells:
                continue
            if len(cells) == 1:
                self.walk(cells[0], None, 0, False, False, dom_depth + 1)
                self.flush()
                continue
            texts = [clean_text(c.text(deep=True)) for c in cells]
            if not any(texts):
                continue
            text = " | ".join(texts)
            header = all(c.tag == "th" for c in cells)
            line = self.locator.locate(texts[0] or text, self.default_line)
            self.blocks.append(Block("row", cut(text), line, line, 1 if header else 0))


def _own_rows(table: LexborNode) -> list[LexborNode]:
    """The ``<tr>`` of ``table`` itself, not of tables nested in its cells (those are walked
    with their cell; taking them here too repeats them and costs exponential time)."""
    rows = []
    for child in table.iter():
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in ("thead", "tbody", "tfoot"):
            rows.extend(tr for tr in child.iter() if tr.tag == "tr")
    return rows


def markup_depth(html: str) -> int:
    """Deepest nesting of ``SCOPE_SCANNING_TAGS`` (div, ul, blockquote...), counted from start and
    end tags before parsing: an estimate (tags in comments count) that bounds the parser's work."""
    if html.count("<") <= MAX_DOM_DEPTH:
        return 0
    depth = deepest = 0
    for piece in html.split("<")[1:]:
        closing = piece[:1] == "/"
        name = piece[closing:closing + 11].split(">", 1)[0].split("/", 1)[0]
        name = name.split(None, 1)[0].lower() if name.strip() else ""
        if name in SCOPE_SCANNING_TAGS:
            depth = max(depth - 1, 0) if closing else depth + 1
            deepest = max(deepest, depth)
    return deepest


def _styled_bold(cell: LexborNode) -> bool:
    style = (cell.attributes.get("style") or "").replace(" ", "").lower()
    return "font-weight:bold" in style or "font-weight:700" in style


def _is_pseudo_heading(text: str) -> bool:
    """A bold line reads as a heading: short (or a section name with a parenthetical note),
    and not a sentence or a ``label: value`` pair."""
    words = text.split()
    if not words:
        return False
    if len(words) > thresholds.MAX_HEADING_WORDS:
        lead = text.split("(", 1)[0]
        return "(" in text and section_kind(lead) is not None
    head, colon, rest = text.partition(":")
    if colon and rest.strip():
        return False
    end = text.rstrip(":").rstrip()
    return end.endswith(("...", "…")) or not end.endswith((".", "!", ",", ";"))


def _drop_bullet(runs: list[_Run]) -> list[_Run]:
    """Runs without the leading bullet character (and the spaces around it)."""
    out = list(runs)
    while out:
        stripped = out[0].text.lstrip().lstrip("•·‣◦▪●–-*—").lstrip()
        if stripped:
            out[0] = _Run(stripped, out[0].bold, out[0].italic)
            break
        out.pop(0)
    return out


def _leading_label(runs: list[_Run], text: str) -> tuple[str | None, str]:
    """Split ``**Label**: text`` into ("Label", "text"); else (None, text)."""
    if not runs or not runs[0].bold:
        return None, text
    bold = ""
    for r in runs:
        if not r.bold:
            break
        bold += r.text
    label = clean_text(bold).rstrip(":").strip()
    if not label or len(label.split()) > thresholds.MAX_LABEL_WORDS or label == text:
        return None, text
    rest = text[len(clean_text(bold)):].lstrip()
    if not rest.startswith(":") and not clean_text(bold).endswith(":"):
        return None, text
    return label, rest.lstrip(":").strip()


def _split_at_section_phrases(runs: list[_Run]) -> list[list[_Run]]:
    """Split a line before and after a bold run naming a section ("... <b>Your role</b> As a ...")."""
    parts: list[list[_Run]] = [[]]
    for i, run in enumerate(runs):
        phrase = run.text.strip()
        is_marker = (run.bold and phrase and len(phrase.split()) <= thresholds.HTML_SECTION_MARKER_MAX_WORDS
                     and len(runs) > 1
                     and section_kind(phrase) is not None
                     and not (i + 1 < len(runs) and runs[i + 1].text.lstrip().startswith(":")))
        if is_marker:
            if parts[-1]:
                parts.append([])
            parts[-1].append(run)
            parts.append([])
        else:
            parts[-1].append(run)
    return [p for p in parts if p]


def html_blocks(html: str, first_line: int = 1, page: bool = False,
                source: str | None = None) -> tuple[list[Block], str | None]:
    """Blocks of an HTML fragment or page, and the page title (first ``<h1>``, else ``<title>``).

    ``first_line``: source line of the fragment's first line; ``source``: the file, named in
    errors. Raises ``LimitError`` when elements nest deeper than ``thresholds.MAX_MARKUP_DEPTH``.
    """
    if markup_depth(html) > MAX_DOM_DEPTH:
        raise LimitError(f"HTML nests deeper than {MAX_DOM_DEPTH} block elements", source, first_line)
    tree = LexborHTMLParser(html)
    root: LexborNode | None = None
    title = None
    if page:
        for selector in FURNITURE_SELECTORS:
            for node in tree.css(selector):
                node.decompose()
        for selector in MAIN_SELECTORS:
            root = tree.css_first(selector)
            if root is not None and len(root.text(deep=True).strip()) > thresholds.HTML_MAIN_MIN_CHARS:
                break
            root = None
        node = tree.css_first("title")
        title = clean_text(node.text()) if node is not None else None
    root = root or tree.body or tree.root
    if root is None:
        return [], title
    walker = _Walker(LineLocator.from_source(html, first_line), first_line, source)
    walker.walk(root, None, 0)
    walker.flush()
    if page:
        h1 = next((b for b in walker.blocks if b.kind == "heading" and b.level == 1), None)
        title = h1.text if h1 is not None else title
    return walker.blocks, title


def looks_like_html(text: str) -> bool:
    """True when ``text`` (after front matter) starts with markup and is mostly tags."""
    head = text.lstrip()[:2000].lower()
    if not head.startswith("<") or head.startswith("<!--") and "-->" not in head:
        return False
    return any(head.startswith(t) for t in ("<p", "<div", "<br", "<ul", "<ol", "<h", "<table", "<html", "<!doctype",
                                            "<span", "<li", "<strong", "<b>", "<section", "<article", "<em",
                                            "<font", "<i>", "<a ", "<link", "<meta", "<title", "<head", "<body",
                                            "<script", "<style", "<main", "<!--"))


class HtmlReader:
    """Standalone HTML pages, and front matter + HTML body (the remote-jobs posting format)."""

    name = "html"

    def sniff(self, path: Path, head: str) -> float:
        low = head.lstrip().lower()
        if low.startswith(("<!doctype html", "<html")):
            return 0.95
        _, body, _ = _safe_split(head)
        if looks_like_html(body):
            return 0.9 if frontmatter.has_front_matter(head) else 0.7
        if path.suffix.lower() in (".html", ".htm") and "<" in head:
            return 0.6
        return 0.0

    def read(self, source: str, text: str) -> Iterator:
        meta, body, first_line = frontmatter.split(text, source)
        low = body.lstrip()[:3000].lower()
        page = low.startswith(("<!doctype", "<html")) or any(t in low for t in ("<head", "<title", "<meta", "<link "))
        blocks, title = html_blocks(body, first_line, page=page, source=source)
        yield make_document(source, self.name, blocks, text, metadata=meta,
                            title=title if page else None, line_offset=first_line - 1)


def _safe_split(head: str) -> tuple[dict, str, int]:
    try:
        return frontmatter.split(head, "<sniff>")
    except Exception:  # noqa: BLE001 - sniffing a truncated head must never fail
        return {}, head, 1
