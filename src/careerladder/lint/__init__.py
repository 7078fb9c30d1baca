"""Ladder lint: what a ladder's authors should fix (``findings``: running and reporting; ``checks``:
one function per code; ``context``: what the checks share about one ladder; ``words``: vague words).
"""

from .checks import CHECKS, Check
from .findings import (DIAGNOSTIC_SEVERITY, LADDER_CHECKS, OPTIONAL, Finding, counts, exit_status, finding_data,
                       lint_ladder, lint_ladders)

__all__ = ["CHECKS", "LADDER_CHECKS", "OPTIONAL", "Check", "DIAGNOSTIC_SEVERITY", "Finding", "counts", "exit_status", "finding_data",
           "lint_ladder", "lint_ladders"]
