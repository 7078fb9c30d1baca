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
from .extract.layout import expand, is_listing, is_tagline, paragraph_kind, promote_headings, title_in_text
from .model import Block, Document, Link, Role, Section, Statement
from .readers.text import key_value
from .vocab import (LADDER_CUES, NON_EXPECTATION_KINDS, POSTING_CUES, POSTING_METADATA_KEYS, POSTING_WEAK_CUES,
                    SECTION_KINDS, looks_like_role_title, names_role_content, normalize, opens_with_kind_phrase,
                    section_kind)

TITLE_KEYS = ("title", "position", "job_title", "role", "name")
ORGANIZATION_KEYS = ("company", "organization", "organisation", "employer", "company_name")
#: Words of a role's text: an untitled text given as a role needs one of them (or posting or ladder wording).
ROLE_TEXT_WORDS = frozenset({"you", "your", "experience", "team", "teams", "role", "responsibilities", "engineers",
                             "engineering", "manage", "lead", "skills", "requirements", "hiring", "candidate"})
#: Headings of a posting's boilerplate: each is one point of posting evidence.
BOILERPLATE_HEADINGS = frozenset({"benefits", "legal", "application"})


def parse(document: Document, doc_id: str, *, any_text: bool = False) -> list[Role]:
    """The roles in ``document``; ``doc_id`` is its stable id (path relative to the input root).

    One role per document, or one per heading when at least
    ``thresholds.MIN_ROLES_TO_SPLIT`` headings of one level are role titles
    (GitLab's ``_index.md``, Packback, Abtion); never for a level of a ladder kept as data
    (``metadata["declared"]``). A heading block whose ``label`` is a section kind (a ladder-data
    reader's competency heading) has that kind. Paragraphs pasted as one run are split first
    (``extract.layout.expand``). Raises ``ParseError`` when the document has no text, when it
    lists many roles in one line each and no format says it is a posting (code ``NOT_A_POSTING``: a
    job board's page, a dashboard), or, unless ``any_text``, when its title names no role (code
    ``NO_ROLE``). With ``any_text``
    (the user said the text is a role) such a document is one role whose title is read from
    its first lines when one names a role, else None.
    """
    blocks = list(document.blocks)
    if not blocks:
        raise ParseError("no text to parse (the body is empty)", document.source)
    # a record of a postings format is a posting even when it lists several roles (an HN post of five)
    if document.kind is None and is_listing(blocks) and not _role_headings(blocks, 0):
        raise ParseError("not a posting: the text lists many roles, one line each (a job board, a careers "
                         "page or a dashboard)", document.source, code="NOT_A_POSTING", reason="not a posting")
    blocks = expand(_field_lines(blocks))
    kind = document.kind or _role_kind(document, blocks)
    if kind == "job_posting":
        blocks = promote_headings(blocks)
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
    title: str | None = doc_title
    if not looks_like_role_title(clean_title(doc_title)[0]):
        stem = _file_title(document.source)
        if looks_like_role_title(stem):  # "Engineering Manager 5.md" whose front matter says "README"
            title = stem
        elif any_text and (_reads_as_role(document, blocks) or title_in_text(blocks)):
            title = title_in_text(blocks)
            body_start = 0  # "Open position" is part of the text, not its title
            if title is None and kind == "ladder_level" and document.kind is None:
                kind = "job_posting"  # text given as a role, naming none and no ladder: a posting's body
        elif document.kind is None:
            raise ParseError(f"not a role document: title {doc_title!r} names no role", document.source)
    base = blocks[title_index].level if title_index is not None and body_start else 0
    return [_make_role(document, doc_id, title, blocks[body_start:], base, kind, organization,
                       first=blocks[0].line)]


def _field_lines(blocks: list[Block]) -> list[Block]:
    """Paragraphs made of "Key: value" lines ("**Company:** Acme" / "**Location:** Berlin", "地点：深圳")
    split into one labelled block per line, as the plain-text reader gives them."""
    out: list[Block] = []
    for b in blocks:
        lines = b.text.split("\n") if b.kind == "paragraph" and "\n" in b.text else []
        pairs = [key_value(ln) for ln in lines]
        if sum(p is not None for p in pairs) < 2:
            out.append(b)
            continue
        for i, (ln, pair) in enumerate(zip(lines, pairs)):
            line = min(b.line + i, max(b.line, b.end_line))
            label = (b.label if i == 0 else None) if pair is None else pair[0]
            text = ln if pair is None else pair[1]
            if i == 0 and b.label and pair is None:
                label = b.label
            out.append(Block("paragraph", text, line, line, 0, b.links, b.emphasis, label))
    return out


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
    posting, ladder = _kind_scores(document, blocks)
    return "job_posting" if posting > ladder and posting >= thresholds.POSTING_MIN_SCORE else "ladder_level"


