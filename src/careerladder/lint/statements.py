"""Which lines of a level are its expectations, as lint judges them.

A level's page holds more than expectations: table cells and headers, navigation ("Continue
reading: [VP of Engineering](vp.md)"), template placeholders ("[Add the team's tools here]",
"// ... existing code ..."), cross-references ("The expectations for L3 still apply"), reading
lists and counter-examples ("Additional reading", "Red flags"), and on some sites the text of the
neighbouring levels shown side by side with the level's own (a table whose columns are the level
below, this level and the level above). None of these is an expectation a ladder's authors wrote
for the level, so no check judges them.

A *side-by-side* section is one with a line that is only the title of another level of the same
company ("Staff Engineer" above a column of bullets): lint cannot tell which lines belong to which
column, so the whole section is left out, and the level is not compared with other levels (its
text holds theirs). Pure; ``level_text`` is the entry point.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Collection

from .. import thresholds as T
from .words import is_cross_reference, is_navigation, is_non_expectation_heading, is_placeholder
from ..extract.grammar import clean_title
from ..model import Role, Statement, iter_sections, iter_statements
from ..vocab import normalize


def title_key(text: str | None) -> str:
    """A title as compared for side-by-side columns: cleaned ("Sr Staff Engineer (IC path)" loses the
    bracket) and normalized (lower case, no punctuation)."""
    return normalize(clean_title(text or "")[0]) if text else ""


def is_expectation(st: Statement) -> bool:
    """A statement an author wrote as an expectation: not a table cell or header, not a line that only
    navigates ("Continue reading: [VP of Engineering](vp.md)"), not a placeholder left to fill in, not a
    pointer at other levels' expectations ("Same as X", "The expectations for L3 still apply")."""
    if st.kind in ("row", "header") or st.reference:
        return False
    text = st.text.strip()
    if st.links and len(text.split()) <= T.LINT_NAVIGATION_MAX_WORDS and not any(c in text for c in ".;"):
        return False
    return not (is_navigation(text) or is_placeholder(text) or is_cross_reference(text))


@dataclass(frozen=True, slots=True)
class LevelText:
    """What lint reads of one level: ``skipped`` (ids of its statements that are not expectations) and
    ``side_by_side`` (True when a section shows other levels' columns beside its own); ``written``:
    True when the page states anything but placeholders and navigation (a level whose expectations
    all sit in sections lint leaves out is not empty)."""

    skipped: frozenset[str]
    side_by_side: bool
    written: bool


def level_text(role: Role, other_titles: Collection[str]) -> LevelText:
    """``LevelText`` of ``role``; ``other_titles``: ``title_key`` of every level of the company (its own
    title is ignored among them)."""
    own = title_key(role.title)
    others = {t for t in other_titles if t and t != own}
    skipped: set[str] = set()
    side = written = False
    for section in iter_sections(role.sections):
        statements = list(iter_statements(section.statements))
        written = written or any(not (is_placeholder(st.text) or is_navigation(st.text)) for st in statements)
        columns = any(st.kind == "sentence" and title_key(st.text) in others for st in statements)
        side = side or columns
        if columns or any(is_non_expectation_heading(h) for h in section.path):
            skipped.update(st.id for st in statements)
        else:
            skipped.update(st.id for st in statements if not is_expectation(st))
    return LevelText(frozenset(skipped), side, written)
