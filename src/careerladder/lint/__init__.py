"""Ladder lint: what a ladder's authors should fix (``findings``: running and reporting; ``rules``: the
rule registry and selection; ``checks`` and ``wording``: one function per code; ``context``: what the
checks share about one ladder; ``steps``: which levels are one step apart; ``statements``: which lines
are expectations; ``words``: word lists).
"""

from . import checks, semantic, wording
from .findings import DIAGNOSTIC_SEVERITY, Finding, counts, exit_status, finding_data, lint_ladder, lint_ladders
from .rules import Check, UnknownRule, default_codes, known_codes, register, registered, rule_rows, select_codes

#: The modules that register rules (importing one registers its rules, in this order; a new rule module goes here).
RULE_MODULES = (checks, wording, semantic)
#: Every registered check, in the order they run.
CHECKS: tuple[Check, ...] = registered()

__all__ = ["CHECKS", "Check", "DIAGNOSTIC_SEVERITY", "Finding", "UnknownRule", "counts", "default_codes",
           "exit_status", "finding_data", "known_codes", "lint_ladder", "lint_ladders", "register", "registered",
           "rule_rows", "select_codes"]
