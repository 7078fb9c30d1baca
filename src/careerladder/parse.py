"""Document -> Role tree: title, kind, one role per heading when a document holds several,
sections from headings (real or bold pseudo-headings), statements from bullets and sentences.

Pure: no I/O. Raises ``ParseError`` when a document holds no role.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

from . import thresholds
from .errors import ParseError
from .extract.grammar import clean_title, slugify, split_sentences
from .model import Block, Document, Link, Role, Section, Statement
from .vocab import (LADDER_CUES, POSTING_CUES, POSTING_METADATA_KEYS, SECTION_KINDS, looks_like_role_title,
                    normalize, section_kind)

TITLE_KEYS = ("title", "position", "job_title", "role", "name")
ORGANIZATION_KEYS = ("company", "organization", "organisation", "employer", "company_name")


def parse(document: Document, doc_id: str) -> list[Role]:
    """The roles in ``document``; ``doc_id`` is its stable id (path relative to the input root).

    One role per document, or one per heading when at least
    ``thresholds.MIN_ROLES_TO_SPLIT`` headings of one level are role titles
    (GitLab's ``_index.md``, Packback, Abtion); never for a level of a ladder kept as data
    (``metadata["declared"]``). A heading block whose ``label`` is a section kind (a ladder-data
    reader's competency heading) has that kind. Raises ``ParseError`` when the
    document has no text or its title names no role.
    """
    blocks = list(document.blocks)
    if not blocks:
        raise ParseError("no text to parse (the body is empty)", document.source)
    kind = document.kind or _role_kind(document, blocks)
    title_index = _title_block(blocks)
    meta_title = _meta_str(document.metadata, TITLE_KEYS)
    doc_title = document.title or meta_title
    if doc_title and title_index is not None and not _same_title(blocks[title_index].text, doc_title):
        title_index = None  # front matter names the role; "# Overview" is a section, not the title
    if doc_title is None and title_index is not None:
        doc_title = blocks[title_index].text
    body_start = title_index + 1 if title_index is not None else 0
    organization = document.organization or _meta_organization(document.metadata)

    # a level of a ladder kept as data is one role, whatever its competency headings look like
    splits = [] if "declared" in document.metadata else _role_headings(blocks, body_start)
    if splits:
        anchors: dict[str, int] = {}
        roles = []
        for i, end in splits:
            anchor = slugify(blocks[i].text) or "role"
            n = anchors.get(anchor, 0)
            anchors[anchor] = n + 1
            anchor = f"{anchor}-{n}" if n else anchor  # GitHub's rule for repeated headings
            roles.append(_make_role(document, f"{doc_id}#{anchor}", blocks[i].text, blocks[i + 1:end],
                                    blocks[i].level, kind, organization, first=blocks[i].line))
        return roles
    if not doc_title:
        doc_title = _fallback_title(document, blocks)
    if not looks_like_role_title(clean_title(doc_title)[0]):
        stem = _file_title(document.source)
        if looks_like_role_title(stem):  # "Engineering Manager 5.md" whose front matter says "README"
            doc_title = stem
        elif document.kind is None:
            raise ParseError(f"not a role document: title {doc_title!r} names no role", document.source)
    base = blocks[title_index].level if title_index is not None else 0
    return [_make_role(document, doc_id, doc_title, blocks[body_start:], base, kind, organization,
                       first=blocks[0].line)]


def _meta_str(meta, keys: Sequence[str]) -> str | None:
    for key in keys:
        value = meta.get(key)
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return None


def _meta_organization(meta) -> str | None:
    org = _meta_str(meta, ORGANIZATION_KEYS)
    if org:
        return org
    summary = meta.get("summary")
    if isinstance(summary, str) and 0 < len(summary.split()) <= thresholds.ORGANIZATION_SUMMARY_MAX_WORDS \
            and not summary.rstrip().endswith("."):
        return summary.strip()
    return None


def _role_kind(document: Document, blocks: list[Block]) -> str:
    """``job_posting`` when metadata or wording says so, else ``ladder_level``."""
    meta = document.metadata
    posting = thresholds.POSTING_METADATA_KEY_SCORE * sum(1 for key in meta if key in POSTING_METADATA_KEYS)
    category = str(meta.get("category", "")).lower()
    posting += thresholds.POSTING_JOB_CATEGORY_SCORE if "job" in category else 0
    posting += thresholds.POSTING_SUMMARY_ORGANIZATION_SCORE if _meta_organization(meta) and "summary" in meta else 0
    text = " ".join(normalize(b.text) for b in blocks[:thresholds.POSTING_CUE_BLOCKS])
    padded = f" {text} "
    posting += thresholds.POSTING_CUE_SCORE * sum(1 for cue in POSTING_CUES if f" {cue} " in padded)
    posting += thresholds.POSTING_BENEFITS_HEADING_SCORE * sum(
        1 for b in blocks if b.kind == "heading" and section_kind(b.text) == "benefits")
    ladder = sum(1 for cue in LADDER_CUES if f" {cue} " in padded)
    return "job_posting" if posting > ladder and posting >= thresholds.POSTING_MIN_SCORE else "ladder_level"


def _same_title(heading: str, title: str) -> bool:
    """True when a heading restates the document's title ("Director of Engineering (People Manager Path)")."""
    a, b = normalize(clean_title(heading)[0]), normalize(clean_title(title)[0])
    return bool(a) and bool(b) and (a == b or a in b or b in a)


def _title_block(blocks: list[Block]) -> int | None:
    """Index of the document's title heading: the first block when it is a heading
    of the document's highest rank, or the first level-1 heading among the first blocks."""
    headings = [b.level for b in blocks if b.kind == "heading" and b.level > 0]
    if not headings:
        return None
    top = min(headings)
    for i, b in enumerate(blocks[:thresholds.TITLE_SEARCH_BLOCKS]):
        if b.kind == "heading" and b.level > 0:
            if b.level == top and (i == 0 or b.level == 1) and headings.count(top) == 1:
                return i
            if b.level == 1 and i == 0:
                return i
            return None
    return None


def _role_headings(blocks: list[Block], start: int) -> list[tuple[int, int]]:
    """(heading index, end index) of each role when the document holds several, else []."""
    by_level: dict[int, list[int]] = {}
    for i in range(start, len(blocks)):
        b = blocks[i]
        if b.kind == "heading" and b.level > 0:
            by_level.setdefault(b.level, []).append(i)
    for level in sorted(by_level):
        idx = by_level[level]
        roles = [i for i in idx if looks_like_role_title(clean_title(blocks[i].text)[0])]
        if len(roles) < thresholds.MIN_ROLES_TO_SPLIT or len(roles) < thresholds.MIN_ROLE_HEADING_SHARE * len(idx):
            continue
        spans = []
        for i in roles:
            end = next((j for j in range(i + 1, len(blocks)) if blocks[j].kind == "heading"
                        and 0 < blocks[j].level <= level), len(blocks))
            spans.append((i, end))
        return spans
    return []


def _file_title(source: str) -> str:
    """A title from a file name: ``"director_of_engineering.md"`` -> ``"director of engineering"``."""
    stem = source.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return " ".join(stem.replace("_", " ").replace("-", " ").split())


def _fallback_title(document: Document, blocks: list[Block]) -> str:
    first = next((b for b in blocks if b.kind == "heading"), None)
    if first is not None:
        return first.text
    return _file_title(document.source) or "Untitled"


def _make_role(document: Document, role_id: str, heading: str, blocks: Sequence[Block],
               base_level: int, kind: str, organization: str | None, first: int) -> Role:
    title, code = clean_title(heading)
    metadata = dict(document.metadata)
    if code:
        metadata["level_code"] = code
    if document.fragment:
        metadata["fragment"] = document.fragment
    skip = {normalize(title), normalize(heading)}
    sections = _SectionBuilder(role_id, base_level, skip, organization).build(blocks)
    last = max((b.end_line for b in blocks), default=first)
    return Role(id=role_id, source=document.source, title=title, kind=kind,  # type: ignore[arg-type]
                span=(first, max(first, last)), organization=organization, heading=heading,
                metadata=metadata, sections=sections, content_hash=document.content_hash)


def _heading_kind(heading: str) -> str | None:
    """Section kind named by a heading, ignoring a trailing parenthetical note."""
    return section_kind(heading) or section_kind(heading.split("(", 1)[0])


@dataclass
class _Node:
    """A section or statement while the tree is being built."""

    heading: str = ""
    path: tuple[str, ...] = ()
    kind: str = "other"
    level: int = 0
    line: int = 0
    statements: list["_Item"] = field(default_factory=list)
    subsections: list["_Node"] = field(default_factory=list)

    def freeze(self) -> Section:
        return Section(self.heading, self.path, self.kind, self.line,  # type: ignore[arg-type]
                       tuple(s.freeze() for s in self.statements),
                       tuple(s.freeze() for s in self.subsections))


@dataclass
class _Item:
    id: str
    text: str
    line: int
    end_line: int
    kind: str
    label: str | None
    depth: int = 0
    links: tuple[Link, ...] = ()
    children: list["_Item"] = field(default_factory=list)

    def freeze(self) -> Statement:
        return Statement(self.id, self.text, self.line, self.end_line, self.kind,
                         tuple(c.freeze() for c in self.children), self.label, links=self.links)


class _SectionBuilder:
    """Builds the section tree of one role from its blocks (numbering statements in order)."""

    def __init__(self, role_id: str, base_level: int, skip_texts: set[str],
                 organization: str | None = None):
        self.role_id = role_id
        self.organization = normalize(organization) if organization else None
        self.base_level = base_level
        self.skip = skip_texts
        self.skip_len = 2 * max((len(t) for t in skip_texts), default=0) + 8
        self.count = 0

    def _id(self) -> str:
        self.count += 1
        return f"{self.role_id}:{self.count}"

    def build(self, blocks: Sequence[Block]) -> tuple[Section, ...]:
        root = _Node(level=-1)
        intro = _Node(line=blocks[0].line if blocks else 0)
        root.subsections.append(intro)
        stack: list[_Node] = [root]
        current = intro
        items: list[_Item] = []
        real_level = self.base_level
        for b in blocks:
            if b.kind == "heading":
                named = (b.label if b.label in SECTION_KINDS else None) or _heading_kind(b.text) or (
                    "about" if self.organization and self.organization in normalize(b.text) else None)
                if b.level > 0:
                    level = real_level = b.level
                else:  # bold pseudo-heading: below the last real heading; an unnamed one nests
                    # under a named one that has no text of its own yet ("What will you do?" > "Deliver")
                    top = stack[-1]
                    nests = top.level > real_level and (top.level == real_level + 2 or not
                                                        (top.statements or top.subsections))
                    level = real_level + (2 if not named and nests else 1)
                while len(stack) > 1 and stack[-1].level >= level:
                    stack.pop()
                parent = stack[-1]
                kind = named or (parent.kind if parent is not root else "other")
                node = _Node(b.text, parent.path + (b.text,) if parent is not root else (b.text,),
                             kind, level, b.line)
                parent.subsections.append(node)
                stack.append(node)
                current, items = node, []
                continue
            if b.kind == "code" or (len(b.text) <= self.skip_len and normalize(b.text) in self.skip):
                continue
            if b.kind == "item":
                depth = min(b.level, thresholds.MAX_NESTING_DEPTH)
                item = _Item(self._id(), b.text, b.line, b.end_line, "item", b.label, depth, b.links)
                while items and items[-1].depth >= depth:
                    items.pop()
                (items[-1].children if items else current.statements).append(item)
                items.append(item)
                continue
            items = []
            if b.kind == "row":
                current.statements.append(_Item(self._id(), b.text, b.line, b.end_line,
                                                "header" if b.level else "row", b.label, 0, b.links))
                continue
            for sentence, offset in split_sentences(b.text):
                # a line break inside one source line (``<br>``) must not move past the block's end
                line = min(b.line + b.text.count("\n", 0, offset), max(b.line, b.end_line))
                links = tuple(lk for lk in b.links if lk.text in sentence)
                current.statements.append(_Item(self._id(), sentence, line, line, "sentence", b.label,
                                                0, links))
        sections = [s.freeze() for s in root.subsections]
        return tuple(s for s in sections if s.heading or s.statements or s.subsections)
