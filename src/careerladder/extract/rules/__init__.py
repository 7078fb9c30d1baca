"""Requirement rules, one file per pattern, applied in the order listed in ``RULES``.

Every rule has the same signature::

    find(statement: Statement, ctx: Context) -> list[Requirement]

and must be fast on text without its keywords (each checks a cheap keyword
first). Add a rule by writing a module here and listing it in ``RULES``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ...model import Requirement, Statement
from . import direct_reports, education, location, manages_managers, remote, team_size, technology, years


@dataclass(frozen=True, slots=True)
class Context:
    """Where a statement stands: its section kind and heading chain, and its role's title/kind.

    ``lower``: the statement's text (with its label) lower-cased, computed once
    for all rules.
    """

    section_kind: str
    section_path: tuple[str, ...]
    role_title: str
    role_kind: str
    lower: str


Rule = Callable[[Statement, Context], list[Requirement]]

#: The requirement rules in order (the order only decides ties in output order).
RULES: tuple[Rule, ...] = (
    years.find, team_size.find, direct_reports.find, manages_managers.find, education.find,
    technology.find, location.find, remote.find,
)

#: The rules read from a posting's title (section kind ``title``): where and how the role works.
TITLE_RULES: tuple[Rule, ...] = (location.find, remote.find)

__all__ = ["Context", "Rule", "RULES", "TITLE_RULES"]