def _reads_as_role(document: Document, blocks: list[Block]) -> bool:
    """True when an untitled text reads as a role at all: some posting or ladder wording, or words a
    role's text uses ("you", "experience", "team"); a grocery list does not."""
    posting, ladder = _kind_scores(document, blocks)
    words = set(" ".join(normalize(b.text) for b in blocks[:thresholds.POSTING_CUE_BLOCKS]).split())
    return posting + ladder > 0 or bool(words & ROLE_TEXT_WORDS)


def _kind_scores(document: Document, blocks: list[Block]) -> tuple[int, int]:
    """(posting evidence, ladder evidence) of a document (see ``thresholds.POSTING_MIN_SCORE``)."""
    meta = document.metadata
    posting = thresholds.POSTING_METADATA_KEY_SCORE * sum(1 for key in meta if key in POSTING_METADATA_KEYS)
    category = str(meta.get("category", "")).lower()
    posting += thresholds.POSTING_JOB_CATEGORY_SCORE if "job" in category else 0
    posting += thresholds.POSTING_SUMMARY_ORGANIZATION_SCORE if _meta_organization(meta) and "summary" in meta else 0
    text = " ".join(normalize(b.text) for b in blocks[:thresholds.POSTING_CUE_BLOCKS])
    padded = f" {text} "
    posting += thresholds.POSTING_CUE_SCORE * sum(1 for cue in POSTING_CUES if f" {cue} " in padded)
    posting += thresholds.POSTING_WEAK_CUE_SCORE * sum(1 for cue in POSTING_WEAK_CUES if f" {cue} " in padded)
    posting += thresholds.POSTING_BENEFITS_HEADING_SCORE * sum(
        1 for b in blocks if b.kind == "heading" and section_kind(b.text) in BOILERPLATE_HEADINGS)
    posting += thresholds.POSTING_BOILERPLATE_PARAGRAPH_SCORE * sum(
        1 for b in blocks[:thresholds.POSTING_CUE_BLOCKS] if b.kind == "paragraph" and paragraph_kind(b.text))
    if title_in_text(blocks[:1]) and " | " in blocks[0].text:  # "Acme | Engineer | Berlin"
        posting += thresholds.POSTING_HEADER_LINE_SCORE
    ladder = sum(1 for cue in LADDER_CUES if f" {cue} " in padded)
    return posting, ladder


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


def _make_role(document: Document, role_id: str, heading: str | None, blocks: Sequence[Block],
               base_level: int, kind: str, organization: str | None, first: int) -> Role:
    title, code = clean_title(heading) if heading else (None, None)
    metadata = dict(document.metadata)
    if code:
        metadata["level_code"] = code
    if document.fragment:
        metadata["fragment"] = document.fragment
    skip = {normalize(title), normalize(heading)} if title and heading else set()
    sections = _SectionBuilder(role_id, base_level, skip, organization, kind).build(blocks)
    last = max((b.end_line for b in blocks), default=first)
    return Role(id=role_id, source=document.source, title=title, kind=kind,  # type: ignore[arg-type]
                span=(first, max(first, last)), organization=organization, heading=heading,
                metadata=metadata, sections=sections, content_hash=document.content_hash)


def _cut(sentence: str) -> str:
    """A statement no longer than ``thresholds.MAX_STATEMENT_CHARS`` (a run of text with no sentence end
    inside a paragraph kept whole; the reader's ``limit_warnings`` reports it)."""
    limit = thresholds.MAX_STATEMENT_CHARS
    return sentence if len(sentence) <= limit else sentence[: limit - 1] + "…"


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


#: Section kinds of the role's own text, where a company blurb must name the employer to be split off.
_ROLE_SECTIONS = frozenset({"responsibilities", "qualifications", "nice_to_have"})


