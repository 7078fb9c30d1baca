"""years_experience: "4+ years of engineering leadership experience", "At least 5 years",
"3+ years of relevant work experience", "2+ years of experience managing a technical team",
"10+" under a "Years of experience" heading.

min/max in years (max None when open-ended: a bare "5 years" is a floor);
qualifier: management > leadership > engineering > work, from the words around.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ... import thresholds as T
from ...model import Requirement, Statement
from ...vocab import NON_EXPECTATION_KINDS
from ..grammar import BOUNDED, RANGE, bounds
from ._util import full_text, requirement

_YEARS = re.compile(
    rf"(?<![\w.$€£-]){BOUNDED}\s*(?:years?|yrs?)\b(?:'|’)?(?=(?P<after>[^.;!?]{{0,90}}))", re.I)
_EXPERIENCE_OF = re.compile(
    rf"\bexperience\s+of\s+{BOUNDED}\s*(?:years?|yrs?)\b(?=(?P<after>[^.;!?]{{0,60}}))", re.I)
_BARE = re.compile(rf"^\s*{RANGE}\s*(?:years?|yrs?)?\s*$", re.I)
#: Words right after "N years" that say it is about experience.
_EXPERIENCE_CUE = re.compile(
    r"\b(?:experience|exp\b|managing|leading|working|building|developing|designing|writing|"
    r"running|coding|programming|management|leadership|in\s+(?:a|an|the|software|engineering|"
    r"tech|people|product|industry|professional|senior|leadership|management)|as\s+an?\b|"
    r"of\s+(?:software|engineering|professional|industry|relevant|hands|technical|progressive|"
    r"people|team|direct|management|leadership|combined|proven|related|practical|commercial|"
    r"full|backend|frontend|web|production)|track\s+record|hands-on|professional)", re.I)
_NOT_EXPERIENCE = re.compile(r"^\s*(?:ago|old|of\s+age|anniversary|warranty|in\s+business|running\b|"
                             r"(?:of\s+)?(?:history|growth|operation|existence|track\s+record\s+of\s+(?:growth|success))\b)",
                             re.I)
#: Before the number: the company's age or a period, not experience asked of the hire ("for over 20 years,
#: we have", "founded just over five years ago", "we've been remote for 7 years", "a 4-year vesting").
_COMPANY_AGE = re.compile(r"(?:\b(?:we|we've|we’ve|we\s+have|our\s+\w+|company|business|firm|founded|"
                          r"been\s+(?:\w+\s+){0,2})\b[^.;]{0,40}\b(?:for|over|in|past|last)\s+(?:just\s+|almost\s+|"
                          r"nearly\s+|more\s+than\s+|over\s+)?$|\b(?:vesting|contract|warranty|lease)\b[^.;]{0,20}$)",
                          re.I)
#: Chinese: "7年以上" (7 years or more), "3-5年" + 经验 (experience).
_CJK_YEARS = re.compile(r"(?P<lo>\d{1,2})\s*(?:[-~－—到至]\s*(?P<hi>\d{1,2})\s*)?年(?P<plus>以上|及以上)?")
_QUALIFIERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("management", re.compile(
        r"\b(?:manag\w*|people\s+lead\w*|direct\s+reports?|leading\s+(?:\w+\s+)?(?:teams?|engineers|people))\b",
        re.I)),
    ("leadership", re.compile(r"\b(?:lead\w*|leadership|head\s+of)\b", re.I)),
    ("engineering", re.compile(
        r"\b(?:engineering|software|development|developer|programming|coding|technical|hands-on|"
        r"backend|frontend|full[- ]stack|architecture)\b", re.I)),
    ("work", re.compile(r"\b(?:work|professional|industry|relevant|experience)\b", re.I)),
)
#: Where the words about one number of years end ("... experience with at least 2 years managing").
_WINDOW_END = re.compile(r"\s(?:with|while|including|plus|and\s+(?:at\s+least|a\s+minimum|\d))\s|[,(]|\d", re.I)
_HEADING = re.compile(r"\byears?\s+of\s+experience\b", re.I)


@lru_cache(maxsize=1024)
def _years_heading(path: tuple[str, ...]) -> bool:
    """True when a heading of ``path`` says "years of experience" (cached: every statement of a
    section asks, and searching a long heading once per statement was quadratic)."""
    return any(_HEADING.search(h) for h in path)


def _qualifier(window: str) -> str | None:
    for name, pattern in _QUALIFIERS:
        if pattern.search(window):
            return name
    return None


def find(st: Statement, ctx) -> list[Requirement]:
    """years_experience requirements in ``st``; see the module docstring."""
    if ctx.section_kind in NON_EXPECTATION_KINDS:
        return []
    lower = ctx.lower
    if "year" not in lower and "yr" not in lower and "年" not in lower:
        if _years_heading(ctx.section_path):
            m = _BARE.match(st.text)
            if m:
                lo, hi, _ = bounds(m)
                if lo is not None and lo < T.BARE_YEARS_BELOW:
                    return [requirement("years_experience", st, st.text, min=lo,
                                        max=hi if hi != lo else None, unit="years")]
        return []
    text = full_text(st)
    found: list[Requirement] = []
    if "年" in text and ("经验" in text or "工作" in text):
        for m in _CJK_YEARS.finditer(text):
            lo, hi = float(m.group("lo")), m.group("hi")
            if lo < 50:
                found.append(requirement("years_experience", st, m.group(0), min=lo,
                                         max=float(hi) if hi and not m.group("plus") else None, unit="years"))
    for pattern in (_YEARS, _EXPERIENCE_OF):
        for m in pattern.finditer(text):
            after = m.group("after")
            if _NOT_EXPERIENCE.match(after) or not _EXPERIENCE_CUE.search(after[:70]):
                if pattern is _YEARS and "experience" not in text[max(0, m.start() - 40):m.start()].lower():
                    continue
            lo, hi, vague = bounds(m)
            if lo is None or vague or lo > T.MAX_YEARS:
                continue
            if _COMPANY_AGE.search(text[max(0, m.start() - 60):m.start()]) and \
                    "experience" not in text[max(0, m.start() - 40):m.end() + 40].lower():
                continue  # the company's age or a period, not experience
            explicit_range = m.group("hi") is not None and not m.group("plus")  # "3–5+ years" is open-ended
            end = _WINDOW_END.search(after)
            window = after[: end.start()] if end else after[:70]
            qualifier = _qualifier(window) or _qualifier(text[max(0, m.start() - 40):m.start()])
            found.append(requirement("years_experience", st, m.group(0),
                                     min=lo, max=hi if explicit_range else None, unit="years",
                                     qualifier=qualifier))
    return found
