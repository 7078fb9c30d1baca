"""team_size: "teams of 20-30 people", "a remote team of four members", "a team of 8",
"an organization of 100+ engineers", "lead 15 engineers", "an 8-person team".

min/max in people; qualifier ``team`` or ``organization``.
"""

from __future__ import annotations

import re

from ... import thresholds as T
from ...model import Requirement, Statement
from ...vocab import NON_EXPECTATION_KINDS
from ..grammar import BOUNDED, bounds
from ._util import may_contain, requirement

_UNIT = r"(?:people|persons|engineers|developers|members|individuals|employees|staff|FTEs?|reports|ICs|" \
        r"engineering\s+professionals|team\s+members|software\s+engineers|data\s+scientists|headcount)"
_GROUP = r"(?P<group>teams?|squads?|organi[sz]ations?|orgs?|departments?|groups?|division)"
_OF = re.compile(rf"\b{_GROUP}\s+(?:of|with)\s+(?:up\s+to\s+)?{BOUNDED}(?:\s+{_UNIT})?", re.I)
_PERSON = re.compile(rf"{BOUNDED}[- ](?:person|people|member|engineer|developer)s?\s+{_GROUP}", re.I)
_VERB = re.compile(
    rf"\b(?:manag\w*|lead(?:s|ing)?|oversee\w*|grow(?:s|ing)?|run(?:s|ning)?|build(?:s|ing)?|scal\w*|"
    rf"supervis\w*|direct(?:s|ing)?)\s+(?:a\s+(?:team|group)\s+of\s+)?(?:up\s+to\s+)?{BOUNDED}\s+{_UNIT}", re.I)


#: Words (lower-case) one of which each pattern needs: ``_GROUP`` (``_OF``, ``_PERSON``), the person
#: nouns of ``_PERSON``, the verbs and the units of ``_VERB``; a statement without them skips the pattern.
_GROUP_WORDS = ("team", "squad", "org", "department", "group", "division")
_PERSON_WORDS = ("person", "people", "member", "engineer", "developer")
_VERB_WORDS = ("manag", "lead", "oversee", "grow", "run", "build", "scal", "supervis", "direct")
_UNIT_WORDS = ("people", "person", "engineer", "developer", "member", "individual", "employee", "staff", "fte",
               "report", "ics", "professional", "scientist", "headcount")
_DIGIT = re.compile(r"\d")
_OF_WORD = re.compile(r" of (?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty)\b")


def find(st: Statement, ctx) -> list[Requirement]:
    """team_size requirements in ``st``; see the module docstring."""
    if ctx.section_kind in NON_EXPECTATION_KINDS or not _DIGIT.search(st.text) and not _OF_WORD.search(ctx.lower):
        return []
    lower = ctx.lower
    found: list[Requirement] = []
    seen: set[tuple[float | None, float | None]] = set()
    has_group = may_contain(lower, _GROUP_WORDS)
    patterns = ((_OF,) if has_group else ()) + \
        ((_PERSON,) if has_group and may_contain(lower, _PERSON_WORDS) else ()) + \
        ((_VERB,) if may_contain(lower, _VERB_WORDS) and may_contain(lower, _UNIT_WORDS) else ())
    for pattern in patterns:
        for m in pattern.finditer(st.text):
            lo, hi, vague = bounds(m)
            if lo is None or vague or lo < T.MIN_TEAM_SIZE or lo > T.MAX_TEAM_SIZE:
                continue
            tail = st.text[m.end(): m.end() + 12].lower()
            if tail.lstrip().startswith(("year", "month", "week", "day", "%", "hour", "direct", "report")):
                continue
            group = (m.groupdict().get("group") or "team").lower()
            qualifier = "organization" if group.startswith(("org", "depart", "division")) else "team"
            if (lo, hi) in seen:
                continue
            seen.add((lo, hi))
            found.append(requirement("team_size", st, m.group(0), min=lo, max=hi, unit="people",
                                     qualifier=qualifier))
    return found