class _SectionBuilder:
    """Builds the section tree of one role from its blocks (numbering statements in order)."""

    def __init__(self, role_id: str, base_level: int, skip_texts: set[str],
                 organization: str | None = None, role_kind: str = "ladder_level"):
        self.role_id = role_id
        self.posting = role_kind == "job_posting"
        self.last_boilerplate: _Node | None = None  # the last untitled boilerplate subsection made...
        self.boilerplate_end = -1  # ...and the statement count when its last paragraph ended
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
                    "about" if self.organization and self.organization in normalize(b.text)
                    and not names_role_content(b.text) else None)  # not "What you'll bring to Acme"
                if b.level > 0:
                    level = real_level = b.level
                else:  # bold pseudo-heading: below the last real heading; an unnamed one nests
                    # under a named one that has no text of its own yet ("What will you do?" > "Deliver")
                    top = stack[-1]
                    nests = top.level > real_level and (top.level == real_level + 2 or not
                                                        (top.statements or top.subsections))
                    level = real_level + (2 if not named and nests else 1)
                if named in NON_EXPECTATION_KINDS and current is stack[-1] and current.kind == named and \
                        current.heading and not opens_with_kind_phrase(b.text):
                    level = max(level, current.level + 1)  # "Comprehensive health plans and perks" under "Benefits"
                while len(stack) > 1 and stack[-1].level >= level:
                    stack.pop()
                parent = stack[-1]
                # an unnamed heading takes its parent's kind, but never a boilerplate one when it speaks
                # of the role ("You shouldn't apply if" under "Why apply", "Skills we value" under "Our culture")
                inherits = parent is not root and not (parent.kind in NON_EXPECTATION_KINDS
                                                       and names_role_content(b.text))
                kind = named or (parent.kind if inherits else "other")
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
            target = self._boilerplate(b, current)
            if b.kind == "row":
                current.statements.append(_Item(self._id(), b.text, b.line, b.end_line,
                                                "header" if b.level else "row", b.label, 0, b.links))
                continue
            for sentence, offset in split_sentences(b.text):
                # a line break inside one source line (``<br>``) must not move past the block's end
                line = min(b.line + b.text.count("\n", 0, offset), max(b.line, b.end_line))
                links = tuple(lk for lk in b.links if lk.text in sentence)
                target.statements.append(_Item(self._id(), _cut(sentence), line, line, "sentence", b.label,
                                               0, links))
            if target is not current:
                self.boilerplate_end = self.count
        sections = [s.freeze() for s in root.subsections]
        return tuple(s for s in sections if s.heading or s.statements or s.subsections)

    def _boilerplate(self, b: Block, current: _Node) -> _Node:
        """Where a paragraph goes: ``current``, or, for a boilerplate paragraph under no boilerplate
        heading (``extract.layout.paragraph_kind``: a company blurb, an equal-opportunity notice,
        how to apply), a new untitled subsection of ``current`` of that kind. Company blurbs are
        looked for in job postings only (a ladder's "Engineering Managers are the ..." is no blurb)."""
        if b.kind != "paragraph":
            return current
        kind = paragraph_kind(f"{b.label}: {b.text}" if b.label else b.text)
        if kind is None or kind == current.kind or (kind in ("about", "benefits") and (
                not self.posting or current.kind in NON_EXPECTATION_KINDS)):
            return current
        first = normalize((split_sentences(b.text) or [(b.text, 0)])[0][0])
        if kind == "about" and (current.kind in _ROLE_SECTIONS and self.organization or names_role_content(
                current.heading)) and not (self.organization and self.organization in first):
            return current  # a blurb of the team or product inside the role's own section, not the employer's
        tagline = len(current.statements) <= 1 and not current.subsections and all(
            st.kind == "sentence" and is_tagline(st.text, self.organization) for st in current.statements)
        if kind == "about" and tagline and current.heading and current.kind == "other" and \
                not looks_like_role_title(current.heading) and not names_role_content(current.heading):
            current.kind = kind  # "Us", "What we're building": an unnamed heading over a company blurb heads it
            return current
        last = current.subsections[-1] if current.subsections else None
        if last is not None and last is self.last_boilerplate and last.kind == kind and \
                self.count == self.boilerplate_end:
            return last  # the next paragraph of the same block
        node = _Node("", current.path, kind, current.level + 1, b.line)
        if kind == "about" and tagline and current.statements and not current.heading and \
                self.count == int(current.statements[0].id.rsplit(":", 1)[1]):  # "Acme: TV online!" opens the blurb
            node.statements, node.line, current.statements = current.statements, current.statements[0].line, []
        current.subsections.append(node)
        self.last_boilerplate = node
        return node
