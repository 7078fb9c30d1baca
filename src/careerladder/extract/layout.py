"""The layout of postings as people paste them: structure inside run-together paragraphs, the
kind of boilerplate paragraphs that stand under no heading, and pages that are not one posting.

Pure functions on ``Block`` lists (``parse`` calls them before it builds sections); every pattern
is in ``extract.grammar``.

>>> blocks = expand([Block("paragraph", "About UsAcme makes maps. " + "We draw them well. " * 30
...                        + "Requirements * 5+ years of Go * A degree", 1, 1)])
>>> [(b.kind, b.text[:20]) for b in blocks]
[('heading', 'About Us'), ('paragraph', 'Acme makes maps. We '), ('heading', 'Requirements'), ('item', '5+ years of Go'), ('item', 'A degree')]
>>> paragraph_kind("Acme is an equal opportunity employer and values diversity.")
'legal'
"""

from __future__ import annotations

import re

from .. import thresholds
from ..model import Block
from ..vocab import ROLE_NOUNS, TITLE_SEPARATORS, holds_address, looks_like_role_title, normalize, section_kind
from .grammar import (ABOUT_START, APPLICATION_START, BENEFITS_START, GLUED_HEADING, INLINE_BULLET, LEGAL_CUE,
                      LEGAL_TOPIC, ROLE_CUE, ROLE_WORK, clean_title, split_sentences)

_SMALL = frozenset({"of", "and", "the", "for", "in", "on", "at", "to", "a", "an", "&", "or", "with", "you", "we"})


def expand(blocks: list[Block]) -> list[Block]:
    """``blocks`` with each long pasted paragraph split into its parts: headings run into the next
    sentence ("Job SummaryWe are ..."), lists pasted inline (" * item * item"), and the short
    Title Case phrase that ends a paragraph right before such a list ("... our clients. Primary
    Job Responsibilities * Manage ..."). Other blocks come back as they are; the parts keep the
    paragraph's lines. Paragraphs shorter than ``thresholds.PASTED_MIN_CHARS`` are left alone."""
    out: list[Block] = []
    for b in blocks:
        if b.kind != "paragraph" or len(b.text) < thresholds.PASTED_MIN_CHARS or b.label:
            out.append(b)
            continue
        out.extend(_split_paragraph(b))
    return out


def _split_paragraph(b: Block) -> list[Block]:
    parts: list[Block] = []
    pieces = INLINE_BULLET.split(b.text)
    inline_list = len(pieces) > thresholds.PASTED_MIN_BULLETS
    if not inline_list:
        pieces = [b.text]
    for i, piece in enumerate(pieces):
        piece = piece.strip()
        if not piece:
            continue
        kind = "item" if inline_list and i > 0 else "paragraph"
        chunks = _glued_headings(piece)
        for j, (is_heading, text) in enumerate(chunks):
            if is_heading:
                parts.append(Block("heading", text, b.line, b.end_line, 0))
                continue
            last = j == len(chunks) - 1
            head, tail = (_trailing_heading(text) if inline_list and last and i + 1 < len(pieces) else (text, None))
            if head:
                parts.append(Block(kind if j == 0 else "paragraph", head, b.line, b.end_line, 0, b.links,
                                   b.emphasis, None))
            if tail:
                parts.append(Block("heading", tail, b.line, b.end_line, 0))
    return parts or [b]


def promote_headings(blocks: list[Block]) -> list[Block]:
    """``blocks`` of a posting with its short lines that stand alone as headings made headings (level 0):
    a paragraph of at most ``thresholds.TEXT_MAX_HEADING_WORDS`` words, without sentence punctuation,
    that names a section ("Our tech stack", "Profile", "Requirements:") or is wholly emphasised and
    Title Case ("_About Us_", "*Better Together*")."""
    out = []
    for b in blocks:
        text = b.text.strip()
        words = text.split()
        if b.kind == "paragraph" and not b.label and 0 < len(words) <= thresholds.TEXT_MAX_HEADING_WORDS \
                and "\n" not in text and not text.rstrip(":").endswith((".", ",", ";", "!")):
            bare = text.rstrip(":").strip()
            titled = all(w[:1].isupper() or w.lower() in _SMALL or not w[:1].isalpha() for w in words)
            # "Apply: https://acme.example/jobs" and "Salary range: $90k" are statements, not headings
            named = section_kind(bare) is not None and not any(ch.isdigit() for ch in bare)
            if not holds_address(text) and (named or (b.emphasis and titled) or (text.endswith(":") and titled)):
                out.append(Block("heading", bare, b.line, b.end_line, 0, b.links, b.emphasis))
                continue
        out.append(b)
    return out


