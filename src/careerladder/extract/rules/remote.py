"""remote: whether the role is remote, hybrid or on site.

``value``: ``remote`` | ``hybrid`` | ``onsite``. "Remote-first", "100% remotely",
"work from anywhere", "fully remote" are remote; "not remote", "in person only", "at one of our offices"
are onsite.
"""

from __future__ import annotations

import re

from ...model import Requirement, Statement
from ._util import full_text, may_contain, requirement

_NOT_REMOTE = re.compile(r"\b(?:not|no|non)[- ](?:a\s+)?remote\b|\bremote\s+(?:is\s+)?not\s+(?:possible|available)\b",
                         re.I)
#: Not a way of working: hybrid clouds and apps, and a role that mixes two kinds of work ("a hybrid role
#: combining research and engineering", "hybrid of product and engineering").
_HYBRID = re.compile(r"\bhybrid\b(?!\s+(?:cloud|app|mobile|infrastructure|architecture|of\b|between\b|"
                     r"(?:role|position|job)\s*(?:,\s*)?(?:that\s+)?(?:combin|blend|mix|spann|bridg|between)))", re.I)
_ONSITE = re.compile(r"\b(?:on[- ]?site|in[- ]office|office[- ]based|in[- ]person\s+only|(?:at|from)\s+(?:one\s+of\s+)?"
                     r"our\s+(?:[A-Z]\w+\s+){0,2}office(?:s|\s+locations?)?)\b"
                     r"(?!\s+(?:visits?|events?|meetings?|interviews?|offsites?|gatherings?))", re.I)
_REMOTE = re.compile(
    r"\b(?:remote(?:ly)?|remote[- ]first|work\s+from\s+(?:home|anywhere)|wfh|distributed\s+(?:team|company)|"
    r"telecommut\w*)\b(?!\s+(?:control|sensing|access|desktop|server|procedure|call))", re.I)


#: Chinese postings: 远程 / 遠程 (remote), 现场/驻场/坐班 (on site), 混合办公 (hybrid).
_CJK = (("hybrid", "混合办公"), ("remote", "远程"), ("remote", "遠程"), ("onsite", "驻场"), ("onsite", "坐班"))
#: (value, pattern, words one of which the pattern needs), tried in order.
_PATTERNS = (("onsite", _NOT_REMOTE, ("remote",)), ("hybrid", _HYBRID, ("hybrid",)),
             ("remote", _REMOTE, ("remote", "work", "wfh", "distributed", "telecommut")),
             ("onsite", _ONSITE, ("site", "office", "person")))
_TRIGGER = re.compile(r"remote|hybrid|site|office|person|anywhere|home|wfh|distributed|telecommut|远程|遠程|混合|驻场|坐班")
#: Words of a sentence that speaks of how the hire works (for the company's about section).
_HIRE = re.compile(r"\b(?:you|your|this\s+role|the\s+role|position|candidates?|employees?\s+can|option)\b", re.I)


def find(st: Statement, ctx) -> list[Requirement]:
    """One remote requirement per way of working ``st`` states: "Remote or onsite in NYC" gives two.

    A remote-first company described in its about section says nothing of the role unless the
    sentence speaks to the hire ("you can work remotely")."""
    lower = ctx.lower
    if not _TRIGGER.search(lower):
        return []
    if ctx.section_kind == "benefits" and "remote" not in lower:
        return []
    text = full_text(st)
    if ctx.section_kind in ("about", "legal", "application") and not _HIRE.search(text):
        return []
    found: dict[str, Requirement] = {}
    for value, pattern, needs in _PATTERNS:
        if value in found or not may_contain(lower, needs):
            continue
        m = pattern.search(text)
        if m:
            found[value] = requirement("remote", st, m.group(0), value=value)
            if pattern is _NOT_REMOTE:
                break  # "not remote": no remote besides
    for value, word in _CJK:
        if word in text and value not in found:
            found[value] = requirement("remote", st, word, value=value)
    return list(found.values())
