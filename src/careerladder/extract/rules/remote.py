"""remote: whether the role is remote, hybrid or on site.

``value``: ``remote`` | ``hybrid`` | ``onsite``. "Remote-first", "100% remotely",
"work from anywhere", "fully remote" are remote; "not remote" is onsite.
"""

from __future__ import annotations

import re

from ...model import Requirement, Statement
from ._util import full_text, may_contain, requirement

_NOT_REMOTE = re.compile(r"\b(?:not|no|non)[- ](?:a\s+)?remote\b|\bremote\s+(?:is\s+)?not\s+(?:possible|available)\b",
                         re.I)
_HYBRID = re.compile(r"\bhybrid\b(?!\s+(?:cloud|app|mobile|infrastructure|architecture))", re.I)
_ONSITE = re.compile(r"\b(?:on[- ]?site|in[- ]office|office[- ]based)\b(?!\s+(?:visits?|events?|meetings?))", re.I)
_REMOTE = re.compile(
    r"\b(?:remote(?:ly)?|remote[- ]first|work\s+from\s+(?:home|anywhere)|wfh|distributed\s+(?:team|company)|"
    r"telecommut\w*)\b(?!\s+(?:control|sensing|access|desktop|server|procedure|call))", re.I)


#: (value, pattern, words one of which the pattern needs), tried in order.
_PATTERNS = (("onsite", _NOT_REMOTE, ("remote",)), ("hybrid", _HYBRID, ("hybrid",)),
             ("remote", _REMOTE, ("remote", "work", "wfh", "distributed", "telecommut")),
             ("onsite", _ONSITE, ("site", "office")))
_TRIGGER = re.compile(r"remote|hybrid|site|office|anywhere|home|wfh|distributed|telecommut")


def find(st: Statement, ctx) -> list[Requirement]:
    """At most one remote requirement for ``st``."""
    lower = ctx.lower
    if not _TRIGGER.search(lower):
        return []
    if ctx.section_kind == "benefits" and "remote" not in lower:
        return []
    text = full_text(st)
    for value, pattern, needs in _PATTERNS:
        if not may_contain(lower, needs):
            continue
        m = pattern.search(text)
        if m:
            return [requirement("remote", st, m.group(0), value=value)]
    return []
