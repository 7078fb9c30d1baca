"""careerladder: engineering-leadership career ladders and job postings as one calibrated ladder.

The public API (stages can be called one by one)::

    >>> import careerladder
    >>> docs = careerladder.read_text("# Engineering Manager\\n\\n- 3+ years managing engineers\\n", "em.md")
    >>> role = careerladder.extract(careerladder.parse(docs[0], "em.md")[0])
    >>> role.title, role.requirements[0].min
    ('Engineering Manager', 3.0)
    >>> role = careerladder.level_role(careerladder.classify(role))
    >>> role.leveling.title_level
    'em'
"""

from __future__ import annotations

from .classify import classify
from .errors import (CareerLadderError, EvidenceError, LimitError, ParseError, ReadError, ResolveError,
                     StoreError)
from .extract import extract
from .leveling import level_role
from .model import (Block, CompetencyScore, Diagnostic, Document, Equivalence, Evidence, Expectation, Ladder,
                    Leveling, Link, NextLevelRef, ParentRef, Requirement, Role, Section, Statement)
from .parse import parse
from .pipeline import Analyzer, build, ingest, load
from .readers import read_path, read_text
from .resolve import resolve
from .version import __version__

__all__ = [
    "__version__",
    # stages
    "read_path", "read_text", "parse", "extract", "classify", "level_role", "resolve", "load", "build", "ingest",
    "Analyzer",
    # model
    "Block", "Document", "Role", "Section", "Statement", "Requirement", "ParentRef", "NextLevelRef",
    "Ladder", "Expectation", "Leveling", "Evidence", "CompetencyScore", "Diagnostic", "Link", "Equivalence",
    # errors
    "CareerLadderError", "ReadError", "LimitError", "ParseError", "ResolveError", "StoreError", "EvidenceError",
]
