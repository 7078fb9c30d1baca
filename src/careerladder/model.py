"""The typed model every stage shares.

Data flows one way::

    readers -> Document(blocks) -> parse -> Role(sections, statements)
            -> extract -> Role(+requirements, parents, next_level, organization)
            -> resolve -> Ladder(roles with resolved parents, effective expectations)
            -> classify / level -> Role(+competencies, leveling) -> store / render

All classes are frozen dataclasses; a stage returns new objects
(``dataclasses.replace``) instead of mutating its input. Line numbers are
1-based lines of the source file (``Document.source``); a container format
(one JSON file holding many postings) gives the line where the record starts.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal, Mapping

RoleKind = Literal["ladder_level", "job_posting"]
SectionKind = Literal["qualifications", "responsibilities", "nice_to_have", "benefits", "about", "legal",
                      "application", "other"]
BlockKind = Literal["heading", "paragraph", "item", "row", "quote", "code"]
Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True, slots=True)
class Link:
    """A hyperlink inside a block: visible ``text`` and raw ``href`` (as written)."""

    text: str
    href: str


@dataclass(frozen=True, slots=True)
class Block:
    """One flat unit of a document as a reader sees it.

    ``level`` is the heading level (1-6) for headings and the list depth
    (0 = top level) for items. ``line``/``end_line`` are 1-based source lines.
    ``emphasis`` is True when the whole block is italic or bold (``*Same as X*``).
    ``label`` is a leading bold label (``**Impact**: text`` gives ``"Impact"``); for a ``code``
    block (a diagram a reader keeps, such as a mermaid graph) the code's language. Code blocks
    are never statements.
    """

    kind: BlockKind
    text: str
    line: int
    end_line: int
    level: int = 0
    links: tuple[Link, ...] = ()
    emphasis: bool = False
    label: str | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """What a reader produces from one file (or one record of a container file).

    ``source``: the path as given; ``fragment``: the record key inside a
    container file (``None`` for ordinary files); ``format``: the reader's name;
    ``metadata``: front matter or record fields (JSON-safe values);
    ``title``/``organization``/``kind``: what the format itself says (front
    matter ``title``, a posting's company line), ``None`` when it says nothing;
    ``content_hash``: sha256 hex of the source bytes (of the record for containers);
    ``problems``: what the reader met and read past (a bad cell of a ladder matrix), one
    ``Diagnostic`` each, on the first document of a file; the pipeline reports them.
    """

    source: str
    format: str
    blocks: tuple[Block, ...]
    content_hash: str
    metadata: Mapping[str, Any] = field(default_factory=dict)
    title: str | None = None
    organization: str | None = None
    kind: RoleKind | None = None
    fragment: str | None = None
    line_offset: int = 0
    problems: tuple["Diagnostic", ...] = ()


@dataclass(frozen=True, slots=True)
class CompetencyScore:
    """A statement's membership in one competency; ``score`` in [0, 1]."""

    competency: str
    score: float


@dataclass(frozen=True, slots=True)
class Statement:
    """One expectation, requirement or sentence of a role, with its source line.

    ``id``: ``<role id>:<n>`` (n counts statements in document order);
    ``kind``: ``item`` (a bullet), ``sentence`` (from a paragraph) or ``row``
    (a table row); ``children``: nested bullets; ``label``: a leading bold label;
    ``competencies``: filled by ``classify``; ``reference``: True when the
    statement only points at another level ("Same as X, but also...");
    ``links``: hyperlinks in the statement (text and target as written).
    """

    id: str
    text: str
    line: int
    end_line: int
    kind: str = "item"
    children: tuple["Statement", ...] = ()
    label: str | None = None
    competencies: tuple[CompetencyScore, ...] = ()
    reference: bool = False
    links: tuple[Link, ...] = ()


@dataclass(frozen=True, slots=True)
class Section:
    """A heading and what follows it up to the next heading of the same or higher rank.

    ``path``: the heading chain from the role's top (excluding the role title);
    ``kind``: mapped from the heading (``vocab.section_kind``), inherited from the
    enclosing section when the heading itself says nothing (``Strategy`` under
    ``Is expected to`` is ``responsibilities``). ``heading`` is ``""`` for the
    text before a role's first heading.
    """

    heading: str
    path: tuple[str, ...]
    kind: SectionKind
    line: int
    statements: tuple[Statement, ...] = ()
    subsections: tuple["Section", ...] = ()


@dataclass(frozen=True, slots=True)
class Requirement:
    """A measurable requirement found in a statement.

    ``type``: one of ``vocab.REQUIREMENT_TYPES``; ``min``/``max``: numbers in
    ``unit`` (``years``, ``people``, ``reports``), ``max`` is ``None`` when
    open-ended ("4+ years") and both are ``None`` for non-numeric types;
    ``value``: the normalized value for non-numeric types (``"Go"``,
    ``"bachelor"``, ``"remote"``, a location); ``qualifier``: what the number
    is about (``management``, ``leadership``, ``engineering``, ``work``...);
    ``text``: the matched words; ``line``: source line of the statement;
    ``statement_id``: the statement it came from.
    """

    type: str
    text: str
    line: int
    min: float | None = None
    max: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    value: str | None = None
    statement_id: str | None = None


@dataclass(frozen=True, slots=True)
class ParentRef:
    """A level this role inherits from ("Same as X, but also...").

    ``title``: the level named; ``phrase``: the words that said so; ``href``:
    the link target when the reference is a link; ``resolved_id``: the id of the
    role it resolved to, ``None`` while unresolved.
    """

    title: str
    phrase: str
    line: int
    href: str | None = None
    resolved_id: str | None = None


@dataclass(frozen=True, slots=True)
class NextLevelRef:
    """The next level up a role links to ("Continue reading: [VP](vp.md)")."""

    title: str
    line: int
    href: str | None = None
    resolved_id: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """One statement that moved a role's level: ``weight`` > 0 pushes the level up."""

    text: str
    line: int
    competency: str | None
    weight: float
    signal: str
    level: str | None = None


@dataclass(frozen=True, slots=True)
class Leveling:
    """The level a role's text supports.

    ``level``: canonical level (``vocab.LEVELS``); ``scores``: probability per
    management level, summing to 1 (the title, when clear, is a prior in them);
    ``confidence``: the top probability; ``title_level``: what the title alone
    claims; ``text_level``: what the text alone supports (``unknown`` when it
    abstains, ``ic`` when the role manages no one); ``inflation``: ``None`` when
    title and text agree or the text is not confident, else
    ``"title_above_text"`` or ``"title_below_text"``; ``reason``: why the text
    abstained ("too little role content", "not in English", "evidence split
    between director and cto"), None when it answered.
    """

    level: str
    confidence: float
    scores: Mapping[str, float]
    title_level: str
    evidence: tuple[Evidence, ...] = ()
    inflation: str | None = None
    text_level: str | None = None
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class Role:
    """One career-ladder level or one job posting.

    ``id``: stable id from the source path (relative to the input root) plus
    ``#anchor`` when one document holds several roles; ``span``: (first, last)
    source line of the role; ``heading``: the raw heading or title the role
    came from; ``ladder``: the ladder (company and track) it belongs to, set by
    ``resolve``; ``title`` is None only for a text given as one role
    (``parse(..., any_text=True)``) that names no role; ``track``:
    ``management``, ``individual_contributor`` or a track the company names
    (from the title, level code and folder: ``extract`` sets it from the title,
    ``resolve`` for a whole ladder); ``level_code``: the ladder's own code for
    the level (``M4``, ``IC3``, ``Level 3``) or None; ``variant``:
    ``deprecated``, ``draft``, ``specialisation`` or ``duplicate`` when the
    page is a variant of another level (``variant_of``, its role id) rather
    than a level of its own.
    """

    id: str
    source: str
    title: str | None
    kind: RoleKind
    span: tuple[int, int]
    organization: str | None = None
    heading: str | None = None
    metadata: Mapping[str, Any] = field(default_factory=dict)
    sections: tuple[Section, ...] = ()
    requirements: tuple[Requirement, ...] = ()
    parents: tuple[ParentRef, ...] = ()
    next_level: NextLevelRef | None = None
    content_hash: str = ""
    ladder: str | None = None
    leveling: Leveling | None = None
    track: str | None = None
    level_code: str | None = None
    variant: str | None = None
    variant_of: str | None = None


@dataclass(frozen=True, slots=True)
class Expectation:
    """One effective expectation of a level: a statement and the level it came from.

    ``origin_id``/``origin_title``: the role that states it (the level itself
    for its own statements); ``depth``: 0 for own, 1 for the parent, ...;
    ``section_kind``/``section_path``: where it stands in the origin role.
    """

    statement: Statement
    origin_id: str
    origin_title: str
    depth: int
    section_kind: str
    section_path: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A problem found in the input: ``file:line: CODE message``.

    ``reason``: for a file or document that was skipped, why, in a few words a summary counts by
    (``ReadError.reason``: ``"binary"``, ``"unknown format"``...; ``"not a role document"``).
    """

    code: str
    message: str
    source: str
    line: int | None = None
    severity: Severity = "warning"
    reason: str | None = None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where}: {self.code} {self.message}"


@dataclass(frozen=True, slots=True)
class Equivalence:
    """Two levels of different tracks of one company that stand at the same level.

    ``a``/``b``: role ids (``a`` on the ladder that lists the equivalence); ``basis``: ``stated``
    (a sentence says so), ``table`` (a table row pairs them), ``shared code`` (the same number
    in both tracks' level codes: IC5 and M5) or ``reference`` (the ladder says nothing; the
    reference mapping of ``vocab.IC_EQUIVALENT``, labelled as such); ``source``/``line``: where
    the ladder says it (None for ``shared code`` and ``reference``).
    """

    a: str
    b: str
    basis: str
    source: str | None = None
    line: int | None = None


@dataclass(frozen=True, slots=True)
class Ladder:
    """The levels of one track of one company, in level order.

    ``id``: ``<company slug>-<track slug>``; ``name``: the company's display name and the
    track ("Dropbox management", "Dropbox data engineer"); ``company``: the company's display
    name, None when nothing names it (then ``name`` starts with the folder's);
    ``company_inferred``: True when the name comes from a folder name, not from the
    documents; ``track``: ``management``, ``individual_contributor`` or a track the
    company names; ``folder``: the source folder of the company's documents;
    ``roles``: the track's levels, lowest first (variants are not levels: see
    ``variants``); ``order_evidence``: the strongest evidence the order rests on
    (``declared``, ``level codes``, ``inheritance``, ``next-level links``, ``index page``,
    ``document order``, ``title``); ``effective``: role id -> effective
    expectations (own first, then inherited); ``variants``: level role id ->
    role ids of its deprecated, draft, specialisation and duplicate pages;
    ``equivalences``: levels of other tracks of the company at the same level;
    ``trunk``: the id of the ladder (a track of the same company) whose levels come
    before this track's first level, None when the track starts on its own (the
    Financial Times' individual-contributor and people-manager tracks both fork from
    a ``shared`` trunk: Junior Engineer, Engineer, Senior Engineer 1).
    """

    id: str
    name: str
    roles: tuple[Role, ...]
    effective: Mapping[str, tuple[Expectation, ...]] = field(default_factory=dict)
    company: str | None = None
    company_inferred: bool = False
    track: str | None = None
    folder: str | None = None
    order_evidence: str | None = None
    variants: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    equivalences: tuple[Equivalence, ...] = ()
    trunk: str | None = None


def iter_sections(sections: tuple[Section, ...]):
    """Every section of a tree, depth first, parents before their subsections."""
    for section in sections:
        yield section
        yield from iter_sections(section.subsections)


def iter_statements(statements: tuple[Statement, ...]):
    """Every statement of a list, depth first, parents before their children."""
    for st in statements:
        yield st
        yield from iter_statements(st.children)


def role_statements(role: Role):
    """(section, statement) for every statement of ``role`` in document order."""
    for section in iter_sections(role.sections):
        for st in iter_statements(section.statements):
            yield section, st
