"""direct_reports: "a minimum of 2 direct reports", "5-8 direct reports", "span of control of 8",
"Direct reports: 6", "directly manage about 6-8 engineers", "10 people reporting to you".

min/max in reports (max None when open-ended).
"""

from __future__ import annotations

import re

from ... import thresholds as T
from ...model import Requirement, Statement
from ..grammar import BOUNDED, bounds, may_hold_number
from ._util import full_text, requirement

_REPORTS = re.compile(rf"{BOUNDED}\s+(?:direct\s+reports?|directs|reports\b)", re.I)
_APPROX = r"(?:(?:about|approximately|approx\.?|around|roughly|some|nearly)\s+|~\s*)?"
_PEOPLE = r"(?:people|persons|engineers|developers|designers|analysts|scientists|individuals|reports|team\s+members)"
#: "directly manage about 6-8 engineers"...
_DIRECTLY = re.compile(rf"\bdirectly\s+(?:manag\w*|lead\w*|supervis\w*|oversee\w*)\s+{_APPROX}{BOUNDED}\s+"
                       rf"(?:[\w/-]+\s+){{0,2}}?{_PEOPLE}\b", re.I)
#: ...and "10 people reporting to you", "5 backend engineers who report directly to you".
_REPORTING = re.compile(rf"{_APPROX}{BOUNDED}\s+(?:[\w/-]+\s+){{0,2}}?{_PEOPLE}\s+(?:who\s+(?:will\s+)?report|"
                        rf"reporting)\s+(?:directly\s+)?to\s+(?:you|this\s+role)\b", re.I)
_SPAN = re.compile(rf"\bspan\s+of\s+control\s+(?:of\s+)?{BOUNDED}", re.I)
#: A "Key: value" line: "Direct reports: 6", "Number of reports: 4-6", "Span of control: 8".
_KEY = re.compile(rf"^(?:number\s+of\s+)?(?:direct\s+reports|reports|directs|span\s+of\s+control)\s*:\s*{BOUNDED}", re.I)


def find(st: Statement, ctx) -> list[Requirement]:
    """direct_reports requirements in ``st``; see the module docstring."""
    lower = ctx.lower
    if "report" not in lower and "span of control" not in lower and "direct" not in lower:
        return []
    if not may_hold_number(lower):  # both patterns need a number
        return []
    found = []
    patterns = (_KEY, _REPORTS, _DIRECTLY, _REPORTING, _SPAN) if "span" in lower else (_KEY, _REPORTS, _DIRECTLY, _REPORTING)
    for pattern in patterns:
        for m in (pattern.finditer(st.text) if pattern is not _KEY else filter(None, [_KEY.match(full_text(st))])):
            lo, hi, vague = bounds(m)
            if lo is None or vague or lo > T.MAX_DIRECT_REPORTS:
                continue
            found.append(requirement("direct_reports", st, m.group(0), min=lo, max=hi, unit="reports"))
    return found
