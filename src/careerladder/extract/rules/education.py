"""education: "Bachelor's degree in a related field or the equivalent in work experience",
"BS/MS in Computer Science", "a university degree", "PhD preferred".

``value``: phd | master | bachelor | degree; ``qualifier``: "or equivalent experience"
when the text accepts experience instead.
"""

from __future__ import annotations

import re

from ...model import Requirement, Statement
from ...vocab import NON_EXPECTATION_KINDS
from ._util import may_contain, requirement

#: (value, pattern, words one of which the pattern needs: lower-case for ``re.I`` patterns, as written
#: for case-sensitive ones); the first pattern that matches gives the value.
_DEGREES: tuple[tuple[str, re.Pattern[str], tuple[str, ...]], ...] = (
    ("phd", re.compile(r"\b(?:ph\.?\s?d\.?|doctorate|doctoral\s+degree)(?!\w)", re.I), ("ph", "doctor")),
    ("master", re.compile(r"\bmaster(?:'s|’s|s)?\s+(?:degree|of|in)\b|\b(?:m\.?sc\.?|mba)\b|\badvanced\s+degree\b", re.I),
     ("master", "sc", "mba", "advanced")),
    ("master", re.compile(r"\bMaster(?:'s|’s|s)(?!\w)|\b(?:MS|M\.S\.|M\.Eng|MA|M\.A\.)(?!\w)(?!\s+(?:SQL|Office|Excel|Word|"
                          r"Teams|Project|Azure|Dynamics|Access|Visio|PowerPoint|Outlook|Windows|365|Exchange|Intune))"),
     ("Master", "MS", "M.S.", "M.Eng", "MA", "M.A.")),
    ("bachelor", re.compile(r"\b(?:bachelor'?s?|bachelor’s|b\.?sc\.?|undergraduate)\b", re.I),
     ("bachelor", "sc", "undergraduate")),
    ("bachelor", re.compile(r"\b(?:BS|B\.S\.|BA|B\.A\.|B\.Eng)(?!\w)"), ("BS", "B.S.", "BA", "B.A.", "B.Eng")),
    ("degree", re.compile(r"\b(?:(?:university|college|academic|engineering|technical)\s+)?degree\b|"
                          r"\b(?:higher|university|tertiary)\s+education\b", re.I),
     ("degree", "education")),
    ("phd", re.compile(r"博士"), ("博士",)),
    ("master", re.compile(r"硕士|研究生"), ("硕士", "研究生")),
    ("bachelor", re.compile(r"本科|学士"), ("本科", "学士")),
    ("degree", re.compile(r"学历|大专"), ("学历", "大专")),
)
#: Rank of each value: the minimum degree asked is the lowest ("BS/MS" -> bachelor; a "degree" with no
#: level and a "Bachelor's" in one sentence -> bachelor).
RANK = {"bachelor": 1, "degree": 1.5, "master": 2, "phd": 3}
#: A degree the text says is not needed.
_NO_DEGREE = re.compile(r"\b(?:no|without\s+a|not\s+(?:require|need)\w*\s+a)\s+(?:college\s+|university\s+|formal\s+)?"
                        r"degree|\bdegree\s+(?:is\s+)?(?:not\s+(?:required|necessary|needed)|optional)", re.I)
#: _DEGREES with whether each pattern ignores case (``re.RegexFlag`` arithmetic is slow Python code).
_CHECKS = tuple((value, pattern, needs, bool(pattern.flags & re.I)) for value, pattern, needs in _DEGREES)
_EQUIVALENT = re.compile(r"\bor\s+(?:the\s+)?(?:an?\s+)?equivalent\b|\bor\s+(?:comparable|relevant)\s+"
                         r"(?:work\s+)?experience\b|equivalent\s+(?:practical\s+|work\s+)?experience", re.I)
_NOT_DEGREE = re.compile(r"\b(?:360|\d+)[- ]degree\b|\bdegree\s+of\b|\bto\s+some\s+degree\b|"
                         r"\bhigh\s+degree\b|\bdegrees?\s+(?:celsius|fahrenheit)\b", re.I)


#: The generic "degree" and a level right before it ("Master's degree", "BS degree", "advanced degree").
_GENERIC = re.compile(r"\bdegree\b", re.I)
_LEVEL_BEFORE = re.compile(r"(?:\bmaster(?:'s|’s|s)?|\bbachelor(?:'s|’s|s)?|\b(?:MS|M\.S\.|MSc|BS|B\.S\.|BSc|BA|MA|"
                           r"MBA|Ph\.?D\.?|doctoral|advanced|graduate|postgraduate)|\))\s+$", re.I)

_TRIGGER = re.compile(r"degree|bachelor|master|ph|bs|ms|b\.s|m\.s|mba|doctor|ba |ma |undergraduate|university|"
                      r"higher education|tertiary")


def find(st: Statement, ctx) -> list[Requirement]:
    """At most one education requirement for ``st``: the lowest degree it names (the minimum asked)."""
    if ctx.section_kind in NON_EXPECTATION_KINDS:
        return []
    lower = ctx.lower
    if not _TRIGGER.search(lower) and lower.isascii():
        return []
    text = st.text
    if "degree" in lower and _NO_DEGREE.search(text):
        return []
    if "degree" in lower and _NOT_DEGREE.search(text) and "bachelor" not in lower and "master" not in lower:
        return []  # (each branch of _NOT_DEGREE needs "degree": letters with no non-ASCII case partner)
    values = []
    for value, pattern, needs, ignore_case in _CHECKS:
        if ignore_case:
            if not may_contain(lower, needs):
                continue
        elif not any(word in text for word in needs):
            continue
        if pattern.search(text):
            values.append(value)
    if "degree" in values and len(values) > 1 and not any(
            not _LEVEL_BEFORE.search(text[:m.start()]) for m in _GENERIC.finditer(text)):
        values.remove("degree")  # "Master's degree", "MS degree", "PhD or advanced degree": the noun of a level
    if not values:
        return []
    value = min(values, key=RANK.__getitem__)
    qualifier = "or equivalent experience" if _EQUIVALENT.search(st.text) else None
    return [requirement("education", st, st.text, value=value, qualifier=qualifier)]