def _glued_headings(text: str) -> list[tuple[bool, str]]:
    """[(is_heading, text)...]: ``text`` cut at known section headings run into what follows."""
    out: list[tuple[bool, str]] = []
    start = 0
    for m in GLUED_HEADING.finditer(text):
        if text.count("(", 0, m.start()) > text.count(")", 0, m.start()):
            continue  # inside brackets: "(the Green DiversityCharter)" names a charter, it starts no section
        before = text[start:m.start()].strip()
        if before:
            out.append((False, before))
        out.append((True, (m.group("named") or m.group("heading") or m.group("glued")).strip()))
        start = m.end()
    rest = text[start:].strip()
    if rest:
        out.append((False, rest))
    return out


#: A capital right after a lower-case word with no punctuation between: where a heading may start
#: that was run into the end of a pasted list item.
_RUN_ON = re.compile(r"(?<=[a-z)]) (?=[A-Z])")
#: Words a heading's own first words follow ("Discover our Benefits", "Life at Acme"): never cut after them.
_LEADS_ON = frozenset({"our", "your", "their", "its", "my", "the", "a", "an", "of", "at", "to", "for", "with",
                       "about", "and", "or", "in", "on"})


#: Words of a phrase that explains a heading to the reader ("this is what we expect from you").
_ADDRESSED = frozenset({"you", "your", "we", "our", "us"})


def _explained_heading(text: str) -> bool:
    """A section name, a dash and a lower-case phrase addressed to the reader explaining it: "Your tasks
    – this is what awaits you"; not "Compensation: Berlin – $90K", "Your team – twelve engineers"."""
    head, dash, rest = text.partition(" – ") if " – " in text else text.partition(" - ")
    return bool(dash) and rest[:1].islower() and not any(ch.isdigit() or ch in ":;$€£" for ch in text) \
        and not _ADDRESSED.isdisjoint(rest.lower().split()) \
        and len(text.split()) <= thresholds.MAX_EXPLAINED_HEADING_WORDS \
        and len(head.split()) <= thresholds.MAX_SHORT_HEADING_WORDS and section_kind(head) is not None \
        and not text.endswith((".", "!", "?", ",", ";"))


def _run_on_heading(text: str, last: str, offset: int) -> tuple[str, str | None]:
    """(text, heading): a section name run into the end of ``last``, the last sentence of ``text`` at
    ``offset`` ("... as an organization Your profile – this is what we expect from you")."""
    for m in _RUN_ON.finditer(last):
        if last[:m.start()].rsplit(None, 1)[-1].lower() in _LEADS_ON:
            continue  # "... Discover our Benefits" is cut before "Discover", not inside the heading
        tail = last[m.end():]
        if len(tail.split()) <= thresholds.MAX_EXPLAINED_HEADING_WORDS and (
                _explained_heading(tail) or len(tail.split()) <= thresholds.RUN_ON_HEADING_WORDS
                and section_kind(tail.rstrip(":")) is not None and not tail.endswith((".", "!", "?", ",", ";"))):
            return text[:offset + m.end()].strip(), tail.rstrip(":")
    return text, None


def _trailing_heading(text: str) -> tuple[str, str | None]:
    """(text, heading): a short Title Case phrase after the last sentence of ``text`` is a heading
    ("... and opportunities. Experience" before a pasted list)."""
    sentences = split_sentences(text)
    if not sentences:
        return text, None
    last, offset = sentences[-1]
    words = last.split()
    if _explained_heading(last):  # "Your tasks – this is what awaits you in detail" before a pasted list
        return text[:offset].strip(), last.rstrip(":")
    if not words or len(words) > thresholds.MAX_SHORT_HEADING_WORDS or last.endswith((".", "!", "?", ",", ";")) \
            or not (all(w[:1].isupper() or w.lower() in _SMALL or not w[:1].isalpha() for w in words)
                    and words[0][:1].isupper()) and section_kind(last) is None:
        return _run_on_heading(text, last, offset)
    if len(sentences) == 1 and len(words) == len(text.split()):
        if len(words) == 1 and section_kind(last) is None:
            return text, None  # one capitalized word between two bullets is an item ("* Kotlin * Swift")
        return "", last  # the whole piece is the heading
    return text[:offset].strip(), last.rstrip(":")


def _strong_legal(text: str) -> bool:
    """A legal cue in ``text`` that is not also a topic of work (equal opportunity, e-verify...)."""
    return any(not LEGAL_TOPIC.match(m.group(0)) for m in LEGAL_CUE.finditer(text))


