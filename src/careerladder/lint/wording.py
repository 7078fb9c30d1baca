"""The wording checks of ladder lint: statements repeated along an inheritance chain, and statements
that name a quality without an action. Registered (``lint.rules``) after the structural checks."""

from __future__ import annotations

from typing import Iterator

from rapidfuzz import fuzz, process, utils

from .. import thresholds as T
from .context import Hit, LadderContext
from .rules import Check, register
from .words import FUNCTION_WORDS, is_vague
from ..classify import stem
from ..extract.grammar import tokens
from ..extract.levels import level_code
from ..model import Role, Statement, iter_sections, iter_statements


def _short(text: str, words: int = 10) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" ..." if len(parts) > words else "")


def _q(role: Role) -> str:
    return repr(role.title)


def check_repeats(ctx: LadderContext) -> Iterator[Hit]:
    """A statement a level repeats from a level it inherits (directly or through others): it already
    has it, so saying it again only adds text to keep in step. Levels that do not inherit are not
    compared: a ladder of stand-alone pages restates on purpose. Statements that differ in a number
    or in any word but a function word ("minor" / "major", "the team" / "the company"; inflection and
    punctuation aside) are parallel statements, not repeats."""
    for role in ctx.levels:
        ancestors = [ctx.by_id[a] for a in sorted(ctx.ancestors(role), key=lambda rid: ctx.index.get(rid, 0))]
        mine = [e.statement for e in ctx.own(role) if len(e.statement.text.split()) >= T.LINT_REPEAT_MIN_WORDS]
        if not ancestors or not mine:
            continue
        theirs = [(a, e.statement) for a in ancestors for e in ctx.own(a)
                  if len(e.statement.text.split()) >= T.LINT_REPEAT_MIN_WORDS]
        if not theirs:
            continue
        scores = process.cdist([utils.default_process(st.text) for st in mine],
                               [utils.default_process(st.text) for _, st in theirs],
                               scorer=fuzz.ratio, score_cutoff=T.LINT_REPEAT_SIMILARITY, workers=1)
        for i, j in zip(*scores.nonzero()):
            if any(k < j for k in scores[i].nonzero()[0]):
                continue  # report each repeated statement once, against the first level that says it
            origin, st = theirs[j]
            if _numbers(mine[i].text) != _numbers(st.text) or _content(mine[i].text) != _content(st.text):
                continue  # "You made it to Level 2" / "... Level 1", "minor" / "major": parallel, not a repeat
            yield Hit(role, mine[i].line, f"{_short(mine[i].text)!r} is already expected at {_q(origin)} "
                                          f"(line {st.line}), which {_q(role)} inherits; say it once there")


def _numbers(text: str) -> list[str]:
    return [w for w in text.replace(",", " ").split() if any(c.isdigit() for c in w)]


def _content(text: str) -> set[str]:
    """The stems of ``text``'s words other than function words (``words.FUNCTION_WORDS``)."""
    return {stem(w) for w in tokens(text) if w not in FUNCTION_WORDS}


def _lists(role: Role) -> dict[str, tuple[Statement, ...]]:
    """statement id -> the list it is an item of (its siblings and itself)."""
    out: dict[str, tuple[Statement, ...]] = {}

    def walk(statements: tuple[Statement, ...]) -> None:
        for st in statements:
            out[st.id] = statements
            walk(st.children)

    for section in iter_sections(role.sections):
        walk(section.statements)
    return out


def _names_list(siblings: tuple[Statement, ...]) -> bool:
    """True for a list of names (competencies, topics, books): at least two items, at least two in three
    of them at most ``LINT_NAME_MAX_WORDS`` words ("Growth Mindset", "Deliver Results", "Client value focus")."""
    items = [st for st in siblings if st.kind == "item"]
    short = [st for st in items if len(tokens(st.text)) <= T.LINT_NAME_MAX_WORDS]
    return len(items) >= 2 and len(short) * 3 >= len(items) * 2


def _judged(st: Statement, section_kind: str, siblings: tuple[Statement, ...], measured: set[str]) -> bool:
    """A statement vague wording is judged on: a list item (prose sentences are summaries and
    explanations), not a nice-to-have, not a measurable requirement, not an item of a list of names,
    and not anchored to a level ("judgment of an IC3")."""
    if st.kind != "item" or section_kind == "nice_to_have" or st.id in measured:
        return False
    code = level_code(st.text)
    if code is not None and code.scheme.isupper():
        return False  # "Strong technical judgment (typically IC3-IC4 level)": calibrated by a level code
    return not _names_list(siblings)


def check_vague_wording(ctx: LadderContext) -> Iterator[Hit]:
    for role in ctx.levels:
        measured = {q.statement_id for q in role.requirements}
        lists = _lists(role)
        for e in ctx.own(role):
            st = e.statement
            if _judged(st, e.section_kind, lists.get(st.id, (st,)), measured) \
                    and is_vague(st.text, T.LINT_VAGUE_MAX_WORDS):
                yield Hit(role, st.line, f"{_short(st.text)!r} names a quality but no action; say what someone "
                                         f"at this level does and how it shows")


WORDING_CHECKS: tuple[Check, ...] = (
    Check("REPEATED_STATEMENT", "warning", "a statement repeated from a level it inherits", check_repeats),
    Check("VAGUE_STATEMENT", "warning", "a quality without an action", check_vague_wording),
)
register(*WORDING_CHECKS)
