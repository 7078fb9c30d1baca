"""Level inheritance and next-level references.

Parents: "*Same as X, but also...*"; "Every Y has what it takes to be an X and
meets the expectations for that level"; "meets the expectations of an X";
"Everything a X does plus..."; "extends the [X](link) role" and
"responsibilities extend those of [X](link)" (every link after the verb);
"requirements match those of [X](link)"; "Previous level: [X](link)";
front matter ``extends:`` / ``inherits:`` / ``parent:``.
Next level: "Continue reading: [X](link)", "Next level: X", front matter
``next_level:`` / ``next:``.
"""

from __future__ import annotations

import re
from typing import Iterable, Mapping

from .. import thresholds as T
from ..model import NextLevelRef, ParentRef, Statement

_END = r"\s*(?:,|;|\bbut\b|\bplus\b|\band\s+also\b|\band\s*(?:\.{2,}|…|$)|\.{2,}|…|\.|$)"
_PARENT_PATTERNS = (
    re.compile(rf"\bsame\s+as\s+(?:the\s+|an?\s+)?(?P<title>[^,.;:…]{{2,80}}?){_END}", re.I),
    re.compile(r"\bhas\s+what\s+it\s+takes\s+to\s+be\s+(?:an?\s+|the\s+)?(?P<title>[^,.;]{2,80}?)\s+and\s+"
               r"meets\s+the\s+expectations", re.I),
    re.compile(r"\bmeets\s+(?:all\s+)?(?:of\s+)?the\s+expectations\s+(?:of|for)\s+(?:an?\s+|the\s+)"
               r"(?P<title>[^,.;]{2,60}?)(?:\s+level)?\s*(?:[,.;]|\band\b|$)", re.I),
    re.compile(r"\beverything\s+(?:an?|the)\s+(?P<title>[^,.;]{2,60}?)\s+does\b", re.I),
    re.compile(r"^\s*(?:previous|prior)\s+(?:level|role)\s*[:\-–]\s*(?P<title>.{2,80}?)\s*$", re.I),
)
_EXTENDS = re.compile(r"\b(?:extends?|extending|extended|inherits?(?:\s+from)?|builds?\s+on|"
                      r"match(?:es)?\s+those\s+of)\b", re.I)
_EXTENDS_PLAIN = re.compile(r"\b(?:extends?|inherits?\s+from|builds?\s+on)\s+(?:the\s+|that\s+of\s+(?:the\s+|an?\s+)?)?"
                            r"(?P<title>[A-Z][^,.;()]{2,60}?)\s+(?:role|level|position)\b")
_NEXT = re.compile(r"^\s*(?:continue\s+reading|next\s+level|next\s+step|next\s+role|read\s+next|next)\s*"
                   r"[:\-–]\s*(?P<title>.{2,120}?)\s*$", re.I)
_NOT_TITLES = frozenset({"that level", "this level", "the above", "above", "before", "previous level",
                         "the previous level", "it", "them", "this role", "that role"})


def _title(raw: str) -> str | None:
    title = " ".join(raw.replace("*", "").replace("_", " ").split()).strip(" '\"“”")
    if not title or title.lower() in _NOT_TITLES or len(title.split()) > T.REFERENCE_TITLE_MAX_WORDS:
        return None
    return title


def _link_after(st: Statement, pos: int, text: str) -> list[tuple[str, str]]:
    """(text, href) of ``st``'s links whose text occurs in ``text`` (the statement's) after ``pos``."""
    found = []
    for link in st.links:
        i = text.find(link.text, pos)
        if i >= 0:
            found.append((i, link.text, link.href))
    return [(text, href) for _, text, href in sorted(found)]


def find_parents(st: Statement) -> list[ParentRef]:
    """The levels ``st`` says its role inherits from (empty for most statements).

    Whitespace runs count as one space: the patterns take titles lazily, and on long runs of
    whitespace they backtracked cubically.
    """
    text = " ".join(st.text.split())
    lower = text.lower()
    if not any(k in lower for k in ("same as", "what it takes", "expectations", "everything", "extend",
                                    "inherit", "build", "match", "previous", "prior")):
        return []
    found: list[ParentRef] = []
    for pattern in _PARENT_PATTERNS:
        m = pattern.search(text)
        if m:
            links = _link_after(st, m.start("title"), text)
            title = _title(links[0][0] if links else m.group("title"))
            if title:
                found.append(ParentRef(title, m.group(0).strip(), st.line, links[0][1] if links else None))
    m = _EXTENDS.search(text)
    if m:
        links = _link_after(st, m.end(), text)
        for link_text, href in links:
            title = _title(link_text)
            if title:
                found.append(ParentRef(title, text.strip(), st.line, href))
        if not links:
            plain = _EXTENDS_PLAIN.search(text)
            title = _title(plain.group("title")) if plain else None
            if title:
                found.append(ParentRef(title, plain.group(0), st.line))
    return found


def find_next_level(st: Statement) -> NextLevelRef | None:
    """The next level ``st`` links to ("Continue reading: [VP of Engineering](vp.md)"), or None."""
    if "next" not in st.text.lower() and "continue" not in st.text.lower():
        return None
    text = " ".join((f"{st.label}: {st.text}" if st.label else st.text).split())  # see find_parents
    m = _NEXT.search(text)
    if not m:
        return None
    links = _link_after(st, 0, text)
    title = _title(links[0][0] if links else m.group("title"))
    if not title:
        return None
    return NextLevelRef(title, st.line, links[0][1] if links else None)


def is_reference(st: Statement) -> bool:
    """True when ``st`` is short enough to be only a pointer at another level."""
    return len(st.text.split()) <= T.REFERENCE_MAX_WORDS


def from_metadata(meta: Mapping, line: int = 1) -> tuple[list[ParentRef], NextLevelRef | None]:
    """Parents and next level named in front matter (``extends``, ``next_level``...)."""
    parents: list[ParentRef] = []
    for key in ("extends", "inherits", "parent", "parents"):
        value = meta.get(key)
        values: Iterable = value if isinstance(value, list) else [value] if value else []
        for v in values:
            if isinstance(v, str) and _title(v):
                href = v if v.endswith((".md", ".html", "/")) or "/" in v else None
                parents.append(ParentRef(_title(v) or v, f"{key}: {v}", line, href))
    nxt = None
    for key in ("next_level", "next"):
        v = meta.get(key)
        if isinstance(v, str) and _title(v):
            href = v if v.endswith((".md", ".html", "/")) or "/" in v else None
            nxt = NextLevelRef(_title(v) or v, line, href)
            break
    return parents, nxt