def paragraph_kind(text: str, first: bool = False) -> str | None:
    """The boilerplate kind of a paragraph that stands under no boilerplate heading, or None.

    ``legal``: equal opportunity, privacy, accommodation, agency or fraud notices (privacy, data
    protection, agencies and pay transparency only in a paragraph that says nothing of the role's
    work: "Experience with data protection law" is a requirement); ``application``:
    how to apply (the paragraph starts so); ``benefits``: "We offer ...", "Benefits: ...";
    ``about``: a company blurb ("We are a ...", "Acme is a ...", "Founded in ...") that says
    nothing of the role (no "you will", "this role", "looking for"...). ``first``: the paragraph
    opens the posting (a company blurb is most often there). Conservative: a paragraph that is
    about the role is never boilerplate, so None when unsure.
    """
    legal = LEGAL_CUE.search(text)
    if legal and not (LEGAL_TOPIC.match(legal.group(0)) and not _strong_legal(text)
                      and ROLE_WORK.search(text)):
        return "legal"
    if APPLICATION_START.search(text):
        return "application"
    if ROLE_CUE.search(text):
        return None
    if BENEFITS_START.search(text):
        return "benefits"
    m = ABOUT_START.search(text)
    if m and not (m.group("subject") and any(w in ROLE_NOUNS for w in m.group("subject").lower().split())):
        return "about"  # "Administrative Assistant provides ..." describes the role
    return None


#: Field separators of a header line ("Acme | Engineer | Berlin", "Acme - CTO - Remote"): no tagline.
_FIELDS = re.compile(r"[|·•]| [-–—] ")


def is_tagline(text: str, organization: str | None) -> bool:
    """True when ``text`` is a short line naming the employer (``organization``, normalized) that may
    open its blurb: at most ``thresholds.TAGLINE_MAX_WORDS`` words, no header fields.
    ``("Acme: TV on the Internet!", "acme")`` -> True; ``("Acme | Engineer | Berlin", "acme")`` -> False."""
    return organization is not None and len(text.split()) <= thresholds.TAGLINE_MAX_WORDS and \
        organization in normalize(text) and not _FIELDS.search(text)


def _lines(blocks: list[Block]) -> list[str]:
    return [ln for b in blocks if b.kind != "heading" for ln in b.text.split("\n") if ln.strip()]


def listed_roles(blocks: list[Block]) -> int:
    """How many lines are one-line role listings ("Engineering Manager, Payments · Acme · Dublin ·
    2d ago"): a role title followed by at least ``thresholds.LISTING_MIN_FIELDS - 1`` separated
    fields (company, place, pay, age), as a job board or a careers page lists roles."""
    count = 0
    for line in _lines(blocks):
        if len(line) > thresholds.LISTING_MAX_CHARS:
            continue
        fields = _fields(line)
        if len(fields) >= thresholds.LISTING_MIN_FIELDS and looks_like_role_title(fields[0]):
            count += 1
    return count


def _fields(line: str) -> list[str]:
    for sep in (" · ", " | ", " • ", " — ", " – ", " - ", "\t"):
        if line.count(sep) >= thresholds.LISTING_MIN_FIELDS - 1:
            return [f.strip() for f in line.split(sep) if f.strip()]
    return [line]


def is_listing(blocks: list[Block]) -> bool:
    """True when ``blocks`` list many roles (a job board's page, a careers page, an applicant's
    dashboard) rather than describe one: at least ``thresholds.LISTING_MIN_ROLES`` listing lines
    making up at least ``thresholds.LISTING_MIN_SHARE`` of the lines that are not headings."""
    listed = listed_roles(blocks)
    return listed >= thresholds.LISTING_MIN_ROLES and listed >= thresholds.LISTING_MIN_SHARE * len(_lines(blocks))


def title_in_text(blocks: list[Block]) -> str | None:
    """A role title in the first lines of an untitled text: a short line, or a field of a
    ``Company | Role | Place`` header line, that reads as a role title; else None."""
    for b in blocks[:3]:
        line = b.text.split("\n", 1)[0]
        if len(line) > 200:
            continue
        fields = [line]
        for sep in TITLE_SEPARATORS[:4]:
            if line.count(sep) >= 2 or sep == " | " and sep in line:
                fields = [f.strip() for f in line.split(sep) if f.strip()]
                break
        for f in fields:
            if len(f.split()) <= 12 and looks_like_role_title(clean_title(f)[0]):
                return clean_title(f)[0]
    return None


__all__ = ["expand", "is_listing", "listed_roles", "paragraph_kind", "promote_headings", "title_in_text"]
