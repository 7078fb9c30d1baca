"""manages_managers: "manager of managers", "managing other engineering managers",
"Manage and coach Engineering Managers", "experience managing managers",
"managers reporting to you", "Manage team leads and engineering managers", "3 EMs report to you", "hire and
grow engineering managers", "a second-line manager".

No number; ``value`` is ``"yes"``. Working *with* managers ("Work with other
engineering managers") does not count.
"""

from __future__ import annotations

import re

from ...model import Requirement, Statement
from ...vocab import NON_EXPECTATION_KINDS
from ._util import may_contain, requirement

_TARGET = (r"(?:(?:other|multiple|several|first[- ]line|line|people|senior|engineering|software|"
           r"development|front[- ]?line|\w+)[\s/]+){0,4}"
           r"(?:managers|directors|team\s+leads|tech(?:nical)?\s+leads|engineering\s+leads|heads\s+of|"
           r"department\s+heads|forem[ae]n|forepersons|supervisors|EMs)")
#: (pattern, words one of which it needs, and words one of which it also needs), tried in order.
_PATTERNS = (
    (re.compile(r"\bmanagers?\s+of\s+(?:other\s+)?managers\b", re.I), ("managers",), ("manager",)),
    (re.compile(rf"\b(?:manag(?:e|es|ed|ing)|lead(?:s|ing)?|coach(?:es|ing)?|mentor(?:s|ing)?|"
                rf"supervis(?:e|es|ing))\b(?:\s+(?:and|&)\s+\w+)?\s+{_TARGET}\b", re.I),
     ("manag", "lead", "coach", "mentor", "supervis"),
     ("managers", "directors", "leads", "heads", "forem", "foreperson", "supervisors", "ems")),
    (re.compile(r"\b(?:managers|directors)\s+(?:who\s+)?report(?:ing)?\s+(?:directly\s+)?to\s+(?:you|me|them)\b",
                re.I), ("managers", "directors"), ("report",)),
    (re.compile(r"\bmanager\s+direct\s+reports\b", re.I), ("manager",), ("direct",)),
    (re.compile(r"\bthrough\s+(?:\w+\s+){0,3}(?:managers|directors|team\s+leads|leads|department\s+heads)\b", re.I),
     ("through",), ("managers", "directors", "leads", "heads")),
    (re.compile(r"\b(?:managers|directors|team\s+leads|leads)\s+(?:and\s+\w+\s+)?(?:who\s+)?(?:will\s+)?"
                r"report(?:ing)?\s+(?:directly\s+)?(?:to|into)\s+(?:you|this\s+role|the\s+role)\b", re.I),
     ("managers", "directors", "leads"), ("report",)),
    (re.compile(r"\b(?:organi[sz]ation|team)s?\s+of\s+(?:managers|leaders|team\s+leads|directors)\b", re.I),
     ("managers", "leaders", "leads", "directors"), ("org", "team")),
    # "3 EMs report to you", "Your reports will include 3 engineering managers"
    (re.compile(r"\b(?:\d+\s+)?EMs\s+(?:will\s+)?report\b|\b(?:your\s+)?(?:direct\s+)?reports\s+(?:will\s+)?"
                r"(?:include|are)\s+(?:\w+\s+){0,3}?(?:managers|directors|team\s+leads)\b", re.I),
     ("ems", "reports"), ("report",)),
    # "You will hire, grow and retain engineering managers": the role builds a layer of managers
    (re.compile(r"\b(?:hir(?:e|es|ing)|grow(?:s|ing)?|develop(?:s|ing)?|retain(?:s|ing)?)"
                r"(?:(?:,\s*|\s+and\s+|\s*&\s*)(?:hire|grow|develop|retain|coach|mentor|lead|manage)\w*)*"
                r"\s+(?:your\s+|our\s+|the\s+|new\s+)?(?:engineering|software|first[- ]line|people)\s+managers\b", re.I),
     ("hir", "grow", "develop", "retain"), ("managers",)),
    (re.compile(r"\b(?:second|2nd)[- ]line\s+(?:manager|management|leader)", re.I), ("line",), ("second", "2nd")),
)
_NOT = re.compile(r"\b(?:product|project|program|account|office|marketing|sales|community|"
                  r"hiring|property|case|release)\s+managers\b", re.I)


def find(st: Statement, ctx) -> list[Requirement]:
    """At most one manages_managers requirement for ``st``; see the module docstring."""
    lower = ctx.lower
    if "manager" not in lower and "director" not in lower and "lead" not in lower and "head" not in lower \
            and "forem" not in lower and "foreperson" not in lower and "supervisor" not in lower and "ems" not in lower:
        return []
    if ctx.section_kind in NON_EXPECTATION_KINDS:
        return []
    for pattern, needs, also in _PATTERNS:
        if not (may_contain(lower, needs) and may_contain(lower, also)):
            continue
        m = pattern.search(st.text)
        if m and not _NOT.search(m.group(0)):
            return [requirement("manages_managers", st, m.group(0), value="yes")]
    return []
